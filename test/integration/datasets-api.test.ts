/**
 * The public datasets API over the committed excerpts (test/fixtures/datasets/SOURCE.md) and a few
 * orders recorded on this platform. Expected values, counted by hand from the excerpt's lines:
 *
 *   Google KZ 2021-H1 (2025 vintage): requests 1+1+1+4+1+33+3+32+8 = 84; items 1 + 30,833 + 4 = 30,838;
 *     products YouTube 4+1+33+3+32+8 = 81, Google Sites 2, Google Play Apps 1;
 *     reasons Government Criticism 1+33 = 34, National Security 1+1+32 = 34 → shares 34/84 = 0.4048;
 *     outcomes: Police 4 items 100% legal (exact), DPA 1 item 100% no action (exact),
 *     ICA 30,833 items 1% policy / 99% no action (estimated: 308.33 and 30,524.67), so 4 / 308.33 / 0 / 0 / 30,525.67 / 0
 *   Google 2019-H1: KZ 1+1+2+1+4+15+1 = 25 requests (GC 5 → 0.2, NS 15 → 0.6), AT 1+6 = 7, NZ 6 (summary only)
 *   Meta IN 2021-H1: 45,275 requests, 68,485 accounts, 22,865 with some data → 0.505
 *   Meta KZ 2023-H2: 2 requests, 4 accounts; KZ is listed first in 2015-H2 and absent from 2017-H2 (counted 0)
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statsTable } from '../../src/cli/datasets-commands.js';
import { importDataset } from '../../src/datasets/import-dataset.js';
import type { DatasetSource } from '../../src/domain/datasets/sources.js';
import { createAuthority, createTestApp, dataRequestBody, newRequestBody, type TestApp } from '../support/app.js';
import { fixtures, readers } from './datasets-support.js';

let t: TestApp;
const imports: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const load = async (source: DatasetSource, folder: string) =>
    (await importDataset(readers(t.database.db).datasets, source, path.join(fixtures, folder))).importId;
  imports.google2024 = await load('google-removals', 'google-removals-2024-09');
  imports.google2025 = await load('google-removals', 'google-removals-2025-06');
  imports.json = await load('google-removals-json', 'google-removals-json');
  imports.meta = await load('meta-data-requests', 'meta-data-requests');
  // This platform's own orders from Kazakhstan: two removals and one user-data request in 2021-H1.
  const authority = await createAuthority(t, 'KZ');
  for (const [kind, at] of [
    ['content_removal', '2021-02-01T10:00:00Z'],
    ['content_removal', '2021-06-30T23:00:00Z'],
    ['user_data', '2021-03-01T10:00:00Z'],
  ]) {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: t.auth,
      payload:
        kind === 'user_data'
          ? dataRequestBody(authority.id, { receivedAt: at })
          : newRequestBody(authority.id, { kind, receivedAt: at }),
    });
    expect(created.statusCode, created.body).toBe(201);
  }
});
afterAll(async () => t?.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('statistics', () => {
  it("gives Google's KZ 2021-H1 with exactly the documented keys", async () => {
    const res = await get('/api/v1/public/datasets/google-removals/stats/kz/2021-H1');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      source: 'google-removals',
      country: 'KZ',
      period: '2021-H1',
      requests: 84,
      items: 30838,
      requestsToDate: 457,
      requestsByProduct: { YouTube: 81, 'Google Sites': 2, 'Google Play Apps': 1 },
      requestsByReason: {
        'Government Criticism': 34,
        'National Security': 34,
        Other: 8,
        Copyright: 4,
        'Hate Speech': 3,
        Fraud: 1,
      },
      requestsByRequester: { 'Information and Communications Authority': 79, Police: 4, 'Data Protection Authority': 1 },
      itemOutcomes: {
        removedLegal: 4,
        removedPolicy: 308.33,
        contentNotFound: 0,
        notEnoughInformation: 0,
        noActionTaken: 30525.67,
        contentAlreadyRemoved: 0,
      },
      itemOutcomesExact: false,
      warnings: ['requestsToDate leaves out 2010-H1, for which no number of requests is published'],
    });
    expect(statsTable(res.json())).toContain('Requests: 84   Items: 30,838   Requests to date: 457');
  });

  it('gives the exact outcomes from the JSON repackaging for the same country-period', async () => {
    const res = await get('/api/v1/public/datasets/google-removals-json/stats/KZ/2021-H1');
    // ICA: 164+1 policy, 10+1 not found, 1 NEI, 30,549+53+11+2+1+1+1 no action, 12+15+7+3+1 already removed; + Police 4 legal, DPA 1 no action
    expect(res.json()).toMatchObject({
      requests: 84,
      items: 30838,
      itemOutcomes: {
        removedLegal: 4,
        removedPolicy: 165,
        contentNotFound: 11,
        notEnoughInformation: 1,
        noActionTaken: 30619,
        contentAlreadyRemoved: 38,
      },
      itemOutcomesExact: true,
      warnings: [],
    });
  });

  it('says where files disagree, and what an earlier period lacked', async () => {
    const at = (await get('/api/v1/public/datasets/google-removals/stats/AT/2019-H1')).json();
    expect(at).toMatchObject({
      requests: 7,
      items: 422,
      requestsByRequester: { 'Data Protection Authority': 4, 'Government Officials': 2, Other: 1 },
    });
    expect(at.warnings).toEqual([
      expect.stringMatching(
        /^requests: historical\/google-government-detailed-removal-requests-historical\.csv counts 13, .* 7; 7 is used/,
      ),
      expect.stringMatching(/^requests: historical\/google-government-removal-requests-historical\.csv counts 13/),
      expect.stringMatching(
        /^items: historical\/google-government-removal-requests-historical\.csv counts 484, google-government-removal-requests\.csv 422/,
      ),
      expect.stringMatching(/^items: historical\/google-government-detailed-removal-requests-historical\.csv counts 484/),
    ]);
    const kz2010 = (await get('/api/v1/public/datasets/google-removals/stats/KZ/2010-H1')).json();
    expect(kz2010).toMatchObject({ requests: null, items: null, requestsToDate: 0 });
    expect(kz2010.warnings[0]).toMatch(/^requests: Google published only "<10"/);
  });

  it("gives Meta's figures, and a covered period without the country as zeros", async () => {
    expect((await get('/api/v1/public/datasets/meta-data-requests/stats/IN/2021-H1')).json()).toEqual({
      source: 'meta-data-requests',
      country: 'IN',
      period: '2021-H1',
      requests: 45275,
      accountsRequested: 68485,
      shareSomeDataProduced: 0.505,
      emergencyRequests: 2817,
      legalProcessRequests: 42458,
      warnings: [],
    });
    expect((await get('/api/v1/public/datasets/meta-data-requests/stats/KZ/2017-H2')).json()).toMatchObject({
      requests: 0,
      warnings: ['Meta lists no requests from KZ in 2017-H2; counted as 0'],
    });
    const us = (await get('/api/v1/public/datasets/meta-data-requests/stats/US/2013-H1')).json();
    expect(us).toMatchObject({ requests: null, accountsRequested: null, shareSomeDataProduced: 0.79 });
    expect(us.warnings[0]).toBe('number of requests published as "11,000 - 12,000"; no figure is used');
  });

  it('answers 404 where a source has nothing, 400 for a wrong source or period', async () => {
    const none = await get('/api/v1/public/datasets/google-removals/stats/KZ/2008-H1');
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({ code: 'not_found', detail: 'google-removals has no figures for KZ in 2008-H1' });
    const source = await get('/api/v1/public/datasets/bing/stats/KZ/2021-H1');
    expect(source.statusCode).toBe(400);
    expect(source.json()).toMatchObject({ code: 'validation_failed', field: 'source' });
    const period = await get('/api/v1/public/datasets/google-removals/stats/KZ/2021-06-30');
    expect(period.json()).toMatchObject({ field: 'period' });
  });
});

describe('comparison', () => {
  it("sets a country's sources and this platform's own figures on one timeline", async () => {
    const res = await get('/api/v1/public/datasets/timeline/KZ');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.countryName).toBe('Kazakhstan');
    expect(body.series.map((s: { source: string; requestKind: string }) => `${s.source}/${s.requestKind}`)).toEqual([
      'google-removals/content_removal',
      'google-removals-json/content_removal',
      'meta-data-requests/user_data',
      'meta-content-restrictions/content_removal',
      'platform/content_removal',
      'platform/user_data',
    ]);
    const point = (source: number, period: string) =>
      body.series[source].points.find((p: { period: string }) => p.period === period);
    expect(point(0, '2021-H1')).toMatchObject({ requests: 84, items: 30838, listed: true, surge: false });
    expect(point(0, '2015-H2')).toMatchObject({ requests: 19, surge: true, baselineMedian: 1.5, baselineMad: 1 });
    expect(point(0, '2015-H2').score).toBeCloseTo(11.804, 3);
    expect(body.surgeSettings).toEqual({ window: 6, minHistory: 4, threshold: 3.5, minRequests: 10 });
    expect(point(2, '2023-H2')).toMatchObject({ requests: 2, accounts: 4 });
    expect(point(2, '2017-H2')).toMatchObject({ requests: 0, accounts: 0, listed: false });
    // Meta's content restrictions: items restricted, no requests (the fixture's KZ row of 2022-H1).
    expect(point(3, '2022-H1')).toMatchObject({ requests: null, items: 14, listed: true });
    expect(point(4, '2021-H1')).toMatchObject({ requests: 2 });
    expect(point(5, '2021-H1')).toMatchObject({ requests: 1 });
    expect(body.periods[0]).toBe('2010-H1');
    // A country with nothing published is not found; ZZ is no country at all.
    expect((await get('/api/v1/public/datasets/timeline/AQ')).statusCode).toBe(404);
    expect((await get('/api/v1/public/datasets/timeline/ZZ')).json()).toMatchObject({ status: 400, field: 'country' });
  });

  it('ranks the countries of a period with the two reasons picked out', async () => {
    const res = await get('/api/v1/public/datasets/google-removals/rankings/2019-H1');
    expect(res.json().countries).toEqual([
      expect.objectContaining({
        rank: 1,
        country: 'KZ',
        requests: 25,
        items: 1581,
        governmentCriticismShare: 0.2,
        nationalSecurityShare: 0.6,
      }),
      expect.objectContaining({
        rank: 2,
        country: 'AT',
        requests: 7,
        items: 422,
        governmentCriticismShare: 0,
        nationalSecurityShare: 0,
      }),
      // Only in the historical summary: no reasons, so no shares.
      expect.objectContaining({ rank: 3, country: 'NZ', requests: 6, items: 11, governmentCriticismShare: null }),
    ]);
    const meta = (await get('/api/v1/public/datasets/meta-data-requests/rankings/2021-H1?limit=2')).json();
    expect(meta.countries.map((c: { country: string; requests: number }) => [c.country, c.requests])).toEqual([
      ['IN', 45275],
      ['CZ', 162],
    ]);
    expect((await get('/api/v1/public/datasets/google-removals/rankings/1999-H1')).statusCode).toBe(404);
  });

  it('gives the shares of reasons for a country-period', async () => {
    const res = (await get('/api/v1/public/datasets/google-removals/reasons/KZ/2021-H1')).json();
    expect(res.requests).toBe(84);
    expect(res.highlighted).toEqual({
      governmentCriticism: { requests: 34, share: 0.4048 },
      nationalSecurity: { requests: 34, share: 0.4048 },
    });
    expect(res.reasons[2]).toEqual({ reason: 'Other', requests: 8, share: 0.0952 });
    const meta = await get('/api/v1/public/datasets/meta-data-requests/reasons/KZ/2021-H1');
    expect(meta.statusCode).toBe(400);
  });

  it('lists surges with their baseline, honouring minRequests', async () => {
    const res = (await get('/api/v1/public/datasets/google-removals/surges?country=KZ')).json();
    expect(res.settings).toEqual({ window: 6, minHistory: 4, threshold: 3.5, minRequests: 10 });
    expect(res.surges.map((s: { period: string }) => s.period)).toEqual(['2023-H1', '2017-H2', '2016-H2', '2016-H1', '2015-H2']);
    expect(res.surges.at(-1)).toEqual({
      country: 'KZ',
      countryName: 'Kazakhstan',
      period: '2015-H2',
      requests: 19,
      baselineMedian: 1.5,
      baselineMad: 1,
      baselinePeriods: 6,
      score: 11.804,
    });
    const strict = (await get('/api/v1/public/datasets/google-removals/surges?country=KZ&minRequests=50')).json();
    expect(strict.surges.map((s: { period: string }) => s.period)).toEqual(['2023-H1', '2017-H2']);
  });
});

describe('index and documentation', () => {
  it('lists the sources with their vintages and every import, and gives an import’s warnings', async () => {
    const index = (await get('/api/v1/public/datasets')).json();
    expect(index.sources.map((s: { source: string; vintage: string }) => [s.source, s.vintage])).toEqual([
      ['google-removals', '2025-H1'],
      ['google-removals-json', '2025-H2'],
      ['meta-content-restrictions', '2023-H2'],
      ['meta-data-requests', '2023-H2'],
    ]);
    // Meta's content restrictions are imported with its requests: their own import of the same folder.
    expect(index.imports).toHaveLength(5);
    const meta = (await get(`/api/v1/public/datasets/imports/${imports.meta}`)).json();
    expect(meta.warnings).toHaveLength(6);
    expect(meta.warnings[2]).toEqual({
      file: 'PRPL-Facebook-Government-Report-2017_H2.csv',
      line: 4,
      message: '"Somaliland" is not a country with an ISO 3166 code; row not stored',
    });
  });

  it('documents every endpoint in OpenAPI', async () => {
    const paths = Object.keys((await get('/openapi.json')).json().paths).filter((p) => p.includes('/datasets'));
    expect(paths.sort()).toEqual([
      '/api/v1/public/datasets',
      '/api/v1/public/datasets/imports/{id}',
      '/api/v1/public/datasets/timeline/{country}',
      '/api/v1/public/datasets/{source}/rankings/{period}',
      '/api/v1/public/datasets/{source}/reasons/{country}/{period}',
      '/api/v1/public/datasets/{source}/stats/{country}/{period}',
      '/api/v1/public/datasets/{source}/surges',
    ]);
  });
});
