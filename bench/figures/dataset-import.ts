/**
 * Importing Google's whole government-removals archive (../shared/data/google-removals-2024-09),
 * as an absolute time and as a ratio to a baseline measured in the same run on the same machine: a
 * plain csv-parse pass over the same four CSV files (read from disk, parsed to arrays, nothing
 * else). The ratio says what Writ's own work (checking every cell, cross-checking the files, storing
 * in one transaction) costs beyond reading the files. The last import stays, so that the timeline
 * figure reads imported data beside the platform's own.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { type ImportReport, importDataset } from '../../src/datasets/import-dataset.js';
import type { Db } from '../../src/db/connection.js';
import { datasetsRepository } from '../../src/db/datasets-repository.js';
import { count, step } from '../progress.js';
import { atMost, type Figure } from '../report.js';
import { latency, timed } from '../stats.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const archiveDir = path.resolve(repoRoot, '../shared/data/google-removals-2024-09');
const csvFiles = [
  'google-government-detailed-removal-requests.csv',
  'google-government-removal-requests.csv',
  'historical/google-government-detailed-removal-requests-historical.csv',
  'historical/google-government-removal-requests-historical.csv',
].map((f) => path.join(archiveDir, 'google-government-removals', f));

/** The baseline: read the four files and parse them with csv-parse, nothing more. */
async function plainCsvPass(): Promise<number> {
  let records = 0;
  for (const file of csvFiles) records += parse(await readFile(file)).length;
  return records;
}

export const archivePresent = () => existsSync(archiveDir);

export async function datasetImportFigures(db: Db, runs: number, withZip: boolean): Promise<Figure[]> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'writ-bench-zip-'));
  try {
    const repository = datasetsRepository(db);
    const clear = () =>
      db.execute(sql`TRUNCATE dataset_coverage, google_removals_by_product, google_removals_by_requester, google_removals_summary,
                     google_removals_json_rows, meta_data_requests, dataset_imports`);
    const targets: [string, string][] = [['folder', archiveDir]];
    // The zip as Google ships it, when the system `zip` is there.
    const zip = path.join(scratch, 'google-government-removals.zip');
    if (withZip) {
      const zipped = await promisify(execFile)('zip', ['-q', '-r', '-X', zip, 'google-government-removals'], {
        cwd: archiveDir,
      }).then(
        () => true,
        () => false,
      );
      if (zipped) targets.unshift(['zip', zip]);
    }

    await plainCsvPass(); // warm-up: file cache and JIT, for the baseline and the imports alike
    const baseline: number[] = [];
    let records = 0;
    for (let i = 0; i < runs; i++) {
      const { ms, result } = await timed(plainCsvPass);
      baseline.push(ms);
      records = result;
    }
    const base = latency(baseline);

    const figures: Figure[] = [];
    // The folder last, so that its import is the one that stays.
    for (const [label, target] of targets) {
      await clear();
      await importDataset(repository, 'google-removals', target); // warm-up
      const times: number[] = [];
      let report: ImportReport | undefined;
      for (let i = 0; i < runs; i++) {
        await clear();
        const run = await timed(() => importDataset(repository, 'google-removals', target));
        times.push(run.ms);
        report = run.result;
      }
      const again = await timed(() => importDataset(repository, 'google-removals', target));
      const t = latency(times);
      const seconds = t.p50 / 1000;
      figures.push({
        id: `dataset-import-${label}`,
        name: `Google removals archive import\nfrom the ${label} (${count(records)} CSV rows)`,
        measured: { kind: 'duration', seconds, runs: times.map((ms) => ms / 1000) },
        baseline: {
          name: 'csv-parse pass over the 4 CSV files',
          measured: { kind: 'duration', seconds: base.p50 / 1000, runs: baseline.map((ms) => ms / 1000) },
        },
        ratio: { value: t.p50 / base.p50, text: `${(t.p50 / base.p50).toFixed(1)}× the parse` },
        targets: [atMost('whole archive', seconds, 5, 's', (v) => v.toFixed(2))],
        checkedEqual: null,
        notes: [
          `rows read ${count(report!.rowsRead)}, stored ${count(report!.rowsStored)}, warnings ${report!.warnings.length}; ` +
            `the same files again (nothing changes): ${(again.ms / 1000).toFixed(3)} s`,
        ],
      });
      step(`dataset import from the ${label}: ${seconds.toFixed(2)} s (csv-parse ${(base.p50 / 1000).toFixed(3)} s)`);
    }
    return figures;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
