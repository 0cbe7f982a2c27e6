/**
 * Enforcement in a browser (issue 12): with the reference content system on loopback and the real
 * jobs, the order page shows a restrictive decision's action confirmed with the instant it took
 * effect; a call the content system keeps refusing is listed on /admin/enforcement, and the admin's
 * Retry sends it again until it is confirmed.
 */
import { hash } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver } from '../examples/content-system/receiver.mjs';
import { createWrit } from '../src/app/context.js';
import { loadConfig } from '../src/config.js';
import { authorities, enforcementActionsTable } from '../src/db/schema/index.js';
import { usersRepository } from '../src/db/users-repository.js';
import { demoReviewer } from '../src/demo/demo-data.js';
import { seedDemoData } from '../src/demo/seed.js';
import { buildApp } from '../src/http/app.js';
import { prepareJobTables } from '../src/jobs/queues.js';
import { type Jobs, startJobs } from '../src/jobs/runner.js';
import { freeLoopbackPort } from '../src/loopback.js';
import { createTestDatabase, type TestDatabase } from '../test/support/database.js';
import { eventually } from '../test/support/receivers.js';
import { assertWebBuilt, launchChromium, listen } from './browser.js';

const secret = `whsec_${Buffer.from('content-system-secret-for-the-browser').toString('base64')}`;
let database: TestDatabase;
let app: Awaited<ReturnType<typeof buildApp>>;
let jobs: Jobs;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let browser: Browser;
let base = '';
let adminToken = '';
let reviewerToken = '';

const signIn = async (email: string, password: string) => {
  const res = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return ((await res.json()) as { token: string }).token;
};

beforeAll(async () => {
  assertWebBuilt();
  database = await createTestDatabase();
  await seedDemoData(database.db, new Date());
  const receiverPort = await freeLoopbackPort();
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    WRIT_ENFORCEMENT_WEBHOOK_URL: `http://127.0.0.1:${receiverPort}/writ`,
    WRIT_ENFORCEMENT_WEBHOOK_SECRET: secret,
    WRIT_SINK_ATTEMPTS: '2',
    WRIT_JOBS_RETRY_SECONDS: '1',
    WRIT_JOBS_SWEEP_SECONDS: '1',
  });
  app = await buildApp({ config, database, logger: false });
  base = await listen(app);
  await prepareJobTables(database.url, null);
  receiver = await startReceiver({ port: receiverPort, secret, writUrl: base });
  jobs = await startJobs({ pool: database.pool, writ: createWrit(database.db, config), log: () => undefined });
  browser = await launchChromium();
  await usersRepository(database.db).create({
    email: 'root@platform.example',
    name: 'Ada Admin',
    role: 'admin',
    passwordHash: await hash('a long admin passphrase'),
  });
  adminToken = await signIn('root@platform.example', 'a long admin passphrase');
  reviewerToken = await signIn(demoReviewer.email, demoReviewer.password);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await jobs?.stop();
  await receiver?.close();
  await app?.close();
  await database?.close();
});

async function adminContext(): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Almaty' });
  await context.addCookies([{ name: 'writ_session', value: adminToken, url: base, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

type Recorded = { id: string; items: { id: string; target: string }[] };

async function restrictedOrder(): Promise<Recorded> {
  const [authority] = await database.db.select({ id: authorities.id }).from(authorities).where(eq(authorities.country, 'KZ'));
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${reviewerToken}` };
  const created = await fetch(`${base}/api/v1/requests`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      kind: 'content_removal',
      authorityId: authority!.id,
      authorityTimeZone: 'Asia/Almaty',
      legalBasis: 'Law on Online Platforms, Art. 19',
      claimedCategories: ['cyberbullying of a child'],
      channel: 'portal',
      items: [{ targetKind: 'url', target: `https://video.example/watch/${Date.now()}`, product: 'Video' }],
    }),
  });
  expect(created.status, await created.clone().text()).toBe(201);
  const order = (await created.json()) as Recorded;
  const decided = await fetch(`${base}/api/v1/requests/${order.id}/items/${order.items[0]!.id}/decision`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({
      outcome: 'removed_legal',
      reason: 'Bullying/Harassment',
      scopeCountries: ['KZ'],
      rationale: 'Art. 19',
    }),
  });
  expect(decided.status, await decided.clone().text()).toBe(200);
  return order;
}

const statusOf = async (order: Recorded) =>
  (await database.db.select().from(enforcementActionsTable).where(eq(enforcementActionsTable.requestId, order.id)))[0];

describe('enforcement in the browser', () => {
  it('shows the action confirmed on the order page, with the instant it took effect', async () => {
    const order = await restrictedOrder();
    const action = await eventually('confirmed', async () => {
      const a = await statusOf(order);
      return a?.status === 'confirmed' ? a : undefined;
    });
    const context = await adminContext();
    const page = await context.newPage();
    await page.goto(`${base}/review/requests/${order.id}`);
    const row = page.getByTestId('enforcement-action');
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('confirmed');
    expect(await row.getAttribute('data-action-id')).toBe(action.id);
    const effective = row.getByTestId('enforcement-effective-at').locator('time');
    expect(await effective.getAttribute('datetime')).toBe(action.effectiveAt!.toISOString());
    expect(await row.textContent()).toContain('Restrict in countries');
    await context.close();
  }, 60_000);

  it('lists a dead letter on the admin page, and Retry sends it again', async () => {
    receiver.failNext(1000);
    const order = await restrictedOrder();
    const action = await eventually('dead-lettered', async () => {
      const a = await statusOf(order);
      return a?.status === 'failed' ? a : undefined;
    });
    receiver.failNext(0);
    const context = await adminContext();
    const page = await context.newPage();
    await page.goto(`${base}/admin/enforcement`);
    const row = page.locator(`[data-testid="sink-row"][data-delivery-id="${action.deliveryId}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('failed');
    expect(await row.textContent()).toContain('503');
    await row.getByTestId('sink-retry').click();
    await row.waitFor({ state: 'detached' });
    await eventually('confirmed after the retry', async () => (await statusOf(order))?.status === 'confirmed');
    await context.close();
  }, 60_000);
});
