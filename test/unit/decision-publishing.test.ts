/** A decision's publishing fields and the field its scope errors name (src/domain/request.ts). */
import { describe, expect, it } from 'vitest';
import { WritError } from '../../src/domain/errors.js';
import { checkDecision, type DecisionInput } from '../../src/domain/request.js';

const legal: DecisionInput = {
  outcome: 'removed_legal',
  reason: 'Defamation',
  rationale: 'court order 12',
  scopeCountries: ['KZ'],
};

/** The code and field of the error checking `d` throws, or 'accepted'. */
const verdict = (d: DecisionInput) => {
  try {
    checkDecision(d, 'KZ');
    return 'accepted';
  } catch (error) {
    return error instanceof WritError ? `${error.code}:${error.field ?? ''}` : String(error);
  }
};

describe("a decision's territorial scope", () => {
  it('names the scopeCountries field when a legal removal has no countries or another outcome has some', () => {
    expect(verdict({ ...legal, scopeCountries: null })).toBe('validation_failed:scopeCountries');
    expect(verdict({ ...legal, outcome: 'removed_policy' })).toBe('validation_failed:scopeCountries');
    expect(verdict({ ...legal, outcome: 'no_action' })).toBe('validation_failed:scopeCountries');
  });
});

describe("a decision's case study", () => {
  it('is required for a decision of public interest, naming the caseStudy field', () => {
    expect(verdict({ ...legal, publicInterest: true })).toBe('validation_failed:caseStudy');
    expect(verdict({ ...legal, publicInterest: true, caseStudy: null })).toBe('validation_failed:caseStudy');
  });

  it('does not count when it is only blank', () => {
    expect(verdict({ ...legal, publicInterest: true, caseStudy: '  \n ' })).toBe('validation_failed:caseStudy');
    expect(checkDecision({ ...legal, caseStudy: '   ' }, 'KZ').caseStudy).toBeNull();
  });

  it('is kept with a decision of public interest', () => {
    const checked = checkDecision(
      { ...legal, publicInterest: true, caseStudy: 'A court ordered a journalist’s post withheld.' },
      'KZ',
    );
    expect(checked.publicInterest).toBe(true);
    expect(checked.caseStudy).toBe('A court ordered a journalist’s post withheld.');
  });

  it('leaves a decision not of public interest when left out', () => {
    expect(checkDecision(legal, 'KZ')).toMatchObject({ publicInterest: false, caseStudy: null, publicSummary: null });
  });
});

describe("a decision's public summary", () => {
  it('is kept as written, or left out when blank', () => {
    expect(checkDecision({ ...legal, publicSummary: 'Withheld in Kazakhstan.' }, 'KZ').publicSummary).toBe(
      'Withheld in Kazakhstan.',
    );
    expect(checkDecision({ ...legal, publicSummary: ' \t ' }, 'KZ').publicSummary).toBeNull();
  });
});
