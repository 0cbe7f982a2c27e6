/**
 * Writ as a user runs it: `writ serve` with the embedded PostgreSQL in a data directory. Data
 * survives a clean restart and a SIGKILL (which leaves the database server orphaned), demo data
 * is seeded only once, and a bad setting stops start-up with a message naming it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeLoopbackPort as freePort } from '../../src/loopback.js';

let dataDir: string;
let port: number;
const running: ChildProcess[] = [];

function start(env: Record<string, string> = {}): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn('node', ['bin/writ.js', 'serve'], {
    env: { ...process.env, WRIT_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForHealth(output: () => string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no healthy server within ${timeoutMs} ms:\n${output()}`);
}

const api = (p: string, init?: RequestInit) => fetch(`http://127.0.0.1:${port}${p}`, init);

async function signIn(): Promise<Record<string, string>> {
  const res = await api('/api/v1/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'reviewer@writ.example', password: 'writ-demo' }),
  });
  expect(res.status).toBe(200);
  return { authorization: `Bearer ${((await res.json()) as { token: string }).token}`, 'content-type': 'application/json' };
}

async function requestCount(headers: Record<string, string>): Promise<number> {
  return ((await (await api('/api/v1/requests?limit=1', { headers })).json()) as { total: number }).total;
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'writ-durability-'));
  await fs.chmod(dataDir, 0o755);
  port = await freePort();
});

afterAll(async () => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  const pid = Number((await fs.readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0]);
  if (pid) process.kill(pid, 'SIGINT');
  await new Promise((r) => setTimeout(r, 500));
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('writ serve with the embedded database', () => {
  it('seeds demo data once and keeps every acknowledged write across a restart and a SIGKILL', async () => {
    const first = start();
    await waitForHealth(first.output);
    expect(first.output()).toContain(`http://localhost:${port}`);
    expect(first.output()).toContain('reviewer@writ.example');
    let headers = await signIn();
    const seeded = await requestCount(headers);
    expect(seeded).toBeGreaterThan(5);

    const authorities = (await (await api('/api/v1/authorities?country=KZ', { headers })).json()) as {
      authorities: { id: string }[];
    };
    const created = await api('/api/v1/requests', {
      method: 'POST',
      headers,
      body: JSON.stringify({
        kind: 'preservation',
        authorityId: authorities.authorities[0]!.id,
        authorityTimeZone: 'Asia/Almaty',
        legalBasis: 'durability check',
        channel: 'api',
        dataRequest: {
          legalProcess: 'preservation_request',
          accounts: [{ identifierKind: 'username', identifier: 'durable' }],
        },
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    // A clean stop, then a start: same data, no second seeding.
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    const second = start();
    await waitForHealth(second.output);
    headers = await signIn();
    expect(await requestCount(headers)).toBe(seeded + 1);

    // SIGKILL: Writ gets no chance to stop its database server, which is left running.
    second.child.kill('SIGKILL');
    await second.exited;
    const orphan = Number((await fs.readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    expect(() => process.kill(orphan, 0)).not.toThrow();
    const third = start();
    await waitForHealth(third.output);
    headers = await signIn();
    expect(await requestCount(headers)).toBe(seeded + 1);
    const read = await api(`/api/v1/requests/${id}`, { headers });
    expect(((await read.json()) as { legalBasis: string }).legalBasis).toBe('durability check');
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  }, 180_000);

  it('starts after a crash left a stale pid file behind', async () => {
    const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
    await fs.writeFile(pidFile, '999999\n/nowhere\n0\n5432\n');
    const run = start();
    await waitForHealth(run.output);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  }, 120_000);

  it.skipIf(process.getuid?.() !== 0)(
    'keeps the database files elsewhere, and says where, when the postgres user cannot reach the data directory',
    async () => {
      const home = await fs.mkdtemp(path.join(os.tmpdir(), 'writ-private-'));
      await fs.chmod(home, 0o700); // like /root: only root may enter
      const run = start({ WRIT_DATA_DIR: path.join(home, 'data') });
      try {
        await waitForHealth(run.output);
        const location = (await fs.readFile(path.join(home, 'data', 'pg-location'), 'utf8')).trim();
        expect(location).toMatch(/^\/var\/lib\/writ\/[0-9a-f]{16}\/pg$/);
        expect(existsSync(path.join(location, 'PG_VERSION'))).toBe(true);
        run.child.kill('SIGTERM');
        expect(await run.exited).toBe(0);
        await fs.rm(path.dirname(location), { recursive: true, force: true });
      } finally {
        if (run.child.exitCode === null) run.child.kill('SIGKILL');
        await fs.rm(home, { recursive: true, force: true });
      }
    },
    120_000,
  );

  it('refuses to start with an invalid setting, naming it', async () => {
    const run = start({ PORT: 'eighty' });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/PORT: must be a port number/);
  }, 30_000);
});
