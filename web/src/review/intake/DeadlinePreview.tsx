/**
 * The deadline the order would get, computed by the server's deadline engine as the reviewer types
 * (GET /api/v1/regimes/:id/deadline, nothing stored): due in UTC and in the authority's zone,
 * whether law, the order or only platform policy sets it, and the quoted rule. Without a regime
 * the platform's policy hours for the kind apply, and the preview says so.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { defaultPolicyHours } from '../../../../src/domain/regimes/deadline-engine.js';
import type { RequestKind } from '../../../../src/domain/vocabulary.js';
import type { DeadlinePreview as Preview, RegimeSummary } from '../../api.js';
import { useDebounced } from '../../components/useDebounced.js';
import { basisLabels, clockLabels, lawWithoutHours, requestKindLabels } from '../../labels.js';
import { type PreviewKey, queries } from '../../queries.js';
import { formatInZone, formatUtc } from '../../time.js';
import type { LocalInstant } from './zones.js';

type Props = {
  regime: RegimeSummary | undefined;
  kind: RequestKind;
  category: string;
  received: LocalInstant | null;
  zone: string;
  period: number | undefined;
  /** Why the server cannot be asked yet (a category or period is missing), in words. */
  waitingFor: string | null;
};

const sameQuestion = (a: PreviewKey, b: PreviewKey) => JSON.stringify(a) === JSON.stringify(b);

const hoursText = (hours: number) => `${hours} ${hours === 1 ? 'hour' : 'hours'}`;

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function sentence(result: Preview): string {
  switch (result.basis) {
    case 'law':
      return `The law sets the deadline: ${hoursText(result.hours)} after receipt.`;
    case 'order':
      return `The period the order sets applies: ${hoursText(result.hours)} after receipt.`;
    case 'policy':
      return `${lawWithoutHours(result.clock)}; Writ applies the platform’s target of ${hoursText(result.hours)} after receipt.`;
  }
}

function Due({ dueAt, zone }: { dueAt: string; zone: string }) {
  return (
    <>
      <dt>Due (UTC)</dt>
      <dd data-testid="intake-due-utc">
        <time dateTime={dueAt}>{formatUtc(dueAt)}</time>
      </dd>
      <dt>Due in the authority’s time</dt>
      <dd data-testid="intake-due-local">{zone === 'UTC' ? formatUtc(dueAt) : (formatInZone(dueAt, zone) ?? dueAt)}</dd>
    </>
  );
}

export function DeadlinePreview({ regime, kind, category, received, zone, period, waitingFor }: Props) {
  const regimeId = regime?.id ?? '';
  const question: PreviewKey = {
    kind,
    receivedAt: received?.iso ?? null,
    ...(category ? { category } : {}),
    ...(period !== undefined && period > 0 ? { periodSetInOrderHours: period } : {}),
  };
  // A short pause, so that typing a time asks the server once, not at every keystroke.
  const asked = useDebounced(question, 250, sameQuestion);
  const enabled = regimeId !== '' && !waitingFor;
  const preview = useQuery({
    ...queries.deadlinePreview(regimeId, asked),
    enabled,
    // The last answer stays shown (marked busy) while the next is asked.
    placeholderData: keepPreviousData,
  });
  const state = {
    result: preview.data ?? null,
    problem: preview.error?.problem.detail ?? null,
    loading: enabled && (!sameQuestion(asked, question) || preview.isFetching),
  };

  const ifNow = received ? '' : ' (if received now)';
  let body: ReactNode;
  let basis: string | undefined;
  let dueAt: string | undefined;
  if (!regime) {
    const hours = defaultPolicyHours[kind];
    basis = 'policy';
    dueAt = new Date((received?.instant ?? new Date()).getTime() + hours * 3_600_000).toISOString();
    body = (
      <>
        <p className="deadline-basis deadline-basis-policy" data-testid="intake-deadline-basis">
          <strong>No regime named: a platform policy deadline applies</strong>, not a legal one. The platform’s target for{' '}
          {requestKindLabels[kind].toLowerCase()} orders is {hoursText(hours)} after receipt.
        </p>
        <dl className="facts">
          <Due dueAt={dueAt} zone={zone} />
        </dl>
      </>
    );
  } else if (waitingFor) {
    body = <p className="muted">{waitingFor}</p>;
  } else if (state.problem) {
    body = (
      <p className="field-error" data-testid="intake-deadline-problem">
        {state.problem}
      </p>
    );
  } else if (state.result) {
    const r = state.result;
    basis = r.basis;
    dueAt = r.dueAt;
    body = (
      <>
        <p className={`deadline-basis deadline-basis-${r.basis}`} data-testid="intake-deadline-basis">
          <strong>{basisLabels[r.basis]}.</strong> {sentence(r)}
        </p>
        <dl className="facts">
          <Due dueAt={r.dueAt} zone={zone} />
          <dt>Rule</dt>
          <dd data-testid="intake-deadline-rule" data-rule-id={r.ruleId}>
            <code>{r.ruleId}</code>
            <span className="sub">
              Version {r.ruleVersion} (in force from {r.versionFrom}) · {clockLabels[r.clock]}
            </span>
          </dd>
          <dt>Source</dt>
          <dd>
            <blockquote className="quote" cite={r.source.url}>
              “{r.source.quote}”
            </blockquote>
            <a href={r.source.url} target="_blank" rel="noreferrer noopener">
              {hostOf(r.source.url)}
              <span className="visually-hidden"> (the source, opens in a new tab)</span>
            </a>
          </dd>
        </dl>
      </>
    );
  } else {
    body = <p className="loading">Computing the deadline…</p>;
  }

  return (
    <section
      className="card intake-preview"
      aria-labelledby="intake-preview-heading"
      aria-busy={state.loading || undefined}
      data-testid="intake-deadline-preview"
      data-basis={basis}
      data-due-at={state.loading ? undefined : dueAt}
    >
      <h2 id="intake-preview-heading">
        Deadline preview<span className="muted">{ifNow}</span>
      </h2>
      <div aria-live="polite">{body}</div>
    </section>
  );
}
