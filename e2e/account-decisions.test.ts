/**
 * Deciding an account of a data order in the browser (issue 11): the server's refusal is shown at
 * the field it names, and the decision then shows with its extent, categories and reason.
 */
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorities } from '../src/db/schema/index.js';
import { demoReviewer } from '../src/demo/demo-data.js';
import { type DemoWrit, signInAsDemoReviewer, startDemoWrit } from './browser.js';

const now = new Date('2026-11-16T08:00:00Z');
let writ: DemoWrit;
let browser: Browser;
let base: string;

beforeAll(async () => {
  writ = await startDemoWrit({ now });
  ({ base, browser } = writ);
});
afterAll(async () => writ?.close());

async function token(): Promise<string> {
  const session = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoReviewer.email, password: demoReviewer.password }),
  });
  return ((await session.json()) as { token: string }).token;
}

type Recorded = { id: string; reference: string; dataRequest: { accounts: { id: string }[] } };

/** A data order naming two accounts, recorded through the API as the demo reviewer. */
async function recordDataOrder(kind = 'user_data', receivedAt = '2026-11-16T07:00:00Z'): Promise<Recorded> {
  const [authority] = await writ.database.db
    .select({ id: authorities.id })
    .from(authorities)
    .where(eq(authorities.country, 'KZ'));
  const res = await fetch(`${base}/api/v1/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await token()}` },
    body: JSON.stringify({
      kind,
      authorityId: authority!.id,
      receivedAt,
      authorityTimeZone: 'Asia/Almaty',
      legalBasis: 'Code of Criminal Procedure, Art. 232',
      claimedCategories: [],
      channel: 'portal',
      items: [],
      dataRequest: {
        legalProcess: kind === 'emergency_disclosure' ? 'emergency_request' : 'court_order',
        ...(kind === 'emergency_disclosure'
          ? { emergency: { threat: 'kidnapping', justification: 'A child was taken an hour ago.' } }
          : {}),
        accounts: [
          { identifierKind: 'username', identifier: '@decisions_e2e' },
          { identifierKind: 'email', identifier: 'decisions.e2e@mail.kz.example' },
        ],
        categories: ['subscriber_information', 'ip_and_sign_in_logs'],
      },
    }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Recorded;
}

describe('an account decision in the browser', () => {
  it('shows the server’s refusal at the field, then the decision with its categories and reason', async () => {
    const { id } = await recordDataOrder();
    const page = await browser.newPage();
    await signInAsDemoReviewer(page, base);
    await page.goto(`${base}/review/requests/${id}`);
    const account = page.getByTestId('data-account').nth(0);
    const form = account.getByTestId('account-decision-form');
    await form.waitFor();

    // Some data, but no category ticked: the server refuses and says so at the categories.
    await form.getByTestId('account-extent-some').check();
    await form.getByTestId('account-refusal-reason').selectOption('overbroad');
    await form.getByTestId('account-legal-basis').fill('Code of Criminal Procedure, Art. 232');
    await form.getByTestId('account-rationale').fill('The sign-in logs asked for reach beyond the offence.');
    await form.getByTestId('account-decide').click();
    await expect.poll(async () => (await form.textContent()) ?? '').toContain('name the categories produced');
    expect(await account.getByTestId('account-decision').count()).toBe(0);

    await form.getByTestId('account-category-subscriber_information').check();
    await form.getByTestId('account-decide').click();
    const shown = account.getByTestId('account-decision');
    await shown.waitFor();
    const text = (await shown.textContent()) ?? '';
    expect(text).toContain('Some');
    expect(text).toContain('Subscriber information');
    expect(text).toContain('Overbroad');
    expect(text).toContain('Demo Reviewer');
    await expect
      .poll(async () => ((await page.getByTestId('request-status').textContent()) ?? '').toLowerCase())
      .toContain('in review');
    await page.close();
  });
});

describe('an emergency disclosure in the browser', () => {
  it('shows the review and follow-up due dates, and links the follow-up process named by its reference', async () => {
    const order = await recordDataOrder('emergency_disclosure', '2026-11-16T06:00:00Z');
    const decided = await fetch(`${base}/api/v1/requests/${order.id}/accounts/${order.dataRequest.accounts[0]!.id}/decision`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token()}` },
      body: JSON.stringify({ extent: 'all', legalBasis: 'Emergency policy', rationale: 'Risk to a child' }),
    });
    expect(decided.status).toBe(200);
    const followUp = await recordDataOrder('user_data', '2026-11-16T07:30:00Z');

    const page = await browser.newPage();
    await signInAsDemoReviewer(page, base);
    await page.goto(`${base}/review/requests/${order.id}`);
    const panel = page.getByTestId('emergency-review');
    await panel.getByTestId('emergency-review-due').waitFor();
    // Decided at the server's fixed clock: the review is due 72 hours later.
    expect(await panel.getByTestId('emergency-review-due').textContent()).toContain('19 Nov 2026');
    expect(await panel.getByTestId('emergency-follow-up-due').textContent()).toContain('16 Dec 2026');

    await panel.getByTestId('emergency-follow-up-reference').fill(order.reference);
    await panel.getByTestId('emergency-follow-up-submit').click();
    await expect.poll(async () => (await panel.textContent()) ?? '').toContain('another order than the emergency');
    await panel.getByTestId('emergency-follow-up-reference').fill(followUp.reference);
    await panel.getByTestId('emergency-follow-up-submit').click();
    await panel.getByTestId('emergency-follow-up').waitFor();
    expect(await panel.getByTestId('emergency-follow-up').textContent()).toContain(followUp.reference);
    await page.close();
  });
});
