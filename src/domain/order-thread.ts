/**
 * The conversation on an order between the authority and the platform's reviewers: messages,
 * clarification requested and answered, a decision contested, the order withdrawn. Which of these
 * an order's status allows is decided here; what it changes is stored by the repository.
 * Nothing here depends on the agency or its country: every authority has the same thread.
 */
import { WritError } from './errors.js';
import { type MissingElement, type OrderElement, orderElementLabels } from './order-elements.js';
import { assertTransition } from './request-lifecycle.js';
import type { RequestStatus } from './vocabulary.js';

export const threadMessageKinds = ['message', 'clarification_request', 'clarification_answer', 'contest', 'withdrawal'] as const;
export type ThreadMessageKind = (typeof threadMessageKinds)[number];

/** The longest message Writ stores, in characters. */
export const MESSAGE_MAX_LENGTH = 10_000;
/** The longest reason given for one missing element. */
export const ELEMENT_REASON_MAX_LENGTH = 2_000;

/**
 * The missing elements as stored: each named once, in the order given, with the reason the reviewer
 * wrote or, without one, the element's own description (order-elements.ts, the list intake uses).
 */
export function missingElementsOf(input: readonly { element: OrderElement; reason?: string | null }[]): MissingElement[] {
  const seen = new Set<string>();
  return input.map(({ element, reason }, index) => {
    if (seen.has(element))
      throw new WritError('validation_failed', `${element} is named twice`, `missingElements/${index}/element`);
    seen.add(element);
    return { element, reason: reason?.trim() || `${orderElementLabels[element]} is missing` };
  });
}

/** A clarification can be asked for while the order is open and not already waiting for one. */
export function assertClarificationRequestable(status: RequestStatus): void {
  assertTransition(status, 'needs_clarification', 0);
}

/** Only an order waiting for a clarification can be answered; the answer puts it back in review. */
export function assertClarificationAnswerable(status: RequestStatus): void {
  if (status !== 'needs_clarification') {
    throw new WritError('invalid_transition', `a ${status} order has no clarification request to answer`, 'status');
  }
  assertTransition(status, 'in_review', 0);
}

/** A decision can be contested once there is one: the order is decided or closed. */
export function assertContestable(status: RequestStatus): void {
  if (status !== 'decided' && status !== 'closed') {
    throw new WritError('invalid_transition', `a ${status} order has no decision to contest`, 'status');
  }
}

/** An authority can withdraw an order that is still open (the lifecycle's rule). */
export function assertWithdrawable(status: RequestStatus): void {
  assertTransition(status, 'withdrawn', 0);
}

/**
 * Since when the deadline's clock stands still once a clarification is asked for at `now`: from now
 * where the rule stops it (or since it already stood still), not at all where it runs on.
 */
export function clockPausedAfterRequest(stops: boolean, pausedSince: Date | null, now: Date): Date | null {
  return stops ? (pausedSince ?? now) : pausedSince;
}
