import { describe, expect, it } from 'vitest';
import { WritError } from '../../src/domain/errors.js';
import type { ReviewFinding, ReviewStage } from '../../src/domain/review-vocabulary.js';
import {
  allowedRestrictive,
  checkFinding,
  checkSignOff,
  checkStageOrder,
  currentFindings,
  effectivePolicy,
  gateDecision,
  nextStep,
  type StageStep,
} from '../../src/domain/staged-review.js';

const step = (stage: ReviewStage, finding: ReviewFinding, actor = 'a'): StageStep => ({
  stage,
  finding,
  note: 'n',
  actor: { id: actor, name: actor },
  at: new Date(0),
});
const findings = (...steps: StageStep[]) => currentFindings(steps);
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof WritError ? `${e.code}:${e.field ?? ''}` : 'other';
  }
  return 'none';
};
const sensitive = effectivePolicy([], ['Government Criticism'], []);
const plain = effectivePolicy([], ['Fraud'], []);
const legalKz = { outcome: 'removed_legal' as const, scopeCountries: ['KZ'] };

describe('the policy of an item', () => {
  it('is the default for its reason: sensitive reasons need all three stages, others none', () => {
    expect(sensitive).toEqual({ stages: ['policy', 'legal', 'human_rights'], sensitive: true });
    expect(plain).toEqual({ stages: [], sensitive: false });
  });
  it("follows the admin's row, in stage order, and a sensitive topic makes any item sensitive", () => {
    const rows = [{ reason: 'Fraud' as const, stages: ['legal' as const], sensitive: false }];
    expect(effectivePolicy(rows, ['Fraud'], [])).toEqual({ stages: ['legal'], sensitive: false });
    expect(effectivePolicy(rows, ['Fraud'], ['protest'])).toEqual({
      stages: ['policy', 'legal', 'human_rights'],
      sensitive: true,
    });
    const off = [{ reason: 'Government Criticism' as const, stages: [], sensitive: false }];
    expect(effectivePolicy(off, ['Government Criticism'], [])).toEqual({ stages: [], sensitive: false });
  });
});

describe('findings and order', () => {
  it("accepts only the stage's own findings", () => {
    expect(checkFinding('policy', 'violates_policy')).toBe('violates_policy');
    expect(code(() => checkFinding('legal', 'proceed'))).toBe('validation_failed:finding');
  });
  it('keeps stages in order; a later finding supersedes', () => {
    expect(code(() => checkStageOrder(sensitive, findings(), 'legal'))).toBe('review_stage_required:stage');
    expect(code(() => checkStageOrder(sensitive, findings(step('policy', 'no_violation')), 'human_rights'))).toBe(
      'review_stage_required:stage',
    );
    expect(code(() => checkStageOrder(sensitive, findings(step('policy', 'no_violation')), 'legal'))).toBe('none');
    expect(findings(step('legal', 'lawful'), step('legal', 'unlawful_locally')).legal?.finding).toBe('unlawful_locally');
  });
});

describe('what the findings allow', () => {
  it('policy violation allows removal everywhere; unlawful locally, restriction in the country', () => {
    const all = (p: ReviewFinding, l: ReviewFinding) =>
      allowedRestrictive(sensitive, findings(step('policy', p), step('legal', l), step('human_rights', 'proceed')));
    expect(all('violates_policy', 'lawful')).toEqual(['removed_policy']);
    expect(all('no_violation', 'unlawful_locally')).toEqual(['removed_legal']);
    expect(all('no_violation', 'insufficient_information')).toEqual([]);
  });
  it('a human-rights objection blocks every restriction', () => {
    const f = findings(step('policy', 'violates_policy'), step('legal', 'unlawful_locally'), step('human_rights', 'object'));
    expect(allowedRestrictive(sensitive, f)).toEqual([]);
    expect(code(() => gateDecision(sensitive, f, legalKz, 'KZ'))).toBe('review_stage_required:outcome');
  });
});

describe('the gate', () => {
  const done = findings(step('policy', 'no_violation'), step('legal', 'unlawful_locally'), step('human_rights', 'proceed'));
  it('always lets non-restrictive outcomes through', () => {
    expect(gateDecision(sensitive, findings(), { outcome: 'no_action', scopeCountries: null }, 'KZ')).toBe('decide');
  });
  it('needs every stage first, then proposes on a sensitive item', () => {
    expect(code(() => gateDecision(sensitive, findings(step('policy', 'no_violation')), legalKz, 'KZ'))).toBe(
      'review_stage_required:outcome',
    );
    expect(gateDecision(sensitive, done, legalKz, 'KZ')).toBe('propose');
  });
  it('restricts in the requesting country only after a legal finding', () => {
    expect(code(() => gateDecision(sensitive, done, { ...legalKz, scopeCountries: ['KZ', 'RU'] }, 'KZ'))).toBe(
      'validation_failed:scopeCountries',
    );
  });
  it('decides directly on an item without stages', () => {
    expect(gateDecision(plain, findings(), { outcome: 'removed_policy', scopeCountries: null }, 'KZ')).toBe('decide');
  });
  it('refuses the proposer as the second person', () => {
    expect(code(() => checkSignOff({ proposedBy: { id: 'a' } }, { id: 'a' }))).toBe('second_person_required:');
    expect(code(() => checkSignOff({ proposedBy: { id: 'a' } }, { id: 'b' }))).toBe('none');
  });
});

describe('who acts next', () => {
  it('walks the stages, then decide, sign-off (not the proposer) and done', () => {
    expect(nextStep(sensitive, findings(), null, false)).toEqual({ step: 'policy', roles: ['reviewer', 'legal'] });
    expect(nextStep(sensitive, findings(step('policy', 'no_violation')), null, false)).toEqual({
      step: 'legal',
      roles: ['legal'],
    });
    expect(
      nextStep(sensitive, findings(step('policy', 'no_violation'), step('legal', 'unlawful_locally')), null, false).step,
    ).toBe('human_rights');
    // Nothing restrictive left to weigh: straight to a decision without action.
    expect(nextStep(sensitive, findings(step('policy', 'no_violation'), step('legal', 'lawful')), null, false).step).toBe(
      'decide',
    );
    expect(nextStep(sensitive, findings(), { proposedBy: { id: 'p' } }, false)).toEqual({
      step: 'sign_off',
      roles: ['legal', 'human_rights'],
      notUserId: 'p',
    });
    expect(nextStep(plain, findings(), null, true)).toEqual({ step: 'done', roles: [] });
    expect(nextStep(plain, findings(), null, false)).toEqual({ step: 'decide', roles: ['reviewer', 'legal'] });
  });
});
