/**
 * Issue 13 — the public request database, read only: search with facets (the statements and the
 * bounded-work rule in src/db/public-records-search.ts, decision 55), one record or its tombstone,
 * pages of every row (the static site), the newest records (feeds). Reads `public_records` and
 * nothing else of an order. Counts without words (browsing) are cached per log size: the log grows
 * with every publication, correction and withdrawal, so a cached answer is never stale.
 */
import { sql } from 'drizzle-orm';
import type { Clock } from '../app/context.js';
import { WritError } from '../domain/errors.js';
import type { PublicRecord, PublicTombstone } from '../domain/public-record.js';
import type { Db } from './connection.js';
import {
  collectFacets,
  defaultSearchLimits,
  type FacetCounts,
  facetCountsStatement,
  facetNames,
  live,
  matchingStatement,
  newestPageStatement,
  type RecordSearchQuery,
  rankedPageStatement,
  type SearchLimits,
  samplePercentFor,
  textMatch,
} from './public-records-search.js';

export type { FacetCount, FacetName, RecordSearchQuery, SearchLimits } from './public-records-search.js';

export type Estimated = { total: boolean; facets: boolean };

export type RecordSearchResult = {
  /** Exact, or (`estimated.total`) an estimate above `limits.exactUpTo`. */
  total: number;
  records: PublicRecord[];
  facets: FacetCounts;
  /** Which counts are estimates from a sample (the words match too many records to count them all). */
  estimated: Estimated;
  /** How the page is ordered: by relevance to the words, or newest first (no words, or more matches than `limits.exactUpTo`). */
  order: 'relevance' | 'newest';
  /** The last page that can be asked for when the search matches too many records to page through whole; else null. */
  deepestPage: number | null;
};

export type PublicRecordRow = {
  publicId: string;
  version: number;
  record: PublicRecord | null;
  tombstone: PublicTombstone | null;
  leafIndex: number;
};

type RawRow = { public_id: string; version: number; record: PublicRecord; tombstone: PublicTombstone | null; leaf_index: string };
const toRow = (r: RawRow): PublicRecordRow => ({
  publicId: r.public_id,
  version: Number(r.version),
  record: r.tombstone ? null : r.record,
  tombstone: r.tombstone,
  leafIndex: Number(r.leaf_index),
});

const browseCacheSize = 200;

