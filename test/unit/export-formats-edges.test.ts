/**
 * Edges of the Google and Meta export layouts and of the shared format helpers
 * (src/domain/exports/formats.ts, google-removals.ts, meta-data-requests.ts): file names, content
 * types, half-year dates, Meta rows cell for cell against Meta's published rows (blank where Meta
 * leaves a column blank), Google's requestors merged and rows ordered as Google's detailed file is.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { type DataReportCounts, emptyDataReportCounts } from '../../src/domain/data-report.js';
import { WritError } from '../../src/domain/errors.js';
import {
  csvType,
  exportFormats,
  halfYearOf,
  isMultiFile,
  jsonType,
  parseExportFormat,
  periodEnding,
  periodStarting,
} from '../../src/domain/exports/formats.js';
import {
  googlePercent,
  googleProductReasonFile,
  googleProductReasonRows,
  googleRequesterFile,
  googleRequesterRows,
  googleRequestors,
} from '../../src/domain/exports/google-removals.js';
import { metaFileName, metaHeader, metaRow } from '../../src/domain/exports/meta-data-requests.js';
import { sharedData } from '../support/shared-data.js';

const csvLine = (cells: readonly string[]) => stringify([[...cells]], { record_delimiter: 'unix' }).replace(/\n$/, '');

describe('export formats, periods and content types', () => {
  it('a format name is accepted as it is; anything else is refused, naming the field', () => {
    for (const f of exportFormats) expect(parseExportFormat(f)).toBe(f);
    const refused = (text: string, field?: string) => {
      try {
        parseExportFormat(text, field);
      } catch (e) {
        return e as WritError;
      }
      throw new Error(`${text} was accepted`);
    };
    expect(refused('csv')).toBeInstanceOf(WritError);
    expect(refused('csv')).toMatchObject({ code: 'validation_failed', field: 'format' });
    expect(refused('Lumen', 'query/format').field).toBe('query/format');
  });

  it('Google’s, Meta’s and the statements’ exports are several files; the EU’s and Lumen’s one', () => {
    expect(exportFormats.filter(isMultiFile)).toEqual(['google-removals', 'meta-data-requests', 'dsa-sor']);
  });

  it('a half-year starts on 1 January or 1 July and ends on 30 June or 31 December', () => {
    expect([periodStarting({ year: 2024, half: 1 }), periodEnding({ year: 2024, half: 1 })]).toEqual([
      '2024-01-01',
      '2024-06-30',
    ]);
    expect([periodStarting({ year: 2024, half: 2 }), periodEnding({ year: 2024, half: 2 })]).toEqual([
      '2024-07-01',
      '2024-12-31',
    ]);
  });

  it('a half-year written as text reads back as its year and half', () => {
    expect(halfYearOf('2021-H1')).toEqual({ year: 2021, half: 1 });
    expect(halfYearOf('2021-H2')).toEqual({ year: 2021, half: 2 });
  });

  it('CSV files are UTF-8 text/csv, JSON files UTF-8 application/json', () => {
    expect(csvType).toBe('text/csv; charset=utf-8');
    expect(jsonType).toBe('application/json; charset=utf-8');
  });
});

/** Counts from a published Meta row's own cells (a share is rebuilt from its rounded percentage). */
const n = (cell: string) => Number(cell.replace(/,/g, ''));
const fromPercent = (requests: string, percent: string) => Math.round((n(requests) * n(percent.replace('%', ''))) / 100);
function countsOf(cells: string[]): DataReportCounts {
  const c = emptyDataReportCounts();
  c.preservationRequests = n(cells[1]!);
  c.preservationAccountsPreserved = n(cells[2]!);
  c.totalRequests = n(cells[3]!);
  c.requestsSomeDataProduced = n(cells[4]!);
  c.totalAccounts = n(cells[5]!);
  c.legalProcess = { requests: n(cells[7]!), someDataProduced: n(cells[8]!), accounts: n(cells[9]!) };
  c.emergency = { requests: n(cells[11]!), someDataProduced: n(cells[12]!), accounts: n(cells[13]!) };
  const process = (at: number) => ({
    requests: n(cells[at]!),
    accounts: n(cells[at + 1]!),
    someDataProduced: fromPercent(cells[at]!, cells[at + 2]!),
  });
  c.byProcess = { ...c.byProcess, search_warrant: process(15), subpoena: process(18), court_order: process(21) };
  return c;
}

