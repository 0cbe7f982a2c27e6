/**
 * The transparency log's use cases (issue 13, decision 52): signing checkpoints as the log grows,
 * a record's inclusion proof, consistency proofs between checkpoints, the verifier key. Called by
 * the public routes (src/http/public/log-routes.ts), the static site's files (src/app/site-log-files.ts)
 * and the publishing job.
 */
import type { KeyObject } from 'node:crypto';
import type { CheckpointRow } from '../db/transparency-log-repository.js';
import { checkpointBody, parseCheckpoint } from '../domain/checkpoint.js';
import { generateSigningKey, signingKeyFrom, signNote, verifierKeyOf } from '../domain/checkpoint-signing.js';
import { notFound, WritError } from '../domain/errors.js';
import { MerkleTree, rootHash, toBase64 } from '../domain/merkle.js';
import type { PublicRecord, PublicTombstone } from '../domain/public-record.js';
import type { ConsistencyProof, RecordProof } from '../domain/static-site-layout.js';
import type { Writ } from './context.js';

type LogWrit = Pick<Writ, 'transparencyLog' | 'config'>;

/** Signing keys already read, per repository (one database): reading and parsing the key once per process. */
const keys = new WeakMap<object, Promise<KeyObject>>();

/** The key that signs checkpoints: the configured one, else the one kept in the database (made on first use). */
function signingKey(writ: LogWrit): Promise<KeyObject> {
  let key = keys.get(writ.transparencyLog);
  if (!key) {
    const configured = writ.config.publishing.signingKey;
    key = (
      configured !== undefined ? Promise.resolve(configured) : writ.transparencyLog.storedSigningKey(generateSigningKey)
    ).then(signingKeyFrom);
    key.catch(() => keys.delete(writ.transparencyLog));
    keys.set(writ.transparencyLog, key);
  }
  return key;
}

/** Origins already read, per repository: once a log has signed a checkpoint its name never changes. */
const origins = new WeakMap<object, string>();

/**
 * The log's name (its checkpoints' origin line and its key's name): the origin of its first signed
 * checkpoint, else the configured one (`WRIT_LOG_ORIGIN`, by default from `WRIT_PUBLIC_URL`, which
 * follows `PORT` when unset). A log is identified by its name: changing the setting after the first
 * checkpoint must not make later checkpoints a different log's (a server run once on another port did).
 */
export async function logOrigin(writ: LogWrit): Promise<string> {
  const known = origins.get(writ.transparencyLog);
  if (known) return known;
  const [first] = await writ.transparencyLog.checkpointSizes();
  if (first === undefined) return writ.config.publishing.logOrigin;
  const row = await writ.transparencyLog.checkpointBySize(first);
  const origin = parseCheckpoint(row!.note).origin;
  origins.set(writ.transparencyLog, origin);
  return origin;
}

/** The log's verifier key, `<origin>+<hint>+<base64(0x01 || public key)>` (the key is named after the origin). */
export async function verifierKey(writ: LogWrit): Promise<string> {
  return verifierKeyOf(await logOrigin(writ), await signingKey(writ));
}

/**
 * Signs a checkpoint of the whole log when it has grown past the latest checkpoint. Returns the new
 * signed note, or null when there was nothing new to sign (or the log is empty).
 */
export async function signCheckpointIfGrown(writ: LogWrit): Promise<string | null> {
  const size = await writ.transparencyLog.size();
  const latest = await writ.transparencyLog.latestCheckpoint();
  if (size === 0 || (latest && latest.treeSize >= size)) return null;
  const root = rootHash(await writ.transparencyLog.leafHashes(size));
  const origin = await logOrigin(writ);
  const note = signNote(checkpointBody(origin, size, root), origin, await signingKey(writ));
  const saved = await writ.transparencyLog.saveCheckpoint({ treeSize: size, rootHash: root, note });
  return saved.note;
}

/** The latest signed checkpoint, or null when nothing was ever signed. */
export async function latestCheckpoint(writ: LogWrit): Promise<string | null> {
  return (await writ.transparencyLog.latestCheckpoint())?.note ?? null;
}

/** The latest checkpoint after signing one for any leaves not yet covered; null while the log is empty. */
export async function currentCheckpoint(writ: LogWrit): Promise<string | null> {
  await signCheckpointIfGrown(writ);
  return latestCheckpoint(writ);
}

