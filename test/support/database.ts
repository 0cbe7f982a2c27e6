/** A fresh database for one test file, copied from the migrated template of the project's target. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connect, type Database } from '../../src/db/connection.js';

export type TestDatabase = Database & { url: string; name: string };

export async function createTestDatabase(): Promise<TestDatabase> {
  const targetName = inject('databaseTarget');
  const target = inject('databaseTargets')[targetName];
  if (!target) throw new Error(`no test database target ${targetName}`);
  const name = `writ_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: target.adminUrl });
  await admin.connect();
  // Copying a template needs it to have no other connections; files starting at once take turns.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${target.template}`);
      break;
    } catch (error) {
      if (attempt > 50 || !/is being accessed by other users/.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await admin.end();
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
      const dropper = new pg.Client({ connectionString: target.adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
