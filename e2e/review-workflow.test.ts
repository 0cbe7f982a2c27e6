/**
 * The acceptance test of issue 12: a browser walks a sensitive-category order through policy,
 * legal and human-rights review with two sign-offs, restricts one item in one country, issues the
 * user notice, and shows the enforcement confirmed by the reference receiver.
 *
 * Real parts throughout: PostgreSQL, Writ on loopback with its durable jobs, the reference content
 * system (examples/content-system) and a notice receiver verifying signatures, Chromium with three
 * people each signed in through the sign-in page (the demo's reviewer, lawyer and human-rights reviewer).
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver } from '../examples/content-system/receiver.mjs';
import { createWrit } from '../src/app/context.js';
import { loadConfig } from '../src/config.js';
import { authorities } from '../src/db/schema/index.js';
import { demoReviewer } from '../src/demo/demo-data.js';
import { demoStaff } from '../src/demo/demo-staff.js';
import { seedDemoData } from '../src/demo/seed.js';
import { buildApp } from '../src/http/app.js';
import { prepareJobTables } from '../src/jobs/queues.js';
import { type Jobs, startJobs } from '../src/jobs/runner.js';
import { freeLoopbackPort } from '../src/loopback.js';
import { createTestDatabase, type TestDatabase } from '../test/support/database.js';
import { eventually, startWebhookReceiver, type WebhookReceiver } from '../test/support/receivers.js';
import { assertWebBuilt, launchChromium, listen } from './browser.js';
import {
  approve,
  decide,
  nextStepIs,
  openItem,
  type Person,
  proposalWaitsForAnother,
  recordFinding,
  signedIn,
} from './staged-review-steps.js';

const enforcementSecret = `whsec_${randomBytes(32).toString('base64')}`;
const noticeSecret = `whsec_${randomBytes(32).toString('base64')}`;
const staff = (role: string): Person => {
  const member = demoStaff.find((m) => m.role === role)!;
  return { email: member.email, password: member.password };
};
const reviewer: Person = { email: demoReviewer.email, password: demoReviewer.password };
const legal = staff('legal');
const rights = staff('human_rights');
const legalName = demoStaff.find((m) => m.role === 'legal')!.name;

let database: TestDatabase;
let app: Awaited<ReturnType<typeof buildApp>>;
let jobs: Jobs;
let contentSystem: Awaited<ReturnType<typeof startReceiver>>;
let notices: WebhookReceiver;
let browser: Browser;
let base = '';

beforeAll(async () => {
  assertWebBuilt();
  database = await createTestDatabase();
  await seedDemoData(database.db, new Date());
  const contentPort = await freeLoopbackPort();
  notices = await startWebhookReceiver(() => noticeSecret);
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    WRIT_ENFORCEMENT_WEBHOOK_URL: `http://127.0.0.1:${contentPort}/writ`,
    WRIT_ENFORCEMENT_WEBHOOK_SECRET: enforcementSecret,
    WRIT_NOTICE_WEBHOOK_URL: notices.url('/notices'),
    WRIT_NOTICE_WEBHOOK_SECRET: noticeSecret,
    WRIT_JOBS_RETRY_SECONDS: '1',
    WRIT_JOBS_SWEEP_SECONDS: '1',
  });
  app = await buildApp({ config, database, logger: false });
  base = await listen(app);
  await prepareJobTables(database.url, null);
  contentSystem = await startReceiver({ port: contentPort, secret: enforcementSecret, writUrl: base });
  jobs = await startJobs({ pool: database.pool, writ: createWrit(database.db, config), log: () => undefined });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await jobs?.stop();
  await contentSystem?.close();
  await notices?.close();
  await app?.close();
  await database?.close();
});

type Recorded = { id: string; items: { id: string; target: string }[] };

/** The order as it arrived: two items, the first criticising the government. */
async function recordOrder(): Promise<Recorded> {
  const signIn = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(reviewer),
  });
  const { token } = (await signIn.json()) as { token: string };
  const [authority] = await database.db.select({ id: authorities.id }).from(authorities).where(eq(authorities.country, 'KZ'));
  const created = await fetch(`${base}/api/v1/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      kind: 'content_removal',
      authorityId: authority!.id,
      authorityTimeZone: 'Asia/Almaty',
      legalBasis: 'Law on Mass Media, Art. 2',
      claimedCategories: ['false information about state bodies'],
      channel: 'portal',
      items: [
        { targetKind: 'url', target: 'https://video.example/watch/minister-critique', product: 'Video' },
        { targetKind: 'url', target: 'https://video.example/watch/harassment-clip', product: 'Video' },
      ],
    }),
  });
  expect(created.status, await created.clone().text()).toBe(201);
  return (await created.json()) as Recorded;
}

describe('the review workflow, end to end', () => {
  it('reviews a sensitive order in three stages, two people restrict one item in KZ, the user is told and the content system confirms', async () => {
    const order = await recordOrder();
    const [critique, harassment] = order.items as [Recorded['items'][number], Recorded['items'][number]];

    // The reviewer: the second item is decided at once; the first gets its policy review.
    const reviewerPage = await signedIn(browser, base, reviewer);
    const other = await openItem(reviewerPage, base, order.id, harassment.id);
    await decide(other, { outcome: 'no_action', reason: 'Bullying/Harassment', rationale: 'Not harassment; nothing to do.' });
    await other.locator('[data-testid="decision-outcome-label"][data-outcome="no_action"]').waitFor();
    let card = await openItem(reviewerPage, base, order.id, critique.id);
    await recordFinding(card, 'policy', 'no_violation', 'Breaks none of our rules: it criticises a minister.', {
      reason: 'Government Criticism',
      topics: ['government_criticism'],
    });
    await nextStepIs(card, 'legal');
    expect(await card.getByTestId('stage-waiting-for').textContent()).toBe('Waiting for: Legal');
    // A reviewer may not do the legal stage: no form.
    expect(await card.getByTestId('stage-form').count()).toBe(0);
    expect(
      await reviewerPage.locator(`[data-testid="stages-summary-row"][data-item-id="${critique.id}"]`).getAttribute('data-next'),
    ).toBe('legal');

    // The lawyer: unlawful where it was requested.
    const legalPage = await signedIn(browser, base, legal);
    card = await openItem(legalPage, base, order.id, critique.id);
    await recordFinding(card, 'legal', 'unlawful_locally', 'A court in Astana found it unlawful under Art. 2.');
    await nextStepIs(card, 'human_rights');

    // The human-rights reviewer: proceed (a narrow, lawful restriction).
    const rightsPage = await signedIn(browser, base, rights);
    card = await openItem(rightsPage, base, order.id, critique.id);
    await recordFinding(card, 'human_rights', 'proceed', 'A court order, restricted in KZ only: proportionate.');
    await nextStepIs(card, 'decide');

    // The lawyer proposes the restriction in KZ only; it waits for a second person.
    card = await openItem(legalPage, base, order.id, critique.id);
    await decide(card, {
      outcome: 'removed_legal',
      reason: 'Government Criticism',
      scope: 'KZ',
      rationale: 'Court order of the Astana district court; restricted where it applies only.',
      publicSummary: 'A video criticising a minister was restricted in Kazakhstan on a court order.',
    });
    await proposalWaitsForAnother(card, legalName);
    await nextStepIs(card, 'sign_off');

    // The human-rights reviewer signs off: the proposal becomes the decision.
    card = await openItem(rightsPage, base, order.id, critique.id);
    await approve(card, 'Checked the court order; approved.');
    const outcome = card.getByTestId('decision-outcome-label');
    expect(await outcome.getAttribute('data-outcome')).toBe('removed_legal');
    expect(await card.getByTestId('decision-signed-off').textContent()).toContain('Demo Human-Rights Reviewer');
    expect(await card.textContent()).toContain('Kazakhstan (KZ)');

    // The lawyer issues the user notice from the order page; it reaches the messaging system signed.
    await legalPage.goto(`${base}/review/requests/${order.id}`);
    const noticeForm = legalPage.getByTestId('notice-form');
    await noticeForm.locator('select[name="itemId"]').selectOption(critique.id);
    await noticeForm.locator('input[name="recipient"]').fill('channel-8841');
    await noticeForm.locator('button[type="submit"]').click();
    await legalPage.locator('[data-testid="notice"][data-status="sent"]').waitFor();
    const call = await eventually('the notice at the receiver', async () =>
      notices.calls.find((c) => c.type === 'notice.issued'),
    );
    expect(call.verified).toBe(true);
    expect(JSON.stringify(call.data)).toContain('channel-8841');

    // The order page shows the enforcement confirmed by the content system (reloaded until it is).
    const confirmed = await eventually('the action confirmed on the order page', async () => {
      await legalPage.goto(`${base}/review/requests/${order.id}`);
      const action = legalPage.getByTestId('enforcement-action');
      await action.first().waitFor();
      return (await action.first().getAttribute('data-status')) === 'confirmed' ? action.first() : undefined;
    });
    expect(await confirmed.getByTestId('enforcement-effective-at').locator('time').getAttribute('datetime')).toBeTruthy();
    expect(await legalPage.getByTestId('enforcement-action').count()).toBe(1);

    // The content system holds the item restricted in KZ only; the other item was never sent.
    expect(contentSystem.store.get(critique.id)).toMatchObject({ state: 'restricted', countries: ['KZ'] });
    expect(contentSystem.store.has(harassment.id)).toBe(false);
    expect(contentSystem.calls.every((c) => c.verified)).toBe(true);
  }, 180_000);
});
