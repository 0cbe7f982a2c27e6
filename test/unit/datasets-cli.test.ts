/** What `writ datasets import` prints: every warning with file and line, then rows and periods. */
import { describe, expect, it } from 'vitest';
import { importReportText, periodRuns } from '../../src/cli/datasets-commands.js';
import type { ImportReport } from '../../src/datasets/import-dataset.js';

const report: ImportReport = {
  importId: '7b832841-7984-4bbf-8dd5-1772165973de',
  source: 'google-removals-json',
  vintage: '2025-H1',
  unchanged: false,
  files: [{ name: 'old.json', role: 'rows', sha256: 'ab', bytes: 546692, rowsRead: 17483 }],
  ignoredFiles: ['SOURCE.txt'],
  rowsRead: 17483,
  rowsStored: 0,
  periodsAdded: [],
  periodsReplaced: [],
  periodsKept: ['2019-H1', '2019-H2', '2020-H1', '2021-H1', '2021-H2'].map((period) => ({
    part: 'rows',
    period,
    vintage: '2025-H2',
  })),
  warnings: [
    { file: 'old.json', line: null, message: 'rows[3]: country "EUROPOL" is not a two-letter territory code' },
    { file: 'a.csv', line: 12, message: 'a row of empty cells; ignored' },
  ],
};

describe('writ datasets import, as text', () => {
  it('lists every warning, the files, the counts and the periods a newer vintage kept', () => {
    const text = importReportText(report);
    expect(text).toContain('Warnings (2):\n  old.json: rows[3]: country "EUROPOL"');
    expect(text).toContain('  a.csv:12: a row of empty cells; ignored');
    expect(text).toContain('Rows read: 17,483   Rows stored: 0   Warnings: 2');
    expect(text).toContain('Periods (part × half-year): 0 added, 0 replaced, 5 kept from a newer vintage');
    expect(text).toContain('Kept from the newer vintage 2025-H2: rows 2019-H1 … 2020-H1, 2021-H1 … 2021-H2');
    expect(text).toContain('Ignored (not part of this dataset): SOURCE.txt');
  });

  it('says plainly when the files were imported before', () => {
    expect(importReportText({ ...report, unchanged: true })).toContain(
      'google-removals-json: these files were imported before (import 7b832841-7984-4bbf-8dd5-1772165973de, vintage 2025-H1); nothing changed.',
    );
  });

  it('writes consecutive half-years as runs', () => {
    expect(periodRuns(['2021-H2', '2020-H2', '2021-H1', '2023-H1'])).toBe('2020-H2 … 2021-H2, 2023-H1');
  });
});
