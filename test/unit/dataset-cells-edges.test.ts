/**
 * The edges of reading one published cell and one published CSV table: every form a count or a
 * percentage takes in Google's and Meta's files, and the CSV quirks (byte-order mark, CRLF, quoted
 * cells with commas and line breaks, trailing separators), each refusal naming the file and line;
 * and which files of an import are data files, judged from names and header lines only. The
 * excerpts are modelled on the real files in ../shared/data (see its SOURCE.txt files).
 */
import { describe, expect, it } from 'vitest';
import { type Cell, describeMarker, markerOf, readCount, readPercent } from '../../src/domain/datasets/cells.js';
import { CellReader, type CsvTable, column, decodeText, hasColumn, readCsv } from '../../src/domain/datasets/csv-table.js';
import { dataFilesOf } from '../../src/domain/datasets/dataset-files.js';
import { isMetaRequestsFile } from '../../src/domain/datasets/meta-requests.js';
import type { DataWarning, SourceFile } from '../../src/domain/datasets/sources.js';

const csv = (text: string, file = 'PRPL-Facebook-Government-Report-2021_H1.csv') => {
  const warnings: DataWarning[] = [];
  const table = readCsv(file, Buffer.from(text), warnings);
  return { table, warnings };
};
const file = (name: string, text: string): SourceFile => ({ name, bytes: Buffer.from(text) });
// Layout C of Meta's government-requests files (2019_H1 onward), its first fifteen columns.
const headerC =
  'Country,Preservation Requests,Preservation Accounts Preserved,Total Requests,Number of Requests Where Some Data Produced,Total Requests Accounts,Total Requests Percentage,Legal Process Request Total,Legal Number of Requests Where Some Data Produced,Legal Process Request Total Accounts,Legal Process Request Total Percentage,Emergency Request Total,ER Number of Requests Where Some Data Produced,Emergency Request Total Accounts,Emergency Request Total Percentage';
const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('a count as published', () => {
  it.each([
    ['2147483647', { kind: 'number', value: 2_147_483_647 }],
    ['1,000,000 - 2,000,000', { kind: 'range', low: 1_000_000, high: 2_000_000, text: '1,000,000 - 2,000,000' }],
    ['10 - 1,000,000', { kind: 'range', low: 10, high: 1_000_000, text: '10 - 1,000,000' }],
    ['10-20', { kind: 'range', low: 10, high: 20, text: '10-20' }],
    ['10 –20', { kind: 'range', low: 10, high: 20, text: '10 –20' }],
    ['5 - 5', { kind: 'range', low: 5, high: 5, text: '5 - 5' }],
    ['< 10', { kind: 'fewer-than', bound: 10, text: '< 10' }],
    ['na', { kind: 'unknown', text: 'na' }],
    ['N/a', { kind: 'unknown', text: 'N/a' }],
    [undefined, { kind: 'blank' }],
    ['   ', { kind: 'blank' }],
  ] as const)('reads %j', (raw, expected) => {
    expect(readCount(raw)).toEqual(expected);
  });

  it.each([
    '2147483648',
    '2,147,483,648',
    'a1 - 2',
    '1 - 2x',
    '1,000,000 - 2',
    'x<10',
    '<10x',
    '<',
    'xn/a',
    'n/ax',
    'n//a',
    '1 - - 2',
  ])('does not understand %j', (raw) => {
    expect(readCount(raw)).toBeNull();
  });
});

describe('a percentage as published', () => {
  it.each([
    [' 83% ', { kind: 'number', value: 83 }],
    ['100 %', { kind: 'number', value: 100 }],
    [undefined, { kind: 'blank' }],
    ['N/A', { kind: 'unknown', text: 'N/A' }],
    ['na', { kind: 'unknown', text: 'na' }],
    ['?', { kind: 'unknown', text: '?' }],
  ] as const)('reads %j', (raw, expected) => {
    expect(readPercent(raw)).toEqual(expected);
  });

  it.each(['xn/a', 'n/ax', '1000%', '83%%', '-5%'])('does not understand %j', (raw) => {
    expect(readPercent(raw)).toBeNull();
  });
});

