/**
 * Pushback in Chromium against a real server (issue 12, deliverable 5): legal staff contest an order
 * received through the portal from the review page, with the legal argument; the agency's officer
 * reads the argument on the portal's order page and answers it; the answer shows on the review page,
 * in the pushback panel and in the order's history. A reviewer sees the pushback but no forms.
 */
import { hash } from '@node-rs/argon2';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usersRepository } from '../src/db/users-repository.js';
import { createVerifiedAgency, type TestAgency } from '../test/support/agencies.js';
import { type DemoWrit, signInAsDemoReviewer, startDemoWrit } from './browser.js';

let writ: DemoWrit;
let base: string;
let agency: TestAgency;
let orderId: string;
const legal = { email: 'lena.legal@platform.example', password: 'a long legal passphrase' };

async function signInAsLegal(page: Page): Promise<void> {
  await page.goto(`${base}/signin`);
  await page.getByTestId('signin-email').fill(legal.email);
  await page.getByTestId('signin-password').fill(legal.password);
  await page.getByTestId('signin-submit').click();
  await page.waitForURL(`${base}/review`);
}

beforeAll(async () => {
  writ = await startDemoWrit();
  base = writ.base;
  agency = await createVerifiedAgency(writ, 'KZ', { name: 'Ministry of Information', timeZone: 'Asia/Almaty' });
  await usersRepository(writ.database.db).create({
    email: legal.email,
    name: 'Lena Legal',
    role: 'legal',
    passwordHash: await hash(legal.password),
  });
  const order = await fetch(`${base}/api/v1/authority/orders`, {
    method: 'POST',
    headers: { ...agency.auth, 'content-type': 'application/json', origin: base },
    body: JSON.stringify({
      kind: 'content_removal',
      legalBasis: 'Law on Online Platforms, Art. 19',
      signer: 'A. Officer, head of department',
      statementOfReasons: 'The video insults a named journalist.',
      language: 'ru',
      requestedScope: [],
      items: [{ targetKind: 'url', target: 'https://video.example/watch/pushback', product: 'Video' }],
    }),
  });
  expect(order.status, await order.clone().text()).toBe(201);
  orderId = ((await order.json()) as { id: string }).id;
});
afterAll(async () => writ?.close());

describe('pushback on a portal order', () => {
  it('legal contests it, the officer reads the argument in the portal and answers, the answer shows on the review page', {
    timeout: 180_000,
  }, async () => {
    const argument = 'The video is <i>journalism</i> on a matter of public interest; Art. 20 of the Constitution protects it.';
    const page = await writ.browser.newPage();
    await signInAsLegal(page);
    await page.goto(`${base}/review/requests/${orderId}`);
    const panel = page.getByTestId('pushback-panel');
    await panel.waitFor();
    const fileForm = panel.getByTestId('pushback-file-form');
    // A court challenge without its court is refused at the field the server names.
    await fileForm.getByTestId('pushback-kind').selectOption('court_challenge');
    await fileForm.getByTestId('pushback-argument').fill(argument);
    await fileForm.getByTestId('pushback-case-number').fill('2-1234/26');
    await fileForm.getByTestId('pushback-file').click();
    await fileForm.locator('.field-error').first().waitFor();
    expect(await fileForm.locator('.field-error').count()).toBe(1);
    expect(await fileForm.getByTestId('pushback-court').getAttribute('aria-invalid')).toBe('true');
    // A contest with the authority, then.
    await fileForm.getByTestId('pushback-kind').selectOption('contest');
    await fileForm.getByTestId('pushback-file').click();
    const pushbacks = panel.getByTestId('pushback');
    await pushbacks.first().waitFor();
    expect(await pushbacks.count()).toBe(1);
    expect(await pushbacks.first().getAttribute('data-kind')).toBe('contest');
    expect(await pushbacks.first().getByTestId('pushback-argument-text').textContent()).toBe(argument);
    expect(await pushbacks.first().locator('i').count()).toBe(0);
    await page.locator('[data-testid="history-event"][data-type="pushback_filed"]').waitFor();

    // The officer reads it in the portal and answers.
    const context = await writ.browser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Almaty' });
    const token = agency.auth.authorization.replace(/^Bearer /, '');
    await context.addCookies([{ name: 'writ_officer', value: token, url: base, httpOnly: true, sameSite: 'Lax' }]);
    const portal = await context.newPage();
    await portal.goto(`${base}/portal/orders/${orderId}`);
    const seen = portal.getByTestId('portal-pushbacks');
    await seen.waitFor();
    expect(await seen.getByTestId('portal-pushback-argument').textContent()).toBe(argument);
    expect(await seen.textContent()).not.toContain('Lena');
    const answer = 'We maintain the order: the video names a private person, not a public figure.';
    await seen.getByTestId('pushback-answer-body').fill(answer);
    await seen.getByTestId('pushback-answer-send').click();
    await seen.getByTestId('portal-pushback-answer').first().waitFor();
    expect(await seen.getByTestId('portal-pushback-answer').count()).toBe(1);
    expect(await seen.getByTestId('portal-pushback-answer').textContent()).toContain(answer);

    // Back on the review page, the answer is there with the officer's name, and in the history.
    await page.reload();
    const answers = panel.getByTestId('pushback-answer');
    await answers.first().waitFor();
    expect(await answers.count()).toBe(1);
    expect(await answers.first().getAttribute('data-channel')).toBe('portal');
    expect(await answers.first().textContent()).toContain(answer);
    await page.locator('[data-testid="history-event"][data-type="pushback_answered"]').waitFor();

    // Legal records the outcome: the authority withdrew the order after all.
    const outcome = pushbacks.first().getByTestId('pushback-outcome-form');
    await outcome.getByTestId('pushback-outcome').selectOption('withdrawn_by_authority');
    await outcome.getByTestId('pushback-record-outcome').click();
    await panel.locator('[data-testid="pushback"][data-outcome="withdrawn_by_authority"]').waitFor();
    await panel.screenshot({ path: 'test-results/pushback.png' });

    // A reviewer sees the pushback, without the forms.
    const reviewerPage = await (await writ.browser.newContext()).newPage();
    await signInAsDemoReviewer(reviewerPage, base);
    await reviewerPage.goto(`${base}/review/requests/${orderId}`);
    const reviewerPanel = reviewerPage.getByTestId('pushback-panel');
    await reviewerPanel.getByTestId('pushback').first().waitFor();
    expect(await reviewerPanel.getByTestId('pushback').count()).toBe(1);
    expect(await reviewerPanel.locator('form').count()).toBe(0);
  });
});
