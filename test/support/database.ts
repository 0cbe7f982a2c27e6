/** A fresh database for one test file, copied from the migrated template of the project's target. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connect, type Database } from '../../src/db/connection.js';
import { underMutationTesting } from './property-runs.js';

export type TestDatabase = Database & { url: string; name: string };

export async function createTestDatabase(): Promise<TestDatabase> {
  const targetName = inject('databaseTarget');
  const target = inject('databaseTargets')[targetName];
  if (!target) throw new Error(`no test database target ${targetName}`);
  const name = underMutationTesting ? await spareDatabase(targetName, target) : await copyTemplate(target);
  const url = new URL(target.adminUrl);
  url.pathname = `/${name}`;
  const { db, pool } = connect(url.toString(), 5);
  return {
    db,
    pool,
    name,
    url: url.toString(),
    description: `test database ${name} (${targetName})`,
    async close() {
      await pool.end();
      // Under mutation testing the throwaway server drops it while the next file runs (decision 62).
      if (underMutationTesting) dropDatabase(target.adminUrl, name).catch(() => undefined);
      else await dropDatabase(target.adminUrl, name);
    },
  };
}

type Target = { adminUrl: string; template: string };

/**
 * A new database copied from the target's migrated template; its name. `fileCopy` copies the
 * template's files instead of writing every block through the write-ahead log (PostgreSQL's default
 * since 15): measured on the suite's throwaway server (fsync off), 40–60 ms a copy instead of about
 * 77, and a quarter less CPU; it checkpoints, which costs a durable server far more, so only there.
 */
async function copyTemplate(target: Target, fileCopy = false): Promise<string> {
  const name = `writ_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: target.adminUrl });
  await admin.connect();
  try {
    // Copying a template needs it to have no other connections; files starting at once take turns.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${target.template}${fileCopy ? ' STRATEGY FILE_COPY' : ''}`);
        return name;
      } catch (error) {
        if (attempt > 50 || !/is being accessed by other users/.test(String(error))) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } finally {
    await admin.end();
  }
}

/**
 * Under mutation testing, each mutant's run copies the template again for every test file it runs,
 * one file after another in one kept thread (decision 62). The copy is made ahead: a file takes the
 * database copied while the previous one ran, and the next copy starts at once, so PostgreSQL copies
 * while the thread runs tests. Never in the suite, where files start at once and would contend for
 * the template. The module stays loaded between Stryker's runs; a spare left at the end is dropped
 * with the throwaway server.
 */
const spares = new Map<string, Promise<string>>();

function spareDatabase(targetName: string, target: Target): Promise<string> {
  const next = spares.get(targetName) ?? copyTemplate(target, true);
  const following = next.then(() => copyTemplate(target, true));
  // A failed copy surfaces when it is taken, not as an unhandled rejection now.
  following.catch(() => undefined);
  spares.set(targetName, following);
  return next;
}

/** Drops a test database, ending whatever connections it still has. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const dropper = new pg.Client({ connectionString: adminUrl });
  await dropper.connect();
  try {
    await dropper.query(`DROP DATABASE IF EXISTS ${dropper.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await dropper.end();
  }
}

/**
 * Rows in every table of schema public but those named in `except` (tables a refused request may
 * legitimately write), in one statement and so one snapshot: to prove a refusal wrote nothing.
 * The rate limits' counters are never counted: every request counts there, a refused one too, and
 * a new minute's window is a new row.
 */
export async function rowCounts(
  pool: pg.Pool,
  except: (table: string) => boolean = () => false,
): Promise<Record<string, number>> {
  const { rows } = await pool.query<{ tablename: string }>(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  const tables = rows.map((r) => r.tablename).filter((table) => table !== 'rate_limit_windows' && !except(table));
  const columns = tables.map((n) => `(SELECT count(*)::int FROM "${n}") AS "${n}"`).join(', ');
  return (await pool.query(`SELECT ${columns}`)).rows[0];
}