/** The tree sizes that have a checkpoint, ascending. */
export async function checkpointSizes(writ: LogWrit): Promise<number[]> {
  return writ.transparencyLog.checkpointSizes();
}

/** The checkpoint of one tree size; not_found when that size was never signed. */
export async function checkpointAt(writ: LogWrit, treeSize: number): Promise<string> {
  const row = await writ.transparencyLog.checkpointBySize(treeSize);
  if (!row) throw new WritError('not_found', `no checkpoint has tree size ${treeSize}`, 'treeSize');
  return row.note;
}

/**
 * The consistency proof between two signed tree sizes, `from` ≤ `to` (RFC 9162 §2.1.4). Both sizes
 * must have a checkpoint, so that the proof links two heads a reader can check.
 */
export async function consistencyBetween(writ: LogWrit, from: number, to: number): Promise<ConsistencyProof> {
  if (from > to) throw new WritError('validation_failed', 'from must not be greater than to', 'from');
  for (const [field, size] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!(await writ.transparencyLog.checkpointBySize(size))) {
      throw new WritError('not_found', `no checkpoint has tree size ${size}`, field);
    }
  }
  const tree = new MerkleTree(await writ.transparencyLog.leafHashes(to));
  return { from, to, hashes: tree.consistencyProof(from).map(toBase64) };
}

/** Consistency proofs between each consecutive pair of checkpoints (what the static site publishes). */
export async function consistencyChain(writ: LogWrit, sizes?: number[]): Promise<ConsistencyProof[]> {
  const all = sizes ?? (await writ.transparencyLog.checkpointSizes());
  if (all.length < 2) return [];
  const tree = new MerkleTree(await writ.transparencyLog.leafHashes(all.at(-1)!));
  const out: ConsistencyProof[] = [];
  for (let i = 1; i < all.length; i++) {
    const from = all[i - 1]!;
    const to = all[i]!;
    out.push({ from, to, hashes: tree.consistencyProof(from, to).map(toBase64) });
  }
  return out;
}

/** Builds a RecordProof of one leaf against one checkpoint; `tree` holds at least the checkpoint's leaves. */
export function proofOfLeaf(
  entry: { leafIndex: number; kind: string; publicId: string; version: number; leaf: Uint8Array },
  checkpoint: Pick<CheckpointRow, 'treeSize' | 'note'>,
  tree: MerkleTree,
): RecordProof {
  const body = JSON.parse(new TextDecoder().decode(entry.leaf)).body as PublicRecord | PublicTombstone;
  const withdrawn = entry.kind === 'withdraw';
  return {
    id: entry.publicId,
    version: entry.version,
    status: withdrawn ? 'withdrawn' : 'published',
    record: withdrawn ? null : (body as PublicRecord),
    tombstone: withdrawn ? (body as PublicTombstone) : null,
    leafIndex: entry.leafIndex,
    leaf: toBase64(entry.leaf),
    inclusion: {
      treeSize: checkpoint.treeSize,
      hashes: tree.inclusionProof(entry.leafIndex, checkpoint.treeSize).map(toBase64),
    },
    checkpoint: checkpoint.note,
  };
}

/**
 * A record's current version (or its tombstone) with its log leaf and its inclusion proof against the
 * latest checkpoint; a checkpoint is signed first when the latest does not cover the leaf yet.
 */
export async function recordProof(writ: LogWrit, publicId: string): Promise<RecordProof> {
  const entry = await writ.transparencyLog.latestEntryOf(publicId);
  if (!entry) throw notFound('Public record', publicId);
  let checkpoint = await writ.transparencyLog.latestCheckpoint();
  if (!checkpoint || checkpoint.treeSize <= entry.leafIndex) {
    await signCheckpointIfGrown(writ);
    checkpoint = await writ.transparencyLog.latestCheckpoint();
  }
  if (!checkpoint || checkpoint.treeSize <= entry.leafIndex) {
    throw new WritError('unavailable', `no checkpoint covers the leaf of ${publicId} yet`);
  }
  return proofOfLeaf(entry, checkpoint, new MerkleTree(await writ.transparencyLog.leafHashes(checkpoint.treeSize)));
}
