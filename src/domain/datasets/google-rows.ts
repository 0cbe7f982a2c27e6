/**
 * The rows of each file of Google's archive, read by column name, with every oddity reported on its
 * line. Which file is which, and how they fit together: google-archive.ts.
 */

import { describeMarker, markerOf, numberOf } from './cells.js';
import { territoryCode } from './countries.js';
import { CellReader, type CsvRow, type CsvTable, column } from './csv-table.js';
import { periodFromEndDate } from './periods.js';
import { type DataWarning, refuse } from './sources.js';

export type Place = { period: string; country: string; countryName: string; line: number };

export type GoogleProductRow = Place & {
  part: 'product-reason' | 'historical-product-reason';
  product: string;
  reason: string | null;
  requests: number;
  courtOrders: number | null;
  executiveRequests: number | null;
  items: number | null;
};

/** The six item-outcome percentages in the published order; null = blank (no item). */
export type OutcomePercents = [number | null, number | null, number | null, number | null, number | null, number | null];

export type GoogleRequesterRow = Place & { requester: string; requests: number; items: number; percents: OutcomePercents };

export type GoogleSummaryRow = Place & {
  requests: number | null;
  requestsAsPublished: string | null;
  compliedPct: number | null;
  items: number | null;
  itemsAsPublished: string | null;
  courtRequests: number | null;
  courtItems: number | null;
  otherRequests: number | null;
  otherItems: number | null;
};

/** Where the readers put rows and warnings. */
export type GoogleRowSink = {
  productRows: GoogleProductRow[];
  requesterRows: GoogleRequesterRow[];
  summaryRows: GoogleSummaryRow[];
  warnings: DataWarning[];
};

const outcomeColumns = [
  ['% Removed-Legal'],
  ['% Removed-Policy'],
  ['% Content Not Found'],
  ['% Not Enough Information'],
  ['% No Action Taken'],
  ['% Content Already Removed'],
] as const;

/** Reads period and territory; null (with a warning) for a row that names no country. */
export function placeReader(table: CsvTable, warnings: DataWarning[], periods: Set<string>) {
  const periodCol = column(table, ['Period Ending']);
  const nameCol = column(table, ['Country/Region']);
  const codeCol = column(table, ['CLDR Territory Code']);
  const reader = new CellReader(table);
  const periodOf = new Map<string, string | null>(); // a file has a few dozen distinct dates
  return (row: CsvRow): Place | null => {
    const cells = reader.at(row);
    const date = cells.text(periodCol);
    let period = periodOf.get(date);
    if (period === undefined) {
      period = periodFromEndDate(date);
      periodOf.set(date, period);
    }
    if (!period)
      throw refuse(
        table.file,
        `column "Period Ending" must be the last day of a half-year, YYYY-06-30 or YYYY-12-31 (${JSON.stringify(cells.text(periodCol))})`,
        row.line,
      );
    periods.add(period);
    const countryName = cells.text(nameCol);
    const published = cells.text(codeCol).toUpperCase();
    const code = territoryCode(published);
    if (!code) {
      warnings.push({
        file: table.file,
        line: row.line,
        message: !published
          ? `"${countryName}" has no territory code (an international body, not a country); row not stored`
          : /^[A-Z]{2}$/.test(published)
            ? `territory code ${JSON.stringify(published)} is not a country's code today (withdrawn or never assigned); row not stored`
            : `territory code ${JSON.stringify(published)} is not a two-letter code; row not stored`,
      });
      return null;
    }
    if (code !== published)
      warnings.push({ file: table.file, line: row.line, message: `territory code ${published} is stored as ${code}` });
    return { period, country: code, countryName: countryName || code, line: row.line };
  };
}

export type PlaceReader = ReturnType<typeof placeReader>;

export function readProductRows(table: CsvTable, part: GoogleProductRow['part'], place: PlaceReader, archive: GoogleRowSink) {
  const productCol = column(table, ['Product']);
  const reasonCol = column(table, ['Reason']);
  const historical = part === 'historical-product-reason';
  const totalCol = historical ? -1 : column(table, ['Total']);
  const courtCol = historical ? column(table, ['Court Orders']) : -1;
  const executiveCol = historical ? column(table, ['Executive, Police, etc.']) : -1;
  const itemsCol = historical ? column(table, ['Items Requested To Be Removed']) : -1;
  const seen = new Map<string, number>();
  const reader = new CellReader(table);
  for (const row of table.rows) {
    const at = place(row);
    if (!at) continue;
    const cells = reader.at(row);
    const product = cells.text(productCol);
    const reason = cells.text(reasonCol) || null;
    const key = `${at.period}|${at.country}|${product}|${reason}`;
    const first = seen.get(key);
    if (first !== undefined) {
      archive.warnings.push({
        file: table.file,
        line: row.line,
        message: `repeats line ${first} (same period, country, product and reason); not stored`,
      });
      continue;
    }
    seen.set(key, row.line);
    if (!reason && at.period >= '2010-H2')
      archive.warnings.push({ file: table.file, line: row.line, message: 'no reason given (Google gives reasons from 2010-H2)' });
    const where = { period: at.period, country: at.country, countryName: at.countryName, line: at.line, part, product, reason };
    let stored: GoogleProductRow;
    if (!historical) {
      stored = { ...where, requests: cells.wholeNumber(totalCol), courtOrders: null, executiveRequests: null, items: null };
    } else {
      const courtOrders = cells.wholeNumber(courtCol);
      const executiveRequests = cells.wholeNumber(executiveCol);
      const itemsCell = cells.count(itemsCol);
      if (itemsCell.kind !== 'number')
        archive.warnings.push({
          file: table.file,
          line: row.line,
          message: `items requested published as ${itemsCell.kind === 'blank' ? 'blank (not published)' : describeMarker(itemsCell)}`,
        });
      stored = {
        ...where,
        requests: courtOrders + executiveRequests,
        courtOrders,
        executiveRequests,
        items: numberOf(itemsCell),
      };
    }
    if (stored.requests === 0) archive.warnings.push({ file: table.file, line: row.line, message: 'a row of zero requests' });
    archive.productRows.push(stored);
  }
}

