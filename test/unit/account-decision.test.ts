/** The domain's rules for a decision on an account and for an emergency's post-hoc review (issue 11). */
import { describe, expect, it } from 'vitest';
import { type AccountDecisionInput, checkAccountDecision } from '../../src/domain/data-request.js';
import { checkEmergencyReviewer, checkFollowUpProcess, emergencyDueDates } from '../../src/domain/emergency-review.js';
import { WritError } from '../../src/domain/errors.js';

const asked = ['subscriber_information', 'ip_and_sign_in_logs'] as const;
const base: AccountDecisionInput = {
  extent: 'all',
  producedCategories: [],
  refusalReason: null,
  legalBasis: 'Art. 232',
  rationale: 'r',
};
const fieldOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof WritError) return `${e.code}:${e.field ?? ''}`;
    throw e;
  }
  return 'accepted';
};

describe('checkAccountDecision', () => {
  it('makes all produce every category asked, and some a de-duplicated part of them', () => {
    expect(checkAccountDecision(base, asked).producedCategories).toEqual([...asked]);
    const some = checkAccountDecision(
      { ...base, extent: 'some', producedCategories: ['ip_and_sign_in_logs', 'ip_and_sign_in_logs'], refusalReason: 'overbroad' },
      asked,
    );
    expect(some.producedCategories).toEqual(['ip_and_sign_in_logs']);
  });

  it.each([
    ['blank legal basis', { ...base, legalBasis: ' ' }, 'validation_failed:legalBasis'],
    ['all with a reason', { ...base, refusalReason: 'overbroad' }, 'validation_failed:refusalReason'],
    ['none without a reason', { ...base, extent: 'none' }, 'validation_failed:refusalReason'],
    [
      'none producing data',
      { ...base, extent: 'none', refusalReason: 'other', producedCategories: ['metadata'] },
      'validation_failed:producedCategories',
    ],
    ['some without categories', { ...base, extent: 'some', refusalReason: 'other' }, 'validation_failed:producedCategories'],
    [
      'some not asked',
      { ...base, extent: 'some', refusalReason: 'other', producedCategories: ['location'] },
      'validation_failed:producedCategories',
    ],
    [
      'some that is all',
      { ...base, extent: 'some', refusalReason: 'other', producedCategories: [...asked] },
      'validation_failed:extent',
    ],
  ] as [string, AccountDecisionInput, string][])('refuses %s', (_n, input, expected) => {
    expect(fieldOf(() => checkAccountDecision(input, asked))).toBe(expected);
  });

  it('lets a preservation that asked for no category name what was preserved', () => {
    const d = checkAccountDecision(
      { ...base, extent: 'some', refusalReason: 'other', producedCategories: ['stored_content'] },
      [],
    );
    expect(d.producedCategories).toEqual(['stored_content']);
    expect(fieldOf(() => checkAccountDecision({ ...base, extent: 'some', refusalReason: 'other' }, []))).toBe(
      'validation_failed:producedCategories',
    );
  });
});

describe('the post-hoc review of an emergency', () => {
  it('is due hours after the first decision, the follow-up process days after', () => {
    const d = emergencyDueDates(new Date('2026-01-01T00:00:00Z'), { emergencyReviewHours: 72, emergencyFollowUpDays: 30 });
    expect(d.reviewDueAt.toISOString()).toBe('2026-01-04T00:00:00.000Z');
    expect(d.followUpDueAt.toISOString()).toBe('2026-01-31T00:00:00.000Z');
  });

  it('is not for whoever decided an account', () => {
    expect(fieldOf(() => checkEmergencyReviewer('a', ['b', 'a']))).toBe('forbidden:');
    expect(fieldOf(() => checkEmergencyReviewer('c', ['b', 'a']))).toBe('accepted');
  });

  it('takes as follow-up a later user-data order of the same country only', () => {
    const emergency = {
      id: 'e',
      kind: 'emergency_disclosure' as const,
      country: 'KZ',
      receivedAt: new Date('2026-01-01T00:00:00Z'),
    };
    const later = { id: 'f', kind: 'user_data' as const, country: 'KZ', receivedAt: new Date('2026-01-02T00:00:00Z') };
    expect(fieldOf(() => checkFollowUpProcess(emergency, later))).toBe('accepted');
    for (const wrong of [
      { ...later, kind: 'preservation' as const },
      { ...later, country: 'UZ' },
      { ...later, receivedAt: emergency.receivedAt },
      { ...later, id: 'e' },
    ]) {
      expect(fieldOf(() => checkFollowUpProcess(emergency, wrong))).toBe('validation_failed:reference');
    }
  });
});
