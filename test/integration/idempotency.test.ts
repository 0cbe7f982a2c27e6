/**
 * Idempotency-Key on writes (issue 10, item 3; docs/decisions/0042-idempotency-keys.md), on the
 * staff's POST /api/v1/requests: a retry with the same key and body gets the first answer and
 * creates nothing; another body is a 409; 50 concurrent retries make one order; an answer that is a
 * refusal is kept, a failure is not; the order and the key's answer commit together or not at all.
 */
import { hash } from '@node-rs/argon2';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usersRepository } from '../../src/db/users-repository.js';
import { addApiKey, createVerifiedAgency } from '../support/agencies.js';
import { createAuthority, createTestApp, newRequestBody, type TestApp } from '../support/app.js';

let t: TestApp;
let authorityId: string;
let clock = new Date('2026-06-01T00:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  authorityId = (await createAuthority(t)).id;
});
afterAll(async () => t?.close());

let n = 0;
const newKey = () => `key-${++n}-${Math.random().toString(36).slice(2)}`;
const order = (reference: string, overrides: Record<string, unknown> = {}) =>
  newRequestBody(authorityId, { authorityReference: reference, ...overrides });

const post = (key: string | undefined, body: unknown, headers: Record<string, string> = t.auth) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: { ...headers, ...(key === undefined ? {} : { 'idempotency-key': key }) },
    payload: body as object,
  });

const requestsWith = async (reference: string) =>
  Number(
    (await t.database.pool.query('SELECT count(*) FROM requests WHERE authority_reference = $1', [reference])).rows[0].count,
  );
const storedKeys = async (key: string) =>
  Number((await t.database.pool.query('SELECT count(*) FROM idempotency_keys WHERE key = $1', [key])).rows[0].count);

const replayed = (res: LightMyRequestResponse) => res.headers['idempotent-replayed'];

