/**
 * Outages of the embedded PostgreSQL under a write load, with `writ serve` as a user runs it. While
 * the database is killed or stopped, every call answers 503 problem+json with Retry-After (never a
 * 500, never a hang), /readyz says so and /healthz does not; Writ restarts a killed server itself
 * and recovers from a stopped one, without being restarted; no acknowledged order is lost, none is
 * stored twice.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeLoopbackPort as freePort } from '../../src/loopback.js';
import { postmaster as postmasterOf, serverProcesses } from '../support/postgres-processes.js';

// Generous: a call that takes longer has hung. Writ's own database timeouts are a few seconds.
const clientTimeoutMs = 30_000;

let dataDir: string;
let port: number;
let writ: ChildProcess;
let output = '';
const postmaster = () => postmasterOf(dataDir);

type Answer = { status: number; type: string; retryAfter: string | null; body: unknown } | { failed: string };

/** One HTTP call that never waits longer than clientTimeoutMs; a hang or a dropped connection is an answer too. */
async function call(p: string, init: RequestInit = {}): Promise<Answer> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}${p}`, { ...init, signal: AbortSignal.timeout(clientTimeoutMs) });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {}
    return { status: res.status, type: res.headers.get('content-type') ?? '', retryAfter: res.headers.get('retry-after'), body };
  } catch (error) {
    return { failed: String(error) };
  }
}

const statusOf = (a: Answer) => ('status' in a ? a.status : undefined);

/** The answer Writ must give while its database is unavailable. */
function expectUnavailable(a: Answer, what: string) {
  expect(a, what).toMatchObject({
    status: 503,
    type: expect.stringContaining('application/problem+json'),
    retryAfter: expect.stringMatching(/^\d+$/),
    body: { code: 'unavailable', status: 503 },
  });
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 90_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${what} did not happen within ${timeoutMs} ms. The end of Writ's output:\n${output.slice(-4000)}`);
}

