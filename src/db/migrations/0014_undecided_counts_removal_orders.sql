-- Issue 11: a data order (user_data, preservation, emergency_disclosure) names accounts, not items,
-- so it never has a decided item. The removal report's reasons (and its "undecided" count, the
-- reason '') are about removal items: only requests that name items contribute to them. Every
-- request stored before this migration names items, so the rollups already hold what this
-- definition gives and need no rebuild.
CREATE OR REPLACE FUNCTION writ_report_facts(ids uuid[])
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
  UNION ALL SELECT country, period, 'reason', reason, count(*), sum(items) FROM per WHERE items > 0 GROUP BY 1, 2, 4
  UNION ALL SELECT country, period, 'demo', kind, count(*), sum(items) FROM per WHERE is_demo GROUP BY 1, 2, 4
  UNION ALL
  SELECT r.country, r.period, 'outcome', coalesce(it.outcome, 'pending'), 0, count(*)
  FROM it JOIN r ON r.id = it.request_id GROUP BY 1, 2, 4
$$;
