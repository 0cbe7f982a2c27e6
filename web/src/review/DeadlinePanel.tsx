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
import { basisLabels, clockLabels, labelOf, lawWithoutHours, requestKindLabels } from '../labels.js';
import { formatDuration, formatInZone, formatUtc } from '../time.js';
import { DeadlineRecompute } from './DeadlineRecompute.js';
import { describeRecompute } from './History.js';

type Rule = NonNullable<RequestDetail['deadline']['rule']>;

const hoursText = (hours: number) => `${hours} ${hours === 1 ? 'hour' : 'hours'}`;

/** One sentence on what the deadline rests on. */
function basisSentence(request: RequestDetail): string {
  const rule = request.deadline.rule;
  const span = formatDuration(Date.parse(request.dueAt) - Date.parse(request.receivedAt));
  switch (request.deadline.basis) {
    case 'law':
      return `The law sets the deadline: ${rule ? hoursText(rule.hours) : span} after receipt.`;
    case 'order':
      return `The law leaves the period to the order, which sets ${rule ? hoursText(rule.hours) : span} after receipt.`;
    case 'policy':
      return rule
        ? `${lawWithoutHours(rule.clock)}; Writ applies the platform’s target of ${hoursText(rule.hours)} after receipt.`
        : `No regime was named for this order, so no legal deadline applies; the platform’s target for ${requestKindLabels[request.kind].toLowerCase()} orders is ${span} after receipt.`;
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
  return (
    <dd data-testid="deadline-rule" data-rule-id={rule.ruleId} data-rule-version={rule.ruleVersion} data-basis={rule.basis}>
      <Link to={`/compliance/regimes/${encodeURIComponent(rule.regimeId)}`}>{regimeName ?? rule.regimeId}</Link>
      <span className="sub">
        Regime <code>{rule.regimeId}</code>, version {rule.ruleVersion} (in force from {rule.versionFrom}) · category{' '}
        <code>{rule.category || 'any'}</code>
      </span>
      <span className="sub">
        Rule <code>{rule.ruleId}</code> · {labelOf(clockLabels, rule.clock)}
      </span>
    </dd>
  );
}

function Source({ source }: { source: Rule['source'] }) {
  return (
    <dd>
      <blockquote className="quote" cite={source.url}>
        “{source.quote}”
      </blockquote>
      <a href={source.url} target="_blank" rel="noreferrer noopener" data-testid="deadline-source">
        {hostOf(source.url)}
        <span className="visually-hidden"> (the source, opens in a new tab)</span>
      </a>
    </dd>
  );
}

function LastRecompute({ event, fresh }: { event: RequestEvent; fresh: boolean }) {
  return (
    <div
      className={`alert ${fresh ? 'alert-success' : 'alert-info'}`}
      role={fresh ? 'status' : undefined}
      data-testid="deadline-recomputed"
    >
      <p className="alert-title">{fresh ? 'Deadline recomputed' : 'Deadline last recomputed'}</p>
      <p>{describeRecompute(event)}</p>
      <p className="muted">
        {event.actor ? event.actor.name : 'System'}, <time dateTime={event.at}>{formatUtc(event.at)}</time>
        {event.note ? ` · Note: ${event.note}` : ''}
      </p>
    </div>
  );
}

export function DeadlinePanel({ request, now }: { request: RequestDetail; now: Date }) {
  const regimes = useRegimes();
  const [fresh, setFresh] = useState(false);
  const rule = request.deadline.rule;
  const local = formatInZone(request.dueAt, request.authorityTimeZone);
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
        Deadline <SlaBadge state={request.sla.state} testId="deadline-sla" />
      </h2>
      <div className="card deadline-card">
        <p className={`deadline-basis deadline-basis-${request.deadline.basis}`} data-testid="deadline-basis">
          <strong>{basisLabels[request.deadline.basis]}.</strong> {basisSentence(request)}
        </p>
        <dl className="facts">
          <dt>Due (UTC)</dt>
          <dd data-testid="deadline-due-utc">
            <time dateTime={request.dueAt}>{formatUtc(request.dueAt)}</time>
            {open ? (
              <span className="sub">
                <TimeLeftText receivedAt={request.receivedAt} dueAt={request.dueAt} now={now} dueSoonAt={request.sla.dueSoonAt} />
              </span>
            ) : null}
          </dd>
          <dt>Due in the authority’s time</dt>
          <dd data-testid="deadline-due-local">
            <time dateTime={request.dueAtAuthorityTime}>{local ?? request.dueAtAuthorityTime}</time>
          </dd>
          <dt>Rule applied</dt>
          {rule ? (
            <RuleApplied rule={rule} regimeName={regimes.get(rule.regimeId)?.name.en} />
          ) : (
            <dd data-testid="deadline-rule" data-basis={request.deadline.basis}>
              None: no regime was named for this order.
            </dd>
          )}
          {rule ? (
            <>
              <dt>Source</dt>
              <Source source={rule.source} />
            </>
          ) : null}
          <dt>Recorded as</dt>
          <dd className="muted">{request.dueBasis}</dd>
        </dl>
      </div>
      {review?.differs && open ? <DeadlineRecompute request={request} review={review} onSaved={() => setFresh(true)} /> : null}
      {lastRecompute ? <LastRecompute event={lastRecompute} fresh={fresh} /> : null}
    </section>
  );
}
