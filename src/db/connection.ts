/**
 * The one place that decides which PostgreSQL Writ talks to: an external server when
 * DATABASE_URL is set, otherwise Writ's own embedded server in WRIT_DATA_DIR.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgQueryResultHKT } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { Config } from '../config.js';
import { type ServerLog, startEmbeddedServer } from './embedded-server.js';
import { createPool, type DatabaseTimeouts, defaultTimeouts } from './pool.js';
import { embeddedServingRole, grantServingRole, urlAs } from './roles.js';
import * as schema from './schema/index.js';
import { superviseServer } from './supervisor.js';

/** A database handle or a transaction: repositories work on either. */
export type Db = PgDatabase<NodePgQueryResultHKT, typeof schema>;

export type Database = {
  db: Db;
  pool: pg.Pool;
  /** Where the data lives, without credentials, for the start-up message. */
  description: string;
  /** True when Writ serves through the role that owns the tables (an external server without WRIT_APP_DATABASE_URL). */
  servesAsOwner?: boolean;
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

export function connect(url: string, max = 10, timeouts: DatabaseTimeouts = defaultTimeouts): { db: Db; pool: pg.Pool } {
  const pool = createPool(url, max, timeouts);
  return { db: drizzle(pool, { schema }), pool };
}

/** Migrations on a connection of their own, free of the statement timeout: building an index may take a while. */
async function migrateDatabase(url: string, timeouts: DatabaseTimeouts): Promise<void> {
  const pool = createPool(url, 1, { ...timeouts, statementMs: 0 });
  try {
    await applyMigrations(pool);
  } finally {
    await pool.end();
  }
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

async function ensureDatabase(adminUrl: string, name: string, connectMs: number): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: connectMs });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

export type OpenOptions = {
  /** Writ's own messages about the embedded server (a restart, say); `log` gets the server's. Default: `log`. */
  notice?: ServerLog;
  /**
   * Whose connection: `serving` (default), the role that owns nothing and may only read and write
   * rows (src/db/roles.ts); `owner`, the role that owns the tables, for backup and restore.
   */
  as?: 'serving' | 'owner';
  /**
   * Run as the owner after the migrations and grants, with the serving role's name (null when
   * serving as the owner): `writ serve` installs the durable jobs' tables here (src/jobs/queues.ts).
   */
  prepare?: (ownerUrl: string, servingRole: string | null) => Promise<void>;
};

/** The serving role's password for the embedded server, made on first use and kept beside its data. */
async function embeddedServingPassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'pg-app-password');
  const kept = (await fs.readFile(file, 'utf8').catch(() => '')).trim();
  if (kept) return kept;
  const password = randomBytes(18).toString('base64url');
  await fs.writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * Opens (and for the embedded server, starts) the database and applies pending migrations. An
 * embedded server this process started is supervised: restarted when it dies, until close().
 */
export async function openDatabase(config: Config, log: ServerLog, options: OpenOptions = {}): Promise<Database> {
  const timeouts = config.databaseTimeouts;
  const asOwner = options.as === 'owner';
  if (config.databaseUrl) {
    await migrateDatabase(config.databaseUrl, timeouts);
    const serving = config.appDatabaseUrl;
    // The owner needs no grants; the next serving start re-grants anyway.
    if (serving && !asOwner) await grantServingRole(config.databaseUrl, decodeURIComponent(new URL(serving).username), null);
    await options.prepare?.(config.databaseUrl, serving ? decodeURIComponent(new URL(serving).username) : null);
    const url = asOwner || !serving ? config.databaseUrl : serving;
    const { db, pool } = connect(url, 10, timeouts);
    return { db, pool, description: redact(url), servesAsOwner: !asOwner && !serving, close: () => pool.end() };
  }
  const server = await startEmbeddedServer(config.dataDir, log);
  try {
    await ensureDatabase(server.url('postgres'), 'writ', timeouts.connectMs);
    await migrateDatabase(server.url('writ'), timeouts);
    let url = server.url('writ');
    if (!asOwner) {
      const password = await embeddedServingPassword(config.dataDir);
      await grantServingRole(url, embeddedServingRole, password);
      await options.prepare?.(url, embeddedServingRole);
      url = urlAs(url, embeddedServingRole, password);
    }
    const { db, pool } = connect(url, 10, timeouts);
    const supervisor = server.process && superviseServer(server.process, options.notice ?? log);
    return {
      db,
      pool,
      description: `embedded PostgreSQL, data in ${config.dataDir}`,
      servesAsOwner: false,
      async close() {
        await supervisor?.stop();
        await pool.end();
        await server.stop();
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}
