/** Reviewers' tasks besides the queue: notices due to be sent, appeals to decide. (issue 12) */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { ProblemMessage } from '../../components/Feedback.js';
import { useFormat, useTranslation } from '../../i18n/index.js';
import type { ApiError } from '../../problem.js';
import { noticesApi, noticesQueryKey } from './notices-api.js';

export function TasksPage() {
  const { t } = useTranslation('notices');
  const format = useFormat();
  const due = useQuery({ queryKey: [...noticesQueryKey, 'due'], queryFn: ({ signal }) => noticesApi.due({ signal }) });
  const appeals = useQuery({
    queryKey: [...noticesQueryKey, 'appeals'],
    queryFn: ({ signal }) => noticesApi.openAppeals({ signal }),
  });
  return (
    <section className="section" data-testid="tasks-page">
      <h1>{t('tasks.title')}</h1>
      <h2>{t('tasks.due')}</h2>
      {due.error ? <ProblemMessage error={due.error as ApiError} /> : null}
      {due.data && due.data.notices.length === 0 ? <p>{t('tasks.none')}</p> : null}
      <ul className="list">
        {due.data?.notices.map((n) => (
          <li key={n.id} data-testid="task-notice">
            <Link to={`/review/requests/${n.requestId}`}>{n.requestReference}</Link>{' '}
            {t('tasks.dueLine', { recipient: n.recipient, time: n.heldUntil ? format.utc(n.heldUntil) : '' })}
          </li>
        ))}
      </ul>
      <h2>{t('tasks.appeals')}</h2>
      {appeals.error ? <ProblemMessage error={appeals.error as ApiError} /> : null}
      {appeals.data && appeals.data.appeals.length === 0 ? <p>{t('tasks.none')}</p> : null}
      <ul className="list">
        {appeals.data?.appeals.map((a) => (
          <li key={a.id} data-testid="task-appeal">
            <Link to={`/review/requests/${a.requestId}`}>{a.requestReference}</Link>{' '}
            {t('tasks.appealLine', { time: format.utc(a.receivedAt) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
