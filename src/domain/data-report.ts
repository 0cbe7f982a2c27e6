/**
 * A country's user-data report for a half-year (issue 11), with the definitions of Meta's
 * "Government requests for user data" files, layout C (2019-H1 on), so that the platform's figures
 * stand beside Meta's published ones:
 * - an order is counted in the half-year in which it was received (UTC), by the country of the
 *   authority that issued it, whatever its status now — as the removal report counts (withdrawn
 *   orders included: the request was made);
 * - "requests" are data orders of kind `user_data` (legal process) and `emergency_disclosure`
 *   (emergency); preservation orders are counted apart, as Meta does;
 * - "accounts" are the accounts the orders name;
 * - a request is one "where some data was produced" when at least one of its accounts was decided
 *   with extent `all` or `some`; the percentage is of requests, not of accounts;
 * - a request none of whose accounts is decided yet is also counted apart as undecided.
 * Each figure and the Meta column it compares with: `metaColumns` below (the methodology page is
 * generated from it).
 */
import { legalProcessTypes } from './data-request.js';
import { formatPeriod, type HalfYear } from './period.js';

export type LegalProcessType = (typeof legalProcessTypes)[number];

export type ProcessCounts = { requests: number; accounts: number; someDataProduced: number };

/** What the SQL counts (src/db/data-reports-repository.ts); the report adds the shares. */
export type DataReportCounts = {
  totalRequests: number;
  totalAccounts: number;
  requestsSomeDataProduced: number;
  legalProcess: ProcessCounts;
  emergency: ProcessCounts;
  byProcess: Record<LegalProcessType, ProcessCounts>;
  preservationRequests: number;
  preservationAccountsPreserved: number;
  nonDisclosureRequests: number;
  undecidedRequests: number;
  containsDemoData: boolean;
};

/** `percent` is a share from 0 to 1 (Meta prints it as a whole percentage). */
export type ProcessFigures = ProcessCounts & { percent: number };

export type DataReport = {
  country: string;
  period: string;
  totalRequests: number;
  totalAccounts: number;
  requestsSomeDataProduced: number;
  percentSomeDataProduced: number;
  legalProcess: ProcessFigures;
  emergency: ProcessFigures;
  byProcess: Record<LegalProcessType, ProcessFigures>;
  preservationRequests: number;
  preservationAccountsPreserved: number;
  nonDisclosure: { requests: number; share: number };
  undecidedRequests: number;
  containsDemoData: boolean;
};

export const zeroProcessCounts = (): ProcessCounts => ({ requests: 0, accounts: 0, someDataProduced: 0 });

export const emptyDataReportCounts = (): DataReportCounts => ({
  totalRequests: 0,
  totalAccounts: 0,
  requestsSomeDataProduced: 0,
  legalProcess: zeroProcessCounts(),
  emergency: zeroProcessCounts(),
  byProcess: Object.fromEntries(legalProcessTypes.map((p) => [p, zeroProcessCounts()])) as Record<
    LegalProcessType,
    ProcessCounts
  >,
  preservationRequests: 0,
  preservationAccountsPreserved: 0,
  nonDisclosureRequests: 0,
  undecidedRequests: 0,
  containsDemoData: false,
});

/** part / whole, 0 when there is no whole (Meta prints 0% for a country with no requests). */
export const shareOf = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);

const withPercent = (c: ProcessCounts): ProcessFigures => ({ ...c, percent: shareOf(c.someDataProduced, c.requests) });

export function assembleDataReport(country: string, period: HalfYear, c: DataReportCounts): DataReport {
  return {
    country,
    period: formatPeriod(period),
    totalRequests: c.totalRequests,
    totalAccounts: c.totalAccounts,
    requestsSomeDataProduced: c.requestsSomeDataProduced,
    percentSomeDataProduced: shareOf(c.requestsSomeDataProduced, c.totalRequests),
    legalProcess: withPercent(c.legalProcess),
    emergency: withPercent(c.emergency),
    byProcess: Object.fromEntries(legalProcessTypes.map((p) => [p, withPercent(c.byProcess[p])])) as Record<
      LegalProcessType,
      ProcessFigures
    >,
    preservationRequests: c.preservationRequests,
    preservationAccountsPreserved: c.preservationAccountsPreserved,
    nonDisclosure: { requests: c.nonDisclosureRequests, share: shareOf(c.nonDisclosureRequests, c.totalRequests) },
    undecidedRequests: c.undecidedRequests,
    containsDemoData: c.containsDemoData,
  };
}

