/** What the content system was asked to do, and when it took effect. (issue 12) */
import { useQuery } from '@tanstack/react-query';
import type { RequestDetail } from '../../api.js';
import { ProblemMessage } from '../../components/Feedback.js';
import { useFormat, useTranslation } from '../../i18n/index.js';
import type { ApiError } from '../../problem.js';
import { actionText, type EnforcementActionRecord, requestEnforcementQuery, statusText } from './enforcement-api.js';

export function EnforcementPanel({ request }: { request: RequestDetail }) {
  const { t } = useTranslation('enforcement');
  const enforcement = useQuery(requestEnforcementQuery(request.id));
  const data = enforcement.data;
  const withActions = data ? data.items.filter((i) => i.actions.length > 0) : [];
  if (!enforcement.error && withActions.length === 0 && (!data || data.contentSystemConfigured)) return null;
  return (
    <section className="section" aria-labelledby="enforcement-heading" data-testid="enforcement-panel">
      <h2 id="enforcement-heading">{t('panel.title')}</h2>
      {enforcement.error ? <ProblemMessage error={enforcement.error as ApiError} /> : null}
      {data && !data.contentSystemConfigured ? (
        <p className="alert alert-info" data-testid="enforcement-not-configured">
          {t('panel.notConfigured')}
        </p>
      ) : null}
      {withActions.length > 0 ? (
        <table className="table" data-testid="enforcement-table">
          <thead>
            <tr>
              <th scope="col">{t('panel.column.item')}</th>
              <th scope="col">{t('panel.column.action')}</th>
              <th scope="col">{t('panel.column.scope')}</th>
              <th scope="col">{t('panel.column.status')}</th>
              <th scope="col">{t('panel.column.decided')}</th>
              <th scope="col">{t('panel.column.effective')}</th>
              <th scope="col">{t('panel.column.timeToEffect')}</th>
            </tr>
          </thead>
          <tbody>
            {withActions.flatMap((item) => {
              const found = request.items.find((i) => i.id === item.itemId);
              return item.actions.map((action) => (
                <ActionRow key={action.id} action={action} target={found ? found.target : item.itemId} />
              ));
            })}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function ActionRow({ action, target }: { action: EnforcementActionRecord; target: string }) {
  const { t } = useTranslation('enforcement');
  const format = useFormat();
  return (
    <tr data-testid="enforcement-action" data-action-id={action.id} data-status={action.status}>
      <td>{target}</td>
      <td>{actionText(t, action.action)}</td>
      <td>{action.scopeCountries ? action.scopeCountries.join(', ') : t('panel.everywhere')}</td>
      <td>
        <span className={`badge enforcement-${action.status}`}>{statusText(t, action.status)}</span>
      </td>
      <td>
        <time dateTime={action.decidedAt}>{format.utc(action.decidedAt)}</time>
      </td>
      <td data-testid="enforcement-effective-at">
        {action.effectiveAt ? <time dateTime={action.effectiveAt}>{format.utc(action.effectiveAt)}</time> : ''}
      </td>
      <td data-testid="enforcement-seconds">
        {action.secondsToGiveEffect === null ? '' : t('panel.seconds', { seconds: action.secondsToGiveEffect })}
      </td>
    </tr>
  );
}
