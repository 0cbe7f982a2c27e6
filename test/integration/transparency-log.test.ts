/**
 * The transparency log over a real database and the real app (issue 13): the public routes' proofs
 * verify with the domain's RFC 9162 functions and the checkpoints' signatures with the published key;
 * checkpoints grow and stay consistent; a withdrawal's proof is its tombstone's leaf; the generated key
 * persists across restarts and a configured one is used; the serving role cannot rewrite the log.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWrit } from '../../src/app/context.js';
import { signCheckpointIfGrown, verifierKey } from '../../src/app/transparency-log.js';
import { loadConfig } from '../../src/config.js';
import { writeTombstone } from '../../src/db/public-record-writes.js';
import { grantServingRole, urlAs } from '../../src/db/roles.js';
import { installation } from '../../src/db/schema/index.js';
import { SIGNING_KEY_INSTALLATION_KEY } from '../../src/db/transparency-log-repository.js';
import { parseCheckpoint, parseVerifierKey } from '../../src/domain/checkpoint.js';
import { generateSigningKey, noteIsSignedBy, signingKeyFrom, verifierKeyOf } from '../../src/domain/checkpoint-signing.js';
import { fromBase64, leafHash, rootHash, verifyConsistency, verifyInclusion } from '../../src/domain/merkle.js';
import type { RecordProof } from '../../src/domain/static-site-layout.js';
import { canonicalJson, decodeLogEntry } from '../../src/domain/transparency-log.js';
import { buildApp } from '../../src/http/app.js';
import { createTestApp, generousRateLimits, type TestApp } from '../support/app.js';
import { samplePublicRecord, seedPublishedRecord } from '../support/publishing.js';

let t: TestApp;
const config = () => loadConfig({ WRIT_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent', ...generousRateLimits });
const get = (url: string) => t.app.inject({ method: 'GET', url });

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function publicKey() {
  const r = await get('/api/v1/public/log/public-key');
  expect(r.statusCode).toBe(200);
  expect(r.headers['content-type']).toMatch(/^text\/plain/);
  return parseVerifierKey(r.body.trim());
}

async function proofOf(id: string): Promise<RecordProof> {
  const r = await get(`/api/v1/public/records/${id}/proof`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as RecordProof;
}

/** Checks a RecordProof the way an outsider would: signature, leaf = record shown, inclusion. */
function checkProof(proof: RecordProof, key: ReturnType<typeof parseVerifierKey>) {
  expect(noteIsSignedBy(proof.checkpoint, key)).toBe(true);
  const checkpoint = parseCheckpoint(proof.checkpoint);
  expect(checkpoint.treeSize).toBe(proof.inclusion.treeSize);
  const leaf = fromBase64(proof.leaf);
  const entry = decodeLogEntry(leaf);
  expect(entry).toMatchObject({ id: proof.id, version: proof.version });
  expect(canonicalJson(entry.body)).toBe(canonicalJson(proof.status === 'published' ? proof.record : proof.tombstone));
  const hashes = proof.inclusion.hashes.map(fromBase64);
  expect(verifyInclusion(leafHash(leaf), proof.leafIndex, checkpoint.treeSize, hashes, checkpoint.rootHash)).toBe(true);
  // The same proof does not hold for a neighbouring leaf index.
  expect(verifyInclusion(leafHash(leaf), proof.leafIndex ^ 1, checkpoint.treeSize, hashes, checkpoint.rootHash)).toBe(false);
  return checkpoint;
}

describe('the transparency log before anything is published', () => {
  it('has no checkpoint (404 problem), no sizes, a verifier key, and no proof for an unknown id', async () => {
    const none = await get('/api/v1/public/log/checkpoint');
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({ code: 'not_found', status: 404 });
    expect((await get('/api/v1/public/log/checkpoints')).json()).toEqual({ sizes: [] });
    const key = await publicKey();
    expect(key.name).toBe(config().publishing.logOrigin);
    const unknown = await get('/api/v1/public/records/WR-999999/proof');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'not_found' });
    expect((await get('/api/v1/public/records/bad%20id/proof')).statusCode).toBe(400);
  });
});

