/**
 * Reading one cell of a published file. Google and Meta write counts in several ways; each has a
 * meaning that must not be lost:
 * - `1,886` or `"15,554"`: a whole number with thousands separators;
 * - blank: nothing to report (for Google's item-outcome percentages: exactly zero items);
 * - `<10`: fewer than ten (Google's earliest periods);
 * - `?`, `N/A`: not known;
 * - `11,000 - 12,000`: a range (Meta's first US figures).
 * Anything else is not understood, and the caller refuses the file naming the line and column.
 */

export type Cell =
  | { kind: 'number'; value: number }
  | { kind: 'blank' }
  | { kind: 'fewer-than'; bound: number; text: string }
  | { kind: 'unknown'; text: string }
  | { kind: 'range'; low: number; high: number; text: string };

const wholeNumber = /^(?:\d{1,3}(?:,\d{3})+|\d+)$/;
const range = /^((?:\d{1,3}(?:,\d{3})+|\d+))\s*[-–]\s*((?:\d{1,3}(?:,\d{3})+|\d+))$/;
const fewerThan = /^<\s*(\d+)$/;

const toNumber = (digits: string) => Number(digits.replaceAll(',', ''));

/** A count as published, or null when the text is not a count in any of the published forms. */
export function readCount(raw: string | undefined): Cell | null {
  const text = (raw ?? '').trim();
  if (text === '') return { kind: 'blank' };
  if (wholeNumber.test(text)) {
    const value = toNumber(text);
    return Number.isSafeInteger(value) && value <= 2_147_483_647 ? { kind: 'number', value } : null;
  }
  const less = fewerThan.exec(text);
  if (less) return { kind: 'fewer-than', bound: Number(less[1]), text };
  if (text === '?' || /^n\/?a$/i.test(text)) return { kind: 'unknown', text };
  const r = range.exec(text);
  if (r) {
    const low = toNumber(r[1]!);
    const high = toNumber(r[2]!);
    return low <= high ? { kind: 'range', low, high, text } : null;
  }
  return null;
}

/**
 * A whole percentage as published (`83%`, `83`, blank), or null when not understood. The `%`
 * sign is optional because Meta drops it in a few cells.
 */
export function readPercent(raw: string | undefined): Cell | null {
  const text = (raw ?? '').trim();
  if (text === '') return { kind: 'blank' };
  const m = /^(\d{1,3})\s*%?$/.exec(text);
  if (m) return { kind: 'number', value: Number(m[1]) };
  if (text === '?' || /^n\/?a$/i.test(text)) return { kind: 'unknown', text };
  return null;
}

/** The number in a cell, or null for blank and for the published markers (`<10`, `?`, ranges). */
export function numberOf(cell: Cell): number | null {
  return cell.kind === 'number' ? cell.value : null;
}

/** The text of a marker (`<10`, `?`, a range) to keep beside a null number; null otherwise. */
export function markerOf(cell: Cell): string | null {
  return cell.kind === 'fewer-than' || cell.kind === 'unknown' || cell.kind === 'range' ? cell.text : null;
}

/** How a marker reads in a warning. */
export function describeMarker(cell: Cell): string {
  switch (cell.kind) {
    case 'fewer-than':
      return `"${cell.text}" (fewer than ${cell.bound}; the exact number is not published)`;
    case 'unknown':
      return `"${cell.text}" (not known)`;
    case 'range':
      return `a range, "${cell.text}" (between ${cell.low} and ${cell.high})`;
    default:
      return 'a number';
  }
}
