/**
 * Meta's content restricted under local law, and the internet disruptions it counted: the source
 * `meta-content-restrictions` (issue 15). Two kinds of file, each one half-year, the period in the
 * file name:
 * - `Content_Restrictions_2022_H1.csv` (part `restrictions`), in two layouts read by column name:
 *     counts    2013-H2 … 2018-H1  `Country,count`
 *     products  2018-H2 …          `ISO Code,Country,<one column per product>,total`, every territory
 *   The later layout splits the count by product ("Facebook Post", "Instagram Media" …) and by
 *   "Global GB" columns: restrictions applied worldwide (externally imposed, or applied to others),
 *   which Meta repeats on every country's row and includes in its `total`. Writ stores `total` as
 *   published (the items restricted) and each product column beside it.
 * - Meta's government-requests files of 2016-H2 … 2018-H2 (part `disruptions`), whose "Internet
 *   Disruptions" column counts the disruptions of Meta's services in the country that half-year.
 * Countries are stored under their currently assigned ISO code (Kosovo as XK, as everywhere in
 * Writ): the Netherlands Antilles (AN, withdrawn in 2010), which Meta still lists, are reported line
 * by line and not stored. Formats: docs/methodology.md.
 */
import { parse } from 'csv-parse/sync';
import { isCountryCode } from '../countries.js';
import { type Cell, describeMarker, markerOf, numberOf } from './cells.js';
import { countryCodeForName } from './countries.js';
import { CellReader, type CsvTable, column, hasColumn, readCsv } from './csv-table.js';
import { isMetaRequestsFile } from './meta-requests.js';
import { latestPeriod, periodFromFileName } from './periods.js';
import { type DataWarning, disruptionsPart, type PartPeriod, refuse, restrictionsPart, type SourceFile } from './sources.js';

export type MetaRestrictionLayout = 'counts' | 'products';

/** One country's half-year: items restricted (part `restrictions`) or internet disruptions (part `disruptions`). */
export type MetaRestrictionRow = {
  part: typeof restrictionsPart | typeof disruptionsPart;
  period: string;
  country: string;
  countryName: string;
  /** The file's total (or its `count`); null where a marker is published instead. */
  items: number | null;
  itemsAsPublished: string | null;
  /** The later layout's columns other than the total, as published (null: `N/A`). */
  byProduct: Record<string, number | null> | null;
  internetDisruptions: number | null;
  line: number;
};

type Reading = {
  files: { name: string; role: string; rowsRead: number; period: string }[];
  ignoredFiles: string[];
  rows: MetaRestrictionRow[];
  coverage: PartPeriod[];
  rowsRead: number;
  warnings: DataWarning[];
};

export type MetaRestrictionsDataset = Reading & { vintage: string };

const disruptionsColumn = 'Internet Disruptions';

function headerOf(file: SourceFile): string[] | null {
  if (!file.name.toLowerCase().endsWith('.csv')) return null;
  const start = Buffer.from(file.bytes.subarray(0, 64 * 1024)).toString('utf8');
  const firstLine = start.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  try {
    return (parse(firstLine, { relax_column_count: true, relax_quotes: true })[0] ?? []).map((n: string) =>
      n.trim().toLowerCase(),
    );
  } catch {
    return null;
  }
}

/**
 * A content-restrictions file: a CSV whose header names "Country" and "count" or "total" (Meta's
 * requests files name "Total Requests", never a bare total).
 */
export function isMetaRestrictionsFile(file: SourceFile): boolean {
  const names = headerOf(file);
  if (!names?.includes('country')) return false;
  return names.includes('count') || names.includes('total');
}

/** A government-requests file with the "Internet Disruptions" column (2016-H1 … 2018-H2). */
export function isMetaDisruptionsFile(file: SourceFile): boolean {
  // A requests file is a CSV with a readable header, so headerOf answers.
  return isMetaRequestsFile(file) && headerOf(file)!.includes(disruptionsColumn.toLowerCase());
}

/** The role of a file in this source, or undefined when it is not one of its files. */
export function metaRestrictionsRole(file: SourceFile): string | undefined {
  if (isMetaRestrictionsFile(file)) return restrictionsPart;
  if (isMetaDisruptionsFile(file)) return disruptionsPart;
  return undefined;
}

export function parseMetaRestrictions(input: SourceFile[]): MetaRestrictionsDataset {
  const dataset: Reading = { files: [], ignoredFiles: [], rows: [], coverage: [], rowsRead: 0, warnings: [] };
  const fileByPartPeriod = new Map<string, string>();
  const restrictionPeriods: string[] = [];
  for (const file of [...input].sort((a, b) => a.name.localeCompare(b.name))) {
    const role = metaRestrictionsRole(file);
    if (!role) {
      dataset.ignoredFiles.push(file.name);
      continue;
    }
    const period = periodFromFileName(file.name);
    if (!period)
      throw refuse(file.name, 'the file name carries no half-year such as 2022_H1 (Meta’s files have no period column)');
    const other = fileByPartPeriod.get(`${role} ${period}`);
    if (other) throw refuse(file.name, `a second file for ${period} (the first is ${other})`);
    fileByPartPeriod.set(`${role} ${period}`, file.name);
    const table = readCsv(file.name, file.bytes, dataset.warnings);
    let covers = true;
    if (role === restrictionsPart) {
      readRestrictions(table, period, dataset);
      restrictionPeriods.push(period);
    } else covers = readDisruptions(table, period, dataset);
    dataset.files.push({ name: file.name, role, rowsRead: table.rows.length, period });
    dataset.rowsRead += table.rows.length;
    if (covers) dataset.coverage.push({ part: role === restrictionsPart ? restrictionsPart : disruptionsPart, period });
  }
  const vintage = latestPeriod(restrictionPeriods);
  if (!vintage)
    throw refuse(
      'the path',
      'holds no Meta content-restrictions CSV (a file such as Content_Restrictions_2022_H1.csv, with the columns "Country" and "total" or "count")',
    );
  return { ...dataset, vintage };
}

