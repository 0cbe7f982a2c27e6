/**
 * The figures of one country and half-year (src/domain/datasets/statistics.ts) from small hand-made
 * inputs: which period's point is read, when there are no statistics, rankings and their ties,
 * Google's court-order split before 2019, item outcomes, requests to date and their warnings, and
 * Meta's share of requests with some data produced (never 0/0, rounded to four decimals).
 */
import { describe, expect, it } from 'vitest';
import type { GoogleSums } from '../../src/domain/datasets/google-figures.js';
import type { MetaRow } from '../../src/domain/datasets/meta-requests.js';
import { noOutcomes } from '../../src/domain/datasets/outcomes.js';
import {
  type GoogleDetail,
  type GoogleJsonDetailRow,
  googleJsonStats,
  googleRemovalStats,
  metaDataRequestStats,
  noReasonLabel,
  tally,
} from '../../src/domain/datasets/statistics.js';

const zeroOutcomes = noOutcomes();

describe('tally: counts by key, largest first, ties alphabetical', () => {
  it('adds up the counts of each key and orders keys by their totals, then alphabetically', () => {
    const rows: [string, number][] = [
      ['b', 1],
      ['a', 1],
      ['c', 3],
      ['d', 2],
      ['c', 1],
    ];
    const t = tally(
      rows,
      ([k]) => k,
      ([, n]) => n,
    );
    expect(Object.entries(t)).toEqual([
      ['c', 4],
      ['d', 2],
      ['a', 1],
      ['b', 1],
    ]);
  });

  it('a larger total comes first even when its key comes later in the alphabet', () => {
    const rows: [string, number][] = [
      ['alpha', 1],
      ['beta', 2],
      ['gamma', 3],
    ];
    expect(
      Object.entries(
        tally(
          rows,
          ([k]) => k,
          ([, n]) => n,
        ),
      ),
    ).toEqual([
      ['gamma', 3],
      ['beta', 2],
      ['alpha', 1],
    ]);
  });

  it('equal totals are ordered alphabetically whatever order they come in', () => {
    const keys = ['delta', 'bravo', 'echo', 'alpha', 'charlie'];
    expect(
      Object.keys(
        tally(
          keys,
          (k) => k,
          () => 7,
        ),
      ),
    ).toEqual(['alpha', 'bravo', 'charlie', 'delta', 'echo']);
  });

  it('no rows give no counts', () => {
    expect(
      tally(
        [] as string[],
        (k) => k,
        () => 1,
      ),
    ).toEqual({});
  });
});

