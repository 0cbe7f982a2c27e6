/**
 * An instant as the reader sees it and as the issuing authority sees it, each with its zone named,
 * so that "due 14:00" is never read in the wrong zone.
 */
import { isTimeZone } from '../../../src/domain/regimes/time.js';
import { dateTimeIn } from '../i18n/format.js';

/** The reader's IANA zone, as the browser reports it (UTC when it reports none). */
export function readerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export type ZonedTime = {
  /** Whose clock: the reader's, the authority's, or both when they keep the same zone. */
  whose: 'reader' | 'authority' | 'both';
  zone: string;
  /** `11 Mar 2026, 22:30` */
  text: string;
};

/**
 * `iso` in the reader's zone and in the authority's: one entry when the two zones are the same, and
 * none for an authority zone the browser does not know (it is shown as the reader's alone).
 */
export function zonedTimes(iso: string, readerZone: string, authorityZone: string, locale = 'en-GB'): ZonedTime[] {
  const instant = new Date(iso);
  const reader = isTimeZone(readerZone) ? readerZone : 'UTC';
  if (authorityZone === reader) return [{ whose: 'both', zone: reader, text: dateTimeIn(locale, reader).format(instant) }];
  const times: ZonedTime[] = [{ whose: 'reader', zone: reader, text: dateTimeIn(locale, reader).format(instant) }];
  if (isTimeZone(authorityZone))
    times.push({ whose: 'authority', zone: authorityZone, text: dateTimeIn(locale, authorityZone).format(instant) });
  return times;
}
