/**
 * Signed calls to the platform's own systems (notice sink, content system, alert hook): queued in
 * the writer's transaction, sent by the durable jobs with back-off, dead-lettered as `failed`
 * (issue 12). A row is the truth about one call: `queued` (not yet handed to the sender),
 * `sending` (held by exactly one durable job), `delivered` or `failed`; the same discipline as the
 * mail outbox and agencies' webhooks. An enforcement call's action follows its row.
 */
import { and, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Clock } from '../app/context.js';
import type { SinkDeliveryStatus, SinkKind } from '../domain/review-vocabulary.js';
import type { Db } from './connection.js';
import { type DbOrTx, type SqlRunner, sqlRunner } from './outbox-repository.js';
import { enforcementActionsTable, events, sinkDeliveries } from './schema/index.js';

export type NewSinkDelivery = {
  sink: SinkKind;
  /** `notice.issued`, `enforcement.requested`, `deadline.alert`, … */
  eventType: string;
  /** The JSON body sent (Standard Webhooks signs it; `webhook-id` is the row's id). */
  payload: Record<string, unknown>;
  requestId?: string | null;
};

export type SinkDelivery = Omit<typeof sinkDeliveries.$inferSelect, 'payload'> & { payload: unknown };

/** Queues a call in the caller's transaction, so that only what is committed is ever sent. */
export async function enqueueSinkDelivery(db: DbOrTx, delivery: NewSinkDelivery): Promise<{ id: string }> {
  const [row] = await db
    .insert(sinkDeliveries)
    .values({ ...delivery, requestId: delivery.requestId ?? null })
    .returning({ id: sinkDeliveries.id });
  return row!;
}

/** An enforcement call's action follows its delivery, unless the content system already answered. */
async function actionFollows(tx: DbOrTx, deliveryId: string, status: 'sending' | 'delivered' | 'failed' | 'queued') {
  const from = status === 'queued' ? (['failed'] as const) : (['queued', 'sending'] as const);
  await tx
    .update(enforcementActionsTable)
    .set({ status })
    .where(and(eq(enforcementActionsTable.deliveryId, deliveryId), inArray(enforcementActionsTable.status, [...from])));
}

