/**
 * A data order through the portal in a browser (issue 11 item 1): an officer of a verified agency
 * (the officer's cookie of a full session, made directly: sign-in has its own test) chooses a user
 * data order, sees only the legal processes it may rest on, names an account and an IP address with
 * its window, is told at the field when the window is missing, sends it, and once the reviewers
 * decide one account as produced and one as refused, reads each account's outcome (never the
 * reviewers' rationale) and the production's download link on the order's page.
 */
import { eq } from 'drizzle-orm';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productions, users } from '../src/db/schema/index.js';
import { demoReviewer } from '../src/demo/demo-data.js';
import { legalProcessTypes } from '../src/domain/data-request.js';
import { createVerifiedAgency, type TestAgency } from '../test/support/agencies.js';
import { type DemoWrit, startDemoWrit } from './browser.js';

const zone = 'Asia/Almaty';

let writ: DemoWrit;
let base: string;
let agency: TestAgency;
let staff: { authorization: string };

async function asReviewer<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...staff, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function officerContext(locale: string): Promise<BrowserContext> {
  const context = await writ.browser.newContext({ locale, timezoneId: zone });
  const token = agency.auth.authorization.replace(/^Bearer /, '');
  await context.addCookies([{ name: 'writ_officer', value: token, url: base, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

beforeAll(async () => {
  writ = await startDemoWrit();
  base = writ.base;
  agency = await createVerifiedAgency(writ, 'KZ', { timeZone: zone });
  const session = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoReviewer.email, password: demoReviewer.password }),
  });
  staff = { authorization: `Bearer ${((await session.json()) as { token: string }).token}` };
});

afterAll(async () => writ?.close());

type AgencyOrder = {
  id: string;
  dataRequest: {
    legalProcess: string;
    categories: string[];
    accounts: { id: string; identifierKind: string; identifier: string; from: string | null; to: string | null }[];
  } | null;
};

