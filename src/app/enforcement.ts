/**
 * Enforcement (issue 12): the order's actions as staff read them, the content system's signed
 * confirmation, and the dead-letter list of every call to the platform's systems with its retry.
 */
import { Webhook } from 'standardwebhooks';
import type { Confirmation, EnforcementRecord } from '../db/enforcement-repository.js';
import type { SinkDelivery } from '../db/sink-deliveries-repository.js';
import { WritError } from '../domain/errors.js';
import type { SinkDeliveryStatus, SinkKind } from '../domain/review-vocabulary.js';
import type { Writ } from './context.js';

/** The order's actions, grouped per item in the order they were asked for. */
export async function requestEnforcement(
  writ: Pick<Writ, 'enforcement' | 'config'>,
  requestId: string,
): Promise<{ items: { itemId: string; actions: EnforcementRecord[] }[]; contentSystemConfigured: boolean }> {
  const actions = await writ.enforcement.ofRequest(requestId);
  const items = new Map<string, EnforcementRecord[]>();
  for (const action of actions) items.set(action.itemId, [...(items.get(action.itemId) ?? []), action]);
  return {
    items: [...items].map(([itemId, list]) => ({ itemId, actions: list })),
    contentSystemConfigured: writ.config.sinks.enforcement !== undefined,
  };
}

/**
 * Checks a confirmation's Standard Webhooks signature with the enforcement sink's secret before its
 * body is read: 404 `not_configured` when there is no content system, 401 when unsigned or forged.
 */
export function verifyConfirmation(writ: Pick<Writ, 'config'>, rawBody: string, headers: Record<string, unknown>): void {
  const sink = writ.config.sinks.enforcement;
  if (!sink) throw new WritError('not_configured', 'no content system is configured (WRIT_ENFORCEMENT_WEBHOOK_URL)');
  const wanted: Record<string, string> = {};
  for (const name of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
    const value = headers[name];
    if (typeof value !== 'string' || value === '')
      throw new WritError('unauthenticated', `the confirmation must be signed (Standard Webhooks): ${name} is missing`);
    wanted[name] = value;
  }
  try {
    new Webhook(sink.secret).verify(rawBody, wanted);
  } catch {
    throw new WritError('unauthenticated', 'the confirmation’s signature does not verify with the content system’s secret');
  }
}

/** Records a verified confirmation; a repeat changes nothing. */
export async function confirmEnforcement(
  writ: Pick<Writ, 'enforcement'>,
  confirmation: Confirmation,
): Promise<{ action: EnforcementRecord; repeated: boolean }> {
  const done = await writ.enforcement.confirm(confirmation);
  if (!done) throw new WritError('not_found', `enforcement action ${confirmation.actionId} does not exist`, 'actionId');
  return done;
}

export async function sinkDeliveriesPage(
  writ: Pick<Writ, 'sinks' | 'config'>,
  query: { status?: SinkDeliveryStatus; sink?: SinkKind; limit: number; offset: number },
) {
  const page = await writ.sinks.list(query);
  const { notice, enforcement, alert } = writ.config.sinks;
  return { ...page, configured: { notice: !!notice, enforcement: !!enforcement, alert: !!alert } };
}

/** Queues a failed call again with its attempts reset; 409 unless it is failed. */
export async function retrySinkDelivery(writ: Pick<Writ, 'sinks'>, id: string, actorId: string): Promise<SinkDelivery> {
  const done = await writ.sinks.retry(id, actorId);
  if (!done) throw new WritError('not_found', `call ${id} does not exist`);
  if (done === 'not_failed') throw new WritError('invalid_transition', 'only a failed call can be retried');
  return done;
}
