/**
 * Decision 48 with decision 33: Writ's serving role reads the audit log but cannot write it — not
 * an entry, not a head, not through the appender — while its own inserts are chained as usual.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantServingRole, urlAs } from '../../src/db/roles.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let owner: TestDatabase;
let serving: pg.Client;
const role = () => `writ_app_${owner.name}`;

beforeAll(async () => {
  owner = await createTestDatabase();
  const password = randomBytes(12).toString('hex');
  await grantServingRole(owner.url, role(), password);
  serving = new pg.Client({ connectionString: urlAs(owner.url, role(), password) });
  await serving.connect();
});

afterAll(async () => {
  await serving?.end();
  if (!owner) return;
  await owner.pool.query(`DROP OWNED BY ${JSON.stringify(role())}`);
  const admin = new URL(owner.url);
  admin.pathname = '/postgres';
  const name = role();
  await owner.close();
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP ROLE IF EXISTS ${JSON.stringify(name)}`).finally(() => client.end());
});

describe('the serving role and the audit log', () => {
  it('chains what it writes, reads the log, and cannot change it', async () => {
    const { rows } = await serving.query<{ id: string }>(
      "INSERT INTO users (email, name, role) VALUES ('s@p.example', 'S', 'reviewer') RETURNING id",
    );
    const chain = `staff:${rows[0]!.id}`;
    const log = await serving.query('SELECT seq, entry FROM audit_log WHERE chain = $1', [chain]);
    expect(log.rows).toEqual([{ seq: '1', entry: expect.objectContaining({ type: 'account_created' }) }]);
    const denied = /permission denied/;
    await expect(serving.query("UPDATE audit_log SET entry = '{}' WHERE chain = $1", [chain])).rejects.toThrow(denied);
    await expect(serving.query('DELETE FROM audit_log WHERE chain = $1', [chain])).rejects.toThrow(denied);
    await expect(serving.query("INSERT INTO audit_log VALUES ($1, 2, now(), '{}', 'x', 'y')", [chain])).rejects.toThrow(denied);
    await expect(serving.query('UPDATE audit_heads SET seq = 5 WHERE chain = $1', [chain])).rejects.toThrow(denied);
    await expect(serving.query('DELETE FROM audit_heads')).rejects.toThrow(denied);
    await expect(serving.query('TRUNCATE audit_log')).rejects.toThrow(denied);
    await expect(serving.query("SELECT writ_audit_append($1, now(), '{}')", [chain])).rejects.toThrow(denied);
    // Saying it restores does not switch the chaining off for the serving role.
    await serving.query('BEGIN');
    await serving.query("SET LOCAL writ.restore = 'on'");
    await serving.query("UPDATE users SET role = 'admin' WHERE id = $1", [rows[0]!.id]);
    await serving.query('COMMIT');
    const after = await serving.query('SELECT seq FROM audit_log WHERE chain = $1 ORDER BY seq', [chain]);
    expect(after.rows.map((r) => r.seq)).toEqual(['1', '2']);
  });
});
