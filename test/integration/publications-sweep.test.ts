/**
 * The running jobs publish (issue 13): with the job runner started over the test database, an
 * approved record whose delay has passed becomes public at the next sweep, is in the log once, and
 * a signed checkpoint covers it; a sweep before the delay publishes nothing.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWrit } from '../../src/app/context.js';
import { loadConfig } from '../../src/config.js';
import { prepareJobTables } from '../../src/jobs/queues.js';
import { type Jobs, startJobs } from '../../src/jobs/runner.js';
import { createAuthority, createTestApp, newRequestBody, type TestApp } from '../support/app.js';
import { logSize } from '../support/publishing.js';

const HOUR = 3_600_000;
let clock = new Date('2026-03-12T06:00:00Z');
let t: TestApp;
let jobs: Jobs;
const logged: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  await prepareJobTables(t.database.url, null);
  const config = loadConfig({ WRIT_DATA_DIR: '/nonexistent', WRIT_JOBS_SWEEP_SECONDS: '3600', WRIT_PUBLISH_DELAY_HOURS: '2' });
  jobs = await startJobs({
    pool: t.database.pool,
    writ: createWrit(t.database.db, config, { now: () => clock }),
    log: (message) => logged.push(message),
  });
}, 60_000);
afterAll(async () => {
  await jobs?.stop();
  await t?.close();
});

// biome-ignore lint/suspicious/noExplicitAny: the API's JSON, read as the test needs it
type Json = any;

describe('the publishing sweep', () => {
  it('publishes an approved record once its delay has passed, and signs a checkpoint over it', async () => {
    const authority = await createAuthority(t, 'KZ', 'Ministry of Information');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: t.auth,
      payload: newRequestBody(authority.id, {
        claimedCategories: [],
        items: [{ targetKind: 'url', target: 'https://video.example/watch/a', product: 'Video' }],
      }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const order = created.json() as Json;
    const decided = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/requests/${order.id}/items/${order.items[0].id}/decision`,
      headers: t.auth,
      payload: { outcome: 'no_action', reason: 'Government Criticism', rationale: 'Political speech' },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    // The route's delay is the app's (72 h by default); the job's writ has 2 h: the row's publish_after rules.
    const approved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${order.id}/publication/approve`,
      headers: t.auth,
    });
    expect(approved.statusCode, approved.body).toBe(200);

    await jobs.sweep();
    expect(await logSize(t)).toBe(0);

    clock = new Date(clock.getTime() + 73 * HOUR);
    await jobs.sweep();
    const records = await t.database.db.execute<{ version: number }>(
      sql`SELECT version FROM public_records WHERE public_id = ${order.reference}`,
    );
    expect(records.rows).toEqual([{ version: 1 }]);
    expect(await logSize(t)).toBe(1);
    const checkpoints = await t.database.db.execute<{ tree_size: string }>(sql`SELECT tree_size::text FROM log_checkpoints`);
    expect(checkpoints.rows).toEqual([{ tree_size: '1' }]);

    await jobs.sweep();
    expect(await logSize(t)).toBe(1);
    expect(logged.filter((m) => m.includes('published'))).toEqual(['jobs: published 1 public record']);
    expect(logged.filter((m) => m.includes('sweep failed'))).toEqual([]);
  });
});
