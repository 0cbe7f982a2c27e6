/**
 * Vintages: Google and Meta republish their whole history every half-year, sometimes revised. An
 * import's vintage is the last period it covers. Each part (file kind) and period of a source is
 * held by one import: a newer or equal vintage replaces what it covers, period by period; an older
 * vintage never overwrites a newer one, it only fills periods nobody holds. So importing vintages
 * in any order ends in the same state, and a folder without historical/ leaves those parts alone.
 */
import type { PartPeriod } from './sources.js';

export type Holding = PartPeriod & { vintage: string };

export type ReplacementPlan = {
  /** Held by an older or equal vintage: its rows are deleted and the new ones stored. */
  replace: PartPeriod[];
  /** Held by no import yet. */
  add: PartPeriod[];
  /** Held by a newer vintage, which stays. */
  keep: Holding[];
};

const key = (p: PartPeriod) => `${p.part}|${p.period}`;

export function planReplacement(held: readonly Holding[], incoming: readonly PartPeriod[], vintage: string): ReplacementPlan {
  const holdings = new Map(held.map((h) => [key(h), h]));
  const plan: ReplacementPlan = { replace: [], add: [], keep: [] };
  for (const p of incoming) {
    const h = holdings.get(key(p));
    if (!h) plan.add.push(p);
    else if (h.vintage > vintage) plan.keep.push(h);
    else plan.replace.push(p);
  }
  return plan;
}

/** Whether a row of `part` and `period` is to be stored under the plan. */
export function storedUnder(plan: ReplacementPlan): (part: string, period: string) => boolean {
  const kept = new Set(plan.keep.map(key));
  return (part, period) => !kept.has(`${part}|${period}`);
}