describe("Google's official archive", () => {
  // KZ is first listed in 2018-H2 (historical files: 5 requests, 11 items). 2019-H1: the detailed file
  // counts 4 requests, the requester file 6. 2019-H2 is covered but KZ is not listed. 2020-H1: 4 requests, 9 items.
  const history: (GoogleSums & { period: string })[] = [
    {
      period: '2018-H2',
      historicalProductReason: { requests: 5, items: 11, blankItemRows: 0 },
      historicalSummary: {
        requests: 5,
        requestsAsPublished: null,
        items: 11,
        itemsAsPublished: null,
        compliedPct: 40,
      },
    },
    { period: '2019-H1', productReason: { requests: 4 }, requester: { requests: 6, items: 9 } },
    { period: '2020-H1', productReason: { requests: 4 }, requester: { requests: 4, items: 9 } },
  ];
  const coveredPeriods = ['2018-H2', '2019-H1', '2019-H2', '2020-H1'];
  const none: GoogleDetail = { productRows: [], requesterRows: [], summary: null };
  const stats = (period: string, detail: GoogleDetail = none, h = history, covered = coveredPeriods) =>
    googleRemovalStats({ country: 'KZ', period, history: h, coveredPeriods: covered, detail });

  // 2020-H1 in detail: three current product × reason cells (a leftover historical row must not count),
  // and the requester file's two rows, whose whole percentages give exact item counts.
  const current: GoogleDetail = {
    productRows: [
      {
        part: 'product-reason',
        product: 'YouTube',
        reason: 'Privacy and security',
        requests: 1,
        courtOrders: null,
        executiveRequests: null,
      },
      {
        part: 'product-reason',
        product: 'Blogger',
        reason: 'Defamation',
        requests: 2,
        courtOrders: null,
        executiveRequests: null,
      },
      {
        part: 'product-reason',
        product: 'YouTube',
        reason: 'Defamation',
        requests: 1,
        courtOrders: null,
        executiveRequests: null,
      },
      {
        part: 'historical-product-reason',
        product: 'Web Search',
        reason: 'Defamation',
        requests: 9,
        courtOrders: 9,
        executiveRequests: 0,
      },
    ],
    requesterRows: [
      { requester: 'Executive, Police, etc.', requests: 1, items: 4, percents: [50, null, null, null, 50, null] },
      { requester: 'Court Orders', requests: 3, items: 5, percents: [20, null, null, null, 80, null] },
    ],
    summary: null,
  };

  it('a later half-year gives its own figures, rankings and exact item outcomes, and adds up requests to date', () => {
    const kz = stats('2020-H1', current);
    expect(kz).toEqual({
      source: 'google-removals',
      country: 'KZ',
      period: '2020-H1',
      requests: 4,
      items: 9,
      requestsToDate: 13, // 5 + 4 + 0 + 4
      requestsByProduct: { Blogger: 2, YouTube: 2 },
      requestsByReason: { Defamation: 3, 'Privacy and security': 1 },
      requestsByRequester: { 'Court Orders': 3, 'Executive, Police, etc.': 1 },
      itemOutcomes: { ...zeroOutcomes, removedLegal: 3, noActionTaken: 6 },
      itemOutcomesExact: true,
      warnings: [],
    });
    // Largest first, ties alphabetical.
    expect(Object.keys(kz!.requestsByProduct)).toEqual(['Blogger', 'YouTube']);
    expect(Object.keys(kz!.requestsByReason)).toEqual(['Defamation', 'Privacy and security']);
    expect(Object.keys(kz!.requestsByRequester)).toEqual(['Court Orders', 'Executive, Police, etc.']);
  });

  it('item outcomes that the percentages do not pin down are estimates, rounded to hundredths, and not exact', () => {
    // 1,553 items, blank/0/1/blank/99/0: shared out in proportion, 1% and 99%.
    const kz = stats('2020-H1', {
      ...none,
      requesterRows: [{ requester: 'Court Orders', requests: 4, items: 1553, percents: [null, 0, 1, null, 99, 0] }],
    });
    expect(kz?.itemOutcomes).toEqual({ ...zeroOutcomes, contentNotFound: 15.53, noActionTaken: 1537.47 });
    expect(kz?.itemOutcomesExact).toBe(false);
  });

  it("a disagreement between Google's files is reported among the half-year's warnings", () => {
    expect(stats('2019-H1')).toMatchObject({
      period: '2019-H1',
      requests: 4,
      items: 9,
      requestsToDate: 9,
      warnings: [
        'requests: google-government-removal-requests.csv counts 6, google-government-detailed-removal-requests.csv 4; 4 is used (the requester file of Google’s 2023 and 2024 vintages counts a request once for every reason it cites)',
        'Google published no item outcomes for 2019-H1 (they start in 2019-H1); itemOutcomes are 0',
      ],
    });
  });

  it('a covered half-year in which the country is not listed counts as 0, with only that warning', () => {
    expect(stats('2019-H2')).toEqual({
      source: 'google-removals',
      country: 'KZ',
      period: '2019-H2',
      requests: 0,
      items: 0,
      requestsToDate: 9,
      requestsByProduct: {},
      requestsByReason: {},
      requestsByRequester: {},
      itemOutcomes: zeroOutcomes,
      itemOutcomesExact: false,
      warnings: ['Google lists no requests from KZ in 2019-H2; counted as 0'],
    });
  });

  // 2018-H2 in detail: only the historical file, which splits requests into court orders and the rest.
  const historical = (summary: GoogleDetail['summary']): GoogleDetail => ({
    productRows: [
      {
        part: 'historical-product-reason',
        product: 'Web Search',
        reason: 'Defamation',
        requests: 3,
        courtOrders: 1,
        executiveRequests: 2,
      },
      {
        part: 'historical-product-reason',
        product: 'YouTube',
        reason: null,
        requests: 2,
        courtOrders: 0,
        executiveRequests: 2,
      },
    ],
    requesterRows: [],
    summary,
  });

  it('before 2019: requests by requester are court orders and the rest, larger first; rows without a reason are named so', () => {
    const kz = stats('2018-H2', historical({ compliedPct: 40 }));
    expect(kz).toEqual({
      source: 'google-removals',
      country: 'KZ',
      period: '2018-H2',
      requests: 5,
      items: 11,
      requestsToDate: 5,
      requestsByProduct: { 'Web Search': 3, YouTube: 2 },
      requestsByReason: { Defamation: 3, '(no reason published)': 2 },
      requestsByRequester: { 'Executive, Police, etc.': 4, 'Court Orders': 1 },
      itemOutcomes: zeroOutcomes,
      itemOutcomesExact: false,
      warnings: [
        'Google published no item outcomes for 2018-H2 (they start in 2019-H1); itemOutcomes are 0. The historical summary gives 40% of requests fully or partially complied with',
      ],
    });
    expect(Object.entries(kz!.requestsByRequester)).toEqual([
      ['Executive, Police, etc.', 4],
      ['Court Orders', 1],
    ]);
    expect(noReasonLabel).toBe('(no reason published)');
  });

  it('before 2019: a kind of requester with no requests is left out', () => {
    const courtOnly: GoogleDetail = {
      ...none,
      productRows: [
        {
          part: 'historical-product-reason',
          product: 'Web Search',
          reason: 'Defamation',
          requests: 1,
          courtOrders: 1,
          executiveRequests: 0,
        },
        {
          part: 'historical-product-reason',
          product: 'YouTube',
          reason: null,
          requests: 0,
          courtOrders: 0,
          executiveRequests: null,
        },
      ],
    };
    const kz = stats('2018-H2', courtOnly);
    expect(kz?.requestsByRequester).toEqual({ 'Court Orders': 1 });
    expect(Object.keys(kz!.requestsByRequester)).toEqual(['Court Orders']);
  });

  it('before 2019: without a historical summary, or with no complied share in it, the warning gives no percentage', () => {
    const plain = 'Google published no item outcomes for 2018-H2 (they start in 2019-H1); itemOutcomes are 0';
    expect(stats('2018-H2', historical(null))?.warnings).toEqual([plain]);
    expect(stats('2018-H2', historical({ compliedPct: null }))?.warnings).toEqual([plain]);
    expect(stats('2018-H2', historical({ compliedPct: 0 }))?.warnings).toEqual([
      `${plain}. The historical summary gives 0% of requests fully or partially complied with`,
    ]);
  });

  it('no statistics before the first listed half-year or after the last covered one', () => {
    expect(stats('2018-H1')).toBeNull();
    expect(stats('2020-H2')).toBeNull();
  });

  describe('with half-years whose number of requests is unknown', () => {
    // 2017-H2: Google published only "<10"; 2018-H1 is covered by no file.
    const gappy: (GoogleSums & { period: string })[] = [
      {
        period: '2017-H2',
        historicalSummary: {
          requests: null,
          requestsAsPublished: '<10',
          items: null,
          itemsAsPublished: '<10',
          compliedPct: null,
        },
      },
      ...history,
    ];
    const covered = ['2017-H2', ...coveredPeriods];

    it('a half-year no file covers has no statistics', () => {
      expect(stats('2018-H1', none, gappy, covered)).toBeNull();
      expect(stats('2017-H1', none, gappy, covered)).toBeNull();
    });

    it('a half-year published without a number has statistics with unknown requests and items', () => {
      expect(stats('2017-H2', none, gappy, covered)).toEqual({
        source: 'google-removals',
        country: 'KZ',
        period: '2017-H2',
        requests: null,
        items: null,
        requestsToDate: 0,
        requestsByProduct: {},
        requestsByReason: {},
        requestsByRequester: {},
        itemOutcomes: zeroOutcomes,
        itemOutcomesExact: false,
        warnings: [
          'requests: Google published only "<10" (the exact number is not published); no figure is used',
          'items: Google published only "<10"; no figure is used',
          'Google published no item outcomes for 2017-H2 (they start in 2019-H1); itemOutcomes are 0',
          'requestsToDate leaves out 2017-H2, for which no number of requests is published',
        ],
      });
    });

    it('requests to date leave out the unknown half-years and name them all', () => {
      expect(stats('2020-H1', current, gappy, covered)).toMatchObject({
        requests: 4,
        requestsToDate: 13,
        warnings: ['requestsToDate leaves out 2017-H2, 2018-H1, for which no number of requests is published'],
      });
    });
  });
});

