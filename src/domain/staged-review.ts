/**
 * Staged review (issue 12, decision 49): which stages an item needs before a restrictive decision,
 * what each stage's finding allows, who acts next, and when a decision waits for a second person.
 * Pure rules: the repository reads the rows and applies these under the request's lock.
 */
import { WritError } from './errors.js';
import { type Action, permissionTable, type StaffRole } from './permissions.js';
import {
  defaultReviewPolicy,
  type ReviewFinding,
  type ReviewPolicy,
  type ReviewStage,
  reviewStages,
  type SensitiveTopic,
  stageFindings,
} from './review-vocabulary.js';
import type { Outcome, Reason } from './vocabulary.js';

/** The permission each stage needs. */
export const stageAction: Record<ReviewStage, Action> = {
  policy: 'review.policy',
  legal: 'review.legal',
  human_rights: 'review.human_rights',
};

/** Outcomes that act on the item; the others (no action, not found, …) are always allowed. */
export const restrictiveOutcomes: readonly Outcome[] = ['removed_legal', 'removed_policy'];
export const isRestrictive = (outcome: Outcome): boolean => restrictiveOutcomes.includes(outcome);

export type StageStep = {
  stage: ReviewStage;
  finding: ReviewFinding;
  note: string;
  actor: { id: string; name: string };
  at: Date;
};

export type Proposal = {
  outcome: Outcome;
  reason: Reason;
  scopeCountries: string[] | null;
  rationale: string;
  publicSummary: string | null;
  publicInterest: boolean;
  caseStudy: string | null;
  proposedBy: { id: string; name: string };
  proposedAt: Date;
};

/** The stages an item needs and whether it is sensitive (human-rights review and two sign-offs). */
export type EffectivePolicy = { stages: ReviewStage[]; sensitive: boolean };

/** The admin's row for a reason category, else the default. */
export function policyFor(rows: readonly ReviewPolicy[], reason: Reason): ReviewPolicy {
  return rows.find((row) => row.reason === reason) ?? defaultReviewPolicy(reason);
}

/**
 * The policy of an item: the stricter of the policies of the reasons it is reviewed or decided
 * under; sensitive if any of them says so or its review names a sensitive topic, and a sensitive
 * item always needs all three stages in order.
 */
export function effectivePolicy(
  rows: readonly ReviewPolicy[],
  reasons: readonly Reason[],
  topics: readonly SensitiveTopic[],
): EffectivePolicy {
  const policies = reasons.map((reason) => policyFor(rows, reason));
  const sensitive = topics.length > 0 || policies.some((p) => p.sensitive);
  if (sensitive) return { stages: [...reviewStages], sensitive };
  const stages = reviewStages.filter((stage) => policies.some((p) => p.stages.includes(stage)));
  return { stages, sensitive };
}

/** The finding in force at each stage: the latest (a new finding supersedes, history keeps both). */
export function currentFindings(steps: readonly StageStep[]): Partial<Record<ReviewStage, StageStep>> {
  const current: Partial<Record<ReviewStage, StageStep>> = {};
  for (const step of steps) current[step.stage] = step;
  return current;
}

/** Refuses a finding that is not one of the stage's. */
export function checkFinding(stage: ReviewStage, finding: string): ReviewFinding {
  const allowed: readonly string[] = stageFindings[stage];
  if (!allowed.includes(finding))
    throw new WritError('validation_failed', `the ${stage} stage finds one of ${allowed.join(', ')}`, 'finding');
  return finding as ReviewFinding;
}

const roleWords = (roles: readonly StaffRole[]) => roles.map((r) => r.replace('_', '-')).join(' or ');

/**
 * Stages go in order: a stage may be recorded once every earlier stage the item needs has a
 * finding (the policy stage may always be recorded: it is where topics are marked).
 */
export function checkStageOrder(
  policy: EffectivePolicy,
  findings: Partial<Record<ReviewStage, StageStep>>,
  stage: ReviewStage,
): void {
  const earlier = reviewStages.slice(0, reviewStages.indexOf(stage));
  const missing = earlier.find((s) => (policy.stages.includes(s) || s === 'policy') && !findings[s]);
  if (missing)
    throw new WritError(
      'review_stage_required',
      `the ${missing} stage comes first (by a ${roleWords(permissionTable[stageAction[missing]])} account)`,
      'stage',
    );
}

