/**
 * The bulk decision's glob: `*` any run, `?` exactly one, everything else literal, and no pattern a
 * person types can make it run away (no regular expression is built from it).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bulkDecisionCap, checkBulkSelection, matchesGlob, selectBulkItems } from '../../src/domain/bulk-decision.js';
import { WritError } from '../../src/domain/errors.js';
import { runs } from '../support/property-runs.js';

describe('matchesGlob', () => {
  it('matches literally outside * and ?: a dot is a dot', () => {
    expect(matchesGlob('https://example.org/a', 'https://example.org/a')).toBe(true);
    expect(matchesGlob('https://example.org/a', 'https://exampleXorg/a')).toBe(false);
    expect(matchesGlob('a.b', 'axb')).toBe(false);
    expect(matchesGlob('https://example.org/a', 'https://example.org/ab')).toBe(false);
    expect(matchesGlob('https://example.org/a', 'xhttps://example.org/a')).toBe(false);
  });

  it('? stands for exactly one character', () => {
    expect(matchesGlob('post-?', 'post-1')).toBe(true);
    expect(matchesGlob('post-?', 'post-')).toBe(false);
    expect(matchesGlob('post-?', 'post-12')).toBe(false);
    expect(matchesGlob('??', 'ж1')).toBe(true);
  });

  it('* stands for any run, empty included, at either end or in the middle', () => {
    expect(matchesGlob('https://example.org/posts/*', 'https://example.org/posts/1')).toBe(true);
    expect(matchesGlob('https://example.org/posts/*', 'https://example.org/posts/')).toBe(true);
    expect(matchesGlob('https://example.org/posts/*', 'https://example.org/videos/1')).toBe(false);
    expect(matchesGlob('https://*.example.org/*/edit', 'https://m.example.org/p/9/edit')).toBe(true);
    expect(matchesGlob('https://*.example.org/*/edit', 'https://m.example.org/p/9/edit/x')).toBe(false);
    expect(matchesGlob('*b*b', 'abxbb')).toBe(true);
    expect(matchesGlob('*', '')).toBe(true);
    expect(matchesGlob('', '')).toBe(true);
    expect(matchesGlob('', 'a')).toBe(false);
  });

  it('takes the characters of regular expressions literally, and answers at once on a hostile pattern', () => {
    expect(matchesGlob('(a+)+$', 'aaaa')).toBe(false);
    expect(matchesGlob('(a+)+$', '(a+)+$')).toBe(true);
    expect(matchesGlob('[abc]', 'a')).toBe(false);
    expect(matchesGlob('[abc]', '[abc]')).toBe(true);
    expect(matchesGlob('a|b', 'a')).toBe(false);
    expect(matchesGlob('\\d', '\\d')).toBe(true);
    // Many stars against a long near-miss: linear-ish, not exponential.
    const target = `${'a'.repeat(2000)}b`;
    expect(matchesGlob(`${'*a'.repeat(30)}c`, target)).toBe(false);
    expect(matchesGlob(`${'*a'.repeat(30)}*b`, target)).toBe(true);
  });

  it('agrees with a reference matcher on random patterns and targets', () => {
    // The reference: the same glob as a fully escaped regular expression (test only).
    const reference = (pattern: string, target: string) =>
      new RegExp(
        `^${[...pattern].map((c) => (c === '*' ? '[\\s\\S]*' : c === '?' ? '[\\s\\S]' : c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))).join('')}$`,
        'u',
      ).test(target);
    const alphabet = fc.constantFrom('a', 'b', '.', '/', '*', '?', '(', '+', ')', '$', '\\');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 8 }),
        fc.array(fc.constantFrom('a', 'b', '.', '/', '('), { maxLength: 10 }),
        (p, t) => {
          expect(matchesGlob(p.join(''), t.join(''))).toBe(reference(p.join(''), t.join('')));
        },
      ),
      { numRuns: runs(2000) },
    );
  });
});

describe('selecting the items', () => {
  const items = [
    { id: '1', position: 1, target: 'https://example.org/posts/1', decided: false },
    { id: '2', position: 2, target: 'https://example.org/posts/2', decided: true },
    { id: '3', position: 3, target: 'https://example.org/videos/3', decided: false },
  ];

  it('takes the matching undecided items by default, the decided ones too when asked', () => {
    expect(
      selectBulkItems(items, { targetPattern: 'https://example.org/posts/*', onlyUndecided: true }).map((i) => i.id),
    ).toEqual(['1']);
    expect(
      selectBulkItems(items, { targetPattern: 'https://example.org/posts/*', onlyUndecided: false }).map((i) => i.id),
    ).toEqual(['1', '2']);
  });

  it('refuses no match and more than the cap, on the field targetPattern', () => {
    for (const n of [0, bulkDecisionCap + 1]) {
      const e = (() => {
        try {
          checkBulkSelection(n);
        } catch (error) {
          return error;
        }
      })();
      expect(e).toBeInstanceOf(WritError);
      expect(e).toMatchObject({ code: 'validation_failed', field: 'targetPattern' });
    }
    expect(() => checkBulkSelection(bulkDecisionCap)).not.toThrow();
  });
});
