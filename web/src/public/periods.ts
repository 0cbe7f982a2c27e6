/** Reporting periods (`2021-H1`) for people and for the previous/next links. */
import { formatPeriod, type HalfYear, periodPattern } from '../../../src/domain/period.js';
import type { TFunction } from '../i18n/index.js';

export function readPeriod(text: string): HalfYear | null {
  const m = periodPattern.exec(text);
  return m ? { year: Number(m[1]), half: m[2] === '1' ? 1 : 2 } : null;
}

/** The half-year `by` steps after (or before, when negative) the given one. */
export function shiftPeriod(text: string, by: number): string | null {
  const p = readPeriod(text);
  if (!p) return null;
  const index = p.year * 2 + (p.half - 1) + by;
  return formatPeriod({ year: Math.floor(index / 2), half: index % 2 === 0 ? 1 : 2 });
}

/** `2021-H1` → `January–June 2021` */
export function periodName(text: string): string {
  const p = readPeriod(text);
  if (!p) return text;
  return `${p.half === 1 ? 'January–June' : 'July–December'} ${p.year}`;
}

/** `2021-H1` → `January–June 2021` / `январь–июнь 2021` / `қаңтар–маусым 2021`, in the UI's language. */
export function periodNameIn(t: TFunction, text: string): string {
  const p = readPeriod(text);
  if (!p) return text;
  return t('common:period.name', { half: String(p.half), year: String(p.year) });
}
