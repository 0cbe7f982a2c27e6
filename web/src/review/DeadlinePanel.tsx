/**
 * A request's deadline: when it is due (UTC and the authority's time), the rule that set it, whether
 * that is law or only the platform's policy, the quoted source, and, when the current rule packs
 * would give another deadline, the way to recompute it.
 */
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { openStatuses } from '../../../src/domain/vocabulary.js';
import type { RequestDetail, RequestEvent } from '../api.js';
import { SlaBadge } from '../components/SlaBadge.js';
import { TimeLeftText } from '../components/TimeLeftText.js';
import { useRegimes } from '../components/useRegimes.js';
import { type TFunction, useFormat, useLocale, useTranslation } from '../i18n/index.js';
import { label, lawWithoutHoursIn } from '../labels.js';
import { durationText } from '../time.js';
import { DeadlineRecompute } from './DeadlineRecompute.js';
import { describeRecompute, useDescribe } from './History.js';

type Rule = NonNullable<RequestDetail['deadline']['rule']>;

/** One sentence on what the deadline rests on. */
function basisSentence(t: TFunction, locale: string, request: RequestDetail): string {
  const rule = request.deadline.rule;
  const span = durationText(t, Date.parse(request.dueAt) - Date.parse(request.receivedAt));
  const hours = rule ? t('common:hours', { hours: rule.hours }) : span;
  switch (request.deadline.basis) {
    case 'law':
      return t('review:deadline.byLaw', { span: hours });
    case 'order':
      return t('review:deadline.byOrder', { span: hours });
    case 'policy':
      return rule
        ? t('review:deadline.policyTarget', { law: lawWithoutHoursIn(t, rule.clock), span: hours })
        : t('review:deadline.noRegime', { kind: label(t, 'requestKind', request.kind).toLocaleLowerCase(locale), span });
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function RuleApplied({ rule, regimeName }: { rule: Rule; regimeName: string | undefined }) {
  const { t } = useTranslation('review');
  return (
    <dd data-testid="deadline-rule" data-rule-id={rule.ruleId} data-rule-version={rule.ruleVersion} data-basis={rule.basis}>
      <Link to={`/compliance/regimes/${encodeURIComponent(rule.regimeId)}`}>{regimeName ?? rule.regimeId}</Link>
      <span className="sub">
        {t('deadline.regime')} <code>{rule.regimeId}</code>
        {t('deadline.versionFrom', { version: rule.ruleVersion, from: rule.versionFrom })}{' '}
        <code>{rule.category || t('deadline.anyCategory')}</code>
      </span>
      <span className="sub">
        {t('deadline.rule')} <code>{rule.ruleId}</code> · {label(t, 'clock', rule.clock)}
      </span>
    </dd>
  );
}

function Source({ source }: { source: Rule['source'] }) {
  const { t } = useTranslation('review');
  return (
    <dd>
      <blockquote className="quote" cite={source.url}>
        “{source.quote}”
      </blockquote>
      <a href={source.url} target="_blank" rel="noreferrer noopener" data-testid="deadline-source">
        {hostOf(source.url)}
        <span className="visually-hidden"> {t('deadline.sourceOpens')}</span>
      </a>
    </dd>
  );
}

function LastRecompute({ event, fresh }: { event: RequestEvent; fresh: boolean }) {
  const { t } = useTranslation('review');
  const describe = useDescribe();
  return (
    <div
      className={`alert ${fresh ? 'alert-success' : 'alert-info'}`}
      role={fresh ? 'status' : undefined}
      data-testid="deadline-recomputed"
    >
      <p className="alert-title">{fresh ? t('deadline.recomputed') : t('deadline.lastRecomputed')}</p>
      <p>{describeRecompute(describe, event)}</p>
      <p className="muted">
        {event.actor ? event.actor.name : t('history.system')}, <time dateTime={event.at}>{describe.utc(event.at)}</time>
        {event.note ? ` · ${t('history.note', { note: event.note })}` : ''}
      </p>
    </div>
  );
}

export function DeadlinePanel({ request, now }: { request: RequestDetail; now: Date }) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const locale = useLocale();
  const regimes = useRegimes();
  const [fresh, setFresh] = useState(false);
  const rule = request.deadline.rule;
  const local = format.instant(request.dueAt, request.authorityTimeZone);
  const open = openStatuses.includes(request.status);
  const review = request.deadlineReview;
  const lastRecompute = request.events
    .filter((e) => e.type === 'deadline_recomputed')
    .sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id)[0];

  return (
    <section
      className="section"
      aria-labelledby="deadline-heading"
      data-testid="deadline-panel"
      data-basis={request.deadline.basis}
      data-due-at={request.dueAt}
    >
      <h2 id="deadline-heading">
        {t('deadline.title')} <SlaBadge state={request.sla.state} testId="deadline-sla" />
      </h2>
      <div className="card deadline-card">
        <p className={`deadline-basis deadline-basis-${request.deadline.basis}`} data-testid="deadline-basis">
          <strong>{label(t, 'basis', request.deadline.basis)}.</strong> {basisSentence(t, locale, request)}
        </p>
        <dl className="facts">
          <dt>{t('deadline.dueUtc')}</dt>
          <dd data-testid="deadline-due-utc">
            <time dateTime={request.dueAt}>{format.utc(request.dueAt)}</time>
            {open ? (
              <span className="sub">
                <TimeLeftText receivedAt={request.receivedAt} dueAt={request.dueAt} now={now} dueSoonAt={request.sla.dueSoonAt} />
              </span>
            ) : null}
          </dd>
          <dt>{t('deadline.dueLocal')}</dt>
          <dd data-testid="deadline-due-local">
            <time dateTime={request.dueAtAuthorityTime}>{local ?? request.dueAtAuthorityTime}</time>
          </dd>
          <dt>{t('deadline.ruleApplied')}</dt>
          {rule ? (
            <RuleApplied rule={rule} regimeName={regimes.get(rule.regimeId)?.name.en} />
          ) : (
            <dd data-testid="deadline-rule" data-basis={request.deadline.basis}>
              {t('deadline.none')}
            </dd>
          )}
          {rule ? (
            <>
              <dt>{t('deadline.source')}</dt>
              <Source source={rule.source} />
            </>
          ) : null}
          <dt>{t('deadline.recordedAs')}</dt>
          <dd className="muted">{request.dueBasis}</dd>
        </dl>
      </div>
      {review?.differs && open ? <DeadlineRecompute request={request} review={review} onSaved={() => setFresh(true)} /> : null}
      {lastRecompute ? <LastRecompute event={lastRecompute} fresh={fresh} /> : null}
    </section>
  );
}
