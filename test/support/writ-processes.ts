/**
 * `writ serve` as child processes against a database of the test project's server, for tests of
 * several Writ processes at once (test/integration/two-processes.test.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { dropDatabase } from './database.js';

export { freeLoopbackPort as freePort } from '../../src/loopback.js';

/** A database with nothing in it (not the migrated template): whoever connects first migrates it. */
export async function createEmptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const target = inject('databaseTargets')[inject('databaseTarget')];
  if (!target) throw new Error(`no test database target ${inject('databaseTarget')}`);
  const name = `writ_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: target.adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(target.adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => dropDatabase(target.adminUrl, name) };
}

/** An HTTP answer, or `failed` with the error as body when there was none (refused, dropped, timed out). */
export type Answer = { status: number | 'failed'; body: unknown };

export type WritProcess = {
  name: string;
  port: number;
  /** Everything the process printed so far. */
  output(): string;
  /** One HTTP call; a dropped connection or a timeout is an answer too. */
  call(urlPath: string, init?: { method?: string; headers?: Record<string, string>; body?: unknown }): Promise<Answer>;
  /** Resolves once /readyz answers 200; rejects if the process exits first or it takes longer than timeoutMs. */
  ready(timeoutMs: number): Promise<void>;
  exitCode(): number | null;
  /** SIGTERM, then SIGKILL if it has not exited within a few seconds. */
  stop(): Promise<void>;
};

/** Starts `node bin/writ.js serve` on a port of its own, with `env` on top of this process's environment. */
export function startWrit(name: string, port: number, env: Record<string, string>): WritProcess {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `writ-${name}-`));
  const child: ChildProcess = spawn('node', ['bin/writ.js', 'serve'], {
    env: { ...process.env, WRIT_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Should the test runner itself go away, the server must not outlive it.
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  const running = () => child.exitCode === null && child.signalCode === null;

  const call: WritProcess['call'] = async (urlPath, init = {}) => {
    try {
      const res = await fetch(`http://127.0.0.1:${port}${urlPath}`, {
        method: init.method ?? 'GET',
        headers: { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: AbortSignal.timeout(20_000),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {}
      return { status: res.status, body };
    } catch (error) {
      return { status: 'failed', body: String(error) };
    }
  };

  return {
    name,
    port,
    output: () => output,
    call,
    exitCode: () => child.exitCode,
    async ready(timeoutMs) {
      const end = Date.now() + timeoutMs;
      while (Date.now() < end) {
        if (!running()) throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output}`);
        if ((await call('/readyz')).status === 200) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`${name} was not ready within ${timeoutMs} ms:\n${output}`);
    },
    async stop() {
      if (running()) {
        child.kill('SIGTERM');
        const late = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(late);
      }
      process.removeListener('exit', orphanGuard);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