/**
 * Each figure of the report (its path in the JSON) and the column of Meta's layout C it compares
 * with: at most one column per figure and no column twice. `meta: null` — Meta publishes no such
 * figure. Meta's per-process columns (Search Warrant, Subpoena, …) are filled for the United States
 * only; Writ fills them for every country. Meta's MLAT is split in two columns (MLAT Search Warrant,
 * MLAT Order) that together compare with Writ's one process `mlat_request`; the comparison takes
 * their sum, so the pair is named once here.
 */
export type MetaColumnMapping = { figure: string; meta: readonly string[] | null; note?: string };

const processColumns: Record<LegalProcessType, readonly string[] | null> = {
  search_warrant: ['Search Warrant'],
  subpoena: ['Subpoena'],
  court_order: ['Court Order (Other)'],
  mlat_request: ['MLAT Search Warrant', 'MLAT Order'],
  other: null,
};

const suffixed = (columns: readonly string[] | null, suffix: string) =>
  columns ? columns.map((c) => (suffix ? `${c} ${suffix}` : c)) : null;

export const metaColumns: readonly MetaColumnMapping[] = [
  { figure: 'totalRequests', meta: ['Total Requests'] },
  { figure: 'requestsSomeDataProduced', meta: ['Number of Requests Where Some Data Produced'] },
  { figure: 'totalAccounts', meta: ['Total Requests Accounts'] },
  { figure: 'percentSomeDataProduced', meta: ['Total Requests Percentage'] },
  { figure: 'legalProcess.requests', meta: ['Legal Process Request Total'] },
  { figure: 'legalProcess.someDataProduced', meta: ['Legal Number of Requests Where Some Data Produced'] },
  { figure: 'legalProcess.accounts', meta: ['Legal Process Request Total Accounts'] },
  { figure: 'legalProcess.percent', meta: ['Legal Process Request Total Percentage'] },
  { figure: 'emergency.requests', meta: ['Emergency Request Total'] },
  { figure: 'emergency.someDataProduced', meta: ['ER Number of Requests Where Some Data Produced'] },
  { figure: 'emergency.accounts', meta: ['Emergency Request Total Accounts'] },
  { figure: 'emergency.percent', meta: ['Emergency Request Total Percentage'] },
  ...legalProcessTypes.flatMap((p): MetaColumnMapping[] => [
    { figure: `byProcess.${p}.requests`, meta: suffixed(processColumns[p], '') },
    { figure: `byProcess.${p}.accounts`, meta: suffixed(processColumns[p], 'Accounts') },
    { figure: `byProcess.${p}.someDataProduced`, meta: null, note: 'Meta publishes only the percentage per process' },
    { figure: `byProcess.${p}.percent`, meta: suffixed(processColumns[p], 'Percentage') },
  ]),
  { figure: 'preservationRequests', meta: ['Preservation Requests'] },
  { figure: 'preservationAccountsPreserved', meta: ['Preservation Accounts Preserved'] },
  { figure: 'nonDisclosure.requests', meta: null, note: 'Meta publishes no count of non-disclosure orders' },
  { figure: 'nonDisclosure.share', meta: null },
  { figure: 'undecidedRequests', meta: null, note: 'Meta reports decided requests only' },
];

/** A figure's value in a report, by its path in `metaColumns` (for tests and the methodology table). */
export function figureValue(report: DataReport, path: string): number {
  let value: unknown = report;
  for (const key of path.split('.')) value = (value as Record<string, unknown>)[key];
  if (typeof value !== 'number') throw new Error(`${path} is not a figure of the user-data report`);
  return value;
}
