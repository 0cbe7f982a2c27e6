/**
 * The sender of every call to the platform's own systems (issue 12): the notice sink, the content
 * system (enforcement) and the alert hook. Helpers that write only queue a row (enqueueSinkDelivery
 * in their transaction); a durable job (src/jobs/sinks.ts) calls attemptSinkDelivery once per
 * attempt, and pg-boss waits between attempts with exponential back-off. The call is signed by the
 * Standard Webhooks scheme with the sink's secret; `webhook-id` is the row's id, the same at every
 * attempt, so a receiver drops repeats. These are systems of the platform's own operator, so an
 * http:// or loopback address is theirs to choose (unlike an agency's webhook).
 */
import { Webhook } from 'standardwebhooks';
import type { Sink } from '../config-review.js';
import type { SinkDeliveriesRepository, SinkDelivery } from '../db/sink-deliveries-repository.js';
import type { SinkKind } from '../domain/review-vocabulary.js';
import { errorText } from './mail.js';
import type { WebhookPoster } from './webhooks.js';

export type SinkSettings = Record<SinkKind, Sink | undefined> & { attempts: number };

/** The body and Standard Webhooks headers of one attempt. */
export function signedSinkCall(
  delivery: Pick<SinkDelivery, 'id' | 'eventType' | 'payload' | 'createdAt'>,
  secret: string,
  at: Date,
): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({ type: delivery.eventType, timestamp: delivery.createdAt.toISOString(), data: delivery.payload });
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'webhook-id': delivery.id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(delivery.id, at, body),
    },
  };
}

/** One attempt at a call the caller's job holds; a 2xx answer delivers it, anything else is a failed attempt. */
export async function attemptSinkDelivery(
  deps: { sinks: SinkDeliveriesRepository; settings: SinkSettings; post: WebhookPoster; now: () => Date },
  deliveryId: string,
): Promise<'delivered' | 'retry' | 'failed' | 'not_held'> {
  const delivery = await deps.sinks.beginAttempt(deliveryId);
  if (!delivery) return 'not_held';
  const sink = deps.settings[delivery.sink];
  let failure: { statusCode: number | null; error: string };
  if (!sink) failure = { statusCode: null, error: `no ${delivery.sink} sink is configured` };
  else {
    const { body, headers } = signedSinkCall(delivery, sink.secret, deps.now());
    try {
      const status = await deps.post({ url: sink.url, body, headers });
      if (status >= 200 && status < 300) {
        await deps.sinks.markDelivered(deliveryId, status);
        return 'delivered';
      }
      failure = { statusCode: status, error: `the ${delivery.sink} sink answered ${status}` };
    } catch (error) {
      failure = { statusCode: null, error: errorText(error) };
    }
  }
  const final = delivery.attempts >= deps.settings.attempts;
  await deps.sinks.recordFailure(deliveryId, failure, final);
  return final ? 'failed' : 'retry';
}
