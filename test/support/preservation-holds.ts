/**
 * For the preservation job's server tests: a PostgreSQL of their own (embedded), `writ serve`
 * processes on it, and preservation holds made through Writ's own use cases under a clock set in
 * the past, so that a hold's expiry falls at a chosen real instant (a server process keeps real time).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hash } from '@node-rs/argon2';
import pg from 'pg';
import { decideAccount } from '../../src/app/account-decisions.js';
import { createWrit } from '../../src/app/context.js';
import { orderFromBody } from '../../src/app/intake.js';
import { receiveOrder } from '../../src/app/requests.js';
import { loadConfig } from '../../src/config.js';
import { authoritiesRepository } from '../../src/db/authorities-repository.js';
import { connect, type Db } from '../../src/db/connection.js';
import { type EmbeddedServer, startEmbeddedServer } from '../../src/db/embedded-server.js';
import { usersRepository } from '../../src/db/users-repository.js';
import { dataRequestBody } from './app.js';
import { freePort, startWrit, type WritProcess } from './writ-processes.js';

const DAY = 86_400_000;

export type HoldsDatabase = { url: string; db: Db; pool: pg.Pool; stop(): Promise<void> };

export async function startHoldsDatabase(name: string): Promise<HoldsDatabase & { server: EmbeddedServer }> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `writ-${name}-pg-`));
  const server = await startEmbeddedServer(dataDir, () => undefined, { persistent: false });
  const admin = new pg.Client({ connectionString: server.url('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = server.url(name);
  const { db, pool } = connect(url, 3);
  return {
    url,
    db,
    pool,
    server,
    async stop() {
      await pool.end();
      await server.stop();
    },
  };
}

/** `writ serve` on the database: no demo data, no SMTP, the jobs sweeping every second. */
export async function serveWrit(name: string, url: string): Promise<WritProcess> {
  const writ = startWrit(name, await freePort(), {
    DATABASE_URL: url,
    WRIT_SEED_DEMO: 'false',
    WRIT_JOBS_SWEEP_SECONDS: '1',
    WRIT_JOBS_RETRY_SECONDS: '1',
    WRIT_JOBS_LEASE_SECONDS: '5',
    WRIT_JOBS_MAINTENANCE_SECONDS: '1',
  });
  await writ.ready(60_000);
  return writ;
}

let made = 0;

/**
 * A preservation order with `accounts` accounts, each decided `all` at `expiresAt` minus the
 * preservation period, so that every hold expires at `expiresAt`. Returns the order's id.
 */
export async function holdsExpiringAt(db: Db, expiresAt: Date, accounts: number): Promise<string> {
  made += 1;
  const config = loadConfig({ WRIT_DATA_DIR: '/nonexistent' });
  const decidedAt = new Date(expiresAt.getTime() - config.dataRequests.preservationDays * DAY);
  const writ = createWrit(db, config, { now: () => decidedAt });
  const authority = await authoritiesRepository(db).create({
    country: 'KZ',
    name: `Department of Police ${made}`,
    kind: 'police',
    timeZone: null,
  });
  const reviewer = await usersRepository(db).create({
    email: `reviewer${made}@platform.example`,
    name: 'Ana Reviewer',
    passwordHash: await hash('correct horse battery'),
  });
  const body = dataRequestBody(authority.id, {
    kind: 'preservation',
    receivedAt: new Date(decidedAt.getTime() - 3_600_000).toISOString(),
    dataRequest: {
      accounts: Array.from({ length: accounts }, (_, i) => ({ identifierKind: 'username', identifier: `held_${made}_${i}` })),
    },
  });
  const { request } = await receiveOrder(writ, orderFromBody(body as Parameters<typeof orderFromBody>[0]), reviewer);
  for (const account of request.dataRequest!.accounts)
    await decideAccount(
      writ,
      { requestId: request.id, accountId: account.id },
      {
        extent: 'all',
        producedCategories: [],
        refusalReason: null,
        legalBasis: 'Criminal Procedure Code',
        rationale: 'preserved',
      },
      reviewer,
    );
  return request.id;
}

/** How many events of `type` each of the order's holds has, by account. */
export async function eventCounts(pool: pg.Pool, requestId: string, type: string): Promise<number[]> {
  const { rows } = await pool.query(
    `SELECT a.id, count(e.id)::int AS n FROM data_accounts a
       LEFT JOIN events e ON e.request_id = a.request_id AND e.type = $2 AND e.after->>'accountId' = a.id::text
      WHERE a.request_id = $1 GROUP BY a.id, a.position ORDER BY a.position`,
    [requestId, type],
  );
  return rows.map((r) => r.n);
}
