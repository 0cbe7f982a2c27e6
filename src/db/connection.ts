/**
 * The one place that decides which PostgreSQL Writ talks to: an external server when
 * DATABASE_URL is set, otherwise Writ's own embedded server in WRIT_DATA_DIR.
 */
import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { Config } from '../config.js';
import { type ServerLog, startEmbeddedServer } from './embedded-server.js';
import * as schema from './schema/index.js';

/** A database handle or a transaction: repositories work on either. */
export type Db = PgDatabase<NodePgQueryResultHKT, typeof schema>;

export type Database = {
  db: Db;
  pool: pg.Pool;
  /** Where the data lives, without credentials, for logs and the health check. */
  description: string;
  close(): Promise<void>;
};

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

// A lock number only Writ uses, so that two processes starting at once migrate one after the other.
const MIGRATION_LOCK = 7_201_911;

export async function applyMigrations(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(drizzle(client, { schema }), { migrationsFolder });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

export function connect(url: string, max = 10): { db: Db; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => undefined); // a dropped idle connection is replaced on next use
  return { db: drizzle(pool, { schema }), pool };
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/** Opens (and for the embedded server, starts) the database and applies pending migrations. */
export async function openDatabase(config: Config, log: ServerLog): Promise<Database> {
  if (config.databaseUrl) {
    const { db, pool } = connect(config.databaseUrl);
    await applyMigrations(pool);
    return { db, pool, description: redact(config.databaseUrl), close: () => pool.end() };
  }
  const server = await startEmbeddedServer(config.dataDir, log);
  try {
    await ensureDatabase(server.url('postgres'), 'writ');
    const { db, pool } = connect(server.url('writ'));
    await applyMigrations(pool);
    return {
      db,
      pool,
      description: `embedded PostgreSQL, data in ${config.dataDir}`,
      async close() {
        await pool.end();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
