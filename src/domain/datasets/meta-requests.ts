/**
 * Meta's "Government requests for user data" files, one per half-year
 * (`PRPL-Facebook-Government-Report-2021_H1.csv`), one row per country, no period column: the
 * period comes from the file name. Three header generations are read by column name:
 *   A  2013-H1 … 2017-H1  (`Content Restricted`, `Emergency Disclosures…`; byte-order mark)
 *   B  2017-H2 … 2018-H2  (`Content Restrictions`, no emergency disclosures; byte-order mark)
 *   C  2019-H1 …          (`Number of Requests Where Some Data Produced`; every territory, zeros too)
 * Formats: shared/reference/google-meta-data-formats.md §4.
 */
import { parse } from 'csv-parse/sync';
import { type Cell, describeMarker, markerOf, numberOf } from './cells.js';
import { countryCodeForName } from './countries.js';
import { CellReader, type CsvTable, column, hasColumn, readCsv } from './csv-table.js';
import { latestPeriod, periodFromFileName } from './periods.js';
import { type DataWarning, metaPart, type PartPeriod, refuse, type SourceFile } from './sources.js';

export type MetaLayout = 'A' | 'B' | 'C';

export type MetaRow = {
  period: string;
  country: string;
  countryName: string;
  layout: MetaLayout;
  requests: number | null;
  requestsAsPublished: string | null;
  requestsSomeData: number | null;
  accounts: number | null;
  accountsAsPublished: string | null;
  someDataPct: number | null;
  legalRequests: number | null;
  legalAccounts: number | null;
  emergencyRequests: number | null;
  emergencyAccounts: number | null;
  preservationRequests: number | null;
  preservationAccounts: number | null;
  line: number;
};

export type MetaDataset = {
  files: { name: string; role: typeof metaPart; rowsRead: number; period: string; layout: MetaLayout }[];
  ignoredFiles: string[];
  rows: MetaRow[];
  coverage: PartPeriod[];
  vintage: string;
  rowsRead: number;
  warnings: DataWarning[];
};

const requestsSpellings = ['Total Requests', 'Total Data Requests'];

/**
 * Whether a file is one of Meta's government-requests files (and not, say, its content
 * restrictions): a CSV whose first line names the columns "Country" and "Total Requests".
 */
export function isMetaRequestsFile(file: SourceFile): boolean {
  if (!file.name.toLowerCase().endsWith('.csv')) return false;
  const start = Buffer.from(file.bytes.subarray(0, 64 * 1024)).toString('utf8');
  const firstLine = start.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  let names: string[];
  try {
    names = (parse(firstLine, { relax_column_count: true, relax_quotes: true })[0] ?? []).map((n) => n.trim().toLowerCase());
  } catch {
    return false;
  }
  return names.includes('country') && requestsSpellings.some((s) => names.includes(s.toLowerCase()));
}

function layoutOf(table: CsvTable): MetaLayout {
  if (hasColumn(table, 'Number of Requests Where Some Data Produced')) return 'C';
  if (hasColumn(table, 'Content Restrictions')) return 'B';
  return 'A';
}

export function parseMetaRequests(input: SourceFile[]): MetaDataset {
  const dataset: MetaDataset = { files: [], ignoredFiles: [], rows: [], coverage: [], vintage: '', rowsRead: 0, warnings: [] };
  const fileByPeriod = new Map<string, string>();
  for (const file of [...input].sort((a, b) => a.name.localeCompare(b.name))) {
    if (!isMetaRequestsFile(file)) {
      dataset.ignoredFiles.push(file.name);
      continue;
    }
    const table = readCsv(file.name, file.bytes, dataset.warnings);
    const period = periodFromFileName(file.name);
    if (!period)
      throw refuse(file.name, 'the file name carries no half-year such as 2021_H1 (Meta’s files have no period column)');
    const other = fileByPeriod.get(period);
    if (other) throw refuse(file.name, `a second file for ${period} (the first is ${other})`);
    fileByPeriod.set(period, file.name);
    const layout = layoutOf(table);
    readRows(table, period, layout, dataset);
    dataset.files.push({ name: file.name, role: metaPart, rowsRead: table.rows.length, period, layout });
    dataset.rowsRead += table.rows.length;
    dataset.coverage.push({ part: metaPart, period });
  }
  const vintage = latestPeriod(fileByPeriod.keys());
  if (!vintage)
    throw refuse('the path', 'holds no Meta government-requests CSV (a file with the columns "Country" and "Total Requests")');
  dataset.vintage = vintage;
  return dataset;
}

