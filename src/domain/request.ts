/** Requests (orders from an authority), their items and the decisions on them, as plain data. */
import type { DataRequestParticulars } from './data-request.js';
import { WritError } from './errors.js';
import type { ItemReviewView } from './staged-review.js';
import type { AuthorityKind, Channel, Outcome, Reason, RequestKind, RequestStatus, TargetKind } from './vocabulary.js';

export type Authority = {
  id: string;
  country: string;
  name: string;
  kind: AuthorityKind;
  /** IANA zone the authority works in, when known: offered when its orders are recorded. */
  timeZone: string | null;
  isDemo: boolean;
};

export type NewAuthority = { country: string; name: string; kind: AuthorityKind; timeZone: string | null };

export type NewItem = { targetKind: TargetKind; target: string; product: string };

export type NewRequest = {
  kind: RequestKind;
  authorityId: string;
  receivedAt: Date;
  authorityTimeZone: string;
  legalBasis: string;
  claimedCategories: string[];
  channel: Channel;
  authorityReference: string | null;
  items: NewItem[];
  /** What a data order (user_data, preservation, emergency_disclosure) names; such an order has no items. */
  dataRequest?: DataRequestParticulars | null;
  isDemo?: boolean;
};

export type Decision = {
  outcome: Outcome;
  reason: Reason;
  /** `null`: worldwide. Otherwise the countries (ISO alpha-2) in which the action applies. */
  scopeCountries: string[] | null;
  rationale: string;
  decidedBy: { id: string; name: string };
  decidedAt: Date;
  /** For the public request database: what was done and why, without private detail. */
  publicSummary: string | null;
  /** Worth telling in the transparency report; `caseStudy` is then its text. */
  publicInterest: boolean;
  caseStudy: string | null;
  /** The second person who signed off a sensitive action (never the decider), and when. */
  signedOffBy: { id: string; name: string } | null;
  signedOffAt: Date | null;
};

/** What a decider sends; the publishing fields may be left out (no summary, not of public interest). */
export type DecisionInput = Omit<
  Decision,
  'decidedBy' | 'decidedAt' | 'publicSummary' | 'publicInterest' | 'caseStudy' | 'signedOffBy' | 'signedOffAt'
> & { publicSummary?: string | null; publicInterest?: boolean; caseStudy?: string | null };

/** A decision as checked and stored: every publishing field present. */
export type CheckedDecision = Omit<DecisionInput, 'publicSummary' | 'publicInterest' | 'caseStudy'> & {
  publicSummary: string | null;
  publicInterest: boolean;
  caseStudy: string | null;
};

export type Item = NewItem & {
  id: string;
  position: number;
  decision: Decision | null;
  /** Its staged review (issue 12); read with the order's detail. */
  review?: ItemReviewView;
};

export type RequestSummary = {
  id: string;
  reference: string;
  kind: RequestKind;
  status: RequestStatus;
  authority: Authority;
  receivedAt: Date;
  authorityTimeZone: string;
  dueAt: Date;
  dueBasis: string;
  decidedAt: Date | null;
  itemCount: number;
  decidedItemCount: number;
  isDemo: boolean;
};

export type RequestEvent = {
  id: number;
  type: string;
  itemId: string | null;
  actor: { id: string; name: string } | null;
  at: Date;
  before: unknown;
  after: unknown;
  note: string | null;
};

export type RequestDetail = RequestSummary & {
  legalBasis: string;
  claimedCategories: string[];
  channel: Channel;
  authorityReference: string | null;
  items: Item[];
  events: RequestEvent[];
};

export type RequestFilter = {
  status?: RequestStatus[];
  country?: string;
  kind?: RequestKind;
  dueBefore?: Date;
  /** The rule-pack regime the order was recorded under. */
  regime?: string;
  /** Part of Writ's reference (WR-000123) or of the authority's own, case-insensitive. */
  search?: string;
  limit: number;
  offset: number;
};

export type Actor = { id: string; name: string };

/**
 * Checks a decision's territorial scope, the rule of narrowest lawful action made explicit:
 * `removed_legal` restricts the item only in the listed countries (usually the requesting one);
 * `removed_policy` removes it everywhere; the other outcomes take no action, so have no scope.
 */
export function checkDecision(d: DecisionInput, requestCountry: string): CheckedDecision {
  if (d.outcome === 'removed_legal' && (d.scopeCountries === null || d.scopeCountries.length === 0)) {
    throw new WritError(
      'validation_failed',
      `removed_legal restricts content under local law, so its scope lists the countries it applies in (usually ${requestCountry}), not global`,
      'scopeCountries',
    );
  }
  if (d.outcome !== 'removed_legal' && d.scopeCountries !== null) {
    throw new WritError(
      'validation_failed',
      d.outcome === 'removed_policy'
        ? 'removed_policy removes the item everywhere under the platform terms; leave scopeCountries null'
        : `${d.outcome} takes no action on the item, so it has no territorial scope; leave scopeCountries null`,
      'scopeCountries',
    );
  }
  const publicInterest = d.publicInterest ?? false;
  const caseStudy = d.caseStudy?.trim() ? d.caseStudy : null;
  if (publicInterest && !caseStudy)
    throw new WritError(
      'validation_failed',
      'a decision of public interest carries its case study for the transparency report',
      'caseStudy',
    );
  const countries = d.scopeCountries ? [...new Set(d.scopeCountries)].sort() : null;
  return {
    outcome: d.outcome,
    reason: d.reason,
    rationale: d.rationale,
    scopeCountries: countries,
    publicSummary: d.publicSummary?.trim() ? d.publicSummary : null,
    publicInterest,
    caseStudy,
  };
}
