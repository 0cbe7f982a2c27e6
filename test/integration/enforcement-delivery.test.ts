/**
 * Issue 12, deliverable 7 (enforcement): a restrictive decision queues one signed call to the
 * content system, sent by the real durable jobs to the reference receiver (examples/content-system)
 * on loopback, which verifies it, applies it and confirms, signed, over real HTTP: Writ records the
 * instant it took effect and the event with the time to give effect. A receiver that refuses the
 * first attempts gets the call after back-off, once; one that keeps refusing leaves it in the
 * dead-letter list, and an admin's retry sends it again. A forged or unsigned confirmation is 401
 * and changes nothing.
 */
import { hash } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver } from '../../examples/content-system/receiver.mjs';
import { createWrit } from '../../src/app/context.js';
import { loadConfig } from '../../src/config.js';
import { enforcementActionsTable, events, sinkDeliveries } from '../../src/db/schema/index.js';
import { usersRepository } from '../../src/db/users-repository.js';
import { buildApp } from '../../src/http/app.js';
import { prepareJobTables } from '../../src/jobs/queues.js';
import { type Jobs, startJobs } from '../../src/jobs/runner.js';
import { freeLoopbackPort } from '../../src/loopback.js';
import { createAuthority, createStaff, generousRateLimits, newRequestBody, type TestApp } from '../support/app.js';
import { createTestDatabase } from '../support/database.js';
import { eventually } from '../support/receivers.js';

const secret = `whsec_${Buffer.from('content-system-secret-for-tests-0123').toString('base64')}`;
let t: TestApp;
let jobs: Jobs;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let authorityId = '';
let admin: { auth: { authorization: string } };

beforeAll(async () => {
  const database = await createTestDatabase();
  const receiverPort = await freeLoopbackPort();
  const config = loadConfig({
    WRIT_DATA_DIR: '/nonexistent',
    LOG_LEVEL: 'silent',
    ...generousRateLimits,
    WRIT_ENFORCEMENT_WEBHOOK_URL: `http://127.0.0.1:${receiverPort}/writ`,
    WRIT_ENFORCEMENT_WEBHOOK_SECRET: secret,
    WRIT_SINK_ATTEMPTS: '3',
    WRIT_JOBS_RETRY_SECONDS: '1',
    WRIT_JOBS_SWEEP_SECONDS: '1',
  });
  const app = await buildApp({ config, database, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const writUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const reviewer = await usersRepository(database.db).create({
    email: 'ana@platform.example',
    name: 'Ana Reviewer',
    passwordHash: await hash('correct horse battery'),
  });
  const signIn = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email: 'ana@platform.example', password: 'correct horse battery' },
  });
  t = {
    app,
    database,
    auth: { authorization: `Bearer ${signIn.json().token}` },
    reviewer,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
  admin = await createStaff(t, 'admin');
  authorityId = (await createAuthority(t)).id;
  await prepareJobTables(database.url, null);
  receiver = await startReceiver({ port: receiverPort, secret, writUrl });
  jobs = await startJobs({ pool: database.pool, writ: createWrit(database.db, config), log: () => undefined });
}, 60_000);
afterAll(async () => {
  await jobs?.stop();
  await receiver?.close();
  await t?.close();
});

type Detail = { id: string; items: { id: string; target: string }[] };

async function newRequest(): Promise<Detail> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: t.auth,
    payload: newRequestBody(authorityId, { receivedAt: undefined }),
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

