/**
 * Issue 12: the sender of every call to the platform's systems. Notice and alert rows are sent the
 * same way as enforcement calls, each to its own receiver, signed with its own secret (webhook-id is
 * the row's id); a sink not configured keeps its calls queued. The content system's confirmation
 * must be signed with the enforcement secret: forged or unsigned is 401 and changes nothing; with
 * no content system configured the route is 404 not_configured.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWrit } from '../../src/app/context.js';
import { loadConfig } from '../../src/config.js';
import { enforcementActionsTable, events, sinkDeliveries } from '../../src/db/schema/index.js';
import { enqueueSinkDelivery } from '../../src/db/sink-deliveries-repository.js';
import { buildApp } from '../../src/http/app.js';
import { prepareJobTables } from '../../src/jobs/queues.js';
import { type Jobs, startJobs } from '../../src/jobs/runner.js';
import { freeLoopbackPort } from '../../src/loopback.js';
import { createAuthority, createStaff, createTestApp, generousRateLimits, newRequestBody, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { eventually, startWebhookReceiver, type WebhookReceiver } from '../support/receivers.js';

const secretOf = (name: string) => `whsec_${Buffer.from(`${name}-secret-for-the-sink-tests`).toString('base64')}`;
let database: TestDatabase;
let app: Awaited<ReturnType<typeof buildApp>>;
let jobs: Jobs;
let notices: WebhookReceiver;
let alerts: WebhookReceiver;

beforeAll(async () => {
  database = await createTestDatabase();
  notices = await startWebhookReceiver(() => secretOf('notice'));
  alerts = await startWebhookReceiver(() => secretOf('alert'));
  const config = loadConfig({
    WRIT_DATA_DIR: '/nonexistent',
    LOG_LEVEL: 'silent',
    ...generousRateLimits,
    WRIT_NOTICE_WEBHOOK_URL: notices.url('/notices'),
    WRIT_NOTICE_WEBHOOK_SECRET: secretOf('notice'),
    WRIT_ALERT_WEBHOOK_URL: alerts.url('/alerts'),
    WRIT_ALERT_WEBHOOK_SECRET: secretOf('alert'),
    // A content system that is not listening: its calls are tried and fail, the confirmation route works.
    WRIT_ENFORCEMENT_WEBHOOK_URL: `http://127.0.0.1:${await freeLoopbackPort()}/writ`,
    WRIT_ENFORCEMENT_WEBHOOK_SECRET: secretOf('enforcement'),
    WRIT_SINK_ATTEMPTS: '2',
    WRIT_JOBS_RETRY_SECONDS: '1',
    WRIT_JOBS_SWEEP_SECONDS: '1',
  });
  app = await buildApp({ config, database, logger: false });
  await prepareJobTables(database.url, null);
  jobs = await startJobs({ pool: database.pool, writ: createWrit(database.db, config), log: () => undefined });
}, 60_000);
afterAll(async () => {
  await jobs?.stop();
  await notices?.close();
  await alerts?.close();
  await app?.close();
  await database?.close();
});

describe('calls to the platform’s systems', () => {
  it('sends notice and alert rows, each to its own receiver with its own signature, webhook-id the row’s id', async () => {
    const [notice, alert] = await database.db.transaction(async (tx) => [
      await enqueueSinkDelivery(tx, { sink: 'notice', eventType: 'notice.issued', payload: { noticeId: 'n-1' } }),
      await enqueueSinkDelivery(tx, { sink: 'alert', eventType: 'deadline.alert', payload: { share: 0.75 } }),
    ]);
    await eventually('both delivered', async () => {
      const rows = await database.db.select().from(sinkDeliveries);
      return rows.filter((r) => r.status === 'delivered').length === 2;
    });
    expect(notices.calls).toEqual([
      { id: notice!.id, type: 'notice.issued', data: { noticeId: 'n-1' }, verified: true, status: 200 },
    ]);
    expect(alerts.calls).toEqual([{ id: alert!.id, type: 'deadline.alert', data: { share: 0.75 }, verified: true, status: 200 }]);
  });

  it('a refused notice call is retried and dead-lettered with its last status', async () => {
    notices.answers.push(500, 500);
    const row = await enqueueSinkDelivery(database.db, {
      sink: 'notice',
      eventType: 'notice.issued',
      payload: { noticeId: 'n-2' },
    });
    await eventually('dead-lettered', async () => {
      const [r] = await database.db.select().from(sinkDeliveries).where(eq(sinkDeliveries.id, row.id));
      return r?.status === 'failed' ? r : undefined;
    });
    const [r] = await database.db.select().from(sinkDeliveries).where(eq(sinkDeliveries.id, row.id));
    expect(r).toMatchObject({ attempts: 2, lastStatusCode: 500 });
    expect(notices.calls.filter((c) => c.id === row.id).map((c) => c.status)).toEqual([500, 500]);
  }, 20_000);
});

describe('the content system’s confirmation', () => {
  let actionId = '';
  let requestId = '';
  const body = () => JSON.stringify({ actionId, status: 'applied', effectiveAt: '2026-11-30T12:00:00Z' });
  const signed = (secret: string, payload: string) => {
    const id = `msg_${randomUUID()}`;
    const now = new Date();
    return {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign(id, now, payload),
    };
  };
  const confirm = (headers: Record<string, string>, payload = body()) =>
    app.inject({ method: 'POST', url: '/api/v1/enforcement/confirmations', headers, payload });

  beforeAll(async () => {
    const t = { app, database } as unknown as TestApp;
    const reviewer = await createStaff(t, 'reviewer');
    const authority = await createAuthority(t);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: reviewer.auth,
      payload: newRequestBody(authority.id, { receivedAt: undefined }),
    });
    const request = created.json();
    requestId = request.id;
    const decided = await app.inject({
      method: 'PUT',
      url: `/api/v1/requests/${request.id}/items/${request.items[0].id}/decision`,
      headers: reviewer.auth,
      payload: { outcome: 'removed_policy', reason: 'Copyright', rationale: 'Infringing copy' },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const [action] = await database.db
      .select()
      .from(enforcementActionsTable)
      .where(eq(enforcementActionsTable.requestId, request.id));
    actionId = action!.id;
  });

  const unchanged = async () => {
    const [action] = await database.db.select().from(enforcementActionsTable).where(eq(enforcementActionsTable.id, actionId));
    expect(action!.effectiveAt).toBeNull();
    expect(action!.confirmedAt).toBeNull();
    const confirmed = await database.db.select().from(events).where(eq(events.requestId, requestId));
    expect(confirmed.filter((e) => e.type.startsWith('enforcement_'))).toEqual([]);
  };

  it('refuses an unsigned confirmation with 401', async () => {
    const res = await confirm({ 'content-type': 'application/json' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'unauthenticated' });
    await unchanged();
  });

  it('refuses one signed with another secret, or whose body was altered after signing, with 401', async () => {
    expect((await confirm(signed(secretOf('notice'), body()))).statusCode).toBe(401);
    const headers = signed(secretOf('enforcement'), body());
    const altered = body().replace('12:00:00', '11:00:00');
    expect((await confirm(headers, altered)).statusCode).toBe(401);
    await unchanged();
  });

  it('accepts a signed one once, records the instant, and a repeat changes nothing', async () => {
    const first = await confirm(signed(secretOf('enforcement'), body()));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      actionId,
      status: 'confirmed',
      effectiveAt: '2026-11-30T12:00:00.000Z',
      repeated: false,
    });
    const again = await confirm(signed(secretOf('enforcement'), body()));
    expect(again.json()).toMatchObject({ repeated: true });
    const history = await database.db.select().from(events).where(eq(events.requestId, requestId));
    expect(history.filter((e) => e.type === 'enforcement_confirmed')).toHaveLength(1);
  });

  it('a signed body that is not a confirmation is a 400 naming the field', async () => {
    const payload = JSON.stringify({ actionId, status: 'maybe', effectiveAt: '2026-11-30T12:00:00Z' });
    const res = await confirm(signed(secretOf('enforcement'), payload), payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('status');
  });
});

describe('without a content system configured', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 60_000);
  afterAll(async () => t?.close());

  it('answers the confirmation route with 404 not_configured', async () => {
    const payload = JSON.stringify({ actionId: randomUUID(), status: 'applied', effectiveAt: '2026-11-30T12:00:00Z' });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/enforcement/confirmations',
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_configured' });
  });
});
