/**
 * What the exports read (issue 13, src/app/exports.ts). The aggregate formats (google-removals,
 * eu-orders) read decided orders as counts only: nothing identifying leaves this file for them. The
 * per-record formats (dsa-sor, lumen) read only `public_records` that are published and not
 * withdrawn, so no unredacted text ever reaches an export. The Meta format reuses the user-data
 * report's own counting (data-reports-repository.ts), so the figures agree with Writ's report.
 *
 * Definitions, as in the report (src/domain/report.ts, src/db/report-scan.ts): a request is counted
 * in the half-year it was received (UTC); it sits in one product (the one most of its items are on)
 * and one reason (the one most of its decided items were decided under; ties alphabetical).
 */
import { type SQL, sql } from 'drizzle-orm';
import { type HalfYear, periodBounds } from '../domain/period.js';
import type { PublicRecord } from '../domain/public-record.js';
import type { Db } from './connection.js';

/** Requests decided or closed: the aggregate formats count the platform's finished work only. */
const decided = sql`r.status IN ('decided', 'closed')`;

const inPeriod = (period: HalfYear | null): SQL => {
  if (!period) return sql`true`;
  const { start, end } = periodBounds(period);
  return sql`r.received_at >= ${start.toISOString()} AND r.received_at < ${end.toISOString()}`;
};

const periodExpr = sql`extract(year FROM r.received_at AT TIME ZONE 'UTC')::int || '-H' ||
  CASE WHEN extract(month FROM r.received_at AT TIME ZONE 'UTC') <= 6 THEN '1' ELSE '2' END`;

export type RequesterOutcomeRow = {
  period: string;
  country: string;
  authorityKind: string;
  requests: number;
  items: number;
  outcomes: Record<string, number>;
};

export type ProductReasonRow = { period: string; country: string; product: string; reason: string; requests: number };

/** One order of the EU's Part 3, as durations only (hours), never its content. */
export type EuOrderRow = {
  country: string;
  /** `act`: an order to act against illegal content; `info`: an order to provide information. */
  type: 'act' | 'info';
  reason: string | null;
  items: number;
  hoursToReceipt: number | null;
  hoursToEffect: number | null;
};