describe('markers kept beside a missing number', () => {
  it('keeps the text of every marker and of nothing else, and describes each', () => {
    const cells: Cell[] = [
      { kind: 'fewer-than', bound: 10, text: '<10' },
      { kind: 'unknown', text: '?' },
      { kind: 'range', low: 1, high: 2, text: '1 - 2' },
      { kind: 'number', value: 7 },
      { kind: 'blank' },
    ];
    expect(cells.map(markerOf)).toEqual(['<10', '?', '1 - 2', null, null]);
    expect(cells.map(describeMarker)).toEqual([
      '"<10" (fewer than 10; the exact number is not published)',
      '"?" (not known)',
      'a range, "1 - 2" (between 1 and 2)',
      'a number',
      'a number',
    ]);
  });
});

describe('a published CSV table', () => {
  it('refuses bytes that are not UTF-8, naming the file', () => {
    expect(refusal(() => decodeText('a.csv', Uint8Array.from([0x43, 0xff, 0x2c])))).toBe('a.csv: is not UTF-8 text');
    expect(refusal(() => csv('').table)).toBe('PRPL-Facebook-Government-Report-2021_H1.csv: is empty');
    expect(decodeText('a.csv', Buffer.from('Côte d’Ivoire'))).toBe('Côte d’Ivoire');
  });

  it('refuses a file csv-parse cannot read, naming the file', () => {
    expect(refusal(() => csv('Country,Total Requests\r\n"Albania,6\r\n'))).toMatch(
      /^PRPL-Facebook-Government-Report-2021_H1\.csv: is not a readable CSV file \(.+\)$/,
    );
  });

  it('absorbs a byte-order mark before a quoted name, spaces around names, short rows and separator-only rows', () => {
    const { table, warnings } = csv(
      '\uFEFF"Country", Total Requests ,Total Requests Percentage\r\nAlbania,6\r\n ,  , \r\n\r\nAustria,35,17%\r\n',
    );
    expect(table.header).toEqual(['Country', 'Total Requests', 'Total Requests Percentage']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['Albania', '6'] },
      { line: 5, cells: ['Austria', '35', '17%'] },
    ]);
    // The empty line 4 is not reported; the line of blanks is.
    expect(warnings).toEqual([{ file: table.file, line: 3, message: 'a row of empty cells; ignored' }]);
  });

  it('keeps a one-column file’s rows and counts lines through quoted line breaks', () => {
    expect(csv('Country\nAlbania\n\nAustria\n').table.rows).toEqual([
      { line: 2, cells: ['Albania'] },
      { line: 4, cells: ['Austria'] },
    ]);
    const { table } = csv('"Country\nname",Note\nAlbania,"two\nlines"\nAustria,"three\nof\nthem"\nBelgium,x\n');
    expect(table.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [3, 'Albania'],
      [5, 'Austria'],
      [8, 'Belgium'],
    ]);
  });

  it('accepts trailing empty cells past the header but refuses a value there, naming the line', () => {
    const header = 'Country,Total Requests,Total Requests Percentage\n';
    expect(csv(`${header}Albania,6,83%,,, \n`).table.rows).toEqual([{ line: 2, cells: ['Albania', '6', '83%', '', '', ' '] }]);
    for (const extra of ['7', ',7', ' ,7,'])
      expect(refusal(() => csv(`${header}Albania,6,83%\nAustria,35,17%,${extra}\n`))).toBe(
        `PRPL-Facebook-Government-Report-2021_H1.csv line 3: has ${4 + extra.split(',').length - 1} cells but the header names 3 columns`,
      );
  });
});

describe('columns found by name', () => {
  const table = (header: string[]): CsvTable => ({ file: 'f.csv', header, rows: [] });

  it('matches names whatever their case and spacing, never a different name', () => {
    const t = table(['Country', 'Total  Requests', 'Number of Requests Where Some Data Produced']);
    expect(column(t, ['  total requests '])).toBe(1);
    expect(column(t, ['NUMBER OF REQUESTS WHERE SOME DATA PRODUCED'])).toBe(2);
    expect(hasColumn(t, 'Total\tRequests')).toBe(true);
    expect(hasColumn(table(['TotalRequests']), 'Total Requests')).toBe(false);
    // A dotless ı is another letter, even though it upper-cases to I.
    expect(hasColumn(table(['Total Requ\u0131sts']), 'Total Requests')).toBe(false);
  });

  it('names every accepted spelling and the header it looked in when a column is missing', () => {
    expect(refusal(() => column(table(['Country', 'Accounts']), ['Total Requests Accounts', 'Total Users', 'Users']))).toBe(
      'f.csv: missing column "Total Requests Accounts" (or "Total Users", "Users"); the header has "Country", "Accounts"',
    );
    expect(refusal(() => column(table(['Country']), ['Total Requests']))).toBe(
      'f.csv: missing column "Total Requests"; the header has "Country"',
    );
  });
});

