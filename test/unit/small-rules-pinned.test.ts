/**
 * Small rules the mutation baseline showed unpinned (issue 14): which of a country's names a reader is
 * shown, the full list of country codes, the review a sensitive category gets by default, and the name
 * a WritError carries into logs and stack traces.
 */
import { describe, expect, it } from 'vitest';
import { countryCodes, countryName } from '../../src/domain/countries.js';
import { WritError } from '../../src/domain/errors.js';
import { defaultReviewPolicy } from '../../src/domain/review-vocabulary.js';

describe("a country's name as shown", () => {
  it('is the shorter name only when it is strictly shorter: of two names of one length the official one', () => {
    // The list's two names for these are of equal length, differing only in an accent.
    expect(countryName('CI')).toBe("Cote d'Ivoire");
    expect(countryName('AX')).toBe('Åland Islands');
  });

  it('is the official name when the other one is longer', () => {
    expect(countryName('NL')).toBe('Netherlands');
    expect(countryName('PN')).toBe('Pitcairn');
    expect(countryName('TW', 'ru')).toBe('Тайвань');
  });
});

describe('the list of country codes', () => {
  it('holds every currently assigned code and XK, once each, from A to Z, and no withdrawn one', () => {
    const codes = countryCodes();
    expect(codes.length).toBeGreaterThanOrEqual(249);
    expect(codes).toContain('KZ');
    expect(codes).toContain('XK');
    expect(codes).not.toContain('SU');
    expect(codes[0]).toBe('AD');
    expect(codes.at(-1)).toBe('ZW');
    expect([...codes].sort()).toEqual(codes);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('the default review of a category', () => {
  it('is policy, legal and human-rights review for a sensitive one such as government criticism', () => {
    expect(defaultReviewPolicy('Government Criticism')).toEqual({
      reason: 'Government Criticism',
      stages: ['policy', 'legal', 'human_rights'],
      sensitive: true,
    });
  });

  it('has no stages for one that is not sensitive', () => {
    expect(defaultReviewPolicy('Defamation')).toEqual({ reason: 'Defamation', stages: [], sensitive: false });
  });
});

describe('a WritError', () => {
  it('is named WritError, so logs and stack traces say which kind of error it is', () => {
    const error = new WritError('validation_failed', 'the e-mail must be an address', 'email');
    expect(error.name).toBe('WritError');
    expect(String(error)).toBe('WritError: the e-mail must be an address');
  });
});
