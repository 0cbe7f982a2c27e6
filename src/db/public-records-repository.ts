/**
 * Issue 13 — the public request database, read only: search with facets, one record or its
 * tombstone, pages of every row (the static site), the newest records (feeds). Reads `public_records`
 * and nothing else of an order.
 *
 * Search: `search @@ (websearch_to_tsquery('english', q) || …('russian', q) || …('simple', q))` over
 * the generated tsvector (English and Russian stems, Kazakh words as they are), ranked by ts_rank then
 * newest. Facet counts follow the faceted-search rule: each facet is counted over the rows matching
 * the text and every *other* facet's filter, so that ticking a value never hides its siblings. The
 * rows matching the text and all but at most one filter are read once (a materialised CTE) and every
 * facet counted from them. Counts without a text query (browsing) are cached per log size: the log
 * grows with every publication, correction and withdrawal, so a cached answer is never stale.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Clock } from '../app/context.js';
import type { PublicRecord, PublicTombstone } from '../domain/public-record.js';
import type { AuthorityKind, Outcome, Reason } from '../domain/vocabulary.js';
import type { Db } from './connection.js';

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

export type FacetCount = { value: string; count: number };
export type RecordSearchResult = {
  total: number;
  records: PublicRecord[];
  facets: Record<FacetName, FacetCount[]>;
};

export type PublicRecordRow = {
  publicId: string;
  version: number;
  record: PublicRecord | null;
  tombstone: PublicTombstone | null;
  leafIndex: number;
};

/** The column (or array column) each facet counts. */
const facetColumns: Record<FacetName, { column: SQL; array: boolean }> = {
  country: { column: sql.raw('country::text'), array: false },
  authorityKind: { column: sql.raw('authority_kind::text'), array: false },
  regime: { column: sql.raw('regime_id'), array: false },
  reason: { column: sql.raw('reasons'), array: true },
  outcome: { column: sql.raw('outcomes'), array: true },
  period: { column: sql.raw('period'), array: false },
};

const textArray = (values: readonly string[]) =>
  sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;

/** The filter of one facet, or null when no value of it is chosen. */
function facetFilter(name: FacetName, values: readonly string[]): SQL | null {
  if (values.length === 0) return null;
  const { column, array } = facetColumns[name];
  return array ? sql`${column} && ${textArray(values)}` : sql`${column} = ANY(${textArray(values)})`;
}

/** The text condition: English, Russian and simple (Kazakh) readings of the words, any of them. */
export function textMatch(q: string): SQL {
  return sql`search @@ (websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('russian', ${q}) || websearch_to_tsquery('simple', ${q}))`;
}
function textRank(q: string): SQL {
  return sql`ts_rank(search, websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('russian', ${q}) || websearch_to_tsquery('simple', ${q}))`;
}

/** Published and not withdrawn: the only rows search, facets and feeds show. */
const live = sql`withdrawn_at IS NULL`;

/**
 * The statement that counts the six facets for `query`, with `match` as the text condition (the
 * bench passes a plain ILIKE here for its baseline). Also returns the total (rows matching all filters).
 */
export function facetCountsStatement(query: Omit<RecordSearchQuery, 'q' | 'page' | 'pageSize'>, match: SQL | null): SQL {
  const filters = facetNames.map((name) => ({ name, filter: facetFilter(name, query[name]) }));
  const active = filters.filter((f) => f.filter !== null);
  // A row can count in a facet only when it fails no filter but (maybe) that facet's own.
  const flags = active.map((f) => sql`(${f.filter}) AS ${sql.raw(`f_${f.name}`)}`);
  const atMostOneFails =
    active.length === 0
      ? sql`true`
      : sql`(${sql.join(
          active.map((f) => sql`(${f.filter})::int`),
          sql` + `,
        )}) >= ${active.length - 1}`;
  const allBut = (name: FacetName | null) => {
    const others = active.filter((f) => f.name !== name).map((f) => sql.raw(`f_${f.name}`));
    return others.length === 0 ? sql`true` : sql.join(others, sql` AND `);
  };
  const parts = facetNames.map((name) => {
    const { column, array } = facetColumns[name];
    const value = array ? sql`unnest(${column})` : column;
    return sql`SELECT ${name}::text AS facet, ${value} AS value, count(*)::int AS n FROM m WHERE ${allBut(name)} GROUP BY 2`;
  });
  const where = sql.join([live, ...(match ? [match] : []), atMostOneFails], sql` AND `);
  return sql`
    WITH m AS MATERIALIZED (
      SELECT country::text, authority_kind::text, regime_id, reasons, outcomes, period
             ${flags.length > 0 ? sql`, ${sql.join(flags, sql`, `)}` : sql``}
      FROM public_records WHERE ${where})
    ${sql.join(parts, sql` UNION ALL `)}
    UNION ALL SELECT 'total', NULL, count(*)::int FROM m WHERE ${allBut(null)}`;
}

function emptyFacets(): Record<FacetName, FacetCount[]> {
  return { country: [], authorityKind: [], regime: [], reason: [], outcome: [], period: [] };
}

