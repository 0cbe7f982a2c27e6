/**
 * Issue 13 — search over the public request database with facet counts, in bounded work (decision 55).
 *
 * The generated tsvector `search` (migration 0019) holds the record's words as the `russian`
 * configuration reads them (Russian stems of Cyrillic words, English stems of ASCII words, Kazakh
 * words as the Russian stemmer leaves them) and one term per facet value (`country:KZ`,
 * `reason:Defamation`: a colon never survives the parser, so no word can be mistaken for one). Words
 * and filters are then one GIN lookup, which intersects its posting lists itself: cheaper by far than
 * ANDing bitmaps of a common word, a country and a reason built from three indexes. Facet counts follow the faceted-search rule: each facet is counted over
 * the rows matching the text and every *other* facet's filter, so that ticking a value never hides its
 * siblings; the rows matching the text and all but at most one filter (the "facet rows") are read once.
 *
 * What a query costs follows how many rows its words match, and a word such as «критика» can match a
 * fifth of a million records. So every search first counts its facet rows and its matching rows, each
 * only up to `exactUpTo` (a LIMIT, so the probe reads at most that many rows):
 * - up to `exactUpTo` matching rows: the total is exact and the page ranked by relevance (ts_rank);
 *   more: the page lists the newest matches first (read down the published_at index, which stops after
 *   a page) and only the first `deepestApproximate` of them can be paged through;
 * - up to `exactUpTo` facet rows: the facet counts are exact; more: they are counted over a block sample
 *   of the table (TABLESAMPLE SYSTEM, about `sampleRows` rows, the same sample every time) and scaled
 *   up, and the answer says they are approximate. So is an estimated total.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { AuthorityKind, Outcome, Reason } from '../domain/vocabulary.js';

export const facetNames = ['country', 'authorityKind', 'regime', 'reason', 'outcome', 'period'] as const;
export type FacetName = (typeof facetNames)[number];

export type RecordSearchQuery = {
  /** Words as a person types them (websearch syntax: "phrase", or, -not); empty: every record. */
  q: string;
  country: string[];
  authorityKind: AuthorityKind[];
  regime: string[];
  reason: Reason[];
  outcome: Outcome[];
  period: string[];
  /** 1-based. */
  page: number;
  pageSize: number;
};

/** A search with every facet empty, the first page of 20, and `over` on top (the bench's and the tests' shorthand). */
export function recordSearchQuery(over: Partial<RecordSearchQuery> = {}): RecordSearchQuery {
  return {
    q: '',
    country: [],
    authorityKind: [],
    regime: [],
    reason: [],
    outcome: [],
    period: [],
    page: 1,
    pageSize: 20,
    ...over,
  };
}

export type FacetCount = { value: string; count: number };
export type FacetCounts = Record<FacetName, FacetCount[]>;

/** How much one search may read (decision 55); the defaults suit a database of millions of records. */
export type SearchLimits = {
  /** Matches up to which totals and facets are exact and the page is ranked by relevance. */
  exactUpTo: number;
  /** About how many rows the block sample for approximate facet counts holds. */
  sampleRows: number;
  /** How deep a search with more than `exactUpTo` matches can be paged (newest first). */
  deepestApproximate: number;
};
export const defaultSearchLimits: SearchLimits = { exactUpTo: 2_000, sampleRows: 5_000, deepestApproximate: 1_000 };

/** The column (or array column) each facet counts, as text. */
const facetColumns: Record<FacetName, { column: SQL; array: boolean }> = {
  country: { column: sql.raw('country::text'), array: false },
  authorityKind: { column: sql.raw('authority_kind::text'), array: false },
  regime: { column: sql.raw('regime_id'), array: false },
  reason: { column: sql.raw('reasons'), array: true },
  outcome: { column: sql.raw('outcomes'), array: true },
  period: { column: sql.raw('period'), array: false },
};

/** Each facet's prefix in the terms writ_public_search() adds (migration 0019). */
const termPrefixes: Record<FacetName, string> = {
  country: 'country',
  authorityKind: 'kind',
  regime: 'regime',
  reason: 'reason',
  outcome: 'outcome',
  period: 'period',
};

