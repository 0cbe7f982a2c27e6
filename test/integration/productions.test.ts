/**
 * Productions of data orders (issue 11): the reviewer uploads the produced files, Writ packages
 * them (zip + manifest with SHA-256s) into the production store; only the agency that sent the order
 * downloads the package, while it is available and not revoked, each download in the order's
 * history; the reviewer's desk shows the manifest, never the contents.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hash } from '@node-rs/argon2';
import { and, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { accountDecisions, channelOrders, dataAccounts, events, productions } from '../../src/db/schema/index.js';
import { usersRepository } from '../../src/db/users-repository.js';
import { buildApp } from '../../src/http/app.js';
import { addApiKey, createVerifiedAgency, type TestAgency } from '../support/agencies.js';
import { dataRequestBody, generousRateLimits, newRequestBody, reviewerCredentials, type TestApp } from '../support/app.js';
import { createTestDatabase } from '../support/database.js';

const DAY = 24 * 60 * 60 * 1000;
let clock = new Date('2026-11-30T10:00:00Z');
let dataDir: string;
let t: TestApp;
let a: TestAgency;
let b: TestAgency;

async function appWithDataDir(): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({ WRIT_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...generousRateLimits });
  const app = await buildApp({ config, database, now: () => clock, logger: false });
  const reviewer = await usersRepository(database.db).create({
    email: reviewerCredentials.email,
    name: 'Ana Reviewer',
    passwordHash: await hash(reviewerCredentials.password),
  });
  const signIn = await app.inject({ method: 'POST', url: '/api/v1/session', payload: reviewerCredentials });
  return {
    app,
    database,
    reviewer,
    auth: { authorization: `Bearer ${signIn.json().token}` },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'writ-productions-'));
  t = await appWithDataDir();
  a = await createVerifiedAgency(t, 'KZ', { timeZone: 'Asia/Almaty' });
  b = await createVerifiedAgency(t, 'KZ', { timeZone: 'Asia/Almaty' });
});
afterAll(async () => {
  await t?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/**
 * A data order of agency `a`, recorded by the reviewer and then tied to the agency as the channel
 * does (a channel_orders row), since the channel's order contract takes no data part yet.
 */
async function channelDataOrder(agency: TestAgency = a): Promise<{ id: string; reference: string; accounts: string[] }> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: t.auth,
    payload: dataRequestBody(agency.authorityId, { authorityReference: 'KZ-DATA-17' }),
  });
  expect(res.statusCode, res.body).toBe(201);
  const { id, reference } = res.json();
  await t.database.db.insert(channelOrders).values({ requestId: id, agencyId: agency.id });
  const accounts = await t.database.db
    .select({ id: dataAccounts.id })
    .from(dataAccounts)
    .where(eq(dataAccounts.requestId, id))
    .orderBy(dataAccounts.position);
  return { id, reference, accounts: accounts.map((r) => r.id) };
}

async function decide(accountId: string, extent: 'all' | 'some' | 'none') {
  await t.database.db.insert(accountDecisions).values({
    accountId,
    extent,
    producedCategories:
      extent === 'all' ? ['subscriber_information', 'ip_and_sign_in_logs'] : extent === 'some' ? ['subscriber_information'] : [],
    refusalReason: extent === 'all' ? null : 'overbroad',
    legalBasis: 'Criminal Procedure Code, Art. 232',
    rationale: 'as the order asks',
    decidedBy: t.reviewer.id,
    decidedAt: clock,
  });
}

