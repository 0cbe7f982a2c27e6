/**
 * Orders as a reviewer works on them: receiving one, reading one with what today's rule packs make
 * of its deadline, and recomputing that deadline on purpose. The rules are the domain's
 * (src/domain/intake.ts, src/domain/deadline.ts); storage is the repository's.
 */
import type { RequestDetailView } from '../db/requests-repository.js';
import { type DeadlineReview, type FrameCorrection, recomputedDeadline, reviewDeadline } from '../domain/deadline.js';
import { type IncomingOrder, receiveRequest } from '../domain/intake.js';
import type { Actor } from '../domain/request.js';
import type { Writ } from './context.js';

/** A request as a reviewer sees it: what is stored, and whether the current rule packs would give another deadline. */
export type ReviewedRequest = { request: RequestDetailView; deadlineReview: DeadlineReview | null };

type RequestPorts = Pick<Writ, 'requests' | 'rules' | 'config'>;

export function reviewed(writ: Pick<Writ, 'rules' | 'config'>, request: RequestDetailView): ReviewedRequest {
  return { request, deadlineReview: reviewDeadline(request, writ.rules, writ.config.policyTargets) };
}

/** An order as an entry point hands it over; without a receipt time it was received now. */
export type OrderToRecord = Omit<IncomingOrder, 'receivedAt'> & { receivedAt: Date | null };

export async function receiveOrder(
  writ: RequestPorts & Pick<Writ, 'authorities' | 'now'>,
  order: OrderToRecord,
  actor: Actor | null,
): Promise<ReviewedRequest> {
  const created = await receiveRequest({ ...order, receivedAt: order.receivedAt ?? writ.now() }, actor, {
    now: writ.now,
    rules: writ.rules,
    policy: writ.config.policyTargets,
    store: writ.requests.create,
    authorityCountry: async (id) => (await writ.authorities.find(id))?.country,
  });
  return reviewed(writ, created);
}

export async function readRequest(writ: RequestPorts, id: string): Promise<ReviewedRequest> {
  return reviewed(writ, await writ.requests.get(id));
}

/**
 * Applies the current rule packs (and a corrected regime, category or period) to an open request:
 * an audited action with a reason, since a later change of a pack never moves a deadline by itself.
 */
export async function recomputeDeadline(
  writ: RequestPorts,
  requestId: string,
  change: FrameCorrection & { note: string },
  actor: Actor,
): Promise<ReviewedRequest> {
  const { note, ...correction } = change;
  const updated = await writ.requests.recomputeDeadline(
    requestId,
    (current) => recomputedDeadline(current, correction, writ.rules, writ.config.policyTargets),
    note,
    actor,
  );
  return reviewed(writ, updated);
}