/** One facet value as a quoted tsquery lexeme (quotes doubled, backslashes escaped). */
function term(name: FacetName, value: string): string {
  return `'${`${termPrefixes[name]}:${value}`.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
/** Any of a facet's chosen values, as tsquery text. */
function anyOf(name: FacetName, values: readonly string[]): string {
  return values.length === 1 ? term(name, values[0]!) : `(${values.map((v) => term(name, v)).join(' | ')})`;
}

/** The filter of one facet on its column (the facet counts' flags), or null when no value of it is chosen. */
export function facetFilter(name: FacetName, values: readonly string[]): SQL | null {
  if (values.length === 0) return null;
  const { column, array } = facetColumns[name];
  const list = sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
  return array ? sql`${column} && ${list}` : sql`${column} = ANY(${list})`;
}

const tsquery = (q: string) => sql`websearch_to_tsquery('russian', ${q})`;

/** The text condition: the words as the `russian` configuration reads them (as the records were read). */
export function textMatch(q: string): SQL {
  return sql`search @@ ${tsquery(q)}`;
}
function textRank(q: string): SQL {
  return sql`ts_rank(search, ${tsquery(q)})`;
}

/** Published and not withdrawn: the only rows search, facets and feeds show. */
export const live = sql`withdrawn_at IS NULL`;

type Filters = { name: FacetName; filter: SQL; terms: string }[];
function activeFilters(query: Omit<RecordSearchQuery, 'q' | 'page' | 'pageSize'>): Filters {
  return facetNames.flatMap((name) => {
    const filter = facetFilter(name, query[name]);
    return filter ? [{ name, filter, terms: anyOf(name, query[name]) }] : [];
  });
}

/** Rows passing every active filter, through the facet terms (one GIN lookup with the words). */
function allPass(active: Filters): SQL {
  if (active.length === 0) return sql`true`;
  return sql`search @@ ${active.map((f) => f.terms).join(' & ')}::tsquery`;
}

/**
 * Rows failing at most one of the active filters, the only rows any facet can count: for each
 * filter, the rows passing all the others, any of them — as facet terms, so the index finds them.
 */
function atMostOneFails(active: Filters): SQL {
  if (active.length <= 1) return sql`true`;
  const others = active.map((f) =>
    active
      .filter((g) => g !== f)
      .map((g) => g.terms)
      .join(' & '),
  );
  return sql`search @@ ${others.map((o) => `(${o})`).join(' | ')}::tsquery`;
}

/**
 * The statement that counts the six facets for `query`, with `match` as the text condition (the
 * bench passes a plain ILIKE here for its baseline), over the whole table or over a block sample of
 * `samplePercent` per cent of it. Also returns the total (rows matching all filters).
 */
export function facetCountsStatement(
  query: Omit<RecordSearchQuery, 'q' | 'page' | 'pageSize'>,
  match: SQL | null,
  samplePercent: number | null = null,
): SQL {
  const active = activeFilters(query);
  const flags = active.map((f) => sql`(${f.filter}) AS ${sql.raw(`f_${f.name}`)}`);
  const allBut = (name: FacetName | null) => {
    const others = active.filter((f) => f.name !== name).map((f) => sql.raw(`f_${f.name}`));
    return others.length === 0 ? sql`true` : sql.join(others, sql` AND `);
  };
  const parts = facetNames.map((name) => {
    const { column, array } = facetColumns[name];
    const value = array ? sql`unnest(${column})` : column;
    return sql`SELECT ${name}::text AS facet, ${value} AS value, count(*)::int AS n FROM m WHERE ${allBut(name)} GROUP BY 2`;
  });
  const where = sql.join([live, ...(match ? [match] : []), atMostOneFails(active)], sql` AND `);
  // REPEATABLE: the same sample every time, so the same query shows the same estimates.
  const from =
    samplePercent === null
      ? sql`public_records`
      : sql`public_records TABLESAMPLE SYSTEM (${sql.raw(String(samplePercent))}) REPEATABLE (13)`;
  return sql`
    WITH m AS MATERIALIZED (
      SELECT country::text, authority_kind::text, regime_id, reasons, outcomes, period
             ${flags.length > 0 ? sql`, ${sql.join(flags, sql`, `)}` : sql``}
      FROM ${from} WHERE ${where})
    ${sql.join(parts, sql` UNION ALL `)}
    UNION ALL SELECT 'total', NULL, count(*)::int FROM m WHERE ${allBut(null)}
    UNION ALL SELECT 'rows', NULL, count(*)::int FROM m`;
}

function emptyFacets(): FacetCounts {
  return { country: [], authorityKind: [], regime: [], reason: [], outcome: [], period: [] };
}

/**
 * Facet rows into sorted lists (most first, then by value), each count times `scale`; the total
 * (rows matching every filter) and the facet rows (failing at most one) out of their rows.
 */
export function collectFacets(rows: { facet: string; value: string | null; n: number }[], scale = 1) {
  const facets = emptyFacets();
  let total = 0;
  let facetRows = 0;
  for (const row of rows) {
    const n = Math.round(Number(row.n) * scale);
    if (row.facet === 'total') total = n;
    else if (row.facet === 'rows') facetRows = n;
    else if (row.value !== null) facets[row.facet as FacetName].push({ value: row.value, count: n });
  }
  for (const name of facetNames)
    facets[name].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return { facets, total, facetRows };
}

/** Live rows matching the words (if any) and every filter: what the page and the total read. */
function matching(query: RecordSearchQuery): SQL {
  const q = query.q.trim();
  return sql.join([live, ...(q === '' ? [] : [textMatch(q)]), allPass(activeFilters(query))], sql` AND `);
}

/** How many rows match the words and every filter, counted no further than `upTo + 1` (so reading at most that many). */
export function matchingStatement(query: RecordSearchQuery, upTo: number): SQL {
  const where = matching(query);
  return sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM public_records WHERE ${where} LIMIT ${sql.raw(String(upTo + 1))}) r`;
}