describe("Google's JSON repackaging", () => {
  const history = [
    { period: '2020-H1', requests: 3, items: 10 },
    { period: '2021-H1', requests: 2, items: 6 },
  ];
  const coveredPeriods = ['2020-H1', '2020-H2', '2021-H1'];
  const stats = (period: string, rows: GoogleJsonDetailRow[]) =>
    googleJsonStats({ country: 'KZ', period, history, coveredPeriods, rows });

  it('a later half-year sums its rows: rankings, item outcomes (a missing outcome is none), exact when every item is accounted for', () => {
    const kz = stats('2021-H1', [
      {
        requester: 'Court Orders',
        product: 'YouTube',
        reason: 'Defamation',
        requests: 1,
        items: 2,
        outcomes: [1, 0, 0, 0, 1, 0],
      },
      {
        requester: 'Executive, Police, etc.',
        product: 'Blogger',
        reason: 'Privacy and security',
        requests: 1,
        items: 4,
        outcomes: [0, 1, 1, 0, 2],
      },
    ]);
    expect(kz).toEqual({
      source: 'google-removals-json',
      country: 'KZ',
      period: '2021-H1',
      requests: 2,
      items: 6,
      requestsToDate: 5, // 3 + 0 + 2
      requestsByProduct: { Blogger: 1, YouTube: 1 },
      requestsByReason: { Defamation: 1, 'Privacy and security': 1 },
      requestsByRequester: { 'Court Orders': 1, 'Executive, Police, etc.': 1 },
      itemOutcomes: {
        removedLegal: 1,
        removedPolicy: 1,
        contentNotFound: 1,
        notEnoughInformation: 0,
        noActionTaken: 3,
        contentAlreadyRemoved: 0,
      },
      itemOutcomesExact: true,
      warnings: [],
    });
    expect(Object.keys(kz!.requestsByProduct)).toEqual(['Blogger', 'YouTube']);
  });

  it('item outcomes that do not account for every item are not exact, and say how many they cover', () => {
    const kz = stats('2021-H1', [
      {
        requester: 'Court Orders',
        product: 'YouTube',
        reason: 'Defamation',
        requests: 2,
        items: 6,
        outcomes: [2, 0, 0, 0, 2, 0],
      },
    ]);
    expect(kz?.itemOutcomesExact).toBe(false);
    expect(kz?.warnings).toEqual([
      'item outcomes account for 4 of the 6 items requested (the JSON gives no outcome for the rest)',
    ]);
  });

  it('a covered half-year without the country counts as 0, with no outcomes, not exact', () => {
    expect(stats('2020-H2', [])).toEqual({
      source: 'google-removals-json',
      country: 'KZ',
      period: '2020-H2',
      requests: 0,
      items: 0,
      requestsToDate: 3,
      requestsByProduct: {},
      requestsByReason: {},
      requestsByRequester: {},
      itemOutcomes: zeroOutcomes,
      itemOutcomesExact: false,
      warnings: ['the JSON lists no requests from KZ in 2020-H2; counted as 0'],
    });
  });

  it('no statistics before the first listed half-year', () => {
    expect(stats('2019-H2', [])).toBeNull();
  });

  it('requests to date name the half-years no file covers', () => {
    const kz = googleJsonStats({
      country: 'KZ',
      period: '2021-H1',
      history,
      coveredPeriods: ['2020-H1', '2021-H1'],
      rows: [],
    });
    expect(kz).toMatchObject({
      requests: 2,
      requestsToDate: 5,
      warnings: ['requestsToDate leaves out 2020-H2, for which no number of requests is published'],
    });
  });
});

