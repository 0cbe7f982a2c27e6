/**
 * A data order on the reviewer's desk (issue 11): what it asks for (legal process, data, period,
 * non-disclosure order, emergency), then each account with its decision and preservation hold, the
 * emergency's post-hoc review, and the productions delivered. Produced data is never shown here:
 * only the package's manifest (file names, sizes, SHA-256).
 */
import type { RequestDetail } from '../../api.js';
import { useFormat, useTranslation } from '../../i18n/index.js';
import { label } from '../../labels.js';
import { AccountDecision } from './AccountDecision.js';
import { EmergencyReviewPanel } from './EmergencyReviewPanel.js';
import { HoldPanel } from './HoldPanel.js';
import { ProductionPanel } from './ProductionPanel.js';

export type DataRequestDetail = RequestDetail & { dataRequest: NonNullable<RequestDetail['dataRequest']> };

function Particulars({ request }: { request: DataRequestDetail }) {
  const { t } = useTranslation('data-request');
  const format = useFormat();
  const d = request.dataRequest;
  return (
    <dl className="facts card" data-testid="data-particulars">
      <dt>{t('legalProcess')}</dt>
      <dd data-testid="data-legal-process">{label(t, 'legalProcess', d.legalProcess)}</dd>
      <dt>{t('categories')}</dt>
      <dd>
        {d.categories.length ? (
          <ul className="chips">
            {d.categories.map((c) => (
              <li key={c} className="chip">
                {label(t, 'dataCategory', c)}
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">{t('noneStated')}</span>
        )}
      </dd>
      <dt>{t('period')}</dt>
      <dd>
        {d.dateFrom || d.dateTo
          ? t('periodRange', {
              from: d.dateFrom ? format.utc(d.dateFrom) : '…',
              to: d.dateTo ? format.utc(d.dateTo) : '…',
            })
          : t('periodOpen')}
      </dd>
      <dt>{t('nonDisclosure')}</dt>
      <dd data-testid="data-non-disclosure">
        {d.nonDisclosureUntil ? t('nonDisclosureUntil', { until: format.utc(d.nonDisclosureUntil) }) : t('noNonDisclosure')}
      </dd>
      {d.emergency ? (
        <>
          <dt>{t('emergency')}</dt>
          <dd data-testid="data-emergency">
            <strong>{label(t, 'emergencyThreat', d.emergency.threat)}</strong>
            <blockquote className="quote original-text" lang={request.language ?? undefined}>
              {d.emergency.justification}
            </blockquote>
          </dd>
        </>
      ) : null}
    </dl>
  );
}

export function DataRequestSection({ request, decidable }: { request: DataRequestDetail; decidable: boolean }) {
  const { t } = useTranslation('data-request');
  const d = request.dataRequest;
  return (
    <>
      <section className="section" aria-labelledby="data-heading">
        <h2 id="data-heading">{t('title')}</h2>
        <Particulars request={request} />
      </section>
      {d.emergency ? <EmergencyReviewPanel request={request} /> : null}
      <section className="section" aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">
          {t('accounts')} <span className="count">({d.accounts.length})</span>
        </h2>
        <ol className="items data-accounts">
          {d.accounts.map((account) => (
            <li key={account.id} className="card item" data-testid="data-account" data-account-id={account.id}>
              <p className="item-target">
                <span className="chip">{label(t, 'identifierKind', account.identifierKind)}</span>{' '}
                <code data-testid="data-account-identifier">{account.identifier}</code>
              </p>
              <AccountDecision request={request} account={account} decidable={decidable} />
              <HoldPanel request={request} account={account} />
            </li>
          ))}
        </ol>
      </section>
      <ProductionPanel request={request} />
    </>
  );
}
