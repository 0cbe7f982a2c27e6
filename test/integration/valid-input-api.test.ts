/**
 * What the API refuses because it cannot be right: a country code that is withdrawn (SU) or was
 * never assigned (XX), a half-year after the current one, and a `url` item that is not an absolute
 * http(s) URL. Each is a 400 problem naming the field, and nothing is stored. The clock is fixed at
 * 2026-03-11, so the current half-year is 2026-H1 and 2026-H2 is the first one refused.
 *
 * Published data: Meta's 2021_H1 and 2023_H2 rows of the countries whose names the runtime once
 * mapped to withdrawn codes (test/fixtures/datasets/meta-data-requests-renamed): Russia 33 requests
 * for 30 accounts in 2021-H1, 1 request in 2023-H2.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../src/datasets/import-dataset.js';
import { createAuthority, createTestApp, newRequestBody, type TestApp } from '../support/app.js';
import { fixtures, readers } from './datasets-support.js';

let t: TestApp;
let authorityId: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-03-11T00:00:00Z') });
  authorityId = (await createAuthority(t, 'KZ')).id;
  await importDataset(readers(t.database.db).datasets, 'meta-data-requests', path.join(fixtures, 'meta-data-requests-renamed'));
});
afterAll(async () => t?.close());

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: t.auth });
const send = (method: 'POST' | 'PUT', url: string, payload: object) => t.app.inject({ method, url, headers: t.auth, payload });
const requestCount = async () => (await get('/api/v1/requests?limit=1')).json().total as number;

describe('country codes', () => {
  it("shows Meta's Russia series under RU, the code assigned today", async () => {
    const res = await get('/api/v1/public/datasets/timeline/RU');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ country: 'RU', countryName: 'Russia' });
    const meta = res.json().series.find((s: { source: string }) => s.source === 'meta-data-requests');
    expect(meta.points).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ period: '2021-H1', requests: 33, accounts: 30, listed: true }),
        expect.objectContaining({ period: '2023-H2', requests: 1, listed: true }),
      ]),
    );
    for (const [code, requests] of [
      ['FR', 13822],
      ['GB', 10678],
      ['RS', 296],
    ] as const)
      expect((await get(`/api/v1/public/datasets/meta-data-requests/stats/${code}/2021-H1`)).json().requests).toBe(requests);
  });

  it('refuses withdrawn and unassigned codes wherever a country comes in, naming the field', async () => {
    for (const url of [
      '/api/v1/public/datasets/timeline/SU',
      '/api/v1/public/datasets/meta-data-requests/stats/XX/2021-H1',
      '/api/v1/public/datasets/google-removals/surges?country=YU',
      '/api/v1/public/reports/SU/2021-H1',
      '/api/v1/requests?country=XX',
      '/api/v1/authorities?country=UK',
      '/api/v1/obligations?country=SU',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toMatchObject({ code: 'validation_failed', field: 'country' });
      expect(res.json().detail, url).toContain('currently assigned ISO 3166-1 alpha-2');
    }

    const authority = await send('POST', '/api/v1/authorities', {
      country: 'SU',
      name: 'Soviet ministry',
      kind: 'other_executive',
    });
    expect(authority.statusCode).toBe(400);
    expect(authority.json()).toMatchObject({ field: 'country' });
    const kz = await send('POST', '/api/v1/authorities', { country: 'kz', name: 'Akimat of Almaty', kind: 'other_executive' });
    expect(kz.statusCode, kz.body).toBe(201);
    expect(kz.json().country).toBe('KZ');

    const figure = await send('POST', '/api/v1/obligations/figures', {
      country: 'XX',
      metric: 'users',
      value: 1,
      measuredOn: '2026-01-01',
    });
    expect(figure.json()).toMatchObject({ status: 400, field: 'country' });
  });

  it('keeps EU for EU-wide figures and published counts, but not as a country of an authority or a scope', async () => {
    const figure = await send('POST', '/api/v1/obligations/figures', {
      country: 'EU',
      metric: 'monthly_active_recipients',
      value: 1000,
      measuredOn: '2026-01-01',
    });
    expect(figure.statusCode, figure.body).toBe(201);
    expect((await get('/api/v1/obligations?country=EU')).statusCode).toBe(200);
    // No published EU rows in this database: "nothing", not "no such code".
    expect((await get('/api/v1/public/datasets/timeline/EU')).statusCode).toBe(404);
    const authority = await send('POST', '/api/v1/authorities', { country: 'EU', name: 'A body', kind: 'other_executive' });
    expect(authority.json()).toMatchObject({ status: 400, field: 'country' });
  });

  it("refuses a withdrawn code in a decision's territorial scope", async () => {
    const created = await send('POST', '/api/v1/requests', newRequestBody(authorityId));
    expect(created.statusCode, created.body).toBe(201);
    const { id, items } = created.json();
    const decide = (scopeCountries: string[]) =>
      send('PUT', `/api/v1/requests/${id}/items/${items[0].id}/decision`, {
        outcome: 'removed_legal',
        reason: 'National Security',
        scopeCountries,
        rationale: 'unlawful there',
      });
    const refused = await decide(['KZ', 'SU']);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ field: 'scopeCountries/1' });
    expect((await decide(['kz'])).statusCode).toBe(200);
  });
});

describe('half-years', () => {
  it('refuses a half-year after the current one (2026-H1 at the fixed clock), naming the field', async () => {
    for (const url of [
      '/api/v1/public/reports/KZ/2026-H2',
      '/api/v1/public/reports/KZ/2027-H1/deadlines',
      '/api/v1/public/datasets/meta-data-requests/stats/RU/2026-H2',
      '/api/v1/public/datasets/meta-data-requests/rankings/2030-H1',
      '/api/v1/public/datasets/google-removals/reasons/RU/2026-H2',
      '/api/v1/public/datasets/google-removals/surges?period=2026-H2',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toMatchObject({ code: 'validation_failed', field: 'period' });
      expect(res.json().detail, url).toContain('must not be after the current half-year, 2026-H1');
    }
    expect((await get('/api/v1/public/reports/KZ/2026-H1')).statusCode).toBe(200);
    expect((await get('/api/v1/public/reports/KZ/2026-H1/deadlines')).statusCode).toBe(200);
    expect((await get('/api/v1/public/reports/KZ/2021-Q1')).json()).toMatchObject({ status: 400, field: 'period' });
  });
});

describe('items by kind', () => {
  it('refuses a url item that is not an absolute http(s) URL and stores nothing', async () => {
    const before = await requestCount();
    for (const target of ['not a url', 'video.example/watch/a', 'ftp://files.example/a', 'javascript:alert(1)', 'https://a b']) {
      const res = await send(
        'POST',
        '/api/v1/requests',
        newRequestBody(authorityId, {
          items: [
            { targetKind: 'account', target: 'not a url either, and fine', product: 'Profiles' },
            { targetKind: 'url', target, product: 'Video' },
          ],
        }),
      );
      expect(res.statusCode, target).toBe(400);
      expect(res.json(), target).toMatchObject({ code: 'validation_failed', field: 'items/1/target' });
      expect(res.json().detail, target).toContain('must be an absolute http(s) URL');
    }
    expect(await requestCount()).toBe(before);
    const ok = await send(
      'POST',
      '/api/v1/requests',
      newRequestBody(authorityId, { items: [{ targetKind: 'url', target: 'http://video.example/watch?v=1', product: 'Video' }] }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
  });
});
