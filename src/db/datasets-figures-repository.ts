/**
 * Reading stored datasets: set-based sums per country and period, and one country-period's rows,
 * for the statistics, timelines, rankings and surges (definitions: src/domain/datasets). Also this
 * platform's own request counts per half-year, to set beside them.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { OutcomePercents } from '../domain/datasets/google-archive.js';
import type { GoogleSums } from '../domain/datasets/google-figures.js';
import type { MetaLayout, MetaRow } from '../domain/datasets/meta-requests.js';
import type { MetaRestrictionRow } from '../domain/datasets/meta-restrictions.js';
import type { GoogleDetail, GoogleJsonDetailRow } from '../domain/datasets/statistics.js';
import type { Db } from './connection.js';
import { reportsRepository } from './reports-repository.js';

export type PlacedSums = GoogleSums & { country: string; countryName: string; period: string };
export type CountryFilter = { country?: string };

const where = (filter: CountryFilter, alias = '') =>
  filter.country ? sql`WHERE ${sql.raw(alias)}country = ${filter.country}` : sql``;
/** `WHERE country = … AND period = …`, for the conditions given. */
function wherePlaced(filter: CountryFilter & { period?: string }): SQL {
  const conditions = [
    filter.country ? sql`country = ${filter.country}` : undefined,
    filter.period ? sql`period = ${filter.period}` : undefined,
  ].filter((c): c is SQL => c !== undefined);
  return conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
}
const and = (filter: CountryFilter) => (filter.country ? sql`AND country = ${filter.country}` : sql``);

type SumsRow = {
  country: string;
  period: string;
  country_name: string;
  pr_requests: number | null;
  pr_line: number | null;
  rq_requests: number | null;
  rq_items: number | null;
  rq_line: number | null;
  hp_requests: number | null;
  hp_items: number | null;
  hp_blank: number | null;
  hp_line: number | null;
  hs_present: boolean | null;
  hs_requests: number | null;
  hs_requests_as_published: string | null;
  hs_items: number | null;
  hs_items_as_published: string | null;
  hs_complied_pct: number | null;
  hs_line: number | null;
};

function toSums(r: SumsRow): PlacedSums {
  const s: PlacedSums = { country: r.country, countryName: r.country_name, period: r.period };
  if (r.pr_requests !== null) s.productReason = { requests: r.pr_requests, line: r.pr_line ?? undefined };
  if (r.rq_requests !== null) s.requester = { requests: r.rq_requests, items: r.rq_items ?? 0, line: r.rq_line ?? undefined };
  if (r.hp_requests !== null)
    s.historicalProductReason = {
      requests: r.hp_requests,
      items: r.hp_items ?? 0,
      blankItemRows: r.hp_blank ?? 0,
      line: r.hp_line ?? undefined,
    };
  if (r.hs_present)
    s.historicalSummary = {
      requests: r.hs_requests,
      requestsAsPublished: r.hs_requests_as_published,
      items: r.hs_items,
      itemsAsPublished: r.hs_items_as_published,
      compliedPct: r.hs_complied_pct,
      line: r.hs_line ?? undefined,
    };
  return s;
}

type MetaDbRow = {
  period: string;
  country: string;
  country_name: string;
  layout: MetaLayout;
  requests: number | null;
  requests_as_published: string | null;
  requests_some_data: number | null;
  accounts: number | null;
  accounts_as_published: string | null;
  some_data_pct: number | null;
  legal_requests: number | null;
  legal_accounts: number | null;
  emergency_requests: number | null;
  emergency_accounts: number | null;
  preservation_requests: number | null;
  preservation_accounts: number | null;
  line: number;
};

const toMetaRow = (r: MetaDbRow): MetaRow => ({
  period: r.period,
  country: r.country,
  countryName: r.country_name,
  layout: r.layout,
  requests: r.requests,
  requestsAsPublished: r.requests_as_published,
  requestsSomeData: r.requests_some_data,
  accounts: r.accounts,
  accountsAsPublished: r.accounts_as_published,
  someDataPct: r.some_data_pct,
  legalRequests: r.legal_requests,
  legalAccounts: r.legal_accounts,
  emergencyRequests: r.emergency_requests,
  emergencyAccounts: r.emergency_accounts,
  preservationRequests: r.preservation_requests,
  preservationAccounts: r.preservation_accounts,
  line: r.line,
});