describe('reading the cells of a row', () => {
  const { table } = csv('Country,Total Requests,Total Requests Percentage\nAlbania, 7 ,abc\nAustria,<10,5%\n');
  const [albania, austria] = table.rows as [CsvTable['rows'][0], CsvTable['rows'][0]];

  it('reads blanks before it is pointed at a row, trims cells and reads missing cells as blank', () => {
    const reader = new CellReader(table);
    expect(reader.text(0)).toBe('');
    expect(reader.count(1)).toEqual({ kind: 'blank' });
    expect(reader.at(albania).text(1)).toBe('7');
    expect(reader.wholeNumber(1)).toBe(7);
    expect(reader.text(9)).toBe('');
  });

  it('refuses a value it does not understand, naming file, line and column', () => {
    const reader = new CellReader(table);
    expect(refusal(() => reader.at(albania).percent(2))).toBe(
      'PRPL-Facebook-Government-Report-2021_H1.csv line 2: column "Total Requests Percentage" is not a whole percentage ("abc")',
    );
    expect(refusal(() => reader.at(albania).count(2))).toBe(
      'PRPL-Facebook-Government-Report-2021_H1.csv line 2: column "Total Requests Percentage" is not a count ("abc")',
    );
    expect(refusal(() => reader.at(austria).wholeNumber(1))).toBe(
      'PRPL-Facebook-Government-Report-2021_H1.csv line 3: column "Total Requests" must be a whole number ("<10")',
    );
  });
});

describe('which files are Meta’s government-requests files', () => {
  it.each([
    ['a layout C file', 'r.csv', `${headerC}\n`, true],
    ['the older spelling "Total Data Requests"', 'Data Requests-2013-H2.csv', 'Country,Total Data Requests\n', true],
    ['spaces around the names', 'r.CSV', '\uFEFF Country , Total Requests \r\nAlbania,6\r\n', true],
    ['a stray quote inside a name', 'r.csv', 'Country,Total Requests,Court Order "Other"\n', true],
    ['a broken quote after the header line', 'r.csv', 'Country,Total Requests\nAlbania,"6\n', true],
    ['a header line that is not CSV', 'r.csv', '"Country,Total Requests\nAlbania,6\n', false],
    ['the right header in a file that is not a CSV', 'r.txt', 'Country,Total Requests\n', false],
    ['Meta’s content restrictions', 'Content_Restrictions_2023_H2.csv', 'ISO Code,Country,Facebook Profile,total\n', false],
    ['an empty file', 'r.csv', '', false],
  ])('%s', (_what, name, text, expected) => {
    expect(isMetaRequestsFile(file(name, text))).toBe(expected);
  });
});

describe('the data files of an import, by source', () => {
  const files = [
    file('google-government-removals/google-government-removal-requests.csv', 'Period Ending\n'),
    file('google-government-removals.json', '{}'),
    file('PRPL-Facebook-Government-Report-2021_H1.csv', `${headerC}\n`),
    file('Content_Restrictions_2023_H2.csv', 'ISO Code,Country,total\n'),
  ];
  it.each([
    ['google-removals', 'requester', 0],
    ['google-removals-json', 'rows', 1],
    ['meta-data-requests', 'countries', 2],
  ] as const)('%s takes one file, in its role, and ignores the rest', (source, role, index) => {
    const { data, ignored } = dataFilesOf(source, files);
    expect(data).toEqual([{ ...files[index]!, role }]);
    expect(ignored).toEqual(files.filter((_, i) => i !== index).map((f) => f.name));
  });
});
