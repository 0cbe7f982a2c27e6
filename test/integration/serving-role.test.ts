/**
 * Issue 7, finding 8 (insiders): Writ serves through a role that owns nothing. Through it, the
 * history cannot be emptied, edited or unprotected, and nothing can be dropped or created; yet every
 * use of Writ works. The tables' owner cannot TRUNCATE a history either (migration 0007).
 */
import { randomBytes } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { authoritiesRepository } from '../../src/db/authorities-repository.js';
import { connect, openDatabase } from '../../src/db/connection.js';
import { grantServingRole, urlAs } from '../../src/db/roles.js';
import { usersRepository } from '../../src/db/users-repository.js';
import { buildApp } from '../../src/http/app.js';
import { newRequestBody } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let owner: TestDatabase;
let servingUrl: string;
let serving: pg.Client;
let requestId: string;

beforeAll(async () => {
  owner = await createTestDatabase();
  // A role per test database: roles are shared by the whole server, and files run side by side.
  const role = `writ_app_${owner.name}`;
  const password = randomBytes(12).toString('hex');
  await grantServingRole(owner.url, role, password);
  await grantServingRole(owner.url, role, password); // a second start changes nothing
  servingUrl = urlAs(owner.url, role, password);
  serving = new pg.Client({ connectionString: servingUrl });
  await serving.connect();
});

afterAll(async () => {
  await serving?.end();
  if (!owner) return;
  const role = `writ_app_${owner.name}`;
  await owner.pool.query(`DROP OWNED BY ${JSON.stringify(role)}`);
  const admin = new URL(owner.url);
  admin.pathname = '/postgres';
  await owner.close();
  // Roles belong to the whole server: leave none behind.
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP ROLE IF EXISTS ${JSON.stringify(role)}`).finally(() => client.end());
});

describe('Writ served through its own role', () => {
  it('records, decides and reports as usual', async () => {
    const config = loadConfig({ WRIT_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' });
    const database = { ...connect(servingUrl, 3), description: 'serving role' };
    const app = await buildApp({ config, database: { ...database, close: () => database.pool.end() }, logger: false });
    try {
      await usersRepository(database.db).create({
        email: 'r@p.example',
        name: 'R',
        passwordHash: await hash('a long passphrase'),
      });
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { email: 'r@p.example', password: 'a long passphrase' },
      });
      const auth = { authorization: `Bearer ${signIn.json().token}` };
      const authority = await authoritiesRepository(database.db).create({
        country: 'KZ',
        name: 'Ministry',
        kind: 'court',
        timeZone: null,
      });
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/requests',
        headers: auth,
        payload: newRequestBody(authority.id),
      });
      expect(created.statusCode, created.body).toBe(201);
      requestId = created.json().id;
      const item = created.json().items[0].id;
      const decided = await app.inject({
        method: 'PUT',
        url: `/api/v1/requests/${requestId}/items/${item}/decision`,
        headers: auth,
        payload: { outcome: 'no_action', reason: 'Other', rationale: 'Lawful speech.' },
      });
      expect(decided.statusCode, decided.body).toBe(200);
      const report = await app.inject({ method: 'GET', url: '/api/v1/public/reports/KZ/2026-H1' });
      expect(report.json().requests).toBe(1);
      const signOut = await app.inject({ method: 'DELETE', url: '/api/v1/session', headers: auth });
      expect(signOut.statusCode).toBe(204);
    } finally {
      await app.close();
    }
  });

  it.each([
    ['empty a history', 'TRUNCATE events'],
    ['empty another table', 'TRUNCATE requests CASCADE'],
    ['edit a history event', "UPDATE events SET note = 'rewritten'"],
    ['delete a history event', 'DELETE FROM events'],
    ['disable the append-only trigger', 'ALTER TABLE events DISABLE TRIGGER events_append_only'],
    ['turn off every trigger for the session', 'SET session_replication_role = replica'],
    ['drop a table', 'DROP TABLE decisions'],
    ['create a table', 'CREATE TABLE shadow (id int)'],
    ['read the migration record', 'SELECT * FROM drizzle.__drizzle_migrations'],
  ])('cannot %s', async (_, statement) => {
    const before = await owner.pool.query('SELECT count(*)::int AS n FROM events');
    expect(before.rows[0].n).toBeGreaterThan(0);
    await expect(serving.query(statement)).rejects.toMatchObject({ code: expect.stringMatching(/^42501$|^3F000$/) });
    const after = await owner.pool.query('SELECT count(*)::int AS n FROM events');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });
});

describe('an external server (DATABASE_URL and WRIT_APP_DATABASE_URL)', () => {
  it('migrates as the owner and serves through the role WRIT_APP_DATABASE_URL names, granting it what it needs', async () => {
    const role = `writ_ext_${owner.name}`;
    const password = randomBytes(12).toString('hex');
    await owner.pool.query(`CREATE ROLE ${JSON.stringify(role)} LOGIN PASSWORD '${password}'`);
    try {
      const env = { DATABASE_URL: owner.url, WRIT_APP_DATABASE_URL: urlAs(owner.url, role, password), LOG_LEVEL: 'silent' };
      const database = await openDatabase(loadConfig(env), () => undefined);
      try {
        expect(database.servesAsOwner).toBe(false);
        expect((await database.pool.query('SELECT current_user AS u')).rows[0].u).toBe(role);
        expect((await database.pool.query('SELECT count(*)::int AS n FROM requests')).rows[0].n).toBeGreaterThan(0);
        await expect(database.pool.query('TRUNCATE events')).rejects.toMatchObject({ code: '42501' });
      } finally {
        await database.close();
      }
      const ownerOnly = await openDatabase(loadConfig({ DATABASE_URL: owner.url, LOG_LEVEL: 'silent' }), () => undefined);
      expect(ownerOnly.servesAsOwner).toBe(true);
      await ownerOnly.close();
    } finally {
      await owner.pool.query(`DROP OWNED BY ${JSON.stringify(role)}`);
      await owner.pool.query(`DROP ROLE ${JSON.stringify(role)}`);
    }
  });

  it('refuses WRIT_APP_DATABASE_URL without DATABASE_URL', () => {
    expect(() => loadConfig({ WRIT_APP_DATABASE_URL: 'postgres://x@127.0.0.1/writ' })).toThrow(/WRIT_APP_DATABASE_URL/);
  });
});

describe("the tables' owner", () => {
  it('cannot TRUNCATE a history either', async () => {
    for (const table of ['events', 'obligation_events'])
      await expect(owner.pool.query(`TRUNCATE ${table}`)).rejects.toThrow(/append-only: TRUNCATE/);
  });
});
