/**
 * How many statements an order costs the database (issue 9, item 3): the single path answers from
 * what it wrote instead of reading the request again, a batch of any size costs what one order
 * costs plus its key, and a request's session is looked up once. Each statement node-postgres sends
 * is one round trip; they are counted on the pool's connections as the real app runs.
 */
import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { createAuthority, createTestApp, newRequestBody, type TestApp } from '../support/app.js';

let t: TestApp;
let authorityId: string;
const statements: string[] = [];

/** Records the text of every statement any connection of `pool` sends from now on. */
function recordStatements(pool: pg.Pool) {
  const wrapped = new WeakSet<pg.PoolClient>();
  pool.on('acquire', (client) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      const [first] = args;
      statements.push(typeof first === 'string' ? first : String((first as { text?: string }).text));
      return query(...args);
    };
  });
}

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-06-01T00:00:00Z') });
  authorityId = (await createAuthority(t)).id;
  recordStatements(t.database.pool);
});
afterAll(async () => t?.close());
beforeEach(() => {
  statements.length = 0;
});

const sessionLookups = () => statements.filter((s) => /from "sessions"/i.test(s)).length;

it('records one order in one transaction of two statements, and answers without reading it again', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: t.auth,
    payload: newRequestBody(authorityId),
  });
  expect(res.statusCode, res.body).toBe(201);
  expect(sessionLookups()).toBe(1);
  // The session; then BEGIN, the insert of request, items and event, the rollups, COMMIT.
  expect(statements).toHaveLength(5);
  expect(statements.filter((s) => /^\s*select/i.test(s) && /from "requests"/i.test(s))).toEqual([]);
});

it('looks the authority up first only for an order under a regime', async () => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: t.auth,
    payload: newRequestBody(authorityId, { regime: 'kz-2022-child-cyberbullying', category: 'child_cyberbullying' }),
  });
  expect(res.statusCode, res.body).toBe(201);
  expect(sessionLookups()).toBe(1);
  expect(statements).toHaveLength(6);
});

it('records a batch of 100 orders with as many statements as one order, and its key', async () => {
  const orders = Array.from({ length: 100 }, (_, i) =>
    newRequestBody(authorityId, {
      authorityReference: `R-${i}`,
      items: [{ targetKind: 'account', target: `@a${i}`, product: 'P' }],
    }),
  );
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/requests/batch',
    headers: t.auth,
    payload: { batchKey: 'round-trips', orders },
  });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
  expect(sessionLookups()).toBe(1);
  // The session; BEGIN, the key, the authorities, the insert, the rollups, the answer, COMMIT.
  expect(statements).toHaveLength(8);
});

it('looks a session up once however many hooks and handlers ask who is signed in', async () => {
  for (const url of ['/api/v1/session', '/api/v1/requests?limit=1', `/api/v1/authorities`]) {
    statements.length = 0;
    const res = await t.app.inject({ method: 'GET', url, headers: t.auth });
    expect(res.statusCode, url).toBe(200);
    expect(sessionLookups(), url).toBe(1);
  }
});
