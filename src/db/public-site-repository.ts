/**
 * Issue 13 — the public site's own figures: requests per country and half-year for the overview and
 * its world map (read from the report rollups, so they equal the reports and a GROUP BY over the
 * orders), and the public-interest case studies, read from the published public records only —
 * never from the orders, so nothing a reviewer did not publish can reach the country page.
 */
import { sql } from 'drizzle-orm';
import { formatPeriod, type HalfYear } from '../domain/period.js';
import type { PublicRecord } from '../domain/public-record.js';
import type { Db } from './connection.js';

export type OverviewRow = {
  country: string;
  period: string;
  /** Content removal orders received in the half-year (UTC). */
  removalOrders: number;
  /** The items (URLs, accounts, content ids) those orders name. */
  removalItems: number;
  /** User-data, preservation and emergency disclosure orders received in the half-year. */
  dataOrders: number;
  containsDemoData: boolean;
};

export function publicSiteRepository(db: Db) {
  return {
    /** Every country and half-year with at least one order, oldest half-year first, then by country. */
    async overview(): Promise<OverviewRow[]> {
      const result = await db.execute<{
        country: string;
        period: string;
        removal_orders: number;
        removal_items: number;
        data_orders: number;
        demo: boolean;
      }>(sql`
        SELECT country, period,
               coalesce(sum(requests) FILTER (WHERE dimension = 'kind' AND key = 'content_removal'), 0)::int AS removal_orders,
               coalesce(sum(items) FILTER (WHERE dimension = 'kind' AND key = 'content_removal'), 0)::int AS removal_items,
               coalesce(sum(requests) FILTER (WHERE dimension = 'kind' AND key <> 'content_removal'), 0)::int AS data_orders,
               coalesce(sum(requests) FILTER (WHERE dimension = 'demo'), 0) > 0 AS demo
        FROM report_rollup
        WHERE dimension IN ('kind', 'demo')
        GROUP BY country, period
        HAVING coalesce(sum(requests) FILTER (WHERE dimension = 'kind'), 0) > 0
        ORDER BY period, country`);
      return result.rows.map((r) => ({
        country: r.country,
        period: r.period,
        removalOrders: Number(r.removal_orders),
        removalItems: Number(r.removal_items),
        dataOrders: Number(r.data_orders),
        containsDemoData: Boolean(r.demo),
      }));
    },

    /**
     * The published, not withdrawn records of a country decided in the half-year that are marked of
     * public interest and carry a case study, in public id order.
     */
    async caseStudies(country: string, period: HalfYear): Promise<PublicRecord[]> {
      const result = await db.execute<{ record: PublicRecord }>(sql`
        SELECT record FROM public_records
        WHERE country = ${country} AND period = ${formatPeriod(period)}
          AND tombstone IS NULL AND withdrawn_at IS NULL
          AND (record->>'publicInterest')::boolean IS TRUE
          AND coalesce(record->>'caseStudy', '') <> ''
        ORDER BY decided_on DESC, public_id`);
      return result.rows.map((r) => r.record);
    },

    /** Every country and half-year that has at least one case study (for the downloads list). */
    async caseStudyPeriods(): Promise<{ country: string; period: string }[]> {
      const result = await db.execute<{ country: string; period: string }>(sql`
        SELECT DISTINCT country, period FROM public_records
        WHERE tombstone IS NULL AND withdrawn_at IS NULL
          AND (record->>'publicInterest')::boolean IS TRUE
          AND coalesce(record->>'caseStudy', '') <> ''
        ORDER BY period, country`);
      return result.rows.map((r) => ({ country: r.country, period: r.period }));
    },
  };
}
export type PublicSiteRepository = ReturnType<typeof publicSiteRepository>;
