/**
 * Issue 10, item 5 (webhooks): an agency's admin officer registers an endpoint and gets its secret
 * once; every event queued for the agency is posted, signed by the Standard Webhooks scheme, to a
 * real local receiver that verifies the signature (Webhook.verify); a 500 is retried with back-off
 * and the event delivered once; a receiver that keeps failing leaves the delivery failed; the
 * agency reads its log; another agency sees none of it (404).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWrit } from '../../src/app/context.js';
import { loadConfig } from '../../src/config.js';
import { enqueueAgencyEvent } from '../../src/db/agency-events.js';
import { buildApp } from '../../src/http/app.js';
import { prepareJobTables } from '../../src/jobs/queues.js';
import { type Jobs, startJobs } from '../../src/jobs/runner.js';
import { addApiKey, addOfficer, createVerifiedAgency, type TestAgency } from '../support/agencies.js';
import type { TestApp } from '../support/app.js';
import { createTestDatabase, rowCounts } from '../support/database.js';
import { eventually, startWebhookReceiver, type WebhookReceiver } from '../support/receivers.js';

let t: TestApp;
let receiver: WebhookReceiver;
let jobs: Jobs;
let a: TestAgency;
let b: TestAgency;
let secret = '';
let endpointId = '';

const env = {
  WRIT_DATA_DIR: '/nonexistent',
  LOG_LEVEL: 'silent',
  WRIT_WEBHOOK_ALLOW_LOOPBACK_HTTP: 'true',
  WRIT_WEBHOOK_ATTEMPTS: '3',
  WRIT_JOBS_RETRY_SECONDS: '1',
  WRIT_JOBS_SWEEP_SECONDS: '1',
};

beforeAll(async () => {
  const database = await createTestDatabase();
  const config = loadConfig(env);
  const app = await buildApp({ config, database, logger: false });
  t = {
    app,
    database,
    auth: { authorization: '' },
    reviewer: { id: '', name: '' },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
  await prepareJobTables(database.url, null);
  a = await createVerifiedAgency(t, 'KZ');
  b = await createVerifiedAgency(t, 'DE');
  receiver = await startWebhookReceiver(() => secret);
  jobs = await startJobs({ pool: database.pool, writ: createWrit(database.db, config), log: () => undefined });
}, 60_000);
afterAll(async () => {
  await jobs?.stop();
  await receiver?.close();
  await t?.close();
});

async function queueEvent(agencyId: string, status: string) {
  return t.database.db.transaction((tx) =>
    enqueueAgencyEvent(tx, {
      agencyId,
      requestId: null,
      eventType: 'order.status_changed',
      payload: { reference: 'W-7', status },
    }),
  );
}

const deliveriesOf = async (agency: TestAgency) =>
  (await t.app.inject({ method: 'GET', url: '/api/v1/authority/webhook-deliveries', headers: agency.auth })).json();

describe('webhooks', () => {
  it('lets an admin officer register an https or (here, for tests) loopback http endpoint, showing the secret once', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/authority/webhooks',
      headers: a.auth,
      payload: { url: receiver.url() },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    secret = created.json().secret;
    endpointId = created.json().endpoint.id;
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/authority/webhooks', headers: a.auth });
    expect(listed.json().endpoints).toEqual([
      { id: endpointId, url: receiver.url(), createdAt: expect.any(String), disabledAt: null },
    ]);
    expect(listed.body).not.toContain(secret);
  });

  it('refuses private, local and plain-http targets, naming the url and storing nothing', async () => {
    const before = await rowCounts(t.database.pool);
    for (const url of [
      'https://10.1.2.3/hook',
      'https://192.168.0.10/hook',
      'https://[::1]/hook',
      'https://169.254.169.254/latest',
      'https://localhost/hook',
      'https://intranet.internal/hook',
      'http://example.org/hook',
      'ftp://example.org/hook',
      'https://user:pw@example.org/hook',
      'not a url',
    ]) {
      const refused = await t.app.inject({
        method: 'POST',
        url: '/api/v1/authority/webhooks',
        headers: a.auth,
        payload: { url },
      });
      expect(refused.statusCode, url).toBe(400);
      expect(refused.json(), url).toMatchObject({ code: 'validation_failed', field: 'url' });
    }
    expect(await rowCounts(t.database.pool)).toEqual(before);
  });

  it('refuses an officer who is not an agency admin, and an API key (403)', async () => {
    const officer = await addOfficer(t, a.id, `clerk@${a.domain}`);
    const key = await addApiKey(t, a.id);
    for (const headers of [officer.auth, key.auth]) {
      const refused = await t.app.inject({
        method: 'POST',
        url: '/api/v1/authority/webhooks',
        headers,
        payload: { url: receiver.url() },
      });
      expect(refused.statusCode).toBe(403);
    }
    // Reading the log is for the whole agency.
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/authority/webhook-deliveries', headers: key.auth })).statusCode,
    ).toBe(200);
  });

  it('posts a signed event, retries after a 500 with back-off, and delivers it once', async () => {
    receiver.answers.push(500);
    expect(await queueEvent(a.id, 'in_review')).toBe(1);
    await jobs.sweep();
    const delivery = await eventually('the delivery', async () => {
      const log = await deliveriesOf(a);
      return log.deliveries.find((d: { status: string }) => d.status === 'delivered');
    });
    expect(delivery).toMatchObject({
      endpointId,
      eventType: 'order.status_changed',
      attempts: 2,
      lastStatusCode: 200,
      lastError: null,
    });
    const calls = receiver.calls.filter((c) => c.id === delivery.id);
    expect(calls.map((c) => [c.verified, c.status])).toEqual([
      [true, 500],
      [true, 200],
    ]);
    expect(calls[1]).toMatchObject({ type: 'order.status_changed', data: { reference: 'W-7', status: 'in_review' } });
  }, 30_000);

  it('marks a delivery failed with the last status once every attempt failed', async () => {
    receiver.answers.push(503, 503, 503);
    await queueEvent(a.id, 'decided');
    await jobs.sweep();
    const failed = await eventually(
      'the delivery to fail',
      async () => (await deliveriesOf(a)).deliveries.find((d: { status: string }) => d.status === 'failed'),
      45_000,
    );
    expect(failed).toMatchObject({ attempts: 3, lastStatusCode: 503, lastError: 'the endpoint answered 503', deliveredAt: null });
    expect(receiver.calls.filter((c) => c.id === failed.id)).toHaveLength(3);
    expect((await deliveriesOf(a)).total).toBe(2);
  }, 60_000);

  it("keeps each agency's endpoints and log to itself: another agency gets 404 and an empty log", async () => {
    expect((await deliveriesOf(b)).deliveries).toEqual([]);
    const listed = await t.app.inject({ method: 'GET', url: '/api/v1/authority/webhooks', headers: b.auth });
    expect(listed.json().endpoints).toEqual([]);
    const disable = await t.app.inject({
      method: 'POST',
      url: `/api/v1/authority/webhooks/${endpointId}/disable`,
      headers: b.auth,
    });
    expect(disable.statusCode).toBe(404);
    expect(await queueEvent(b.id, 'received')).toBe(0);
    const listedA = await t.app.inject({ method: 'GET', url: '/api/v1/authority/webhooks', headers: a.auth });
    expect(listedA.json().endpoints[0].disabledAt).toBeNull();
  });

  it('disables an endpoint: no further event is queued for it', async () => {
    const disabled = await t.app.inject({
      method: 'POST',
      url: `/api/v1/authority/webhooks/${endpointId}/disable`,
      headers: a.auth,
    });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().disabledAt).not.toBeNull();
    expect(await queueEvent(a.id, 'withdrawn')).toBe(0);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/authority/webhooks/${endpointId}/disable`,
      headers: a.auth,
    });
    expect(again.json().disabledAt).toBe(disabled.json().disabledAt);
  });
});
