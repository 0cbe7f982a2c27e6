/**
 * A request's due date and what it rests on. With a regime named, the deadline engine
 * (src/domain/regimes/deadline-engine.ts) applies the rule pack; without one, Writ gives a
 * platform-policy deadline by request kind, and says so. Whatever was applied is stored with the
 * request; a later change of a pack never moves it (recomputation is an explicit, audited action).
 */
import { WritError } from './errors.js';
import { type AppliedRule, computeDeadline, defaultPolicyHours, type PolicyTargets } from './regimes/deadline-engine.js';
import type { RuleBook } from './regimes/rule-book.js';
import { addHours } from './regimes/time.js';
import type { DeadlineBasis } from './regimes/vocabulary.js';
import { openStatuses, type RequestKind, type RequestStatus } from './vocabulary.js';

/** The legal frame an order names: its regime, the regime's category, and a period the order may set. */
export type OrderFrame = {
  regimeId: string | null;
  category: string | null;
  periodSetInOrderHours: number | null;
};

/** What is stored on a request about its deadline. */
export type RequestDeadline = OrderFrame & {
  dueAt: Date;
  /** One line a person can read: basis, hours, rule and version. */
  dueBasis: string;
  deadlineBasis: DeadlineBasis;
  deadlineRuleId: string | null;
  deadlineRuleVersion: number | null;
  deadlineRule: AppliedRule | null;
};

export function policyDefaultDeadline(kind: RequestKind, receivedAt: Date): Pick<RequestDeadline, 'dueAt' | 'dueBasis'> {
  const hours = defaultPolicyHours[kind];
  return {
    dueAt: addHours(receivedAt, hours),
    dueBasis: `policy: ${hours} h after receipt for ${kind} (no regime named, so no legal deadline applied)`,
  };
}

export function deadlineFor(
  order: OrderFrame & { kind: RequestKind; receivedAt: Date },
  rules: RuleBook,
  policy: PolicyTargets,
): RequestDeadline {
  const frame: OrderFrame = {
    regimeId: order.regimeId,
    category: order.category,
    periodSetInOrderHours: order.periodSetInOrderHours,
  };
  if (!order.regimeId) {
    if (order.category) throw new WritError('validation_failed', 'a category belongs to a regime: name the regime too', 'regime');
    const d = policyDefaultDeadline(order.kind, order.receivedAt);
    return { ...frame, ...d, deadlineBasis: 'policy', deadlineRuleId: null, deadlineRuleVersion: null, deadlineRule: null };
  }
  const { dueAt, explanation, ...applied } = computeDeadline(
    rules,
    {
      regimeId: order.regimeId,
      kind: order.kind,
      category: order.category ?? '',
      receivedAt: order.receivedAt,
      periodSetInOrderHours: order.periodSetInOrderHours,
    },
    policy,
  );
  return {
    ...frame,
    dueAt,
    dueBasis: explanation,
    deadlineBasis: applied.basis,
    deadlineRuleId: applied.ruleId,
    deadlineRuleVersion: applied.ruleVersion,
    deadlineRule: applied,
  };
}

/** A national regime applies to its own country's authorities; a union regime (EU) to any. */
export function checkRegimeFitsAuthority(rules: RuleBook, regimeId: string, authorityCountry: string): void {
  const pack = rules.find(regimeId);
  if (pack && pack.jurisdictionKind === 'country' && pack.jurisdiction !== authorityCountry)
    throw new WritError(
      'validation_failed',
      `${regimeId} is a regime of ${pack.jurisdiction}; the authority is in ${authorityCountry}`,
      'regime',
    );
}

/** A stored request's deadline with the facts it was computed from. */
export type StoredDeadline = RequestDeadline & {
  kind: RequestKind;
  receivedAt: Date;
  status: RequestStatus;
  authority: { country: string };
};

/** A reviewer's correction of an order's legal frame: a field left out keeps what is stored, null clears it. */
export type FrameCorrection = Partial<OrderFrame>;

/**
 * The deadline an open request gets when recomputed with the current rule packs and a correction.
 * A decided, closed or withdrawn request's deadline is history and is not recomputed.
 */
export function recomputedDeadline(
  current: StoredDeadline,
  correction: FrameCorrection,
  rules: RuleBook,
  policy: PolicyTargets,
): RequestDeadline {
  if (!openStatuses.includes(current.status))
    throw new WritError(
      'invalid_transition',
      `the deadline of a ${current.status} request is final; only open requests can be recomputed`,
      'status',
    );
  const kept = <K extends keyof OrderFrame>(key: K): OrderFrame[K] =>
    correction[key] === undefined ? current[key] : (correction[key] as OrderFrame[K]);
  const regimeId = kept('regimeId');
  if (regimeId) checkRegimeFitsAuthority(rules, regimeId, current.authority.country);
  return deadlineFor(
    {
      kind: current.kind,
      receivedAt: current.receivedAt,
      regimeId,
      category: kept('category'),
      periodSetInOrderHours: kept('periodSetInOrderHours'),
    },
    rules,
    policy,
  );
}

/** Milliseconds left until the deadline; negative when it has passed. */
export function timeLeft(dueAt: Date, now: Date): number {
  return dueAt.getTime() - now.getTime();
}

/** What the current rule packs would give a stored deadline, so that a changed pack is visible. */
export type DeadlineReview = {
  differs: boolean;
  currentDueAt: string | null;
  currentRuleId: string | null;
  currentRuleVersion: number | null;
  /** Why the current packs give no deadline at all (e.g. the category was removed). */
  problem: string | null;
};

/** Only open requests under a regime are reviewed: a decided request's deadline is history. */
export function reviewDeadline(
  r: RequestDeadline & { kind: RequestKind; receivedAt: Date; status: RequestStatus },
  rules: RuleBook,
  policy: PolicyTargets,
): DeadlineReview | null {
  if (!r.regimeId || !openStatuses.includes(r.status)) return null;
  try {
    const current = deadlineFor(r, rules, policy);
    return {
      differs:
        current.dueAt.getTime() !== r.dueAt.getTime() ||
        current.deadlineRuleId !== r.deadlineRuleId ||
        current.deadlineRuleVersion !== r.deadlineRuleVersion,
      currentDueAt: current.dueAt.toISOString(),
      currentRuleId: current.deadlineRuleId,
      currentRuleVersion: current.deadlineRuleVersion,
      problem: null,
    };
  } catch (error) {
    if (!(error instanceof WritError)) throw error;
    return { differs: true, currentDueAt: null, currentRuleId: null, currentRuleVersion: null, problem: error.message };
  }
}