async function upload(orderId: string, files: { name: string; content: string }[], headers: Record<string, string> = {}) {
  const form = new FormData();
  for (const f of files) form.append('files', new Blob([f.content]), f.name);
  const body = new Response(form);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/requests/${orderId}/productions`,
    headers: { ...t.auth, ...headers, 'content-type': body.headers.get('content-type')! },
    payload: Buffer.from(await body.arrayBuffer()),
  });
}

const download = (orderId: string, productionId: string, auth: { authorization: string }) =>
  t.app.inject({ method: 'GET', url: `/api/v1/authority/orders/${orderId}/productions/${productionId}/download`, headers: auth });

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');
const storedPath = (id: string) => path.join(dataDir, 'productions', id.slice(0, 2), id);
async function storedKeys(): Promise<string[]> {
  const root = path.join(dataDir, 'productions');
  const dirs = await readdir(root).catch(() => [] as string[]);
  return (await Promise.all(dirs.map((d) => readdir(path.join(root, d))))).flat();
}
async function eventsOf(orderId: string, type: string) {
  return t.database.db
    .select()
    .from(events)
    .where(and(eq(events.requestId, orderId), eq(events.type, type)));
}

const SECRET = 'subscriber-record-7f3a9c-never-shown-inline';
const files = [
  { name: '../../etc/subscriber.csv', content: `username,email\nfirst_user,${SECRET}\n` },
  { name: 'logins.csv', content: 'at,ip\n2026-11-01T00:00:00Z,198.51.100.7\n' },
  { name: 'LOGINS.csv', content: 'a second file of the same name\n' },
];

describe('a production', () => {
  it('is refused, and nothing stored, while no account is decided as data produced', async () => {
    const order = await channelDataOrder();
    const before = await storedKeys();
    expect((await upload(order.id, files)).json()).toMatchObject({ status: 409, code: 'invalid_transition' });
    await decide(order.accounts[0]!, 'none');
    const refused = await upload(order.id, files);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/no account of this order is decided as data produced/);
    expect(await t.database.db.select().from(productions).where(eq(productions.requestId, order.id))).toEqual([]);
    expect(await eventsOf(order.id, 'production_delivered')).toEqual([]);
    expect(await storedKeys()).toEqual(before);
  });

  it('is refused for a removal order', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: t.auth,
      payload: newRequestBody(a.authorityId),
    });
    const refused = await upload(res.json().id, files);
    expect(refused.json()).toMatchObject({ status: 409, code: 'invalid_transition' });
  });

  it('is a zip of exactly the files and a manifest whose SHA-256s match, stored under its id with the row’s SHA-256', async () => {
    const order = await channelDataOrder();
    await decide(order.accounts[0]!, 'some');
    await decide(order.accounts[1]!, 'none');
    const res = await upload(order.id, files);
    expect(res.statusCode, res.body).toBe(201);
    const production = res.json();
    expect(production).toMatchObject({
      fileName: `${order.reference}-production-1.zip`,
      availableUntil: new Date(clock.getTime() + 14 * DAY).toISOString(),
      revokedAt: null,
      downloads: 0,
      createdBy: { id: t.reviewer.id },
    });

    const stored = await readFile(storedPath(production.id));
    expect(sha256(stored)).toBe(production.sha256);
    expect(stored.length).toBe(production.size);
    const [row] = await t.database.db.select().from(productions).where(eq(productions.id, production.id));
    expect(row!.sha256).toBe(sha256(stored));

    const entries = unzipSync(new Uint8Array(stored));
    expect(Object.keys(entries).sort()).toEqual([
      'files/LOGINS (2).csv',
      'files/logins.csv',
      'files/subscriber.csv',
      'manifest.json',
    ]);
    expect(strFromU8(entries['files/subscriber.csv']!)).toBe(files[0]!.content);
    const manifest = JSON.parse(strFromU8(entries['manifest.json']!));
    expect(manifest).toMatchObject({
      reference: order.reference,
      authorityReference: 'KZ-DATA-17',
      requestId: order.id,
      legalProcess: 'court_order',
      producedAt: clock.toISOString(),
      availableUntil: production.availableUntil,
      accounts: [
        { identifierKind: 'username', identifier: 'first_user', extent: 'some', producedCategories: ['subscriber_information'] },
      ],
    });
    expect(manifest.files).toHaveLength(3);
    for (const f of manifest.files) {
      const bytes = entries[`files/${f.name}`]!;
      expect(f).toEqual({ name: f.name, size: bytes.length, sha256: sha256(bytes) });
    }
    expect(production.files).toEqual(manifest.files);

    const delivered = await eventsOf(order.id, 'production_delivered');
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.after).toMatchObject({ productionId: production.id, sha256: production.sha256 });

    // An upload is a stream the idempotency guard cannot hash: an Idempotency-Key is refused, nothing made.
    const keyed = await upload(order.id, [files[1]!], { 'idempotency-key': `production-${order.id}` });
    expect(keyed.json()).toMatchObject({ status: 400, code: 'validation_failed', field: 'Idempotency-Key' });

    // A malformed multipart body is the sender's fault: 400, nothing made.
    const malformed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${order.id}/productions`,
      headers: { ...t.auth, 'content-type': 'multipart/form-data; boundary=xyz' },
      payload: 'not a multipart body at all',
    });
    expect(malformed.json()).toMatchObject({ status: 400, code: 'validation_failed' });

    // A later production of the same order is numbered on.
    const second = await upload(order.id, [files[1]!]);
    expect(second.json().fileName).toBe(`${order.reference}-production-2.zip`);
  });
});

