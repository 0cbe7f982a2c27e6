/** What the portal's order pages share: instants with their zone named, status, loading and problems, in the reader's language. */
import type { RequestStatus } from '../../../../src/domain/vocabulary.js';
import { formatInstant } from '../../i18n/index.js';
import { label } from '../../labels.js';
import type { ApiError } from '../../problem.js';
import { usePortalT } from './i18n.js';

/** The reader's IANA zone, as the browser reports it (UTC when it reports none). */
export function readerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** An instant in the reader's zone, named; beneath it, in the agency's zone (`alsoIn`) where that is another. */
export function Instant({ iso, testId, alsoIn }: { iso: string; testId?: string; alsoIn?: string }) {
  const { locale } = usePortalT();
  const reader = readerZone();
  const other = alsoIn && alsoIn !== reader ? formatInstant(iso, alsoIn, locale) : null;
  return (
    <>
      <time dateTime={iso} data-testid={testId}>
        {formatInstant(iso, reader, locale) ?? iso}
      </time>
      {other ? <span className="sub">{other}</span> : null}
    </>
  );
}

export function StatusText({ status, testId }: { status: RequestStatus; testId?: string }) {
  const { t } = usePortalT();
  return (
    <span className={`badge status status-${status}`} data-testid={testId} data-status={status}>
      {label(t, 'status', status)}
    </span>
  );
}

export function Loading() {
  const { t } = usePortalT();
  return (
    <p className="loading" role="status">
      {t('loading')}
    </p>
  );
}

/** A refusal from the API: the server's own words (its detail) under a heading in the reader's language. */
export function Problem({ error }: { error: ApiError }) {
  const { t } = usePortalT();
  return (
    <div className="alert alert-error" role="alert" data-testid="portal-problem">
      <p className="alert-title">{t('problem.title')}</p>
      <p>{error.problem.detail}</p>
      <p className="alert-code">{t('problem.code', { code: error.problem.code })}</p>
    </div>
  );
}

/** `(required: the law names it)` beside a field the regime requires. */
export function RequiredMark({ reason }: { reason: string | null | undefined }) {
  const { t } = usePortalT();
  if (reason === undefined) return null;
  return (
    <span className="required-mark" data-testid="required-mark">
      {' '}
      {t('form.required')}
      {reason ? <span className="sub">{reason}</span> : null}
    </span>
  );
}

/** An element the order lacks, by its name in the reader's language (the server's name when the catalogue has none). */
export function useElementName(): (element: string) => string {
  const { t } = usePortalT();
  return (element) => {
    const key = `element.${element}`;
    const name = t(key);
    return name === key ? element : name;
  };
}

/** Whether the deadline's clock runs, or since when it stands still waiting for the authority's clarification. */
export function ClockText({
  clock,
  testId,
}: {
  clock: { pausedAt: string | null; stopsDuringClarification: boolean };
  testId?: string;
}) {
  const { t, locale } = usePortalT();
  return (
    <span data-testid={testId} data-paused={clock.pausedAt ? 'true' : 'false'}>
      {clock.pausedAt ? t('receipt.clockPaused') : t('receipt.clockRunning')}
      {clock.pausedAt ? (
        <span className="sub">
          {t('receipt.pausedSince', { at: formatInstant(clock.pausedAt, readerZone(), locale) ?? clock.pausedAt })}
        </span>
      ) : null}
      <span className="sub">{clock.stopsDuringClarification ? t('receipt.clockStops') : t('receipt.clockRuns')}</span>
    </span>
  );
}