/** Facet rows into sorted lists (most first, then by value); the total out of its row. */
export function collectFacets(rows: { facet: string; value: string | null; n: number }[]) {
  const facets = emptyFacets();
  let total = 0;
  for (const row of rows) {
    if (row.facet === 'total') total = Number(row.n);
    else if (row.value !== null) facets[row.facet as FacetName].push({ value: row.value, count: Number(row.n) });
  }
  for (const name of facetNames)
    facets[name].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return { facets, total };
}

type RawRow = { public_id: string; version: number; record: PublicRecord; tombstone: PublicTombstone | null; leaf_index: string };
const toRow = (r: RawRow): PublicRecordRow => ({
  publicId: r.public_id,
  version: Number(r.version),
  record: r.tombstone ? null : r.record,
  tombstone: r.tombstone,
  leafIndex: Number(r.leaf_index),
});

const browseCacheSize = 200;

export function publicRecordsRepository(db: Db, _now: Clock) {
  /** Browsing counts (no text), keyed by filters, valid for one log size. */
  let browseCache: { logSize: number; entries: Map<string, { facets: Record<FacetName, FacetCount[]>; total: number }> } = {
    logSize: -1,
    entries: new Map(),
  };

  async function logSize(): Promise<number> {
    const { rows } = await db.execute<{ n: string | null }>(sql`SELECT max(leaf_index) AS n FROM transparency_log`);
    return rows[0]?.n === null || rows[0]?.n === undefined ? 0 : Number(rows[0].n) + 1;
  }

  async function facetCounts(query: RecordSearchQuery) {
    const q = query.q.trim();
    const run = async () => {
      const { rows } = await db.execute<{ facet: string; value: string | null; n: number }>(
        facetCountsStatement(query, q === '' ? null : textMatch(q)),
      );
      return collectFacets(rows);
    };
    if (q !== '') return run();
    const size = await logSize();
    if (browseCache.logSize !== size) browseCache = { logSize: size, entries: new Map() };
    const key = JSON.stringify(facetNames.map((name) => [...query[name]].sort()));
    const cached = browseCache.entries.get(key);
    if (cached) return cached;
    const counted = await run();
    if (browseCache.entries.size >= browseCacheSize) browseCache.entries.clear();
    browseCache.entries.set(key, counted);
    return counted;
  }

  return {
    /** Published records matching the words and filters, one page, with the total and the facet counts. */
    async search(query: RecordSearchQuery): Promise<RecordSearchResult> {
      const q = query.q.trim();
      const filters = facetNames.map((name) => facetFilter(name, query[name])).filter((f): f is SQL => f !== null);
      const where = sql.join([live, ...(q === '' ? [] : [textMatch(q)]), ...filters], sql` AND `);
      const order =
        q === '' ? sql`published_at DESC, public_id DESC` : sql`${textRank(q)} DESC, published_at DESC, public_id DESC`;
      const offset = (query.page - 1) * query.pageSize;
      const [page, counted] = await Promise.all([
        db.execute<{ record: PublicRecord }>(
          sql`SELECT record FROM public_records WHERE ${where} ORDER BY ${order} LIMIT ${query.pageSize} OFFSET ${offset}`,
        ),
        facetCounts(query),
      ]);
      return { total: counted.total, records: page.rows.map((r) => r.record), facets: counted.facets };
    },

    /** One record's current row: its record, or its tombstone when withdrawn; null when unknown. */
    async get(publicId: string): Promise<PublicRecordRow | null> {
      const { rows } = await db.execute<RawRow>(
        sql`SELECT public_id, version, record, tombstone, leaf_index FROM public_records WHERE public_id = ${publicId}`,
      );
      return rows[0] ? toRow(rows[0]) : null;
    },

    /** Every row (records and tombstones) in public id order, after `afterPublicId`: the static site's pages. */
    async page(afterPublicId: string | null, limit: number): Promise<PublicRecordRow[]> {
      const after = afterPublicId === null ? sql`true` : sql`public_id > ${afterPublicId}`;
      const { rows } = await db.execute<RawRow>(
        sql`SELECT public_id, version, record, tombstone, leaf_index FROM public_records WHERE ${after}
            ORDER BY public_id LIMIT ${limit}`,
      );
      return rows.map(toRow);
    },

    /** How many rows (records and tombstones) there are. */
    async count(): Promise<number> {
      const { rows } = await db.execute<{ n: string }>(sql`SELECT count(*)::bigint AS n FROM public_records`);
      return Number(rows[0]!.n);
    },

    /** The newest published records (not withdrawn), of one country or all: the feeds. */
    async latest(options: { country?: string | null; limit: number }): Promise<PublicRecord[]> {
      const country = options.country ? sql`AND country = ${options.country}` : sql``;
      const { rows } = await db.execute<{ record: PublicRecord }>(
        sql`SELECT record FROM public_records WHERE ${live} ${country}
            ORDER BY published_at DESC, public_id DESC LIMIT ${options.limit}`,
      );
      return rows.map((r) => r.record);
    },
  };
}

export type PublicRecordsRepository = ReturnType<typeof publicRecordsRepository>;
