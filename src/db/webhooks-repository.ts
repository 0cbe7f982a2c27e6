/**
 * An agency's webhook endpoints and the log of deliveries to them. A delivery row is the truth about
 * one event for one endpoint: `pending` (not yet handed to the sender), `delivering` (handed to
 * exactly one durable job), `delivered` or `failed`; the same discipline as the mail outbox.
 */
import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from './connection.js';
import { type SqlRunner, sqlRunner } from './outbox-repository.js';
import { agencyEvents, webhookDeliveries, webhookEndpoints } from './schema/index.js';

export type WebhookEndpoint = {
  id: string;
  agencyId: string;
  url: string;
  createdBy: string | null;
  createdAt: Date;
  disabledAt: Date | null;
};
export type WebhookDelivery = Omit<typeof webhookDeliveries.$inferSelect, 'payload'> & { payload: unknown };
/** What the sender needs for one attempt: the delivery, and where and with what secret to send it. */
export type DeliveryAttempt = WebhookDelivery & { url: string; secret: string; endpointDisabled: boolean };

const endpointColumns = {
  id: webhookEndpoints.id,
  agencyId: webhookEndpoints.agencyId,
  url: webhookEndpoints.url,
  createdBy: webhookEndpoints.createdBy,
  createdAt: webhookEndpoints.createdAt,
  disabledAt: webhookEndpoints.disabledAt,
};

export function webhooksRepository(db: Db, now: () => Date) {
  return {
    async createEndpoint(input: { agencyId: string; url: string; secret: string; createdBy: string }): Promise<WebhookEndpoint> {
      return db.transaction(async (tx) => {
        const [endpoint] = await tx
          .insert(webhookEndpoints)
          .values({ ...input, createdAt: now() })
          .returning(endpointColumns);
        await tx.insert(agencyEvents).values({
          agencyId: input.agencyId,
          type: 'webhook_endpoint_created',
          actorOfficerId: input.createdBy,
          at: now(),
          after: { endpointId: endpoint!.id, url: input.url },
        });
        return endpoint!;
      });
    },

    async endpointsOf(agencyId: string): Promise<WebhookEndpoint[]> {
      return db
        .select(endpointColumns)
        .from(webhookEndpoints)
        .where(eq(webhookEndpoints.agencyId, agencyId))
        .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
    },

    /** Disables one of the agency's endpoints (idempotent); undefined when the agency has no such endpoint. */
    async disableEndpoint(agencyId: string, id: string, officerId: string): Promise<WebhookEndpoint | undefined> {
      return db.transaction(async (tx) => {
        const [found] = await tx
          .select(endpointColumns)
          .from(webhookEndpoints)
          .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.agencyId, agencyId)))
          .for('update');
        if (!found || found.disabledAt) return found;
        const [endpoint] = await tx
          .update(webhookEndpoints)
          .set({ disabledAt: now() })
          .where(eq(webhookEndpoints.id, id))
          .returning(endpointColumns);
        await tx.insert(agencyEvents).values({
          agencyId,
          type: 'webhook_endpoint_disabled',
          actorOfficerId: officerId,
          at: now(),
          before: { endpointId: id, url: found.url },
        });
        return endpoint;
      });
    },

    /** The agency's delivery log, newest first. */
    async deliveriesOf(
      agencyId: string,
      page: { limit: number; offset: number },
    ): Promise<{ deliveries: WebhookDelivery[]; total: number }> {
      const where = eq(webhookDeliveries.agencyId, agencyId);
      const [deliveries, [total]] = await Promise.all([
        db
          .select()
          .from(webhookDeliveries)
          .where(where)
          .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
          .limit(page.limit)
          .offset(page.offset),
        db.select({ n: count() }).from(webhookDeliveries).where(where),
      ]);
      return { deliveries, total: total?.n ?? 0 };
    },

    /** As the outbox's handOverQueued: pending → delivering, with a job queued for each in the same transaction. */
    async handOverPending(limit: number, handOver: (ids: string[], tx: SqlRunner) => Promise<void>): Promise<number> {
      return db.transaction(async (tx) => {
        const claimed = await tx.execute<{ id: string }>(sql`
          UPDATE webhook_deliveries SET status = 'delivering'
          WHERE id IN (SELECT id FROM webhook_deliveries WHERE status = 'pending' ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
          RETURNING id`);
        const ids = claimed.rows.map((r) => r.id);
        if (ids.length > 0) await handOver(ids, sqlRunner(tx));
        return ids.length;
      });
    },

    /** As the outbox's requeueOrphaned: deliveries `delivering` that no pg-boss job holds are pending again. */
    async requeueOrphaned(jobSchema: string, queues: string[]): Promise<number> {
      const result = await db.execute(sql`
        UPDATE webhook_deliveries d SET status = 'pending'
        WHERE d.status = 'delivering'
          AND NOT EXISTS (SELECT 1 FROM ${sql.identifier(jobSchema)}.job j
                          WHERE j.name IN ${queues} AND j.data->>'id' = d.id::text)`);
      return result.rowCount ?? 0;
    },

    /** Counts an attempt of a delivery its job holds; undefined when it is no longer `delivering`. */
    async beginAttempt(id: string): Promise<DeliveryAttempt | undefined> {
      return db.transaction(async (tx) => {
        const [delivery] = await tx
          .update(webhookDeliveries)
          .set({ attempts: sql`${webhookDeliveries.attempts} + 1` })
          .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, 'delivering')))
          .returning();
        if (!delivery) return undefined;
        const [endpoint] = await tx
          .select({ url: webhookEndpoints.url, secret: webhookEndpoints.secret, disabledAt: webhookEndpoints.disabledAt })
          .from(webhookEndpoints)
          .where(eq(webhookEndpoints.id, delivery.endpointId));
        return { ...delivery, url: endpoint!.url, secret: endpoint!.secret, endpointDisabled: endpoint!.disabledAt !== null };
      });
    },

    async markDelivered(id: string, statusCode: number): Promise<void> {
      await db
        .update(webhookDeliveries)
        .set({ status: 'delivered', deliveredAt: now(), lastStatusCode: statusCode, lastError: null })
        .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, 'delivering')));
    },

    /** Records a failed attempt; `final` makes the delivery `failed`. */
    async recordFailure(id: string, failure: { statusCode: number | null; error: string }, final: boolean): Promise<void> {
      await db
        .update(webhookDeliveries)
        .set({
          lastStatusCode: failure.statusCode,
          lastError: failure.error.slice(0, 2000),
          ...(final ? { status: 'failed' as const } : {}),
        })
        .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, 'delivering')));
    },

    /** Active endpoints of an agency (for tests and the portal). */
    async activeEndpointCount(agencyId: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(webhookEndpoints)
        .where(and(eq(webhookEndpoints.agencyId, agencyId), isNull(webhookEndpoints.disabledAt)));
      return row?.n ?? 0;
    },
  };
}
export type WebhooksRepository = ReturnType<typeof webhooksRepository>;
