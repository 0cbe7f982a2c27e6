/** Which scope an enforcement action covers, and when a decision's scope is the one already enforced (src/domain/enforcement.ts). */
import { describe, expect, it } from 'vitest';
import { type EnforcementStep, enforcementStepFor } from '../../src/domain/enforcement.js';
import type { Outcome } from '../../src/domain/vocabulary.js';

const decision = (outcome: Outcome, scopeCountries: string[] | null, previousOutcome: Outcome | null = null) => ({
  outcome,
  scopeCountries,
  previousOutcome,
});

describe('the scope an enforcement action covers', () => {
  it('removes an item everywhere for a removal under policy, whatever countries the decision names', () => {
    expect(enforcementStepFor(decision('removed_policy', ['KZ']), null)).toEqual({
      action: 'remove_globally',
      scopeCountries: null,
    });
  });

  it('removes an item everywhere for a legal removal that names no country', () => {
    expect(enforcementStepFor(decision('removed_legal', []), null)).toEqual({ action: 'remove_globally', scopeCountries: null });
    expect(enforcementStepFor(decision('removed_legal', null), null)).toEqual({
      action: 'remove_globally',
      scopeCountries: null,
    });
  });
});

describe('a decision whose scope is already enforced', () => {
  it('asks nothing when an item removed everywhere is removed everywhere again', () => {
    const global: EnforcementStep = { action: 'remove_globally', scopeCountries: null };
    expect(enforcementStepFor(decision('removed_policy', null, 'removed_policy'), global)).toBeNull();
    expect(enforcementStepFor(decision('removed_legal', [], 'removed_policy'), global)).toBeNull();
  });

  it('asks again when a restriction moves to as many other countries', () => {
    const kz: EnforcementStep = { action: 'restrict_in_country', scopeCountries: ['KZ'] };
    expect(enforcementStepFor(decision('removed_legal', ['UZ'], 'removed_legal'), kz)).toEqual({
      action: 'restrict_in_country',
      scopeCountries: ['UZ'],
    });
    const kzRu: EnforcementStep = { action: 'restrict_in_country', scopeCountries: ['KZ', 'RU'] };
    expect(enforcementStepFor(decision('removed_legal', ['KZ', 'UZ'], 'removed_legal'), kzRu)).toEqual({
      action: 'restrict_in_country',
      scopeCountries: ['KZ', 'UZ'],
    });
  });

  it('compares the restricted countries in any order: the same countries listed otherwise ask nothing', () => {
    const recorded: EnforcementStep = { action: 'restrict_in_country', scopeCountries: ['UZ', 'KZ'] };
    expect(enforcementStepFor(decision('removed_legal', ['KZ', 'UZ'], 'removed_legal'), recorded)).toBeNull();
    expect(enforcementStepFor(decision('removed_legal', ['UZ', 'KZ'], 'removed_legal'), recorded)).toBeNull();
  });
});
