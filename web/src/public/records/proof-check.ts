/**
 * A record's inclusion proof, checked in the reader's browser (issue 13): the leaf is this record's
 * log entry, the audit path leads from its hash to the root of the checkpoint's tree, and the
 * checkpoint is signed by the log's key (Ed25519 through WebCrypto). Nothing is taken on trust from
 * the server but the key, which a reader can compare with the one published elsewhere.
 */
import { type Checkpoint, parseCheckpoint, parseVerifierKey } from '../../../../src/domain/checkpoint.js';
import { fromBase64, leafHash, verifyInclusion } from '../../../../src/domain/merkle.js';
import type { PublicRecord, PublicTombstone } from '../../../../src/domain/public-record.js';
import type { RecordProof } from '../../../../src/domain/static-site-layout.js';
import { canonicalJson, decodeLogEntry } from '../../../../src/domain/transparency-log.js';

export type ProofFailure =
  | 'malformed'
  | 'leaf_mismatch'
  | 'not_included'
  | 'size_mismatch'
  | 'no_signature'
  | 'bad_signature'
  | 'unsupported';

export type ProofResult =
  | { ok: true; leafIndex: number; treeSize: number; origin: string }
  | { ok: false; failure: ProofFailure; detail?: string };

const equalBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

/** Ed25519 over the note's body with the verifier key, by WebCrypto. */
async function signatureHolds(checkpoint: Checkpoint, keyText: string): Promise<ProofFailure | null> {
  const key = parseVerifierKey(keyText.trim());
  const signature = checkpoint.signatures.find((s) => s.keyName === key.name && equalBytes(s.keyHint, key.hint));
  if (!signature) return 'no_signature';
  let publicKey: CryptoKey;
  try {
    publicKey = await crypto.subtle.importKey('raw', key.publicKey as BufferSource, { name: 'Ed25519' }, false, ['verify']);
  } catch {
    return 'unsupported';
  }
  const valid = await crypto.subtle.verify(
    { name: 'Ed25519' },
    publicKey,
    signature.signature as BufferSource,
    new TextEncoder().encode(checkpoint.body) as BufferSource,
  );
  return valid ? null : 'bad_signature';
}

/**
 * Checks `proof` for the record (or tombstone) this page shows: that its leaf holds exactly that body,
 * that the leaf is in the checkpoint's tree, and that the checkpoint is signed by `keyText`.
 */
export async function checkRecordProof(
  shown: PublicRecord | PublicTombstone,
  proof: RecordProof,
  keyText: string,
): Promise<ProofResult> {
  let checkpoint: Checkpoint;
  let leaf: Uint8Array;
  let path: Uint8Array[];
  try {
    checkpoint = parseCheckpoint(proof.checkpoint);
    leaf = fromBase64(proof.leaf);
    path = proof.inclusion.hashes.map(fromBase64);
  } catch (error) {
    return { ok: false, failure: 'malformed', detail: error instanceof Error ? error.message : String(error) };
  }
  let entryBody: unknown;
  let entry: ReturnType<typeof decodeLogEntry>;
  try {
    entry = decodeLogEntry(leaf);
    entryBody = entry.body;
  } catch {
    return { ok: false, failure: 'malformed', detail: 'the leaf is not a log entry' };
  }
  if (entry.id !== shown.id || entry.version !== shown.version || canonicalJson(entryBody) !== canonicalJson(shown))
    return { ok: false, failure: 'leaf_mismatch' };
  if (proof.inclusion.treeSize !== checkpoint.treeSize) return { ok: false, failure: 'size_mismatch' };
  if (!verifyInclusion(leafHash(leaf), proof.leafIndex, checkpoint.treeSize, path, checkpoint.rootHash))
    return { ok: false, failure: 'not_included' };
  let signed: ProofFailure | null;
  try {
    signed = await signatureHolds(checkpoint, keyText);
  } catch (error) {
    return { ok: false, failure: 'malformed', detail: error instanceof Error ? error.message : String(error) };
  }
  if (signed) return { ok: false, failure: signed };
  return { ok: true, leafIndex: proof.leafIndex, treeSize: checkpoint.treeSize, origin: checkpoint.origin };
}