const metaFolder = join(sharedData ?? '', 'meta-government-requests-2023/government-requests');
const metaRows = (file: string) => parse(readFileSync(join(metaFolder, file))) as string[][];

describe.skipIf(sharedData === null)('Meta rows as Meta’s published files write them', () => {
  it('a country other than the United States: its row equals Meta’s, the by-process columns blank', () => {
    for (const [file, country, code] of [
      ['PRPL-Facebook-Government-Report-2023_H2.csv', 'Greece', 'GR'],
      ['PRPL-Facebook-Government-Report-2023_H2.csv', 'Germany', 'DE'],
      ['PRPL-Facebook-Government-Report-2021_H1.csv', 'India', 'IN'],
    ] as const) {
      const published = metaRows(file).find((r) => r[0] === country)!;
      expect(metaRow(code, countsOf(published)), country).toEqual(published);
    }
  });

  it('the United States: search warrants, subpoenas and other court orders filled in as Meta does', () => {
    const published = metaRows('PRPL-Facebook-Government-Report-2023_H2.csv').find((r) => r[0] === 'United States')!;
    const row = metaRow('US', countsOf(published));
    expect(row).toHaveLength(metaHeader.length);
    // Writ has no MLAT, 2703(d), pen register, Title III, FISA or NSL figures: those stay blank.
    expect(row.slice(0, 24)).toEqual(published.slice(0, 24));
    expect(row.slice(24)).toEqual(Array(metaHeader.length - 24).fill(''));
  });
});

describe('Meta rows', () => {
  const counts = (): DataReportCounts => {
    const c = emptyDataReportCounts();
    c.byProcess.search_warrant = { requests: 1200, accounts: 1500, someDataProduced: 900 };
    c.byProcess.subpoena = { requests: 10, accounts: 11, someDataProduced: 5 };
    c.byProcess.court_order = { requests: 4, accounts: 8, someDataProduced: 1 };
    return c;
  };
  const cell = (row: string[], column: (typeof metaHeader)[number]) => row[metaHeader.indexOf(column)];

  it('the by-process columns are the United States’ alone; elsewhere every one of them is blank', () => {
    const us = metaRow('US', counts());
    expect(metaHeader.slice(15, 24).map((c) => cell(us, c))).toEqual([
      '1,200',
      '1,500',
      '75%',
      '10',
      '11',
      '50%',
      '4',
      '8',
      '25%',
    ]);
    expect(metaRow('FR', counts()).slice(15)).toEqual(Array(metaHeader.length - 15).fill(''));
    expect(metaRow('FR', counts()).slice(0, 15)).toEqual([
      'France',
      '0',
      '0',
      '0',
      '0',
      '0',
      '0%',
      '0',
      '0',
      '0',
      '0%',
      '0',
      '0',
      '0',
      '0%',
    ]);
  });

  it('one file per half-year, named as Meta names it', () => {
    expect(metaFileName({ year: 2023, half: 2 })).toBe('PRPL-Facebook-Government-Report-2023_H2.csv');
    expect(metaFileName({ year: 2019, half: 1 })).toBe('PRPL-Facebook-Government-Report-2019_H1.csv');
  });
});

