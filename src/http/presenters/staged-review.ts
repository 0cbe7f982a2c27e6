/** Staged review on the wire: an item's review, and the review policies (issue 12). */
import { permissionTable } from '../../domain/permissions.js';
import type { ReviewPolicy } from '../../domain/review-vocabulary.js';
import type { ItemReviewView } from '../../domain/staged-review.js';

const iso = (d: Date) => d.toISOString();

/** An item just recorded (answered without reading back) has no review yet: a decider acts next. */
const noReview = {
  reason: null,
  topics: [],
  sensitive: false,
  stages: [],
  proposal: null,
  next: { step: 'decide' as const, roles: [...permissionTable['items.decide']] },
};

export function presentItemReview(review: ItemReviewView | undefined) {
  if (!review) return noReview;
  return {
    ...review,
    stages: review.stages.map((s) => ({ ...s, at: iso(s.at) })),
    proposal: review.proposal ? { ...review.proposal, proposedAt: iso(review.proposal.proposedAt) } : null,
  };
}

export const presentReviewPolicies = (policies: (ReviewPolicy & { custom: boolean })[]) => ({ policies });
