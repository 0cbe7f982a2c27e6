CREATE TABLE "decision_time_rollup" (
	"country" char(2) NOT NULL,
	"period" text NOT NULL,
	"regime_id" text NOT NULL,
	"met" boolean NOT NULL,
	"duration_us" bigint NOT NULL,
	"slot" smallint NOT NULL,
	"requests" bigint NOT NULL,
	CONSTRAINT "decision_time_rollup_country_period_regime_id_met_duration_us_slot_pk" PRIMARY KEY("country","period","regime_id","met","duration_us","slot")
);
--> statement-breakpoint
CREATE TABLE "report_rollup" (
	"country" char(2) NOT NULL,
	"period" text NOT NULL,
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"slot" smallint NOT NULL,
	"requests" bigint NOT NULL,
	"items" bigint NOT NULL,
	CONSTRAINT "report_rollup_country_period_dimension_key_slot_pk" PRIMARY KEY("country","period","dimension","key","slot")
);
--> statement-breakpoint
CREATE INDEX "report_rollup_totals_idx" ON "report_rollup" USING btree ("country","period") WHERE dimension = 'requests';--> statement-breakpoint
CREATE INDEX "requests_open_due_idx" ON "requests" USING btree ("due_at","reference") WHERE "requests"."status" IN ('received', 'in_review', 'needs_clarification');--> statement-breakpoint
-- The half-year an instant falls in, in UTC, as the report names it ('2024-H1').
CREATE FUNCTION writ_half_year(at timestamptz) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT extract(year FROM at AT TIME ZONE 'UTC')::int::text || '-H' ||
         CASE WHEN extract(month FROM at AT TIME ZONE 'UTC') <= 6 THEN '1' ELSE '2' END
$$;
--> statement-breakpoint
-- What the given requests add to report_rollup, computed from the base tables. The definitions are
-- the report's (src/domain/report.ts): a request's product is the one most of its items name, its
-- reason the one most of its decided items give (ties to the first in sort order). The ids are
-- joined (unnest), not compared with = ANY, which against a rebuild's batch of 100 k compared every
-- row with every id.
CREATE FUNCTION writ_report_facts(ids uuid[])
RETURNS TABLE (country char(2), period text, dimension text, key text, requests bigint, items bigint)
LANGUAGE sql STABLE AS $$
  WITH r AS (
    SELECT r.id, a.country, writ_half_year(r.received_at) AS period, r.kind::text AS kind,
           a.kind::text AS requester_kind, r.is_demo
    FROM unnest(ids) AS pick(id) JOIN requests r ON r.id = pick.id JOIN authorities a ON a.id = r.authority_id),
  it AS (
    SELECT i.request_id, i.product, d.outcome::text AS outcome, d.reason::text AS reason
    FROM unnest(ids) AS pick(id) JOIN items i ON i.request_id = pick.id LEFT JOIN decisions d ON d.item_id = i.id),
  n AS (SELECT request_id, count(*) AS items FROM it GROUP BY request_id),
  pp AS (
    SELECT DISTINCT ON (request_id) request_id, product FROM it
    GROUP BY request_id, product ORDER BY request_id, count(*) DESC, product),
  pr AS (
    SELECT DISTINCT ON (request_id) request_id, reason FROM it WHERE reason IS NOT NULL
    GROUP BY request_id, reason ORDER BY request_id, count(*) DESC, reason),
  per AS (
    SELECT r.country, r.period, r.kind, r.requester_kind, r.is_demo, coalesce(n.items, 0) AS items,
           pp.product, coalesce(pr.reason, '') AS reason
    FROM r LEFT JOIN n ON n.request_id = r.id LEFT JOIN pp ON pp.request_id = r.id LEFT JOIN pr ON pr.request_id = r.id)
  SELECT country, period, 'requests', '', count(*), sum(items) FROM per GROUP BY 1, 2
  UNION ALL SELECT country, period, 'kind', kind, count(*), sum(items) FROM per GROUP BY 1, 2, 4
  UNION ALL SELECT country, period, 'requester_kind', requester_kind, count(*), sum(items) FROM per GROUP BY 1, 2, 4
  UNION ALL SELECT country, period, 'product', product, count(*), sum(items) FROM per WHERE product IS NOT NULL GROUP BY 1, 2, 4
  UNION ALL SELECT country, period, 'reason', reason, count(*), sum(items) FROM per GROUP BY 1, 2, 4
  UNION ALL SELECT country, period, 'demo', kind, count(*), sum(items) FROM per WHERE is_demo GROUP BY 1, 2, 4
  UNION ALL
  SELECT r.country, r.period, 'outcome', coalesce(it.outcome, 'pending'), 0, count(*)
  FROM it JOIN r ON r.id = it.request_id GROUP BY 1, 2, 4
