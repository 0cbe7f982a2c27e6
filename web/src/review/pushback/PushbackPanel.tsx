/**
 * The platform's pushback on the order (issue 12): each contest and court challenge with its legal
 * argument, court and case number, outcome and the authority's answers, oldest first; legal staff
 * (the `pushback.manage` action) also get the forms to file one, record its outcome and record an
 * answer that came by letter. Every text is shown as text.
 */
import { useQuery } from '@tanstack/react-query';
import { can } from '../../../../src/domain/permissions.js';
import type { RequestDetail } from '../../api.js';
import { ProblemMessage } from '../../components/Feedback.js';
import { useFormat, useTranslation } from '../../i18n/index.js';
import { queries } from '../../queries.js';
import { FilePushbackForm, OutcomeForm, RecordedAnswerForm } from './PushbackForms.js';
import { pushbacksQuery, type ReviewPushback } from './pushback-queries.js';

function Answer({ answer }: { answer: ReviewPushback['answers'][number] }) {
  const { t } = useTranslation('pushback');
  const format = useFormat();
  const who =
    answer.channel === 'letter'
      ? t('answer.letter', { name: answer.recordedBy?.name ?? '' })
      : answer.channel === 'api'
        ? t('answer.api')
        : t('answer.portal', { officer: answer.officer?.name ?? '' });
  return (
    <li className="history-event" data-testid="pushback-answer" data-channel={answer.channel}>
      <div className="history-head">
        <span className="history-type">{t('answer.title')}</span>
        <span className="muted">
          {who} · <time dateTime={answer.at}>{format.utc(answer.at)}</time>
        </span>
      </div>
      <p className="history-summary thread-body">{answer.body}</p>
    </li>
  );
}

function Pushback({ requestId, pushback, manage }: { requestId: string; pushback: ReviewPushback; manage: boolean }) {
  const { t } = useTranslation('pushback');
  const format = useFormat();
  return (
    <li className="card" data-testid="pushback" data-kind={pushback.kind} data-outcome={pushback.outcome}>
      <h3>
        {t(`kind.${pushback.kind}`)} · <span data-testid="pushback-outcome-label">{t(`outcome.${pushback.outcome}`)}</span>
      </h3>
      <p className="muted">
        {t('filed', { name: pushback.createdBy.name, time: format.utc(pushback.filedAt) })}
        {pushback.court ? ` · ${t('court', { court: pushback.court, caseNumber: pushback.caseNumber ?? '' })}` : ''}
      </p>
      <p className="thread-body" data-testid="pushback-argument-text">
        {pushback.argument}
      </p>
      {pushback.outcomeAt ? (
        <p className="hint" data-testid="pushback-outcome-text">
          {t('outcomeRecorded', { outcome: t(`outcome.${pushback.outcome}`), time: format.utc(pushback.outcomeAt) })}
          {pushback.outcomeNote ? ` · ${pushback.outcomeNote}` : ''}
        </p>
      ) : null}
      {pushback.answers.length === 0 ? (
        <p className="empty">{t('noAnswers')}</p>
      ) : (
        <ol className="history thread">
          {pushback.answers.map((a) => (
            <Answer key={a.id} answer={a} />
          ))}
        </ol>
      )}
      {manage ? (
        <>
          <OutcomeForm requestId={requestId} pushback={pushback} />
          <RecordedAnswerForm requestId={requestId} pushbackId={pushback.id} />
        </>
      ) : null}
    </li>
  );
}

export function PushbackPanel({ request }: { request: RequestDetail }) {
  const { t } = useTranslation('pushback');
  const session = useQuery(queries.session());
  const user = session.data?.user;
  const manage = user ? can(user.role, 'pushback.manage') : false;
  const { data, error } = useQuery(pushbacksQuery(request.id));
  return (
    <section className="section" aria-labelledby="pushback-heading" data-testid="pushback-panel">
      <h2 id="pushback-heading">{t('title')}</h2>
      {error && !data ? <ProblemMessage error={error} /> : null}
      {data ? (
        data.pushbacks.length === 0 ? (
          <p className="empty">{t('empty')}</p>
        ) : (
          <ol className="pushbacks">
            {data.pushbacks.map((p) => (
              <Pushback key={p.id} requestId={request.id} pushback={p} manage={manage} />
            ))}
          </ol>
        )
      ) : null}
      {manage ? (
        request.status === 'withdrawn' ? (
          <p className="hint">{t('file.withdrawn')}</p>
        ) : (
          <FilePushbackForm requestId={request.id} />
        )
      ) : null}
    </section>
  );
}
