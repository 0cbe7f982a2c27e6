/**
 * The conversation with the authority on the reviewer's order page: every message oldest first (the
 * officer named with the agency), what the order lacks, whether the deadline's clock stands still, and
 * the forms to write to the authority and to ask it for a clarification. Bodies are shown as text.
 */
import { useQuery } from '@tanstack/react-query';
import type { RequestDetail } from '../../api.js';
import { ProblemMessage } from '../../components/Feedback.js';
import { useFormat, useTranslation } from '../../i18n/index.js';
import { ClarificationForm, MessageForm } from './ThreadForms.js';
import { type ReviewThread, type ThreadMessage, threadQuery } from './thread-queries.js';

function Author({ message }: { message: ThreadMessage }) {
  const { t } = useTranslation('review-thread');
  const { author } = message;
  return (
    <span>
      {author.side === 'platform'
        ? t('author.platform', { name: author.user.name })
        : t('author.authority', { officer: author.officer.name, agency: author.agency.name })}
    </span>
  );
}

function ClockState({ order }: { order: ReviewThread['order'] }) {
  const { t } = useTranslation('review-thread');
  const format = useFormat();
  const basis = t(`clock.basis.${order.clock.basis}`);
  if (order.clock.pausedAt) {
    return (
      <p className="alert alert-info" data-testid="thread-clock" data-paused="true">
        {t('clock.paused', { time: format.utc(order.clock.pausedAt) })} {basis}
      </p>
    );
  }
  return (
    <p className="hint" data-testid="thread-clock" data-paused="false">
      {order.clock.stopsDuringClarification ? t('clock.wouldStop') : t('clock.runs')} {basis}
    </p>
  );
}

function Missing({ order }: { order: ReviewThread['order'] }) {
  const { t } = useTranslation('review-thread');
  if (order.missingElements.length === 0) return null;
  return (
    <div className="thread-missing" data-testid="thread-missing">
      <h3>{t('missing.title')}</h3>
      <ul>
        {order.missingElements.map((m) => (
          <li key={m.element} data-element={m.element}>
            <strong>{t(`element.${m.element}`, { defaultValue: m.element })}</strong>: {m.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Message({ message }: { message: ThreadMessage }) {
  const { t } = useTranslation('review-thread');
  const format = useFormat();
  return (
    <li className="history-event" data-testid="thread-message" data-kind={message.kind} data-side={message.author.side}>
      <div className="history-head">
        <span className="history-type">{t(`kind.${message.kind}`)}</span>
        <span className="muted">
          <Author message={message} /> · <time dateTime={message.at}>{format.utc(message.at)}</time>
        </span>
      </div>
      <p className="history-summary thread-body">{message.body}</p>
      {message.kind === 'contest' ? <p className="hint">{t('contestHint')}</p> : null}
    </li>
  );
}

export function ThreadPanel({ request }: { request: RequestDetail }) {
  const { t } = useTranslation('review-thread');
  const { data: thread, error } = useQuery(threadQuery(request.id));
  return (
    <section className="section" aria-labelledby="thread-heading" data-testid="thread-panel">
      <h2 id="thread-heading">{t('title')}</h2>
      {error && !thread ? <ProblemMessage error={error} /> : null}
      {thread ? (
        <>
          <ClockState order={thread.order} />
          <Missing order={thread.order} />
          {thread.messages.length === 0 ? (
            <p className="empty">{t('empty')}</p>
          ) : (
            <ol className="history thread">
              {thread.messages.map((m) => (
                <Message key={m.id} message={m} />
              ))}
            </ol>
          )}
        </>
      ) : null}
      <MessageForm requestId={request.id} />
      <ClarificationForm request={request} />
    </section>
  );
}