/** Posts orders, each with its own authority reference, until stopped; records every answer. */
function writeLoad(headers: Record<string, string>, authorityId: string, workers = 4) {
  let next = 0;
  let running = true;
  const answers: { reference: string; answer: Answer }[] = [];
  const worker = async () => {
    while (running) {
      const reference = `outage-${next++}`;
      const answer = await call('/api/v1/requests', {
        method: 'POST',
        headers,
        body: JSON.stringify({
          kind: 'content_removal',
          authorityId,
          authorityTimeZone: 'Asia/Almaty',
          legalBasis: 'outage test',
          channel: 'api',
          authorityReference: reference,
          items: [{ targetKind: 'url', target: `https://example.org/${reference}`, product: 'Video' }],
        }),
      });
      answers.push({ reference, answer });
      if (statusOf(answer) !== 201) await new Promise((r) => setTimeout(r, 50)); // no busy loop while refused
    }
  };
  const done = Promise.all(Array.from({ length: workers }, worker));
  return {
    answers,
    acknowledged: () => answers.filter((a) => statusOf(a.answer) === 201).length,
    async stop() {
      running = false;
      await done;
    },
  };
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'writ-outage-'));
  await fs.chmod(dataDir, 0o755);
  port = await freePort();
  writ = spawn('node', ['bin/writ.js', 'serve'], {
    env: { ...process.env, WRIT_DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  writ.stdout!.on('data', (c) => (output += c));
  writ.stderr!.on('data', (c) => (output += c));
  await until('Writ becoming ready', async () => statusOf(await call('/readyz')) === 200, 120_000);
}, 150_000);

afterAll(async () => {
  const server = await postmaster().catch(() => undefined);
  const signal = (pid: number, name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch {} // already gone
  };
  if (server) for (const pid of await serverProcesses(server.pid)) signal(pid, 'SIGCONT');
  if (writ.exitCode === null) writ.kill('SIGKILL');
  if (server) signal(server.pid, 'SIGINT');
  await new Promise((r) => setTimeout(r, 500));
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('writ serve when its database dies or stalls', () => {
  it('answers 503 with Retry-After, restarts or waits out the server, and keeps every acknowledged order once', async () => {
    const signIn = await call('/api/v1/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'reviewer@writ.example', password: 'writ-demo' }),
    });
    const token = (signIn as { body: { token: string } }).body.token;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const authorities = (await call('/api/v1/authorities?country=KZ', { headers })) as {
      body: { authorities: { id: string }[] };
    };
    const load = writeLoad(headers, authorities.body.authorities[0]!.id);
    const probes: Answer[] = [];
    const expectLive = async () => {
      const live = await call('/healthz');
      expect(live).toMatchObject({ status: 200, body: { status: 'ok' } });
    };

    // Killed: the postmaster dies at once (its backends follow); Writ must start it again.
    await until('the first acknowledged orders', async () => load.acknowledged() >= 20);
    const killed = await postmaster();
    process.kill(killed.pid, 'SIGKILL');
    await until('/readyz answering 503', async () => {
      const ready = await call('/readyz');
      probes.push(ready);
      return statusOf(ready) === 503;
    });
    expectUnavailable(probes.at(-1)!, '/readyz while the server is dead');
    await expectLive();
    await until('/readyz answering 200 again', async () => statusOf(await call('/readyz')) === 200);
    const restarted = await postmaster();
    expect(restarted.pid).not.toBe(killed.pid);
    expect(restarted.port).toBe(killed.port);
    expect(writ.exitCode).toBeNull();
    expect(output).toMatch(/PostgreSQL is running again/);

    // Stopped: a stall, not a death. Requests get 503 from the timeouts; after SIGCONT all is well.
    const acknowledgedBeforeStall = load.acknowledged();
    const answersBeforeStall = load.answers.length;
    const stalled = await serverProcesses(restarted.pid);
    for (const pid of stalled) process.kill(pid, 'SIGSTOP');
    try {
      const ready = await call('/readyz');
      expectUnavailable(ready, '/readyz while the server is stopped');
      await expectLive();
      await until('a write answered 503 during the stall', async () =>
        load.answers.slice(answersBeforeStall).some((a) => statusOf(a.answer) === 503),
      );
    } finally {
      for (const pid of stalled) process.kill(pid, 'SIGCONT');
    }
    await until('/readyz answering 200 after the stall', async () => statusOf(await call('/readyz')) === 200);
    await until('writes acknowledged after the stall', async () => load.acknowledged() >= acknowledgedBeforeStall + 20);
    expect((await postmaster()).pid).toBe(restarted.pid); // waited out, not restarted
    await load.stop();

    // Every answer was an acknowledgement or a proper 503: never a 500, a dropped connection or a hang.
    const wrong = load.answers.filter(({ answer }) => statusOf(answer) !== 201 && statusOf(answer) !== 503);
    expect(wrong, 'answers other than 201 and 503').toEqual([]);
    for (const { answer } of load.answers.filter((a) => statusOf(a.answer) === 503))
      expectUnavailable(answer, 'a write while the database was unavailable');
    expect(load.answers.filter((a) => statusOf(a.answer) === 503).length).toBeGreaterThan(0);

    // Each acknowledged order is stored exactly once; no order is stored twice.
    const password = (await fs.readFile(path.join(dataDir, 'pg-password'), 'utf8')).trim();
    const client = new pg.Client({ host: '127.0.0.1', port: restarted.port, user: 'postgres', password, database: 'writ' });
    await client.connect();
    const stored = new Map<string, number>();
    try {
      const rows = await client.query<{ reference: string; copies: number }>(
        "SELECT authority_reference AS reference, count(*)::int AS copies FROM requests WHERE authority_reference LIKE 'outage-%' GROUP BY 1",
      );
      for (const row of rows.rows) stored.set(row.reference, row.copies);
      // Writ serves through its own role, which owns nothing (src/db/roles.ts), even after a restart.
      expect(statusOf(await call('/readyz'))).toBe(200);
      const roles = await client.query<{ role: string }>(
        "SELECT DISTINCT usename AS role FROM pg_stat_activity WHERE datname = 'writ' AND backend_type = 'client backend' AND pid <> pg_backend_pid()",
      );
      expect(roles.rows.map((r) => r.role)).toEqual(['writ_app']);
    } finally {
      await client.end();
    }
    const acknowledged = load.answers.filter((a) => statusOf(a.answer) === 201).map((a) => a.reference);
    expect(
      acknowledged.filter((reference) => stored.get(reference) !== 1),
      'acknowledged but not stored once',
    ).toEqual([]);
    expect(
      [...stored].filter(([, copies]) => copies > 1),
      'stored more than once',
    ).toEqual([]);

    // A clean stop still works: nothing is left holding a connection or the supervisor.
    writ.kill('SIGTERM');
    const exit = new Promise((resolve) => writ.once('exit', resolve));
    const hung = new Promise((resolve) => setTimeout(() => resolve('still running after 60 s'), 60_000).unref());
    expect(await Promise.race([exit, hung])).toBe(0);
  }, 300_000);
});
