/**
 * The export formats (issue 13): the files the world already reads, made from Writ's own figures.
 * Browser-safe: the downloads page lists them from here.
 */
import { WritError } from '../errors.js';
import type { HalfYear } from '../period.js';

export const exportFormats = ['google-removals', 'meta-data-requests', 'eu-orders', 'dsa-sor', 'lumen'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/**
 * Formats answered as several files (Google's two CSVs; Meta's one file per half-year; statements of
 * reasons in batches of 100); the others are one file.
 */
export const multiFileFormats: readonly ExportFormat[] = ['google-removals', 'meta-data-requests', 'dsa-sor'];

export function isMultiFile(format: ExportFormat): boolean {
  return multiFileFormats.includes(format);
}

export function parseExportFormat(text: string, field = 'format'): ExportFormat {
  if (!(exportFormats as readonly string[]).includes(text))
    throw new WritError(
      'validation_failed',
      `format must be one of ${exportFormats.join(', ')} (got ${JSON.stringify(text)})`,
      field,
    );
  return text as ExportFormat;
}

/** Google's and the EU's way to write a half-year: the ISO date it ends on. */
export function periodEnding(period: HalfYear): string {
  return period.half === 1 ? `${period.year}-06-30` : `${period.year}-12-31`;
}

export function periodStarting(period: HalfYear): string {
  return period.half === 1 ? `${period.year}-01-01` : `${period.year}-07-01`;
}

/** `2021-H1` as a half-year, for rows that carry their period as text. */
export function halfYearOf(text: string): HalfYear {
  return { year: Number(text.slice(0, 4)), half: text.endsWith('1') ? 1 : 2 };
}

/** A file of an export. */
export type ExportFile = { name: string; contentType: string; content: string };

export const csvType = 'text/csv; charset=utf-8';
export const jsonType = 'application/json; charset=utf-8';
