/**
 * Signed calls to the platform's own systems (notice sink, content system, alert hook): queued in
 * the writer's transaction, sent by the durable jobs with back-off, dead-lettered as `failed`
 * (issue 12). The enforcement helper owns the sending side of this file.
 */
import type { Clock } from '../app/context.js';
import type { SinkKind } from '../domain/review-vocabulary.js';
import type { Db } from './connection.js';
import type { DbOrTx } from './outbox-repository.js';
import { sinkDeliveries } from './schema/index.js';

export type NewSinkDelivery = {
  sink: SinkKind;
  /** `notice.issued`, `enforcement.requested`, `deadline.alert`, … */
  eventType: string;
  /** The JSON body sent (Standard Webhooks signs it; `webhook-id` is the row's id). */
  payload: Record<string, unknown>;
  requestId?: string | null;
};

/** Queues a call in the caller's transaction, so that only what is committed is ever sent. */
export async function enqueueSinkDelivery(db: DbOrTx, delivery: NewSinkDelivery): Promise<{ id: string }> {
  const [row] = await db
    .insert(sinkDeliveries)
    .values({ ...delivery, requestId: delivery.requestId ?? null })
    .returning({ id: sinkDeliveries.id });
  return row!;
}

// Placeholder of the foundation commit: the helper that owns this file fills in the rest.
export function sinkDeliveriesRepository(_db: Db, _now: Clock) {
  return {};
}
export type SinkDeliveriesRepository = ReturnType<typeof sinkDeliveriesRepository>;
