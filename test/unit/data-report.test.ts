/**
 * The user-data report's definitions (src/domain/data-report.ts): shares, and the mapping of each
 * figure to the column of Meta's layout C it compares with — one to one, and every column named
 * exists in the header of Meta's real files (the committed excerpts, and ../shared/data when present).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { assembleDataReport, emptyDataReportCounts, figureValue, metaColumns, shareOf } from '../../src/domain/data-report.js';
import { legalProcessTypes } from '../../src/domain/data-request.js';
import { sharedData } from '../support/shared-data.js';

const fixtures = join(import.meta.dirname, '../fixtures/datasets/meta-data-requests');
const shared = join(
  sharedData ?? join(import.meta.dirname, '../../../shared/data'),
  'meta-government-requests-2023/government-requests',
);

/** The header of every layout C file (2019-H1 on) found in `folder`. */
function layoutCHeaders(folder: string): { file: string; columns: string[] }[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => /PRPL-Facebook-Government-Report-(\d{4})_H[12]\.csv$/.test(f) && Number(f.match(/(\d{4})_H/)?.[1]) >= 2019)
    .map((file) => {
      const firstLine =
        readFileSync(join(folder, file), 'utf8')
          .replace(/^\uFEFF/, '')
          .split(/\r?\n/, 1)[0] ?? '';
      return { file, columns: (parse(firstLine)[0] as string[]).map((c) => c.trim()) };
    });
}

describe('the mapping of figures to Meta’s layout C columns', () => {
  const mapped = metaColumns.flatMap((m) => m.meta ?? []);

  it('is one to one: no figure twice, no Meta column twice', () => {
    const figures = metaColumns.map((m) => m.figure);
    expect(new Set(figures).size).toBe(figures.length);
    expect(new Set(mapped).size).toBe(mapped.length);
  });

  it('names every figure of the report, and only figures of the report', () => {
    const report = assembleDataReport('KZ', { year: 2026, half: 1 }, emptyDataReportCounts());
    for (const m of metaColumns) expect(() => figureValue(report, m.figure), m.figure).not.toThrow();
    const leaves: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (typeof value === 'number') leaves.push(path);
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    };
    walk(report, '');
    expect(leaves.sort()).toEqual(metaColumns.map((m) => m.figure).sort());
  });

  it('compares the headline figures with the columns the brief names', () => {
    const column = (figure: string) => metaColumns.find((m) => m.figure === figure)?.meta;
    expect(column('totalRequests')).toEqual(['Total Requests']);
    expect(column('requestsSomeDataProduced')).toEqual(['Number of Requests Where Some Data Produced']);
    expect(column('totalAccounts')).toEqual(['Total Requests Accounts']);
    expect(column('percentSomeDataProduced')).toEqual(['Total Requests Percentage']);
    expect(column('preservationRequests')).toEqual(['Preservation Requests']);
    expect(column('preservationAccountsPreserved')).toEqual(['Preservation Accounts Preserved']);
  });

  const folders = [fixtures, ...(existsSync(shared) ? [shared] : [])];
  it.each(folders)('names only columns that exist in every layout C header in %s', (folder) => {
    const headers = layoutCHeaders(folder);
    expect(headers.length).toBeGreaterThan(0);
    for (const { file, columns } of headers) {
      const missing = mapped.filter((c) => !columns.includes(c));
      expect(missing, file).toEqual([]);
    }
  });
});

describe('assembling the report', () => {
  it('gives shares of requests, 0 where there is none', () => {
    const c = emptyDataReportCounts();
    c.totalRequests = 4;
    c.totalAccounts = 9;
    c.requestsSomeDataProduced = 3;
    c.nonDisclosureRequests = 1;
    c.legalProcess = { requests: 4, accounts: 9, someDataProduced: 3 };
    c.byProcess.subpoena = { requests: 2, accounts: 3, someDataProduced: 1 };
    const r = assembleDataReport('KZ', { year: 2026, half: 2 }, c);
    expect(r.period).toBe('2026-H2');
    expect(r.percentSomeDataProduced).toBe(0.75);
    expect(r.legalProcess.percent).toBe(0.75);
    expect(r.byProcess.subpoena.percent).toBe(0.5);
    expect(r.emergency.percent).toBe(0);
    expect(r.nonDisclosure).toEqual({ requests: 1, share: 0.25 });
    for (const p of legalProcessTypes.filter((x) => x !== 'subpoena')) expect(r.byProcess[p].percent).toBe(0);
    expect(shareOf(0, 0)).toBe(0);
  });
});

describe('the comparison chart', () => {
  it('escapes series names and periods in its tooltip', async () => {
    const { comparedOption } = await import('../../web/src/compare/user-data-charts.js');
    const option = comparedOption(
      ['2026-H1'],
      [{ name: '<img src=x onerror=alert(1)>', values: [3], color: '#000', kind: 'line' }],
      String,
    );
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    const html = formatter([{ name: '<b>2026-H1</b>', seriesName: '<img src=x onerror=alert(1)>', value: 3 }]);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;: 3');
    expect(html).toContain('&lt;b&gt;2026-H1&lt;/b&gt;');
  });
});