describe('the transparency log as records are published, corrected and withdrawn', () => {
  const ids: string[] = [];

  it('signs a checkpoint over every leaf, whose root is the RFC 9162 root of the stored leaves', async () => {
    for (let i = 0; i < 3; i++)
      ids.push((await seedPublishedRecord(t, samplePublicRecord({ summary: `Запись ${i}` }))).record.id);
    const r = await get('/api/v1/public/log/checkpoint');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/plain/);
    const key = await publicKey();
    expect(noteIsSignedBy(r.body, key)).toBe(true);
    const checkpoint = parseCheckpoint(r.body);
    expect(checkpoint.origin).toBe(config().publishing.logOrigin);
    expect(checkpoint.treeSize).toBe(3);
    const leaves = await t.database.pool.query<{ leaf: Buffer }>('SELECT leaf FROM transparency_log ORDER BY leaf_index');
    expect(Buffer.from(checkpoint.rootHash)).toEqual(Buffer.from(rootHash(leaves.rows.map((row) => leafHash(row.leaf)))));
    expect((await get('/api/v1/public/log/checkpoints')).json()).toEqual({ sizes: [3] });
    expect((await get('/api/v1/public/log/checkpoints/3')).body).toBe(r.body);
    // Asking again signs nothing new.
    expect((await get('/api/v1/public/log/checkpoint')).body).toBe(r.body);
    expect((await get('/api/v1/public/log/checkpoints')).json()).toEqual({ sizes: [3] });
  });

  it('gives each record its proof against the latest checkpoint', async () => {
    const key = await publicKey();
    for (const [i, id] of ids.entries()) {
      const proof = await proofOf(id);
      expect(proof).toMatchObject({ id, version: 1, status: 'published', leafIndex: i, tombstone: null });
      expect(proof.record?.summary).toBe(`Запись ${i}`);
      checkProof(proof, key);
    }
  });

  it('signs a larger checkpoint for a record the latest one does not cover, consistent with the earlier one', async () => {
    const later = await seedPublishedRecord(t, samplePublicRecord({ summary: 'Later' }));
    await seedPublishedRecord(t, samplePublicRecord({ summary: 'Later still' }));
    const key = await publicKey();
    const proof = await proofOf(later.record.id);
    expect(checkProof(proof, key).treeSize).toBe(5);
    expect((await get('/api/v1/public/log/checkpoints')).json()).toEqual({ sizes: [3, 5] });
    const c = await get('/api/v1/public/log/consistency?from=3&to=5');
    expect(c.statusCode).toBe(200);
    const { from, to, hashes } = c.json() as { from: number; to: number; hashes: string[] };
    expect([from, to]).toEqual([3, 5]);
    const root3 = parseCheckpoint((await get('/api/v1/public/log/checkpoints/3')).body).rootHash;
    const root5 = parseCheckpoint((await get('/api/v1/public/log/checkpoints/5')).body).rootHash;
    expect(verifyConsistency(3, 5, root3, root5, hashes.map(fromBase64))).toBe(true);
    expect(verifyConsistency(3, 5, root5, root3, hashes.map(fromBase64))).toBe(false);
    // The first records' proofs are now against the larger tree and still verify.
    expect(checkProof(await proofOf(ids[0]!), key).treeSize).toBe(5);
  });

  it('refuses consistency between unsigned sizes or backwards, naming the field', async () => {
    const backwards = await get('/api/v1/public/log/consistency?from=5&to=3');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({ code: 'validation_failed', field: 'from' });
    const unsigned = await get('/api/v1/public/log/consistency?from=4&to=5');
    expect(unsigned.statusCode).toBe(404);
    expect(unsigned.json()).toMatchObject({ code: 'not_found', field: 'from' });
    expect((await get('/api/v1/public/log/consistency?from=0&to=5')).statusCode).toBe(400);
    expect((await get('/api/v1/public/log/checkpoints/4')).statusCode).toBe(404);
    expect((await get('/api/v1/public/log/checkpoints/x')).statusCode).toBe(400);
  });

  it("proves a withdrawn record by its tombstone's leaf", async () => {
    const id = ids[1]!;
    const at = new Date('2026-04-01T09:00:00.000Z');
    const tombstone = { id, version: 2, withdrawnAt: at.toISOString(), reason: 'Published by mistake' };
    await t.database.db.transaction((tx) => writeTombstone(tx, { tombstone, at }));
    const proof = await proofOf(id);
    expect(proof).toMatchObject({ id, version: 2, status: 'withdrawn', record: null, tombstone, leafIndex: 5 });
    expect(decodeLogEntry(fromBase64(proof.leaf)).kind).toBe('withdraw');
    expect(checkProof(proof, await publicKey()).treeSize).toBe(6);
  });

  it('signs nothing when the log has not grown', async () => {
    const writ = createWrit(t.database.db, config());
    expect(await signCheckpointIfGrown(writ)).toBeNull();
  });
});

