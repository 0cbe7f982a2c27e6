/**
 * The transparency log's use cases themselves (src/app/transparency-log.ts), called directly over a
 * real database whose log grows test by test (the log is append-only, so the tests run in order):
 * an empty log signs nothing and proves nothing; a checkpoint is signed only when the log has grown
 * past the latest one, over exactly its leaves, under the log's name; a record's proof is its latest
 * leaf (a withdrawal's tombstone) against the latest checkpoint, signing one first when it does not
 * cover the leaf (also the leaf just at its size); consistency proofs between two signed sizes and
 * along the chain of checkpoints verify, each refusal naming its field; the log keeps the name of its
 * first checkpoint; the signing key is read once per repository, and read again after a failure.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWrit } from '../../src/app/context.js';
import {
  checkpointAt,
  checkpointSizes,
  consistencyBetween,
  consistencyChain,
  currentCheckpoint,
  latestCheckpoint,
  logOrigin,
  recordProof,
  signCheckpointIfGrown,
  verifierKey,
} from '../../src/app/transparency-log.js';
import { loadConfig } from '../../src/config.js';
import { installation } from '../../src/db/schema/index.js';
import { appendLogEntry, SIGNING_KEY_INSTALLATION_KEY } from '../../src/db/transparency-log-repository.js';
import { checkpointBody, parseCheckpoint, parseVerifierKey } from '../../src/domain/checkpoint.js';
import { generateSigningKey, noteIsSignedBy, signingKeyFrom, verifierKeyOf } from '../../src/domain/checkpoint-signing.js';
import { fromBase64, leafHash, rootHash, toBase64, verifyConsistency, verifyInclusion } from '../../src/domain/merkle.js';
import type { PublicRecord, PublicTombstone } from '../../src/domain/public-record.js';
import type { RecordProof } from '../../src/domain/static-site-layout.js';
import { encodeLogEntry } from '../../src/domain/transparency-log.js';
import { samplePublicRecord } from '../support/publishing.js';
import { createTestWrit, refusal, type TestWrit } from '../support/writ.js';

const ORIGIN = 'writ.platform.example/log';
const env = { WRIT_PUBLIC_URL: 'https://writ.platform.example', WRIT_LOG_ORIGIN: ORIGIN };
const at = new Date('2026-03-20T10:00:00.000Z');
let t: TestWrit;
/** The leaves appended so far, in order. */
const leaves: Uint8Array[] = [];

beforeAll(async () => {
  t = await createTestWrit({ now: () => at, env });
});
afterAll(async () => t?.close());

