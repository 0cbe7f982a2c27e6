/** Item outcomes from rounded percentages, series, surges, vintages and reason shares: plain domain rules. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { rankByRequests, reasonShares } from '../../src/domain/datasets/comparison.js';
import type { OutcomePercents } from '../../src/domain/datasets/google-archive.js';
import { outcomeBounds, rowOutcomes } from '../../src/domain/datasets/outcomes.js';
import { countrySeries, requestsToDate } from '../../src/domain/datasets/series.js';
import { assessSurges, median, medianAbsoluteDeviation } from '../../src/domain/datasets/surges.js';
import { type Holding, planReplacement } from '../../src/domain/datasets/vintages.js';
import { runs } from '../support/property-runs.js';

/** How Google publishes counts: whole percentages of the row's items, blank for none. */
const publish = (counts: number[], items: number) =>
  counts.map((c) => (c === 0 ? null : Math.round((100 * c) / items))) as OutcomePercents;

describe('item outcomes from whole percentages', () => {
  it('recovers exact counts when the percentages allow only one set (KZ 2019-H1, court orders: 28 items, 4% and 96%)', () => {
    // 1/28 = 3.6% → 4; 27/28 = 96.4% → 96. Nothing else rounds to 4 and 96 and adds up to 28.
    expect(rowOutcomes(28, [4, null, null, null, 96, null])).toEqual({ counts: [1, 0, 0, 0, 27, 0], exact: true });
  });

  it('estimates when they do not (KZ 2019-H1, ICA: 1,553 items, blank/0/1/blank/99/0) and brackets the true counts', () => {
    const percents: OutcomePercents = [null, 0, 1, null, 99, 0];
    // `0` = 1 to 7 items (under 0.5% of 1,553 = 7.8); 1% = 8 (7.8) to 23 (23.3), narrowed to 21 by the sum;
    // 99% = 1,530 (1,529.7) to 1,545 (1,545.2), narrowed to 1,543 because the others need at least 1+8+1.
    expect(outcomeBounds(1553, percents)).toEqual([
      { low: 0, high: 0 },
      { low: 1, high: 7 },
      { low: 8, high: 21 },
      { low: 0, high: 0 },
      { low: 1530, high: 1543 },
      { low: 1, high: 7 },
    ]);
    const r = rowOutcomes(1553, percents);
    expect(r.exact).toBe(false);
    // Shared out in proportion to the percentages (they add up to 100): 1% and 99% of 1,553.
    expect(r.counts.map((c) => Math.round(c * 100) / 100)).toEqual([0, 0, 15.53, 0, 1537.47, 0]);
    // The JSON repackaging's integer counts for these items (2 / 10 / 0 / 1,538 / 3) lie inside the brackets.
    const truth = [0, 2, 10, 0, 1538, 3];
    outcomeBounds(1553, percents).forEach((b, i) => {
      expect(truth[i]).toBeGreaterThanOrEqual(b.low);
      expect(truth[i]).toBeLessThanOrEqual(b.high);
    });
  });

  const counts = (maxItems: number) =>
    fc
      .array(fc.nat({ max: maxItems }), { minLength: 6, maxLength: 6 })
      .filter((c) => c.reduce((a, b) => a + b, 0) > 0 && c.reduce((a, b) => a + b, 0) <= maxItems);

  it('is always exact for rows of up to 100 items', () => {
    fc.assert(
      fc.property(counts(100), (c) => {
        const items = c.reduce((a, b) => a + b, 0);
        expect(rowOutcomes(items, publish(c, items))).toEqual({ counts: c, exact: true });
      }),
    );
  });

  it('always brackets the true counts, and estimates add up to the items', () => {
    fc.assert(
      fc.property(counts(200_000), (c) => {
        const items = c.reduce((a, b) => a + b, 0);
        const percents = publish(c, items);
        outcomeBounds(items, percents).forEach((b, i) => {
          expect(b.low).toBeLessThanOrEqual(c[i]!);
          expect(b.high).toBeGreaterThanOrEqual(c[i]!);
        });
        const r = rowOutcomes(items, percents);
        if (percents.some((p) => p)) expect(r.counts.reduce((a, b) => a + b, 0)).toBeCloseTo(items, 6);
      }),
    );
  });
});

