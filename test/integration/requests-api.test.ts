import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/http/app.js';
import {
  createAuthority,
  createTestApp,
  dataRequestBody,
  newRequestBody,
  reviewerCredentials,
  type TestApp,
} from '../support/app.js';

let t: TestApp;
let authorityId: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-06-01T00:00:00Z') });
  authorityId = (await createAuthority(t)).id;
});
afterAll(async () => t?.close());

const count = async (table: string) => Number((await t.database.pool.query(`SELECT count(*) FROM ${table}`)).rows[0].count);

async function post(body: unknown) {
  return t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: t.auth, payload: body as object });
}

describe('recording an order', () => {
  it('stores the request with its items, a policy deadline (no regime named) and a history entry', async () => {
    const res = await post(newRequestBody(authorityId, { authorityReference: 'MCI-1' }));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(res.headers.location).toBe(`/api/v1/requests/${body.id}`);
    expect(body).toMatchObject({
      reference: expect.stringMatching(/^WR-\d{6}$/),
      status: 'received',
      receivedAt: '2026-03-10T18:30:00.000Z',
      authorityTimeZone: 'Asia/Almaty',
      authorityReference: 'MCI-1',
      dueAt: '2026-03-11T18:30:00.000Z',
      itemCount: 2,
      decidedItemCount: 0,
      authority: { id: authorityId, country: 'KZ' },
    });
    expect(body.items.map((i: { target: string; decision: unknown }) => [i.target, i.decision])).toEqual([
      ['https://video.example/watch/a', null],
      ['@someone', null],
    ]);
    expect(body.events).toHaveLength(1);
    expect(body.events[0]).toMatchObject({ type: 'request_received', actor: { name: 'Ana Reviewer' } });

    const read = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${body.id}`, headers: t.auth });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(body);
  });

  it.each([
    ['a missing field', (b: Record<string, unknown>) => ({ ...b, legalBasis: undefined }), 'legalBasis'],
    ['a malformed date', (b: Record<string, unknown>) => ({ ...b, receivedAt: '10/03/2026' }), 'receivedAt'],
    ['an unknown kind', (b: Record<string, unknown>) => ({ ...b, kind: 'takedown' }), 'kind'],
    ['no items', (b: Record<string, unknown>) => ({ ...b, items: [] }), 'items'],
    [
      'an item without a target',
      (b: Record<string, unknown>) => ({ ...b, items: [{ targetKind: 'url', product: 'Video' }] }),
      'items/0/target',
    ],
    ['an unknown time zone', (b: Record<string, unknown>) => ({ ...b, authorityTimeZone: 'Mars/Olympus' }), 'authorityTimeZone'],
    [
      'an unknown authority',
      (b: Record<string, unknown>) => ({ ...b, authorityId: '00000000-0000-4000-8000-000000000000' }),
      'authorityId',
    ],
    ['a receipt in the future', (b: Record<string, unknown>) => ({ ...b, receivedAt: '2026-07-01T00:00:00Z' }), 'receivedAt'],
  ])('refuses %s with a problem naming the field, and stores nothing', async (_, change, field) => {
    const before = [await count('requests'), await count('items'), await count('events')];
    const res = await post(change(newRequestBody(authorityId)));
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      status: 400,
      code: 'validation_failed',
      field,
      type: 'urn:writ:problem:validation_failed',
    });
    expect([await count('requests'), await count('items'), await count('events')]).toEqual(before);
  });

  it('refuses a body that is not JSON', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: { ...t.auth, 'content-type': 'application/json' },
      payload: '{"kind":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field: 'body' });
  });
});

describe('sign-in', () => {
  it('rejects every write without sign-in with 401, before looking at the body', async () => {
    const before = await count('requests');
    for (const [method, url] of [
      ['POST', '/api/v1/requests'],
      ['POST', '/api/v1/authorities'],
      ['PUT', '/api/v1/requests/00000000-0000-4000-8000-000000000000/items/00000000-0000-4000-8000-000000000000/decision'],
      ['POST', '/api/v1/requests/00000000-0000-4000-8000-000000000000/status'],
    ] as const) {
      const res = await t.app.inject({ method, url, payload: newRequestBody(authorityId) });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json()).toMatchObject({ code: 'unauthenticated', status: 401 });
    }
    expect(await count('requests')).toBe(before);
  });

  it('rejects a wrong password and an expired or unknown token', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'ana@platform.example', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('invalid_credentials');
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/requests', headers: { authorization: 'Bearer forged' } });
    expect(unknown.statusCode).toBe(401);
  });

  it('limits sign-in attempts per client, against password guessing', async () => {
    const config = loadConfig({ WRIT_DATA_DIR: '/nonexistent', WRIT_SIGNIN_ATTEMPTS_PER_MINUTE: '3' });
    const limited = await buildApp({ config, database: t.database, logger: false });
    try {
      const attempt = (password: string) =>
        limited.inject({ method: 'POST', url: '/api/v1/session', payload: { ...reviewerCredentials, password } });
      for (const guess of ['a', 'b', 'c']) expect((await attempt(guess)).statusCode).toBe(401);
      const blocked = await attempt(reviewerCredentials.password);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(blocked.json()).toMatchObject({
        status: 429,
        code: 'rate_limited',
        detail: expect.stringMatching(/try again in \d+ s/),
      });
    } finally {
      await limited.close();
    }
  });

  it('signs in with a cookie, and signing out ends the session', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'ANA@platform.example', password: 'correct horse battery' },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'writ_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    const headers = { cookie: `writ_session=${cookie!.value}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/session', headers })).json().user.email).toBe(
      'ana@platform.example',
    );
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/session', headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/session', headers })).statusCode).toBe(401);
  });
});

