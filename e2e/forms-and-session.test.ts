/**
 * The web's forms and session in Chromium: a field's error clears as soon as the field is valid,
 * a refusal from the server is shown at the field it names, and a session that ends while the
 * reviewer works sends them to sign-in, which brings them back to the same page.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAuthorities, demoReviewer } from '../src/demo/demo-data.js';
import { type DemoWrit, signInAsDemoReviewer, startDemoWrit } from './browser.js';

let writ: DemoWrit;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  writ = await startDemoWrit();
  context = await writ.browser.newContext();
  page = await context.newPage();
});
afterAll(async () => writ?.close());

/** The messages a control's aria-describedby points to. */
const describedText = (control: Locator) =>
  control.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' | '),
  );

/** Calls to the API that change something, as `METHOD /path`. */
function changesSent(): string[] {
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.method() !== 'GET' && new URL(r.url()).pathname.startsWith('/api/'))
      sent.push(`${r.method()} ${new URL(r.url()).pathname}`);
  });
  return sent;
}

async function openRequest(reference: string): Promise<string> {
  await page.goto(`${writ.base}/review`);
  await page.locator(`[data-testid="queue-row"][data-reference="${reference}"] a`).first().click();
  await page.waitForURL(/\/review\/requests\/[0-9a-f-]+$/);
  await page.getByTestId('item').first().waitFor();
  return new URL(page.url()).pathname;
}

describe('a form', () => {
  it('says what is wrong with a field at the field, and stops saying it as soon as the field is valid', async () => {
    await signInAsDemoReviewer(page, writ.base);
    await openRequest('WR-000002');
    const sent = changesSent();
    const item = page.getByTestId('item').first();

    // Sent with no outcome and no rationale: the API's schema refuses both in the browser.
    await item.getByTestId('decision-submit').click();
    const rationale = item.getByTestId('decision-rationale');
    await expect.poll(() => rationale.getAttribute('aria-invalid')).toBe('true');
    expect(await describedText(rationale)).toContain('must not be empty');
    expect(await item.getByTestId('decision-outcome').getAttribute('aria-invalid')).toBe('true');
    expect(await describedText(item.getByTestId('decision-outcome'))).toContain('choose one');
    expect(sent).toEqual([]);

    // Typing a rationale clears its error at once; the outcome, still unchosen, keeps its own.
    await rationale.fill('Unlawful under the cited article.');
    await expect.poll(() => rationale.getAttribute('aria-invalid')).toBeNull();
    expect(await describedText(rationale)).not.toContain('must not be empty');
    expect(await item.getByTestId('decision-outcome').getAttribute('aria-invalid')).toBe('true');
    await item.getByTestId('decision-outcome').selectOption('no_action');
    await expect.poll(() => item.getByTestId('decision-outcome').getAttribute('aria-invalid')).toBeNull();
    expect(sent).toEqual([]);
  });

  it('shows a refusal from the server at the field it names', async () => {
    const known = demoAuthorities.find((a) => a.country === 'KZ')!;
    await page.goto(`${writ.base}/review/new`);
    await page.getByTestId('intake-form').waitFor();
    await page.getByTestId('intake-new-authority-open').click();
    await page.getByTestId('intake-new-authority-country').fill(known.country);
    const name = page.getByTestId('intake-new-authority-name');
    await name.fill(known.name);
    await page.getByTestId('intake-new-authority-kind').selectOption(known.kind);
    const sent = changesSent();
    await page.getByTestId('intake-new-authority-submit').click();

    // Only the server knows the name is taken: its 409 names the field, which says so.
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual(['POST /api/v1/authorities']);
    expect(await describedText(name)).toContain(`KZ already has an authority named "${known.name}"`);
    expect(await page.getByTestId('intake-new-authority-country').getAttribute('aria-invalid')).toBeNull();

    await name.fill(`${known.name}, second office`);
    await expect.poll(() => name.getAttribute('aria-invalid')).toBeNull();
  });
});

describe('an ended session', () => {
  it('sends the reviewer to sign-in from the page they were on, and back there afterwards', async () => {
    const path = await openRequest('WR-000003');
    await context.clearCookies();

    // The next change meets a 401: sign-in, asked to come back here.
    const item = page.getByTestId('item').first();
    await item.getByTestId('decision-outcome').selectOption('no_action');
    await item.getByTestId('decision-reason').selectOption('Other');
    await item.getByTestId('decision-rationale').fill('Not unlawful where the platform operates.');
    await item.getByTestId('decision-submit').click();
    await page.waitForURL(`${writ.base}/signin?next=${encodeURIComponent(path)}`);
    await page.getByTestId('signin-reason').waitFor();

    await page.getByTestId('signin-email').fill(demoReviewer.email);
    await page.getByTestId('signin-password').fill(demoReviewer.password);
    await page.getByTestId('signin-submit').click();
    await page.waitForURL(`${writ.base}${path}`);
    // Nothing was decided while signed out.
    await page.getByTestId('item').first().waitFor();
    expect(await page.getByTestId('item').first().getAttribute('data-decided')).toBe('false');
  });

  it('leaves a public page where it is', async () => {
    await context.clearCookies();
    await page.goto(`${writ.base}/reports`);
    await page.getByTestId('report-country').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/reports');
  });
});
