/**
 * `npm run bench`: how long importing Google's whole government-removals archive takes, as an
 * absolute time and as a ratio to a baseline measured in the same run on the same machine — a plain
 * csv-parse pass over the same four CSV files (read from disk, parsed to arrays, nothing else).
 * The ratio says what Writ's own work (checking every cell, cross-checking the files, storing in
 * one transaction) costs beyond just reading the files, independently of how fast the machine is.
 *
 * Runs against DATABASE_URL when it is set (in a scratch database it creates and drops), otherwise
 * against an embedded PostgreSQL in a temporary directory. Reads ../shared/data/google-removals-2024-09.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { type ImportReport, importDataset } from '../src/datasets/import-dataset.js';
import { applyMigrations, connect } from '../src/db/connection.js';
import { datasetsRepository } from '../src/db/datasets-repository.js';
import { startEmbeddedServer } from '../src/db/embedded-server.js';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const archiveDir = path.resolve(repoRoot, '../shared/data/google-removals-2024-09');
const csvFiles = [
  'google-government-detailed-removal-requests.csv',
  'google-government-removal-requests.csv',
  'historical/google-government-detailed-removal-requests-historical.csv',
  'historical/google-government-removal-requests-historical.csv',
].map((f) => path.join(archiveDir, 'google-government-removals', f));
const runs = 5;

const seconds = (ms: number) => (ms / 1000).toFixed(3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

/** The baseline: read the four files and parse them with csv-parse, nothing more. */
async function plainCsvPass(): Promise<number> {
  let records = 0;
  for (const file of csvFiles) records += parse(await readFile(file)).length;
  return records;
}

async function main() {
  if (!existsSync(archiveDir)) {
    console.error(`bench: ${archiveDir} is absent; it needs the shared data beside the repository`);
    process.exit(1);
  }
  const config = loadConfig();
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'writ-bench-'));
  // Its own directory, not inside `scratch` (mode 700): as root the server runs as the postgres user.
  const pgDir = path.join(os.tmpdir(), `writ-bench-pg-${randomBytes(4).toString('hex')}`);
  const server = config.databaseUrl ? undefined : await startEmbeddedServer(pgDir, () => undefined, { persistent: false });
  const adminUrl = config.databaseUrl ?? server!.url('postgres');
  const name = `writ_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const { db, pool } = connect(url.toString(), 2);
  try {
    await applyMigrations(pool);
    const repository = datasetsRepository(db);
    const clear = () =>
      db.execute(sql`TRUNCATE dataset_coverage, google_removals_by_product, google_removals_by_requester, google_removals_summary,
                     google_removals_json_rows, meta_data_requests, dataset_imports`);

    // The zip as Google ships it, when the system `zip` is there; otherwise the extracted folder.
    const zip = path.join(scratch, 'google-government-removals.zip');
    const zipped = await promisify(execFile)('zip', ['-q', '-r', '-X', zip, 'google-government-removals'], {
      cwd: archiveDir,
    }).then(
      () => true,
      () => false,
    );
    const targets: [string, string][] = [['folder', archiveDir]];
    if (zipped) targets.unshift(['zip', zip]);

    await plainCsvPass(); // warm-up: file cache and JIT, for the baseline and the imports alike
    const baseline: number[] = [];
    let records = 0;
    for (let i = 0; i < runs; i++) {
      const { ms, result } = await timed(plainCsvPass);
      baseline.push(ms);
      records = result;
    }
    const base = median(baseline);

    console.log(
      `Google government-removals archive (2024-09 vintage, ${records.toLocaleString('en-US')} CSV rows), ${runs} runs each, medians`,
    );
    console.log(`  baseline, plain csv-parse pass over the 4 CSV files:  ${seconds(base)} s`);
    let verdict = true;
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
      const t = median(times);
      verdict &&= t < 5000;
      console.log(
        `  import from the ${label.padEnd(6)} ${seconds(t)} s = ${(t / base).toFixed(1)} × baseline` +
          `  (rows read ${report!.rowsRead.toLocaleString('en-US')}, stored ${report!.rowsStored.toLocaleString('en-US')}, warnings ${report!.warnings.length})`,
      );
      console.log(`  same files again (nothing changes): ${seconds(again.ms)} s`);
    }
    console.log(`  target, whole archive under 5 s: ${verdict ? 'met' : 'NOT met'}`);
    console.log(
      `  machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${config.databaseUrl ? 'DATABASE_URL' : 'embedded PostgreSQL'}`,
    );
  } finally {
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    await server?.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}

await main();