function readRows(table: CsvTable, period: string, layout: MetaLayout, dataset: MetaDataset) {
  const warn = (line: number, message: string) => dataset.warnings.push({ file: table.file, line, message });
  const optional = (spelling: string) => (hasColumn(table, spelling) ? column(table, [spelling]) : -1);
  const cols = {
    country: column(table, ['Country']),
    requests: column(table, requestsSpellings),
    accounts: column(table, ['Total Requests Accounts', 'Total Users/Accounts Requested']),
    pct: column(table, ['Total Requests Percentage', 'Percent Requests Where Some Data Produced']),
    someData: optional('Number of Requests Where Some Data Produced'),
    legal: optional('Legal Process Request Total'),
    legalAccounts: optional('Legal Process Request Total Accounts'),
    emergency: optional('Emergency Request Total'),
    emergencyAccounts: optional('Emergency Request Total Accounts'),
    preservation: optional('Preservation Requests'),
    preservationAccounts: optional('Preservation Accounts Preserved'),
  };
  const seen = new Map<string, number>();
  const reader = new CellReader(table);
  for (const row of table.rows) {
    const cells = reader.at(row);
    const name = cells.text(cols.country);
    const country = name ? countryCodeForName(name) : null;
    if (!country) {
      warn(
        row.line,
        name ? `"${name}" is not a country with an ISO 3166 code; row not stored` : 'no country name; row not stored',
      );
      continue;
    }
    const first = seen.get(country);
    if (first !== undefined) {
      warn(row.line, `"${name}" is ${country} again (first on line ${first}); not stored`);
      continue;
    }
    seen.set(country, row.line);
    const count = (index: number, what: string): Cell => {
      if (index < 0) return { kind: 'blank' };
      const cell = cells.count(index);
      if (cell.kind !== 'number' && cell.kind !== 'blank') warn(row.line, `${what} published as ${describeMarker(cell)}`);
      return cell;
    };
    const requests = count(cols.requests, 'number of requests');
    const accounts = count(cols.accounts, 'accounts requested');
    const pct = cells.percent(cols.pct);
    if (requests.kind === 'blank') warn(row.line, `"${name}": number of requests is blank`);
    const r: MetaRow = {
      period,
      country,
      countryName: name,
      layout,
      requests: numberOf(requests),
      requestsAsPublished: markerOf(requests),
      requestsSomeData: numberOf(count(cols.someData, 'requests where some data was produced')),
      accounts: numberOf(accounts),
      accountsAsPublished: markerOf(accounts),
      someDataPct: numberOf(pct),
      legalRequests: numberOf(count(cols.legal, 'legal process requests')),
      legalAccounts: numberOf(count(cols.legalAccounts, 'legal process accounts')),
      emergencyRequests: numberOf(count(cols.emergency, 'emergency requests')),
      emergencyAccounts: numberOf(count(cols.emergencyAccounts, 'emergency accounts')),
      preservationRequests: numberOf(count(cols.preservation, 'preservation requests')),
      preservationAccounts: numberOf(count(cols.preservationAccounts, 'preserved accounts')),
      line: row.line,
    };
    if (r.someDataPct !== null && r.someDataPct > 100)
      warn(row.line, `share of requests with some data produced is over 100% (${r.someDataPct}%)`);
    for (const message of metaRowFindings(r)) warn(row.line, message);
    dataset.rows.push(r);
  }
}

/** Where a row's own figures disagree with each other. */
export function metaRowFindings(r: MetaRow): string[] {
  const out: string[] = [];
  if (
    r.requests !== null &&
    r.legalRequests !== null &&
    r.emergencyRequests !== null &&
    r.legalRequests + r.emergencyRequests !== r.requests
  )
    out.push(
      `legal process (${r.legalRequests}) and emergency (${r.emergencyRequests}) requests add up to ${r.legalRequests + r.emergencyRequests}, not the ${r.requests} total requests`,
    );
  if (r.requests !== null && r.requestsSomeData !== null) {
    if (r.requestsSomeData > r.requests)
      out.push(`more requests with some data produced (${r.requestsSomeData}) than requests (${r.requests})`);
    else if (r.requests > 0 && r.someDataPct !== null && Math.abs((100 * r.requestsSomeData) / r.requests - r.someDataPct) > 1)
      out.push(
        `${r.requestsSomeData} of ${r.requests} requests with some data produced is ${((100 * r.requestsSomeData) / r.requests).toFixed(1)}%, but ${r.someDataPct}% is published`,
      );
  }
  return out;
}
