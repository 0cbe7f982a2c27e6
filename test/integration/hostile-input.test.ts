/**
 * Issue 7, findings 2–5: security headers and the Origin check, text PostgreSQL cannot store
 * (NUL, lone surrogates), dates outside the span Writ records, and non-Latin evidence file names.
 * Every refusal is a 400 problem naming the field, and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthority, createTestApp, newRequestBody, reviewerCredentials, type TestApp } from '../support/app.js';
import { rowCounts as countRows } from '../support/database.js';

let t: TestApp;
let authorityId: string;
let requestId: string;
let itemId: string;
const duty = '/api/v1/obligations/KZ/kz-2022-child-cyberbullying/legal-representative';

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-03-11T09:00:00Z') });
  authorityId = (await createAuthority(t)).id;
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: t.auth,
    payload: newRequestBody(authorityId),
  });
  expect(created.statusCode).toBe(201);
  requestId = created.json().id;
  itemId = created.json().items[0].id;
});
afterAll(async () => t?.close());

/** Rows in every table Writ keeps (but sessions), to prove a refusal wrote nothing. */
const rowCounts = () => countRows(t.database.pool, (table) => table === 'sessions');

type Case = {
  name: string;
  method: 'POST' | 'PUT';
  url: () => string;
  body: (bad: string) => object;
  field: string;
  auth?: boolean;
};

const decision = (rationale: string) => ({ outcome: 'no_action', reason: 'Other', rationale });
const freeTextFields: Case[] = [
  {
    name: 'authority name',
    method: 'POST',
    url: () => '/api/v1/authorities',
    body: (v) => ({ country: 'KZ', name: v, kind: 'court' }),
    field: 'name',
  },
  {
    name: 'legal basis',
    method: 'POST',
    url: () => '/api/v1/requests',
    body: (v) => newRequestBody(authorityId, { legalBasis: v }),
    field: 'legalBasis',
  },
  {
    name: 'claimed category',
    method: 'POST',
    url: () => '/api/v1/requests',
    body: (v) => newRequestBody(authorityId, { claimedCategories: [v] }),
    field: 'claimedCategories/0',
  },
  {
    name: 'authority reference',
    method: 'POST',
    url: () => '/api/v1/requests',
    body: (v) => newRequestBody(authorityId, { authorityReference: v }),
    field: 'authorityReference',
  },
  {
    name: 'item target',
    method: 'POST',
    url: () => '/api/v1/requests',
    body: (v) => newRequestBody(authorityId, { items: [{ targetKind: 'account', target: v, product: 'Video' }] }),
    field: 'items/0/target',
  },
  {
    name: 'item product',
    method: 'POST',
    url: () => '/api/v1/requests',
    body: (v) => newRequestBody(authorityId, { items: [{ targetKind: 'account', target: '@x', product: v }] }),
    field: 'items/0/product',
  },
  {
    name: 'time zone',
    method: 'POST',
    url: () => '/api/v1/requests',
    body: (v) => newRequestBody(authorityId, { authorityTimeZone: v }),
    field: 'authorityTimeZone',
  },
  {
    name: 'decision rationale',
    method: 'PUT',
    url: () => `/api/v1/requests/${requestId}/items/${itemId}/decision`,
    body: (v) => decision(v),
    field: 'rationale',
  },
  {
    name: 'status note',
    method: 'POST',
    url: () => `/api/v1/requests/${requestId}/status`,
    body: (v) => ({ status: 'in_review', note: v }),
    field: 'note',
  },
  {
    name: 'recompute note',
    method: 'POST',
    url: () => `/api/v1/requests/${requestId}/deadline/recompute`,
    body: (v) => ({ note: v }),
    field: 'note',
  },
  {
    name: 'figure note',
    method: 'POST',
    url: () => '/api/v1/obligations/figures',
    body: (v) => ({ country: 'KZ', metric: 'users', value: 5, measuredOn: '2026-01-01', note: v }),
    field: 'note',
  },
  { name: 'duty owner', method: 'PUT', url: () => duty, body: (v) => ({ status: 'in_progress', owner: v }), field: 'owner' },
  { name: 'duty note', method: 'PUT', url: () => duty, body: (v) => ({ status: 'in_progress', note: v }), field: 'note' },
  { name: 'evidence note', method: 'POST', url: () => `${duty}/evidence`, body: (v) => ({ note: v }), field: 'note' },
  {
    name: 'evidence file name',
    method: 'POST',
    url: () => `${duty}/evidence`,
    body: (v) => ({ note: 'n', fileName: v, contentType: 'text/plain', contentBase64: 'aGk=' }),
    field: 'fileName',
  },
  {
    name: 'sign-in email',
    method: 'POST',
    url: () => '/api/v1/session',
    body: (v) => ({ email: v, password: 'whatever it is' }),
    field: 'email',
    auth: false,
  },
  {
    name: 'a key of the body',
    method: 'POST',
    url: () => '/api/v1/authorities',
    body: () => ({ country: 'KZ', name: 'n', kind: 'court', 'x\u0000': 1 }),
    field: 'x\u0000',
  },
];

