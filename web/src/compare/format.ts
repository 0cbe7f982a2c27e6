import type { DatasetSource } from './api.js';

const integer = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/**
 * `30838` → `30,838`; null (not published) → an en dash. Always a whole number: items and requests
 * are counted, and Google's proportional estimates (308.33) show as `308`, labelled as estimates by
 * the caller, with `exactCount` in a title.
 */
export function count(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return integer.format(Math.round(value));
}

/** `308.33` → `308.33`, `30525.67` → `30,525.67`: the value an estimate was rounded from. */
export function exactCount(value: number): string {
  return decimal.format(value);
}

/** `0.4048` → `40.5%`; null → an en dash. */
export function share(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return `${(value * 100).toFixed(1)}%`;
}

/** `KZ` → `Kazakhstan`, for headings before the API has answered (or when it cannot); `SU` stays `SU`. */
export { countryName } from '../labels.js';

const periodPattern = /^(\d{4})-H([12])$/;

/** `2021-H1` → `January–June 2021` */
export function periodName(period: string): string {
  const m = periodPattern.exec(period);
  if (!m) return period;
  return `${m[2] === '1' ? 'January–June' : 'July–December'} ${m[1]}`;
}

export const isPeriod = (text: string | null): text is string => text !== null && periodPattern.test(text);

/** The two reasons the pages pick out, and the grey of every other reason. */
export const reasonColors = { governmentCriticism: '#c0392b', nationalSecurity: '#6b4fa1', other: '#8795a5' } as const;

/** Which of the two picked-out reasons a published reason is (the JSON writes "National security"). */
export function highlightOf(reason: string): 'governmentCriticism' | 'nationalSecurity' | null {
  const r = reason.toLowerCase();
  if (r === 'government criticism') return 'governmentCriticism';
  if (r === 'national security') return 'nationalSecurity';
  return null;
}

/** One colour per timeline series, stable across pages. */
export const seriesColors: Record<DatasetSource | 'platform-content' | 'platform-user-data', string> = {
  'google-removals': '#1f4e8c',
  'google-removals-json': '#2f7f94',
  'meta-data-requests': '#a06a00',
  'meta-content-restrictions': '#6b4aa0',
  'platform-content': '#2a7f62',
  'platform-user-data': '#9b3b5a',
};

export const surgeColor = '#c0392b';

/** The key of a timeline series: its source, or this platform's content-removal or user-data requests. */
export function seriesKey(
  source: DatasetSource | 'platform',
  requestKind: 'content_removal' | 'user_data',
): keyof typeof seriesColors {
  if (source !== 'platform') return source;
  return requestKind === 'content_removal' ? 'platform-content' : 'platform-user-data';
}