/** One page of matching records, newest first. */
export function newestPageStatement(query: RecordSearchQuery): SQL {
  const where = matching(query);
  const offset = (query.page - 1) * query.pageSize;
  return sql`SELECT record FROM public_records WHERE ${where} ORDER BY published_at DESC, public_id DESC
             LIMIT ${query.pageSize} OFFSET ${offset}`;
}

/**
 * One page of matching records ranked by relevance (then newest), and how many match, in one index
 * lookup: at most `upTo + 1` matches are read and ranked, so `n` above `upTo` means "more" (and the
 * page is then not the true top). The records are joined back only for the page. A page past the
 * end is one row with `n` and no record.
 */
export function rankedPageStatement(query: RecordSearchQuery, upTo: number): SQL {
  const q = query.q.trim();
  const where = matching(query);
  const offset = (query.page - 1) * query.pageSize;
  return sql`
    WITH m AS MATERIALIZED (
      SELECT public_id, published_at, ${textRank(q)} AS rank FROM public_records WHERE ${where}
      LIMIT ${sql.raw(String(upTo + 1))}),
    top AS (
      SELECT public_id, published_at, rank FROM m ORDER BY rank DESC, published_at DESC, public_id DESC
      LIMIT ${query.pageSize} OFFSET ${offset})
    SELECT (SELECT count(*)::int FROM m) AS n, p.record
    FROM (SELECT 1) AS one
    LEFT JOIN (top JOIN public_records p ON p.public_id = top.public_id) ON true
    ORDER BY top.rank DESC, top.published_at DESC, top.public_id DESC`;
}

/** The block sample's size in per cent of the table for about `sampleRows` rows of `tableRows` (at most 100). */
export function samplePercentFor(sampleRows: number, tableRows: number): number {
  if (tableRows <= sampleRows) return 100;
  // Two significant digits are enough, and keep the statement text (and its plan) stable.
  return Number(((sampleRows / tableRows) * 100).toPrecision(2));
}