/** Another Writ over the same database (its own repositories, so nothing read is shared), with `changes` to the settings. */
function anotherWrit(changes: Record<string, string> = {}) {
  return createWrit(t.database.db, loadConfig({ WRIT_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent', ...env, ...changes }));
}

async function append(kind: 'publish' | 'withdraw', id: string, version: number, body: PublicRecord | PublicTombstone) {
  const leaf = encodeLogEntry({ kind, id, version, at: at.toISOString(), body });
  const index = await t.database.db.transaction((tx) => appendLogEntry(tx, { kind, publicId: id, version, leaf, at }));
  expect(index).toBe(leaves.length);
  leaves.push(leaf);
  return leaf;
}
const publish = (n: number) =>
  append('publish', `WR-00000${n}`, 1, samplePublicRecord({ id: `WR-00000${n}`, summary: `Record ${n}` }));

/** The checkpoint a note holds, after checking its signature with the log's verifier key. */
async function signed(note: string) {
  expect(noteIsSignedBy(note, parseVerifierKey(await verifierKey(t.writ)))).toBe(true);
  return parseCheckpoint(note);
}
const rootOf = (size: number) => rootHash(leaves.slice(0, size).map(leafHash));

/** Checks a proof as an outsider would: its leaf, its inclusion in its checkpoint, the checkpoint's signature. */
async function checkProof(proof: RecordProof, index: number, treeSize: number) {
  const checkpoint = await signed(proof.checkpoint);
  expect(checkpoint.treeSize).toBe(treeSize);
  expect(proof.leaf).toBe(toBase64(leaves[index]!));
  expect(proof.inclusion.treeSize).toBe(treeSize);
  const hashes = proof.inclusion.hashes.map(fromBase64);
  expect(verifyInclusion(leafHash(leaves[index]!), index, treeSize, hashes, checkpoint.rootHash)).toBe(true);
}

describe('an empty log', () => {
  it('signs nothing, has no checkpoint, proves nothing, and is named as configured', async () => {
    expect(await signCheckpointIfGrown(t.writ)).toBeNull();
    expect(await currentCheckpoint(t.writ)).toBeNull();
    expect(await latestCheckpoint(t.writ)).toBeNull();
    expect(await checkpointSizes(t.writ)).toEqual([]);
    expect(await consistencyChain(t.writ)).toEqual([]);
    expect(await logOrigin(t.writ)).toBe(ORIGIN);
    expect(await refusal(checkpointAt(t.writ, 1))).toEqual({
      code: 'not_found',
      field: 'treeSize',
      message: 'no checkpoint has tree size 1',
    });
    expect(await refusal(recordProof(t.writ, 'WR-000404'))).toEqual({
      code: 'not_found',
      field: undefined,
      message: 'Public record WR-000404 does not exist',
    });
  });
});

describe('signing checkpoints', () => {
  it('signs one over exactly the leaves under the log name once the log has grown, and none again until it grows', async () => {
    for (const n of [0, 1, 2]) await publish(n);
    const note = await signCheckpointIfGrown(t.writ);
    const { origin, treeSize, rootHash: root, body, signatures } = await signed(note!);
    expect({ origin, treeSize, root, body, signatures: signatures.length }).toEqual({
      origin: ORIGIN,
      treeSize: 3,
      root: rootOf(3),
      body: checkpointBody(ORIGIN, 3, rootOf(3)),
      signatures: 1,
    });
    expect(parseVerifierKey(await verifierKey(t.writ)).name).toBe(ORIGIN);
    expect(await signCheckpointIfGrown(t.writ)).toBeNull();
    expect(await currentCheckpoint(t.writ)).toBe(note);
    expect(await latestCheckpoint(t.writ)).toBe(note);
    expect(await checkpointSizes(t.writ)).toEqual([3]);
    expect(await checkpointAt(t.writ, 3)).toBe(note);
  });
});

describe('recordProof', () => {
  it("proves a record's leaf against the latest checkpoint", async () => {
    const proof = await recordProof(t.writ, 'WR-000001');
    expect(proof).toEqual({
      id: 'WR-000001',
      version: 1,
      status: 'published',
      record: samplePublicRecord({ id: 'WR-000001', summary: 'Record 1' }),
      tombstone: null,
      leafIndex: 1,
      leaf: toBase64(leaves[1]!),
      inclusion: { treeSize: 3, hashes: expect.any(Array) },
      checkpoint: await latestCheckpoint(t.writ),
    });
    await checkProof(proof, 1, 3);
  });

  it('signs a checkpoint first for a leaf the latest one does not cover, the leaf just at its size included', async () => {
    await publish(3);
    await publish(4);
    const proof = await recordProof(t.writ, 'WR-000003');
    expect(proof).toMatchObject({ id: 'WR-000003', leafIndex: 3, status: 'published' });
    await checkProof(proof, 3, 5);
    expect(await checkpointSizes(t.writ)).toEqual([3, 5]);
    // The earlier records are now proved against the larger tree.
    await checkProof(await recordProof(t.writ, 'WR-000000'), 0, 5);
  });

  it("proves a covered record against the latest checkpoint though the log has grown, and a withdrawn record by its tombstone's leaf", async () => {
    const tombstone = { id: 'WR-000002', version: 2, withdrawnAt: at.toISOString(), reason: 'Published by mistake' };
    await append('withdraw', 'WR-000002', 2, tombstone);
    // A record the latest checkpoint covers is proved against it, though the log has grown since.
    await checkProof(await recordProof(t.writ, 'WR-000001'), 1, 5);
    expect(await checkpointSizes(t.writ)).toEqual([3, 5]);
    const proof = await recordProof(t.writ, 'WR-000002');
    expect(proof).toMatchObject({ id: 'WR-000002', version: 2, status: 'withdrawn', record: null, tombstone, leafIndex: 5 });
    await checkProof(proof, 5, 6);
  });
});

describe('consistency proofs', () => {
  it('proves two signed sizes consistent, a size with itself by nothing', async () => {
    const proof = await consistencyBetween(t.writ, 3, 6);
    expect(proof).toEqual({ from: 3, to: 6, hashes: expect.any(Array) });
    expect(verifyConsistency(3, 6, rootOf(3), rootOf(6), proof.hashes.map(fromBase64))).toBe(true);
    expect(await consistencyBetween(t.writ, 5, 5)).toEqual({ from: 5, to: 5, hashes: [] });
  });

  it('refuses sizes backwards, and a size never signed, naming the field', async () => {
    expect(await refusal(consistencyBetween(t.writ, 5, 3))).toEqual({
      code: 'validation_failed',
      field: 'from',
      message: 'from must not be greater than to',
    });
    expect(await refusal(consistencyBetween(t.writ, 4, 5))).toEqual({
      code: 'not_found',
      field: 'from',
      message: 'no checkpoint has tree size 4',
    });
    expect(await refusal(consistencyBetween(t.writ, 3, 4))).toEqual({
      code: 'not_found',
      field: 'to',
      message: 'no checkpoint has tree size 4',
    });
  });

  it('links each pair of consecutive checkpoints, or of the sizes given; fewer than two sizes link nothing', async () => {
    expect(await checkpointSizes(t.writ)).toEqual([3, 5, 6]);
    const chain = await consistencyChain(t.writ);
    expect(chain.map(({ from, to }) => [from, to])).toEqual([
      [3, 5],
      [5, 6],
    ]);
    for (const { from, to, hashes } of chain)
      expect(verifyConsistency(from, to, rootOf(from), rootOf(to), hashes.map(fromBase64))).toBe(true);
    const given = await consistencyChain(t.writ, [3, 6]);
    expect(given).toEqual([await consistencyBetween(t.writ, 3, 6)]);
    expect(await consistencyChain(t.writ, [5])).toEqual([]);
  });
});

describe("the log's name and key", () => {
  it("keeps the first checkpoint's name when the configured one changes", async () => {
    const moved = anotherWrit({ WRIT_LOG_ORIGIN: 'elsewhere.example:9999/log' });
    expect(await logOrigin(moved)).toBe(ORIGIN);
    await publish(6);
    const note = await signCheckpointIfGrown(moved);
    expect(parseCheckpoint(note!)).toMatchObject({ origin: ORIGIN, treeSize: 7 });
    expect(parseVerifierKey(await verifierKey(moved)).name).toBe(ORIGIN);
  });

  it('signs with the configured key when there is one', async () => {
    const pem = generateSigningKey();
    expect(await verifierKey(anotherWrit({ WRIT_LOG_SIGNING_KEY: pem }))).toBe(verifierKeyOf(ORIGIN, signingKeyFrom(pem)));
  });

  it('reads the stored key once per repository, and again after a read that failed', async () => {
    const stored = await verifierKey(t.writ);
    const row = eq(installation.key, SIGNING_KEY_INSTALLATION_KEY);
    const [{ value }] = (await t.database.db.select({ value: installation.value }).from(installation).where(row)) as [
      { value: unknown },
    ];
    const fresh = anotherWrit();
    await t.database.db
      .update(installation)
      .set({ value: { pkcs8: 'not a key' } })
      .where(row);
    await expect(verifierKey(fresh)).rejects.toThrow();
    await t.database.db.update(installation).set({ value }).where(row);
    expect(await verifierKey(fresh)).toBe(stored);
    // Replaced in the database, the key already read stays the one signing.
    await t.database.db
      .update(installation)
      .set({ value: { pkcs8: generateSigningKey() } })
      .where(row);
    expect(await verifierKey(fresh)).toBe(stored);
    expect(await verifierKey(anotherWrit())).not.toBe(stored);
  });
});
