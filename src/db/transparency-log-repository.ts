/**
 * The transparency log (issue 13): append-only leaves (migration 0017 refuses updates and deletes)
 * and the signed checkpoints. Leaves are appended one writer at a time, inside the transaction that
 * publishes, corrects or withdraws the record, so a record is public exactly when its leaf is in the log.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Clock } from '../app/context.js';
import type { LogEntryKind } from '../domain/publishing-vocabulary.js';
import type { Db } from './connection.js';
import type { DbOrTx } from './outbox-repository.js';
import { transparencyLog } from './schema/index.js';

/** Serializes appends: leaf indices are dense (0, 1, 2, …), as a Merkle tree needs. */
const LOG_APPEND_LOCK = 7_201_913;

export type NewLogLeaf = { kind: LogEntryKind; publicId: string; version: number; leaf: Uint8Array; at: Date };

/** Appends one leaf in `tx` and returns its index. Call inside the transaction that publishes. */
export async function appendLogEntry(tx: DbOrTx, entry: NewLogLeaf): Promise<number> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${LOG_APPEND_LOCK})`);
  const next = await tx.execute<{ n: string }>(sql`SELECT coalesce(max(leaf_index) + 1, 0)::bigint AS n FROM transparency_log`);
  const leafIndex = Number(next.rows[0]!.n);
  const leaf = Buffer.from(entry.leaf);
  const leafHash = createHash('sha256')
    .update(Buffer.from([0]))
    .update(leaf)
    .digest();
  await tx.insert(transparencyLog).values({
    leafIndex,
    kind: entry.kind,
    publicId: entry.publicId,
    version: entry.version,
    leaf,
    leafHash,
    appendedAt: entry.at,
  });
  return leafIndex;
}

// The rest (leaf hashes for proofs, checkpoints) belongs to the log's helper; see src/app/transparency-log.ts.
export function transparencyLogRepository(_db: Db, _now: Clock) {
  return {};
}