describe('text PostgreSQL cannot store faithfully', () => {
  for (const bad of [
    { what: 'a NUL byte', value: 'a\u0000b', message: /NUL/ },
    { what: 'a lone surrogate', value: 'a\ud800b', message: /surrogate/ },
    { what: 'a lone low surrogate', value: '\udc00', message: /surrogate/ },
  ]) {
    it(`refuses ${bad.what} in every free-text field with a 400 naming the field, changing nothing`, async () => {
      const before = await rowCounts();
      for (const c of freeTextFields) {
        const res = await t.app.inject({
          method: c.method,
          url: c.url(),
          headers: c.auth === false ? {} : t.auth,
          payload: c.body(bad.value),
        });
        expect(res.statusCode, `${c.name}: ${res.body}`).toBe(400);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.json(), c.name).toMatchObject({ code: 'validation_failed', field: c.field });
        if (c.name !== 'a key of the body') expect(res.json().detail).toMatch(bad.message);
      }
      expect(await rowCounts()).toEqual(before);
    });
  }

  it('refuses them in path parameters and query strings too', async () => {
    const path = await t.app.inject({ method: 'GET', url: '/api/v1/regimes/kz%00x', headers: t.auth });
    expect(path.statusCode).toBe(400);
    expect(path.json()).toMatchObject({ code: 'validation_failed', field: 'id' });
    const query = await t.app.inject({ method: 'GET', url: '/api/v1/requests?country=%00K', headers: t.auth });
    expect(query.statusCode).toBe(400);
    expect(query.json()).toMatchObject({ code: 'validation_failed', field: 'country' });
  });

  it('keeps well-formed text that is merely unusual: pairs of surrogates (emoji), Cyrillic, right-to-left', async () => {
    const name = 'Министерство 📜 وزارة';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/authorities',
      headers: t.auth,
      payload: { country: 'KZ', name, kind: 'court' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe(name);
  });
});

describe('dates outside the span Writ records', () => {
  it.each([
    ['0000-01-01T00:00:00Z'],
    ['0001-01-01T00:00:00Z'],
    ['1900-01-01T00:00:00Z'],
    ['1999-12-31T23:59:59Z'],
    ['2100-01-01T00:00:00Z'],
    ['9999-12-31T23:59:59Z'],
  ])('refuses an order received at %s, changing nothing', async (receivedAt) => {
    const before = await rowCounts();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: t.auth,
      payload: newRequestBody(authorityId, { receivedAt }),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field: 'receivedAt' });
    expect(await rowCounts()).toEqual(before);
  });

  it('accepts the first instant of 2000 and refuses a receipt after the platform clock', async () => {
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: t.auth,
      payload: newRequestBody(authorityId, { receivedAt: '2000-01-01T00:00:00Z' }),
    });
    expect(first.statusCode, first.body).toBe(201);
    const future = await t.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: t.auth,
      payload: newRequestBody(authorityId, { receivedAt: '2026-03-12T09:00:00Z' }),
    });
    expect(future.json()).toMatchObject({ code: 'validation_failed', field: 'receivedAt' });
    const periods = (await t.app.inject({ method: 'GET', url: '/api/v1/public/reports' }))
      .json()
      .periods.map((p: { period: string }) => p.period);
    for (const period of periods) expect(period).toMatch(/^20\d\d-H[12]$/);
  });

  it('bounds the other dates: a filter, a deadline preview and a figure', async () => {
    const filter = await t.app.inject({ method: 'GET', url: '/api/v1/requests?dueBefore=0000-01-01T00:00:00Z', headers: t.auth });
    expect(filter.json()).toMatchObject({ code: 'validation_failed', field: 'dueBefore' });
    const preview = await t.app.inject({
      method: 'GET',
      url: '/api/v1/regimes/kz-2022-child-cyberbullying/deadline?kind=content_removal&receivedAt=0001-01-01T00:00:00Z',
      headers: t.auth,
    });
    expect(preview.json()).toMatchObject({ code: 'validation_failed', field: 'receivedAt' });
    const figure = await t.app.inject({
      method: 'POST',
      url: '/api/v1/obligations/figures',
      headers: t.auth,
      payload: { country: 'KZ', metric: 'users', value: 5, measuredOn: '1900-01-01' },
    });
    expect(figure.json()).toMatchObject({ code: 'validation_failed', field: 'measuredOn' });
  });
});