export function publicRecordsRepository(db: Db, _now: Clock, limits: SearchLimits = defaultSearchLimits) {
  /** The counts, whether the matches are few enough to rank, and the ranked page when counting already read it. */
  type Counted = { facets: FacetCounts; total: number; estimated: Estimated; rankable: boolean; page?: PublicRecord[] };
  /** Browsing counts (no words), keyed by filters, valid for one log size. */
  let browseCache: { logSize: number; entries: Map<string, Counted> } = { logSize: -1, entries: new Map() };

  async function logSize(): Promise<number> {
    const { rows } = await db.execute<{ n: string | null }>(sql`SELECT max(leaf_index) AS n FROM transparency_log`);
    return rows[0]?.n === null || rows[0]?.n === undefined ? 0 : Number(rows[0].n) + 1;
  }

  /** The table's row count as the planner knows it (no scan); -1 before its first ANALYZE. */
  async function tableRows(run: Run): Promise<number> {
    const { rows } = await run.execute<{ n: number }>(
      sql`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'public_records'::regclass`,
    );
    return Number(rows[0]?.n ?? -1);
  }

  type Run = Pick<Db, 'execute'>;
  async function counts(run: Run, query: RecordSearchQuery, samplePercent: number | null) {
    const q = query.q.trim();
    const { rows } = await run.execute<{ facet: string; value: string | null; n: number }>(
      facetCountsStatement(query, q === '' ? null : textMatch(q), samplePercent),
    );
    return collectFacets(rows, samplePercent === null ? 1 : 100 / samplePercent);
  }

  /**
   * The sample first (cheap, bounded): it estimates how many rows the facets and the total would
   * read. Within `exactUpTo`, count them exactly; otherwise keep the estimates, and count the
   * matching rows exactly (up to the limit) when the sample says there are few. A table no bigger
   * than the sample is counted whole, exactly.
   */
  async function facetCounts(run: Run, query: RecordSearchQuery): Promise<Counted> {
    const rowsNow = await tableRows(run);
    const percent = rowsNow < 0 ? 100 : samplePercentFor(limits.sampleRows, rowsNow);
    const sampled = percent >= 100 ? null : await counts(run, query, percent);
    if (sampled === null || sampled.facetRows <= limits.exactUpTo) {
      const exact = await counts(run, query, null);
      const estimated = { total: false, facets: false };
      return { facets: exact.facets, total: exact.total, estimated, rankable: exact.total <= limits.exactUpTo };
    }
    if (sampled.total <= limits.exactUpTo) {
      // Few matches by the sample: count them (and, with words, rank the page in the same lookup).
      const estimated = { total: false, facets: true };
      if (query.q.trim() === '') {
        const { rows } = await run.execute<{ n: number }>(matchingStatement(query, limits.exactUpTo));
        const matching = Number(rows[0]!.n);
        if (matching <= limits.exactUpTo) return { facets: sampled.facets, total: matching, estimated, rankable: true };
      } else {
        const ranked = await rankedPage(run, query);
        if (ranked.matching <= limits.exactUpTo)
          return { facets: sampled.facets, total: ranked.matching, estimated, rankable: true, page: ranked.records };
      }
    }
    // More than the limit: an estimate never falls below what is known.
    const total = Math.max(limits.exactUpTo + 1, sampled.total);
    return { facets: sampled.facets, total, estimated: { total: true, facets: true }, rankable: false };
  }

  async function rankedPage(run: Run, query: RecordSearchQuery): Promise<{ matching: number; records: PublicRecord[] }> {
    const { rows } = await run.execute<{ n: number; record: PublicRecord | null }>(rankedPageStatement(query, limits.exactUpTo));
    return { matching: Number(rows[0]?.n ?? 0), records: rows.flatMap((r) => (r.record ? [r.record] : [])) };
  }

  async function cachedFacetCounts(run: Run, query: RecordSearchQuery): Promise<Counted> {
    if (query.q.trim() !== '') return facetCounts(run, query);
    const size = await logSize();
    if (browseCache.logSize !== size) browseCache = { logSize: size, entries: new Map() };
    const key = JSON.stringify(facetNames.map((name) => [...query[name]].sort()));
    const cached = browseCache.entries.get(key);
    if (cached) return cached;
    const counted = await facetCounts(run, query);
    if (browseCache.entries.size >= browseCacheSize) browseCache.entries.clear();
    browseCache.entries.set(key, counted);
    return counted;
  }

  async function searchIn(run: Run, query: RecordSearchQuery): Promise<RecordSearchResult> {
    const counted = await cachedFacetCounts(run, query);
    const ranked = counted.rankable && query.q.trim() !== '';
    if (!counted.rankable && (query.page - 1) * query.pageSize >= limits.deepestApproximate)
      throw new WritError(
        'validation_failed',
        `these words and filters match more than ${limits.exactUpTo.toLocaleString('en')} records; only the newest ${limits.deepestApproximate.toLocaleString('en')} can be paged through — add words or filters`,
        'page',
      );
    const records =
      counted.page ??
      (ranked
        ? (await rankedPage(run, query)).records
        : (await run.execute<{ record: PublicRecord }>(newestPageStatement(query))).rows.map((r) => r.record));
    return {
      total: counted.total,
      records,
      facets: counted.facets,
      estimated: counted.estimated,
      order: ranked ? 'relevance' : 'newest',
      deepestPage: counted.rankable ? null : Math.ceil(limits.deepestApproximate / query.pageSize),
    };
  }

  return {
    /**
     * Published records matching the words and filters, one page, with the total and the facet
     * counts; a search matching more than `limits.exactUpTo` records answers newest first with
     * estimated counts (decision 55), and refuses pages past its newest `limits.deepestApproximate` (validation_failed, page).
     */
    async search(query: RecordSearchQuery): Promise<RecordSearchResult> {
      return db.transaction(async (tx) => {
        // Room for the bitmaps of common words: over work_mem they turn lossy and every row of a page is rechecked.
        await tx.execute(sql`SET LOCAL work_mem = '32MB'`);
        return searchIn(tx, query);
      });
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
