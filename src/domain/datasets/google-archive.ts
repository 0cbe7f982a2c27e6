/**
 * Google's "Government requests to remove content" archive (google-government-removals.zip): the
 * two current CSVs and the two historical/ ones, each recognised by its file name and read by
 * column name (google-rows.ts). Formats: shared/reference/google-meta-data-formats.md §2;
 * definitions: docs/methodology.md.
 */
import { readCsv } from './csv-table.js';
import { chooseGoogleFigures, type GoogleSums } from './google-figures.js';
import {
  type GoogleProductRow,
  type GoogleRequesterRow,
  type GoogleSummaryRow,
  type Place,
  placeReader,
  readProductRows,
  readRequesterRows,
  readSummaryRows,
} from './google-rows.js';
import { latestPeriod } from './periods.js';
import { type DataWarning, type GooglePart, googlePartFiles, type PartPeriod, refuse, type SourceFile } from './sources.js';

export type { GoogleProductRow, GoogleRequesterRow, GoogleSummaryRow, OutcomePercents } from './google-rows.js';

export type GoogleArchive = {
  files: { name: string; role: GooglePart; rowsRead: number }[];
  ignoredFiles: string[];
  productRows: GoogleProductRow[];
  requesterRows: GoogleRequesterRow[];
  summaryRows: GoogleSummaryRow[];
  coverage: PartPeriod[];
  vintage: string;
  rowsRead: number;
  warnings: DataWarning[];
};

const roleByName = new Map<string, GooglePart>(
  Object.entries(googlePartFiles).map(([part, file]) => [file.split('/').pop()!, part as GooglePart]),
);

/** Which part of the archive a file is, from its name; undefined for anything else (README.txt, …). */
export function googlePartOf(name: string): GooglePart | undefined {
  return roleByName.get((name.split('/').pop() ?? '').toLowerCase());
}

export function parseGoogleArchive(input: SourceFile[]): GoogleArchive {
  const warnings: DataWarning[] = [];
  const byRole = new Map<GooglePart, SourceFile>();
  const ignoredFiles: string[] = [];
  for (const file of input) {
    const role = googlePartOf(file.name);
    if (!role) {
      ignoredFiles.push(file.name);
      continue;
    }
    const other = byRole.get(role);
    if (other)
      throw refuse(
        file.name,
        `a second copy of ${googlePartFiles[role]} (the first is ${other.name}); give one archive at a time`,
      );
    byRole.set(role, file);
  }
  if (byRole.size === 0)
    throw refuse(
      input.length ? 'the archive' : 'the path',
      `holds none of Google’s government-removals files (${Object.values(googlePartFiles).join(', ')})`,
    );

  const archive: GoogleArchive = {
    files: [],
    ignoredFiles,
    productRows: [],
    requesterRows: [],
    summaryRows: [],
    coverage: [],
    vintage: '',
    rowsRead: 0,
    warnings,
  };
  const periodsByPart = new Map<GooglePart, Set<string>>();
  for (const [role, file] of byRole) {
    const table = readCsv(file.name, file.bytes, warnings);
    const periods = new Set<string>();
    periodsByPart.set(role, periods);
    const read = placeReader(table, warnings, periods);
    if (role === 'product-reason' || role === 'historical-product-reason') readProductRows(table, role, read, archive);
    else if (role === 'requester') readRequesterRows(table, read, archive);
    else readSummaryRows(table, read, archive);
    archive.files.push({ name: file.name, role, rowsRead: table.rows.length });
    archive.rowsRead += table.rows.length;
  }
  for (const [part, periods] of periodsByPart) for (const period of periods) archive.coverage.push({ part, period });
  archive.vintage = latestPeriod(archive.coverage.map((c) => c.period)) ?? '';
  if (!archive.vintage) throw refuse([...byRole.values()][0]!.name, 'has no rows');
  crossCheck(archive, byRole);
  return archive;
}
/** Sums per country-period and part, as the figure choice reads them. */
export function sumGoogleRows(
  rows: { productRows: GoogleProductRow[]; requesterRows: GoogleRequesterRow[]; summaryRows: GoogleSummaryRow[] },
  keep: (row: Place) => boolean = () => true,
): Map<string, GoogleSums & { country: string; countryName: string; period: string }> {
  const sums = new Map<string, GoogleSums & { country: string; countryName: string; period: string }>();
  const at = (row: Place) => {
    const key = `${row.country}|${row.period}`;
    let s = sums.get(key);
    if (!s) {
      s = { country: row.country, countryName: row.countryName, period: row.period };
      sums.set(key, s);
    }
    return s;
  };
  for (const r of rows.productRows) {
    if (!keep(r)) continue;
    const s = at(r);
    if (r.part === 'product-reason') {
      s.productReason ??= { requests: 0, line: r.line };
      s.productReason.requests += r.requests;
    } else {
      s.historicalProductReason ??= { requests: 0, items: 0, blankItemRows: 0, line: r.line };
      s.historicalProductReason.requests += r.requests;
      if (r.items === null) s.historicalProductReason.blankItemRows++;
      else s.historicalProductReason.items += r.items;
    }
  }
  for (const r of rows.requesterRows) {
    if (!keep(r)) continue;
    const s = at(r);
    s.requester ??= { requests: 0, items: 0, line: r.line };
    s.requester.requests += r.requests;
    s.requester.items += r.items;
  }
  for (const r of rows.summaryRows) {
    if (!keep(r)) continue;
    at(r).historicalSummary = {
      requests: r.requests,
      requestsAsPublished: r.requestsAsPublished,
      items: r.items,
      itemsAsPublished: r.itemsAsPublished,
      compliedPct: r.compliedPct,
      line: r.line,
    };
  }
  return sums;
}

/** Where the files of one archive disagree about a country-period, a warning on the file not used. */
function crossCheck(archive: GoogleArchive, byRole: Map<GooglePart, SourceFile>) {
  for (const s of sumGoogleRows(archive).values()) {
    for (const finding of chooseGoogleFigures(s).findings) {
      const file = byRole.get(finding.part)?.name ?? googlePartFiles[finding.part];
      if (finding.kind === 'not-published') continue; // already reported line by line
      archive.warnings.push({ file, line: finding.line ?? null, message: `${s.country} ${s.period}: ${finding.message}` });
    }
  }
}
