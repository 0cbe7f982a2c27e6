/**
 * The mail outbox: every mail Writ sends (invitation, email confirmation, receipt, clarification
 * request, decision, message) is stored here first, in the transaction of what it reports, and sent
 * later by a durable job. Nothing is mailed that was not committed; nothing committed is lost.
 *
 * A row is the truth about its mail: `queued` (stored, not yet handed to the sender), `sending`
 * (handed to exactly one durable job, which makes the attempts and waits between them), `sent`, or
 * `failed` (every attempt failed; an admin may queue it again). docs/decisions/0041-durable-jobs.md.
 */
import { and, count, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from './connection.js';
import { mailOutbox } from './schema/index.js';

/** A database handle or a transaction of one. */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export type NewMail = {
  /** invitation, email_confirmation, receipt, clarification_request, decision, message, … */
  kind: string;
  to: string;
  subject: string;
  /** Plain text. */
  body: string;
  agencyId?: string | null;
  requestId?: string | null;
};

/** Stores a mail for sending; call it inside the transaction of the change the mail reports. */
export async function enqueueMail(db: DbOrTx, mail: NewMail): Promise<{ id: string }> {
  const [row] = await db
    .insert(mailOutbox)
    .values({ ...mail, agencyId: mail.agencyId ?? null, requestId: mail.requestId ?? null })
    .returning({ id: mailOutbox.id });
  return row!;
}

export const mailStatuses = ['queued', 'sending', 'sent', 'failed'] as const;
export type MailStatus = (typeof mailStatuses)[number];

export type OutboxMail = typeof mailOutbox.$inferSelect;

/**
 * pg-boss's view of a connection (its `db` option): positional parameters run as one drizzle
 * statement on `db`, so that a job can be queued inside a transaction of ours.
 */
export type SqlRunner = { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

export function sqlRunner(db: DbOrTx): SqlRunner {
  return {
    async executeSql(text, values = []) {
      const chunks: SQL[] = text
        .split(/\$(\d+)/)
        .map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${values[Number(part) - 1] ?? null}`));
      const result = await db.execute(sql.join(chunks));
      return { rows: result.rows };
    },
  };
}

export function outboxRepository(db: Db, now: () => Date) {
  return {
    /**
     * Hands up to `limit` queued mails to the sender: marks them `sending` and, in the same
     * transaction, lets `handOver` queue a job for each, so that a mail is handed over exactly once
     * even when several Writ processes sweep at the same time (SKIP LOCKED) or one dies midway.
     */
    async handOverQueued(limit: number, handOver: (ids: string[], tx: SqlRunner) => Promise<void>): Promise<number> {
      return db.transaction(async (tx) => {
        const claimed = await tx.execute<{ id: string }>(sql`
          UPDATE mail_outbox SET status = 'sending'
          WHERE id IN (SELECT id FROM mail_outbox WHERE status = 'queued' ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
          RETURNING id`);
        const ids = claimed.rows.map((r) => r.id);
        if (ids.length > 0) await handOver(ids, sqlRunner(tx));
        return ids.length;
      });
    },

    /**
     * Queues again the mails marked `sending` that no job of `queues` holds in pg-boss's `jobSchema`
     * (the database was restored from a backup, which copies Writ's tables and not pg-boss's, or
     * pg-boss's schema was dropped): without this they would wait for a job that does not exist.
     */
    async requeueOrphaned(jobSchema: string, queues: string[]): Promise<number> {
      const result = await db.execute(sql`
        UPDATE mail_outbox m SET status = 'queued'
        WHERE m.status = 'sending'
          AND NOT EXISTS (SELECT 1 FROM ${sql.identifier(jobSchema)}.job j
                          WHERE j.name IN ${queues} AND j.data->>'id' = m.id::text)`);
      return result.rowCount ?? 0;
    },

    /** Counts an attempt of a mail its job holds and fixes its Message-ID; undefined when it is no longer `sending`. */
    async beginAttempt(id: string, messageId: string): Promise<OutboxMail | undefined> {
      const [row] = await db
        .update(mailOutbox)
        .set({ attempts: sql`${mailOutbox.attempts} + 1`, messageId: sql`coalesce(${mailOutbox.messageId}, ${messageId})` })
        .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'sending')))
        .returning();
      return row;
    },

    async markSent(id: string): Promise<void> {
      await db
        .update(mailOutbox)
        .set({ status: 'sent', sentAt: now(), lastError: null })
        .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'sending')));
    },

    /** Records a failed attempt; `final` makes the mail `failed` (its job stops trying). */
    async recordFailure(id: string, error: string, final: boolean): Promise<void> {
      await db
        .update(mailOutbox)
        .set({ lastError: error.slice(0, 2000), ...(final ? { status: 'failed' as const } : {}) })
        .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'sending')));
    },

    async list(filter: { status?: MailStatus; limit: number; offset: number }): Promise<{ mails: OutboxMail[]; total: number }> {
      const where = filter.status ? eq(mailOutbox.status, filter.status) : undefined;
      const [mails, [total]] = await Promise.all([
        db
          .select()
          .from(mailOutbox)
          .where(where)
          .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
          .limit(filter.limit)
          .offset(filter.offset),
        db.select({ n: count() }).from(mailOutbox).where(where),
      ]);
      return { mails, total: total?.n ?? 0 };
    },

    async countsByStatus(): Promise<Record<MailStatus, number>> {
      const rows = await db.select({ status: mailOutbox.status, n: count() }).from(mailOutbox).groupBy(mailOutbox.status);
      const counts = { queued: 0, sending: 0, sent: 0, failed: 0 };
      for (const r of rows) counts[r.status] = r.n;
      return counts;
    },

    async find(id: string): Promise<OutboxMail | undefined> {
      const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
      return row;
    },

    /** Queues a failed mail again with a fresh count of attempts; undefined when it is not `failed`. */
    async requeueFailed(id: string): Promise<OutboxMail | undefined> {
      const [row] = await db
        .update(mailOutbox)
        .set({ status: 'queued', attempts: 0 })
        .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'failed')))
        .returning();
      return row;
    },
  };
}
export type OutboxRepository = ReturnType<typeof outboxRepository>;
