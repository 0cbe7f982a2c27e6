/** Enforcement actions sent to the platform's content system, and their confirmations (issue 12). */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Clock } from '../app/context.js';
import { type EnforcementStep, enforcementStepFor, secondsToGiveEffect } from '../domain/enforcement.js';
import type { EnforcementAction, EnforcementStatus } from '../domain/review-vocabulary.js';
import type { Outcome } from '../domain/vocabulary.js';
import type { Db } from './connection.js';
import type { DbOrTx } from './outbox-repository.js';
import { enforcementActionsTable, events, items, requests, sinkDeliveries } from './schema/index.js';
import { enqueueSinkDelivery } from './sink-deliveries-repository.js';

/** A decision as it took effect (written to `decisions`), with the outcome it replaced, if any. */
export type DecisionTakingEffect = {
  requestId: string;
  itemId: string;
  outcome: Outcome;
  /** Null for everywhere; the countries of a local restriction. */
  scopeCountries: string[] | null;
  decidedAt: Date;
  /** The outcome before this decision (a changed decision or a reversed appeal may restore the item). */
  previousOutcome: Outcome | null;
};

export type EnforcementRecord = {
  id: string;
  requestId: string;
  itemId: string;
  action: EnforcementAction;
  scopeCountries: string[] | null;
  status: EnforcementStatus;
  deliveryId: string | null;
  decidedAt: Date;
  effectiveAt: Date | null;
  confirmedAt: Date | null;
  createdAt: Date;
};

/** The content system's answer about one action. */
export type Confirmation = { actionId: string; status: 'applied' | 'failed'; effectiveAt: Date; detail: string | null };

const lastStep = async (tx: DbOrTx, itemId: string): Promise<EnforcementStep | null> => {
  const [last] = await tx
    .select({ action: enforcementActionsTable.action, scopeCountries: enforcementActionsTable.scopeCountries })
    .from(enforcementActionsTable)
    .where(eq(enforcementActionsTable.itemId, itemId))
    .orderBy(desc(enforcementActionsTable.createdAt), desc(enforcementActionsTable.decidedAt))
    .limit(1);
  return last ?? null;
};

/**
 * Called in the transaction that writes a decision (every path: a single decision, a bulk one, a
 * sign-off, an appeal that reverses): queues the enforcement action and its signed call when the
 * decision restricts the item or lifts a restriction. Returns the action's id, or null when the
 * content system has nothing new to do.
 */
export async function enforcementAfterDecision(tx: DbOrTx, decision: DecisionTakingEffect): Promise<string | null> {
  const step = enforcementStepFor(decision, await lastStep(tx, decision.itemId));
  if (!step) return null;
  const [item] = await tx
    .select({ target: items.target, targetKind: items.targetKind, product: items.product, reference: requests.reference })
    .from(items)
    .innerJoin(requests, eq(requests.id, items.requestId))
    .where(eq(items.id, decision.itemId));
  const actionId = randomUUID();
  const delivery = await enqueueSinkDelivery(tx, {
    sink: 'enforcement',
    eventType: 'enforcement.requested',
    payload: {
      actionId,
      requestId: decision.requestId,
      reference: item?.reference ?? null,
      itemId: decision.itemId,
      targetKind: item?.targetKind ?? null,
      target: item?.target ?? null,
      product: item?.product ?? null,
      action: step.action,
      scopeCountries: step.scopeCountries,
      decidedAt: decision.decidedAt.toISOString(),
    },
    requestId: decision.requestId,
  });
  await tx.insert(enforcementActionsTable).values({
    id: actionId,
    requestId: decision.requestId,
    itemId: decision.itemId,
    action: step.action,
    scopeCountries: step.scopeCountries,
    deliveryId: delivery.id,
    decidedAt: decision.decidedAt,
  });
  return actionId;
}

export function enforcementRepository(db: Db, now: Clock) {
  return {
    /** The order's actions, oldest first. */
    async ofRequest(requestId: string): Promise<EnforcementRecord[]> {
      return db
        .select()
        .from(enforcementActionsTable)
        .where(eq(enforcementActionsTable.requestId, requestId))
        .orderBy(asc(enforcementActionsTable.createdAt), asc(enforcementActionsTable.id));
    },

    async byId(id: string): Promise<EnforcementRecord | undefined> {
      const [row] = await db.select().from(enforcementActionsTable).where(eq(enforcementActionsTable.id, id));
      return row;
    },

    /**
     * Records the content system's confirmation: `applied` confirms the action with the instant it
     * took effect (a repeat changes nothing), `failed` fails it; each with its event on the order.
     * Undefined when there is no such action.
     */
    async confirm(confirmation: Confirmation): Promise<{ action: EnforcementRecord; repeated: boolean } | undefined> {
      return db.transaction(async (tx) => {
        const [found] = await tx
          .select()
          .from(enforcementActionsTable)
          .where(eq(enforcementActionsTable.id, confirmation.actionId))
          .for('update');
        if (!found) return undefined;
        const wanted: EnforcementStatus = confirmation.status === 'applied' ? 'confirmed' : 'failed';
        if (found.status === 'confirmed' || (found.status === 'failed' && wanted === 'failed' && found.confirmedAt))
          return { action: found, repeated: true };
        const at = now();
        const [action] = await tx
          .update(enforcementActionsTable)
          .set(
            wanted === 'confirmed'
              ? { status: 'confirmed', effectiveAt: confirmation.effectiveAt, confirmedAt: at }
              : { status: 'failed', confirmedAt: at },
          )
          .where(eq(enforcementActionsTable.id, found.id))
          .returning();
        // A refusal puts the call in the dead-letter list, where an admin can send it again.
        if (wanted === 'failed' && found.deliveryId)
          await tx
            .update(sinkDeliveries)
            .set({
              status: 'failed',
              lastError: `the content system could not apply it: ${confirmation.detail ?? 'no detail'}`.slice(0, 2000),
            })
            .where(and(eq(sinkDeliveries.id, found.deliveryId), eq(sinkDeliveries.status, 'delivered')));
        await tx.insert(events).values({
          requestId: found.requestId,
          itemId: found.itemId,
          type: wanted === 'confirmed' ? 'enforcement_confirmed' : 'enforcement_failed',
          at,
          before: { status: found.status },
          after: {
            actionId: found.id,
            action: found.action,
            scopeCountries: found.scopeCountries,
            ...(wanted === 'confirmed'
              ? {
                  effectiveAt: confirmation.effectiveAt.toISOString(),
                  secondsToGiveEffect: secondsToGiveEffect(found.decidedAt, confirmation.effectiveAt),
                }
              : { detail: confirmation.detail }),
          },
          note: confirmation.detail,
        });
        return { action: action!, repeated: false };
      });
    },

    /** Actions by their deliveries' ids (the dead-letter list shows which action a failed call carried). */
    async ofDeliveries(deliveryIds: string[]): Promise<EnforcementRecord[]> {
      if (deliveryIds.length === 0) return [];
      return db.select().from(enforcementActionsTable).where(inArray(enforcementActionsTable.deliveryId, deliveryIds));
    },

    /** The action a delivery carries, if any. */
    async ofDelivery(deliveryId: string): Promise<EnforcementRecord | undefined> {
      const [row] = await db
        .select()
        .from(enforcementActionsTable)
        .where(and(eq(enforcementActionsTable.deliveryId, deliveryId)));
      return row;
    },
  };
}
export type EnforcementRepository = ReturnType<typeof enforcementRepository>;
