/**
 * Meta's user-data request files (three layouts) and the JSON repackaging of Google's data, read
 * from the committed excerpts (test/fixtures/datasets/SOURCE.md). Expected values are the lines' own.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSourceFiles } from '../../src/datasets/source-files.js';
import { parseGoogleJson } from '../../src/domain/datasets/google-json.js';
import { parseMetaRequests } from '../../src/domain/datasets/meta-requests.js';
import type { SourceFile } from '../../src/domain/datasets/sources.js';
import { metaDataRequestStats } from '../../src/domain/datasets/statistics.js';

const fixtures = fileURLToPath(new URL('../fixtures/datasets/', import.meta.url));
const edit = (files: SourceFile[], name: string, change: (text: string) => string) =>
  files.map((f) => (f.name.endsWith(name) ? { ...f, bytes: Buffer.from(change(Buffer.from(f.bytes).toString('utf8'))) } : f));

describe('Meta government requests for user data', () => {
  it('reads all three layouts, with byte-order marks, CRLF and thousands separators, the period from the file name', async () => {
    const m = parseMetaRequests(await readSourceFiles(`${fixtures}meta-data-requests`));
    expect(m.files.map((f) => [f.period, f.layout, f.rowsRead])).toEqual([
      ['2013-H1', 'A', 3],
      ['2015-H2', 'A', 2],
      ['2017-H2', 'B', 3],
      ['2018-H1', 'B', 1],
      ['2021-H1', 'C', 3],
      ['2023-H2', 'C', 2],
    ]);
    expect(m.ignoredFiles).toEqual(['Content_Restrictions_2022_H1.csv', 'Content_Restrictions_2023_H2.csv']);
    expect(m.vintage).toBe('2023-H2');
    expect(m.rows).toHaveLength(13); // 14 rows, Somaliland not stored
    // "India,"4,789","7,820","45,275","22,865","68,485",51%,"42,458",…,"2,817",…" (2021_H1, layout C)
    expect(m.rows.find((r) => r.country === 'IN' && r.period === '2021-H1')).toMatchObject({
      requests: 45275,
      requestsSomeData: 22865,
      accounts: 68485,
      someDataPct: 51,
      legalRequests: 42458,
      emergencyRequests: 2817,
      preservationRequests: 4789,
    });
    // "Kazakhstan,25,,,0,0,,3,3,0%,,,…" (2015_H2, layout A: no legal/emergency split)
    expect(m.rows.find((r) => r.country === 'KZ' && r.period === '2015-H2')).toMatchObject({
      requests: 3,
      accounts: 3,
      someDataPct: 0,
      legalRequests: null,
      emergencyRequests: null,
    });
    expect(m.rows.find((r) => r.country === 'CZ')?.countryName).toBe('Czech Republic');
  });

  it('keeps Meta’s ranges and reports every oddity with file and line', async () => {
    const m = parseMetaRequests(await readSourceFiles(`${fixtures}meta-data-requests`));
    expect(m.rows.find((r) => r.country === 'US')).toMatchObject({
      requests: null,
      requestsAsPublished: '11,000 - 12,000',
      accounts: null,
      accountsAsPublished: '20,000 - 21,000',
    });
    expect(m.warnings.map((w) => `${w.file}:${w.line}: ${w.message}`)).toEqual([
      'PRPL-Facebook-Government-Report-2013_H1.csv:4: number of requests published as a range, "11,000 - 12,000" (between 11000 and 12000)',
      'PRPL-Facebook-Government-Report-2013_H1.csv:4: accounts requested published as a range, "20,000 - 21,000" (between 20000 and 21000)',
      'PRPL-Facebook-Government-Report-2017_H2.csv:4: "Somaliland" is not a country with an ISO 3166 code; row not stored',
      'PRPL-Facebook-Government-Report-2018_H1.csv:3: a row of empty cells; ignored',
      'PRPL-Facebook-Government-Report-2018_H1.csv:4: a row of empty cells; ignored',
      'PRPL-Facebook-Government-Report-2018_H1.csv:5: a row of empty cells; ignored',
    ]);
  });

  it('refuses a file without a period in its name, a missing column, a second file for a period, a non-numeric count', async () => {
    const files = await readSourceFiles(`${fixtures}meta-data-requests`);
    const one = files.find((f) => f.name.endsWith('2021_H1.csv'))!;
    expect(() => parseMetaRequests([{ ...one, name: 'requests.csv' }])).toThrow(
      /requests\.csv: the file name carries no half-year/,
    );
    expect(() => parseMetaRequests(edit([one], '2021_H1.csv', (t) => t.replace('Total Requests Accounts', 'Accounts')))).toThrow(
      /missing column "Total Requests Accounts" \(or "Total Users\/Accounts Requested"\)/,
    );
    expect(() => parseMetaRequests([one, { ...one, name: 'copy/PRPL-Facebook-Government-Report-2021_H1.csv' }])).toThrow(
      /a second file for 2021-H1/,
    );
    expect(() => parseMetaRequests(edit([one], '2021_H1.csv', (t) => t.replace('"45,275"', '"45.275"')))).toThrow(
      'PRPL-Facebook-Government-Report-2021_H1.csv line 3: column "Total Requests" is not a count ("45.275")',
    );
  });

  it('gives the share of requests with some data from the counts where Meta publishes them', async () => {
    const m = parseMetaRequests(await readSourceFiles(`${fixtures}meta-data-requests`));
    const india = m.rows.find((r) => r.country === 'IN' && r.period === '2021-H1')!;
    const covered = m.files.map((f) => f.period);
    // 22,865 / 45,275 = 0.50502 (Meta rounds it to 51%)
    expect(
      metaDataRequestStats({ country: 'IN', period: '2021-H1', row: india, history: [india], coveredPeriods: covered }),
    ).toEqual({
      source: 'meta-data-requests',
      country: 'IN',
      period: '2021-H1',
      requests: 45275,
      accountsRequested: 68485,
      shareSomeDataProduced: 0.505,
      emergencyRequests: 2817,
      legalProcessRequests: 42458,
      warnings: [],
    });
  });
});

describe('the JSON repackaging of Google’s data', () => {
  it('reads rows by its schema, with labels as the JSON spells them', async () => {
    const j = parseGoogleJson(await readSourceFiles(`${fixtures}google-removals-json`));
    expect(j.rowsRead).toBe(205);
    expect(j.rows).toHaveLength(204);
    expect(j.vintage).toBe('2025-H2');
    expect(j.warnings).toEqual([
      {
        file: 'google-government-removals.json',
        line: null,
        message:
          'rows[204]: country "EUROPOL" is not a two-letter territory code (an international body or unknown); row not stored',
      },
    ]);
    const kz = j.rows.filter((r) => r.period === '2021-H1');
    expect(kz.reduce((s, r) => s + r.requests, 0)).toBe(84);
    expect(kz.reduce((s, r) => s + r.items, 0)).toBe(30838);
    expect(kz.find((r) => r.reason === 'National security' && r.product === 'YouTube')).toMatchObject({
      requester: 'Information and Communications Authority',
      requests: 32,
      items: 30736,
      outcomes: [0, 164, 10, 1, 30549, 12],
    });
  });

  it('refuses a schema without a column, an index past its table, and a count that is not a whole number', async () => {
    const [file] = await readSourceFiles(`${fixtures}google-removals-json`);
    const data = JSON.parse(Buffer.from(file!.bytes).toString('utf8'));
    const as = (d: unknown) => [{ name: 'x.json', bytes: Buffer.from(JSON.stringify(d)) }];
    expect(() => parseGoogleJson(as({ ...data, schema: data.schema.filter((s: string) => s !== 'items_requested') }))).toThrow(
      /"schema" lacks the column "items_requested"/,
    );
    expect(() => parseGoogleJson(as({ ...data, rows: [[999, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0]] }))).toThrow(
      'x.json: rows[0]: "period" points past the end of "periods" (999)',
    );
    expect(() => parseGoogleJson(as({ ...data, rows: [[0, 0, 0, 0, 0, '3', 1, 1, 0, 0, 0, 0, 0]] }))).toThrow(
      'x.json: rows[0]: "num_requests" is not a whole number of 0 or more ("3")',
    );
    expect(() => parseGoogleJson([{ name: 'x.json', bytes: Buffer.from('{"periods": [') }])).toThrow(
      /x\.json: is not valid JSON/,
    );
  });
});
