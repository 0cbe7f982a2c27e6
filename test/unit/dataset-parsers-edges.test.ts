/**
 * The edges of reading Meta's government-requests CSVs and the JSON repackaging of Google's data:
 * header spellings across vintages, every finding reported with its file (and line, for CSVs),
 * malformed input refused naming the file. Excerpts are modelled on the real files in
 * ../shared/data (each folder's SOURCE.txt); the real Meta files are read where present.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSourceFiles } from '../../src/datasets/source-files.js';
import { parseGoogleJson } from '../../src/domain/datasets/google-json.js';
import { type MetaRow, metaRowFindings, parseMetaRequests } from '../../src/domain/datasets/meta-requests.js';
import type { SourceFile } from '../../src/domain/datasets/sources.js';
import { sharedData } from '../support/shared-data.js';

const file = (name: string, text: string | Uint8Array): SourceFile => ({
  name,
  bytes: typeof text === 'string' ? Buffer.from(text) : text,
});
const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

// Layout C (2019_H1 onward), the first fifteen of its columns, and India's 2021_H1 row.
const headerC =
  'Country,Preservation Requests,Preservation Accounts Preserved,Total Requests,Number of Requests Where Some Data Produced,Total Requests Accounts,Total Requests Percentage,Legal Process Request Total,Legal Number of Requests Where Some Data Produced,Legal Process Request Total Accounts,Legal Process Request Total Percentage,Emergency Request Total,ER Number of Requests Where Some Data Produced,Emergency Request Total Accounts,Emergency Request Total Percentage';
const india = 'India,"4,789","7,820","45,275","22,865","68,485",51%,"42,458","21,399","60,677",50%,"2,817","1,466","7,808",52%';
const metaC = (rows: string[], name = 'PRPL-Facebook-Government-Report-2021_H1.csv') =>
  file(name, `${[headerC, ...rows].join('\r\n')}\r\n`);

describe('Meta government requests: header vintages', () => {
  it('reads every account column of layout C', () => {
    const m = parseMetaRequests([metaC([india])]);
    expect(m.rows).toEqual([
      expect.objectContaining({
        country: 'IN',
        layout: 'C',
        preservationRequests: 4789,
        preservationAccounts: 7820,
        legalAccounts: 60677,
        emergencyAccounts: 7808,
        line: 2,
      }),
    ]);
    expect(m.warnings).toEqual([]);
  });

  it('reads the older spellings (Total Data Requests, Total Users/Accounts Requested, Percent Requests Where…)', () => {
    const old = file(
      'Data Requests-2013-H2.csv',
      'Country,Total Data Requests,Total Users/Accounts Requested,Percent Requests Where Some Data Produced\nAlbania,6,12,83%\n',
    );
    expect(parseMetaRequests([old]).rows).toEqual([
      expect.objectContaining({ period: '2013-H2', country: 'AL', layout: 'A', requests: 6, accounts: 12, someDataPct: 83 }),
    ]);
  });

  it('finds columns that moved, even to the first position', () => {
    const moved = file(
      'PRPL-Facebook-Government-Report-2017_H2.csv',
      'Legal Process Request Total,Country,Content Restrictions,Total Requests,Total Requests Accounts,Total Requests Percentage,Emergency Request Total\n5,Albania,0,6,12,83%,1\n',
    );
    expect(parseMetaRequests([moved]).rows).toEqual([
      expect.objectContaining({ country: 'AL', layout: 'B', requests: 6, legalRequests: 5, emergencyRequests: 1 }),
    ]);
  });

  it('lists files in name order, counting the rows read', () => {
    const m = parseMetaRequests([
      metaC([india, 'Albania,81,117,24,17,63,71%,24,17,63,71%,0,0,0,0%'], 'PRPL-Facebook-Government-Report-2023_H2.csv'),
      metaC([india]),
    ]);
    expect(m.files.map((f) => [f.period, f.rowsRead])).toEqual([
      ['2021-H1', 1],
      ['2023-H2', 2],
    ]);
    expect(m.rowsRead).toBe(3);
    expect(m.vintage).toBe('2023-H2');
    expect(
      refusal(() =>
        parseMetaRequests([metaC([india], 'b/PRPL-Facebook-Government-Report-2021_H1.csv'), metaC([india], 'a/x-2021_H1.csv')]),
      ),
    ).toBe('b/PRPL-Facebook-Government-Report-2021_H1.csv: a second file for 2021-H1 (the first is a/x-2021_H1.csv)');
  });

  it('refuses a path without any government-requests file', () => {
    expect(refusal(() => parseMetaRequests([file('Content_Restrictions_2023_H2.csv', 'ISO Code,Country,total\n')]))).toBe(
      'the path: holds no Meta government-requests CSV (a file with the columns "Country" and "Total Requests")',
    );
  });
});

describe('Meta government requests: findings, each with file and line', () => {
  it('reports rows it does not store, blank counts, markers in every column and shares over 100%', () => {
    const m = parseMetaRequests([
      metaC([
        ',1,1,1,1,1,100%,1,1,1,100%,0,0,0,0%',
        'Czech Republic,0,0,4,4,6,100%,4,4,6,100%,0,0,0,0%',
        'Czechia,0,0,4,4,6,100%,4,4,6,100%,0,0,0,0%',
        'Albania,0,0,,,,,,,,,,,,',
        'Austria,<10,?,2,2,2,150%,N/A,1,<5,,1 - 2,1,?,',
      ]),
    ]);
    const f = 'PRPL-Facebook-Government-Report-2021_H1.csv';
    expect(m.warnings).toEqual(
      [
        [2, 'no country name; row not stored'],
        [4, '"Czechia" is CZ again (first on line 3); not stored'],
        [5, '"Albania": number of requests is blank'],
        [6, 'legal process requests published as "N/A" (not known)'],
        [6, 'legal process accounts published as "<5" (fewer than 5; the exact number is not published)'],
        [6, 'emergency requests published as a range, "1 - 2" (between 1 and 2)'],
        [6, 'emergency accounts published as "?" (not known)'],
        [6, 'preservation requests published as "<10" (fewer than 10; the exact number is not published)'],
        [6, 'preserved accounts published as "?" (not known)'],
        [6, 'share of requests with some data produced is over 100% (150%)'],
        [6, '2 of 2 requests with some data produced is 100.0%, but 150% is published'],
      ].map(([line, message]) => ({ file: f, line, message })),
    );
    expect(m.rows.map((r) => r.country)).toEqual(['CZ', 'AL', 'AT']);
  });

  it('reports a marker in the column of requests where some data was produced', () => {
    const m = parseMetaRequests([metaC(['Albania,0,0,4,<10,6,50%,4,4,6,100%,0,0,0,0%'])]);
    expect(m.warnings.map((w) => [w.line, w.message])).toEqual([
      [2, 'requests where some data was produced published as "<10" (fewer than 10; the exact number is not published)'],
    ]);
  });
});

describe('where a Meta row’s own figures disagree', () => {
  const row = (requests: number | null, requestsSomeData: number | null, someDataPct: number | null): MetaRow => ({
    period: '2021-H1',
    country: 'AL',
    countryName: 'Albania',
    layout: 'C',
    requests,
    requestsAsPublished: null,
    requestsSomeData,
    accounts: null,
    accountsAsPublished: null,
    someDataPct,
    legalRequests: null,
    legalAccounts: null,
    emergencyRequests: null,
    emergencyAccounts: null,
    preservationRequests: null,
    preservationAccounts: null,
    line: 2,
  });

  it.each([
    [row(10, 12, 100), ['more requests with some data produced (12) than requests (10)']],
    [row(10, 5, 20), ['5 of 10 requests with some data produced is 50.0%, but 20% is published']],
    [row(8, 2, 80), ['2 of 8 requests with some data produced is 25.0%, but 80% is published']],
    [row(100, 50, 51), []], // within one point of Meta's rounding
    [row(100, 50, 49), []],
    [row(10, 5, null), []],
    [row(0, 0, 50), []],
    [row(100, 100, 100), []],
  ])('%#', (r, findings) => {
    expect(metaRowFindings(r)).toEqual(findings);
  });
});

describe('Meta government requests: the real files', () => {
  const folder = join(sharedData ?? '', 'meta-government-requests-2023/government-requests');
  it.skipIf(!sharedData || !existsSync(folder))(
    'reads one file of each vintage, and every warning names a file and a line',
    async () => {
      const oneOfEach = /(2013_H1|2017_H2|2021_H1)\.csv$/;
      const m = parseMetaRequests((await readSourceFiles(folder)).filter((f) => oneOfEach.test(f.name)));
      expect(new Set(m.files.map((f) => f.layout))).toEqual(new Set(['A', 'B', 'C']));
      expect(m.rowsRead).toBe(m.files.reduce((s, f) => s + f.rowsRead, 0));
      for (const w of m.warnings) {
        expect(w.file).toMatch(/^PRPL-Facebook-Government-Report-\d{4}_H[12]\.csv$/);
        expect(w.line).toBeGreaterThan(1);
      }
      // "India,"4,789","7,820","45,275","22,865","68,485",51%,"42,458","21,399","60,677",50%,"2,817","1,466","7,808",52%" (2021_H1)
      expect(m.rows.find((r) => r.country === 'IN' && r.period === '2021-H1')).toMatchObject({
        preservationAccounts: 7820,
        legalAccounts: 60677,
        emergencyAccounts: 7808,
      });
    },
  );
});

describe('the JSON repackaging of Google’s data', () => {
  // Modelled on google-government-removals.json: lookups, "schema", and rows of indexes and counts.
  const schema = [
    'period',
    'country',
    'requestor',
    'product',
    'reason',
    'num_requests',
    'items_requested',
    'removed_legal',
    'removed_policy',
    'not_found',
    'not_enough_info',
    'no_action',
    'already_removed',
  ];
  const base = {
    periods: ['January - June 2021', 'July - December 2021'],
    countries: ['KZ', 'UK', 'SU', 'EUROPOL', 'MK'],
    country_names: ['Kazakhstan', 'UNKNOWN', 'Soviet Union', 'UNKNOWN', 'Macedonia (FYROM)'],
    requestors: ['Information and Communications Authority'],
    products: ['YouTube', null],
    reasons: ['National security'],
    schema,
    rows: [
      [0, 0, 0, 0, 0, 32, 30736, 0, 164, 10, 1, 30549, 12],
      [0, 1, 0, 0, 0, 1, 2, 1, 1, 0, 0, 0, 0],
      [0, 2, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0],
      [0, 3, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0],
      [1, 4, 0, 1, 0, 2, 5, 1, 1, 1, 0, 0, 0],
    ],
  };
  const json = (data: unknown, name = 'x.json') => file(name, JSON.stringify(data));
  const row = (...cells: number[]) => ({ ...base, rows: [cells] });

  it('stores rows by territory code, naming countries as the file does unless it says UNKNOWN', () => {
    const j = parseGoogleJson([file('README.txt', 'not data'), json(base)]);
    expect(j.files).toEqual([{ name: 'x.json', role: 'rows', rowsRead: 6 }]);
    expect(j.ignoredFiles).toEqual(['README.txt']);
    expect(j.rowsRead).toBe(6);
    expect(j.vintage).toBe('2021-H2');
    expect(j.rows.map((r) => [r.line, r.period, r.country, r.countryName, r.product])).toEqual([
      [0, '2021-H1', 'KZ', 'Kazakhstan', 'YouTube'],
      [1, '2021-H1', 'GB', 'United Kingdom', 'YouTube'],
      [5, '2021-H2', 'MK', 'Macedonia (FYROM)', ''],
    ]);
    expect(j.warnings).toEqual(
      [
        'rows[1]: territory code UK is stored as GB',
        'rows[2]: country "SU" is not a country\'s code today (withdrawn or never assigned); row not stored',
        'rows[3]: country "EUROPOL" is not a two-letter territory code (an international body or unknown); row not stored',
        'rows[4] repeats rows[0]; not stored',
        'rows[5] (MK 2021-H2): item outcomes add up to 3, not the 5 items requested',
      ].map((message) => ({ file: 'x.json', line: null, message })),
    );
  });

  it('names a country by its code when the file has no names', () => {
    const { country_names: _, ...unnamed } = base;
    expect(parseGoogleJson([json(unnamed)]).rows[0]).toMatchObject({ country: 'KZ', countryName: 'KZ' });
  });

  it('refuses a path with no JSON file or with several', () => {
    expect(refusal(() => parseGoogleJson([file('README.txt', '')]))).toBe('the path: holds no .json file');
    expect(refusal(() => parseGoogleJson([json(base, 'a.json'), json(base, 'B.JSON')]))).toBe(
      'the path: holds 2 JSON files (a.json, B.JSON); give one',
    );
  });

  it.each([
    ['bytes that are not UTF-8', Uint8Array.from([0x7b, 0xff, 0x7d]), 'x.json: is not UTF-8 text'],
    ['an array', '[]', 'x.json: is not a JSON object'],
    ['a number', '5', 'x.json: is not a JSON object'],
    ['null', 'null', 'x.json: is not a JSON object'],
    ['no schema', '{}', 'x.json: missing the array "schema"'],
    [
      'a period that is not a half-year',
      JSON.stringify({ ...base, periods: ['2021'] }),
      'x.json: periods[0] is not a half-year such as "January - June 2021" ("2021")',
    ],
    ['no periods and no rows', JSON.stringify({ ...base, periods: [], rows: [] }), 'x.json: has no rows'],
    ['a short row', JSON.stringify(row(0, 0)), 'x.json: rows[0] is not an array of 13 numbers'],
    [
      'a negative count',
      JSON.stringify(row(0, 0, 0, 0, 0, -1, 1, 1, 0, 0, 0, 0, 0)),
      'x.json: rows[0]: "num_requests" is not a whole number of 0 or more (-1)',
    ],
    [
      'a country past the end',
      JSON.stringify(row(0, 5, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0)),
      'x.json: rows[0]: "country" points past the end of "countries" (5)',
    ],
    [
      'a requester past the end',
      JSON.stringify(row(0, 0, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0)),
      'x.json: rows[0]: "requestor" points past the end of "requestors" (1)',
    ],
    [
      'a product past the end',
      JSON.stringify(row(0, 0, 0, 2, 0, 1, 1, 1, 0, 0, 0, 0, 0)),
      'x.json: rows[0]: "product" points past the end of "products" (2)',
    ],
    [
      'a reason past the end',
      JSON.stringify(row(0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0)),
      'x.json: rows[0]: "reason" points past the end of "reasons" (1)',
    ],
  ])('refuses %s, naming the file', (_what, text, message) => {
    expect(refusal(() => parseGoogleJson([file('x.json', text)]))).toBe(message);
  });
});
