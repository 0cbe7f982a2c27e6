/**
 * The deadline engine: from a request's regime, kind, category and receipt instant (and, where the
 * law says so, the period the order sets) to the due instant, with the rule and version applied
 * and the quoted source. A due instant is always receipt + elapsed hours; no deadline in the packs
 * pauses for nights, weekends or holidays (none of the sources says one does).
 *
 * "Immediately" and "without undue delay" have no legal hours. They map to the platform's policy
 * targets from configuration, and the result says `basis: 'policy'` so nobody takes them for law.
 */
import { WritError } from '../errors.js';
import type { RequestKind } from '../vocabulary.js';
import type { DeadlineRule, RegimePack, RegimeVersion } from './pack.js';
import { describeVersions, type RuleBook, versionAt } from './rule-book.js';
import { addHours } from './time.js';
import type { DeadlineBasis, DeadlineClock } from './vocabulary.js';

export type PolicyTargets = {
  /** Hours Writ gives a request whose law says "immediately". */
  immediateHours: number;
  /** Hours Writ gives a request whose law says "without undue delay" (or "swiftly"). */
  withoutUndueDelayHours: number;
};

export type DeadlineQuery = {
  regimeId: string;
  kind: RequestKind;
  category: string;
  receivedAt: Date;
  periodSetInOrderHours?: number | null;
};

/** Everything a due date rests on; stored with the request so that it never changes silently. */
export type AppliedRule = {
  basis: DeadlineBasis;
  hours: number;
  regimeId: string;
  /** `regime/rule`, e.g. `in-it-rules/government-or-court-order`. */
  ruleId: string;
  ruleVersion: number;
  versionFrom: string;
  clock: DeadlineClock;
  category: string;
  source: { url: string; quote: string };
  /** The regime's zone, to show the due instant as the authority sees it. */
  timeZone: string;
};

export type DeadlineResult = AppliedRule & { dueAt: Date; explanation: string };

function findRule(pack: RegimePack, version: RegimeVersion, kind: RequestKind, category: string): DeadlineRule {
  const forKind = version.deadlines.filter((r) => r.kinds.includes(kind));
  const exact = forKind.find((r) => r.categories?.includes(category));
  const any = forKind.find((r) => r.categories === undefined);
  const rule = exact ?? any;
  if (rule) return rule;
  if (forKind.length === 0) {
    const kinds = [...new Set(version.deadlines.flatMap((r) => r.kinds))];
    throw new WritError(
      'validation_failed',
      `${pack.id} version ${version.version} sets no deadline for ${kind} requests${kinds.length ? ` (it covers ${kinds.join(', ')})` : ''}`,
      'kind',
    );
  }
  const categories = forKind.flatMap((r) => r.categories ?? []);
  throw new WritError(
    'validation_failed',
    `${pack.id} version ${version.version} has no ${kind} category ${JSON.stringify(category)}; its categories are ${categories.join(', ')}`,
    'category',
  );
}

function ruleHours(
  rule: DeadlineRule,
  period: number | null | undefined,
  policy: PolicyTargets,
): { hours: number; basis: DeadlineBasis; how: string } {
  switch (rule.clock) {
    case 'elapsed_hours_from_receipt': {
      const legal = rule.hours!;
      if (rule.orderMayExtend && period && period > legal)
        return {
          hours: period,
          basis: 'order',
          how: `${period} h set in the order (the law allows the authority to extend ${legal} h)`,
        };
      return { hours: legal, basis: 'law', how: `${legal} h after receipt, set by law` };
    }
    case 'immediate':
      return {
        hours: policy.immediateHours,
        basis: 'policy',
        how: `"immediately" in law, no hours; platform policy target ${policy.immediateHours} h`,
      };
    case 'without_undue_delay':
      return {
        hours: policy.withoutUndueDelayHours,
        basis: 'policy',
        how: `"without undue delay" in law, no hours; platform policy target ${policy.withoutUndueDelayHours} h`,
      };
    case 'set_in_order':
      if (!period)
        throw new WritError(
          'validation_failed',
          `under ${rule.id} the order itself sets the period: give periodSetInOrderHours`,
          'periodSetInOrderHours',
        );
      return { hours: period, basis: 'order', how: `${period} h set in the order` };
  }
}

export function computeDeadline(book: RuleBook, query: DeadlineQuery, policy: PolicyTargets): DeadlineResult {
  const pack = book.find(query.regimeId);
  if (!pack)
    throw new WritError(
      'validation_failed',
      `no regime ${JSON.stringify(query.regimeId)}; known regimes: ${book.packs.map((p) => p.id).join(', ')}`,
      'regime',
    );
  const version = versionAt(pack, query.receivedAt);
  if (!version)
    throw new WritError(
      'validation_failed',
      `${pack.id} was not in force at ${query.receivedAt.toISOString()} (versions: ${describeVersions(pack)})`,
      'receivedAt',
    );
  const rule = findRule(pack, version, query.kind, query.category);
  const { hours, basis, how } = ruleHours(rule, query.periodSetInOrderHours, policy);
  const source = pack.sources.find((s) => s.id === rule.sources[0])!;
  const ruleId = `${pack.id}/${rule.id}`;
  return {
    dueAt: addHours(query.receivedAt, hours),
    basis,
    hours,
    regimeId: pack.id,
    ruleId,
    ruleVersion: version.version,
    versionFrom: version.from,
    clock: rule.clock,
    category: query.category,
    source: { url: source.url, quote: source.quote },
    timeZone: pack.timeZone,
    explanation: `${basis}: ${how} — ${ruleId}, version ${version.version} (in force from ${version.from})`,
  };
}

/** Hours Writ gives a request that names no regime: a platform policy, per kind. */
export const defaultPolicyHours: Record<RequestKind, number> = {
  emergency_disclosure: 1,
  content_removal: 24,
  preservation: 72,
  user_data: 240,
};
