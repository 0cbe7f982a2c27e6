/**
 * The public transparency report, read from the rollups (src/db/rollups.ts): a report, the index of
 * reports and the timeline are lookups of a few hundred rows whatever the number of items.
 * Definitions: src/domain/report.ts; the same figures by a GROUP BY: src/db/report-scan.ts.
 */
import { sql } from 'drizzle-orm';
import { formatPeriod, type HalfYear } from '../domain/period.js';
import type { DeadlinePerformance } from '../domain/regimes/sla.js';
import type { ReportCounts } from '../domain/report.js';
import type { Db } from './connection.js';

type DimensionRow = { dimension: string; key: string; requests: number; items: number };

const byKey = (rows: DimensionRow[], dimension: string, skip?: string) =>
  Object.fromEntries(
    rows
      .filter((r) => r.dimension === dimension && r.key !== skip && r.requests > 0)
      .sort((a, b) => b.requests - a.requests || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((r) => [r.key, r.requests]),
  );

export function reportsRepository(db: Db) {
  return {
    async countryPeriod(country: string, period: HalfYear): Promise<ReportCounts> {
      // One statement, so one snapshot: the parts of a report always add up.
      const result = await db.execute<DimensionRow>(sql`
        SELECT dimension, key, sum(requests)::bigint AS requests, sum(items)::bigint AS items
        FROM report_rollup WHERE country = ${country} AND period = ${formatPeriod(period)}
        GROUP BY dimension, key`);
      const rows = result.rows.map((r) => ({ ...r, requests: Number(r.requests), items: Number(r.items) }));
      const total = rows.find((r) => r.dimension === 'requests');
      return {
        requests: total?.requests ?? 0,
        items: total?.items ?? 0,
        requestsByRequesterKind: byKey(rows, 'requester_kind'),
        requestsByKind: byKey(rows, 'kind'),
        requestsByProduct: byKey(rows, 'product'),
        requestsByReason: byKey(rows, 'reason', ''),
        undecidedRequests: rows.find((r) => r.dimension === 'reason' && r.key === '')?.requests ?? 0,
        itemOutcomes: Object.fromEntries(
          rows.filter((r) => r.dimension === 'outcome' && r.items > 0).map((r) => [r.key, r.items]),
        ),
        containsDemoData: rows.some((r) => r.dimension === 'demo' && r.requests > 0),
      };
    },

    /** Every country and half-year that has at least one request, newest first. */
    async availablePeriods(): Promise<{ country: string; year: number; half: 1 | 2; requests: number }[]> {
      const result = await db.execute<{ country: string; period: string; requests: number }>(sql`
        SELECT country, period, sum(requests)::int AS requests FROM report_rollup
        WHERE dimension = 'requests' GROUP BY country, period HAVING sum(requests) > 0
        ORDER BY period DESC, country`);
      return result.rows.map((r) => ({
        country: r.country,
        year: Number(r.period.slice(0, 4)),
        half: r.period.endsWith('1') ? 1 : 2,
        requests: Number(r.requests),
      }));
    },

    /**
     * This platform's requests per country and half-year by kind, with their items and whether any
     * is demo data (the timeline's own series).
     */
    async platformCounts(country?: string) {
      const result = await db.execute<{
        country: string;
        period: string;
        kind: string;
        requests: number;
        items: number;
        demo: boolean;
      }>(sql`
        SELECT country, period, key AS kind,
               (sum(requests) FILTER (WHERE dimension = 'kind'))::int AS requests,
               (sum(items) FILTER (WHERE dimension = 'kind'))::int AS items,
               coalesce(sum(requests) FILTER (WHERE dimension = 'demo'), 0) > 0 AS demo
        FROM report_rollup
        WHERE dimension IN ('kind', 'demo') ${country ? sql`AND country = ${country}` : sql``}
        GROUP BY country, period, key
        HAVING sum(requests) FILTER (WHERE dimension = 'kind') > 0
        ORDER BY 1, 2, 3`);
      return result.rows.map((r) => ({ ...r, requests: Number(r.requests), items: Number(r.items) }));
    },

    /**
     * Per regime, for a country's half-year: decided requests received then, how many were decided
     * by their due instant, and the median hours from receipt to decision.
     */
    async deadlinePerformance(country: string, period: HalfYear): Promise<DeadlinePerformance[]> {
      const result = await db.execute<{
        regime_id: string;
        decided: number;
        met: number;
        median_hours: number | null;
      }>(sql`
        WITH t AS (
          SELECT regime_id, met, duration_us, sum(requests)::int AS n FROM decision_time_rollup
          WHERE country = ${country} AND period = ${formatPeriod(period)}
          GROUP BY regime_id, met, duration_us HAVING sum(requests) > 0)
        SELECT regime_id, sum(n)::int AS decided, (sum(n) FILTER (WHERE met))::int AS met,
               (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY e.duration_us::float8 / 3600000000)
                FROM t e CROSS JOIN generate_series(1, e.n) WHERE e.regime_id = t.regime_id) AS median_hours
        FROM t GROUP BY regime_id
        ORDER BY regime_id = '', regime_id`);
      return result.rows.map((r) => ({
        country,
        regimeId: r.regime_id === '' ? null : r.regime_id,
        decided: Number(r.decided),
        met: Number(r.met ?? 0),
        shareMet: Number(r.decided) === 0 ? 0 : Number(r.met ?? 0) / Number(r.decided),
        medianHoursToDecision: r.median_hours === null ? null : Math.round(Number(r.median_hours) * 100) / 100,
      }));
    },
  };
}
export type ReportsRepository = ReturnType<typeof reportsRepository>;
