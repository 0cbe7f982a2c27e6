/**
 * The statistics of one country and half-year (src/domain/datasets/statistics.ts) at their edges:
 * a history of many periods where the one asked for is not the first, and Meta rows without
 * requests, whose share of requests with some data produced must never be 0/0. Figures are
 * Kazakhstan's, read from the committed excerpts (test/fixtures/datasets/SOURCE.md).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSourceFiles } from '../../src/datasets/source-files.js';
import { parseGoogleArchive, sumGoogleRows } from '../../src/domain/datasets/google-archive.js';
import { parseGoogleJson } from '../../src/domain/datasets/google-json.js';
import { parseMetaRequests } from '../../src/domain/datasets/meta-requests.js';
import { googleJsonStats, googleRemovalStats, metaDataRequestStats } from '../../src/domain/datasets/statistics.js';

const fixtures = fileURLToPath(new URL('../fixtures/datasets/', import.meta.url));

async function googleArchiveKz() {
  const archive = parseGoogleArchive(await readSourceFiles(`${fixtures}google-removals-2024-09`));
  const history = [...sumGoogleRows(archive).values()].filter((s) => s.country === 'KZ');
  const coveredPeriods = archive.coverage.map((c) => c.period);
  const detail = (period: string) => ({
    productRows: archive.productRows
      .filter((r) => r.country === 'KZ' && r.period === period)
      .map(({ part, product, reason, requests, courtOrders, executiveRequests }) => ({
        part,
        product,
        reason,
        requests,
        courtOrders,
        executiveRequests,
      })),
    requesterRows: archive.requesterRows
      .filter((r) => r.country === 'KZ' && r.period === period)
      .map(({ requester, requests, items, percents }) => ({ requester, requests, items, percents })),
    summary: null,
  });
  return (period: string) => googleRemovalStats({ country: 'KZ', period, history, coveredPeriods, detail: detail(period) });
}

async function googleJsonKz() {
  const json = parseGoogleJson(await readSourceFiles(`${fixtures}google-removals-json`));
  const kz = json.rows.filter((r) => r.country === 'KZ');
  const sums = new Map<string, { period: string; requests: number; items: number }>();
  for (const r of kz) {
    const s = sums.get(r.period) ?? { period: r.period, requests: 0, items: 0 };
    sums.set(r.period, { period: r.period, requests: s.requests + r.requests, items: s.items + r.items });
  }
  const coveredPeriods = json.coverage.map((c) => c.period);
  return (period: string) =>
    googleJsonStats({
      country: 'KZ',
      period,
      history: [...sums.values()],
      coveredPeriods,
      rows: kz.filter((r) => r.period === period),
    });
}

async function metaKz(country = 'KZ') {
  const meta = parseMetaRequests(await readSourceFiles(`${fixtures}meta-data-requests`));
  const rows = meta.rows.filter((r) => r.country === country);
  const coveredPeriods = meta.files.map((f) => f.period);
  return {
    rows,
    stats: (period: string, row = rows.find((r) => r.period === period) ?? null) =>
      metaDataRequestStats({ country, period, row, history: rows, coveredPeriods }),
  };
}

describe("statistics of a later period in a country's history", () => {
  it("Google's archive: KZ 2021-H1 gives that half-year's figures, not those of KZ's first listed period (2011-H2)", async () => {
    const stats = await googleArchiveKz();
    expect(stats('2021-H1')).toMatchObject({
      source: 'google-removals',
      country: 'KZ',
      period: '2021-H1',
      requests: 84,
      items: 30838,
      requestsToDate: 457,
    });
    // The first period, for contrast: its own figures.
    expect(stats('2011-H2')).toMatchObject({ period: '2011-H2', requests: 1, items: 2, requestsToDate: 1 });
  });

  it("Google's archive: a covered half-year in which KZ is not listed counts as 0, with its own warning", async () => {
    const stats = await googleArchiveKz();
    const kz2014 = stats('2014-H1');
    expect(kz2014).toMatchObject({ period: '2014-H1', requests: 0, items: 0, requestsToDate: 9 });
    expect(kz2014?.warnings).toContain('Google lists no requests from KZ in 2014-H1; counted as 0');
  });

  it('the JSON repackaging: KZ 2021-H1 gives 84 requests and 30,838 items, 457 requests to date', async () => {
    const stats = await googleJsonKz();
    expect(stats('2021-H1')).toMatchObject({
      source: 'google-removals-json',
      period: '2021-H1',
      requests: 84,
      items: 30838,
      requestsToDate: 457,
      warnings: [],
    });
    expect(stats('2025-H2')).toMatchObject({ period: '2025-H2', requests: 33, items: 458 });
    expect(stats('2011-H2')).toMatchObject({ period: '2011-H2', requests: 1, items: 2, requestsToDate: 1 });
  });

  it('the JSON repackaging: a half-year before KZ is first listed has no statistics', async () => {
    const stats = await googleJsonKz();
    expect(stats('2011-H1')).toBeNull();
  });

  it("Meta: a half-year Meta's files do not cover, after KZ's first listed one, has no statistics", async () => {
    // KZ is first listed in 2015-H2 (3 requests); no file covers 2016-H1, so its requests are unknown.
    const { stats } = await metaKz();
    expect(stats('2016-H1')).toBeNull();
    // Before KZ's first listed period there is nothing either.
    expect(stats('2013-H1')).toBeNull();
  });

  it('Meta: a covered half-year without KZ, after its first listed one, counts as 0', async () => {
    const { stats } = await metaKz();
    expect(stats('2017-H2')).toEqual({
      source: 'meta-data-requests',
      country: 'KZ',
      period: '2017-H2',
      requests: 0,
      accountsRequested: 0,
      shareSomeDataProduced: null,
      emergencyRequests: 0,
      legalProcessRequests: 0,
      warnings: ['Meta lists no requests from KZ in 2017-H2; counted as 0'],
    });
  });
});

describe("Meta's share of requests with some data produced, for rows without requests", () => {
  it('KZ 2021-H1 (0 requests, 0 with some data, 0%) gives a share of 0 from the percentage, not 0/0, and no warning', async () => {
    const { stats } = await metaKz();
    const kz = stats('2021-H1');
    expect(kz).toEqual({
      source: 'meta-data-requests',
      country: 'KZ',
      period: '2021-H1',
      requests: 0,
      accountsRequested: 0,
      shareSomeDataProduced: 0,
      emergencyRequests: 0,
      legalProcessRequests: 0,
      warnings: [],
    });
  });

  it('KZ 2018-H1 (a layout without counts: 0 requests, 0%) gives a share of 0 and no whole-percentage warning', async () => {
    const { stats } = await metaKz();
    expect(stats('2018-H1')).toMatchObject({ requests: 0, shareSomeDataProduced: 0, warnings: [] });
  });

  it('a row with 0 requests and no published percentage gives no share (null), never NaN', async () => {
    const { rows, stats } = await metaKz();
    const kz = rows.find((r) => r.period === '2021-H1')!;
    const share = stats('2021-H1', { ...kz, someDataPct: null })?.shareSomeDataProduced;
    expect(share).toBeNull();
  });

  it('a row with requests takes the share from the counts: KZ 2023-H2, 0 of 2 requests', async () => {
    const { stats } = await metaKz();
    expect(stats('2023-H2')).toMatchObject({ requests: 2, shareSomeDataProduced: 0, warnings: [] });
    // Counts win over Meta's rounded percentage when both are published.
    const { rows } = await metaKz();
    const kz = rows.find((r) => r.period === '2023-H2')!;
    expect(stats('2023-H2', { ...kz, requestsSomeData: 1, someDataPct: 50 })?.shareSomeDataProduced).toBe(0.5);
  });

  it('a row with requests but only a percentage takes the percentage and says it is a whole percentage', async () => {
    const { stats } = await metaKz();
    // KZ 2015-H2: 3 requests, 0% (the oldest layout gives no count of requests with some data).
    expect(stats('2015-H2')).toMatchObject({
      requests: 3,
      shareSomeDataProduced: 0,
      warnings: ['shareSomeDataProduced is Meta’s whole percentage (0%); this layout gives no count'],
    });
    // India 2015-H2: 5,561 requests, 51% → 0.51.
    const india = await metaKz('IN');
    expect(india.stats('2015-H2')).toMatchObject({
      requests: 5561,
      shareSomeDataProduced: 0.51,
      warnings: ['shareSomeDataProduced is Meta’s whole percentage (51%); this layout gives no count'],
    });
  });
});
