/**
 * Writ's connection pool and the supervisor against an embedded PostgreSQL of this file's own,
 * which it stops (SIGSTOP) and kills: failures are classified as "unavailable", nothing waits
 * forever, no connection leaks, a transaction cut off by a timeout is rolled back (never
 * committed by the next user of its connection), and a killed server is started again.
 */
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../src/db/availability.js';
import { connect } from '../../src/db/connection.js';
import { type EmbeddedServer, startEmbeddedServer } from '../../src/db/embedded-server.js';
import { superviseServer } from '../../src/db/supervisor.js';
import { postmaster, signalServer } from '../support/postgres-processes.js';

let dataDir: string;
let server: EmbeddedServer;

/** The error a promise rejects with (or a failure if it resolves). */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a failure'),
    (error: unknown) => error,
  );
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} did not happen within ${timeoutMs} ms`);
}

/** Gone, or a zombie: either way no longer serving its connection. */
async function hasEnded(pid: number): Promise<boolean> {
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  return stat === '' || stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
}

async function unusedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'writ-stalls-'));
  await fs.chmod(dataDir, 0o755);
  server = await startEmbeddedServer(dataDir, () => undefined, { persistent: false });
}, 120_000);

afterAll(async () => {
  const running = await postmaster(dataDir).catch(() => undefined);
  if (running) await signalServer(running.pid, 'SIGCONT').catch(() => undefined);
  await server.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('the connection pool', () => {
  it('calls refused connections, cut connections and statement timeouts unavailable, and nothing else', async () => {
    const { db, pool } = connect(server.url('postgres'), 2, { connectMs: 2_000, statementMs: 300 });
    const other = connect(server.url('postgres'), 1);
    try {
      expect(isDatabaseUnavailable(await failure(pool.query('SELECT pg_sleep(3)')))).toBe(true); // 57014
      expect(isDatabaseUnavailable(await failure(db.execute(sql`SELECT pg_sleep(3)`)))).toBe(true); // wrapped by Drizzle
      const client = await pool.connect();
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await other.pool.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
      expect(isDatabaseUnavailable(await failure(client.query('SELECT 1')))).toBe(true); // 57P01, then cut
      client.release();

      expect(isDatabaseUnavailable(await failure(pool.query('SELEKT 1')))).toBe(false);
      expect(isDatabaseUnavailable(await failure(db.execute(sql`SELECT 1/0`)))).toBe(false);
      expect(isDatabaseUnavailable(new Error('something else'))).toBe(false);
    } finally {
      await pool.end();
      await other.pool.end();
    }
    const closed = new URL(server.url('postgres'));
    closed.port = String(await unusedPort());
    const nowhere = connect(closed.toString(), 1, { connectMs: 2_000, statementMs: 300 });
    expect(isDatabaseUnavailable(await failure(nowhere.pool.query('SELECT 1')))).toBe(true); // ECONNREFUSED
    await nowhere.pool.end();
  });

  it('gives up on a stopped server, loses no connection, and rolls back what the timeout cut off', async () => {
    // One connection, so that a leaked or reused connection shows.
    const { db, pool } = connect(server.url('postgres'), 1, { connectMs: 1_000, statementMs: 500 });
    const { pid } = await postmaster(dataDir);
    let ended = false;
    try {
      await db.execute(sql`CREATE TABLE stall_marks (mark text)`);

      // BEGIN on a pooled connection gets no answer: the transaction fails and its connection is not lost.
      await db.execute(sql`SELECT 1`);
      let stopped = await signalServer(pid, 'SIGSTOP');
      const begun = await failure(db.transaction(async (tx) => tx.execute(sql`INSERT INTO stall_marks VALUES ('begin')`)));
      expect(isDatabaseUnavailable(begun)).toBe(true);
      // A new connection is not answered either.
      expect(isDatabaseUnavailable(await failure(db.execute(sql`SELECT 1`)))).toBe(true);
      for (const p of stopped) process.kill(p, 'SIGCONT');
      await db.execute(sql`SELECT 1`); // the pool's one connection is free again

      // A statement half-way through a transaction gets no answer.
      const cut = await failure(
        db.transaction(async (tx) => {
          await tx.execute(sql`INSERT INTO stall_marks VALUES ('cut off')`);
          stopped = await signalServer(pid, 'SIGSTOP');
          await tx.execute(sql`SELECT 1`);
        }),
      );
      expect(isDatabaseUnavailable(cut)).toBe(true);
      for (const p of stopped) process.kill(p, 'SIGCONT');
      await db.transaction(async (tx) => tx.execute(sql`INSERT INTO stall_marks VALUES ('next')`));
      const marks = await db.execute<{ mark: string }>(sql`SELECT mark FROM stall_marks ORDER BY mark`);
      expect(marks.rows.map((r) => r.mark)).toEqual(['next']);
      await db.execute(sql`DROP TABLE stall_marks`);

      // Ending the pool waits for every checked-out connection: none may be left behind.
      const hung = new Promise((r) => setTimeout(() => r('a connection is still checked out'), 10_000).unref());
      expect(await Promise.race([pool.end().then(() => 'ended'), hung])).toBe('ended');
      ended = true;
    } finally {
      if (!ended) void pool.end().catch(() => undefined);
    }
  });
});

describe('the supervisor', () => {
  it('starts a killed server again (a transaction it cut off fails), and leaves a cleanly stopped one alone', async () => {
    const messages: string[] = [];
    const supervisor = superviseServer(server.process!, (m) => messages.push(m), {
      firstMs: 100,
      maxMs: 1_000,
      healthyAfterMs: 60_000,
    });
    const { db, pool } = connect(server.url('postgres'), 2, { connectMs: 1_000, statementMs: 2_000 });
    try {
      const killed = await postmaster(dataDir);
      const cut = await failure(
        db.transaction(async (tx) => {
          const backend = (await tx.execute<{ pid: number }>(sql`SELECT pg_backend_pid() AS pid`)).rows[0]!.pid;
          process.kill(killed.pid, 'SIGKILL');
          await until('the backend noticing', () => hasEnded(backend));
          await tx.execute(sql`SELECT 1`);
        }),
      );
      expect(isDatabaseUnavailable(cut)).toBe(true);
      await until('the server answering again', async () => (await pool.query('SELECT 1')).rowCount === 1);
      const restarted = await postmaster(dataDir);
      expect(restarted.pid).not.toBe(killed.pid);
      expect(restarted.port).toBe(killed.port);
      expect(messages).toEqual([
        expect.stringMatching(new RegExp(`process ${killed.pid}\\) was killed \\(SIGKILL\\); starting it again`)),
        'PostgreSQL is running again',
      ]);

      process.kill(restarted.pid, 'SIGINT'); // a deliberate (fast) shutdown: exit code 0
      await until('the clean shutdown being noticed', async () => messages.length === 3);
      expect(messages[2]).toMatch(/shut down cleanly from outside Writ; it stays stopped/);
    } finally {
      await supervisor.stop();
      await pool.end();
    }
    // Started again by the next Writ, as after any stop.
    server = await startEmbeddedServer(dataDir, () => undefined, { persistent: false });
  });
});
