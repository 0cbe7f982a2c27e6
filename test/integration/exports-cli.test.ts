/**
 * `writ export FORMAT --out PATH [--period YYYY-HN]` as a person runs it: a multi-file format writes
 * its files into the directory PATH (created), a single-file format writes PATH; bad input is
 * refused with exit status 1, the valid formats or the period's shape named, and nothing written.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let database: TestDatabase;
let env: NodeJS.ProcessEnv;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  env = { ...process.env, DATABASE_URL: database.url };
  dir = await mkdtemp(path.join(tmpdir(), 'writ-export-cli-'));
});
afterAll(async () => {
  await database?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const run = (args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile('node', ['bin/writ.js', ...args], { env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });

describe('writ export', () => {
  it('writes a multi-file format into a directory it creates, with Google’s headers', async () => {
    const out = path.join(dir, 'google', 'h1');
    const r = await run(['export', 'google-removals', '--out', out, '--period', '2025-H1']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual([
      'google-government-detailed-removal-requests.csv',
      'google-government-removal-requests.csv',
    ]);
    const written = await readFile(path.join(out, 'google-government-removal-requests.csv'), 'utf8');
    const real = (
      await readFile('/work/shared/data/google-removals-2025-06/google-government-removal-requests.csv', 'utf8')
    ).split('\n')[0];
    expect(written).toBe(`${real}\n`);
  }, 60_000);

  it('writes a single-file format to the path', async () => {
    const out = path.join(dir, 'eu', 'part3.csv');
    const r = await run(['export', 'eu-orders', '--out', out, '--period', '2025-H2']);
    expect(r.code, r.stderr).toBe(0);
    const lines = (await readFile(out, 'utf8')).trimEnd().split('\n');
    // The header and the TOTAL block (no Member State sent an order).
    expect(lines).toHaveLength(1 + 91);
    expect(lines[1]).toBe('All,localhost,2025-07-01/2025-12-31,TOTAL,,TOTAL,0,0,,,0,,,,,,,,,');
    const lumen = path.join(dir, 'lumen.json');
    expect((await run(['export', 'lumen', '--out', lumen])).code).toBe(0);
    expect(JSON.parse(await readFile(lumen, 'utf8'))).toEqual({ notices: [] });
  }, 60_000);

  it('refuses an unknown format, listing the valid ones, and a bad or future period; writes nothing', async () => {
    const out = path.join(dir, 'refused');
    const format = await run(['export', 'tiktok', '--out', out]);
    expect(format.code).toBe(1);
    expect(format.stderr).toContain('must be one of google-removals, meta-data-requests, eu-orders, dsa-sor, lumen');
    const shape = await run(['export', 'google-removals', '--out', out, '--period', '2025-H3']);
    expect(shape.code).toBe(1);
    expect(shape.stderr).toContain('must look like 2021-H1');
    const future = await run(['export', 'eu-orders', '--out', out, '--period', '2999-H1']);
    expect(future.code).toBe(1);
    expect(future.stderr).toContain('must not be after the current half-year');
    const noOut = await run(['export', 'lumen']);
    expect(noOut.code).toBe(1);
    expect(noOut.stderr).toContain('--out');
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
