/**
 * The thread panel on the reviewer's order page, in Chromium against a real server: a message to the
 * authority shown as text, a clarification request with a missing element (the order waits, the
 * clock's state shown), and the officer's answer shown with the officer's name and agency, in the
 * thread and in the history.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelOrders, requests } from '../src/db/schema/index.js';
import { createVerifiedAgency, type TestAgency } from '../test/support/agencies.js';
import type { TestApp } from '../test/support/app.js';
import { type DemoWrit, signInAsDemoReviewer, startDemoWrit } from './browser.js';

let writ: DemoWrit;
let agency: TestAgency;
let orderId: string;

beforeAll(async () => {
  writ = await startDemoWrit();
  agency = await createVerifiedAgency({ database: writ.database } as TestApp, 'KZ', { name: 'Ministry of Information' });
  const [order] = await writ.database.db.select({ id: requests.id }).from(requests).where(eq(requests.reference, 'WR-000001'));
  orderId = order!.id;
  await writ.database.db
    .insert(channelOrders)
    .values({ requestId: orderId, agencyId: agency.id, submittedByOfficerId: agency.officer.id });
});
afterAll(async () => writ?.close());

describe('the thread panel on an order', () => {
  it('writes to the authority, asks it to clarify, and shows the officer’s answer', { timeout: 120_000 }, async () => {
    const page = await writ.browser.newPage();
    await signInAsDemoReviewer(page, writ.base);
    await page.goto(`${writ.base}/review/requests/${orderId}`);
    const panel = page.getByTestId('thread-panel');
    await panel.waitFor();
    await expect.poll(() => panel.getByTestId('thread-clock').getAttribute('data-paused')).toBe('false');

    const markup = 'Please <b>confirm</b> the account.';
    const messageForm = panel.getByTestId('thread-message-form');
    await messageForm.locator('textarea').fill(markup);
    await messageForm.getByRole('button').click();
    const messages = panel.getByTestId('thread-message');
    await expect.poll(() => messages.count()).toBe(1);
    expect(await messages.first().locator('.thread-body').textContent()).toBe(markup);
    expect(await messages.first().locator('b').count()).toBe(0);

    const clarify = panel.getByTestId('clarification-form');
    await clarify.locator('textarea').fill('Who signed the order?');
    await clarify.getByTestId('missing-signer').check();
    await clarify.getByTestId('clarification-send').click();
    await expect.poll(() => messages.count()).toBe(2);
    await expect.poll(() => messages.nth(1).getAttribute('data-kind')).toBe('clarification_request');
    await panel.getByTestId('thread-missing').locator('[data-element="signer"]').waitFor();
    await expect
      .poll(async () => (await page.getByTestId('request-status').textContent())?.toLowerCase())
      .toContain('clarification');

    const answer = await fetch(`${writ.base}/api/v1/authority/orders/${orderId}/clarification-answer`, {
      method: 'POST',
      headers: { ...agency.auth, 'content-type': 'application/json', origin: writ.base },
      body: JSON.stringify({ body: 'Signed by the deputy minister.' }),
    });
    expect(answer.status).toBe(201);
    await page.reload();
    await expect.poll(() => messages.count()).toBe(3);
    const last = messages.nth(2);
    expect(await last.getAttribute('data-kind')).toBe('clarification_answer');
    expect(await last.textContent()).toContain('first (Ministry of Information)');
    expect(await panel.getByTestId('thread-missing').count()).toBe(0);
    const history = page.locator('[data-testid="history-event"][data-type="clarification_answered"]');
    expect(await history.textContent()).toContain('first (Ministry of Information)');
    expect(await history.textContent()).toContain('The deadline did not move');
    const asked = page.locator('[data-testid="history-event"][data-type="clarification_requested"]');
    expect(await asked.textContent()).toContain('Missing: Signer (name and position)');
    await panel.screenshot({ path: 'test-results/review-thread.png' });
  });
});
