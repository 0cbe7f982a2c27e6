/**
 * The portal's API-key page in a browser (issue 10, item 3): an agency admin officer creates a key,
 * sees it once and copies it, the key works against the API, and revoking it (after a confirmation)
 * stops it at once; the list never shows the key again. Then the page in Russian.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVerifiedAgency, type TestAgency } from '../test/support/agencies.js';
import { type DemoWrit, startDemoWrit } from './browser.js';

let writ: DemoWrit;
let base: string;
let agency: TestAgency;

async function officerContext(locale: string): Promise<BrowserContext> {
  const context = await writ.browser.newContext({ locale, timezoneId: 'Asia/Almaty' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  const token = agency.auth.authorization.replace(/^Bearer /, '');
  await context.addCookies([{ name: 'writ_officer', value: token, url: base, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

/** 403 (an agency's key, not an admin officer) when the key is accepted; 401 when it is refused. */
const keyStatus = async (key: string) =>
  (await fetch(`${base}/api/v1/authority/api-keys`, { headers: { authorization: `Bearer ${key}` } })).status;

beforeAll(async () => {
  writ = await startDemoWrit();
  base = writ.base;
  agency = await createVerifiedAgency(writ, 'KZ', { timeZone: 'Asia/Almaty' });
});
afterAll(async () => writ?.close());

describe('an admin officer manages the agency’s API keys', () => {
  it('creates a key, sees it once, copies it, and revokes it after confirming', async () => {
    const context = await officerContext('en-US');
    const page = await context.newPage();
    await page.goto(`${base}/portal/keys`);
    await page.getByTestId('key-form').waitFor();
    expect(await page.locator('h1').textContent()).toBe('API keys');
    await page.getByTestId('keys-none').waitFor();

    await page.getByTestId('key-name').fill('Case management system');
    await page.getByTestId('key-lifetime').selectOption('30');
    await page.getByTestId('key-create').click();
    const shown = page.getByTestId('key-value');
    await shown.waitFor();
    const key = ((await shown.textContent()) ?? '').trim();
    expect(key).toMatch(/^writ_ak_/);
    await page.getByTestId('key-copy').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    expect(await keyStatus(key)).toBe(403);

    // The list shows the key's start, never the key; once dismissed it is gone from the page.
    const row = page.getByTestId('key-row');
    await row.waitFor();
    expect(await row.getAttribute('data-state')).toBe('active');
    expect(await row.textContent()).toContain(key.slice(0, 12));
    await page.getByTestId('key-done').click();
    expect(await page.content()).not.toContain(key);

    await page.getByTestId('key-revoke').click();
    await page.getByRole('alertdialog').waitFor();
    expect(await keyStatus(key)).toBe(403); // nothing happens before the confirmation
    await page.getByTestId('key-revoke-confirm').click();
    await expect.poll(() => row.getAttribute('data-state')).toBe('revoked');
    expect(await keyStatus(key)).toBe(401);
    await context.close();
  });

  it('reads in Russian', async () => {
    const context = await officerContext('ru-RU');
    const page = await context.newPage();
    await page.goto(`${base}/portal/keys`);
    await page.getByTestId('key-form').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Ключи API');
    expect(await page.getByTestId('key-create').textContent()).toBe('Создать ключ');
    expect(await page.getByTestId('key-row').first().getAttribute('data-state')).toBe('revoked');
    await context.close();
  });
});
