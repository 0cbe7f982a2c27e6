/**
 * Importing the committed excerpts (test/fixtures/datasets/SOURCE.md) into a real database, in the
 * order a user would: the 2024 archive, again (nothing changes), the same archive zipped (nothing
 * changes), the newer 2025 vintage (replaces what it covers), an older 2023 copy (kept out), then
 * refused files, which leave everything as it was.
 *
 * Counted by hand from the excerpt: 168 + 25 + 79 + 40 = 312 rows, of which 9 + 1 + 7 + 1 are
 * Europol's (no territory code) → 294 stored: 159 + 72 by product, 24 by requester, 39 summary.
 * KZ 2021-H1 by requester: 2024 vintage ICA 105, 2025 vintage ICA 79 (plus Police 4, DPA 1).
 */
import { copyFile, cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetStats } from '../../src/datasets/dataset-views.js';
import { importDataset } from '../../src/datasets/import-dataset.js';
import type { GoogleRemovalStats } from '../../src/domain/datasets/statistics.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { fixtures, readers, tempDir, zipFolder } from './datasets-support.js';

let database: TestDatabase;
let scratch: string;

beforeAll(async () => {
  database = await createTestDatabase();
  scratch = await tempDir();
});
afterAll(async () => {
  await database?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const r = () => readers(database.db);
const count = async (table: string) =>
  Number((await database.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`)).rows[0]!.n);
const state = async () => ({
  imports: await count('dataset_imports'),
  byProduct: await count('google_removals_by_product'),
  byRequester: await count('google_removals_by_requester'),
  summary: await count('google_removals_summary'),
  coverage: await count('dataset_coverage'),
});
const kz2021 = async () => (await datasetStats(r(), 'google-removals', 'KZ', '2021-H1')) as GoogleRemovalStats;

describe('importing Google’s archive', () => {
  let firstId: string;

  it('stores the 2024 excerpt from its folder and reports rows and warnings', async () => {
    const report = await importDataset(r().datasets, 'google-removals', path.join(fixtures, 'google-removals-2024-09'));
    firstId = report.importId;
    expect(report).toMatchObject({
      source: 'google-removals',
      vintage: '2023-H2',
      unchanged: false,
      rowsRead: 312,
      rowsStored: 294,
    });
    expect(report.warnings.length).toBeGreaterThan(18);
    expect(report.periodsReplaced).toEqual([]);
    expect(report.files.map((f) => f.role)).toEqual([
      'product-reason',
      'requester',
      'historical-product-reason',
      'historical-summary',
    ]);
    expect(await state()).toMatchObject({ imports: 1, byProduct: 231, byRequester: 24, summary: 39 });
    expect((await kz2021()).requestsByRequester).toEqual({
      'Information and Communications Authority': 105,
      Police: 4,
      'Data Protection Authority': 1,
    });
  });

  it('changes nothing when the same files come again, from the folder or from a zip of it', async () => {
    const before = await state();
    const again = await importDataset(r().datasets, 'google-removals', path.join(fixtures, 'google-removals-2024-09'));
    expect(again).toMatchObject({ importId: firstId, unchanged: true, rowsRead: 312, rowsStored: 0 });
    const zip = path.join(scratch, 'google-government-removals.zip');
    if (!(await zipFolder(path.join(fixtures, 'google-removals-2024-09'), ['google-government-removals'], zip))) {
      console.warn('skipping the zip import: the `zip` command is not installed');
    } else {
      const fromZip = await importDataset(r().datasets, 'google-removals', zip);
      expect(fromZip).toMatchObject({ importId: firstId, unchanged: true });
    }
    expect(await state()).toEqual(before);
  });

  it('lets a newer vintage replace the periods it covers and records it', async () => {
    const report = await importDataset(r().datasets, 'google-removals', path.join(fixtures, 'google-removals-2025-06'));
    expect(report).toMatchObject({ vintage: '2025-H1', unchanged: false, periodsKept: [] });
    // The requester file covers 2019-H1 … 2025-H1 here: the ten periods up to 2023-H2 are replaced, three added.
    expect(report.periodsReplaced.filter((p) => p.part === 'requester')).toHaveLength(10);
    expect(report.periodsAdded.filter((p) => p.part === 'requester').map((p) => p.period)).toEqual([
      '2024-H1',
      '2024-H2',
      '2025-H1',
    ]);
    const kz = await kz2021();
    expect(kz.requestsByRequester).toEqual({
      'Information and Communications Authority': 79,
      Police: 4,
      'Data Protection Authority': 1,
    });
    // 2010-H1 is "<10"; 2010-H2, 2011-H1 and 2014-H1, in which KZ is not listed, count 0.
    expect(kz.warnings).toEqual(['requestsToDate leaves out 2010-H1, for which no number of requests is published']);
    expect(kz.requestsToDate).toBe(457);
    // The 2025 folder has no historical/ files: those parts are untouched.
    expect((await state()).summary).toBe(39);
    const vintages = await database.db.execute<{ part: string; vintage: string }>(
      sql`SELECT DISTINCT part, vintage FROM dataset_coverage WHERE period = '2021-H1' ORDER BY part`,
    );
    expect(vintages.rows).toEqual([
      { part: 'product-reason', vintage: '2025-H1' },
      { part: 'requester', vintage: '2025-H1' },
    ]);
  });

  it('keeps a newer vintage’s periods when an older copy comes later (the March-2023 file, "Requester")', async () => {
    const before = await state();
    const report = await importDataset(r().datasets, 'google-removals', path.join(fixtures, 'google-removals-2023-03-requester'));
    expect(report).toMatchObject({ vintage: '2019-H1', unchanged: false, rowsRead: 5, rowsStored: 0, periodsAdded: [] });
    expect(report.periodsKept).toEqual([{ part: 'requester', period: '2019-H1', vintage: '2025-H1' }]);
    expect({ ...(await state()), imports: before.imports }).toEqual(before);
  });
});

describe('refused files leave earlier imports untouched', () => {
  const copy2025 = async (name: string, change: (text: string) => string) => {
    const dir = path.join(scratch, name);
    await cp(path.join(fixtures, 'google-removals-2025-06'), dir, { recursive: true });
    const file = path.join(dir, 'google-government-removal-requests.csv');
    await writeFile(file, change(await readFile(file, 'utf8')));
    return dir;
  };

  it('refuses a missing column, a non-numeric count and a truncated zip with a clear message', async () => {
    const before = { state: await state(), kz: await kz2021() };
    const missing = await copy2025('missing-column', (t) => t.replace('Number of Requests,', 'Requests,'));
    await expect(importDataset(r().datasets, 'google-removals', missing)).rejects.toThrow(
      /google-government-removal-requests\.csv: missing column "Number of Requests"/,
    );
    const nonNumeric = await copy2025('non-numeric', (t) => t.replace('Police,4,4,100', 'Police,four,4,100'));
    await expect(importDataset(r().datasets, 'google-removals', nonNumeric)).rejects.toThrow(
      'google-government-removal-requests.csv line 16: column "Number of Requests" is not a whole number ("four")',
    );
    const zip = path.join(scratch, 'whole.zip');
    if (await zipFolder(path.join(fixtures, 'google-removals-2024-09'), ['google-government-removals'], zip)) {
      const bytes = await readFile(zip);
      const truncated = path.join(scratch, 'google-government-removals.zip');
      await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
      await expect(importDataset(r().datasets, 'google-removals', truncated)).rejects.toThrow(
        /google-government-removals\.zip: is not a readable zip archive \(truncated or damaged: /,
      );
    } else console.warn('skipping the truncated zip: the `zip` command is not installed');
    // A file that is no zip at all, named .zip.
    const fake = path.join(scratch, 'fake.zip');
    await copyFile(path.join(fixtures, 'google-removals-2025-06', 'google-government-removal-requests.csv'), fake);
    await expect(importDataset(r().datasets, 'google-removals', fake)).rejects.toThrow(
      /fake\.zip: is not a readable zip archive/,
    );
    await expect(importDataset(r().datasets, 'google-removals', path.join(scratch, 'nowhere'))).rejects.toThrow(/does not exist/);
    expect({ state: await state(), kz: await kz2021() }).toEqual(before);
  });

  it('rolls back a store that fails half-way, after it deleted the periods it was replacing', async () => {
    const before = { state: await state(), kz: await kz2021() };
    const row = (country: string) => ({
      period: '2021-H1',
      country,
      countryName: 'x',
      line: 2,
      requester: 'Police',
      requests: 1,
      items: 1,
      percents: [100, null, null, null, null, null] as [number, null, null, null, null, null],
    });
    await expect(
      r().datasets.storeImport({
        source: 'google-removals',
        vintage: '2026-H1',
        contentHash: 'half-way',
        files: [],
        rowsRead: 2,
        warnings: [],
        coverage: [{ part: 'requester', period: '2021-H1' }],
        // The second row breaks the table's country check, after the old 2021-H1 rows were deleted.
        data: { source: 'google-removals', productRows: [], requesterRows: [row('KZ'), row('kz')], summaryRows: [] },
      }),
    ).rejects.toThrow();
    expect({ state: await state(), kz: await kz2021() }).toEqual(before);
  });
});
