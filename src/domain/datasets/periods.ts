/**
 * Half-years as the published files write them: Google's `Period Ending` dates, the JSON's
 * `January - June 2011` labels, and Meta's file names (`…-2013_H1.csv`). All become `2013-H1`.
 */

/** `2021-06-30` → `2021-H1`, `2021-12-31` → `2021-H2`; null for any other text. */
export function periodFromEndDate(text: string): string | null {
  const m = /^(\d{4})-(06-30|12-31)$/.exec(text.trim());
  if (!m) return null;
  return `${m[1]}-H${m[2] === '06-30' ? 1 : 2}`;
}

/** `January - June 2011` → `2011-H1`, `July - December 2011` → `2011-H2`; null otherwise. */
export function periodFromLabel(text: string): string | null {
  const m = /^\s*(january|july)\s*[-–]\s*(june|december)\s+(\d{4})\s*$/i.exec(text);
  if (!m) return null;
  const first = m[1]!.toLowerCase() === 'january';
  if (first !== (m[2]!.toLowerCase() === 'june')) return null;
  return `${m[3]}-H${first ? 1 : 2}`;
}

/** The half-year in a file name such as `PRPL-Facebook-Government-Report-2013_H1.csv`; null when there is none. */
export function periodFromFileName(name: string): string | null {
  const base = name.split('/').pop() ?? name;
  const m = /(?:^|[^0-9])((?:19|20)\d{2})[-_ ]?H([12])(?:[^0-9]|$)/i.exec(base);
  return m ? `${m[1]}-H${m[2]}` : null;
}

/** Periods in time order (the `YYYY-HN` text sorts correctly). */
export const comparePeriods = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The half-year after `period`. */
export function nextPeriod(period: string): string {
  const year = Number(period.slice(0, 4));
  return period.endsWith('H1') ? `${year}-H2` : `${year + 1}-H1`;
}

/** Every half-year from `first` to `last`, both included. */
export function periodsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  for (let p = first; p <= last; p = nextPeriod(p)) out.push(p);
  return out;
}

/** The latest of some periods. */
export function latestPeriod(periods: Iterable<string>): string | null {
  let latest: string | null = null;
  for (const p of periods) if (latest === null || p > latest) latest = p;
  return latest;
}
