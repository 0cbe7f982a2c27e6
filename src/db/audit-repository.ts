/**
 * The hash-chained audit log: reading chains to verify them, heads, signed checkpoints (issue 12).
 * Entries are appended by the database's triggers only (migration 0016, decision 48); this
 * repository reads them, records checkpoints and adds the one history event no other table gives:
 * a staff member's view of an order's private attachment.
 */
import { desc, sql } from 'drizzle-orm';
import type { Clock } from '../app/context.js';
import type { AuditHead, AuditRow } from '../domain/audit-chain.js';
import type { Db } from './connection.js';
import { auditCheckpoints, events } from './schema/index.js';

export type CheckpointRow = typeof auditCheckpoints.$inferSelect;

type RawRow = { chain: string; seq: string; at_micros: string; entry: string; prev_hash: string; hash: string };

export function auditRepository(db: Db, now: Clock) {
  return {
    /**
     * One page of the log in (chain, seq) order after `after`, through the primary key's index:
     * entries as their JSON text and times in microseconds, so that nothing is rounded on the way.
     * The order names the table's columns: a bare `seq` would be the text column of the select list,
     * and seq 10 would come between 1 and 2.
     */
    async page(after: { chain: string; seq: number } | null, limit: number, chain: string | null = null): Promise<AuditRow[]> {
      const where = [
        after ? sql`(chain, seq) > (${after.chain}, ${after.seq})` : sql`true`,
        chain === null ? sql`true` : sql`chain = ${chain}`,
      ];
      const { rows } = await db.execute<RawRow>(sql`
        SELECT chain, seq::text AS seq, (extract(epoch FROM at) * 1000000)::bigint::text AS at_micros,
               entry::text AS entry, prev_hash, hash
        FROM audit_log WHERE ${sql.join(where, sql` AND `)} ORDER BY audit_log.chain, audit_log.seq LIMIT ${limit}`);
      return rows.map((r) => ({
        chain: r.chain,
        seq: Number(r.seq),
        atMicros: BigInt(r.at_micros),
        entry: r.entry,
        prevHash: r.prev_hash,
        hash: r.hash,
      }));
    },

    /** Every chain's head (one small row per chain), or one chain's. */
    async heads(chain: string | null = null): Promise<AuditHead[]> {
      const { rows } = await db.execute<{ chain: string; seq: string; hash: string }>(sql`
        SELECT chain, seq::text AS seq, hash FROM audit_heads ${chain === null ? sql`` : sql`WHERE chain = ${chain}`}`);
      return rows.map((r) => ({ chain: r.chain, seq: Number(r.seq), hash: r.hash }));
    },

    /** The entries of one chain, newest last (for tests and the page's sample). */
    async chainEntries(chain: string): Promise<{ seq: number; entry: Record<string, unknown> }[]> {
      const { rows } = await db.execute<{ seq: string; entry: Record<string, unknown> }>(
        sql`SELECT seq::text AS seq, entry FROM audit_log WHERE chain = ${chain} ORDER BY audit_log.seq`,
      );
      return rows.map((r) => ({ seq: Number(r.seq), entry: r.entry }));
    },

    async addCheckpoint(c: {
      at: Date;
      chains: number;
      entries: number;
      rootHash: string;
      signature: string | null;
      keyId: string | null;
    }): Promise<CheckpointRow> {
      const [row] = await db.insert(auditCheckpoints).values(c).returning();
      return row!;
    },

    async checkpoints(limit: number): Promise<CheckpointRow[]> {
      return db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(limit);
    },

    /** A staff member downloaded an order's private attachment: an event, chained like any other. */
    async recordAttachmentView(userId: string, requestId: string, attachmentId: string): Promise<void> {
      await db.insert(events).values({
        requestId,
        type: 'attachment_viewed',
        actorId: userId,
        at: now(),
        after: { attachmentId },
      });
    },
  };
}
export type AuditRepository = ReturnType<typeof auditRepository>;
