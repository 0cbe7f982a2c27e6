/** Notices to the affected users (held, due, sent) and their appeals. (issue 12) */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { can } from '../../../../src/domain/permissions.js';
import type { RequestDetail } from '../../api.js';
import { ProblemMessage } from '../../components/Feedback.js';
import { type TFunction, useFormat, useTranslation } from '../../i18n/index.js';
import type { ApiError } from '../../problem.js';
import { queries } from '../../queries.js';
import { type AppealWire, type NoticeWire, noticesApi, noticesQueryKey } from './notices-api.js';

export function NoticesPanel({ request }: { request: RequestDetail }) {
  const { t } = useTranslation('notices');
  const session = useQuery(queries.session());
  const user = session.data?.user;
  const notices = useQuery({
    queryKey: [...noticesQueryKey, request.id],
    queryFn: ({ signal }) => noticesApi.ofRequest(request.id, { signal }),
  });
  const restricted = request.items.filter((i) => i.decision && ['removed_legal', 'removed_policy'].includes(i.decision.outcome));
  const mayManage = user ? can(user.role, 'notices.manage') : false;
  if (restricted.length === 0 && (notices.data?.notices.length ?? 0) === 0 && !notices.error) return null;
  return (
    <section className="section" aria-labelledby="notices-heading" data-testid="notices-panel">
      <h2 id="notices-heading">{t('panel.title')}</h2>
      {notices.error ? <ProblemMessage error={notices.error as ApiError} /> : null}
      {notices.data && notices.data.notices.length > 0 ? (
        <ul className="list">
          {notices.data.notices.map((n) => (
            <NoticeRow
              key={n.id}
              notice={n}
              request={request}
              userId={user?.id ?? null}
              mayManage={mayManage}
              mayDecide={user ? can(user.role, 'appeals.decide') : false}
            />
          ))}
        </ul>
      ) : null}
      {mayManage && restricted.length > 0 ? <IssueForm request={request} items={restricted} /> : null}
    </section>
  );
}

function IssueForm({ request, items }: { request: RequestDetail; items: RequestDetail['items'] }) {
  const { t } = useTranslation('notices');
  const client = useQueryClient();
  const [itemId, setItemId] = useState(items[0]!.id);
  const [recipient, setRecipient] = useState('');
  const [email, setEmail] = useState('');
  const issue = useMutation({
    mutationFn: () =>
      noticesApi.issue(request.id, { itemId, recipient, recipientEmail: email.trim() === '' ? undefined : email.trim() }),
    onSuccess: () => {
      setRecipient('');
      setEmail('');
      return client.invalidateQueries({ queryKey: noticesQueryKey });
    },
  });
  return (
    <form
      data-testid="notice-form"
      onSubmit={(e) => {
        e.preventDefault();
        issue.mutate();
      }}
    >
      <h3>{t('form.title')}</h3>
      <label>
        {t('form.item')}
        <select name="itemId" value={itemId} onChange={(e) => setItemId(e.target.value)}>
          {items.map((i) => (
            <option key={i.id} value={i.id}>
              {i.target}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('form.recipient')}
        <input name="recipient" value={recipient} onChange={(e) => setRecipient(e.target.value)} />
      </label>
      <label>
        {t('form.email')}
        <input name="recipientEmail" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      {issue.error ? <ProblemMessage error={issue.error as ApiError} /> : null}
      <button type="submit" className="btn" disabled={issue.isPending}>
        {t('form.submit')}
      </button>
    </form>
  );
}

function NoticeRow(props: {
  notice: NoticeWire;
  request: RequestDetail;
  userId: string | null;
  mayManage: boolean;
  mayDecide: boolean;
}) {
  const { notice: n, request } = props;
  const { t } = useTranslation('notices');
  const format = useFormat();
  const client = useQueryClient();
  const done = () => client.invalidateQueries({ queryKey: noticesQueryKey });
  const send = useMutation({ mutationFn: () => noticesApi.send(request.id, n.id), onSuccess: done });
  const [note, setNote] = useState('');
  const cancel = useMutation({ mutationFn: () => noticesApi.cancel(request.id, n.id, note), onSuccess: done });
  const item = request.items.find((i) => i.id === n.itemId);
  const firstDecider = item?.decision ? item.decision.decidedBy.id === props.userId : false;
  return (
    <li data-testid="notice" data-notice-id={n.id} data-status={n.status}>
      <p>
        {t('row.summary', {
          target: item ? item.target : (n.content.disclosed?.identifier ?? ''),
          recipient: n.recipient,
          status: noticeStatusText(t, n.status),
        })}
      </p>
      {n.heldUntil ? <p>{t('row.heldUntil', { time: format.utc(n.heldUntil) })}</p> : null}
      {n.sentAt ? <p>{t('row.sentAt', { time: format.utc(n.sentAt) })}</p> : null}
      {props.mayManage && (n.status === 'due' || n.status === 'held') ? (
        <div>
          {n.status === 'due' ? (
            <button type="button" className="btn" onClick={() => send.mutate()} disabled={send.isPending}>
              {t('row.send')}
            </button>
          ) : null}
          <label>
            {t('row.cancelNote')}
            <input name="cancelNote" value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="button" className="btn" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
            {t('row.cancel')}
          </button>
          {send.error ? <ProblemMessage error={send.error as ApiError} /> : null}
          {cancel.error ? <ProblemMessage error={cancel.error as ApiError} /> : null}
        </div>
      ) : null}
      {n.appeals.map((a) => (
        <AppealRow key={a.id} appeal={a} requestId={request.id} mayDecide={props.mayDecide && !firstDecider} />
      ))}
    </li>
  );
}

export function AppealRow({ appeal: a, requestId, mayDecide }: { appeal: AppealWire; requestId: string; mayDecide: boolean }) {
  const { t } = useTranslation('notices');
  const format = useFormat();
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const decide = useMutation({
    mutationFn: (outcome: 'upheld' | 'reversed') => noticesApi.decideAppeal(requestId, a.id, { outcome, note }),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: noticesQueryKey }), client.invalidateQueries()]),
  });
  return (
    <div data-testid="appeal" data-appeal-id={a.id} data-status={a.status}>
      <p>{t('appeal.received', { time: format.utc(a.receivedAt), status: appealStatusText(t, a.status) })}</p>
      <blockquote>{a.statement}</blockquote>
      {a.decisionNote ? <p>{t('appeal.note', { note: a.decisionNote })}</p> : null}
      {a.status === 'open' && mayDecide ? (
        <div data-testid="appeal-decision-form">
          <label>
            {t('appeal.noteLabel')}
            <input name="appealNote" value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="button" className="btn" onClick={() => decide.mutate('upheld')} disabled={decide.isPending}>
            {t('appeal.uphold')}
          </button>
          <button type="button" className="btn" onClick={() => decide.mutate('reversed')} disabled={decide.isPending}>
            {t('appeal.reverse')}
          </button>
          {decide.error ? <ProblemMessage error={decide.error as ApiError} /> : null}
        </div>
      ) : null}
    </div>
  );
}

function noticeStatusText(t: TFunction, status: NoticeWire['status']): string {
  switch (status) {
    case 'held':
      return t('notices:status.held');
    case 'due':
      return t('notices:status.due');
    case 'sent':
      return t('notices:status.sent');
    default:
      return t('notices:status.cancelled');
  }
}

export function appealStatusText(t: TFunction, status: AppealWire['status']): string {
  switch (status) {
    case 'open':
      return t('notices:appealStatus.open');
    case 'upheld':
      return t('notices:appealStatus.upheld');
    default:
      return t('notices:appealStatus.reversed');
  }
}