export function sinkDeliveriesRepository(db: Db, now: Clock) {
  return {
    /**
     * Claims up to `limit` queued calls of the given sinks (queued → sending, `FOR UPDATE SKIP
     * LOCKED`) and hands them to `handOver` in the same transaction, which queues one job each.
     */
    async handOverQueued(
      sinks: SinkKind[],
      limit: number,
      handOver: (ids: string[], tx: SqlRunner) => Promise<void>,
    ): Promise<number> {
      if (sinks.length === 0) return 0;
      return db.transaction(async (tx) => {
        const claimed = await tx.execute<{ id: string }>(sql`
          UPDATE sink_deliveries SET status = 'sending'
          WHERE id IN (SELECT id FROM sink_deliveries WHERE status = 'queued' AND sink::text IN ${sinks}
                       ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
          RETURNING id`);
        const ids = claimed.rows.map((r) => r.id);
        if (ids.length > 0) {
          await tx
            .update(enforcementActionsTable)
            .set({ status: 'sending' })
            .where(and(inArray(enforcementActionsTable.deliveryId, ids), eq(enforcementActionsTable.status, 'queued')));
          await handOver(ids, sqlRunner(tx));
        }
        return ids.length;
      });
    },

    /** How many calls wait, queued, per sink (the jobs say so once for a sink not configured). */
    async queuedCounts(): Promise<Partial<Record<SinkKind, number>>> {
      const rows = await db
        .select({ sink: sinkDeliveries.sink, n: count() })
        .from(sinkDeliveries)
        .where(eq(sinkDeliveries.status, 'queued'))
        .groupBy(sinkDeliveries.sink);
      return Object.fromEntries(rows.map((r) => [r.sink, r.n]));
    },

    /** Calls `sending` that no pg-boss job holds (a restored backup) are queued again. */
    async requeueOrphaned(jobSchema: string, queues: string[]): Promise<number> {
      const result = await db.execute(sql`
        UPDATE sink_deliveries d SET status = 'queued'
        WHERE d.status = 'sending'
          AND NOT EXISTS (SELECT 1 FROM ${sql.identifier(jobSchema)}.job j
                          WHERE j.name IN ${queues} AND j.data->>'id' = d.id::text)`);
      return result.rowCount ?? 0;
    },

    /** Counts an attempt of a call its job holds; undefined when it is no longer `sending`. */
    async beginAttempt(id: string): Promise<SinkDelivery | undefined> {
      const [row] = await db
        .update(sinkDeliveries)
        .set({ attempts: sql`${sinkDeliveries.attempts} + 1` })
        .where(and(eq(sinkDeliveries.id, id), eq(sinkDeliveries.status, 'sending')))
        .returning();
      return row;
    },

    async markDelivered(id: string, statusCode: number): Promise<void> {
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(sinkDeliveries)
          .set({ status: 'delivered', deliveredAt: now(), lastStatusCode: statusCode, lastError: null })
          .where(and(eq(sinkDeliveries.id, id), eq(sinkDeliveries.status, 'sending')))
          .returning({ sink: sinkDeliveries.sink });
        if (row?.sink === 'enforcement') await actionFollows(tx, id, 'delivered');
      });
    },

    /** Records a failed attempt; `final` makes the call `failed` (the dead-letter list), and its action too. */
    async recordFailure(id: string, failure: { statusCode: number | null; error: string }, final: boolean): Promise<void> {
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(sinkDeliveries)
          .set({
            lastStatusCode: failure.statusCode,
            lastError: failure.error.slice(0, 2000),
            ...(final ? { status: 'failed' as const } : {}),
          })
          .where(and(eq(sinkDeliveries.id, id), eq(sinkDeliveries.status, 'sending')))
          .returning({ sink: sinkDeliveries.sink, requestId: sinkDeliveries.requestId });
        if (final && row?.sink === 'enforcement') await actionFollows(tx, id, 'failed');
      });
    },

    async byId(id: string): Promise<SinkDelivery | undefined> {
      const [row] = await db.select().from(sinkDeliveries).where(eq(sinkDeliveries.id, id));
      return row;
    },

    /** Calls newest first, of one status and sink when asked, with the count per status. */
    async list(filter: {
      status?: SinkDeliveryStatus;
      sink?: SinkKind;
      requestId?: string;
      limit: number;
      offset: number;
    }): Promise<{ deliveries: SinkDelivery[]; total: number; counts: Record<SinkDeliveryStatus, number> }> {
      const conditions: SQL[] = [];
      if (filter.status) conditions.push(eq(sinkDeliveries.status, filter.status));
      if (filter.sink) conditions.push(eq(sinkDeliveries.sink, filter.sink));
      if (filter.requestId) conditions.push(eq(sinkDeliveries.requestId, filter.requestId));
      const where = conditions.length ? and(...conditions) : undefined;
      const bySink = filter.sink ? eq(sinkDeliveries.sink, filter.sink) : undefined;
      const [deliveries, [total], perStatus] = await Promise.all([
        db
          .select()
          .from(sinkDeliveries)
          .where(where)
          .orderBy(desc(sinkDeliveries.createdAt), desc(sinkDeliveries.id))
          .limit(filter.limit)
          .offset(filter.offset),
        db.select({ n: count() }).from(sinkDeliveries).where(where),
        db
          .select({ status: sinkDeliveries.status, n: count() })
          .from(sinkDeliveries)
          .where(bySink)
          .groupBy(sinkDeliveries.status),
      ]);
      const counts = { queued: 0, sending: 0, delivered: 0, failed: 0 };
      for (const r of perStatus) counts[r.status] = r.n;
      return { deliveries, total: total?.n ?? 0, counts };
    },

    /**
     * Queues a failed call again with its attempts reset (an enforcement call's action is queued
     * again, with an event on the order). Undefined when there is no such call, `not_failed` when
     * it is not failed.
     */
    async retry(id: string, actorId: string): Promise<SinkDelivery | 'not_failed' | undefined> {
      return db.transaction(async (tx) => {
        const [found] = await tx.select().from(sinkDeliveries).where(eq(sinkDeliveries.id, id)).for('update');
        if (!found) return undefined;
        if (found.status !== 'failed') return 'not_failed';
        const [row] = await tx
          .update(sinkDeliveries)
          .set({ status: 'queued', attempts: 0, lastStatusCode: null, lastError: null })
          .where(eq(sinkDeliveries.id, id))
          .returning();
        if (found.sink === 'enforcement') {
          const [action] = await tx
            .update(enforcementActionsTable)
            .set({ status: 'queued', confirmedAt: null })
            .where(and(eq(enforcementActionsTable.deliveryId, id), eq(enforcementActionsTable.status, 'failed')))
            .returning();
          if (action)
            await tx.insert(events).values({
              requestId: action.requestId,
              itemId: action.itemId,
              type: 'enforcement_retried',
              actorId,
              at: now(),
              before: { status: 'failed', attempts: found.attempts, lastError: found.lastError },
              after: { actionId: action.id, action: action.action, scopeCountries: action.scopeCountries, deliveryId: id },
            });
        }
        return row!;
      });
    },
  };
}
export type SinkDeliveriesRepository = ReturnType<typeof sinkDeliveriesRepository>;