describe('the authority’s download', () => {
  it('goes to the agency that sent the order (officer and API key), each download recorded; another agency gets 404', async () => {
    const order = await channelDataOrder();
    await decide(order.accounts[0]!, 'all');
    const production = (await upload(order.id, files)).json();

    const byOfficer = await download(order.id, production.id, a.auth);
    expect(byOfficer.statusCode).toBe(200);
    expect(byOfficer.headers['content-type']).toBe('application/zip');
    expect(byOfficer.headers['content-disposition']).toBe(`attachment; filename="${production.fileName}"`);
    expect(byOfficer.headers['x-content-type-options']).toBe('nosniff');
    expect(sha256(byOfficer.rawPayload)).toBe(production.sha256);
    const key = await addApiKey(t, a.id);
    expect((await download(order.id, production.id, key.auth)).statusCode).toBe(200);

    expect((await download(order.id, production.id, b.auth)).json()).toMatchObject({ status: 404, code: 'not_found' });
    // A reviewer's session is no agency: the channel does not answer it.
    expect((await download(order.id, production.id, t.auth)).statusCode).toBe(401);

    const downloads = await eventsOf(order.id, 'production_downloaded');
    expect(downloads.map((e) => [e.actorOfficerId, (e.after as { apiKeyId: string | null }).apiKeyId])).toEqual([
      [a.officer.id, null],
      [null, key.id],
    ]);
    expect(downloads.every((e) => (e.after as { productionId: string }).productionId === production.id)).toBe(true);

    const list = await t.app.inject({ method: 'GET', url: `/api/v1/authority/orders/${order.id}/productions`, headers: a.auth });
    expect(list.json().productions).toMatchObject([{ id: production.id, downloads: 2 }]);
    const otherList = await t.app.inject({
      method: 'GET',
      url: `/api/v1/authority/orders/${order.id}/productions`,
      headers: b.auth,
    });
    expect(otherList.statusCode).toBe(404);

    // The reviewer's desk: the manifest and the count, never the contents.
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${order.id}`, headers: t.auth });
    expect(detail.json().dataRequest.productions).toMatchObject([{ id: production.id, downloads: 2, files: production.files }]);
    expect(detail.body).not.toContain(SECRET);
    expect(detail.body).not.toContain('198.51.100.7');
  });

  it('is gone (410 production_expired) once the availability window has passed, and nothing is recorded', async () => {
    const order = await channelDataOrder();
    await decide(order.accounts[0]!, 'all');
    const production = (await upload(order.id, files)).json();
    // An API key: an officer's session would have lapsed by the injected clock's two weeks.
    const key = await addApiKey(t, a.id);
    const saved = clock;
    try {
      clock = new Date(new Date(production.availableUntil).getTime() - 1000);
      expect((await download(order.id, production.id, key.auth)).statusCode).toBe(200);
      clock = new Date(production.availableUntil);
      expect((await download(order.id, production.id, key.auth)).json()).toMatchObject({
        status: 410,
        code: 'production_expired',
      });
    } finally {
      clock = saved;
    }
    expect(await eventsOf(order.id, 'production_downloaded')).toHaveLength(1);
  });

  it('is gone (410 production_revoked) once revoked, and the package’s bytes are deleted', async () => {
    const order = await channelDataOrder();
    await decide(order.accounts[0]!, 'all');
    const production = (await upload(order.id, files)).json();
    expect(await storedKeys()).toContain(production.id);
    const revoke = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${order.id}/productions/${production.id}/revoke`,
      headers: t.auth,
      payload: { note: 'sent to the wrong address' },
    });
    expect(revoke.statusCode, revoke.body).toBe(200);
    expect(revoke.json().revokedAt).toBe(clock.toISOString());
    expect(await storedKeys()).not.toContain(production.id);
    expect((await download(order.id, production.id, a.auth)).json()).toMatchObject({ status: 410, code: 'production_revoked' });
    const revoked = await eventsOf(order.id, 'production_revoked');
    expect(revoked.map((e) => [e.note, (e.after as { productionId: string }).productionId])).toEqual([
      ['sent to the wrong address', production.id],
    ]);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${order.id}/productions/${production.id}/revoke`,
      headers: t.auth,
      payload: { note: 'twice' },
    });
    expect(again.json()).toMatchObject({ status: 409, code: 'invalid_transition' });
  });
});