/** The restrictive outcomes the findings allow (before asking whether all stages are done). */
export function allowedRestrictive(policy: EffectivePolicy, findings: Partial<Record<ReviewStage, StageStep>>): Outcome[] {
  if (policy.stages.length === 0) return [...restrictiveOutcomes];
  if (findings.human_rights?.finding === 'object') return [];
  // Removal everywhere rests on the platform's own rules; a local restriction on the local law (or,
  // without a legal stage, on whatever allows removal everywhere, being narrower).
  const removedPolicy = !policy.stages.includes('policy') || findings.policy?.finding === 'violates_policy';
  const removedLegal = policy.stages.includes('legal') ? findings.legal?.finding === 'unlawful_locally' : removedPolicy;
  return restrictiveOutcomes.filter((o) => (o === 'removed_legal' ? removedLegal : removedPolicy));
}

export type GateResult = 'decide' | 'propose';

/**
 * Whether a decision may be written now ('decide'), must wait for a second person ('propose'),
 * or is refused: a restrictive outcome needs every stage done with findings that allow it, and
 * after a legal finding a local restriction covers the requesting country only.
 */
export function gateDecision(
  policy: EffectivePolicy,
  findings: Partial<Record<ReviewStage, StageStep>>,
  decision: { outcome: Outcome; scopeCountries: string[] | null },
  requestCountry: string,
): GateResult {
  if (!isRestrictive(decision.outcome)) return 'decide';
  const missing = policy.stages.find((stage) => !findings[stage]);
  if (missing)
    throw new WritError(
      'review_stage_required',
      `${decision.outcome} needs the ${missing} stage first, by a ${roleWords(permissionTable[stageAction[missing]])} account`,
      'outcome',
    );
  if (!allowedRestrictive(policy, findings).includes(decision.outcome)) {
    const why =
      findings.human_rights?.finding === 'object'
        ? 'the human-rights stage objected to any restriction'
        : decision.outcome === 'removed_policy'
          ? `the policy stage found ${findings.policy?.finding ?? 'nothing'}`
          : `the legal stage found ${findings.legal?.finding ?? 'nothing'}`;
    throw new WritError('review_stage_required', `${decision.outcome} is not allowed: ${why}`, 'outcome');
  }
  if (
    decision.outcome === 'removed_legal' &&
    policy.stages.includes('legal') &&
    (decision.scopeCountries?.length !== 1 || decision.scopeCountries[0] !== requestCountry)
  )
    throw new WritError(
      'validation_failed',
      `the legal stage found the item unlawful in ${requestCountry} only, so the restriction applies there alone`,
      'scopeCountries',
    );
  return policy.sensitive ? 'propose' : 'decide';
}

/** The second person: anyone with the sign-off permission but the proposer. */
export function checkSignOff(proposal: { proposedBy: { id: string } }, signer: { id: string }): void {
  if (proposal.proposedBy.id === signer.id)
    throw new WritError('second_person_required', 'a sensitive action needs a second person: the proposer cannot sign it off');
}

export type NextStep = {
  step: ReviewStage | 'decide' | 'sign_off' | 'done';
  roles: StaffRole[];
  notUserId?: string;
};

/** An item's review as the order page shows it. */
export type ItemReviewView = {
  /** The reason category the policy stage set; null before. */
  reason: Reason | null;
  topics: SensitiveTopic[];
  sensitive: boolean;
  /** Every finding, in order (a later one for the same stage supersedes). */
  stages: StageStep[];
  proposal: Proposal | null;
  next: NextStep;
};

const rolesFor = (action: Action): StaffRole[] => [...permissionTable[action]];

/** Who acts next on an item. */
export function nextStep(
  policy: EffectivePolicy,
  findings: Partial<Record<ReviewStage, StageStep>>,
  proposal: { proposedBy: { id: string } } | null,
  decided: boolean,
): NextStep {
  if (proposal) return { step: 'sign_off', roles: rolesFor('decisions.sign_off'), notUserId: proposal.proposedBy.id };
  if (decided) return { step: 'done', roles: [] };
  for (const stage of policy.stages) {
    if (findings[stage]) continue;
    // Nothing restrictive is possible any more (policy and legal both cleared it): decide without action.
    if (stage === 'human_rights' && allowedRestrictive(policy, findings).length === 0) break;
    return { step: stage, roles: rolesFor(stageAction[stage]) };
  }
  return { step: 'decide', roles: rolesFor('items.decide') };
}
