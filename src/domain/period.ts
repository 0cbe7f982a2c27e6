import { WritError } from './errors.js';

/** A reporting period: a calendar half-year in UTC, written `2021-H1` as in Google's and Meta's reports. */
export type HalfYear = { year: number; half: 1 | 2 };

export const periodPattern = /^(\d{4})-H([12])$/;

export function parsePeriod(text: string, field = 'period'): HalfYear {
  const m = periodPattern.exec(text);
  if (!m) throw new WritError('validation_failed', `period must look like 2021-H1 (got ${JSON.stringify(text)})`, field);
  return { year: Number(m[1]), half: m[2] === '1' ? 1 : 2 };
}

export function formatPeriod(p: HalfYear): string {
  return `${p.year}-H${p.half}`;
}

/** The half-open UTC interval [start, end) that a period covers. */
export function periodBounds(p: HalfYear): { start: Date; end: Date } {
  const start = new Date(Date.UTC(p.year, p.half === 1 ? 0 : 6, 1));
  const end = p.half === 1 ? new Date(Date.UTC(p.year, 6, 1)) : new Date(Date.UTC(p.year + 1, 0, 1));
  return { start, end };
}

export function periodOf(instant: Date): HalfYear {
  return { year: instant.getUTCFullYear(), half: instant.getUTCMonth() < 6 ? 1 : 2 };
}

/** Whether `period` has begun at `now`: the current half-year has, the next one has not. */
export function periodHasBegun(p: HalfYear, now: Date): boolean {
  const current = periodOf(now);
  return p.year * 2 + p.half <= current.year * 2 + current.half;
}

/** `text` as a half-year that has begun at `now`; a later one is refused (nothing can be counted in it yet). */
export function parseBegunPeriod(text: string, now: Date, field = 'period'): HalfYear {
  const p = parsePeriod(text, field);
  if (!periodHasBegun(p, now))
    throw new WritError(
      'validation_failed',
      `${field} must not be after the current half-year, ${formatPeriod(periodOf(now))} (got ${text})`,
      field,
    );
  return p;
}
