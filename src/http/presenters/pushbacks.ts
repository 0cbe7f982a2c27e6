/**
 * An order's pushbacks to their two wire shapes (contracts/pushbacks.ts). The authority's never names
 * a person of the platform: not who filed a pushback, nor who recorded a letter.
 */
import type { OrderPushbacks, StoredPushback } from '../../app/pushbacks.js';
import type { AuthorityPushbacks, ReviewPushbacks } from '../../contracts/pushbacks.js';
import { iso } from './instants.js';

const presentOrder = ({ order }: OrderPushbacks) => ({ id: order.id, reference: order.reference, status: order.status });

const base = (p: StoredPushback) => ({
  id: p.id,
  kind: p.kind,
  argument: p.argument,
  court: p.court,
  caseNumber: p.caseNumber,
  filedAt: iso(p.filedAt),
  outcome: p.outcome,
  outcomeNote: p.outcomeNote,
  outcomeAt: p.outcomeAt ? iso(p.outcomeAt) : null,
});

const answer = (a: StoredPushback['answers'][number]) => ({
  id: a.id,
  body: a.body,
  at: iso(a.at),
  channel: a.channel,
  officer: a.officer,
});

export function presentReviewPushbacks(list: OrderPushbacks): ReviewPushbacks {
  return {
    order: presentOrder(list),
    pushbacks: list.pushbacks.map((p) => ({
      ...base(p),
      createdBy: p.createdBy,
      answers: p.answers.map((a) => ({ ...answer(a), recordedBy: a.recordedBy })),
    })),
  };
}

export function presentAuthorityPushbacks(list: OrderPushbacks): AuthorityPushbacks {
  return {
    order: presentOrder(list),
    pushbacks: list.pushbacks.map((p) => ({ ...base(p), answers: p.answers.map(answer) })),
  };
}
