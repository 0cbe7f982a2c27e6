/**
 * Pushback (issue 12): legal staff contest an order with the authority or challenge it in court,
 * record the outcome and any answer that came by letter; the authority's officers (or its system)
 * read the pushback on their own orders and answer it. The rules are the domain's
 * (src/domain/pushback.ts); the repository stores each action in one transaction under the
 * order's lock, with its history event and, for a channel order, the agency's mail and webhook.
 */
import type { AgencyPrincipal } from '../db/officer-sessions-repository.js';
import type { OrderPushbacks, StoredPushback } from '../db/pushbacks-repository.js';
import { authorize, type StaffRole } from '../domain/permissions.js';
import {
  assertPushbackPossible,
  checkAnswerReceivedAt,
  checkNewPushback,
  checkOutcome,
  type PushbackInput,
} from '../domain/pushback.js';
import type { PushbackOutcome } from '../domain/review-vocabulary.js';
import type { Writ } from './context.js';

export type { OrderPushbacks, StoredPushback };

type Ports = Pick<Writ, 'pushbacks' | 'now'>;
type Staff = { id: string; role: StaffRole };

/** Staff reading an order's pushbacks (every role may read an order). */
export async function listPushbacks(writ: Pick<Writ, 'pushbacks'>, requestId: string): Promise<OrderPushbacks> {
  return writ.pushbacks.list(requestId, null);
}

/** The agency reading the pushbacks on one of its own orders; another agency's order is not found. */
export async function listAgencyPushbacks(
  writ: Pick<Writ, 'pushbacks'>,
  requestId: string,
  principal: AgencyPrincipal,
): Promise<OrderPushbacks> {
  return writ.pushbacks.list(requestId, principal.agency.id);
}

/** Files a contest or a court challenge on any order but a withdrawn one. */
export async function filePushback(writ: Ports, requestId: string, actor: Staff, input: PushbackInput): Promise<OrderPushbacks> {
  authorize(actor, 'pushback.manage');
  await writ.pushbacks.file(requestId, actor.id, (order, at) => {
    assertPushbackPossible(order.status);
    return checkNewPushback(input, at);
  });
  return writ.pushbacks.list(requestId, null);
}

/** Records what became of a pushback; a recorded outcome changes only as a correction with a note. */
export async function recordPushbackOutcome(
  writ: Ports,
  requestId: string,
  pushbackId: string,
  actor: Staff,
  input: { outcome: PushbackOutcome; note?: string | null },
): Promise<OrderPushbacks> {
  authorize(actor, 'pushback.manage');
  await writ.pushbacks.recordOutcome(requestId, pushbackId, actor.id, (current) => checkOutcome(current.outcome, input));
  return writ.pushbacks.list(requestId, null);
}

/** Staff record an answer of the authority that came by letter, with when it was received. */
export async function recordPushbackAnswer(
  writ: Ports,
  requestId: string,
  pushbackId: string,
  actor: Staff,
  input: { body: string; receivedAt: Date },
): Promise<OrderPushbacks> {
  authorize(actor, 'pushback.manage');
  const receivedAt = checkAnswerReceivedAt(input.receivedAt, writ.now());
  await writ.pushbacks.answer(requestId, pushbackId, { kind: 'user', id: actor.id, receivedAt }, input.body);
  return writ.pushbacks.list(requestId, null);
}

/** The agency answers a pushback on its own order: an officer signs it; an API key answers as the agency's system. */
export async function answerPushback(
  writ: Pick<Writ, 'pushbacks'>,
  requestId: string,
  pushbackId: string,
  principal: AgencyPrincipal,
  body: string,
): Promise<OrderPushbacks> {
  await writ.pushbacks.answer(
    requestId,
    pushbackId,
    { kind: 'agency', agencyId: principal.agency.id, officerId: principal.officer?.id ?? null },
    body,
  );
  return writ.pushbacks.list(requestId, principal.agency.id);
}
