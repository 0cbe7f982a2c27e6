/**
 * An order's thread to its two wire shapes (contracts/order-thread.ts). The authority's never
 * carries a reviewer's id, name or email: the platform's messages say only that the platform wrote.
 */
import type { OrderThread } from '../../app/order-thread.js';
import type { AuthorityThread, ReviewThread } from '../../contracts/order-thread.js';
import { iso } from './instants.js';

function presentOrder({ order, clock }: OrderThread) {
  return {
    id: order.id,
    reference: order.reference,
    status: order.status,
    dueAt: iso(order.dueAt),
    missingElements: order.missingElements.map((m) => ({ element: m.element, reason: m.reason })),
    clock: {
      stopsDuringClarification: clock.stops,
      basis: clock.basis,
      pausedAt: order.clockPausedAt ? iso(order.clockPausedAt) : null,
    },
  };
}

export function presentReviewThread(thread: OrderThread): ReviewThread {
  return {
    order: presentOrder(thread),
    messages: thread.messages.map((m) => ({
      id: m.id,
      kind: m.kind,
      body: m.body,
      at: iso(m.at),
      author:
        m.author.side === 'platform'
          ? { side: 'platform', user: m.author.user }
          : { side: 'authority', officer: m.author.officer, agency: m.author.agency },
    })),
  };
}

export function presentAuthorityThread(thread: OrderThread): AuthorityThread {
  return {
    order: presentOrder(thread),
    messages: thread.messages.map((m) => ({
      id: m.id,
      kind: m.kind,
      body: m.body,
      at: iso(m.at),
      author: m.author.side === 'platform' ? { side: 'platform' } : { side: 'authority', officer: m.author.officer },
    })),
  };
}
