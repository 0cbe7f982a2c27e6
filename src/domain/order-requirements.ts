/**
 * What an order must contain under its regime (the rule pack's `orderRequirements`, each element with
 * the source that requires it), or under the platform's default where the regime says nothing; which
 * elements an order lacks, and why; and what becomes of the deadline's clock while the platform waits
 * for the authority to supply them. Plain TypeScript: no database, no HTTP.
 */
import {
  type ClarificationClock,
  type MissingElement,
  type OrderElement,
  orderElementLabels,
  orderElements,
} from './order-elements.js';
import type { RuleBook } from './regimes/rule-book.js';
import { versionAt } from './regimes/rule-book.js';
import type { RequestKind } from './vocabulary.js';

export type { ClarificationClock, MissingElement, OrderElement };

/** Where a requirement comes from: a rule pack's source (its quote), or the platform's practice. */
export type RequirementSource = { id: string; url: string | null; quote: string };

export type OrderRequirements = {
  /** `regime`: the pack's version in force at receipt says; `platform`: the default list below applies. */
  basis: 'regime' | 'platform';
  regimeId: string | null;
  elements: { element: OrderElement; sources: RequirementSource[] }[];
  clockDuringClarification: ClarificationClock;
  clockSources: RequirementSource[];
};

/**
 * GitHub's "complete government takedown request" (shared/reference/anchors.md §2.6): an official
 * agency, the illegal content identified, the source of illegality. Writ reads it as: the legal
 * basis, a statement of reasons, the exact items, and the official who signed.
 */
const platformPractice: RequirementSource = {
  id: 'platform-practice',
  url: 'https://github.com/github/gov-takedowns',
  quote:
    'Complete government takedown request = (1) from an official government agency, (2) identifies the illegal content, (3) specifies the source of illegality (law or court order)',
};

export const platformDefaultElements: readonly OrderElement[] = ['legal_basis', 'statement_of_reasons', 'items', 'signer'];

export const platformDefaultRequirements: OrderRequirements = {
  basis: 'platform',
  regimeId: null,
  elements: platformDefaultElements.map((element) => ({ element, sources: [platformPractice] })),
  clockDuringClarification: 'unspecified',
  clockSources: [],
};

/**
 * The requirements for an order under `regimeId` received at `receivedAt`: the pack version's own,
 * or the platform default where there is no regime, the pack has no version then, or it says nothing.
 */
export function requirementsFor(
  rules: RuleBook,
  order: { regimeId: string | null; kind: RequestKind; receivedAt: Date },
): OrderRequirements {
  const { regimeId, kind, receivedAt } = order;
  const pack = regimeId ? rules.find(regimeId) : undefined;
  const version = pack ? versionAt(pack, receivedAt) : undefined;
  const stated = version?.orderRequirements;
  if (!pack || !stated) return { ...platformDefaultRequirements, regimeId: pack ? pack.id : null };
  const sources = new Map(pack.sources.map((s) => [s.id, { id: s.id, url: s.url, quote: s.quote }]));
  const cite = (ids: readonly string[]) => ids.flatMap((id) => sources.get(id) ?? []);
  return {
    basis: 'regime',
    regimeId: pack.id,
    elements: stated.elements
      .filter((e) => !e.kinds || e.kinds.includes(kind))
      .map((e) => ({ element: e.element, sources: cite(e.sources) })),
    clockDuringClarification: stated.clockDuringClarification,
    clockSources: cite(stated.clockSources ?? []),
  };
}

/** An order's particulars as far as completeness goes: absent text is null or blank. */
export type OrderParticulars = {
  legalBasis: string | null;
  signer: string | null;
  statementOfReasons: string | null;
  items: readonly { target: string; product: string | null }[];
  /**
   * For a data order (user_data, preservation, emergency_disclosure): the identifiers of the accounts
   * it names, which are its items; a product is then not asked of it. Null (or absent) for a removal.
   */
  accounts?: readonly string[] | null;
  claimedCategories: readonly string[];
  requestedScope: readonly string[];
  redress: string | null;
  language: string | null;
  attachments: number;
};

const blank = (v: string | null | undefined) => v === null || v === undefined || v.trim() === '';

const present: Record<OrderElement, (o: OrderParticulars) => boolean> = {
  legal_basis: (o) => !blank(o.legalBasis),
  signer: (o) => !blank(o.signer),
  statement_of_reasons: (o) => !blank(o.statementOfReasons),
  items: (o) =>
    o.accounts
      ? o.accounts.length > 0 && o.accounts.every((a) => !blank(a))
      : o.items.length > 0 && o.items.every((i) => !blank(i.target)),
  product: (o) => (o.accounts ? true : o.items.length > 0 && o.items.every((i) => !blank(i.product))),
  category: (o) => o.claimedCategories.some((c) => !blank(c)),
  territorial_scope: (o) => o.requestedScope.length > 0,
  redress: (o) => !blank(o.redress),
  language: (o) => !blank(o.language),
  attachment: (o) => o.attachments > 0,
};

function why(requirements: OrderRequirements, sources: RequirementSource[]): string {
  const by = requirements.basis === 'regime' ? `${requirements.regimeId} requires it` : 'the platform asks for it';
  const quotes = sources.map((s) => `"${s.quote}"${s.url ? ` (${s.url})` : ''}`).join('; ');
  return quotes ? `${by}: ${quotes}` : by;
}

/** The required elements the order lacks, in the closed list's order, each with the quoted reason. */
export function missingElements(order: OrderParticulars, requirements: OrderRequirements): MissingElement[] {
  const required = new Map(requirements.elements.map((e) => [e.element, e.sources]));
  return orderElements.flatMap((element) => {
    const sources = required.get(element);
    if (!sources || present[element](order)) return [];
    return [{ element, reason: `${orderElementLabels[element]} is missing; ${why(requirements, sources)}` }];
  });
}

/** Whether the deadline's clock stops while the order waits for clarification, and on whose word. */
export type ClarificationClockRule = { stops: boolean; basis: 'regime' | 'setting'; sources: RequirementSource[] };

/** The regime's rule where it states one; otherwise the platform's setting (WRIT_CLARIFICATION_CLOCK). */
export function clarificationClockRule(requirements: OrderRequirements, setting: 'runs' | 'stops'): ClarificationClockRule {
  if (requirements.clockDuringClarification === 'unspecified')
    return { stops: setting === 'stops', basis: 'setting', sources: [] };
  return { stops: requirements.clockDuringClarification === 'stops', basis: 'regime', sources: requirements.clockSources };
}

/**
 * The deadline once a stopped clock runs again: moved later by the time it stood still (from
 * `pausedAt` to `resumedAt`). A clock that was not stopped leaves the deadline where it is.
 */
export function resumedDeadline(dueAt: Date, pausedAt: Date | null, resumedAt: Date): Date {
  if (!pausedAt) return dueAt;
  return new Date(dueAt.getTime() + Math.max(0, resumedAt.getTime() - pausedAt.getTime()));
}