describe("the log's name", () => {
  it("stays the first checkpoint's origin when the configured origin changes (a server run on another port)", async () => {
    const first = parseCheckpoint((await get('/api/v1/public/log/checkpoint')).body).origin;
    const moved = createWrit(t.database.db, {
      ...config(),
      publishing: { ...config().publishing, logOrigin: 'elsewhere.example:9999/log' },
    });
    await seedPublishedRecord(t, samplePublicRecord({ id: 'WR-ORIGIN-1' }));
    const note = await signCheckpointIfGrown(moved);
    expect(note).not.toBeNull();
    expect(parseCheckpoint(note!).origin).toBe(first);
    expect(parseVerifierKey(await verifierKey(moved)).name).toBe(first);
  });
});

describe('the signing key', () => {
  it('is generated once, kept in the database and the same after a restart', async () => {
    const before = (await get('/api/v1/public/log/public-key')).body;
    const [row] = await t.database.db.select().from(installation).where(eq(installation.key, SIGNING_KEY_INSTALLATION_KEY));
    expect((row!.value as { pkcs8: string }).pkcs8).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const restarted = await buildApp({ config: config(), database: t.database, logger: false });
    try {
      const after = await restarted.inject({ method: 'GET', url: '/api/v1/public/log/public-key' });
      expect(after.body).toBe(before);
    } finally {
      await restarted.close();
    }
  });

  it('is the configured one when set, and the first one stored when two start at once', async () => {
    const pem = generateSigningKey();
    const configured = createWrit(t.database.db, {
      ...config(),
      publishing: { ...config().publishing, signingKey: pem },
    });
    expect(await verifierKey(configured)).toBe(verifierKeyOf(config().publishing.logOrigin, signingKeyFrom(pem)));

    await t.database.db.delete(installation).where(eq(installation.key, SIGNING_KEY_INSTALLATION_KEY));
    const [a, b] = await Promise.all([
      verifierKey(createWrit(t.database.db, config())),
      verifierKey(createWrit(t.database.db, config())),
    ]);
    expect(a).toBe(b);
  });
});

describe('the serving role and the log', () => {
  let serving: pg.Client;
  const role = `writ_app_log_${randomBytes(3).toString('hex')}`;
  beforeAll(async () => {
    const password = randomBytes(12).toString('hex');
    await grantServingRole(t.database.url, role, password);
    serving = new pg.Client({ connectionString: urlAs(t.database.url, role, password) });
    await serving.connect();
  });
  afterAll(async () => {
    await serving?.end();
    await t.database.pool.query(`DROP OWNED BY ${JSON.stringify(role)}`);
    await t.database.pool.query(`DROP ROLE IF EXISTS ${JSON.stringify(role)}`);
  });

  it('reads the leaves but cannot change, remove or truncate them', async () => {
    const { rows } = await serving.query('SELECT leaf_index FROM transparency_log ORDER BY leaf_index');
    expect(rows.length).toBeGreaterThan(0);
    const denied = /permission denied|append-only/;
    await expect(serving.query("UPDATE transparency_log SET leaf = '\\x00' WHERE leaf_index = 0")).rejects.toThrow(denied);
    await expect(serving.query('DELETE FROM transparency_log WHERE leaf_index = 0')).rejects.toThrow(denied);
    await expect(serving.query('TRUNCATE transparency_log')).rejects.toThrow(denied);
    await expect(serving.query("UPDATE public_record_versions SET body = '{}'")).rejects.toThrow(denied);
    // Nor can the owner: the table's trigger refuses any change.
    await expect(t.database.pool.query('DELETE FROM transparency_log WHERE leaf_index = 0')).rejects.toThrow();
  });

  it('cannot rewrite a signed checkpoint either (migration 0018)', async () => {
    const { rows } = await serving.query('SELECT tree_size FROM log_checkpoints');
    expect(rows.length).toBeGreaterThan(0);
    const denied = /permission denied|append-only/;
    await expect(serving.query("UPDATE log_checkpoints SET note = 'forged'")).rejects.toThrow(denied);
    await expect(serving.query('DELETE FROM log_checkpoints')).rejects.toThrow(denied);
    await expect(t.database.pool.query("UPDATE log_checkpoints SET note = 'forged'")).rejects.toThrow(/append-only/);
  });
});
