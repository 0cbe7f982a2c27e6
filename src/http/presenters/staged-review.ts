/** Staged review on the wire: an item's review, and the review policies (issue 12). */
import type { ReviewPolicy } from '../../domain/review-vocabulary.js';
import type { ItemReviewView } from '../../domain/staged-review.js';

const iso = (d: Date) => d.toISOString();

/** An item with no review read (never the case for the order's detail) shows the plain default. */
const noReview = {
  reason: null,
  topics: [],
  sensitive: false,
  stages: [],
  proposal: null,
  next: { step: 'decide' as const, roles: [] },
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
