/**
 * The user-data report's figures (issue 11), counted by a GROUP BY over the base tables: requests
 * (kind, received_at, is_demo), authorities (country), data_requests (legal process, non-disclosure
 * order), data_accounts, account_decisions (extent) and preservation_holds. Definitions:
 * src/domain/data-report.ts.
 */
import { type SQL, sql } from 'drizzle-orm';
import { type DataReportCounts, emptyDataReportCounts, type LegalProcessType } from '../domain/data-report.js';
import { legalProcessTypes } from '../domain/data-request.js';
import { formatPeriod, type HalfYear, periodBounds } from '../domain/period.js';
import type { Db } from './connection.js';

type GroupRow = {
  period: string;
  kind: 'user_data' | 'preservation' | 'emergency_disclosure';
  process: string | null;
  requests: number;
  accounts: number;
  some_data: number;
  undecided: number;
  non_disclosure: number;
  preserved: number;
  demo: boolean;
};

/**
 * Data orders grouped by half-year of receipt (UTC), kind and legal process, with their accounts,
 * those decided with data produced, those held, and the orders under a non-disclosure order.
 * One statement, so one snapshot: the parts of a report always add up.
 */
function grouped(where: SQL): SQL {
  return sql`
    WITH orders AS (
      SELECT r.id, r.kind::text AS kind, r.is_demo, dr.legal_process::text AS process,
             dr.non_disclosure_until IS NOT NULL AS non_disclosure,
             extract(year FROM r.received_at AT TIME ZONE 'UTC')::int || '-H' ||
               CASE WHEN extract(month FROM r.received_at AT TIME ZONE 'UTC') <= 6 THEN '1' ELSE '2' END AS period
      FROM requests r
      JOIN authorities a ON a.id = r.authority_id
      LEFT JOIN data_requests dr ON dr.request_id = r.id
      WHERE r.kind IN ('user_data', 'preservation', 'emergency_disclosure') AND ${where}),
    per_order AS (
      SELECT o.id, count(da.id)::int AS accounts,
             count(ad.account_id) FILTER (WHERE ad.extent IN ('all', 'some'))::int AS produced,
             count(ad.account_id)::int AS decided,
             count(ph.id)::int AS held
      FROM orders o
      LEFT JOIN data_accounts da ON da.request_id = o.id
      LEFT JOIN account_decisions ad ON ad.account_id = da.id
      LEFT JOIN preservation_holds ph ON ph.account_id = da.id
      GROUP BY o.id)
    SELECT o.period, o.kind, o.process,
           count(*)::int AS requests,
           coalesce(sum(p.accounts), 0)::int AS accounts,
           (count(*) FILTER (WHERE p.produced > 0))::int AS some_data,
           (count(*) FILTER (WHERE p.decided = 0))::int AS undecided,
           (count(*) FILTER (WHERE o.non_disclosure))::int AS non_disclosure,
           coalesce(sum(p.held), 0)::int AS preserved,
           bool_or(o.is_demo) AS demo
    FROM orders o JOIN per_order p ON p.id = o.id
    GROUP BY o.period, o.kind, o.process
    ORDER BY o.period, o.kind, o.process`;
}

/** Folds the grouped rows of one half-year into the report's counts. */
export function foldDataReport(rows: readonly GroupRow[]): DataReportCounts {
  const c = emptyDataReportCounts();
  for (const r of rows) {
    c.containsDemoData ||= Boolean(r.demo);
    if (r.kind === 'preservation') {
      c.preservationRequests += r.requests;
      c.preservationAccountsPreserved += r.preserved;
      continue;
    }
    c.totalRequests += r.requests;
    c.totalAccounts += r.accounts;
    c.requestsSomeDataProduced += r.some_data;
    c.undecidedRequests += r.undecided;
    c.nonDisclosureRequests += r.non_disclosure;
    const target = r.kind === 'emergency_disclosure' ? c.emergency : c.legalProcess;
    target.requests += r.requests;
    target.accounts += r.accounts;
    target.someDataProduced += r.some_data;
    if (r.kind === 'user_data' && r.process && (legalProcessTypes as readonly string[]).includes(r.process)) {
      const p = c.byProcess[r.process as LegalProcessType];
      p.requests += r.requests;
      p.accounts += r.accounts;
      p.someDataProduced += r.some_data;
    }
  }
  return c;
}

const toRows = (rows: GroupRow[]) =>
  rows.map((r) => ({
    ...r,
    requests: Number(r.requests),
    accounts: Number(r.accounts),
    some_data: Number(r.some_data),
    undecided: Number(r.undecided),
    non_disclosure: Number(r.non_disclosure),
    preserved: Number(r.preserved),
  }));

export function dataReportsRepository(db: Db, _now: () => Date = () => new Date()) {
  return {
    /** The counts of one country's half-year. */
    async countryPeriod(country: string, period: HalfYear): Promise<DataReportCounts> {
      const { start, end } = periodBounds(period);
      const result = await db.execute<GroupRow>(
        grouped(sql`a.country = ${country} AND r.received_at >= ${start.toISOString()} AND r.received_at < ${end.toISOString()}`),
      );
      return foldDataReport(toRows(result.rows));
    },

    /** The counts of every half-year in which the country issued a data order, oldest first. */
    async countrySeries(country: string): Promise<{ period: string; counts: DataReportCounts }[]> {
      const result = await db.execute<GroupRow>(grouped(sql`a.country = ${country}`));
      const byPeriod = new Map<string, GroupRow[]>();
      for (const r of toRows(result.rows)) byPeriod.set(r.period, [...(byPeriod.get(r.period) ?? []), r]);
      return [...byPeriod.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([period, rows]) => ({ period, counts: foldDataReport(rows) }));
    },

    /** Every country and half-year with at least one data order, newest first, with its requests. */
    async availablePeriods(): Promise<{ country: string; period: string; requests: number; preservationRequests: number }[]> {
      const result = await db.execute<{
        country: string;
        year: number;
        half: number;
        requests: number;
        preservation: number;
      }>(sql`
        SELECT a.country, extract(year FROM r.received_at AT TIME ZONE 'UTC')::int AS year,
               CASE WHEN extract(month FROM r.received_at AT TIME ZONE 'UTC') <= 6 THEN 1 ELSE 2 END AS half,
               (count(*) FILTER (WHERE r.kind IN ('user_data', 'emergency_disclosure')))::int AS requests,
               (count(*) FILTER (WHERE r.kind = 'preservation'))::int AS preservation
        FROM requests r JOIN authorities a ON a.id = r.authority_id
        WHERE r.kind IN ('user_data', 'preservation', 'emergency_disclosure')
        GROUP BY 1, 2, 3 ORDER BY year DESC, half DESC, country`);
      return result.rows.map((r) => ({
        country: r.country,
        period: formatPeriod({ year: Number(r.year), half: Number(r.half) === 1 ? 1 : 2 }),
        requests: Number(r.requests),
        preservationRequests: Number(r.preservation),
      }));
    },
  };
}
export type DataReportsRepository = ReturnType<typeof dataReportsRepository>;
