/**
 * Rate and size limits of the authority channel (issue 10, item 8): per client address and per API
 * key, writes and reads apart, in one-minute windows stored in PostgreSQL, so that two Writ
 * processes over one database hold one limit; 429 with Retry-After; JSON bodies capped at the
 * configured size with a 413 naming it. Two apps over one test database, each with its own pool.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { connect } from '../../src/db/connection.js';
import { buildApp } from '../../src/http/app.js';
import { addApiKey, createVerifiedAgency } from '../support/agencies.js';
import type { TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let database: TestDatabase;
let second: ReturnType<typeof connect>;
let one: FastifyInstance;
let two: FastifyInstance;
// 12:00:15 in a minute's window: 45 s to its end.
let clock = new Date('2026-06-01T12:00:15Z');

const BODY_LIMIT = 4096;

beforeAll(async () => {
  database = await createTestDatabase();
  second = connect(database.url, 5);
  const config = loadConfig({
    WRIT_DATA_DIR: '/nonexistent',
    LOG_LEVEL: 'silent',
    WRIT_RATE_LIMIT_ADDRESS_WRITES: '3',
    WRIT_RATE_LIMIT_ADDRESS_READS: '6',
    WRIT_RATE_LIMIT_KEY_WRITES: '2',
    WRIT_RATE_LIMIT_KEY_READS: '4',
    WRIT_AUTHORITY_BODY_LIMIT_BYTES: String(BODY_LIMIT),
  });
  const now = () => clock;
  one = await buildApp({ config, database, now, logger: false });
  two = await buildApp({
    config,
    database: { ...second, description: 'the second process', close: () => second.pool.end() },
    now,
    logger: false,
  });
});
afterAll(async () => {
  await one?.close();
  await two?.close();
  await second?.pool.end();
  await database?.close();
});

let addresses = 0;
/** A client address of its own, so that tests do not share a bucket. */
const newAddress = () => `10.0.${Math.floor(++addresses / 250)}.${addresses % 250}`;

const write = (app: FastifyInstance, remoteAddress: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/api/v1/authority/api-keys', remoteAddress, headers, payload: { name: 'k' } });
const read = (app: FastifyInstance, remoteAddress: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url: '/api/v1/authority/api-keys', remoteAddress, headers });

describe('per client address', () => {
  it('lets 3 writes a minute through and refuses the 4th with 429 and Retry-After to the window end', async () => {
    const address = newAddress();
    for (let i = 0; i < 3; i++) expect((await write(one, address)).statusCode).not.toBe(429);
    const refused = await write(one, address);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('45');
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.json()).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(refused.json().detail).toMatch(/at most 3 writes from this address a minute/);
    // Reads have their own, larger, budget; another address is not affected.
    expect((await read(one, address)).statusCode).not.toBe(429);
    expect((await write(one, newAddress())).statusCode).not.toBe(429);
  });

  it('counts a percent-encoded path to the same route', async () => {
    const address = newAddress();
    for (let i = 0; i < 3; i++) await write(one, address);
    const encoded = await one.inject({
      method: 'POST',
      url: '/api/v1/%61uthority/api-keys',
      remoteAddress: address,
      payload: { name: 'k' },
    });
    expect(encoded.statusCode).toBe(429);
  });

  it('holds across two processes over one database', async () => {
    const address = newAddress();
    const answers = [];
    for (const app of [one, two, one, two, one, two]) answers.push((await write(app, address)).statusCode === 429);
    expect(answers).toEqual([false, false, false, true, true, true]);
  });

  it('starts again in the next window, and old windows are cleared', async () => {
    const address = newAddress();
    for (let i = 0; i < 4; i++) await write(two, address);
    expect((await write(one, address)).statusCode).toBe(429);
    clock = new Date(clock.getTime() + 60_000);
    expect((await write(one, address)).statusCode).not.toBe(429);
    const { rows } = await database.pool.query('SELECT min(window_start) AS oldest FROM rate_limit_windows');
    expect(new Date(rows[0].oldest).getTime()).toBe(new Date('2026-06-01T12:01:00Z').getTime());
  });

  it('leaves the staff API alone', async () => {
    const address = newAddress();
    const anyone = await one.inject({ method: 'POST', url: '/api/v1/requests', remoteAddress: address, payload: {} });
    for (let i = 0; i < 5; i++)
      expect(
        (await one.inject({ method: 'POST', url: '/api/v1/requests', remoteAddress: address, payload: {} })).statusCode,
      ).toBe(anyone.statusCode);
    expect(anyone.statusCode).toBe(401);
  });
});

describe('per API key', () => {
  it('lets 2 writes a minute through, wherever they come from, and refuses the 3rd; another key is not affected', async () => {
    const t = { app: one, database } as unknown as TestApp;
    const agency = await createVerifiedAgency(t, 'KZ');
    const key = await addApiKey(t, agency.id);
    const other = await addApiKey(t, agency.id);
    expect((await write(one, newAddress(), key.auth)).statusCode).not.toBe(429);
    expect((await write(two, newAddress(), key.auth)).statusCode).not.toBe(429);
    const refused = await write(one, newAddress(), key.auth);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().detail).toMatch(/at most 2 writes with this API key a minute/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await write(two, newAddress(), other.auth)).statusCode).not.toBe(429);
    // Reads: 4 a minute for the key.
    const reads = [];
    for (let i = 0; i < 5; i++) reads.push((await read(i % 2 ? one : two, newAddress(), key.auth)).statusCode === 429);
    expect(reads).toEqual([false, false, false, false, true]);
  });
});

describe('body size', () => {
  it(`refuses a JSON body over the authority channel's limit with 413 naming it`, async () => {
    const agency = await createVerifiedAgency({ app: one, database } as unknown as TestApp, 'DE');
    const big = { name: 'x'.repeat(BODY_LIMIT) };
    const res = await one.inject({
      method: 'POST',
      url: '/api/v1/authority/api-keys',
      remoteAddress: newAddress(),
      headers: agency.auth,
      payload: big,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'payload_too_large', field: 'body' });
    expect(res.json().detail).toContain(String(BODY_LIMIT));
    const application = await one.inject({
      method: 'POST',
      url: '/api/v1/agencies/applications',
      remoteAddress: newAddress(),
      payload: big,
    });
    expect(application.statusCode).toBe(413);
  });

  it('takes a body of that size elsewhere (the rest of the API keeps its 5 MB)', async () => {
    const res = await one.inject({
      method: 'POST',
      url: '/api/v1/session',
      remoteAddress: newAddress(),
      payload: { email: 'someone@platform.example', password: 'x'.repeat(BODY_LIMIT) },
    });
    expect(res.statusCode).not.toBe(413);
    expect(res.json().code).not.toBe('payload_too_large');
  });
});