$$;
--> statement-breakpoint
-- What the given requests add to decision_time_rollup: those decided (or decided and closed).
CREATE FUNCTION writ_decision_time_facts(ids uuid[])
RETURNS TABLE (country char(2), period text, regime_id text, met boolean, duration_us bigint, requests bigint)
LANGUAGE sql STABLE AS $$
  SELECT a.country, writ_half_year(r.received_at), coalesce(r.regime_id, ''), r.decided_at <= r.due_at,
         (extract(epoch FROM r.decided_at - r.received_at) * 1000000)::bigint, count(*)
  FROM unnest(ids) AS pick(id) JOIN requests r ON r.id = pick.id JOIN authorities a ON a.id = r.authority_id
  WHERE r.decided_at IS NOT NULL AND r.status IN ('decided', 'closed')
  GROUP BY 1, 2, 3, 4, 5
$$;
--> statement-breakpoint
-- What the given requests contribute now, to hand back to writ_rollup_apply after changing them.
CREATE FUNCTION writ_rollup_snapshot(ids uuid[]) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'report', coalesce((SELECT jsonb_agg(f) FROM writ_report_facts(ids) f), '[]'::jsonb),
    'times', coalesce((SELECT jsonb_agg(f) FROM writ_decision_time_facts(ids) f), '[]'::jsonb))
$$;
--> statement-breakpoint
-- Adds what the given requests contribute now, less what they contributed before (a snapshot from
-- writ_rollup_snapshot, or NULL for new requests), to the rollups: one statement per table, each
-- touching its rows in key order, so that concurrent writers never wait on each other in a cycle.
CREATE FUNCTION writ_rollup_apply(ids uuid[], before jsonb) RETURNS void LANGUAGE sql VOLATILE AS $$
  INSERT INTO report_rollup AS t (country, period, dimension, key, slot, requests, items)
  SELECT country, period, dimension, key, (pg_backend_pid() % 16)::smallint, sum(requests), sum(items)
  FROM (
    SELECT * FROM writ_report_facts(ids)
    UNION ALL
    SELECT b.country, b.period, b.dimension, b.key, -b.requests, -b.items
    FROM jsonb_to_recordset(coalesce(before -> 'report', '[]'::jsonb))
         AS b (country char(2), period text, dimension text, key text, requests bigint, items bigint)
  ) change
  GROUP BY country, period, dimension, key
  HAVING sum(requests) <> 0 OR sum(items) <> 0
  ORDER BY country, period, dimension, key
  ON CONFLICT (country, period, dimension, key, slot)
  DO UPDATE SET requests = t.requests + excluded.requests, items = t.items + excluded.items;

  INSERT INTO decision_time_rollup AS t (country, period, regime_id, met, duration_us, slot, requests)
  SELECT country, period, regime_id, met, duration_us, (pg_backend_pid() % 16)::smallint, sum(requests)
  FROM (
    SELECT * FROM writ_decision_time_facts(ids)
    UNION ALL
    SELECT b.country, b.period, b.regime_id, b.met, b.duration_us, -b.requests
    FROM jsonb_to_recordset(coalesce(before -> 'times', '[]'::jsonb))
         AS b (country char(2), period text, regime_id text, met boolean, duration_us bigint, requests bigint)
  ) change
  GROUP BY country, period, regime_id, met, duration_us
  HAVING sum(requests) <> 0
  ORDER BY country, period, regime_id, met, duration_us
  ON CONFLICT (country, period, regime_id, met, duration_us, slot)
  DO UPDATE SET requests = t.requests + excluded.requests;
$$;
--> statement-breakpoint
-- The rollups of the requests already recorded.
SELECT writ_rollup_apply(array(SELECT id FROM requests), NULL);
