/**
 * What an agency's own systems hear about: an event on one of its orders, queued for each of the
 * agency's webhook endpoints in the transaction of the change, and delivered later by a durable
 * job (Standard Webhooks signatures, retries with back-off, a delivery log the agency reads).
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from './outbox-repository.js';
import { webhookDeliveries, webhookEndpoints } from './schema/index.js';

export type AgencyEvent = {
  agencyId: string;
  requestId: string | null;
  /** `order.received`, `order.status_changed`, `item.decided`, `order.message`, … */
  eventType: string;
  /** What the agency is told: ids, references, statuses; never internal notes. */
  payload: Record<string, unknown>;
};

/** Queues the event for every active endpoint of the agency; returns how many deliveries were queued. */
export async function enqueueAgencyEvent(db: DbOrTx, event: AgencyEvent): Promise<number> {
  const endpoints = await db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.agencyId, event.agencyId), isNull(webhookEndpoints.disabledAt)));
  if (endpoints.length === 0) return 0;
  await db.insert(webhookDeliveries).values(
    endpoints.map((e) => ({
      endpointId: e.id,
      agencyId: event.agencyId,
      requestId: event.requestId,
      eventType: event.eventType,
      payload: event.payload,
    })),
  );
  return endpoints.length;
}
