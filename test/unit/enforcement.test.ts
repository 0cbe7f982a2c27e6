/** What a decision asks the content system to do (src/domain/enforcement.ts). */
import { describe, expect, it } from 'vitest';
import { type EnforcementStep, enforcementStepFor, secondsToGiveEffect } from '../../src/domain/enforcement.js';

const decision = (outcome: string, scopeCountries: string[] | null = null, previousOutcome: string | null = null) =>
  ({ outcome, scopeCountries, previousOutcome }) as Parameters<typeof enforcementStepFor>[0];

describe('enforcementStepFor', () => {
  it('maps a removal under policy to removal everywhere, a legal removal to a restriction in its countries', () => {
    expect(enforcementStepFor(decision('removed_policy'), null)).toEqual({ action: 'remove_globally', scopeCountries: null });
    expect(enforcementStepFor(decision('removed_legal', ['UZ', 'KZ']), null)).toEqual({
      action: 'restrict_in_country',
      scopeCountries: ['KZ', 'UZ'],
    });
  });

  it('asks nothing for an outcome that restricts nothing, unless something was restricted', () => {
    for (const outcome of ['no_action', 'content_not_found', 'not_enough_information', 'content_already_removed'])
      expect(enforcementStepFor(decision(outcome), null)).toBeNull();
  });

  it('restores an item whose restriction a new decision lifts, in the scope that was restricted, once', () => {
    const restricted: EnforcementStep = { action: 'restrict_in_country', scopeCountries: ['KZ'] };
    expect(enforcementStepFor(decision('no_action', null, 'removed_legal'), restricted)).toEqual({
      action: 'restore',
      scopeCountries: ['KZ'],
    });
    expect(
      enforcementStepFor(decision('no_action', null, 'removed_legal'), { action: 'restore', scopeCountries: ['KZ'] }),
    ).toBeNull();
    // A reversed appeal with no action on record still restores.
    expect(enforcementStepFor(decision('no_action', null, 'removed_policy'), null)).toEqual({
      action: 'restore',
      scopeCountries: null,
    });
  });

  it('asks again only when the scope or the action changes', () => {
    const kz: EnforcementStep = { action: 'restrict_in_country', scopeCountries: ['KZ'] };
    expect(enforcementStepFor(decision('removed_legal', ['KZ'], 'removed_legal'), kz)).toBeNull();
    expect(enforcementStepFor(decision('removed_legal', ['KZ', 'UZ'], 'removed_legal'), kz)).toEqual({
      action: 'restrict_in_country',
      scopeCountries: ['KZ', 'UZ'],
    });
    expect(enforcementStepFor(decision('removed_policy', null, 'removed_legal'), kz)).toEqual({
      action: 'remove_globally',
      scopeCountries: null,
    });
    // Restricted again after a restoration.
    expect(
      enforcementStepFor(decision('removed_legal', ['KZ'], 'no_action'), { action: 'restore', scopeCountries: ['KZ'] }),
    ).toEqual(kz);
  });

  it('counts the time to give effect in whole seconds from the decision', () => {
    expect(secondsToGiveEffect(new Date('2026-11-30T10:00:00Z'), new Date('2026-11-30T10:02:30.400Z'))).toBe(150);
    expect(secondsToGiveEffect(new Date('2026-11-30T10:00:00Z'), null)).toBeNull();
  });
});
