/**
 * Searches whose words match many records (decision 55), over the real app and PostgreSQL, with the
 * limits turned down so a handful of records is "many": up to the limit the page is ranked by
 * relevance; past it the page is newest first and only the newest matches can be paged through.
 * Then the sample, over a few thousand records loaded as the bench loads them: estimated counts near
 * the true ones, scaled up from a sample, and marked as estimates.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPublicRecords } from '../../bench/search.js';
import { connect } from '../../src/db/connection.js';
import { publicRecordsRepository } from '../../src/db/public-records-repository.js';
import { recordSearchQuery } from '../../src/db/public-records-search.js';
import type { PublicRecord } from '../../src/domain/public-record.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { samplePublicRecord, seedPublishedRecord } from '../support/publishing.js';

type Search = {
  total: number;
  records: PublicRecord[];
  facets: Record<string, { value: string; count: number }[]>;
  estimated: { total: boolean; facets: boolean };
  order: 'relevance' | 'newest';
};

describe('a search matching more records than it counts exactly', () => {
  let t: TestApp;
  const protest = (n: number, country: string, summary: string) =>
    samplePublicRecord({
      country,
      summary,
      publishedAt: `2026-0${n}-01T10:00:00.000Z`,
      decidedOn: `2026-0${n}-01`,
      period: '2026-H1',
    });
  // Six records about protests (published January to June), two about a court.
  const fixtures = [
    protest(1, 'KZ', 'Протест у акимата; протест на площади; протест студентов.'),
    protest(2, 'RU', 'Видео о протесте.'),
    protest(3, 'KZ', 'Пост о протестах.'),
    protest(4, 'TR', 'Протест в Стамбуле.'),
    protest(5, 'KZ', 'Фото с протеста.'),
    protest(6, 'RU', 'Статья о протесте.'),
    protest(3, 'KZ', 'Решение суда о клевете.'),
    protest(2, 'RU', 'Суд о публикации; решение суда; суд и судья.'),
  ];
  const ids: string[] = [];

  async function search(query: string): Promise<Search> {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/public/records?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Search;
  }

  beforeAll(async () => {
    t = await createTestApp({
      env: { WRIT_SEARCH_EXACT_LIMIT: '3', WRIT_SEARCH_SAMPLE_ROWS: '100', WRIT_SEARCH_PAGE_DEPTH: '4' },
    });
    for (const record of fixtures) ids.push((await seedPublishedRecord(t, record)).record.id);
    await t.database.db.execute(sql`ANALYZE public_records`);
  }, 60_000);
  afterAll(async () => t?.close());

  it('past the limit: newest first (a table smaller than the sample is counted whole, exactly)', async () => {
    const found = await search(`q=${encodeURIComponent('протест')}`);
    expect(found.estimated).toEqual({ total: false, facets: false });
    expect(found.order).toBe('newest');
    expect(found.records.map((r) => r.id)).toEqual([ids[5], ids[4], ids[3], ids[2], ids[1], ids[0]]);
    expect(found.total).toBe(6);
    expect(found.facets.country).toEqual([
      { value: 'KZ', count: 3 },
      { value: 'RU', count: 2 },
      { value: 'TR', count: 1 },
    ]);
  });

  it('within the limit: exact counts and the page ranked by relevance, not by date', async () => {
    const found = await search(`q=${encodeURIComponent('суд')}`);
    expect(found.estimated).toEqual({ total: false, facets: false });
    expect(found.order).toBe('relevance');
    expect(found.total).toBe(2);
    // The older record saying «суд» three times ranks above the newer one saying it once.
    expect(found.records.map((r) => r.id)).toEqual([ids[7], ids[6]]);
    // With filters narrowing the words to the limit, exact again and ranked.
    const narrowed = await search(`q=${encodeURIComponent('протест')}&country=RU`);
    expect(narrowed.total).toBe(2);
    expect(narrowed.order).toBe('relevance');
  });

  it('a broad search pages only through its newest matches, and says so on the page field', async () => {
    const second = await search(`q=${encodeURIComponent('протест')}&pageSize=2&page=2`);
    expect(second.records.map((r) => r.id)).toEqual([ids[3], ids[2]]);
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/records?q=${encodeURIComponent('протест')}&pageSize=2&page=3`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json() as { code: string; field: string; detail: string };
    expect(problem.code).toBe('validation_failed');
    expect(problem.field).toBe('page');
    expect(problem.detail).toContain('add words or filters');
  });
});

describe('estimated counts from the sample', () => {
  let t: TestApp;
  const records = 6_000;

  beforeAll(async () => {
    t = await createTestApp();
    // The bench's loader, on a connection free of the statement timeout (as the bench's own).
    const loader = connect(t.database.url, 1, { connectMs: 30_000, statementMs: 0 });
    try {
      await loadPublicRecords(loader.db, loader.pool, records, 7);
    } finally {
      await loader.pool.end();
    }
  }, 120_000);
  afterAll(async () => t?.close());

  it('scale the sample up to near the true counts, and say they are estimates', async () => {
    const limits = { exactUpTo: 50, sampleRows: 1_500, deepestApproximate: 100 };
    const repository = publicRecordsRepository(t.database.db, () => new Date(), limits);
    const query = recordSearchQuery({ q: 'критика' });
    const found = await repository.search(query);
    const truth = await t.database.db.execute<{ n: number; kz: number }>(
      sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE country = 'KZ')::int AS kz FROM public_records
          WHERE withdrawn_at IS NULL AND search @@ websearch_to_tsquery('russian', 'критика')`,
    );
    const { n, kz } = truth.rows[0]!;
    expect(n).toBeGreaterThan(limits.exactUpTo);
    expect(found.estimated).toEqual({ total: true, facets: true });
    expect(found.order).toBe('newest');
    // A quarter of the table is read, so an estimate within a factor of two is a sample scaled up,
    // and an unscaled count (a quarter of the truth) is not.
    expect(found.total).toBeGreaterThan(n / 2);
    expect(found.total).toBeLessThan(n * 2);
    const estimatedKz = found.facets.country.find((c) => c.value === 'KZ')!.count;
    expect(estimatedKz).toBeGreaterThan(kz / 2);
    expect(estimatedKz).toBeLessThan(kz * 2);
    // Newest first: each record published no later than the one before it.
    const published = found.records.map((r) => r.publishedAt);
    expect(published).toEqual([...published].sort().reverse());
    // The same sample every time: the same estimates.
    expect((await repository.search(query)).total).toBe(found.total);
  });

  it('counts few matches exactly and ranks them, even where the facets are estimated', async () => {
    const limits = { exactUpTo: 50, sampleRows: 1_500, deepestApproximate: 100 };
    const repository = publicRecordsRepository(t.database.db, () => new Date(), limits);
    const query = recordSearchQuery({ q: 'сайлау', country: ['KZ'], reason: ['Electoral Law'] });
    const found = await repository.search(query);
    const truth = await t.database.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM public_records WHERE withdrawn_at IS NULL AND country = 'KZ'
          AND reasons && ARRAY['Electoral Law'] AND search @@ websearch_to_tsquery('russian', 'сайлау')`,
    );
    expect(found.total).toBe(truth.rows[0]!.n);
    expect(found.total).toBeGreaterThan(0);
    expect(found.estimated).toEqual({ total: false, facets: true });
    expect(found.order).toBe('relevance');
  });

  it('finds each facet value through its term, values with spaces and slashes too', async () => {
    const repository = publicRecordsRepository(t.database.db, () => new Date());
    const { rows } = await t.database.db.execute<{ reason: string; n: number }>(
      sql`SELECT r AS reason, count(*)::int AS n FROM public_records, unnest(reasons) AS r WHERE withdrawn_at IS NULL GROUP BY r`,
    );
    expect(rows.map((r) => r.reason)).toEqual(expect.arrayContaining(['Obscenity/Nudity', 'Regulated Goods and Services']));
    for (const { reason, n } of rows) {
      const found = await repository.search(recordSearchQuery({ reason: [reason as 'Other'], pageSize: 1 }));
      expect(found.total, reason).toBe(n);
    }
  });
});