describe('an officer sends a user data order through the portal', () => {
  let orderId: string;

  it('names the legal process, an account and an IP address with its window, and gets the receipt', async () => {
    const context = await officerContext('en-GB');
    const page = await context.newPage();
    await page.goto(`${base}/portal/orders/new`);
    await page.getByTestId('order-form').waitFor();
    await page.getByTestId('order-kind').selectOption('user_data');
    const process = page.getByTestId('portal-data-legal-process');
    await process.waitFor();
    // A user data order rests on legal process in Meta's sense only: no emergency, no preservation request.
    const offered = await process.evaluate((s: HTMLSelectElement) => [...s.options].map((o) => o.value));
    expect(offered).toEqual([...legalProcessTypes]);
    expect(await page.getByTestId('order-item').count()).toBe(0);

    await page.getByTestId('order-legal-basis').fill('Criminal Procedure Code, Art. 232');
    await page.getByTestId('order-signer').fill('A. Investigator, Major of Justice');
    await page.getByTestId('order-statement').fill('The accounts were used to plan a fraud.');
    await process.selectOption('search_warrant');
    // The data asked for first: once the IP address below is left without its window, the field's error
    // appears above the boxes and moves them down between a click's press and release.
    await page.getByTestId('portal-data-category-subscriber_information').check();
    await page.getByTestId('portal-data-category-ip_and_sign_in_logs').check();
    await page.getByTestId('portal-account-kind-0').selectOption('username');
    await page.getByTestId('portal-account-identifier-0').fill('first_user');
    await page.getByTestId('portal-account-add').click();
    await page.getByTestId('portal-account-kind-1').selectOption('ip_address');
    await page.getByTestId('portal-account-identifier-1').fill('203.0.113.7');

    // Without its window, the IP address is refused at the field, and nothing is stored.
    await page.getByTestId('order-submit').click();
    await expect.poll(() => page.getByTestId('portal-account-from-1').getAttribute('aria-invalid')).toBe('true');
    const none = (await (await fetch(`${base}/api/v1/authority/orders`, { headers: agency.auth })).json()) as { total: number };
    expect(none.total).toBe(0);

    await page.getByTestId('portal-account-from-1').fill('2026-05-01T10:00');
    await page.getByTestId('portal-account-to-1').fill('2026-05-01T12:00');
    await page.getByTestId('order-submit').click();
    await page.getByTestId('order-receipt').waitFor();
    expect(await page.getByTestId('missing-elements').count()).toBe(0);

    const list = (await (await fetch(`${base}/api/v1/authority/orders`, { headers: agency.auth })).json()) as {
      total: number;
      orders: AgencyOrder[];
    };
    expect(list.total).toBe(1);
    const order = list.orders[0]!;
    orderId = order.id;
    expect(order.dataRequest).toMatchObject({
      legalProcess: 'search_warrant',
      categories: ['subscriber_information', 'ip_and_sign_in_logs'],
    });
    // The window typed in the browser's zone (Almaty) is the same instant on the server.
    expect(
      order.dataRequest!.accounts.map(({ identifierKind, identifier, from, to }) => ({ identifierKind, identifier, from, to })),
    ).toEqual([
      { identifierKind: 'username', identifier: 'first_user', from: null, to: null },
      {
        identifierKind: 'ip_address',
        identifier: '203.0.113.7',
        from: '2026-05-01T10:00:00+05:00',
        to: '2026-05-01T12:00:00+05:00',
      },
    ]);
    await context.close();
  });

  it('reads each account’s outcome and the production’s download link, never the rationale', async () => {
    const order = (await (
      await fetch(`${base}/api/v1/authority/orders/${orderId}`, { headers: agency.auth })
    ).json()) as AgencyOrder;
    const [first, second] = order.dataRequest!.accounts;
    await asReviewer('PUT', `/api/v1/requests/${orderId}/accounts/${first!.id}/decision`, {
      extent: 'all',
      legalBasis: 'Terms of Service, section 4',
      rationale: 'INTERNAL NOTE the warrant is valid',
    });
    await asReviewer('PUT', `/api/v1/requests/${orderId}/accounts/${second!.id}/decision`, {
      extent: 'none',
      refusalReason: 'overbroad',
      legalBasis: 'Terms of Service, section 4',
      rationale: 'INTERNAL NOTE a shared address',
    });
    const [reviewer] = await writ.database.db.select({ id: users.id }).from(users).where(eq(users.email, demoReviewer.email));
    const [production] = await writ.database.db
      .insert(productions)
      .values({
        requestId: orderId,
        fileName: 'production.zip',
        size: 2048,
        sha256: 'c'.repeat(64),
        storageKey: `productions/${orderId}`,
        manifest: { files: [{ name: 'subscriber.csv', size: 120, sha256: 'd'.repeat(64) }] },
        availableUntil: new Date(Date.now() + 14 * 86_400_000),
        createdBy: reviewer!.id,
      } as typeof productions.$inferInsert)
      .returning();

    const context = await officerContext('en-GB');
    const page = await context.newPage();
    await page.goto(`${base}/portal/orders/${orderId}`);
    await page.getByTestId('portal-order').waitFor();
    const outcomes = page.getByTestId('portal-account-outcome');
    await expect.poll(() => outcomes.count()).toBe(2);
    expect(await outcomes.nth(0).getAttribute('data-extent')).toBe('all');
    expect(await outcomes.nth(1).getAttribute('data-extent')).toBe('none');
    expect(await outcomes.nth(1).getByTestId('portal-account-refusal').textContent()).not.toBe('');
    expect(await page.getByTestId('portal-production').count()).toBe(1);
    const link = page.getByTestId('portal-production-download');
    expect(await link.getAttribute('href')).toBe(`/api/v1/authority/orders/${orderId}/productions/${production!.id}/download`);
    expect(await link.getAttribute('download')).toBe('production.zip');
    expect(await page.locator('body').textContent()).not.toContain('INTERNAL NOTE');
    await context.close();
  });
});
