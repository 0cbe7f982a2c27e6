/**
 * The transparency log (issue 13): append-only leaves (migration 0017 refuses updates and deletes)
 * and the signed checkpoints. Leaves are appended one writer at a time, inside the transaction that
 * publishes, corrects or withdraws the record, so a record is public exactly when its leaf is in the log.
 */
import { asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Clock } from '../app/context.js';
import { leafHash as merkleLeafHash } from '../domain/merkle.js';
import type { LogEntryKind } from '../domain/publishing-vocabulary.js';
import type { Db } from './connection.js';
import type { DbOrTx } from './outbox-repository.js';
import { installation, logCheckpoints, transparencyLog } from './schema/index.js';

/** Serializes appends: leaf indices are dense (0, 1, 2, …), as a Merkle tree needs. */
const LOG_APPEND_LOCK = 7_201_913;

export type NewLogLeaf = { kind: LogEntryKind; publicId: string; version: number; leaf: Uint8Array; at: Date };

/** Appends one leaf in `tx` and returns its index. Call inside the transaction that publishes. */
export async function appendLogEntry(tx: DbOrTx, entry: NewLogLeaf): Promise<number> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${LOG_APPEND_LOCK})`);
  const next = await tx.execute<{ n: string }>(sql`SELECT coalesce(max(leaf_index) + 1, 0)::bigint AS n FROM transparency_log`);
  const leafIndex = Number(next.rows[0]!.n);
  const leaf = Buffer.from(entry.leaf);
  // RFC 9162's leaf hash, the one the proofs and `writ verify` recompute.
  const leafHash = Buffer.from(merkleLeafHash(entry.leaf));
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

/** One leaf of the log, as stored. */
export type LogLeafRow = {
  leafIndex: number;
  kind: LogEntryKind;
  publicId: string;
  version: number;
  leaf: Uint8Array;
  leafHash: Uint8Array;
  appendedAt: Date;
};

/** One signed checkpoint, as stored (the note exactly as published). */
export type CheckpointRow = { treeSize: number; rootHash: Uint8Array; note: string; signedAt: Date };

/** The installation key under which a generated signing key is kept when none is configured (decision 52). */
export const SIGNING_KEY_INSTALLATION_KEY = 'transparency_log_signing_key';

const bytes = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
const leafRow = (r: typeof transparencyLog.$inferSelect): LogLeafRow => ({
  leafIndex: r.leafIndex,
  kind: r.kind,
  publicId: r.publicId,
  version: r.version,
  leaf: bytes(r.leaf),
  leafHash: bytes(r.leafHash),
  appendedAt: r.appendedAt,
});
const checkpointRow = (r: typeof logCheckpoints.$inferSelect): CheckpointRow => ({
  treeSize: r.treeSize,
  rootHash: bytes(r.rootHash),
  note: r.note,
  signedAt: r.signedAt,
});

/**
 * Reading the log (leaves, leaf hashes for proofs) and keeping its signed checkpoints and its
 * generated signing key. The Merkle computations are in src/domain/merkle.ts; src/app/transparency-log.ts
 * puts them together.
 */
export function transparencyLogRepository(db: Db, now: Clock) {
  return {
    /**
     * The number of leaves. Appends are serialized and committed in index order (appendLogEntry's
     * lock is held to commit), so the leaves a reader sees are always 0 … size-1.
     */
    async size(): Promise<number> {
      const r = await db.execute<{ n: string }>(sql`SELECT coalesce(max(leaf_index) + 1, 0)::bigint AS n FROM transparency_log`);
      return Number(r.rows[0]!.n);
    },

    /** The leaf hashes of leaves 0 … upTo-1, in order; throws when the log is shorter. */
    async leafHashes(upTo: number): Promise<Uint8Array[]> {
      const rows = await db
        .select({ leafHash: transparencyLog.leafHash })
        .from(transparencyLog)
        .where(lt(transparencyLog.leafIndex, upTo))
        .orderBy(asc(transparencyLog.leafIndex));
      if (rows.length !== upTo) throw new Error(`the transparency log has ${rows.length} leaves below ${upTo}`);
      return rows.map((r) => bytes(r.leafHash));
    },

    async entry(index: number): Promise<LogLeafRow | null> {
      const [row] = await db.select().from(transparencyLog).where(eq(transparencyLog.leafIndex, index));
      return row ? leafRow(row) : null;
    },

    /** A record's latest leaf (its current version, or its withdrawal), or null when it was never published. */
    async latestEntryOf(publicId: string): Promise<LogLeafRow | null> {
      const [row] = await db
        .select()
        .from(transparencyLog)
        .where(eq(transparencyLog.publicId, publicId))
        .orderBy(desc(transparencyLog.version))
        .limit(1);
      return row ? leafRow(row) : null;
    },

    /**
     * Every record's latest leaf, in public id order, a page at a time (after `afterPublicId`), among
     * the first `treeSize` leaves: what records/index.json lists.
     */
    async latestEntries(treeSize: number, afterPublicId: string | null, limit: number): Promise<LogLeafRow[]> {
      const rows = await db.execute<{ leaf_index: string }>(sql`
        SELECT DISTINCT ON (public_id) leaf_index::text AS leaf_index
        FROM transparency_log
        WHERE leaf_index < ${treeSize} ${afterPublicId === null ? sql`` : sql`AND public_id > ${afterPublicId}`}
        ORDER BY public_id, version DESC
        LIMIT ${limit}`);
      if (rows.rows.length === 0) return [];
      const indices = rows.rows.map((r) => Number(r.leaf_index));
      const leaves = await db.select().from(transparencyLog).where(inArray(transparencyLog.leafIndex, indices));
      return leaves.map(leafRow).sort((a, b) => (a.publicId < b.publicId ? -1 : a.publicId > b.publicId ? 1 : 0));
    },

    /** The number of distinct records in the first `treeSize` leaves. */
    async recordCount(treeSize: number): Promise<number> {
      const r = await db.execute<{ n: string }>(
        sql`SELECT count(DISTINCT public_id)::bigint AS n FROM transparency_log WHERE leaf_index < ${treeSize}`,
      );
      return Number(r.rows[0]!.n);
    },

    /**
     * Keeps a signed checkpoint. Two signers of the same size race harmlessly: the first note stays
     * and both get it back.
     */
    async saveCheckpoint(input: { treeSize: number; rootHash: Uint8Array; note: string }): Promise<CheckpointRow> {
      await db
        .insert(logCheckpoints)
        .values({ treeSize: input.treeSize, rootHash: Buffer.from(input.rootHash), note: input.note, signedAt: now() })
        .onConflictDoNothing({ target: logCheckpoints.treeSize });
      const [row] = await db.select().from(logCheckpoints).where(eq(logCheckpoints.treeSize, input.treeSize));
      return checkpointRow(row!);
    },

    async latestCheckpoint(): Promise<CheckpointRow | null> {
      const [row] = await db.select().from(logCheckpoints).orderBy(desc(logCheckpoints.treeSize)).limit(1);
      return row ? checkpointRow(row) : null;
    },

    async checkpointBySize(treeSize: number): Promise<CheckpointRow | null> {
      const [row] = await db.select().from(logCheckpoints).where(eq(logCheckpoints.treeSize, treeSize));
      return row ? checkpointRow(row) : null;
    },

    /** Every checkpoint, by tree size ascending. */
    async checkpoints(): Promise<CheckpointRow[]> {
      const rows = await db.select().from(logCheckpoints).orderBy(asc(logCheckpoints.treeSize));
      return rows.map(checkpointRow);
    },

    /** The tree sizes that have a checkpoint, ascending. */
    async checkpointSizes(): Promise<number[]> {
      const rows = await db
        .select({ treeSize: logCheckpoints.treeSize })
        .from(logCheckpoints)
        .orderBy(asc(logCheckpoints.treeSize));
      return rows.map((r) => r.treeSize);
    },

    /**
     * The signing key kept in the database (used when none is configured): made by `generate` on first
     * use. Race-safe: INSERT … ON CONFLICT DO NOTHING, then whichever key was stored first is read back.
     */
    async storedSigningKey(generate: () => string): Promise<string> {
      const [existing] = await db
        .select({ value: installation.value })
        .from(installation)
        .where(eq(installation.key, SIGNING_KEY_INSTALLATION_KEY));
      if (existing) return (existing.value as { pkcs8: string }).pkcs8;
      await db
        .insert(installation)
        .values({ key: SIGNING_KEY_INSTALLATION_KEY, value: { pkcs8: generate(), createdAt: now().toISOString() } })
        .onConflictDoNothing({ target: installation.key });
      const [row] = await db
        .select({ value: installation.value })
        .from(installation)
        .where(eq(installation.key, SIGNING_KEY_INSTALLATION_KEY));
      return (row!.value as { pkcs8: string }).pkcs8;
    },
  };
}
export type TransparencyLogRepository = ReturnType<typeof transparencyLogRepository>;