export function datasetFiguresRepository(db: Db) {
  const rows = async <T extends Record<string, unknown>>(query: SQL) => (await db.execute<T>(query)).rows;

  return {
    /** What each part of Google's archive says per country and period. */
    async googleSums(filter: CountryFilter = {}): Promise<PlacedSums[]> {
      const result = await rows<SumsRow>(sql`
        WITH pr AS (
          SELECT country, period, max(country_name) AS name, sum(requests)::int AS requests, min(line) AS line
          FROM google_removals_by_product WHERE part = 'product-reason' ${and(filter)} GROUP BY 1, 2),
        hp AS (
          SELECT country, period, max(country_name) AS name, sum(requests)::int AS requests, coalesce(sum(items), 0)::int AS items,
                 (count(*) FILTER (WHERE items IS NULL))::int AS blank, min(line) AS line
          FROM google_removals_by_product WHERE part = 'historical-product-reason' ${and(filter)} GROUP BY 1, 2),
        rq AS (
          SELECT country, period, max(country_name) AS name, sum(requests)::int AS requests, sum(items)::int AS items, min(line) AS line
          FROM google_removals_by_requester WHERE true ${and(filter)} GROUP BY 1, 2),
        hs AS (
          SELECT country, period, country_name AS name, requests, requests_as_published, items, items_as_published, complied_pct, line
          FROM google_removals_summary WHERE true ${and(filter)})
        SELECT country, period, coalesce(pr.name, rq.name, hp.name, hs.name) AS country_name,
               pr.requests AS pr_requests, pr.line AS pr_line,
               rq.requests AS rq_requests, rq.items AS rq_items, rq.line AS rq_line,
               hp.requests AS hp_requests, hp.items AS hp_items, hp.blank AS hp_blank, hp.line AS hp_line,
               hs.line IS NOT NULL AS hs_present, hs.requests AS hs_requests, hs.requests_as_published AS hs_requests_as_published,
               hs.items AS hs_items, hs.items_as_published AS hs_items_as_published, hs.complied_pct AS hs_complied_pct, hs.line AS hs_line
        FROM pr FULL JOIN rq USING (country, period) FULL JOIN hp USING (country, period) FULL JOIN hs USING (country, period)
        ORDER BY country, period`);
      return result.map(toSums);
    },

    /** One country-period's rows of Google's archive. */
    async googleDetail(country: string, period: string): Promise<GoogleDetail> {
      const productRows = await rows<{
        part: 'product-reason' | 'historical-product-reason';
        product: string;
        reason: string | null;
        requests: number;
        court_orders: number | null;
        executive_requests: number | null;
      }>(sql`
        SELECT part, product, reason, requests, court_orders, executive_requests FROM google_removals_by_product
        WHERE country = ${country} AND period = ${period} ORDER BY part, line`);
      const requesterRows = await rows<{ requester: string; requests: number; items: number; percents: OutcomePercents }>(sql`
        SELECT requester, requests, items,
               json_build_array(removed_legal_pct, removed_policy_pct, content_not_found_pct, not_enough_information_pct,
                                no_action_taken_pct, content_already_removed_pct) AS percents
        FROM google_removals_by_requester WHERE country = ${country} AND period = ${period} ORDER BY line`);
      const [summary] = await rows<{ complied_pct: number | null }>(
        sql`SELECT complied_pct FROM google_removals_summary WHERE country = ${country} AND period = ${period}`,
      );
      return {
        productRows: productRows.map((r) => ({
          part: r.part,
          product: r.product,
          reason: r.reason,
          requests: r.requests,
          courtOrders: r.court_orders,
          executiveRequests: r.executive_requests,
        })),
        requesterRows,
        summary: summary ? { compliedPct: summary.complied_pct } : null,
      };
    },

    /** Requests by reason per country in one period, from both product/reason parts. */
    async googleReasonTotals(
      period: string,
    ): Promise<{ country: string; part: string; reason: string | null; requests: number }[]> {
      return rows(sql`
        SELECT country, part, reason, sum(requests)::int AS requests FROM google_removals_by_product
        WHERE period = ${period} GROUP BY 1, 2, 3`);
    },

    async jsonSums(filter: CountryFilter = {}) {
      return rows<{ country: string; countryName: string; period: string; requests: number; items: number }>(sql`
        SELECT country, max(country_name) AS "countryName", period, sum(requests)::int AS requests, sum(items)::int AS items
        FROM google_removals_json_rows ${where(filter)} GROUP BY country, period ORDER BY country, period`);
    },

    async jsonDetail(country: string, period: string): Promise<GoogleJsonDetailRow[]> {
      return rows<GoogleJsonDetailRow>(sql`
        SELECT requester, product, reason, requests, items,
               json_build_array(removed_legal, removed_policy, content_not_found, not_enough_information, no_action_taken,
                                content_already_removed) AS outcomes
        FROM google_removals_json_rows WHERE country = ${country} AND period = ${period} ORDER BY line`);
    },

    async jsonReasonTotals(period: string): Promise<{ country: string; reason: string; requests: number }[]> {
      return rows(sql`
        SELECT country, reason, sum(requests)::int AS requests FROM google_removals_json_rows
        WHERE period = ${period} GROUP BY 1, 2`);
    },

    async metaRows(filter: CountryFilter & { period?: string } = {}): Promise<MetaRow[]> {
      const result = await rows<MetaDbRow>(sql`SELECT * FROM meta_data_requests ${wherePlaced(filter)} ORDER BY country, period`);
      return result.map(toMetaRow);
    },

    /** Meta's content restrictions and internet disruptions, as stored (both parts), by country and period. */
    async metaRestrictionRows(filter: CountryFilter & { period?: string } = {}): Promise<MetaRestrictionRow[]> {
      return rows<MetaRestrictionRow>(sql`
        SELECT part, period, country, country_name AS "countryName", items, items_as_published AS "itemsAsPublished",
               by_product AS "byProduct", internet_disruptions AS "internetDisruptions", line
        FROM meta_content_restrictions ${wherePlaced(filter)} ORDER BY country, period, part`);
    },

    /**
     * This platform's own requests per country and half-year (UTC, by the time received, as in the
     * report), by kind, with their items and whether any is demo data: from the report's rollups.
     */
    async platformCounts(filter: CountryFilter = {}) {
      return reportsRepository(db).platformCounts(filter.country);
    },
  };
}
export type DatasetFiguresRepository = ReturnType<typeof datasetFiguresRepository>;
