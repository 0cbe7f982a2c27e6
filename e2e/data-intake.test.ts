/**
 * Recording a user-data order through the reviewers' intake form (issue 11): the data part replaces
 * the items, the legal process offers only what the kind allows, two accounts are named (an IP
 * address with its window, read in the authority's zone), a missing identifier is refused at its
 * field, and the order page shows the accounts.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoWrit, signInAsDemoReviewer, startDemoWrit } from './browser.js';

const now = new Date('2026-03-11T00:00:00Z');

let writ: DemoWrit;
let browser: Browser;
let base: string;

beforeAll(async () => {
  writ = await startDemoWrit({ now });
  ({ base, browser } = writ);
});
afterAll(async () => writ?.close());

/** The messages a control's aria-describedby points to. */
function describedText(page: Page, testId: string): Promise<string> {
  return page.getByTestId(testId).evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' | '),
  );
}

const optionsOf = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((s: HTMLSelectElement) => [...s.options].map((o) => o.value).filter(Boolean));

describe('recording a user-data order in the browser', () => {
  it('names two accounts instead of items, and the order page shows them', async () => {
    const page = await browser.newPage();
    await signInAsDemoReviewer(page, base);
    await page.goto(`${base}/review/new`);
    await page.getByTestId('intake-form').waitFor();
    await page.getByTestId('intake-authority').selectOption({ label: 'Ministry of Culture and Information (demo)' });
    await expect.poll(() => page.getByTestId('intake-zone').inputValue()).toBe('Asia/Almaty');

    // An emergency rests on an emergency request only, and states its threat; a user-data order on legal process.
    await page.getByTestId('intake-kind').selectOption('emergency_disclosure');
    expect(await page.getByTestId('intake-item').count()).toBe(0);
    expect(await optionsOf(page, 'data-legal-process')).toEqual(['emergency_request']);
    await page.getByTestId('data-emergency-threat').waitFor();
    await page.getByTestId('intake-kind').selectOption('user_data');
    expect(await optionsOf(page, 'data-legal-process')).toEqual([
      'search_warrant',
      'subpoena',
      'court_order',
      'mlat_request',
      'other',
    ]);
    expect(await page.getByTestId('data-emergency-threat').count()).toBe(0);

    await page.getByTestId('intake-received').fill('2026-03-10T23:30');
    await page.getByTestId('intake-reference').fill('DATA-2026/17');
    await page.getByTestId('intake-legal-basis').fill('Criminal Procedure Code, Art. 232');
    await page.getByTestId('data-legal-process').selectOption('court_order');
    await page.getByTestId('data-account-kind-0').selectOption('username');
    await page.getByTestId('data-account-identifier-0').fill('first_user');
    await page.getByTestId('data-account-add').click();
    await page.getByTestId('data-account-kind-1').selectOption('ip_address');
    await page.getByTestId('data-account-from-1').fill('2026-03-01T10:00');
    await page.getByTestId('data-account-to-1').fill('2026-03-01T12:00');
    await page.getByTestId('data-category-subscriber_information').check();
    await page.getByTestId('data-category-ip_and_sign_in_logs').check();
    await page.getByTestId('data-non-disclosure-until').fill('2026-09-01T00:00');

    // The second account has no identifier yet: refused at its field, nothing sent.
    await page.getByTestId('intake-submit').click();
    await expect.poll(() => describedText(page, 'data-account-identifier-1')).toContain('must not be empty');
    expect(page.url()).toBe(`${base}/review/new`);
    await page.getByTestId('data-account-identifier-1').fill('203.0.113.7');
    await page.getByTestId('intake-submit').click();
    await page.waitForURL(/\/review\/requests\/[0-9a-f-]{36}$/);

    const accounts = page.getByTestId('data-account');
    await expect.poll(() => accounts.count()).toBe(2);
    expect(await page.getByTestId('data-account-identifier').allTextContents()).toEqual(['first_user', '203.0.113.7']);

    // Stored as sent: the window and the non-disclosure order read in Almaty's time (UTC+5).
    const id = page.url().split('/').at(-1);
    const order = await page.evaluate(async (id) => {
      const response = await fetch(`/api/v1/requests/${id}`, { credentials: 'same-origin' });
      return response.json();
    }, id);
    expect(order).toMatchObject({ kind: 'user_data', itemCount: 2, items: [] });
    expect(order.dataRequest).toMatchObject({
      legalProcess: 'court_order',
      categories: ['subscriber_information', 'ip_and_sign_in_logs'],
      accounts: [
        { identifierKind: 'username', identifier: 'first_user' },
        { identifierKind: 'ip_address', identifier: '203.0.113.7' },
      ],
    });
    expect(new Date(order.dataRequest.accounts[1].from).toISOString()).toBe('2026-03-01T05:00:00.000Z');
    expect(new Date(order.dataRequest.accounts[1].to).toISOString()).toBe('2026-03-01T07:00:00.000Z');
    expect(new Date(order.dataRequest.nonDisclosureUntil).toISOString()).toBe('2026-08-31T19:00:00.000Z');
    await page.close();
  });
});
