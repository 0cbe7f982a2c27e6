/**
 * The small rules under every published figure: half-years as each file writes them (end dates,
 * labels, file names), their order, Meta's country names and Google's territory codes, item outcomes
 * from whole percentages, reason shares and rankings, series, surges and vintages. Where the rule is
 * about real files, the real files in ../shared/data (each folder's SOURCE.txt) are read.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rankByRequests, reasonShares } from '../../src/domain/datasets/comparison.js';
import { countryCodeForName, nameKey, territoryCode } from '../../src/domain/datasets/countries.js';
import { outcomeBounds, rowOutcomes, sumOutcomes } from '../../src/domain/datasets/outcomes.js';
import {
  comparePeriods,
  latestPeriod,
  periodFromEndDate,
  periodFromFileName,
  periodFromLabel,
  periodsBetween,
} from '../../src/domain/datasets/periods.js';
import { countrySeries } from '../../src/domain/datasets/series.js';
import {
  disruptionsPart,
  jsonPart,
  metaPart,
  parseDatasetSource,
  refuse,
  restrictionsPart,
  sourceLabels,
  sourceRequestKind,
} from '../../src/domain/datasets/sources.js';
import { median } from '../../src/domain/datasets/surges.js';
import { planReplacement, storedUnder } from '../../src/domain/datasets/vintages.js';
import { sharedData } from '../support/shared-data.js';

describe('half-years as the files write them', () => {
  it('end dates: only the last day of June or December, the whole text', () => {
    const cases: [string, string | null][] = [
      ['2021-06-30', '2021-H1'],
      ['2021-12-31', '2021-H2'],
      [' 1999-12-31 ', '1999-H2'],
      ['2021-06-31', null],
      ['2021-03-31', null],
      ['x2021-06-30', null],
      ['2021-06-30x', null],
      ['12021-06-30', null],
      ['06/30/2021', null],
      ['', null],
    ];
    for (const [text, period] of cases) expect(periodFromEndDate(text), JSON.stringify(text)).toBe(period);
  });

  it('labels: January–June or July–December and a year, spaced loosely, nothing before or after', () => {
    const cases: [string, string | null][] = [
      ['January - June 2011', '2011-H1'],
      ['July – December 2011', '2011-H2'],
      ['  january-june 2012  ', '2012-H1'],
      ['JULY -DECEMBER  2013', '2013-H2'],
      ['July- December 2014', '2014-H2'],
      ['January - December 2011', null],
      ['July - June 2011', null],
      ['xJanuary - June 2011', null],
      ['January - June 2011x', null],
      ['January - June 2011 H1', null],
      ['January - June2011', null],
      ['January June 2011', null],
    ];
    for (const [text, period] of cases) expect(periodFromLabel(text), JSON.stringify(text)).toBe(period);
  });

  it('file names: a year and H1 or H2 anywhere in the last part of the path, not inside a longer number', () => {
    const cases: [string, string | null][] = [
      ['PRPL-Facebook-Government-Report-2013_H1.csv', '2013-H1'],
      ['2013_H2.csv', '2013-H2'],
      ['reports/2019H1', '2019-H1'],
      ['report 2020 h2.csv', '2020-H2'],
      ['2021-H1', '2021-H1'],
      ['2013_H1/notes.csv', null],
      ['12013_H1.csv', null],
      ['2013_H12.csv', null],
      ['2013_H3.csv', null],
      ['1899_H1.csv', null],
    ];
    for (const [name, period] of cases) expect(periodFromFileName(name), name).toBe(period);
  });

  it('orders half-years in time, across year ends', () => {
    expect([
      comparePeriods('2013-H1', '2013-H2'),
      comparePeriods('2013-H2', '2013-H1'),
      comparePeriods('2013-H2', '2013-H2'),
    ]).toEqual([-1, 1, 0]);
    expect(['2014-H1', '2012-H2', '2013-H2', '2013-H1', '2012-H2'].sort(comparePeriods)).toEqual([
      '2012-H2',
      '2012-H2',
      '2013-H1',
      '2013-H2',
      '2014-H1',
    ]);
    expect(periodsBetween('2019-H2', '2021-H1')).toEqual(['2019-H2', '2020-H1', '2020-H2', '2021-H1']);
    expect(latestPeriod(['2019-H2', '2021-H1', '2020-H2'])).toBe('2021-H1');
    expect(latestPeriod([])).toBeNull();
  });
});

describe.skipIf(sharedData === null)('half-years in the published files', () => {
  const data = sharedData ?? '';

  it('every label of the JSON repackaging is a half-year, one after another from 2011-H1', () => {
    const { periods } = JSON.parse(
      readFileSync(join(data, 'google-removals-json-krmaynard/google-government-removals.json'), 'utf8'),
    );
    const parsed = (periods as string[]).map(periodFromLabel);
    expect(parsed).toEqual(periodsBetween('2011-H1', parsed.at(-1)!));
    expect(parsed.at(-1)).toBe('2025-H2');
  });

  it('every Meta file name gives its half-year, 2013-H1 to 2023-H2 without a gap', () => {
    const names = readdirSync(join(data, 'meta-government-requests-2023/government-requests')).filter((f) => f.endsWith('.csv'));
    const periods = names.map(periodFromFileName);
    expect(periods).not.toContain(null);
    expect(periods.filter((p) => p !== null).sort(comparePeriods)).toEqual(periodsBetween('2013-H1', '2023-H2'));
  });

  it('every Period Ending of Google’s 2025 requester file ends a half-year, 2019-H1 to 2025-H1', () => {
    const lines = readFileSync(join(data, 'google-removals-2025-06/google-government-removal-requests.csv'), 'utf8').split('\n');
    const dates = new Set(
      lines
        .slice(1)
        .filter(Boolean)
        .map((l) => l.split(',')[0]!),
    );
    const periods = [...dates].map(periodFromEndDate);
    expect(periods).not.toContain(null);
    expect(periods.filter((p) => p !== null).sort(comparePeriods)).toEqual(periodsBetween('2019-H1', '2025-H1'));
  });

  it('Meta’s own spellings of country names find their codes; Netherlands Antilles and Somaliland find none', () => {
    const folder = join(data, 'meta-government-requests-2023/government-requests');
    const names = new Set<string>();
    for (const f of readdirSync(folder))
      for (const line of readFileSync(join(folder, f), 'utf8').split(/\r?\n/).slice(1)) {
        const name = line.startsWith('"') ? line.slice(1, line.indexOf('"', 1)) : line.split(',')[0]!;
        if (name) names.add(name);
      }
    const spelled: [string, string | null][] = [
      ['Antigua', 'AG'],
      ['British Virgin Islands', 'VG'],
      ['Brunei', 'BN'],
      ['Falkland Islands', 'FK'],
      ['Federated States of Micronesia', 'FM'],
      ['Laos', 'LA'],
      ['Macau', 'MO'],
      ['Moldova', 'MD'],
      ['Saint Martin', 'MF'],
      ['Sint Maarten', 'SX'],
      ['Swaziland', 'SZ'],
      ['Syria', 'SY'],
      ['The Bahamas', 'BS'],
      ['US Virgin Islands', 'VI'],
      ['Vatican City', 'VA'],
      ['St. Lucia', 'LC'],
      ['Bonaire, Sint Eustatius and Saba', 'BQ'],
      ['Netherlands Antilles', null],
      ['Somaliland', null],
    ];
    for (const [name, code] of spelled) {
      expect(names.has(name), name).toBe(true);
      expect(countryCodeForName(name), name).toBe(code);
    }
    const unknown = [...names].filter((n) => countryCodeForName(n) === null).sort();
    expect(unknown).toEqual(['Netherlands Antilles', 'Somaliland']);
  });
});

describe('names and codes', () => {
  it('a name key ignores case, accents, spacing and the ways of writing "and" and "Saint"', () => {
    const cases: [string, string][] = [
      ['  Côte  d’Ivoire ', 'cote d’ivoire'],
      ['Trinidad & Tobago', 'trinidad and tobago'],
      ['St. Lucia', 'saint lucia'],
      ['St Lucia', 'saint lucia'],
      ['St.Lucia', 'st.lucia'],
      ['Stockholm', 'stockholm'],
      ['Bosnia\tand\n Herzegovina', 'bosnia and herzegovina'],
    ];
    for (const [name, key] of cases) expect(nameKey(name), name).toBe(key);
    expect(countryCodeForName('saint kitts & nevis ')).toBe('KN');
  });

  it('territory codes: upper-cased and trimmed, UK stored as GB, EU kept, withdrawn codes refused', () => {
    const cases: [string, string | null][] = [
      [' kz ', 'KZ'],
      ['UK', 'GB'],
      ['EU', 'EU'],
      ['XK', 'XK'],
      ['SU', null],
      ['AN', null],
      ['', null],
    ];
    for (const [published, code] of cases) expect(territoryCode(published), published).toBe(code);
  });
});

describe('sources', () => {
  it('labels each source as the dataset pages show it, and names the JSON and Meta parts as they are stored', () => {
    expect(sourceLabels).toEqual({
      'google-removals': 'Google: government requests to remove content (official archive)',
      'google-removals-json':
        'Google: government requests to remove content (third-party JSON repackaging, integer item outcomes)',
      'meta-data-requests': 'Meta: government requests for user data',
      'meta-content-restrictions': 'Meta: content restricted under local law',
    });
    expect([jsonPart, metaPart, restrictionsPart, disruptionsPart]).toEqual(['rows', 'countries', 'restrictions', 'disruptions']);
    expect(sourceRequestKind['meta-content-restrictions']).toBe('content_removal');
  });

  it('a refused file or an unknown source names the offending field', () => {
    expect(refuse('a.csv', 'is empty')).toMatchObject({ code: 'validation_failed', field: 'path', message: 'a.csv: is empty' });
    expect(refuse('a.csv', 'bad', 3).message).toBe('a.csv line 3: bad');
    expect(() => parseDatasetSource('google')).toThrow(expect.objectContaining({ field: 'source' }));
    expect(() => parseDatasetSource('google', 'from')).toThrow(expect.objectContaining({ field: 'from' }));
  });
});

describe('item outcomes from whole percentages', () => {
  it('narrows each outcome by what the others allow, until the counts are exact', () => {
    // 1,000 items at 1% and 98%: 5–15 and 975–985 items; adding up to 1,000 leaves only 15 and 985.
    expect(rowOutcomes(1000, [1, 98, null, null, null, null])).toEqual({ counts: [15, 985, 0, 0, 0, 0], exact: true });
    // 200 items: `0` is under 0.5%, so exactly one item (0.5% of 200 is 1); 100% is then 199.
    expect(outcomeBounds(200, [0, 100, null, null, null, null]).slice(0, 2)).toEqual([
      { low: 1, high: 1 },
      { low: 199, high: 199 },
    ]);
    // A row of no items has no outcomes, whatever it says.
    expect(outcomeBounds(0, [100, null, null, null, null, null])[0]).toEqual({ low: 0, high: 0 });
    expect(rowOutcomes(0, [100, null, null, null, null, null])).toEqual({ counts: [0, 0, 0, 0, 0, 0], exact: true });
  });

  it('percentages that cannot add up stop narrowing after ten rounds, and the row is estimated', () => {
    // 50% three times never settles: the ranges cross and run apart; ten rounds, then an estimate.
    expect(outcomeBounds(1000, [50, 50, 50, null, null, null])[0]).toEqual({ low: 789388435, high: -157877190 });
    const r = rowOutcomes(1000, [50, 50, 50, null, null, null]);
    expect(r.exact).toBe(false);
    expect(r.counts.map((c) => Math.round(c * 100) / 100)).toEqual([333.33, 333.33, 333.33, 0, 0, 0]);
  });

  it('items without any percentage are unknown: no outcome is counted, and the sum is not exact', () => {
    expect(rowOutcomes(5, [null, null, null, null, null, null])).toEqual({ counts: [0, 0, 0, 0, 0, 0], exact: false });
    expect(sumOutcomes([]).exact).toBe(false);
    expect(sumOutcomes([{ items: 4, percents: [100, null, null, null, null, null] }])).toMatchObject({
      outcomes: { removedLegal: 4 },
      exact: true,
    });
  });
});

describe('comparisons, series, surges and vintages', () => {
  it('reason shares: largest first, ties alphabetical, and no share of nothing', () => {
    const { reasons } = reasonShares({ Privacy: 1, Defamation: 3, 'National Security': 1, Fraud: 2 });
    expect(reasons.map((r) => [r.reason, r.requests, r.share])).toEqual([
      ['Defamation', 3, 0.4286],
      ['Fraud', 2, 0.2857],
      ['National Security', 1, 0.1429],
      ['Privacy', 1, 0.1429],
    ]);
    expect(reasonShares({}).highlighted.governmentCriticism).toEqual({ requests: 0, share: 0 });
    expect(reasonShares({ Defamation: 0 }).reasons).toEqual([{ reason: 'Defamation', requests: 0, share: 0 }]);
  });

  it('ranking: countries without a published number come last, alphabetically, unranked', () => {
    const ranked = rankByRequests([
      { country: 'RU', requests: null },
      { country: 'KZ', requests: 5 },
      { country: 'BR', requests: null },
      { country: 'AR', requests: 7 },
    ]);
    expect(ranked.map((e) => [e.country, e.rank])).toEqual([
      ['AR', 1],
      ['KZ', 2],
      ['BR', 0],
      ['RU', 0],
    ]);
  });

  it('a series starts at the earliest listed half-year whatever order the figures come in', () => {
    const series = countrySeries(
      [
        { period: '2020-H1', requests: 4, items: 9 },
        { period: '2019-H1', requests: 2, items: 2 },
      ],
      ['2019-H1', '2019-H2', '2020-H1'],
    );
    expect(series.map((p) => [p.period, p.requests, p.listed])).toEqual([
      ['2019-H1', 2, true],
      ['2019-H2', 0, false],
      ['2020-H1', 4, true],
    ]);
    expect(() => median([])).toThrow('median of nothing');
  });

  it('an equal vintage replaces what it covers; rows of periods a newer vintage holds are not stored', () => {
    const held = [
      { part: 'requester' as const, period: '2023-H1', vintage: '2023-H2' },
      { part: 'requester' as const, period: '2022-H2', vintage: '2024-H1' },
    ];
    const plan = planReplacement(
      held,
      [
        { part: 'requester', period: '2023-H1' },
        { part: 'requester', period: '2022-H2' },
        { part: 'product-reason', period: '2022-H2' },
      ],
      '2023-H2',
    );
    expect(plan).toEqual({
      replace: [{ part: 'requester', period: '2023-H1' }],
      add: [{ part: 'product-reason', period: '2022-H2' }],
      keep: [held[1]],
    });
    const stored = storedUnder(plan);
    expect([stored('requester', '2023-H1'), stored('requester', '2022-H2'), stored('product-reason', '2022-H2')]).toEqual([
      true,
      false,
      true,
    ]);
  });
});