export function exportsRepository(db: Db) {
  return {
    /** Decided removal orders per period, country and authority kind: requests, items, items by outcome. */
    async requesterOutcomes(period: HalfYear | null): Promise<RequesterOutcomeRow[]> {
      const result = await db.execute<{
        period: string;
        country: string;
        kind: string;
        requests: number;
        items: number;
        outcomes: Record<string, number> | null;
      }>(sql`
        WITH orders AS (
          SELECT r.id, ${periodExpr} AS period, a.country, a.kind::text AS kind
          FROM requests r JOIN authorities a ON a.id = r.authority_id
          WHERE r.kind = 'content_removal' AND ${decided} AND ${inPeriod(period)}),
        item_outcomes AS (
          SELECT o.period, o.country, o.kind, d.outcome::text AS outcome, count(*)::int AS n
          FROM orders o JOIN items i ON i.request_id = o.id JOIN decisions d ON d.item_id = i.id
          GROUP BY 1, 2, 3, 4),
        totals AS (
          SELECT o.period, o.country, o.kind, count(DISTINCT o.id)::int AS requests, count(i.id)::int AS items
          FROM orders o LEFT JOIN items i ON i.request_id = o.id
          GROUP BY 1, 2, 3)
        SELECT t.period, t.country, t.kind, t.requests, t.items,
               (SELECT jsonb_object_agg(io.outcome, io.n) FROM item_outcomes io
                WHERE io.period = t.period AND io.country = t.country AND io.kind = t.kind) AS outcomes
        FROM totals t ORDER BY t.period, t.country, t.kind`);
      return result.rows.map((r) => ({
        period: r.period,
        country: r.country,
        authorityKind: r.kind,
        requests: Number(r.requests),
        items: Number(r.items),
        outcomes: Object.fromEntries(Object.entries(r.outcomes ?? {}).map(([k, v]) => [k, Number(v)])),
      }));
    },

    /** Decided removal orders per period, country, primary product and primary reason (as the report counts). */
    async productReasons(period: HalfYear | null): Promise<ProductReasonRow[]> {
      const result = await db.execute<ProductReasonRow>(sql`
        WITH orders AS (
          SELECT r.id, ${periodExpr} AS period, a.country
          FROM requests r JOIN authorities a ON a.id = r.authority_id
          WHERE r.kind = 'content_removal' AND ${decided} AND ${inPeriod(period)}),
        primary_product AS (
          SELECT DISTINCT ON (i.request_id) i.request_id, i.product
          FROM items i JOIN orders o ON o.id = i.request_id
          GROUP BY i.request_id, i.product
          ORDER BY i.request_id, count(*) DESC, i.product),
        primary_reason AS (
          SELECT DISTINCT ON (i.request_id) i.request_id, d.reason::text AS reason
          FROM items i JOIN orders o ON o.id = i.request_id JOIN decisions d ON d.item_id = i.id
          GROUP BY i.request_id, d.reason
          ORDER BY i.request_id, count(*) DESC, d.reason::text)
        SELECT o.period, o.country, pp.product, coalesce(pr.reason, 'Reason Unspecified') AS reason, count(*)::int AS requests
        FROM orders o JOIN primary_product pp ON pp.request_id = o.id LEFT JOIN primary_reason pr ON pr.request_id = o.id
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`);
      return result.rows.map((r) => ({ ...r, requests: Number(r.requests) }));
    },

    /**
     * Decided orders from `countries` received in the period, one row each, with the hours from
     * delivery (received_at) to the confirmation of receipt (the channel's synchronous receipt, else
     * the first receipt mail) and to giving effect (removal orders: the last enforcement action's
     * effective instant, once every action of the order took effect; data orders: the last account
     * decision, once every account is decided). Null: not confirmed / not given effect.
     */
    async euOrders(period: HalfYear, countries: readonly string[]): Promise<EuOrderRow[]> {
      const result = await db.execute<{
        country: string;
        type: 'act' | 'info';
        reason: string | null;
        items: number;
        receipt_hours: number | null;
        effect_hours: number | null;
      }>(sql`
        WITH orders AS (
          SELECT r.id, r.kind, r.received_at, a.country
          FROM requests r JOIN authorities a ON a.id = r.authority_id
          WHERE r.kind IN ('content_removal', 'user_data', 'emergency_disclosure') AND ${decided} AND ${inPeriod(period)}
            AND a.country IN (${sql.join(
              countries.map((c) => sql`${c}`),
              sql`, `,
            )}))
        SELECT o.country,
               CASE WHEN o.kind = 'content_removal' THEN 'act' ELSE 'info' END AS type,
               (SELECT d.reason::text FROM items i JOIN decisions d ON d.item_id = i.id WHERE i.request_id = o.id
                GROUP BY d.reason ORDER BY count(*) DESC, d.reason::text LIMIT 1) AS reason,
               (SELECT count(*) FROM items i WHERE i.request_id = o.id)::int AS items,
               extract(epoch FROM (coalesce(
                 (SELECT co.created_at FROM channel_orders co WHERE co.request_id = o.id),
                 (SELECT min(m.created_at) FROM mail_outbox m WHERE m.request_id = o.id AND m.kind = 'receipt')
               ) - o.received_at)) / 3600 AS receipt_hours,
               CASE WHEN o.kind = 'content_removal' THEN
                 (SELECT CASE WHEN count(*) > 0 AND count(*) = count(e.effective_at)
                              THEN extract(epoch FROM max(e.effective_at) - o.received_at) / 3600 END
                  FROM enforcement_actions e WHERE e.request_id = o.id)
               ELSE
                 (SELECT CASE WHEN count(da.id) > 0 AND count(da.id) = count(ad.account_id)
                              THEN extract(epoch FROM max(ad.decided_at) - o.received_at) / 3600 END
                  FROM data_accounts da LEFT JOIN account_decisions ad ON ad.account_id = da.id WHERE da.request_id = o.id)
               END AS effect_hours
        FROM orders o ORDER BY o.country, o.received_at`);
      const num = (v: number | null) => (v === null ? null : Math.max(0, Number(v)));
      return result.rows.map((r) => ({
        country: r.country,
        type: r.type,
        reason: r.reason,
        items: Number(r.items),
        hoursToReceipt: num(r.receipt_hours),
        hoursToEffect: num(r.effect_hours),
      }));
    },

    /**
     * The median (percentile_cont(0.5)) of each group of hours, in SQL: `null` for an empty group
     * (no order: the field stays blank), a number otherwise (0 when instantaneous).
     */
    async medians(groups: Record<string, (number | null)[]>): Promise<Record<string, number | null>> {
      const entries = Object.entries(groups).flatMap(([key, values]) =>
        values.filter((v): v is number => v !== null).map((v) => ({ key, v })),
      );
      const out: Record<string, number | null> = Object.fromEntries(Object.keys(groups).map((k) => [k, null]));
      if (entries.length === 0) return out;
      const result = await db.execute<{ key: string; median: number }>(sql`
        SELECT key, percentile_cont(0.5) WITHIN GROUP (ORDER BY v) AS median
        FROM jsonb_to_recordset(${JSON.stringify(entries)}::jsonb) AS x(key text, v float8)
        GROUP BY key`);
      for (const r of result.rows) out[r.key] = Number(r.median);
      return out;
    },

    /** Published, not withdrawn records (decided in `period`, if given), in public id order. */
    async publishedRecords(period: HalfYear | null): Promise<PublicRecord[]> {
      const where = period ? sql`AND period = ${`${period.year}-H${period.half}`}` : sql``;
      const result = await db.execute<{ record: PublicRecord }>(sql`
        SELECT record FROM public_records WHERE withdrawn_at IS NULL AND tombstone IS NULL ${where}
        ORDER BY public_id`);
      return result.rows.map((r) => r.record);
    },
  };
}
export type ExportsRepository = ReturnType<typeof exportsRepository>;
