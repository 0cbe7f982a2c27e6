/**
 * The probes and the answer while the database is unreachable: /healthz says only that the
 * process answers, /readyz asks the database, and any call that needs the database gets a 503
 * problem with Retry-After instead of a 500.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { connect, type Database } from '../../src/db/connection.js';
import { buildApp } from '../../src/http/app.js';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function unusedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

describe('the probes', () => {
  it('/healthz answers status only, /readyz checks the database; both public', async () => {
    const live = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'ok' }); // no data folder, no database URL
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });

    const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(spec.paths['/healthz'].get.security).toEqual([]);
    expect(spec.paths['/readyz'].get.security).toEqual([]);
  });
});

describe('with the database unreachable', () => {
  let app: Awaited<ReturnType<typeof buildApp>>;
  let database: Database;
  beforeAll(async () => {
    const url = new URL(t.database.url);
    url.port = String(await unusedPort());
    const { db, pool } = connect(url.toString(), 2, { connectMs: 1_000, statementMs: 1_000 });
    database = { db, pool, description: 'nowhere', close: () => pool.end() };
    const config = loadConfig({ WRIT_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' });
    app = await buildApp({ config, database, logger: false });
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const expectUnavailable = (res: Awaited<ReturnType<typeof app.inject>>) => {
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(res.json()).toMatchObject({ code: 'unavailable', status: 503 });
  };

  it('stays live but not ready', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expectUnavailable(await app.inject({ method: 'GET', url: '/readyz' }));
  });

  it('answers 503 with Retry-After to calls that need the database', async () => {
    expectUnavailable(await app.inject({ method: 'GET', url: '/api/v1/requests', headers: t.auth }));
    expectUnavailable(
      await app.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'a@b.example', password: 'x' } }),
    );
    expectUnavailable(await app.inject({ method: 'GET', url: '/api/v1/public/reports' }));
  });
});
