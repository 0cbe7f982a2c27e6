/**
 * Google's archive read from the committed excerpt (test/fixtures/datasets/SOURCE.md), against
 * values counted by hand from its lines:
 *
 *   KZ 2021-H1, product/reason file (lines 100–108): 1+1+1+4+1+33+3+32+8 = 84 requests
 *   KZ 2021-H1, requester file, 2024 vintage (lines 14–16): DPA 1 + ICA 105 + Police 4 = 110 requests;
 *     items 1 + 30,833 + 4 = 30,838
 *   AT 2019-H1: product/reason 1+6 = 7; requester 4+3+1 = 8 requests, 373+48+1 = 422 items;
 *     historical product/reason 0+1 + 0+12 = 13 requests, 1+483 = 484 items; historical summary 13 and 484
 *   Europol has no territory code: 9 + 1 + 7 + 1 rows not stored
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSourceFiles } from '../../src/datasets/source-files.js';
import { parseGoogleArchive, sumGoogleRows } from '../../src/domain/datasets/google-archive.js';
import { chooseGoogleFigures } from '../../src/domain/datasets/google-figures.js';
import type { SourceFile } from '../../src/domain/datasets/sources.js';

const fixtures = fileURLToPath(new URL('../fixtures/datasets/', import.meta.url));
const archive2024 = async () => readSourceFiles(`${fixtures}google-removals-2024-09`);

const replaceIn = (files: SourceFile[], name: string, edit: (text: string) => string): SourceFile[] =>
  files.map((f) => (f.name.endsWith(name) ? { ...f, bytes: Buffer.from(edit(Buffer.from(f.bytes).toString('utf8'))) } : f));

describe('Google archive', () => {
  it('recognises the four files by name, ignores the rest, and takes the vintage from the last period', async () => {
    const a = parseGoogleArchive(await archive2024());
    expect(a.files.map((f) => [f.role, f.rowsRead])).toEqual([
      ['product-reason', 168],
      ['requester', 25],
      ['historical-product-reason', 79],
      ['historical-summary', 40],
    ]);
    expect(a.ignoredFiles).toEqual(['google-government-removals/README.txt']);
    expect(a.rowsRead).toBe(312);
    expect(a.productRows.length + a.requesterRows.length + a.summaryRows.length).toBe(312 - 18);
    expect(a.vintage).toBe('2023-H2');
  });

  it('reports every oddity with file and line', async () => {
    const { warnings } = parseGoogleArchive(await archive2024());
    const at = (file: string, line: number) =>
      warnings.filter((w) => w.file.endsWith(file) && w.line === line).map((w) => w.message);
    expect(at('/google-government-detailed-removal-requests.csv', 24)).toEqual([
      '"Europol" has no territory code (an international body, not a country); row not stored',
    ]);
    expect(at('google-government-removal-requests-historical.csv', 5)).toEqual([
      'number of requests published as "<10" (fewer than 10; the exact number is not published)',
    ]);
    expect(at('google-government-removal-requests-historical.csv', 3)[0]).toMatch(/published as "\?" \(not known\)/);
    expect(at('google-government-removal-requests-historical.csv', 2)).toEqual([
      'items requested published as blank (not published)',
    ]);
    expect(at('google-government-detailed-removal-requests-historical.csv', 2)).toEqual([
      'items requested published as blank (not published)',
    ]);
    expect(at('/google-government-removal-requests.csv', 14)).toEqual([
      'KZ 2021-H1: requests: google-government-removal-requests.csv counts 110, google-government-detailed-removal-requests.csv 84; 84 is used (the requester file of Google’s 2023 and 2024 vintages counts a request once for every reason it cites)',
    ]);
    // KZ: the requester file disagrees in 9 of its 10 periods (2023-H2 agrees: 4 and 4).
    expect(
      warnings.filter((w) => w.message.startsWith('KZ') && w.file.endsWith('/google-government-removal-requests.csv')),
    ).toHaveLength(9);
    expect(warnings.filter((w) => w.message.startsWith('AT 2019-H1')).map((w) => w.message.split(';')[0])).toEqual([
      'AT 2019-H1: requests: historical/google-government-detailed-removal-requests-historical.csv counts 13, google-government-detailed-removal-requests.csv 7',
      'AT 2019-H1: requests: historical/google-government-removal-requests-historical.csv counts 13, google-government-detailed-removal-requests.csv 7',
      'AT 2019-H1: requests: google-government-removal-requests.csv counts 8, google-government-detailed-removal-requests.csv 7',
      'AT 2019-H1: items: historical/google-government-removal-requests-historical.csv counts 484, google-government-removal-requests.csv 422',
      'AT 2019-H1: items: historical/google-government-detailed-removal-requests-historical.csv counts 484, google-government-removal-requests.csv 422',
    ]);
  });

  it('accepts both spellings of the requester column', async () => {
    const files = await readSourceFiles(`${fixtures}google-removals-2023-03-requester`);
    const a = parseGoogleArchive(files);
    expect(a.requesterRows.map((r) => [r.country, r.requester, r.requests, r.items])).toEqual([
      ['AT', 'Data Protection Authority', 4, 373],
      ['AT', 'Government Officials', 3, 48],
      ['AT', 'Other', 1, 1],
      ['KZ', 'Information and Communications Authority', 25, 1553],
      ['KZ', 'Court Order Directed at 3rd Party', 3, 28],
    ]);
    expect(a.requesterRows[3]!.percents).toEqual([null, 0, 1, null, 99, 0]);
  });

  it('refuses a file with a missing column, naming it', async () => {
    const files = replaceIn(await archive2024(), '/google-government-removal-requests.csv', (t) =>
      t.replace(',Items Requested To Be Removed,', ',Items,'),
    );
    expect(() => parseGoogleArchive(files)).toThrow(
      /google-government-removal-requests\.csv: missing column "Items Requested To Be Removed"; the header has/,
    );
  });

  it('refuses a count that is not a number, naming line and column', async () => {
    const files = replaceIn(await archive2024(), '/google-government-detailed-removal-requests.csv', (t) =>
      t.replace('2021-06-30,Kazakhstan,KZ,YouTube,Fraud,1', '2021-06-30,Kazakhstan,KZ,YouTube,Fraud,one'),
    );
    expect(() => parseGoogleArchive(files)).toThrow(
      'google-government-removals/google-government-detailed-removal-requests.csv line 104: column "Total" is not a whole number ("one")',
    );
  });

  it('refuses a date that does not end a half-year, a percentage over 100, and a folder without the files', async () => {
    const files = await archive2024();
    expect(() =>
      parseGoogleArchive(
        replaceIn(files, '/google-government-removal-requests.csv', (t) =>
          t.replace('2021-06-30,Kazakhstan,KZ,Police', '06/30/2021,Kazakhstan,KZ,Police'),
        ),
      ),
    ).toThrow(/line 16: column "Period Ending" must be the last day of a half-year/);
    expect(() =>
      parseGoogleArchive(
        replaceIn(files, '/google-government-removal-requests.csv', (t) => t.replace('Police,4,4,100,', 'Police,4,4,140,')),
      ),
    ).toThrow(/line 16: column "% Removed-Legal" is over 100/);
    expect(() => parseGoogleArchive([{ name: 'notes.txt', bytes: Buffer.from('hello') }])).toThrow(/holds none of Google/);
  });

  it('takes requests from the product/reason file and items from the requester file, saying where others disagree', async () => {
    const sums = sumGoogleRows(parseGoogleArchive(await archive2024()));
    const kz = chooseGoogleFigures(sums.get('KZ|2021-H1')!);
    expect(kz).toMatchObject({ requests: 84, requestsFrom: 'product-reason', items: 30838, itemsFrom: 'requester' });
    expect(kz.findings.map((f) => f.part)).toEqual(['requester']);

    const kz2010 = chooseGoogleFigures(sums.get('KZ|2010-H1')!);
    expect(kz2010).toMatchObject({ requests: null, items: null });
    expect(kz2010.findings.map((f) => f.kind)).toEqual(['not-published', 'not-published']);

    // Before 2011 only the historical files: AR 2009-H2 = 3+1 + 7+0 + 31+0 = 42 in both; items blank everywhere.
    expect(chooseGoogleFigures(sums.get('AR|2009-H2')!)).toMatchObject({
      requests: 42,
      requestsFrom: 'historical-product-reason',
      items: null,
    });
  });
});
