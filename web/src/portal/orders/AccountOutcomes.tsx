/**
 * Each account of a data order and what became of it, as the authority is told: all, some (which
 * categories) or none of the data produced, why the rest was refused, the legal basis relied on and
 * when; for a preservation, the hold (since, until, extensions) and a button to extend it while it can.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { request } from '../../api.js';
import { label } from '../../labels.js';
import { orderChanged } from '../orders-queries.js';
import { Instant, Problem } from './common.js';
import { usePortalDataT } from './data-i18n.js';
import type { AuthorityDataAccount } from './types.js';

function Hold({ orderId, account }: { orderId: string; account: AuthorityDataAccount }) {
  const { t } = usePortalDataT();
  const client = useQueryClient();
  const extend = useMutation({
    mutationFn: () =>
      request(
        'POST',
        `/api/v1/authority/orders/${encodeURIComponent(orderId)}/accounts/${encodeURIComponent(account.id)}/hold/extend`,
        { body: {} },
      ),
    onSuccess: () => orderChanged(client, orderId),
  });
  const hold = account.hold;
  if (!hold) return null;
  return (
    <div className="portal-hold" data-testid="portal-hold" data-released={hold.releasedAt ? 'true' : 'false'}>
      <dl className="facts facts-compact">
        <dt>{t('hold.since')}</dt>
        <dd>
          <Instant iso={hold.preservedSince} />
        </dd>
        <dt>{t('hold.until')}</dt>
        <dd>
          <Instant iso={hold.preservedUntil} testId="portal-hold-until" />
        </dd>
        <dt>{t('hold.extensions')}</dt>
        <dd>{t('hold.extensionsUsed', { count: hold.extensions })}</dd>
        {hold.legalProcess ? (
          <>
            <dt>{t('hold.legalProcess')}</dt>
            <dd>{hold.legalProcess.reference}</dd>
          </>
        ) : null}
        {hold.releasedAt ? (
          <>
            <dt>{t('hold.released')}</dt>
            <dd>
              <Instant iso={hold.releasedAt} />
            </dd>
          </>
        ) : null}
      </dl>
      {hold.canExtend ? (
        <button
          type="button"
          className="button button-small"
          data-testid="portal-hold-extend"
          disabled={extend.isPending}
          onClick={() => extend.mutate()}
        >
          {t('hold.extend')}
        </button>
      ) : null}
      {extend.error ? <Problem error={extend.error} /> : null}
    </div>
  );
}

export function AccountOutcomes({ orderId, accounts }: { orderId: string; accounts: readonly AuthorityDataAccount[] }) {
  const { t } = usePortalDataT();
  return (
    <ol className="portal-items">
      {accounts.map((a) => (
        <li key={a.id} className="card item" data-testid="portal-account-outcome" data-extent={a.outcome.extent ?? 'pending'}>
          <p className="item-title">
            {t('accounts.account', { n: a.position + 1 })} · {label(t, 'identifierKind', a.identifierKind)}
          </p>
          <p className="item-target">
            <code>{a.identifier}</code>
          </p>
          {a.from && a.to ? (
            <p className="sub">
              <Instant iso={a.from} /> – <Instant iso={a.to} />
            </p>
          ) : null}
          <dl className="facts facts-compact">
            <dt>{t('outcome.extent')}</dt>
            <dd data-testid="portal-account-extent">
              {a.outcome.extent ? label(t, 'productionExtent', a.outcome.extent) : t('outcome.pending')}
            </dd>
            {a.outcome.extent === 'some' ? (
              <>
                <dt>{t('outcome.produced')}</dt>
                <dd>{a.outcome.producedCategories.map((c) => label(t, 'dataCategory', c)).join(', ')}</dd>
              </>
            ) : null}
            {a.outcome.refusalReason ? (
              <>
                <dt>{t('outcome.refusalReason')}</dt>
                <dd data-testid="portal-account-refusal">{label(t, 'refusalReason', a.outcome.refusalReason)}</dd>
              </>
            ) : null}
            {a.outcome.legalBasis ? (
              <>
                <dt>{t('outcome.legalBasis')}</dt>
                <dd>{a.outcome.legalBasis}</dd>
              </>
            ) : null}
            {a.outcome.decidedAt ? (
              <>
                <dt>{t('outcome.decidedAt')}</dt>
                <dd>
                  <Instant iso={a.outcome.decidedAt} />
                </dd>
              </>
            ) : null}
          </dl>
          <Hold orderId={orderId} account={a} />
        </li>
      ))}
    </ol>
  );
}
