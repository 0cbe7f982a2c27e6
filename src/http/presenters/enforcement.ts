/** Enforcement actions and calls to the platform's systems on the wire (issue 12). */
import type {
  EnforcementActionRecord,
  RequestEnforcement,
  SinkDeliveriesPage,
  SinkDeliveryRecord,
} from '../../contracts/enforcement.js';
import type { EnforcementRecord } from '../../db/enforcement-repository.js';
import type { SinkDelivery } from '../../db/sink-deliveries-repository.js';
import { secondsToGiveEffect } from '../../domain/enforcement.js';
import { iso } from './instants.js';

export function presentEnforcementAction(a: EnforcementRecord): EnforcementActionRecord {
  return {
    id: a.id,
    itemId: a.itemId,
    action: a.action,
    scopeCountries: a.scopeCountries,
    status: a.status,
    decidedAt: iso(a.decidedAt),
    effectiveAt: a.effectiveAt ? iso(a.effectiveAt) : null,
    confirmedAt: a.confirmedAt ? iso(a.confirmedAt) : null,
    secondsToGiveEffect: a.status === 'confirmed' ? secondsToGiveEffect(a.decidedAt, a.effectiveAt) : null,
    deliveryId: a.deliveryId,
  };
}

export function presentRequestEnforcement(e: {
  items: { itemId: string; actions: EnforcementRecord[] }[];
  contentSystemConfigured: boolean;
}): RequestEnforcement {
  return {
    items: e.items.map((i) => ({ itemId: i.itemId, actions: i.actions.map(presentEnforcementAction) })),
    contentSystemConfigured: e.contentSystemConfigured,
  };
}

export function presentSinkDelivery(d: SinkDelivery): SinkDeliveryRecord {
  return {
    id: d.id,
    sink: d.sink,
    eventType: d.eventType,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    requestId: d.requestId,
    createdAt: iso(d.createdAt),
    deliveredAt: d.deliveredAt ? iso(d.deliveredAt) : null,
  };
}

export function presentSinkDeliveriesPage(p: {
  deliveries: SinkDelivery[];
  total: number;
  counts: SinkDeliveriesPage['counts'];
  configured: SinkDeliveriesPage['configured'];
}): SinkDeliveriesPage {
  return { deliveries: p.deliveries.map(presentSinkDelivery), total: p.total, counts: p.counts, configured: p.configured };
}