type Place = { country: string; countryName: string };

/**
 * The country of a row: the ISO code where the file has one (it must agree with the name when the
 * name is known), else the name. null, with a warning, when it is no country with a code today.
 */
function placeOf(name: string, code: string | null, warn: (m: string) => void): Place | null {
  const byName = name ? countryCodeForName(name) : null;
  if (code !== null) {
    const upper = code.toUpperCase();
    if (!isCountryCode(upper)) {
      warn(`"${code}" (${name || 'no name'}) is not a currently assigned ISO 3166 code; row not stored`);
      return null;
    }
    if (byName !== null && byName !== upper) {
      warn(`the code ${upper} and the name "${name}" (${byName}) disagree; row not stored`);
      return null;
    }
    return { country: upper, countryName: name || upper };
  }
  if (!byName) {
    warn(name ? `"${name}" is not a country with an ISO 3166 code; row not stored` : 'no country name; row not stored');
    return null;
  }
  return { country: byName, countryName: name };
}

function readRestrictions(table: CsvTable, period: string, dataset: Reading) {
  const layout: MetaRestrictionLayout = hasColumn(table, 'total') ? 'products' : 'counts';
  const cols = {
    country: column(table, ['Country']),
    code: hasColumn(table, 'ISO Code') ? column(table, ['ISO Code']) : -1,
    items: column(table, layout === 'products' ? ['total'] : ['count']),
  };
  // Every other column is a product's (none in the early layout: only the country and the count).
  const productColumns = table.header
    .map((name, index) => ({ name, index }))
    .filter((c) => ![cols.country, cols.code, cols.items].includes(c.index));
  readCountryRows(
    table,
    dataset,
    (cells, place, line) => {
      const items = cells.count(cols.items);
      if (items.kind !== 'number')
        dataset.warnings.push({ file: table.file, line, message: `items restricted published as ${describe(items)}` });
      let byProduct: Record<string, number | null> | null = null;
      if (layout === 'products') {
        byProduct = {};
        for (const c of productColumns) byProduct[c.name] = numberOf(cells.count(c.index));
        const sum = Object.values(byProduct).reduce<number>((s, v) => s + (v ?? 0), 0);
        if (items.kind === 'number' && sum !== items.value)
          dataset.warnings.push({
            file: table.file,
            line,
            message: `the product columns add up to ${sum}, not the ${items.value} total`,
          });
      }
      return {
        part: restrictionsPart,
        period,
        ...place,
        items: numberOf(items),
        itemsAsPublished: markerOf(items),
        byProduct,
        internetDisruptions: null,
        line,
      };
    },
    cols.country,
    cols.code,
  );
}

/**
 * The disruptions a requests file publishes. Returns false when the column is blank on every row
 * (2016-H1's file has the column and no figure): the period is then not covered, rather than read
 * as "no disruption anywhere".
 */
function readDisruptions(table: CsvTable, period: string, dataset: Reading): boolean {
  const cols = { country: column(table, ['Country']), disruptions: column(table, [disruptionsColumn]) };
  if (table.rows.every((row) => (row.cells[cols.disruptions] ?? '').trim() === '')) {
    dataset.warnings.push({
      file: table.file,
      line: null,
      message: `the "${disruptionsColumn}" column is blank on every row; ${period} is not counted as covered`,
    });
    return false;
  }
  readCountryRows(
    table,
    dataset,
    (cells, place, line) => {
      const cell = cells.count(cols.disruptions);
      // Blank: Meta reported no disruption for the country that half-year; nothing to store.
      if (cell.kind === 'blank') return null;
      if (cell.kind !== 'number')
        dataset.warnings.push({ file: table.file, line, message: `internet disruptions published as ${describe(cell)}` });
      return {
        part: disruptionsPart,
        period,
        ...place,
        items: null,
        itemsAsPublished: markerOf(cell),
        byProduct: null,
        internetDisruptions: numberOf(cell),
        line,
      };
    },
    cols.country,
    -1,
  );
  return true;
}

const describe = (cell: Cell) => (cell.kind === 'blank' ? 'a blank cell' : describeMarker(cell));

/** Each row's country, once per file; `read` turns a row into what is stored (null: nothing to store). */
function readCountryRows(
  table: CsvTable,
  dataset: Reading,
  read: (cells: CellReader, place: Place, line: number) => MetaRestrictionRow | null,
  countryColumn: number,
  codeColumn: number,
) {
  const seen = new Map<string, number>();
  const reader = new CellReader(table);
  for (const row of table.rows) {
    const cells = reader.at(row);
    const warn = (message: string) => dataset.warnings.push({ file: table.file, line: row.line, message });
    const name = cells.text(countryColumn);
    const code = codeColumn < 0 ? '' : cells.text(codeColumn);
    const place = placeOf(name, code === '' ? null : code, warn);
    if (!place) continue;
    const first = seen.get(place.country);
    if (first !== undefined) {
      warn(`"${name}" is ${place.country} again (first on line ${first}); not stored`);
      continue;
    }
    seen.set(place.country, row.line);
    const stored = read(cells, place, row.line);
    if (stored) dataset.rows.push(stored);
  }
}