describe("Meta's user-data requests", () => {
  const row = (period: string, over: Partial<MetaRow> = {}): MetaRow => ({
    period,
    country: 'KZ',
    countryName: 'Kazakhstan',
    layout: 'C',
    requests: 6,
    requestsAsPublished: null,
    requestsSomeData: 4,
    accounts: 9,
    accountsAsPublished: null,
    someDataPct: 67,
    legalRequests: 4,
    legalAccounts: 6,
    emergencyRequests: 2,
    emergencyAccounts: 3,
    preservationRequests: 1,
    preservationAccounts: 1,
    line: 3,
    ...over,
  });
  // KZ is listed in 2020-H1 and 2021-H2; 2020-H2 is covered without KZ; no file covers 2021-H1.
  const history = [row('2020-H1', { requests: 3 }), row('2021-H2')];
  const coveredPeriods = ['2020-H1', '2020-H2', '2021-H2'];
  const stats = (period: string, r: MetaRow | null) =>
    metaDataRequestStats({ country: 'KZ', period, row: r, history, coveredPeriods });

  it("a later half-year's row gives its figures and the share from the counts, rounded to four decimals", () => {
    expect(stats('2021-H2', row('2021-H2'))).toEqual({
      source: 'meta-data-requests',
      country: 'KZ',
      period: '2021-H2',
      requests: 6,
      accountsRequested: 9,
      shareSomeDataProduced: 0.6667, // 4 / 6
      emergencyRequests: 2,
      legalProcessRequests: 4,
      warnings: [],
    });
  });

  it('the share comes from the counts when there is no percentage: 1 of 3 is 0.3333', () => {
    expect(
      stats('2021-H2', row('2021-H2', { requests: 3, requestsSomeData: 1, someDataPct: null, legalRequests: 1 }))
        ?.shareSomeDataProduced,
    ).toBe(0.3333);
  });

  it('without a count of requests with some data, the share is the whole percentage, with a warning', () => {
    expect(stats('2021-H2', row('2021-H2', { requestsSomeData: null, someDataPct: 43 }))).toMatchObject({
      shareSomeDataProduced: 0.43,
      warnings: ['shareSomeDataProduced is Meta’s whole percentage (43%); this layout gives no count'],
    });
  });

  it('figures published only as ranges are not used, and each says so', () => {
    const r = row('2021-H2', {
      requests: null,
      requestsAsPublished: '0 - 99',
      requestsSomeData: null,
      accounts: null,
      accountsAsPublished: '100 - 199',
      someDataPct: 50,
    });
    expect(stats('2021-H2', r)).toEqual({
      source: 'meta-data-requests',
      country: 'KZ',
      period: '2021-H2',
      requests: null,
      accountsRequested: null,
      shareSomeDataProduced: 0.5,
      emergencyRequests: 2,
      legalProcessRequests: 4,
      warnings: [
        'number of requests published as "0 - 99"; no figure is used',
        'accounts requested published as "100 - 199"; no figure is used',
        'shareSomeDataProduced is Meta’s whole percentage (50%); this layout gives no count',
      ],
    });
  });

  it("the row's own inconsistencies are among the warnings", () => {
    expect(stats('2021-H2', row('2021-H2', { legalRequests: 3 }))?.warnings).toEqual([
      'legal process (3) and emergency (2) requests add up to 5, not the 6 total requests',
    ]);
  });

  it('a row of 0 requests gives a share of 0 from its percentage, never 0/0, and no warning', () => {
    const zero = row('2021-H2', {
      requests: 0,
      requestsSomeData: 0,
      accounts: 0,
      someDataPct: 0,
      legalRequests: 0,
      emergencyRequests: 0,
    });
    expect(stats('2021-H2', zero)).toMatchObject({ requests: 0, shareSomeDataProduced: 0, warnings: [] });
    expect(stats('2021-H2', { ...zero, someDataPct: null })?.shareSomeDataProduced).toBeNull();
  });

  it('a covered half-year without a row counts as 0, with no share', () => {
    expect(stats('2020-H2', null)).toEqual({
      source: 'meta-data-requests',
      country: 'KZ',
      period: '2020-H2',
      requests: 0,
      accountsRequested: 0,
      shareSomeDataProduced: null,
      emergencyRequests: 0,
      legalProcessRequests: 0,
      warnings: ['Meta lists no requests from KZ in 2020-H2; counted as 0'],
    });
  });

  it('no statistics for a half-year no file covers, nor before the first listed one', () => {
    expect(stats('2021-H1', null)).toBeNull();
    expect(stats('2019-H2', null)).toBeNull();
    expect(stats('2019-H2', row('2019-H2'))).toBeNull();
  });
});