export function readRequesterRows(table: CsvTable, place: PlaceReader, archive: GoogleRowSink) {
  // The March-2023 copy spells it "Requester"; the 2024 and 2025 vintages "Requestor".
  const requesterCol = column(table, ['Requestor', 'Requester']);
  const requestsCol = column(table, ['Number of Requests']);
  const itemsCol = column(table, ['Items Requested To Be Removed']);
  const percentCols = outcomeColumns.map((spellings) => column(table, spellings));
  const seen = new Map<string, number>();
  const reader = new CellReader(table);
  for (const row of table.rows) {
    const at = place(row);
    if (!at) continue;
    const cells = reader.at(row);
    const requester = cells.text(requesterCol);
    const key = `${at.period}|${at.country}|${requester}`;
    const first = seen.get(key);
    if (first !== undefined) {
      archive.warnings.push({
        file: table.file,
        line: row.line,
        message: `repeats line ${first} (same period, country and requester); not stored`,
      });
      continue;
    }
    seen.set(key, row.line);
    const requests = cells.wholeNumber(requestsCol);
    const items = cells.wholeNumber(itemsCol);
    const percents = percentCols.map((col) => {
      const cell = cells.percent(col);
      if (cell.kind === 'number' && cell.value > 100)
        throw refuse(table.file, `column "${table.header[col]}" is over 100 (${cell.value})`, row.line);
      if (cell.kind !== 'number' && cell.kind !== 'blank')
        throw refuse(
          table.file,
          `column "${table.header[col]}" is not a whole percentage (${JSON.stringify(cells.text(col))})`,
          row.line,
        );
      return numberOf(cell);
    }) as OutcomePercents;
    const sum = percents.reduce<number>((s, p) => s + (p ?? 0), 0);
    if (items > 0 && percents.every((p) => p === null))
      archive.warnings.push({
        file: table.file,
        line: row.line,
        message: 'no item-outcome percentage given; outcomes of these items are unknown',
      });
    else if (Math.abs(sum - 100) > 3)
      archive.warnings.push({
        file: table.file,
        line: row.line,
        message: `item-outcome percentages add up to ${sum}, more than rounding explains (six whole percentages add up to 97–103)`,
      });
    if (items < requests)
      archive.warnings.push({
        file: table.file,
        line: row.line,
        message: `fewer items (${items}) than requests (${requests}), although every request names at least one item`,
      });
    archive.requesterRows.push({ ...at, requester, requests, items, percents });
  }
}

export function readSummaryRows(table: CsvTable, place: PlaceReader, archive: GoogleRowSink) {
  const col = (name: string) => column(table, [name]);
  const all = {
    requests: col('All Requests: Number of Requests'),
    complied: col('All Requests: % Fully Or Partially Complied With'),
    items: col('All Requests: Items Requested To Be Removed'),
  };
  const court = { requests: col('Court Orders: Number of Requests'), items: col('Court Orders: Items Requested To Be Removed') };
  const other = {
    requests: col('Other Requests (Executive, Police, etc.): Number of Requests'),
    items: col('Other Requests (Executive, Police, etc.): Items Requested To Be Removed'),
  };
  const seen = new Map<string, number>();
  const reader = new CellReader(table);
  for (const row of table.rows) {
    const at = place(row);
    if (!at) continue;
    const key = `${at.period}|${at.country}`;
    const first = seen.get(key);
    if (first !== undefined) {
      archive.warnings.push({
        file: table.file,
        line: row.line,
        message: `repeats line ${first} (same period and country); not stored`,
      });
      continue;
    }
    seen.set(key, row.line);
    const cells = reader.at(row);
    const requests = cells.count(all.requests);
    const items = cells.count(all.items);
    const complied = cells.percent(all.complied);
    if (requests.kind !== 'number')
      archive.warnings.push({
        file: table.file,
        line: row.line,
        message: `number of requests published as ${requests.kind === 'blank' ? 'blank' : describeMarker(requests)}`,
      });
    if (items.kind !== 'number' && requests.kind === 'number')
      archive.warnings.push({
        file: table.file,
        line: row.line,
        message: `items requested published as ${items.kind === 'blank' ? 'blank (not published)' : describeMarker(items)}`,
      });
    const count = (index: number) => numberOf(cells.count(index));
    archive.summaryRows.push({
      ...at,
      requests: numberOf(requests),
      requestsAsPublished: markerOf(requests),
      compliedPct: numberOf(complied),
      items: numberOf(items),
      itemsAsPublished: markerOf(items),
      courtRequests: count(court.requests),
      courtItems: count(court.items),
      otherRequests: count(other.requests),
      otherItems: count(other.items),
    });
  }
}
