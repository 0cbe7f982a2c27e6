/**
 * A data order's part as its agency follows it: the legal process and data asked for, the
 * follow-up legal process an emergency disclosure owes and by when, each account's outcome and
 * hold, and the productions to download.
 */

import { label } from '../../labels.js';
import { AccountOutcomes } from './AccountOutcomes.js';
import { Instant } from './common.js';
import { usePortalDataT } from './data-i18n.js';
import { Productions } from './Productions.js';
import type { AuthorityDataRequest } from './types.js';

export function DataOrderView({ orderId, data }: { orderId: string; data: AuthorityDataRequest }) {
  const { t } = usePortalDataT();
  return (
    <>
      <dl className="facts card" data-testid="portal-data-request">
        <dt>{t('data.legalProcess')}</dt>
        <dd data-testid="portal-data-legal-process-shown">{label(t, 'legalProcess', data.legalProcess)}</dd>
        <dt>{t('data.categories')}</dt>
        <dd>{data.categories.map((c) => label(t, 'dataCategory', c)).join(', ') || t('data.none')}</dd>
        {data.dateFrom || data.dateTo ? (
          <>
            <dt>{t('data.period')}</dt>
            <dd>
              {data.dateFrom ? <Instant iso={data.dateFrom} /> : null} – {data.dateTo ? <Instant iso={data.dateTo} /> : null}
            </dd>
          </>
        ) : null}
        {data.nonDisclosureUntil ? (
          <>
            <dt>{t('data.nonDisclosureUntil')}</dt>
            <dd>
              <Instant iso={data.nonDisclosureUntil} />
            </dd>
          </>
        ) : null}
        {data.emergency ? (
          <>
            <dt>{t('data.threat')}</dt>
            <dd>{label(t, 'emergencyThreat', data.emergency.threat)}</dd>
            <dt>{t('data.justification')}</dt>
            <dd>{data.emergency.justification}</dd>
          </>
        ) : null}
        {data.followUp ? (
          <>
            <dt>{t('followUp.title')}</dt>
            <dd data-testid="portal-follow-up">
              {data.followUp.received ? (
                t('followUp.received', { reference: data.followUp.received.reference })
              ) : (
                <>
                  {t('followUp.dueBy')} <Instant iso={data.followUp.dueAt} testId="portal-follow-up-due" />
                </>
              )}
            </dd>
          </>
        ) : null}
      </dl>
      <h2>{t('accounts.title', { count: data.accounts.length })}</h2>
      <AccountOutcomes orderId={orderId} accounts={data.accounts} />
      <h2>{t('productions.title')}</h2>
      <Productions productions={data.productions} />
    </>
  );
}