describe('listing', () => {
  it('filters by status, country, kind and due date, soonest deadline first', async () => {
    const ru = await createAuthority(t, 'RU', 'Roskomnadzor', 'communications_regulator');
    const a = (await post(newRequestBody(ru.id, { receivedAt: '2026-05-01T10:00:00Z' }))).json();
    const b = (await post(dataRequestBody(ru.id, { kind: 'user_data', receivedAt: '2026-04-01T10:00:00Z' }))).json();
    const list = async (query: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/v1/requests?${query}`, headers: t.auth })).json();

    const ruOnly = await list('country=ru');
    expect(ruOnly.total).toBe(2);
    expect(ruOnly.requests.map((r: { id: string }) => r.id)).toEqual([b.id, a.id]); // a due 2026-05-02, b due 2026-04-11
    expect((await list('country=RU&kind=user_data')).requests.map((r: { id: string }) => r.id)).toEqual([b.id]);
    expect((await list('country=RU&dueBefore=2026-04-30T00:00:00Z')).requests.map((r: { id: string }) => r.id)).toEqual([b.id]);
    expect((await list('country=RU&status=decided,closed')).total).toBe(0);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/requests?status=bogus', headers: t.auth });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toMatch(/^status/);
  });
});

describe('errors', () => {
  it('answers an unknown route and an unknown request with problem+json 404', async () => {
    const route = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(route.statusCode).toBe(404);
    expect(route.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(route.json()).toMatchObject({ code: 'not_found', status: 404 });
    const request = await t.app.inject({
      method: 'GET',
      url: '/api/v1/requests/00000000-0000-4000-8000-000000000000',
      headers: t.auth,
    });
    expect(request.statusCode).toBe(404);
    expect(request.json().code).toBe('not_found');
  });

  it('serves health, OpenAPI 3.1 and the docs', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json().status).toBe('ok');
    const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/requests',
        '/api/v1/requests/{id}/items/{itemId}/decision',
        '/api/v1/public/reports/{country}/{period}',
      ]),
    );
    const newOrder = spec.paths['/api/v1/requests'].post.requestBody.content['application/json'].schema;
    expect(newOrder.required).toEqual(expect.arrayContaining(['kind', 'authorityId', 'legalBasis']));
    // A removal order names items, a data order its data part (issue 11): neither is required of both.
    expect(Object.keys(newOrder.properties)).toEqual(expect.arrayContaining(['items', 'dataRequest']));
    expect((await t.app.inject({ method: 'GET', url: '/docs/' })).statusCode).toBe(200);
  });
});

describe('registering an authority', () => {
  it('keeps its time zone, refuses one that is not IANA, and refuses a second of the same name', async () => {
    const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/authorities', headers: t.auth, payload });
    const bad = await post({
      country: 'AM',
      name: 'Ministry of High-Tech Industry',
      kind: 'other_executive',
      timeZone: 'Mars/Base',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed', field: 'timeZone' });
    const made = await post({
      country: 'am',
      name: 'Ministry of High-Tech Industry',
      kind: 'other_executive',
      timeZone: 'Asia/Yerevan',
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ country: 'AM', timeZone: 'Asia/Yerevan' });
    const again = await post({ country: 'AM', name: 'Ministry of High-Tech Industry', kind: 'other_executive' });
    expect(again.statusCode).toBe(409);
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/authorities?country=AM', headers: t.auth })).json();
    expect(list.authorities).toEqual([
      expect.objectContaining({ name: 'Ministry of High-Tech Industry', timeZone: 'Asia/Yerevan' }),
    ]);
  });
});