describe('a retry with the same key', () => {
  it('gets the first answer, marked as replayed, and creates nothing', async () => {
    const key = newKey();
    const first = await post(key, order('IDEM-1'));
    expect(first.statusCode).toBe(201);
    expect(replayed(first)).toBeUndefined();
    const again = await post(key, order('IDEM-1'));
    expect(again.statusCode).toBe(201);
    expect(replayed(again)).toBe('true');
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    expect(again.body).toBe(first.body);
    expect(await requestsWith('IDEM-1')).toBe(1);
  });

  it('without a key, the same body twice is two orders', async () => {
    await post(undefined, order('IDEM-NONE'));
    await post(undefined, order('IDEM-NONE'));
    expect(await requestsWith('IDEM-NONE')).toBe(2);
  });

  it('with another body is refused with 409 naming the header, and creates nothing', async () => {
    const key = newKey();
    expect((await post(key, order('IDEM-2'))).statusCode).toBe(201);
    const other = await post(key, order('IDEM-2-OTHER'));
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ code: 'idempotency_key_reused', field: 'Idempotency-Key' });
    expect(await requestsWith('IDEM-2-OTHER')).toBe(0);
  });

  it('on another operation is refused with 409', async () => {
    const key = newKey();
    const created = await post(key, order('IDEM-3'));
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${created.json().id}/status`,
      headers: { ...t.auth, 'idempotency-key': key },
      payload: { status: 'closed', note: 'done' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'idempotency_key_reused', field: 'Idempotency-Key' });
  });

  it("is another client's own key when another account sends it", async () => {
    await usersRepository(t.database.db).create({
      email: 'ben@platform.example',
      name: 'Ben Reviewer',
      passwordHash: await hash('another correct horse'),
    });
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'ben@platform.example', password: 'another correct horse' },
    });
    const ben = { authorization: `Bearer ${signIn.json().token}` };
    const key = newKey();
    expect((await post(key, order('IDEM-4'))).statusCode).toBe(201);
    const bens = await post(key, order('IDEM-4'), ben);
    expect(bens.statusCode).toBe(201);
    expect(replayed(bens)).toBeUndefined();
    expect(await requestsWith('IDEM-4')).toBe(2);
  });
});

describe('concurrent retries', () => {
  it('50 at once create exactly one order and get 50 identical answers', async () => {
    const key = newKey();
    const answers = await Promise.all(Array.from({ length: 50 }, () => post(key, order('IDEM-50'))));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(50).fill(201));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(answers.filter((a) => replayed(a) === 'true')).toHaveLength(49);
    expect(await requestsWith('IDEM-50')).toBe(1);
  });
});

describe('concurrent retries of an authority order', () => {
  it('50 at once with an API key create exactly one order, one receipt mail, and get 50 identical answers', async () => {
    const agency = await createVerifiedAgency(t, 'KZ', { timeZone: 'Asia/Almaty' });
    const apiKey = await addApiKey(t, agency.id);
    const body = {
      kind: 'content_removal',
      legalBasis: 'Law on Online Platforms, Art. 19',
      signer: 'A. Officer, Deputy Minister',
      statementOfReasons: 'The video harasses a named child.',
      authorityReference: 'IDEM-AUTH-50',
      items: [{ targetKind: 'url', target: 'https://video.example/watch/idem', product: 'Video' }],
    };
    const key = newKey();
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/authority/orders',
          headers: { ...apiKey.auth, 'idempotency-key': key },
          payload: body,
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(50).fill(201));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(answers.filter((a) => replayed(a) === 'true')).toHaveLength(49);
    expect(await requestsWith('IDEM-AUTH-50')).toBe(1);
    const channel = await t.database.pool.query('SELECT count(*)::int AS n FROM channel_orders WHERE agency_id = $1', [
      agency.id,
    ]);
    expect(channel.rows[0].n).toBe(1);
    const mails = await t.database.pool.query('SELECT count(*)::int AS n FROM mail_outbox WHERE agency_id = $1', [agency.id]);
    expect(mails.rows[0].n).toBe(1);
    // Keyed per API key.
    const stored = await t.database.pool.query('SELECT principal FROM idempotency_keys WHERE key = $1', [key]);
    expect(stored.rows).toEqual([{ principal: `key:${apiKey.id}` }]);
  });
});

describe('an anonymous write', () => {
  it("is keyed to the client's address: an agency's application, retried, is one application", async () => {
    const application = {
      country: 'KZ',
      name: 'Idempotent Ministry',
      kind: 'communications_regulator',
      domain: 'idem.gov.kz',
      legalMandate: 'Law on Online Platforms, Art. 19',
      contactName: 'First Officer',
      contactEmail: 'first@idem.gov.kz',
    };
    const key = newKey();
    const apply = (remoteAddress: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/agencies/applications',
        remoteAddress,
        headers: { 'idempotency-key': key },
        payload: application,
      });
    const first = await apply('203.0.113.7');
    expect(first.statusCode).toBe(201);
    const again = await apply('203.0.113.7');
    expect(replayed(again)).toBe('true');
    expect(again.body).toBe(first.body);
    const stored = await t.database.pool.query('SELECT principal FROM idempotency_keys WHERE key = $1', [key]);
    expect(stored.rows).toEqual([{ principal: 'addr:203.0.113.7' }]);
    const agencies = await t.database.pool.query("SELECT count(*)::int AS n FROM agencies WHERE name = 'Idempotent Ministry'");
    expect(agencies.rows[0].n).toBe(1);
    // From another address the same key is another client's: it runs, and the name is taken (409, not a replay).
    const elsewhere = await apply('198.51.100.9');
    expect(replayed(elsewhere)).toBeUndefined();
  });
});

describe('what is kept', () => {
  it('a refusal (400) is an answer: replayed, and the key stays bound to that body', async () => {
    const key = newKey();
    const bad = order('IDEM-5', { items: [] });
    const first = await post(key, bad);
    expect(first.statusCode).toBe(400);
    const again = await post(key, bad);
    expect(again.statusCode).toBe(400);
    expect(replayed(again)).toBe('true');
    expect(again.body).toBe(first.body);
    expect((await post(key, order('IDEM-5'))).statusCode).toBe(409);
    expect(await requestsWith('IDEM-5')).toBe(0);
  });

  it('a failure (5xx) is not: the key is free and the retry runs', async () => {
    // The database itself refuses this order (a trigger), so the first call fails with a 500.
    await t.database.pool.query(`
      CREATE FUNCTION refuse_order() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused for the test'; END $$;
      CREATE TRIGGER refuse_order BEFORE INSERT ON requests FOR EACH ROW
        WHEN (NEW.authority_reference = 'IDEM-6') EXECUTE FUNCTION refuse_order();`);
    const key = newKey();
    try {
      const failed = await post(key, order('IDEM-6'));
      expect(failed.statusCode).toBe(500);
      expect(await storedKeys(key)).toBe(0);
    } finally {
      await t.database.pool.query('DROP TRIGGER refuse_order ON requests; DROP FUNCTION refuse_order()');
    }
    const retry = await post(key, order('IDEM-6'));
    expect(retry.statusCode).toBe(201);
    expect(replayed(retry)).toBeUndefined();
    expect(await requestsWith('IDEM-6')).toBe(1);
  });

  it('the order and its answer commit together: when the answer cannot be stored, there is no order', async () => {
    const key = newKey();
    await t.database.pool.query(`
      CREATE FUNCTION refuse_answer() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'answer refused for the test'; END $$;
      CREATE TRIGGER refuse_answer BEFORE UPDATE ON idempotency_keys FOR EACH ROW
        WHEN (NEW.key = '${key}') EXECUTE FUNCTION refuse_answer();`);
    try {
      const res = await post(key, order('IDEM-7'));
      expect(res.statusCode).toBe(500);
    } finally {
      await t.database.pool.query('DROP TRIGGER refuse_answer ON idempotency_keys; DROP FUNCTION refuse_answer()');
    }
    expect(await requestsWith('IDEM-7')).toBe(0);
    expect(await storedKeys(key)).toBe(0);
    expect((await post(key, order('IDEM-7'))).statusCode).toBe(201);
    expect(await requestsWith('IDEM-7')).toBe(1);
  });

  it(`a key expires after the configured 24 hours and may then be used again; expired keys are cleared`, async () => {
    const key = newKey();
    const forgotten = newKey();
    expect((await post(key, order('IDEM-8'))).statusCode).toBe(201);
    expect((await post(forgotten, order('IDEM-8-FORGOTTEN'))).statusCode).toBe(201);
    clock = new Date(clock.getTime() + 23 * 3_600_000);
    expect((await post(key, order('IDEM-8-LATER'))).statusCode).toBe(409);
    clock = new Date(clock.getTime() + 2 * 3_600_000);
    const later = await post(key, order('IDEM-8-LATER'));
    expect(later.statusCode).toBe(201);
    expect(replayed(later)).toBeUndefined();
    expect(await requestsWith('IDEM-8-LATER')).toBe(1);
    // Cleared after the answer is sent, so wait for it rather than for the response.
    await expect.poll(() => storedKeys(forgotten)).toBe(0);
    expect(await storedKeys(key)).toBe(1);
  });
});

describe('the header', () => {
  it.each([
    ['empty', ''],
    ['too long', 'k'.repeat(256)],
    ['with a control character', 'a\tb'],
  ])('is refused with a 400 naming it when %s, and nothing is created', async (_, key) => {
    const res = await post(key, order('IDEM-BAD'));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field: 'Idempotency-Key' });
    expect(await requestsWith('IDEM-BAD')).toBe(0);
  });

  it('may be 255 printable characters', async () => {
    const key = `${'k'.repeat(250)}${n++}`.slice(0, 255);
    expect((await post(key, order('IDEM-255'))).statusCode).toBe(201);
    expect(replayed(await post(key, order('IDEM-255')))).toBe('true');
  });

  it('is refused where the answer is a secret (a session token), and nothing is kept', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { 'idempotency-key': 'sign-in-once' },
      payload: { email: 'ana@platform.example', password: 'correct horse battery' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field: 'Idempotency-Key' });
    expect(await storedKeys('sign-in-once')).toBe(0);
  });

  it('is in the OpenAPI document, shared, on the writes that take it', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const ref = { $ref: '#/components/parameters/IdempotencyKey' };
    expect(doc.components.parameters.IdempotencyKey).toMatchObject({ name: 'Idempotency-Key', in: 'header', required: false });
    expect(doc.paths['/api/v1/requests'].post.parameters).toContainEqual(ref);
    expect(doc.paths['/api/v1/requests/{id}/items/{itemId}/decision'].put.parameters).toContainEqual(ref);
    expect(doc.paths['/api/v1/requests'].get.parameters ?? []).not.toContainEqual(ref);
    // Not where the answer is a secret.
    expect(doc.paths['/api/v1/session'].post.parameters ?? []).not.toContainEqual(ref);
    expect(doc.paths['/api/v1/authority/api-keys'].post.parameters ?? []).not.toContainEqual(ref);
  });

  it('goes with a batch key on the staff batch intake, each doing its part', async () => {
    const key = newKey();
    const batch = { batchKey: `batch-${key}`, orders: [order('IDEM-BATCH')] };
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/requests/batch',
        headers: { ...t.auth, 'idempotency-key': key },
        payload: batch,
      });
    const first = await send();
    expect(first.statusCode).toBeLessThan(300);
    const again = await send();
    expect(replayed(again)).toBe('true');
    expect(again.body).toBe(first.body);
    expect(await requestsWith('IDEM-BATCH')).toBe(1);
  });
});
