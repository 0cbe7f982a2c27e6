/**
 * An agency's API keys (issue 10, item 3): an admin officer creates one (shown once, stored as its
 * SHA-256 with a visible prefix, an expiry at most a year ahead), lists them without the key, and
 * revokes one, which is refused from then on; an expired key is refused too. Each change is an
 * agency event naming the officer. Another agency's key is 404.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addApiKey, addOfficer, createVerifiedAgency, type TestAgency } from '../support/agencies.js';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let kz: TestAgency;
let de: TestAgency;
// Near the real time: the test's officer sessions are started on the real clock.
const start = new Date(Math.floor(Date.now() / 1000) * 1000);
let clock = start;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  kz = await createVerifiedAgency(t, 'KZ');
  de = await createVerifiedAgency(t, 'DE');
});
afterAll(async () => t?.close());

const create = (agency: TestAgency, body: object, headers: Record<string, string> = agency.auth) =>
  t.app.inject({ method: 'POST', url: '/api/v1/authority/api-keys', headers, payload: body });
const list = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/v1/authority/api-keys', headers });
const revoke = (id: string, headers: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: `/api/v1/authority/api-keys/${id}/revoke`, headers });
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
/** 403 (an agency's key, but not an admin officer) when the key is accepted; 401 when it is refused. */
const keyAccepted = async (key: string) => {
  const status = (await list(bearer(key))).statusCode;
  expect([401, 403]).toContain(status);
  return status === 403;
};
const events = async (agencyId: string, type: string) =>
  (
    await t.database.pool.query('SELECT actor_officer_id, before, after FROM agency_events WHERE agency_id = $1 AND type = $2', [
      agencyId,
      type,
    ])
  ).rows;

describe('creating a key', () => {
  it('returns the key once, stores only its SHA-256 and a prefix, and records who created it', async () => {
    const res = await create(kz, { name: 'Case management system' });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.key).toMatch(/^writ_ak_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({
      name: 'Case management system',
      prefix: created.key.slice(0, 12),
      state: 'active',
      expiresAt: null,
      lastUsedAt: null,
      revokedAt: null,
      createdBy: { id: kz.officer.id },
    });
    const { rows } = await t.database.pool.query('SELECT * FROM api_keys WHERE id = $1', [created.id]);
    expect(rows[0].key_hash).toBe(createHash('sha256').update(created.key).digest('hex'));
    expect(JSON.stringify(rows[0])).not.toContain(created.key);
    expect(await events(kz.id, 'api_key_created')).toEqual([
      expect.objectContaining({ actor_officer_id: kz.officer.id, after: expect.objectContaining({ apiKeyId: created.id }) }),
    ]);
    expect(JSON.stringify(await events(kz.id, 'api_key_created'))).not.toContain(created.key);
    // The key works, and its use is recorded.
    expect(await keyAccepted(created.key)).toBe(true);
    const listed = (await list(kz.auth)).json().keys.find((k: { id: string }) => k.id === created.id);
    expect(listed.lastUsedAt).toBe(clock.toISOString());
  });

  it('lists keys without the key itself', async () => {
    const created = (await create(kz, { name: 'Listed' })).json();
    const res = await list(kz.auth);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain(created.key);
    const listed = res.json().keys.find((k: { id: string }) => k.id === created.id);
    expect(listed).toMatchObject({ name: 'Listed', prefix: created.prefix, state: 'active' });
    expect(listed).not.toHaveProperty('key');
  });

  it.each([
    ['in the past', -60_000, 'must be in the future'],
    ['more than a year ahead', 366 * 24 * 3_600_000, 'at most 365 days'],
  ])('refuses an expiry %s with a 400 naming it', async (_, offset, message) => {
    const before = (await list(kz.auth)).json().keys.length;
    const res = await create(kz, { name: 'Bad expiry', expiresAt: new Date(clock.getTime() + offset).toISOString() });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field: 'expiresAt' });
    expect(res.json().detail).toContain(message);
    expect((await list(kz.auth)).json().keys.length).toBe(before);
  });

  it('refuses an Idempotency-Key: the answer is a secret Writ does not keep', async () => {
    const res = await create(kz, { name: 'Retried' }, { ...kz.auth, 'idempotency-key': 'create-once' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ field: 'Idempotency-Key' });
  });
});

describe('a key stops working', () => {
  it('when revoked: at once, and the revocation is recorded with the officer', async () => {
    const created = (await create(kz, { name: 'To revoke' })).json();
    expect(await keyAccepted(created.key)).toBe(true);
    const res = await revoke(created.id, kz.auth);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: created.id, state: 'revoked', revokedAt: clock.toISOString() });
    expect(await keyAccepted(created.key)).toBe(false);
    const revoked = await events(kz.id, 'api_key_revoked');
    expect(revoked).toEqual([
      expect.objectContaining({ actor_officer_id: kz.officer.id, after: expect.objectContaining({ apiKeyId: created.id }) }),
    ]);
    // Again: nothing changes, no second event.
    expect((await revoke(created.id, kz.auth)).json().state).toBe('revoked');
    expect(await events(kz.id, 'api_key_revoked')).toHaveLength(1);
  });

  it('when it expires', async () => {
    const expiresAt = new Date(clock.getTime() + 3_600_000);
    const created = (await create(kz, { name: 'Short-lived', expiresAt: expiresAt.toISOString() })).json();
    expect(created.expiresAt).toBe(expiresAt.toISOString());
    expect(await keyAccepted(created.key)).toBe(true);
    try {
      clock = new Date(expiresAt.getTime() + 1000);
      expect(await keyAccepted(created.key)).toBe(false);
    } finally {
      clock = start;
    }
    expect((await list(kz.auth)).json().keys.find((k: { id: string }) => k.id === created.id).state).toBe('active');
  });
});

describe('who may', () => {
  it("another agency's admin gets 404 for the key and never sees it", async () => {
    const created = (await create(kz, { name: 'Kazakh system' })).json();
    const res = await revoke(created.id, de.auth);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
    expect((await list(de.auth)).json().keys.map((k: { id: string }) => k.id)).not.toContain(created.id);
    expect(await keyAccepted(created.key)).toBe(true);
  });

  it('an officer who is not an admin, an API key and a staff session may not manage keys', async () => {
    const officer = await addOfficer(t, kz.id, `plain@${kz.domain}`);
    const key = await addApiKey(t, kz.id);
    for (const headers of [officer.auth, key.auth]) {
      expect((await create(kz, { name: 'Not allowed' }, headers)).statusCode).toBe(403);
      expect((await list(headers)).statusCode).toBe(403);
    }
    expect((await create(kz, { name: 'Not allowed' }, t.auth)).statusCode).toBe(401);
    expect((await list(t.auth)).statusCode).toBe(401);
    expect(JSON.stringify((await list(kz.auth)).json())).not.toContain('Not allowed');
  });
});
