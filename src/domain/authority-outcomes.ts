/**
 * What an authority is told of each item of its order: the outcome in its own words (DSA Art. 9(1):
 * "if and when effect was given"), from the reviewers' outcome (vocabulary.ts). Never the rationale
 * or who decided: those stay with the platform. Browser-safe.
 */
import type { Decision } from './request.js';
import type { Outcome } from './vocabulary.js';

export const authorityOutcomes = [
  'pending',
  'effect_given',
  'declined',
  'not_found',
  'already_removed',
  'not_enough_information',
] as const;
export type AuthorityOutcome = (typeof authorityOutcomes)[number];

const fromOutcome: Record<Outcome, AuthorityOutcome> = {
  removed_legal: 'effect_given',
  removed_policy: 'effect_given',
  content_not_found: 'not_found',
  not_enough_information: 'not_enough_information',
  no_action: 'declined',
  content_already_removed: 'already_removed',
};

export type AuthorityItemOutcome = {
  outcome: AuthorityOutcome;
  /** For effect_given: where the item is restricted (`worldwide`, or the countries). Null otherwise. */
  scope: { worldwide: true; countries: null } | { worldwide: false; countries: string[] } | null;
  /** For declined: the reason category the decision gave (Google's taxonomy). Null otherwise. */
  reason: string | null;
  decidedAt: Date | null;
};

/** The authority's view of one item's decision (null: not decided yet). */
export function authorityOutcome(
  decision: Pick<Decision, 'outcome' | 'reason' | 'scopeCountries' | 'decidedAt'> | null,
): AuthorityItemOutcome {
  if (!decision) return { outcome: 'pending', scope: null, reason: null, decidedAt: null };
  const outcome = fromOutcome[decision.outcome];
  const scope: AuthorityItemOutcome['scope'] =
    outcome !== 'effect_given'
      ? null
      : decision.scopeCountries === null
        ? { worldwide: true, countries: null }
        : { worldwide: false, countries: [...decision.scopeCountries] };
  return {
    outcome,
    scope,
    reason: outcome === 'declined' ? decision.reason : null,
    decidedAt: decision.decidedAt,
  };
}
