/**
 * The transparency log's entries (issue 13, decision 52): each published record version, correction
 * and withdrawal becomes one leaf, the canonical bytes of its entry. Canonical JSON: UTF-8, object
 * keys sorted by code unit at every level, no whitespace, so that anyone holding the record can
 * rebuild the leaf and check it against the log. Browser-safe.
 *
 * The Merkle tree over the leaves (RFC 9162 hashing, inclusion and consistency proofs) is in
 * src/domain/merkle.ts; the signed tree heads (C2SP checkpoints) in src/domain/checkpoint.ts.
 */
import type { PublicRecord, PublicTombstone } from './public-record.js';
import type { LogEntryKind } from './publishing-vocabulary.js';

export type LogEntry = {
  kind: LogEntryKind;
  /** The record's public identifier. */
  id: string;
  version: number;
  /** ISO instant the entry was appended (the version's publication or the withdrawal). */
  at: string;
  /** The record as published (publish, correct) or its tombstone (withdraw). */
  body: PublicRecord | PublicTombstone;
};

/** JSON with object keys sorted at every level and no whitespace; `undefined` members are dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('canonical JSON has no NaN or Infinity');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const keys = Object.keys(value as Record<string, unknown>)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** The leaf bytes of an entry. */
export function encodeLogEntry(entry: LogEntry): Uint8Array {
  return new TextEncoder().encode(canonicalJson(entry));
}

/** The entry a leaf holds (the inverse of encodeLogEntry for leaves it wrote). */
export function decodeLogEntry(leaf: Uint8Array): LogEntry {
  return JSON.parse(new TextDecoder().decode(leaf)) as LogEntry;
}
