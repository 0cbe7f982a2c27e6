/**
 * The bench's scratch database: on the server in DATABASE_URL when it is set (a database created
 * for the run and dropped after it), otherwise on an embedded PostgreSQL in a temporary directory
 * (stopped and removed after the run). Migrated by Writ's own migrations.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { applyMigrations, connect, type Db } from '../src/db/connection.js';
import { startEmbeddedServer } from '../src/db/embedded-server.js';

export type ScratchDatabase = {
  /** The scratch database's URL (owner role), for the bench and for the Writ server it starts. */
  url: string;
  db: Db;
  pool: pg.Pool;
  /** `embedded` or `DATABASE_URL`. */
  server: 'embedded' | 'DATABASE_URL';
  /** SHOW server_version. */
  version: string;
  drop(): Promise<void>;
};

export async function scratchDatabase(databaseUrl: string | undefined): Promise<ScratchDatabase> {
  // Its own directory in the system's temp (mode 755): as root the server runs as the postgres user.
  const pgDir = path.join(os.tmpdir(), `writ-bench-pg-${randomBytes(4).toString('hex')}`);
  const embedded = databaseUrl ? undefined : await startEmbeddedServer(pgDir, () => undefined, { persistent: false });
  const adminUrl = databaseUrl ?? embedded!.url('postgres');
  const name = `writ_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    await admin.end().catch(() => undefined);
    await embedded?.stop();
    throw error;
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // No statement timeout: the GROUP BY baselines and the rollup rebuild of 10 M items take longer than Writ's 5 s.
  const { db, pool } = connect(url.toString(), 10, { connectMs: 30_000, statementMs: 0 });
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    // FORCE first: it ends the pool's sessions, including one still at work (an interrupted run),
    // which pool.end() alone would wait for.
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((e: unknown) => console.error(e));
    await pool.end().catch(() => undefined);
    await admin.end().catch(() => undefined);
    await embedded?.stop();
  };
  try {
    await applyMigrations(pool);
    const version = (await pool.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
    return { url: url.toString(), db, pool, server: embedded ? 'embedded' : 'DATABASE_URL', version, drop };
  } catch (error) {
    await drop();
    throw error;
  }
}