describe('series and surges', () => {
  it('counts a covered period without the country as 0, an uncovered one as unknown', () => {
    const series = countrySeries(
      [
        { period: '2020-H1', requests: 4, items: 9 },
        { period: '2021-H1', requests: null, items: null },
        { period: '2022-H1', requests: 7, items: 7 },
      ],
      ['2020-H1', '2020-H2', '2021-H1', '2022-H1', '2022-H2'],
    );
    expect(series.map((p) => [p.period, p.requests, p.listed])).toEqual([
      ['2020-H1', 4, true],
      ['2020-H2', 0, false],
      ['2021-H1', null, true],
      ['2021-H2', null, false],
      ['2022-H1', 7, true],
      ['2022-H2', 0, false],
    ]);
    expect(requestsToDate(series, '2022-H1')).toEqual({ total: 11, unknownPeriods: ['2021-H1', '2021-H2'] });
  });

  it('computes median and MAD', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([0, 1, 1, 2, 3, 3])).toBe(1.5);
    // |2,3,1,0,1,3 − 1.5| = .5,1.5,.5,1.5,.5,1.5 → median 1
    expect(medianAbsoluteDeviation([2, 3, 1, 0, 1, 3])).toBe(1);
  });

  const settings = loadConfig({}).surges; // window 6, minHistory 4, threshold 3.5, minRequests 10
  const series = (values: (number | null)[]) =>
    values.map((requests, i) => ({ period: `${2010 + Math.floor(i / 2)}-H${(i % 2) + 1}`, requests }));

  it('flags Kazakhstan 2015-H2 in Google’s data: 19 requests against a baseline of 2,3,1,0,1,3', () => {
    // KZ from 2012-H2 to 2015-H2 (2014-H1 not listed = 0): median 1.5, MAD 1, spread 1.4826 → (19 − 1.5) / 1.4826 = 11.804
    const [last] = assessSurges(series([2, 3, 1, 0, 1, 3, 19]), settings).slice(-1);
    expect(last).toMatchObject({
      requests: 19,
      baselineMedian: 1.5,
      baselineMad: 1,
      baselinePeriods: 6,
      score: 11.804,
      surge: true,
    });
  });

  it('needs enough history, enough requests, and a score above the threshold', () => {
    expect(assessSurges(series([1, 2, 30]), settings).at(-1)).toMatchObject({ score: null, surge: false, baselinePeriods: 2 });
    // A flat history of zeros: spread floor 1, so 5 requests score 5 but stay under minRequests 10.
    expect(assessSurges(series([0, 0, 0, 0, 5]), settings).at(-1)).toMatchObject({ score: 5, surge: false });
    expect(assessSurges(series([0, 0, 0, 0, 5]), { ...settings, minRequests: 5 }).at(-1)?.surge).toBe(true);
    // 10,12,11,9,10,11 → median 10.5, MAD 0.5 → spread 1: 14 scores 3.5, not above the threshold; 15 does.
    expect(assessSurges(series([10, 12, 11, 9, 10, 11, 14]), settings).at(-1)).toMatchObject({ score: 3.5, surge: false });
    expect(assessSurges(series([10, 12, 11, 9, 10, 11, 15]), settings).at(-1)?.surge).toBe(true);
    // Unknown periods are left out of the baseline, and are never assessed.
    expect(assessSurges(series([10, null, 11, 9, 10, 11, 40]), settings).at(-1)).toMatchObject({
      baselinePeriods: 5,
      surge: true,
    });
    expect(assessSurges(series([10, 12, 11, 9, 10, 11, null]), settings).at(-1)).toMatchObject({ score: null, surge: false });
  });

  it('takes its settings from the environment, validated once', () => {
    expect(loadConfig({ WRIT_SURGE_WINDOW: '8', WRIT_SURGE_THRESHOLD: '2.5', WRIT_SURGE_MIN_REQUESTS: '0' }).surges).toEqual({
      window: 8,
      minHistory: 4,
      threshold: 2.5,
      minRequests: 0,
    });
    expect(() => loadConfig({ WRIT_SURGE_MIN_HISTORY: '8' })).toThrow(
      /WRIT_SURGE_MIN_HISTORY: must be at most WRIT_SURGE_WINDOW \(6\)/,
    );
    expect(() => loadConfig({ WRIT_SURGE_THRESHOLD: 'high' })).toThrow(/WRIT_SURGE_THRESHOLD: must be a number greater than 0/);
  });

  it('never flags a period that is not above the baseline median', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 5000 }), { minLength: 5, maxLength: 30 }), (values) => {
        for (const a of assessSurges(series(values), { ...settings, minRequests: 0 }))
          if (a.surge) expect(a.requests!).toBeGreaterThan(a.baselineMedian!);
      }),
    );
  });

  it('says what each assessed period is: its own requests, the known periods of its window, their median and MAD, the score', () => {
    // The method as docs/methodology.md states it, written out here without the code's helpers.
    const middle = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
    };
    const settingsArb = fc
      .record({
        window: fc.integer({ min: 1, max: 8 }),
        minHistory: fc.integer({ min: 1, max: 8 }),
        // Whole and half thresholds, so that scores land exactly on them too.
        threshold: fc.oneof(
          fc.integer({ min: 1, max: 12 }).map((t) => t / 2),
          fc.double({ min: 0.5, max: 6, noNaN: true }),
        ),
        minRequests: fc.integer({ min: 0, max: 30 }),
      })
      .map((s) => ({ ...s, minHistory: Math.min(s.minHistory, s.window) }));
    const valuesArb = fc.array(fc.option(fc.nat({ max: 60 }), { nil: null, freq: 6 }), { minLength: 1, maxLength: 24 });
    fc.assert(
      fc.property(valuesArb, settingsArb, (values, s) => {
        const points = series(values);
        const assessed = assessSurges(points, s);
        expect(assessed).toHaveLength(points.length);
        assessed.forEach((a, i) => {
          const known = values.slice(Math.max(0, i - s.window), i).filter((v): v is number => v !== null);
          expect(a.period).toBe(points[i]!.period);
          expect(a.requests).toBe(values[i]);
          expect(a.baselinePeriods).toBe(known.length);
          const requests = values[i];
          if (requests === null || requests === undefined || known.length < s.minHistory) {
            expect(a).toMatchObject({ baselineMedian: null, baselineMad: null, score: null, surge: false });
            return;
          }
          const m = middle(known);
          const mad = middle(known.map((v) => Math.abs(v - m)));
          const score = (requests - m) / Math.max(1.4826 * mad, 1);
          expect(a.baselineMedian).toBe(m);
          expect(a.baselineMad).toBe(mad);
          expect(a.score).toBe(Math.round(score * 1000) / 1000); // to three decimals
          expect(a.surge).toBe(score > s.threshold && requests >= s.minRequests);
        });
      }),
      { numRuns: runs(300) },
    );
  });

  it('reads a surge against the window just before it, not against older periods', () => {
    // Kazakhstan's 2012-H2…2015-H2 again, after three old half-years of 100 requests that fall outside the window of 6.
    const assessed = assessSurges(series([100, 100, 100, 2, 3, 1, 0, 1, 3, 19]), settings);
    expect(assessed.at(-1)).toEqual({
      period: '2014-H2',
      requests: 19,
      baselineMedian: 1.5,
      baselineMad: 1,
      baselinePeriods: 6,
      score: 11.804,
      surge: true,
    });
    // The half-year before it: 3 requests against 100,2,3,1,0,1 (median 1.5, MAD 1; the 100 moves neither): score 1.012.
    expect(assessed.at(-2)).toEqual({
      period: '2014-H1',
      requests: 3,
      baselineMedian: 1.5,
      baselineMad: 1,
      baselinePeriods: 6,
      score: 1.012,
      surge: false,
    });
  });
});