describe('evidence files with non-Latin names', () => {
  it.each([['Приказ.pdf'], ['court order 📜.pdf'], ['قرار.pdf'], ['a"b\\c.pdf']])(
    'downloads %s with its name encoded per RFC 6266',
    async (fileName) => {
      const upload = await t.app.inject({
        method: 'POST',
        url: `${duty}/evidence`,
        headers: t.auth,
        payload: {
          note: 'the order',
          fileName,
          contentType: 'application/pdf',
          contentBase64: Buffer.from('%PDF-1.4').toString('base64'),
        },
      });
      expect(upload.statusCode, upload.body).toBe(201);
      const download = await t.app.inject({ method: 'GET', url: upload.json().downloadUrl, headers: t.auth });
      expect(download.statusCode).toBe(200);
      const disposition = String(download.headers['content-disposition']);
      expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"/);
      const encoded = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
      expect(decodeURIComponent(encoded ?? disposition.match(/filename="(.*)"/)?.[1] ?? '').replace(/\\(.)/g, '$1')).toBe(
        fileName,
      );
      expect(download.headers['content-security-policy']).toMatch(/sandbox/);
      expect(download.rawPayload.toString()).toBe('%PDF-1.4');
    },
  );
});

describe('security headers and the Origin check', () => {
  it('sends a strict policy on the app, the API and the docs', async () => {
    for (const url of ['/', '/review', '/api/v1/public/reports', '/openapi.json', '/docs/', '/healthz', '/api/v1/nope']) {
      const res = await t.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('refuses a state-changing request from another origin, even another port on the same host', async () => {
    const before = await rowCounts();
    for (const origin of ['http://127.0.0.1:9999', 'https://evil.example', 'null']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/authorities',
        headers: { ...t.auth, host: '127.0.0.1:8080', origin },
        payload: { country: 'KZ', name: 'Forged', kind: 'court' },
      });
      expect(res.statusCode, origin).toBe(403);
      expect(res.json()).toMatchObject({ code: 'forbidden', field: 'origin' });
    }
    const crossSite = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'sec-fetch-site': 'cross-site' },
      payload: reviewerCredentials,
    });
    expect(crossSite.statusCode).toBe(403);
    expect(await rowCounts()).toEqual(before);
  });

  it('lets the same origin, API clients without an Origin, and reads from anywhere through', async () => {
    const same = await t.app.inject({
      method: 'POST',
      url: '/api/v1/authorities',
      headers: { ...t.auth, host: '127.0.0.1:8080', origin: 'http://127.0.0.1:8080' },
      payload: { country: 'KZ', name: 'Same origin', kind: 'court' },
    });
    expect(same.statusCode).toBe(201);
    const defaultPort = await t.app.inject({
      method: 'POST',
      url: '/api/v1/authorities',
      headers: { ...t.auth, host: 'writ.example:80', origin: 'http://writ.example' },
      payload: { country: 'KZ', name: 'Default port', kind: 'court' },
    });
    expect(defaultPort.statusCode).toBe(201);
    const api = await t.app.inject({
      method: 'POST',
      url: '/api/v1/authorities',
      headers: t.auth,
      payload: { country: 'KZ', name: 'API', kind: 'court' },
    });
    expect(api.statusCode).toBe(201);
    const read = await t.app.inject({
      method: 'GET',
      url: '/api/v1/public/reports',
      headers: { origin: 'https://news.example' },
    });
    expect(read.statusCode).toBe(200);
  });
});
