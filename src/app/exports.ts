/**
 * Exports in the formats the world already reads (issue 13), the same from
 * `GET /api/v1/public/exports/:format` and `writ export`: the figures from exports-repository.ts
 * (and, for Meta, the user-data report's own counting), the layouts from src/domain/exports/, the
 * files written with csv-stringify (quoting only where needed, as Google's files do; no BOM).
 */
import { stringify } from 'csv-stringify/sync';
import type { EuOrderRow } from '../db/exports-repository.js';
import { dsaClassification } from '../domain/exports/dsa-categories.js';
import { batches, batchFileName, statementsOf } from '../domain/exports/dsa-sor.js';
import {
  type EuOrder,
  type EuRowFigures,
  euLayout,
  euMemberStates,
  euOrdersFileName,
  euOrdersHeader,
  euRow,
  euRowCounts,
  receiptHours,
} from '../domain/exports/eu-orders.js';
import { csvType, type ExportFile, type ExportFormat, halfYearOf, jsonType } from '../domain/exports/formats.js';
import {
  googleProductReasonFile,
  googleProductReasonHeader,
  googleProductReasonRows,
  googleRequesterFile,
  googleRequesterHeader,
  googleRequesterRows,
} from '../domain/exports/google-removals.js';
import { lumenFileName, lumenNotice } from '../domain/exports/lumen.js';
import { metaFileName, metaHeader, metaRow } from '../domain/exports/meta-data-requests.js';
import { formatPeriod, type HalfYear, periodOf } from '../domain/period.js';
import type { Writ } from './context.js';

/** Google's convention (and the importer's): LF line ends, fields quoted only when they must be. */
export function csvOf(header: readonly string[], rows: readonly string[][], lineEnd: '\n' | '\r\n' = '\n'): string {
  return stringify([[...header], ...rows], { record_delimiter: lineEnd === '\n' ? 'unix' : 'windows' });
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The last half-year that has ended at `now`: the default period of a one-period format. */
export function lastEndedPeriod(now: Date): HalfYear {
  const p = periodOf(now);
  return p.half === 2 ? { year: p.year, half: 1 } : { year: p.year - 1, half: 2 };
}

type ExportsWrit = Pick<Writ, 'exports' | 'dataReports' | 'config' | 'now'>;

export async function exportFiles(writ: ExportsWrit, format: ExportFormat, period: HalfYear | null): Promise<ExportFile[]> {
  switch (format) {
    case 'google-removals':
      return googleRemovals(writ, period);
    case 'meta-data-requests':
      return metaDataRequests(writ, period);
    case 'eu-orders':
      return [await euOrders(writ, period ?? lastEndedPeriod(writ.now()))];
    case 'dsa-sor':
      return dsaStatements(writ, period);
    case 'lumen':
      return [
        {
          name: lumenFileName,
          contentType: jsonType,
          content: json({ notices: (await writ.exports.publishedRecords(period)).map(lumenNotice) }),
        },
      ];
  }
}

/** Google's two current CSVs; without a period, every half-year Writ has decided orders in. */
async function googleRemovals(writ: ExportsWrit, period: HalfYear | null): Promise<ExportFile[]> {
  const [requesters, productReasons] = await Promise.all([
    writ.exports.requesterOutcomes(period),
    writ.exports.productReasons(period),
  ]);
  return [
    { name: googleRequesterFile, contentType: csvType, content: csvOf(googleRequesterHeader, googleRequesterRows(requesters)) },
    {
      name: googleProductReasonFile,
      contentType: csvType,
      content: csvOf(googleProductReasonHeader, googleProductReasonRows(productReasons)),
    },
  ];
}

/**
 * Meta's layout C: one file per half-year, one row per country that sent a data order then (Meta
 * lists every territory, zeros included; Writ lists those it has figures for). Meta's files end
 * their lines with CRLF, and so does this one.
 */
async function metaDataRequests(writ: ExportsWrit, period: HalfYear | null): Promise<ExportFile[]> {
  const available = await writ.dataReports.availablePeriods();
  const periods = period ? [formatPeriod(period)] : [...new Set(available.map((a) => a.period))].sort();
  const files: ExportFile[] = [];
  for (const p of periods) {
    const half = halfYearOf(p);
    const countries = [...new Set(available.filter((a) => a.period === p).map((a) => a.country))].sort();
    const rows: string[][] = [];
    for (const country of countries) rows.push(metaRow(country, await writ.dataReports.countryPeriod(country, half)));
    rows.sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
    files.push({ name: metaFileName(half), contentType: csvType, content: csvOf(metaHeader, rows, '\r\n') });
  }
  return files;
}

/** Part 3 of the EU's report for one half-year: the template's rows, TOTAL then each Member State that sent orders. */
async function euOrders(writ: ExportsWrit, period: HalfYear): Promise<ExportFile> {
  const rows: EuOrderRow[] = await writ.exports.euOrders(period, euMemberStates);
  const orders: EuOrder[] = rows.map((r) => {
    const c = r.type === 'act' ? dsaClassification(r.reason) : dsaClassification(null);
    return { ...r, category: c.category, keyword: c.keyword, hoursToReceipt: receiptHours(r.hoursToReceipt) };
  });
  const layout = euLayout([...new Set(orders.map((o) => o.country))]);
  const groups: Record<string, (number | null)[]> = {};
  const matched = layout.map((row, index) => {
    const mine = orders.filter((o) => euRowCounts(row, o));
    const act = mine.filter((o) => o.type === 'act');
    const info = mine.filter((o) => o.type === 'info');
    // A median over no order is no number: the group is absent and the field stays blank.
    if (act.length) {
      groups[`${index}:ar`] = act.map((o) => o.hoursToReceipt);
      groups[`${index}:ae`] = act.map((o) => o.hoursToEffect);
    }
    if (info.length) {
      groups[`${index}:ir`] = info.map((o) => o.hoursToReceipt);
      groups[`${index}:ie`] = info.map((o) => o.hoursToEffect);
    }
    return { row, act, info };
  });
  const medians = await writ.exports.medians(groups);
  const service = new URL(writ.config.publicUrl).hostname;
  const csvRows = matched.map(({ row, act, info }, index) => {
    const figures: EuRowFigures = {
      actOrders: act.length,
      actItems: act.reduce((s, o) => s + o.items, 0),
      actReceipt: medians[`${index}:ar`] ?? null,
      actEffect: medians[`${index}:ae`] ?? null,
      infoOrders: info.length,
      infoReceipt: medians[`${index}:ir`] ?? null,
      infoEffect: medians[`${index}:ie`] ?? null,
      otherReasons: [...new Set(act.map((o) => o.reason).filter((r): r is string => r !== null))].sort(),
    };
    return euRow(period, service, row, figures);
  });
  return { name: euOrdersFileName(period), contentType: csvType, content: csvOf(euOrdersHeader, csvRows) };
}

/** Statements of reasons for every published record's restricted items, in batches of 100. */
async function dsaStatements(writ: ExportsWrit, period: HalfYear | null): Promise<ExportFile[]> {
  const statements = (await writ.exports.publishedRecords(period)).flatMap(statementsOf);
  return batches(statements).map((statements, index) => ({
    name: batchFileName(index),
    contentType: jsonType,
    content: json({ statements }),
  }));
}
