/**
 * Enforcement (issue 12): what a decision asks the platform's content system to do. A decision
 * that restricts an item removes it everywhere (`removed_policy`, or a legal removal without
 * countries) or restricts it in the countries of its scope (`removed_legal`); a decision that lifts
 * a restriction restores it; a change of scope is a new action. A decision that changes nothing the
 * content system does (a new rationale, the same outcome and scope) asks for nothing.
 */

import type { EnforcementAction } from './review-vocabulary.js';
import type { Outcome } from './vocabulary.js';

export type EnforcementStep = { action: EnforcementAction; scopeCountries: string[] | null };

const restrictive = (outcome: Outcome | null) => outcome === 'removed_policy' || outcome === 'removed_legal';

const sameScope = (a: string[] | null, b: string[] | null) =>
  a === null || b === null ? a === b : a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** The restriction a restrictive outcome asks for. */
function restrictionOf(outcome: Outcome, scopeCountries: string[] | null): EnforcementStep {
  if (outcome === 'removed_legal' && scopeCountries && scopeCountries.length > 0)
    return { action: 'restrict_in_country', scopeCountries: [...scopeCountries].sort() };
  return { action: 'remove_globally', scopeCountries: null };
}

/**
 * The action a decision taking effect asks for, given the last action sent for the item (if any):
 * null when the content system has nothing new to do.
 */
export function enforcementStepFor(
  decision: { outcome: Outcome; scopeCountries: string[] | null; previousOutcome: Outcome | null },
  last: EnforcementStep | null,
): EnforcementStep | null {
  if (restrictive(decision.outcome)) {
    const wanted = restrictionOf(decision.outcome, decision.scopeCountries);
    if (last && last.action === wanted.action && sameScope(last.scopeCountries, wanted.scopeCountries)) return null;
    return wanted;
  }
  // Not restrictive: restore what an earlier decision restricted, once.
  if (last) return last.action === 'restore' ? null : { action: 'restore', scopeCountries: last.scopeCountries };
  return restrictive(decision.previousOutcome) ? { action: 'restore', scopeCountries: null } : null;
}

/** Seconds from the decision to the instant the content system says the action took effect. */
export function secondsToGiveEffect(decidedAt: Date, effectiveAt: Date | null): number | null {
  if (!effectiveAt) return null;
  return Math.max(0, Math.round((effectiveAt.getTime() - decidedAt.getTime()) / 1000));
}
