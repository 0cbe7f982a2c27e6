/**
 * `writ import orders FILE.ndjson` (issue 9, item 3), as a process against a real database: every
 * line checked first (nothing written if one is bad, the bad lines named), then the orders written
 * in batches keyed by the file's hash, so that running it again, after it finished or after it was
 * killed, creates nothing twice.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authoritiesRepository } from '../../src/db/authorities-repository.js';
import { reportScans } from '../../src/db/report-scan.js';
import { reportsRepository } from '../../src/db/reports-repository.js';
import { newRequestBody } from '../support/app.js';
import { createTestDatabase, rowCounts, type TestDatabase } from '../support/database.js';
import { scratchDirectory } from '../support/scratch.js';

let database: TestDatabase;
let env: NodeJS.ProcessEnv;
let kz: string;

beforeAll(async () => {
  database = await createTestDatabase();
  env = { ...process.env, DATABASE_URL: database.url };
  kz = (await authoritiesRepository(database.db).create({ country: 'KZ', name: 'Ministry', kind: 'court', timeZone: null })).id;
});
afterAll(async () => database?.close());

const run = (args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile('node', ['bin/writ.js', ...args], { env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });

/** Order `i` of a history: one item, but every 100th has 250, so that batches end on items as well as on orders. */
const order = (i: number) => ({
  ...newRequestBody(kz, {
    receivedAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
    items: Array.from({ length: i % 100 === 0 ? 250 : 1 }, (_, n) => ({
      targetKind: 'url',
      target: `https://video.example/watch/${i}/${n}`,
      product: n % 2 ? 'Video' : 'Comments',
    })),
  }),
  authorityReference: `H-${i}`,
});

function ndjson(dir: string, name: string, lines: string[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const count = async (table: string) =>
  Number((await database.pool.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n as string);

describe('writ import orders', () => {
  it('imports every line in batches, in the file order, and a second run creates nothing', async () => {
    const orders = Array.from({ length: 1200 }, (_, i) => order(i));
    const lines = orders.map((o) => JSON.stringify(o));
    lines.splice(600, 0, ''); // a blank line is skipped, and still counted as a line
    const file = ndjson(scratchDirectory('writ-import-'), 'history.ndjson', lines);
    const items = orders.reduce((n, o) => n + o.items.length, 0);

    const first = await run(['import', 'orders', file, '--format', 'json']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).not.toContain('|'); // no progress bar when standard error is not a terminal
    const summary = JSON.parse(first.stdout);
    // 1,200 orders, 12 of them of 250 items: batches close at 1,000 items, so every 4 of those (or sooner).
    expect(summary).toMatchObject({ orders: 1200, items, chunksReplayed: 0, requestsCreated: 1200 });
    expect(summary.chunks).toBeGreaterThan(3);
    expect(summary.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await count('requests')).toBe(1200);
    expect(await count('items')).toBe(items);
    expect(await count(`events WHERE type = 'request_received'`)).toBe(1200);
    expect(await count('intake_batches')).toBe(summary.chunks);
    // References ascend in the file's order.
    const { rows } = await database.pool.query<{ authority_reference: string }>(
      'SELECT authority_reference FROM requests ORDER BY reference',
    );
    expect(rows.map((r) => r.authority_reference)).toEqual(orders.map((o) => o.authorityReference));
    // Every batch holds at most 1,000 items.
    const { rows: batches } = await database.pool.query<{ items: number }>(`
      SELECT (SELECT count(*)::int FROM items WHERE request_id IN (SELECT (r->>'id')::uuid FROM jsonb_array_elements(answer->'requests') r)) AS items
      FROM intake_batches`);
    for (const b of batches) expect(b.items).toBeLessThanOrEqual(1000);

    const rollups = reportsRepository(database.db);
    const scans = reportScans(database.db);
    expect(await rollups.countryPeriod('KZ', { year: 2025, half: 1 })).toEqual(
      await scans.countryPeriod('KZ', { year: 2025, half: 1 }),
    );
    expect(await rollups.platformCounts()).toEqual(await scans.platformCounts());

    const before = await rowCounts(database.pool);
    const again = await run(['import', 'orders', file]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/requests created\s*│\s*0\b/);
    expect(again.stdout).toMatch(new RegExp(`replayed\\)\\s*│\\s*${summary.chunks}\\b`));
    expect(await rowCounts(database.pool)).toEqual(before);
  }, 120_000);

  it('run again after it was killed part way, creates the rest and nothing twice', async () => {
    const orders = Array.from({ length: 6000 }, (_, i) => order(100_000 + i * 100 + 1));
    const file = ndjson(
      scratchDirectory('writ-import-'),
      'killed.ndjson',
      orders.map((o) => JSON.stringify(o)),
    );
    const requestsBefore = await count('requests');
    const batchesBefore = await count('intake_batches');
    const child: ChildProcess = spawn('node', ['bin/writ.js', 'import', 'orders', file], { env, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Killed once the first batch is in.
    while (child.exitCode === null && (await count('intake_batches')) === batchesBefore)
      await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    await exited;
    const createdBeforeKill = (await count('requests')) - requestsBefore;
    const batchesBeforeKill = (await count('intake_batches')) - batchesBefore;

    const rerun = await run(['import', 'orders', file, '--format', 'json']);
    expect(rerun.code, rerun.stderr).toBe(0);
    const summary = JSON.parse(rerun.stdout);
    expect(summary).toMatchObject({
      orders: 6000,
      chunks: 6,
      chunksReplayed: batchesBeforeKill,
      requestsCreated: 6000 - createdBeforeKill,
    });
    expect(await count('requests')).toBe(requestsBefore + 6000);
    expect(await count('intake_batches')).toBe(batchesBefore + 6);
    const { rows } = await database.pool.query<{ n: number }>(
      `SELECT count(DISTINCT authority_reference)::int AS n FROM requests WHERE authority_reference = ANY($1)`,
      [orders.map((o) => o.authorityReference)],
    );
    expect(rows[0]!.n).toBe(6000);
  }, 120_000);

  it('writes nothing when a line is bad, and names every bad line', async () => {
    const good = (i: number) => JSON.stringify(order(200_000 + i));
    const lines = [
      good(1),
      good(2),
      '{"kind": "content_removal", ', // line 3: not JSON
      good(4),
      JSON.stringify({ ...order(5), items: [{ targetKind: 'url', target: 'not a url', product: 'Video' }] }), // line 5
      good(6),
      JSON.stringify({ ...order(7), receivedAt: new Date(Date.now() + 86_400_000).toISOString() }), // line 7
      JSON.stringify({ ...order(8), authorityId: '00000000-0000-4000-8000-000000000000' }), // line 8
      JSON.stringify({ ...order(9), regime: 'kz-2022-child-cyberbullying', category: 'no such category' }), // line 9
      good(10),
    ];
    const file = ndjson(scratchDirectory('writ-import-'), 'bad.ndjson', lines);
    const before = await rowCounts(database.pool);
    const r = await run(['import', 'orders', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('5 bad lines; nothing was imported');
    expect(r.stderr).toMatch(/line 3: not JSON/);
    expect(r.stderr).toContain('line 5: items[0].target: must be an absolute http(s) URL');
    expect(r.stderr).toContain('line 7: receivedAt: receivedAt is in the future');
    expect(r.stderr).toContain('line 8: authorityId: authority 00000000-0000-4000-8000-000000000000 does not exist');
    expect(r.stderr).toContain('line 9: category:');
    expect(r.stderr).not.toMatch(/line (1|2|4|6|10):/);
    expect(await rowCounts(database.pool)).toEqual(before);
  }, 60_000);
});