describe('vintages', () => {
  it('replaces what an older or equal vintage holds, keeps what a newer one holds, adds the rest', () => {
    const held: Holding[] = [
      { part: 'requester', period: '2021-H1', vintage: '2023-H2' },
      { part: 'requester', period: '2021-H2', vintage: '2025-H1' },
      { part: 'historical-summary', period: '2018-H2', vintage: '2023-H2' },
    ];
    const plan = planReplacement(
      held,
      [
        { part: 'requester', period: '2021-H1' },
        { part: 'requester', period: '2021-H2' },
        { part: 'requester', period: '2024-H1' },
      ],
      '2024-H2',
    );
    expect(plan).toEqual({
      replace: [{ part: 'requester', period: '2021-H1' }],
      add: [{ part: 'requester', period: '2024-H1' }],
      keep: [{ part: 'requester', period: '2021-H2', vintage: '2025-H1' }],
    });
  });
});

describe('comparison', () => {
  it('gives reason shares with government criticism and national security picked out, whatever their case', () => {
    // KZ 2021-H1: 34 + 34 of 84
    const kz = reasonShares({
      'Government Criticism': 34,
      'National Security': 34,
      Other: 8,
      Copyright: 4,
      'Hate Speech': 3,
      Fraud: 1,
    });
    expect(kz.total).toBe(84);
    expect(kz.highlighted).toEqual({
      governmentCriticism: { requests: 34, share: 0.4048 },
      nationalSecurity: { requests: 34, share: 0.4048 },
    });
    expect(reasonShares({ 'National security': 3, Other: 1 }).highlighted.nationalSecurity).toEqual({ requests: 3, share: 0.75 });
  });

  it('ranks by requests, ties sharing a rank, unknowns last', () => {
    const ranked = rankByRequests([
      { country: 'KZ', requests: 84 },
      { country: 'CN', requests: null },
      { country: 'RU', requests: 18880 },
      { country: 'AT', requests: 84 },
    ]);
    expect(ranked.map((r) => [r.country, r.rank])).toEqual([
      ['RU', 1],
      ['AT', 2],
      ['KZ', 2],
      ['CN', 0],
    ]);
  });
});
