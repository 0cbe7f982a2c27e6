/**
 * A request's status lifecycle.
 *
 *   received ──► in_review ──► decided ──► closed
 *      │  ▲          │  ▲         │
 *      ▼  │          ▼  │         └──► in_review (reopened)
 *   needs_clarification ◄┘
 *   any open status ──► withdrawn (the authority takes the order back)
 */
import { WritError } from './errors.js';
import type { RequestStatus } from './vocabulary.js';

const allowed: Record<RequestStatus, readonly RequestStatus[]> = {
  received: ['in_review', 'needs_clarification', 'withdrawn'],
  in_review: ['needs_clarification', 'decided', 'withdrawn'],
  needs_clarification: ['in_review', 'withdrawn'],
  decided: ['closed', 'in_review'],
  closed: [],
  withdrawn: [],
};

export function allowedTransitions(from: RequestStatus): readonly RequestStatus[] {
  return allowed[from];
}

/**
 * Checks a status change asked for by a person. `undecidedItems` is how many of the request's
 * items have no decision yet: a request is `decided` only when every item is.
 */
export function assertTransition(from: RequestStatus, to: RequestStatus, undecidedItems: number): void {
  if (from === to) {
    throw new WritError('invalid_transition', `the request is already ${to}`, 'status');
  }
  if (!allowed[from].includes(to)) {
    const options = allowed[from].length ? allowed[from].join(', ') : 'nothing (it is final)';
    throw new WritError('invalid_transition', `a ${from} request can move to ${options}, not ${to}`, 'status');
  }
  if (to === 'decided' && undecidedItems > 0) {
    throw new WritError(
      'invalid_transition',
      `${undecidedItems} item(s) have no decision yet; decide every item before marking the request decided`,
      'status',
    );
  }
}

/** Whether items of a request in this status may be decided. */
export function acceptsDecisions(status: RequestStatus): boolean {
  return status === 'received' || status === 'in_review' || status === 'decided';
}

/**
 * The status that follows a decision on an item: the first decision starts the review, and the
 * last one completes it.
 */
export function statusAfterDecision(current: RequestStatus, undecidedItemsAfter: number): RequestStatus {
  if (undecidedItemsAfter === 0) return 'decided';
  if (current === 'received' || current === 'decided') return 'in_review';
  return current;
}