async function decide(r: Detail, index: number, body: Record<string, unknown>) {
  const res = await t.app.inject({
    method: 'PUT',
    url: `/api/v1/requests/${r.id}/items/${r.items[index]!.id}/decision`,
    headers: t.auth,
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(200);
}

const restrictInKz = {
  outcome: 'removed_legal',
  reason: 'Bullying/Harassment',
  scopeCountries: ['KZ'],
  rationale: 'Unlawful under Art. 19',
};
const noAction = { outcome: 'no_action', reason: 'Government Criticism', rationale: 'Political speech' };

const enforcementOf = async (r: Detail) =>
  (await t.app.inject({ method: 'GET', url: `/api/v1/requests/${r.id}/enforcement`, headers: t.auth })).json() as {
    items: { itemId: string; actions: Record<string, unknown>[] }[];
    contentSystemConfigured: boolean;
  };
const actionsOf = (r: Detail) =>
  t.database.db.select().from(enforcementActionsTable).where(eq(enforcementActionsTable.requestId, r.id));

describe('enforcement calls to the content system', () => {
  it('sends a restrictive decision once, signed; the confirmation records when it took effect and the time to give effect', async () => {
    const r = await newRequest();
    await decide(r, 0, restrictInKz);
    await decide(r, 1, noAction);
    const [action] = await actionsOf(r);
    expect(action).toMatchObject({ action: 'restrict_in_country', scopeCountries: ['KZ'], itemId: r.items[0]!.id });
    expect(await actionsOf(r)).toHaveLength(1); // no_action asks the content system for nothing

    const confirmed = await eventually('the confirmation', async () => {
      const view = await enforcementOf(r);
      const a = view.items[0]?.actions[0];
      return a?.status === 'confirmed' ? a : undefined;
    });
    const calls = receiver.calls.filter((c) => (c.data as { actionId?: string } | undefined)?.actionId === action!.id);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ verified: true, status: 200, id: action!.deliveryId, type: 'enforcement.requested' });
    expect(calls[0]!.data).toMatchObject({
      requestId: r.id,
      itemId: r.items[0]!.id,
      target: r.items[0]!.target,
      action: 'restrict_in_country',
      scopeCountries: ['KZ'],
    });
    expect(receiver.store.get(r.items[0]!.id)).toMatchObject({ state: 'restricted', countries: ['KZ'] });
    expect(confirmed.effectiveAt).toEqual(receiver.store.get(r.items[0]!.id)?.at);
    expect(confirmed.secondsToGiveEffect).toBeGreaterThanOrEqual(0);

    const [event] = await t.database.db.select().from(events).where(eq(events.type, 'enforcement_confirmed'));
    expect(event).toMatchObject({ requestId: r.id, itemId: r.items[0]!.id });
    expect(event!.after).toMatchObject({
      action: 'restrict_in_country',
      scopeCountries: ['KZ'],
      effectiveAt: confirmed.effectiveAt,
    });
    expect(typeof (event!.after as { secondsToGiveEffect: unknown }).secondsToGiveEffect).toBe('number');
    const [delivery] = await t.database.db.select().from(sinkDeliveries).where(eq(sinkDeliveries.id, action!.deliveryId!));
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it('a changed scope is a new action; lifting the restriction restores the item', async () => {
    const r = await newRequest();
    await decide(r, 0, restrictInKz);
    await decide(r, 0, { ...restrictInKz, rationale: 'Same scope, better words' });
    await decide(r, 0, { ...restrictInKz, scopeCountries: ['KZ', 'UZ'] });
    await decide(r, 0, noAction);
    const actions = (await actionsOf(r)).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    expect(actions.map((a) => [a.action, a.scopeCountries])).toEqual([
      ['restrict_in_country', ['KZ']],
      ['restrict_in_country', ['KZ', 'UZ']],
      ['restore', ['KZ', 'UZ']],
    ]);
    await eventually('every action confirmed', async () => (await actionsOf(r)).every((a) => a.status === 'confirmed'));
    // Sent in parallel, they may arrive in any order: the receiver keeps the latest decision's.
    expect(receiver.store.get(r.items[0]!.id)?.state).toBe('visible');
  });

  it('a receiver that refuses the first attempts gets the call after back-off, exactly once', async () => {
    receiver.failNext(2);
    const r = await newRequest();
    await decide(r, 0, { ...restrictInKz, outcome: 'removed_policy', scopeCountries: null, reason: 'Copyright' });
    const [action] = await actionsOf(r);
    expect(action!.action).toBe('remove_globally');
    await eventually('the confirmation after back-off', async () => (await actionsOf(r))[0]?.status === 'confirmed');
    const calls = receiver.calls.filter((c) => c.id === action!.deliveryId);
    expect(calls.map((c) => c.status)).toEqual([503, 503, 200]);
    const [delivery] = await t.database.db.select().from(sinkDeliveries).where(eq(sinkDeliveries.id, action!.deliveryId!));
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3 });
  }, 30_000);

  it('one that keeps refusing ends in the dead-letter list; an admin retries it and it is sent again', async () => {
    receiver.failNext(1000);
    const r = await newRequest();
    await decide(r, 0, restrictInKz);
    const [action] = await actionsOf(r);
    await eventually('the call dead-lettered', async () => (await actionsOf(r))[0]?.status === 'failed');
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/admin/sink-deliveries?status=failed&sink=enforcement',
      headers: t.auth,
    });
    expect(list.statusCode).toBe(200);
    const dead = list.json().deliveries.find((d: { id: string }) => d.id === action!.deliveryId);
    expect(dead).toMatchObject({ sink: 'enforcement', status: 'failed', attempts: 3, lastStatusCode: 503, requestId: r.id });

    receiver.failNext(0);
    // A reviewer reads the list but may not retry.
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/sink-deliveries/${dead.id}/retry`,
      headers: t.auth,
    });
    expect(refused.statusCode).toBe(403);
    const retried = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/sink-deliveries/${dead.id}/retry`,
      headers: admin.auth,
    });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'queued', attempts: 0 });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/admin/sink-deliveries/${dead.id}/retry`,
      headers: admin.auth,
    });
    expect(again.statusCode).toBe(409);
    await eventually('the retried call confirmed', async () => (await actionsOf(r))[0]?.status === 'confirmed');
    const retriedEvents = await t.database.db.select().from(events).where(eq(events.type, 'enforcement_retried'));
    expect(retriedEvents.filter((e) => e.requestId === r.id)).toHaveLength(1);
  }, 40_000);
});
