/**
 * Who has claimed the order (issue 12), with Claim and Release for those who may claim (release only
 * one's own claim) and Unassign for those who manage orders; a refused change shows its problem.
 */
import { useQuery } from '@tanstack/react-query';
import { can } from '../../../../src/domain/permissions.js';
import type { RequestDetail } from '../../api.js';
import { ProblemMessage } from '../../components/Feedback.js';
import { useFormat, useTranslation } from '../../i18n/index.js';
import { queries } from '../../queries.js';
import { queueWorkApi, useAssigneeChange } from './queue-work-api.js';

export function ClaimPanel({ request }: { request: RequestDetail }) {
  const { t } = useTranslation('queue-work');
  const format = useFormat();
  const user = useQuery(queries.session()).data?.user;
  const claim = useAssigneeChange(request.id, () => queueWorkApi.claim(request.id));
  const release = useAssigneeChange(request.id, () => queueWorkApi.release(request.id));
  const unassign = useAssigneeChange(request.id, () => queueWorkApi.assign(request.id, null));
  const mayClaim = user ? can(user.role, 'orders.claim') : false;
  const mayManage = user ? can(user.role, 'orders.manage') : false;
  const assignee = request.assignee;
  const mine = assignee !== null && assignee.id === user?.id;
  const busy = claim.isPending || release.isPending || unassign.isPending;
  const error = claim.error ?? release.error ?? unassign.error;
  return (
    <section className="section" aria-labelledby="claim-heading" data-testid="claim-panel">
      <h2 id="claim-heading">{t('claim.title')}</h2>
      <p data-testid="claim-holder" data-assignee={assignee?.id ?? ''}>
        {assignee
          ? t(mine ? 'claim.heldByYou' : 'claim.heldBy', {
              name: assignee.name,
              time: request.assignedAt ? format.utc(request.assignedAt) : '',
            })
          : t('claim.nobody')}
      </p>
      <div className="actions">
        {mayClaim && !assignee ? (
          <button type="button" className="button primary" disabled={busy} onClick={() => claim.mutate()} data-testid="claim">
            {t('claim.claim')}
          </button>
        ) : null}
        {mayClaim && mine ? (
          <button type="button" className="button" disabled={busy} onClick={() => release.mutate()} data-testid="release">
            {t('claim.release')}
          </button>
        ) : null}
        {mayManage && assignee && !mine ? (
          <button type="button" className="button" disabled={busy} onClick={() => unassign.mutate()} data-testid="unassign">
            {t('claim.unassign')}
          </button>
        ) : null}
      </div>
      {error ? <ProblemMessage error={error} /> : null}
    </section>
  );
}
