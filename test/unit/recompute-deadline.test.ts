/**
 * Recomputing a stored deadline (the domain's rule, used by POST /requests/:id/deadline/recompute):
 * a field the correction leaves out keeps what is stored, null clears it; a national regime must be
 * the authority's own; only an open request's deadline moves.
 */
import { describe, expect, it } from 'vitest';
import { shippedRulesDir } from '../../src/config.js';
import { deadlineFor, recomputedDeadline, type StoredDeadline } from '../../src/domain/deadline.js';
import { loadRuleBook } from '../../src/rules/packs.js';

const rules = loadRuleBook(shippedRulesDir);
const policy = { immediateHours: 1, withoutUndueDelayHours: 24 };
const receivedAt = new Date('2026-03-10T18:30:00Z');

const stored = (frame: Partial<StoredDeadline> = {}): StoredDeadline => {
  const order = {
    kind: 'content_removal' as const,
    receivedAt,
    regimeId: 'kz-2022-child-cyberbullying',
    category: 'child_cyberbullying',
    periodSetInOrderHours: null,
  };
  return { ...deadlineFor(order, rules, policy), ...order, status: 'in_review', authority: { country: 'KZ' }, ...frame };
};

describe('recomputedDeadline', () => {
  it('keeps the stored regime and category when the correction leaves them out', () => {
    const next = recomputedDeadline(stored(), {}, rules, policy);
    expect(next.regimeId).toBe('kz-2022-child-cyberbullying');
    expect(next.category).toBe('child_cyberbullying');
    expect(next.deadlineRuleId).toBe('kz-2022-child-cyberbullying/child-cyberbullying-removal');
  });

  it('clears the regime when the correction says null, and falls back to the policy deadline', () => {
    const next = recomputedDeadline(stored(), { regimeId: null, category: null }, rules, policy);
    expect(next.regimeId).toBeNull();
    expect(next.deadlineBasis).toBe('policy');
    expect(next.dueAt).toEqual(new Date('2026-03-11T18:30:00Z'));
  });

  it("refuses another country's regime for the authority", () => {
    expect(() => recomputedDeadline(stored(), { regimeId: 'ru-149', category: null }, rules, policy)).toThrow(
      expect.objectContaining({ code: 'validation_failed', field: 'regime' }),
    );
  });

  it.each(['decided', 'closed', 'withdrawn'] as const)('leaves the deadline of a %s request as it is', (status) => {
    expect(() => recomputedDeadline(stored({ status }), {}, rules, policy)).toThrow(
      expect.objectContaining({ code: 'invalid_transition', field: 'status' }),
    );
  });
});
