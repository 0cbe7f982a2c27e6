/**
 * The published-datasets use cases (src/app/datasets.ts) called directly over the committed excerpts
 * (test/fixtures/datasets/SOURCE.md; the figures are counted by hand in datasets-api.test.ts): the
 * index names each source with its label, kind of order and newest vintage, and lists every import;
 * a country-period's statistics, a country's timeline, a period's ranking and the reasons' shares
 * are the dataset views' over this context's readers; surges follow the settings' rule, with a
 * caller's own minimum of requests when given.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countryPeriodStats,
  datasetIndex,
  importPublishedData,
  ranking,
  reasons,
  surges,
  timeline,
} from '../../src/app/datasets.js';
import { createTestWrit, type TestWrit } from '../support/writ.js';
import { fixtures } from './datasets-support.js';

let t: TestWrit;
/** The settings' surge rule (WRIT_SURGE_*): the defaults but for the minimum of requests. */
const settings = { window: 6, minHistory: 4, threshold: 3.5, minRequests: 12 };

beforeAll(async () => {
  t = await createTestWrit({ env: { WRIT_SURGE_MIN_REQUESTS: '12' } });
  await importPublishedData(t.writ, 'google-removals', path.join(fixtures, 'google-removals-2025-06'));
  await importPublishedData(t.writ, 'meta-data-requests', path.join(fixtures, 'meta-data-requests'));
}, 60_000);
afterAll(async () => t?.close());

describe('datasetIndex', () => {
  it('names each source imported with its label, kind of order, newest vintage and half-years, and lists every import', async () => {
    const index = await datasetIndex(t.writ);
    expect(index.sources.map(({ periods, ...s }) => ({ ...s, first: periods[0], last: periods.at(-1) }))).toEqual([
      {
        source: 'google-removals',
        label: 'Google: government requests to remove content (official archive)',
        requestKind: 'content_removal',
        vintage: '2025-H1',
        first: '2011-H2',
        last: '2025-H1',
      },
      {
        source: 'meta-content-restrictions',
        label: 'Meta: content restricted under local law',
        requestKind: 'content_removal',
        vintage: '2023-H2',
        first: '2017-H2',
        last: '2023-H2',
      },
      {
        source: 'meta-data-requests',
        label: 'Meta: government requests for user data',
        requestKind: 'user_data',
        vintage: '2023-H2',
        first: '2013-H1',
        last: '2023-H2',
      },
    ]);
    // Meta's content restrictions are imported with its requests: their own import of the same folder.
    expect(index.imports.map((i) => i.source).sort()).toEqual([
      'google-removals',
      'meta-content-restrictions',
      'meta-data-requests',
    ]);
  });
});

describe('countryPeriodStats', () => {
  it("gives a country-period's figures from the source", async () => {
    expect(await countryPeriodStats(t.writ, 'google-removals', 'KZ', '2021-H1')).toMatchObject({
      source: 'google-removals',
      country: 'KZ',
      period: '2021-H1',
      requests: 84,
      items: 30838,
    });
  });
});

describe('timeline', () => {
  it("sets the country's sources on one timeline with the settings' surge rule", async () => {
    const line = await timeline(t.writ, 'KZ');
    expect(line.surgeSettings).toEqual(settings);
    expect(line.series.map((s) => s.source)).toEqual(['google-removals', 'meta-data-requests', 'meta-content-restrictions']);
  });
});

describe('ranking', () => {
  it("ranks a period's countries, as many as asked", async () => {
    const ranked = await ranking(t.writ, 'meta-data-requests', '2021-H1', 2);
    expect(ranked.countries.map((c) => [c.country, c.requests])).toEqual([
      ['IN', 45275],
      ['CZ', 162],
    ]);
  });
});

describe('reasons', () => {
  it('gives the shares of the reasons of a country-period', async () => {
    const shares = await reasons(t.writ, 'google-removals', 'KZ', '2021-H1');
    expect(shares.requests).toBe(84);
    expect(shares.highlighted.governmentCriticism).toEqual({ requests: 34, share: 0.4048 });
  });
});

describe('surges', () => {
  it("follows the settings' rule, with a caller's own minimum of requests when given", async () => {
    const own = await surges(t.writ, 'google-removals', { country: 'KZ' });
    expect(own.settings).toEqual(settings);
    // 2016-H2's surge (between 10 and 12 requests) falls under the settings' minimum.
    expect(own.surges.map((s) => [s.period, s.requests])).toEqual([
      ['2023-H1', 188],
      ['2017-H2', 72],
      ['2016-H1', 14],
      ['2015-H2', 19],
    ]);
    const strict = await surges(t.writ, 'google-removals', { country: 'KZ', minRequests: 50 });
    expect(strict.settings).toEqual({ ...settings, minRequests: 50 });
    expect(strict.surges.map((s) => s.period)).toEqual(['2023-H1', '2017-H2']);
  });
});
