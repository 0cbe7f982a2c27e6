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

/** A user-data order naming two accounts, recorded through the API as the demo reviewer. */
async function recordDataOrder(): Promise<string> {
  const [authority] = await writ.database.db
    .select({ id: authorities.id })
    .from(authorities)
    .where(eq(authorities.country, 'KZ'));
  const session = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoReviewer.email, password: demoReviewer.password }),
  });
  const { token } = (await session.json()) as { token: string };
  const res = await fetch(`${base}/api/v1/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      kind: 'user_data',
      authorityId: authority!.id,
      receivedAt: '2026-11-16T07:00:00Z',
      authorityTimeZone: 'Asia/Almaty',
      legalBasis: 'Code of Criminal Procedure, Art. 232',
      claimedCategories: [],
      channel: 'portal',
      items: [],
      dataRequest: {
        legalProcess: 'court_order',
        accounts: [
          { identifierKind: 'username', identifier: '@decisions_e2e' },
          { identifierKind: 'email', identifier: 'decisions.e2e@mail.kz.example' },
        ],
        categories: ['subscriber_information', 'ip_and_sign_in_logs'],
      },
    }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe('an account decision in the browser', () => {
  it('shows the server’s refusal at the field, then the decision with its categories and reason', async () => {
    const id = await recordDataOrder();
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
