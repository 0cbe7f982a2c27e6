/**
 * Bulk decisions (issue 12, queue work): one decision applied to every item of an order whose target
 * matches a pattern, recorded item by item. The pattern is a glob, matched here character by
 * character: `*` stands for any run of characters (none included), `?` for exactly one, and every
 * other character for itself — a dot is a dot, a bracket a bracket. No regular expression is ever
 * built from what a person typed, so a pattern cannot make the matcher backtrack without end.
 */
import { WritError } from './errors.js';

/** At most this many items are decided by one call. */
export const bulkDecisionCap = 1_000;

/** The longest pattern accepted (an item's target is at most 2,000 characters). */
export const targetPatternMaxLength = 2_000;

/**
 * Whether `target` matches the glob `pattern`, in time proportional to their lengths' product at
 * worst: the classic two-pointer walk that remembers only the last `*` (a later `*` makes every
 * earlier choice final, so there is never more than one point to return to).
 */
export function matchesGlob(pattern: string, target: string): boolean {
  const p = [...pattern];
  const t = [...target];
  let pi = 0;
  let ti = 0;
  let starAt = -1; // position in p of the last `*` seen
  let resumeAt = 0; // position in t where that `*` began to match
  while (ti < t.length) {
    const c = p[pi];
    if (c === '*') {
      starAt = pi++;
      resumeAt = ti;
    } else if (c !== undefined && (c === '?' || c === t[ti])) {
      pi++;
      ti++;
    } else if (starAt >= 0) {
      // Let the last `*` swallow one more character and try again from just after it.
      pi = starAt + 1;
      ti = ++resumeAt;
    } else {
      return false;
    }
  }
  while (p[pi] === '*') pi++;
  return pi === p.length;
}

export type BulkCandidate = { id: string; position: number; target: string; decided: boolean };

/** The items a bulk decision would act on: those whose target matches, the undecided ones only unless told otherwise. */
export function selectBulkItems<T extends BulkCandidate>(
  items: readonly T[],
  selection: { targetPattern: string; onlyUndecided: boolean },
): T[] {
  return items.filter((item) => (!selection.onlyUndecided || !item.decided) && matchesGlob(selection.targetPattern, item.target));
}

/** Refuses (400, field targetPattern) a selection that matches nothing, or more than the cap. */
export function checkBulkSelection(matched: number): void {
  if (matched === 0)
    throw new WritError('validation_failed', 'the pattern matches no item of this order that can be decided', 'targetPattern');
  if (matched > bulkDecisionCap)
    throw new WritError(
      'validation_failed',
      `the pattern matches ${matched} items; one bulk decision acts on at most ${bulkDecisionCap} — narrow the pattern`,
      'targetPattern',
    );
}
