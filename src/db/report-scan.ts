/**
 * The report's figures computed the slow way, by a GROUP BY over the base tables, as they were
 * before the rollups (src/db/rollups.ts). Not used to serve anything: it is the reference the
 * rollups are checked against (test/integration/rollups-property.test.ts, `writ db check-rollups`)
 * and the baseline of `npm run bench`. Definitions: src/domain/report.ts.
 */
import { sql } from 'drizzle-orm';
import { type HalfYear, periodBounds } from '../domain/period.js';
import type { DeadlinePerformance } from '../domain/regimes/sla.js';
import type { ReportCounts } from '../domain/report.js';
import type { Db } from './connection.js';

type Row = { key: string; n: number };

const toRecord = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.key, Number(r.n)]));

export function reportScans(db: Db) {
  return {
    async countryPeriod(country: string, period: HalfYear): Promise<ReportCounts> {
      const { start, end } = periodBounds(period);
      // One snapshot for every figure, so that the parts of a report always add up.
      return db.transaction(
        async (tx) => {
          await tx.execute(sql`
            CREATE TEMP TABLE report_requests ON COMMIT DROP AS
            SELECT r.id, r.kind::text AS kind, a.kind::text AS requester, r.is_demo
            FROM requests r JOIN authorities a ON a.id = r.authority_id
            WHERE a.country = ${country} AND r.received_at >= ${start.toISOString()} AND r.received_at < ${end.toISOString()}`);
          const rows = async (query: ReturnType<typeof sql>) => (await tx.execute<Row>(query)).rows;

          const [totals] = await rows(sql`
            SELECT 'totals' AS key,
                   (SELECT count(*) FROM report_requests)::int AS n,
                   (SELECT count(*) FROM items i JOIN report_requests rr ON rr.id = i.request_id)::int AS items,
                   (SELECT coalesce(bool_or(is_demo), false) FROM report_requests) AS demo`);
          const t = totals as unknown as { n: number; items: number; demo: boolean };

          const byRequester = await rows(sql`
            SELECT requester AS key, count(*)::int AS n FROM report_requests GROUP BY requester ORDER BY n DESC, key`);
          const byKind = await rows(sql`
            SELECT kind AS key, count(*)::int AS n FROM report_requests GROUP BY kind ORDER BY n DESC, key`);
          const byProduct = await rows(sql`
            WITH primary_product AS (
              SELECT DISTINCT ON (i.request_id) i.request_id, i.product
              FROM items i JOIN report_requests rr ON rr.id = i.request_id
              GROUP BY i.request_id, i.product
              ORDER BY i.request_id, count(*) DESC, i.product)
            SELECT product AS key, count(*)::int AS n FROM primary_product GROUP BY product ORDER BY n DESC, key`);
          const byReason = await rows(sql`
            WITH primary_reason AS (
              SELECT DISTINCT ON (i.request_id) i.request_id, d.reason::text AS reason
              FROM items i JOIN report_requests rr ON rr.id = i.request_id JOIN decisions d ON d.item_id = i.id
              GROUP BY i.request_id, d.reason
              ORDER BY i.request_id, count(*) DESC, d.reason::text)
            SELECT reason AS key, count(*)::int AS n FROM primary_reason GROUP BY 1 ORDER BY n DESC, key`);
          const [undecided] = await rows(sql`
            SELECT 'undecided' AS key, count(*)::int AS n FROM report_requests rr
            WHERE EXISTS (SELECT 1 FROM items i WHERE i.request_id = rr.id)
              AND NOT EXISTS (SELECT 1 FROM items i JOIN decisions d ON d.item_id = i.id WHERE i.request_id = rr.id)`);
          const byOutcome = await rows(sql`
            SELECT coalesce(d.outcome::text, 'pending') AS key, count(*)::int AS n
            FROM items i JOIN report_requests rr ON rr.id = i.request_id LEFT JOIN decisions d ON d.item_id = i.id
            GROUP BY 1`);

          return {
            requests: Number(t.n),
            items: Number(t.items),
            requestsByRequesterKind: toRecord(byRequester),
            requestsByKind: toRecord(byKind),
            requestsByProduct: toRecord(byProduct),
            requestsByReason: toRecord(byReason),
            undecidedRequests: Number(undecided?.n ?? 0),
            itemOutcomes: toRecord(byOutcome),
            containsDemoData: Boolean(t.demo),
          };
        },
        { isolationLevel: 'repeatable read', accessMode: 'read write' },
      );
    },

    /** Every country and half-year that has at least one request, newest first. */
    async availablePeriods(): Promise<{ country: string; year: number; half: 1 | 2; requests: number }[]> {
      const result = await db.execute<{ country: string; year: number; half: number; requests: number }>(sql`
        SELECT a.country, extract(year FROM r.received_at AT TIME ZONE 'UTC')::int AS year,
               CASE WHEN extract(month FROM r.received_at AT TIME ZONE 'UTC') <= 6 THEN 1 ELSE 2 END AS half,
               count(*)::int AS requests
        FROM requests r JOIN authorities a ON a.id = r.authority_id
        GROUP BY 1, 2, 3 ORDER BY year DESC, half DESC, country`);
      return result.rows.map((r) => ({ ...r, half: r.half === 1 ? 1 : 2 }));
    },

    /**
     * Per country and regime: decided requests received in [start, end), how many were decided by
     * their due instant, and the median hours from receipt to decision.
     */
    async deadlinePerformance(filter: { country?: string; start?: Date; end?: Date }): Promise<DeadlinePerformance[]> {
      const conditions = [sql`r.decided_at IS NOT NULL`, sql`r.status IN ('decided', 'closed')`];
      if (filter.country) conditions.push(sql`a.country = ${filter.country}`);
      if (filter.start) conditions.push(sql`r.received_at >= ${filter.start.toISOString()}`);
      if (filter.end) conditions.push(sql`r.received_at < ${filter.end.toISOString()}`);
      const result = await db.execute<{
        country: string;
        regime_id: string | null;
        decided: number;
        met: number;
        median_hours: number | null;
      }>(sql`
        SELECT a.country, r.regime_id,
               count(*)::int AS decided,
               count(*) FILTER (WHERE r.decided_at <= r.due_at)::int AS met,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.decided_at - r.received_at) / 3600) AS median_hours
        FROM requests r JOIN authorities a ON a.id = r.authority_id
        WHERE ${sql.join(conditions, sql` AND `)}
        GROUP BY a.country, r.regime_id
        ORDER BY a.country, r.regime_id NULLS LAST`);
      return result.rows.map((r) => ({
        country: r.country,
        regimeId: r.regime_id,
        decided: Number(r.decided),
        met: Number(r.met),
        shareMet: Number(r.decided) === 0 ? 0 : Number(r.met) / Number(r.decided),
        medianHoursToDecision: r.median_hours === null ? null : Math.round(Number(r.median_hours) * 100) / 100,
      }));
    },

    /** The timeline's platform figures (DatasetFiguresRepository.platformCounts) by a GROUP BY. */
    async platformCounts(country?: string) {
      const result = await db.execute<{
        country: string;
        period: string;
        kind: string;
        requests: number;
        items: number;
        demo: boolean;
      }>(sql`
        SELECT a.country,
               extract(year FROM r.received_at AT TIME ZONE 'UTC')::int || '-H' ||
                 CASE WHEN extract(month FROM r.received_at AT TIME ZONE 'UTC') <= 6 THEN '1' ELSE '2' END AS period,
               r.kind::text AS kind, count(*)::int AS requests, coalesce(sum(ic.n), 0)::int AS items, bool_or(r.is_demo) AS demo
        FROM requests r JOIN authorities a ON a.id = r.authority_id
        LEFT JOIN (SELECT request_id, count(*) AS n FROM items GROUP BY request_id) ic ON ic.request_id = r.id
        ${country ? sql`WHERE a.country = ${country}` : sql``}
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
      return result.rows;
    },
  };
}
export type ReportScans = ReturnType<typeof reportScans>;
