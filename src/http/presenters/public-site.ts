/** The public site's downloads: one table as CSV (csv-stringify, a header row, RFC 4180 quoting) or as JSON. */
import { stringify } from 'csv-stringify/sync';
import type { SiteTable } from '../../app/public-site.js';
import { downloadPath } from '../../contracts/public-site.js';

/**
 * The table as CSV: its columns as the header, one line per row in the same order. A cell that a
 * spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an apostrophe.
 */
export function siteTableCsv(table: SiteTable): string {
  const cell = (v: string | number | null | undefined) =>
    v === null || v === undefined ? '' : typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return stringify(
    table.rows.map((row) => table.columns.map((c) => cell(row[c]))),
    { header: true, columns: table.columns, record_delimiter: 'unix' },
  );
}

export const presentDownloads = (names: string[]) => ({
  downloads: names.map((name) => ({ name, csv: downloadPath(name, 'csv'), json: downloadPath(name, 'json') })),
});
