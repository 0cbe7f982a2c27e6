/**
 * What an authority is told of each item of its order: the outcome in its own words (DSA Art. 9(1):
 * "if and when effect was given"), from the reviewers' outcome (vocabulary.ts). Never the rationale
 * or who decided: those stay with the platform. Browser-safe.
 */
import type {
  AccountDecision,
  DataCategory,
  DataRequestParticulars,
  DataRequestView,
  NamedAccount,
  PreservationHold,
  Production,
  ProductionExtent,
  RefusalReason,
} from './data-request.js';
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

/**
 * What an authority is told of one account of its data order: what was produced (all, some — which
 * categories — or none), why the rest was refused, the legal basis relied on, and when. Never the
 * reviewer's rationale nor who decided: those stay with the platform. Null `extent`: not decided yet.
 */
export type AuthorityAccountOutcome = {
  extent: ProductionExtent | null;
  producedCategories: DataCategory[];
  refusalReason: RefusalReason | null;
  legalBasis: string | null;
  decidedAt: Date | null;
};

export function authorityAccountOutcome(
  decision: Pick<AccountDecision, 'extent' | 'producedCategories' | 'refusalReason' | 'legalBasis' | 'decidedAt'> | null,
): AuthorityAccountOutcome {
  if (!decision) return { extent: null, producedCategories: [], refusalReason: null, legalBasis: null, decidedAt: null };
  return {
    extent: decision.extent,
    producedCategories: [...decision.producedCategories],
    refusalReason: decision.refusalReason,
    legalBasis: decision.legalBasis,
    decidedAt: decision.decidedAt,
  };
}

/** A preservation hold as its authority sees it: since when, until when, extensions used, whether it is still held. */
export type AuthorityHold = Pick<
  PreservationHold,
  'categories' | 'preservedAt' | 'expiresAt' | 'extensions' | 'releasedAt' | 'releaseReason'
> & { legalProcess: { reference: string; at: Date } | null };

/** A produced package as its authority sees it: never its contents, nor who on the platform made it. */
export type AuthorityProduction = Pick<
  Production,
  'id' | 'fileName' | 'size' | 'sha256' | 'files' | 'availableUntil' | 'revokedAt'
>;

export type AuthorityDataAccount = NamedAccount & {
  id: string;
  position: number;
  outcome: AuthorityAccountOutcome;
  hold: AuthorityHold | null;
};

/** A data order's data part as its authority sees it. */
export type AuthorityDataRequest = Omit<DataRequestParticulars, 'accounts'> & {
  accounts: AuthorityDataAccount[];
  /** For an emergency disclosure: by when the authority owes the follow-up legal process, and whether it arrived. */
  followUp: { dueAt: Date; received: { reference: string; at: Date } | null } | null;
  productions: AuthorityProduction[];
};

/** The data part of an order with only what its authority may see (built field by field: nothing else passes). */
export function authorityDataRequest(view: DataRequestView): AuthorityDataRequest {
  const review = view.emergencyReview;
  return {
    legalProcess: view.legalProcess,
    categories: [...view.categories],
    dateFrom: view.dateFrom,
    dateTo: view.dateTo,
    nonDisclosureUntil: view.nonDisclosureUntil,
    emergency: view.emergency ? { threat: view.emergency.threat, justification: view.emergency.justification } : null,
    accounts: view.accounts.map((a) => ({
      id: a.id,
      position: a.position,
      identifierKind: a.identifierKind,
      identifier: a.identifier,
      from: a.from,
      to: a.to,
      outcome: authorityAccountOutcome(a.decision),
      hold: a.hold
        ? {
            categories: [...a.hold.categories],
            preservedAt: a.hold.preservedAt,
            expiresAt: a.hold.expiresAt,
            extensions: a.hold.extensions,
            releasedAt: a.hold.releasedAt,
            releaseReason: a.hold.releaseReason,
            legalProcess: a.hold.legalProcess ? { reference: a.hold.legalProcess.reference, at: a.hold.legalProcess.at } : null,
          }
        : null,
    })),
    followUp: review
      ? {
          dueAt: review.followUpDueAt,
          received: review.followUp ? { reference: review.followUp.reference, at: review.followUp.at } : null,
        }
      : null,
    productions: view.productions.map((p) => ({
      id: p.id,
      fileName: p.fileName,
      size: p.size,
      sha256: p.sha256,
      files: p.files.map((f) => ({ name: f.name, size: f.size, sha256: f.sha256 })),
      availableUntil: p.availableUntil,
      revokedAt: p.revokedAt,
    })),
  };
}

/** Whether the authority may still ask to extend a hold: held, not released, extensions left. */
export const canExtendHold = (hold: Pick<AuthorityHold, 'releasedAt' | 'extensions'>, extensionsAllowed: number): boolean =>
  hold.releasedAt === null && hold.extensions < extensionsAllowed;
