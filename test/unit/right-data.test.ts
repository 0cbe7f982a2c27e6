/**
 * The small rules behind "data that is right": half-years that have begun, url targets, whole item
 * counts on screen with the exact estimate kept, the report's field names, and sentences that quote
 * the law once. Web logic is tested here without a browser.
 */
import { describe, expect, it } from 'vitest';
import { isWebUrl } from '../../src/domain/item-target.js';
import { parseBegunPeriod, periodHasBegun } from '../../src/domain/period.js';
import { outcomeBucketKey, outcomeBucketKeys } from '../../src/domain/report.js';
import { count, exactCount } from '../../web/src/compare/format.js';
import { clockLabels, countryName, lawWithoutHours } from '../../web/src/labels.js';
import { notUrlsMessage, pastedTargets } from '../../web/src/review/intake/draft.js';

describe('half-years that have begun', () => {
  const now = new Date('2026-11-30T05:00:00Z');
  it('accepts the current and earlier half-years, refuses later ones naming the field', () => {
    expect(periodHasBegun({ year: 2026, half: 2 }, now)).toBe(true);
    expect(periodHasBegun({ year: 2009, half: 2 }, now)).toBe(true);
    expect(periodHasBegun({ year: 2027, half: 1 }, now)).toBe(false);
    expect(parseBegunPeriod('2026-H2', now)).toEqual({ year: 2026, half: 2 });
    expect(() => parseBegunPeriod('2027-H1', now, 'period')).toThrow(
      expect.objectContaining({
        code: 'validation_failed',
        field: 'period',
        message: 'period must not be after the current half-year, 2026-H2 (got 2027-H1)',
      }),
    );
    // The half-year turns at midnight UTC on 1 July.
    expect(periodHasBegun({ year: 2026, half: 2 }, new Date('2026-06-30T23:59:59Z'))).toBe(false);
    expect(periodHasBegun({ year: 2026, half: 2 }, new Date('2026-07-01T00:00:00Z'))).toBe(true);
  });
});

describe('url targets', () => {
  it('are absolute http(s) URLs with a host', () => {
    for (const ok of ['https://video.example/watch?v=1', 'http://x.example', 'HTTPS://X.EXAMPLE/p/1#c'])
      expect(isWebUrl(ok), ok).toBe(true);
    for (const bad of [
      'not a url',
      'video.example/watch',
      'ftp://x.example/a',
      'javascript:alert(1)',
      'https:x.example',
      'https://a b',
      '',
    ])
      expect(isWebUrl(bad), bad).toBe(false);
  });

  it('are checked in the bulk paste: lines that are not URLs are named, numbered from 1', () => {
    const pasted = pastedTargets('https://a.example/1\n\nnot a url\nhttps://a.example/1\nwww.b.example\n', []);
    expect(pasted).toEqual({
      fresh: ['https://a.example/1'],
      repeated: 1,
      notUrls: [
        { line: 3, text: 'not a url' },
        { line: 5, text: 'www.b.example' },
      ],
    });
    expect(notUrlsMessage(pasted.notUrls)).toBe(
      'Line 3 is not an absolute http(s) URL: “not a url” (and 1 more line). Nothing was added; correct or remove it.',
    );
    expect(notUrlsMessage([])).toBeNull();
  });
});

describe('numbers and words on screen', () => {
  it('shows item counts as whole numbers and keeps the exact estimate for a title', () => {
    expect([count(308.33), count(30525.67), count(30838), count(null)]).toEqual(['308', '30,526', '30,838', '–']);
    expect([exactCount(308.33), exactCount(30525.67)]).toEqual(['308.33', '30,525.67']);
  });

  it('quotes the law once in the sentence on a policy target', () => {
    expect(lawWithoutHours('immediate')).toBe('The law says “immediately” but states no hours');
    expect(lawWithoutHours('without_undue_delay')).toBe('The law says “without undue delay” but states no hours');
    for (const clock of Object.keys(clockLabels) as (keyof typeof clockLabels)[]) {
      const sentence = lawWithoutHours(clock);
      expect(sentence, clock).not.toMatch(/[“”"]{2}|“[^”]*“|no hours in the law/);
    }
  });

  it('names countries from the maintained list, and leaves a withdrawn code as it is', () => {
    expect([countryName('kz'), countryName('EU'), countryName('SU')]).toEqual(['Kazakhstan', 'European Union', 'SU']);
  });

  it("gives the report's item outcomes camelCase field names, one per bucket", () => {
    expect(outcomeBucketKey('removed_legal')).toBe('removedLegal');
    expect(outcomeBucketKeys).toEqual([
      'removedLegal',
      'removedPolicy',
      'contentNotFound',
      'notEnoughInformation',
      'noAction',
      'contentAlreadyRemoved',
      'pending',
    ]);
  });
});
