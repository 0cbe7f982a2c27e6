/**
 * `writ verify --site URL|DIR` (issue 13, decision 52): checks a published static site's
 * transparency log from outside, with nothing but the site's own files — no database, no trust in
 * the server. The verifier key parses; every checkpoint is signed by it for its origin; consecutive
 * checkpoints are consistent (RFC 9162 §2.1.4); every record listed in records/index.json has a
 * leaf whose entry is exactly the record (or tombstone) shown, and an inclusion proof (§2.1.3)
 * against the signed checkpoint of its tree size. The first failure names the record or checkpoint.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Checkpoint, CheckpointFormatError, parseVerifierKey, type VerifierKey } from '../domain/checkpoint.js';
import { verifyCheckpoint } from '../domain/checkpoint-signing.js';
import { fromBase64, leafHash, verifyConsistency, verifyInclusion } from '../domain/merkle.js';
import { siteLayout } from '../domain/static-site-layout.js';
import { canonicalJson, decodeLogEntry, type LogEntry } from '../domain/transparency-log.js';

/** Reads one file of the site by its layout path; null when the site has no such file. */
export type SiteReader = { describe: string; read(path: string): Promise<string | null> };

/** A site written to a directory. */
export function directoryReader(dir: string): SiteReader {
  const root = path.resolve(dir);
  return {
    describe: root,
    async read(file) {
      const full = path.resolve(root, file);
      if (!full.startsWith(root + path.sep)) return null;
      try {
        return await readFile(full, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
  };
}

/** A site served over HTTP(S): each path fetched under `url`. */
export function urlReader(url: string, fetchFn: typeof fetch = fetch): SiteReader {
  const base = new URL(url.endsWith('/') ? url : `${url}/`);
  return {
    describe: base.toString(),
    async read(file) {
      const response = await fetchFn(new URL(file, base));
      if (response.status === 404 || response.status === 410) return null;
      if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
      return response.text();
    },
  };
}

/** Where and what failed: `subject` is a record id, `checkpoint <size>`, `consistency <a>-<b>` or a file. */
export class VerifyFailure extends Error {
  override name = 'VerifyFailure';
  constructor(
    readonly subject: string,
    readonly what: string,
  ) {
    super(`${subject}: ${what}`);
  }
}

export type VerifySummary = {
  /** The verifier key checked against. */
  key: string;
  checkpoints: number;
  consistencyProofs: number;
  records: number;
  withdrawn: number;
  /** The latest checkpoint's tree size (0 when nothing is published). */
  treeSize: number;
};

export type VerifyProgress = (done: number, total: number) => void;

/** The JSON files Writ publishes are `JSON.stringify(value, null, 2)` and a newline; any other byte is a change. */
function publishedJson(subject: string, text: string | null, file: string): unknown {
  if (text === null) throw new VerifyFailure(subject, `${file} is missing`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new VerifyFailure(subject, `${file} is not valid JSON`);
  }
  if (`${JSON.stringify(value, null, 2)}\n` !== text) {
    throw new VerifyFailure(subject, `${file} is not byte for byte as published (its JSON layout was changed)`);
  }
  return value;
}

const isSize = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 1;
const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function hashesOf(subject: string, value: unknown, what: string): Uint8Array[] {
  if (!Array.isArray(value)) throw new VerifyFailure(subject, `${what} is not a list of hashes`);
  try {
    return value.map((h) => fromBase64(String(h)));
  } catch {
    throw new VerifyFailure(subject, `${what} has a hash that is not base64`);
  }
}

/** Verifies the whole site; throws VerifyFailure at the first thing that does not hold. */
export async function verifySite(reader: SiteReader, onProgress: VerifyProgress = () => {}): Promise<VerifySummary> {
  // The verifier key.
  const keyText = await reader.read(siteLayout.publicKey);
  if (keyText === null) throw new VerifyFailure(siteLayout.publicKey, 'the verifier key is missing');
  let key: VerifierKey;
  try {
    key = parseVerifierKey(keyText.trim());
  } catch (error) {
    throw new VerifyFailure(siteLayout.publicKey, (error as Error).message);
  }

  // Every checkpoint, signed by that key for its origin.
  const sizes = publishedJson(siteLayout.checkpoints, await reader.read(siteLayout.checkpoints), siteLayout.checkpoints);
  if (!Array.isArray(sizes) || !sizes.every(isSize) || sizes.some((s, i) => i > 0 && s <= sizes[i - 1]!)) {
    throw new VerifyFailure(siteLayout.checkpoints, 'is not a list of increasing tree sizes');
  }
  const checkpoints = new Map<number, Checkpoint & { note: string }>();
  for (const size of sizes) {
    const subject = `checkpoint ${size}`;
    const note = await reader.read(siteLayout.checkpointAt(size));
    if (note === null) throw new VerifyFailure(subject, `${siteLayout.checkpointAt(size)} is missing`);
    let checkpoint: Checkpoint;
    try {
      checkpoint = verifyCheckpoint(note, key);
    } catch (error) {
      if (error instanceof CheckpointFormatError) throw new VerifyFailure(subject, error.message);
      throw error;
    }
    if (checkpoint.treeSize !== size) throw new VerifyFailure(subject, `the checkpoint is of tree size ${checkpoint.treeSize}`);
    checkpoints.set(size, { ...checkpoint, note });
  }
  const latestSize = sizes.at(-1);
  const latestNote = await reader.read(siteLayout.checkpoint);
  if (latestSize === undefined) {
    if (latestNote !== null) throw new VerifyFailure(siteLayout.checkpoint, 'a checkpoint is published but none is listed');
  } else if (latestNote !== checkpoints.get(latestSize)!.note) {
    throw new VerifyFailure(siteLayout.checkpoint, `the latest checkpoint is not the listed checkpoint ${latestSize}`);
  }

  // Consistency between each consecutive pair: no checkpoint's history was rewritten by a later one.
  for (let i = 1; i < sizes.length; i++) {
    const from = sizes[i - 1]!;
    const to = sizes[i]!;
    const subject = `consistency ${from}-${to}`;
    const file = siteLayout.consistency(from, to);
    const proof = publishedJson(subject, await reader.read(file), file);
    if (!isObject(proof) || proof.from !== from || proof.to !== to) {
      throw new VerifyFailure(subject, `${file} is not the proof from ${from} to ${to}`);
    }
    const hashes = hashesOf(subject, proof.hashes, 'the proof');
    if (!verifyConsistency(from, to, checkpoints.get(from)!.rootHash, checkpoints.get(to)!.rootHash, hashes)) {
      throw new VerifyFailure(subject, `checkpoint ${to} is not consistent with checkpoint ${from} (the log was rewritten)`);
    }
  }

  // Every record: its leaf is the record shown, and the leaf is in the signed tree.
  const index = publishedJson(siteLayout.recordsIndex, await reader.read(siteLayout.recordsIndex), siteLayout.recordsIndex);
  if (!Array.isArray(index) || !index.every(isObject)) {
    throw new VerifyFailure(siteLayout.recordsIndex, 'is not a list of records');
  }
  if (index.length > 0 && latestSize === undefined) {
    throw new VerifyFailure(siteLayout.recordsIndex, 'records are listed but no checkpoint is published');
  }
  const seen = new Set<string>();
  let withdrawn = 0;
  onProgress(0, index.length);
  for (const [i, item] of index.entries()) {
    const id = typeof item.id === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(item.id) ? item.id : null;
    if (id === null) throw new VerifyFailure(siteLayout.recordsIndex, `entry ${i} has no valid record id`);
    if (seen.has(id)) throw new VerifyFailure(id, 'is listed twice in records/index.json');
    seen.add(id);
    const file = siteLayout.recordProof(id);
    const proof = publishedJson(id, await reader.read(file), file);
    if (!isObject(proof)) throw new VerifyFailure(id, `${file} is not a record proof`);
    for (const field of ['id', 'version', 'status', 'leafIndex'] as const) {
      if (proof[field] !== item[field]) {
        throw new VerifyFailure(
          id,
          `its ${field} is ${JSON.stringify(proof[field])} but records/index.json says ${JSON.stringify(item[field])}`,
        );
      }
    }
    const status = proof.status;
    if (status !== 'published' && status !== 'withdrawn') throw new VerifyFailure(id, `unknown status ${JSON.stringify(status)}`);
    if (status === 'withdrawn') withdrawn++;
    const leafIndex = proof.leafIndex;
    if (typeof leafIndex !== 'number' || !Number.isSafeInteger(leafIndex) || leafIndex < 0) {
      throw new VerifyFailure(id, 'its leaf index is not a whole number');
    }

    // The leaf decodes to this record's entry, whose body is exactly what the file shows.
    let leaf: Uint8Array;
    let entry: LogEntry;
    try {
      leaf = fromBase64(String(proof.leaf));
      entry = decodeLogEntry(leaf);
    } catch {
      throw new VerifyFailure(id, 'its leaf is not a log entry');
    }
    if (!isObject(entry) || canonicalJson(entry) !== new TextDecoder().decode(leaf)) {
      throw new VerifyFailure(id, 'its leaf is not a canonical log entry');
    }
    if (entry.id !== id || entry.version !== proof.version) {
      throw new VerifyFailure(id, `its leaf is the entry of ${String(entry.id)} version ${String(entry.version)}`);
    }
    if ((entry.kind === 'withdraw') !== (status === 'withdrawn')) {
      throw new VerifyFailure(id, `its leaf is a ${String(entry.kind)} entry but the record is ${status}`);
    }
    const shown = status === 'published' ? proof.record : proof.tombstone;
    const other = status === 'published' ? proof.tombstone : proof.record;
    if (other !== null)
      throw new VerifyFailure(id, `a ${status} record shows ${status === 'published' ? 'a tombstone' : 'a record'}`);
    if (canonicalJson(shown) !== canonicalJson(entry.body)) {
      throw new VerifyFailure(
        id,
        `the ${status === 'published' ? 'record' : 'tombstone'} shown differs from the one in its log leaf`,
      );
    }

    // The leaf is in the tree of a signed checkpoint.
    const inclusion = proof.inclusion;
    if (!isObject(inclusion) || !isSize(inclusion.treeSize)) throw new VerifyFailure(id, 'its inclusion proof has no tree size');
    const checkpoint = checkpoints.get(inclusion.treeSize);
    if (!checkpoint)
      throw new VerifyFailure(id, `its proof is against tree size ${inclusion.treeSize}, which has no published checkpoint`);
    if (proof.checkpoint !== checkpoint.note) {
      throw new VerifyFailure(id, `the checkpoint it carries is not the published checkpoint ${inclusion.treeSize}`);
    }
    const hashes = hashesOf(id, inclusion.hashes, 'its inclusion proof');
    if (!verifyInclusion(leafHash(leaf), leafIndex, inclusion.treeSize, hashes, checkpoint.rootHash)) {
      throw new VerifyFailure(
        id,
        `its leaf ${leafIndex} is not in the log of checkpoint ${inclusion.treeSize} (inclusion proof fails)`,
      );
    }
    onProgress(i + 1, index.length);
  }

  return {
    key: keyText.trim(),
    checkpoints: sizes.length,
    consistencyProofs: Math.max(sizes.length - 1, 0),
    records: index.length,
    withdrawn,
    treeSize: latestSize ?? 0,
  };
}
