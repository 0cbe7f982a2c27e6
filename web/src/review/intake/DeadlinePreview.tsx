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
import { type TFunction, useFormat, useLocale, useTranslation } from '../../i18n/index.js';
import { label, lawWithoutHoursIn } from '../../labels.js';
import { type PreviewKey, queries } from '../../queries.js';
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

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function sentence(t: TFunction, result: Preview): string {
  const span = t('common:hours', { hours: result.hours });
  switch (result.basis) {
    case 'law':
      return t('review:deadline.byLaw', { span });
    case 'order':
      return t('review:intake.periodApplies', { span });
    case 'policy':
      return t('review:deadline.policyTarget', { law: lawWithoutHoursIn(t, result.clock), span });
  }
}

function Due({ dueAt, zone }: { dueAt: string; zone: string }) {
  const { t } = useTranslation('review');
  const format = useFormat();
  return (
    <>
      <dt>{t('deadline.dueUtc')}</dt>
      <dd data-testid="intake-due-utc">
        <time dateTime={dueAt}>{format.utc(dueAt)}</time>
      </dd>
      <dt>{t('deadline.dueLocal')}</dt>
      <dd data-testid="intake-due-local">{format.instant(dueAt, zone) ?? dueAt}</dd>
    </>
  );
}

export function DeadlinePreview({ regime, kind, category, received, zone, period, waitingFor }: Props) {
  const { t } = useTranslation('review');
  const locale = useLocale();
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

  const ifNow = received ? '' : ` ${t('intake.ifNow')}`;
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
          <strong>{t('intake.policyStrong')}</strong>
          {t('intake.policyRest', {
            kind: label(t, 'requestKind', kind).toLocaleLowerCase(locale),
            span: t('common:hours', { hours }),
          })}
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
          <strong>{label(t, 'basis', r.basis)}.</strong> {sentence(t, r)}
        </p>
        <dl className="facts">
          <Due dueAt={r.dueAt} zone={zone} />
          <dt>{t('deadline.rule')}</dt>
          <dd data-testid="intake-deadline-rule" data-rule-id={r.ruleId}>
            <code>{r.ruleId}</code>
            <span className="sub">
              {t('intake.version', { version: r.ruleVersion, from: r.versionFrom })} · {label(t, 'clock', r.clock)}
            </span>
          </dd>
          <dt>{t('deadline.source')}</dt>
          <dd>
            <blockquote className="quote" cite={r.source.url}>
              “{r.source.quote}”
            </blockquote>
            <a href={r.source.url} target="_blank" rel="noreferrer noopener">
              {hostOf(r.source.url)}
              <span className="visually-hidden"> {t('deadline.sourceOpens')}</span>
            </a>
          </dd>
        </dl>
      </>
    );
  } else {
    body = <p className="loading">{t('intake.computing')}</p>;
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
        {t('intake.preview')}
        <span className="muted">{ifNow}</span>
      </h2>
      <div aria-live="polite">{body}</div>
    </section>
  );
}
