/**
 * Agencies as the platform's admins see them, by status: verify or reject (with a reason) an
 * application, suspend (with a reason) or reinstate a verified agency.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { agencyStatuses } from '../../../../src/contracts/agencies.js';
import { ProblemMessage } from '../../components/Feedback.js';
import { useDocumentTitle } from '../../components/Layout.js';
import { useTranslation } from '../../i18n/index.js';
import { type Agency, type AgencyDecision, type AgencyStatus, portalApi, portalAuthQueries } from '../../portal/queries.js';

const decisionsFor: Record<AgencyStatus, AgencyDecision[]> = {
  pending: ['verify', 'reject'],
  verified: ['suspend'],
  suspended: ['reinstate'],
  rejected: [],
};
const needsReason: ReadonlySet<AgencyDecision> = new Set(['reject', 'suspend']);

export function AgenciesPage() {
  const { t } = useTranslation('admin');
  useDocumentTitle(t('agencies.title'));
  const [status, setStatus] = useState<AgencyStatus>('pending');
  const agencies = useQuery(portalAuthQueries.agencies(status));
  return (
    <section className="page">
      <h1>{t('agencies.title')}</h1>
      <div className="tabs" role="tablist">
        {agencyStatuses.map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            aria-selected={s === status}
            className={s === status ? 'button button-primary' : 'button'}
            data-testid={`agencies-tab-${s}`}
            onClick={() => setStatus(s)}
          >
            {t(`agencies.status.${s}`)}
          </button>
        ))}
      </div>
      {agencies.error ? <ProblemMessage error={agencies.error} /> : null}
      {agencies.data?.agencies.length === 0 ? <p>{t('agencies.none')}</p> : null}
      {agencies.data?.agencies.map((agency) => (
        <AgencyCard key={agency.id} agency={agency} />
      ))}
    </section>
  );
}

function AgencyCard({ agency }: { agency: Agency }) {
  const { t } = useTranslation('admin');
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const decide = useMutation({
    mutationFn: ({ decision }: { decision: AgencyDecision }) =>
      portalApi.decide(agency.id, decision, needsReason.has(decision) ? reason : undefined),
    onSuccess: () => client.invalidateQueries({ queryKey: ['admin-agencies'] }),
  });
  const decisions = decisionsFor[agency.status];
  return (
    <article className="card" data-testid="agency" data-agency={agency.name}>
      <h2>
        {agency.name} ({agency.country})
      </h2>
      <dl>
        <dt>{t('agencies.domain')}</dt>
        <dd>{agency.domain}</dd>
        <dt>{t('agencies.mandate')}</dt>
        <dd>{agency.legalMandate}</dd>
        <dt>{t('agencies.contact')}</dt>
        <dd>{t('agencies.contactValue', { name: agency.contactName, email: agency.contactEmail })}</dd>
        {agency.statusReason ? (
          <>
            <dt>{t('agencies.reason')}</dt>
            <dd>{agency.statusReason}</dd>
          </>
        ) : null}
      </dl>
      {decide.error ? <ProblemMessage error={decide.error} /> : null}
      {decisions.some((d) => needsReason.has(d)) ? (
        <label>
          {t('agencies.reasonLabel')}
          <textarea value={reason} onChange={(e) => setReason(e.target.value)} data-testid="agency-reason" rows={2} />
        </label>
      ) : null}
      <div className="actions">
        {decisions.map((decision) => (
          <button
            key={decision}
            type="button"
            className={decision === 'verify' || decision === 'reinstate' ? 'button button-primary' : 'button'}
            data-testid={`agency-${decision}`}
            disabled={decide.isPending}
            onClick={() => decide.mutate({ decision })}
          >
            {t(`agencies.decision.${decision}`)}
          </button>
        ))}
      </div>
    </article>
  );
}
