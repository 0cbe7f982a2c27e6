/**
 * What `writ serve` prints: the banner and one short line per request, not JSON mixed with the
 * banner; JSON lines go to WRIT_LOG_FILE when it is set (and to the terminal with WRIT_LOG_FORMAT=json).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { freeLoopbackPort as freePort } from '../../src/loopback.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
});

/** Starts `writ serve`, calls /healthz once it is up, stops it, and returns what it printed. */
async function serveOnce(env: Record<string, string>): Promise<{ stdout: string; dataDir: string }> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'writ-logs-'));
  dirs.push(dataDir);
  await fs.chmod(dataDir, 0o755);
  const port = await freePort();
  const writ = spawn('node', ['bin/writ.js', 'serve'], {
    env: { ...process.env, ...env, WRIT_DATA_DIR: dataDir, PORT: String(port), WRIT_SEED_DEMO: 'false', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  writ.stdout!.on('data', (c) => (stdout += c));
  const exited = new Promise((resolve) => writ.once('exit', resolve));
  const until = Date.now() + 120_000;
  while (!/Writ is running/.test(stdout) && Date.now() < until && writ.exitCode === null)
    await new Promise((r) => setTimeout(r, 50));
  expect(stdout).toMatch(/Writ is running/);
  expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
  await new Promise((r) => setTimeout(r, 200));
  writ.kill('SIGTERM');
  await exited;
  return { stdout, dataDir };
}

it('prints the banner and one short line per request, no JSON', { timeout: 150_000 }, async () => {
  const { stdout } = await serveOnce({ LOG_LEVEL: 'info' });
  expect(stdout).toMatch(/^\d\d:\d\d:\d\d GET \/healthz 200 \d+ ms$/m);
  expect(stdout.split('\n').filter((line) => line.trimStart().startsWith('{'))).toEqual([]);
});

it('writes JSON lines to WRIT_LOG_FILE instead, and keeps the terminal to the banner', { timeout: 150_000 }, async () => {
  const file = path.join(os.tmpdir(), `writ-log-${process.pid}-${Date.now()}.jsonl`);
  dirs.push(file);
  const { stdout } = await serveOnce({ LOG_LEVEL: 'info', WRIT_LOG_FILE: file });
  expect(stdout).not.toMatch(/GET \/healthz/);
  const entries = (await fs.readFile(file, 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  expect(entries).toContainEqual(expect.objectContaining({ method: 'GET', url: '/healthz', statusCode: 200, msg: 'request' }));
});