describe('Google removals', () => {
  const input = (authorityKind: string, requests: number, items: number, outcomes: Record<string, number>, country = 'DE') => ({
    period: '2021-H1',
    country,
    authorityKind,
    requests,
    items,
    outcomes,
  });

  it('the two files are named as in Google’s archive', () => {
    expect(googleRequesterFile).toBe('google-government-removal-requests.csv');
    expect(googleProductReasonFile).toBe('google-government-detailed-removal-requests.csv');
  });

  it('authority kinds are Google’s requestors; kinds Google has no name for are Other', () => {
    expect(googleRequestors).toMatchObject({
      police: 'Police',
      prosecutor: 'Police',
      court: 'Court Order Directed at Google',
      other_executive: 'Government Officials',
      legislature: 'Government Officials',
      other: 'Other',
    });
    expect(googleRequesterRows([input('ombudsman', 1, 2, { no_action: 2 })])).toEqual([
      ['2021-06-30', 'Germany', 'DE', 'Other', '1', '2', '', '', '', '', '100', ''],
    ]);
  });

  it('kinds that share a requestor are added up: requests, items and each outcome', () => {
    const rows = googleRequesterRows([
      input('police', 2, 6, { removed_legal: 3, no_action: 3 }),
      input('court', 1, 1, { removed_legal: 1 }),
      input('prosecutor', 3, 4, { removed_legal: 1, content_not_found: 3 }),
    ]);
    expect(rows).toEqual([
      ['2021-06-30', 'Germany', 'DE', 'Court Order Directed at Google', '1', '1', '100', '', '', '', '', ''],
      ['2021-06-30', 'Germany', 'DE', 'Police', '5', '10', '40', '', '30', '', '30', ''],
    ]);
  });

  it('requester rows come by period, then country name, then requestor', () => {
    const rows = googleRequesterRows([
      { ...input('police', 1, 1, {}, 'RU'), period: '2021-H2' },
      input('police', 1, 1, {}, 'RU'),
      input('police', 1, 1, {}, 'KZ'),
      input('court', 1, 1, {}, 'KZ'),
      input('other', 1, 1, {}, 'DE'),
    ]);
    expect(rows.map((r) => `${r[0]} ${r[2]} ${r[3]}`)).toEqual([
      '2021-06-30 DE Other',
      '2021-06-30 KZ Court Order Directed at Google',
      '2021-06-30 KZ Police',
      '2021-06-30 RU Police',
      '2021-12-31 RU Police',
    ]);
  });

  it('a share of no items is blank even when an outcome is counted', () => {
    expect(googlePercent(3, 0)).toBe('');
  });

  it('product × reason rows come by period, country name, product and reason, whatever order they arrive in', () => {
    const rows = googleProductReasonRows([
      { period: '2021-H2', country: 'DE', product: 'Blogger', reason: 'Defamation', requests: 1 },
      { period: '2021-H1', country: 'KZ', product: 'YouTube', reason: 'Fraud', requests: 1 },
      { period: '2021-H1', country: 'KZ', product: 'YouTube', reason: 'Copyright', requests: 4 },
      { period: '2021-H1', country: 'KZ', product: 'Google Sites', reason: 'National Security', requests: 1 },
      { period: '2021-H1', country: 'DE', product: 'YouTube', reason: 'Hate Speech', requests: 2 },
    ]);
    expect(rows).toEqual([
      ['2021-06-30', 'Germany', 'DE', 'YouTube', 'Hate Speech', '2'],
      ['2021-06-30', 'Kazakhstan', 'KZ', 'Google Sites', 'National Security', '1'],
      ['2021-06-30', 'Kazakhstan', 'KZ', 'YouTube', 'Copyright', '4'],
      ['2021-06-30', 'Kazakhstan', 'KZ', 'YouTube', 'Fraud', '1'],
      ['2021-12-31', 'Germany', 'DE', 'Blogger', 'Defamation', '1'],
    ]);
  });

  it.skipIf(sharedData === null)('reproduces Google’s detailed file for 2021, line for line, from its rows shuffled', () => {
    const lines = readFileSync(
      join(sharedData ?? '', 'google-removals-2025-06/google-government-detailed-removal-requests.csv'),
      'utf8',
    )
      .split('\n')
      .filter((l) => /^2021-(06-30|12-31),/.test(l));
    const published = parse(lines.join('\n')) as string[][];
    const shuffled = published
      .map((r, i) => ({ r, key: (i * 7919) % published.length }))
      .sort((a, b) => a.key - b.key)
      .map(({ r }) => ({
        period: r[0] === '2021-06-30' ? '2021-H1' : '2021-H2',
        country: r[2]!,
        product: r[3]!,
        reason: r[4]!,
        requests: Number(r[5]),
      }));
    expect(published.length).toBeGreaterThan(500);
    expect(googleProductReasonRows(shuffled).map(csvLine)).toEqual(lines);
  });
});
