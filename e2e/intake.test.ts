import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offsetMinutes } from '../src/domain/regimes/time.js';
import { type DemoWrit, signInAsDemoReviewer, startDemoWrit } from './browser.js';

const now = new Date('2026-03-11T00:00:00Z');
const regime = 'kz-2022-child-cyberbullying';
const receivedUtc = '2026-03-10T18:30:00.000Z';
const dueUtc = '2026-03-11T18:30:00.000Z';

let writ: DemoWrit;
let browser: Browser;
let base: string;

beforeAll(async () => {
  writ = await startDemoWrit({ now });
  ({ base, browser } = writ);
});

afterAll(async () => writ?.close());

const signIn = (page: Page) => signInAsDemoReviewer(page, base);

/** Every request the server holds, whatever its status (the reviewer's session cookie is sent). */
function requestCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const response = await fetch('/api/v1/requests?limit=1', { credentials: 'same-origin' });
    return ((await response.json()) as { total: number }).total;
  });
}

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

describe('recording an order in the browser', () => {
  it('the rule packs’ time handling puts Asia/Almaty at UTC+5 in March 2026', () => {
    expect(offsetMinutes(new Date(receivedUtc), 'Asia/Almaty')).toBe(300);
  });

  it('records an e-mailed order with a live deadline preview, after refusing an empty legal basis', async () => {
    const page = await browser.newPage();
    await signIn(page);
    const before = await requestCount(page);

    await page.getByTestId('queue-new-request').click();
    await page.waitForURL(`${base}/review/new`);
    const form = page.getByTestId('intake-form');
    await form.waitFor();

    await page.getByTestId('intake-authority').selectOption({ label: 'Ministry of Culture and Information (demo)' });
    // The zone comes from the country's regimes; the channel starts as e-mail.
    await expect.poll(() => page.getByTestId('intake-zone').inputValue()).toBe('Asia/Almaty');
    expect(await page.getByTestId('intake-channel').inputValue()).toBe('email');
    await page.getByTestId('intake-kind').selectOption('content_removal');
    await page.getByTestId('intake-received').fill('2026-03-10T23:30');
    await expect.poll(() => page.getByTestId('intake-received-utc').getAttribute('datetime')).toBe(receivedUtc);
    expect(await page.getByTestId('intake-received-utc').textContent()).toContain('10 Mar 2026, 18:30 UTC');
    await page.getByTestId('intake-reference').fill('MCI-04-2/1187');
    await page.getByTestId('intake-claimed-categories').fill('cyberbullying of a child, harassment');

    // Only the country's own regimes and union law are offered.
    const offered = await page
      .getByTestId('intake-regime')
      .evaluate((s: HTMLSelectElement) => [...s.options].map((o) => o.value));
    expect(offered).toContain(regime);
    expect(offered).not.toContain('ru-149');
    await page.getByTestId('intake-regime').selectOption(regime);
    await page.getByTestId('intake-category').selectOption('child_cyberbullying');

    // Items: one typed, one more added and removed again, then pasted URLs (the repeated one skipped).
    const items = page.getByTestId('intake-item');
    await items.nth(0).getByTestId('intake-item-kind').selectOption('url');
    await items.nth(0).getByTestId('intake-item-target').fill('https://video.example/watch?v=kz-001');
    await items.nth(0).getByTestId('intake-item-product').fill('Video');
    await page.getByTestId('intake-add-item').click();
    await expect.poll(() => items.count()).toBe(2);
    await items.nth(1).getByTestId('intake-item-remove').click();
    await expect.poll(() => items.count()).toBe(1);
    await page.getByText('Paste many URLs').click();
    await page.getByTestId('intake-paste').fill('https://video.example/watch?v=kz-001\n\nhttps://video.example/watch?v=kz-002\n');
    await page.getByTestId('intake-paste-add').click();
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.nth(1).getByTestId('intake-item-target').inputValue()).toBe('https://video.example/watch?v=kz-002');
    expect(await items.nth(1).getByTestId('intake-item-product').inputValue()).toBe('Video');

    // The preview: 24 hours by law, due 18:30 UTC, 23:30 in Almaty, with the quoted rule.
    const preview = page.getByTestId('intake-deadline-preview');
    await expect.poll(() => preview.getAttribute('data-due-at')).toBe(dueUtc);
    expect(await preview.getAttribute('data-basis')).toBe('law');
    expect(await preview.getByTestId('intake-due-utc').textContent()).toContain('11 Mar 2026, 18:30 UTC');
    const local = (await preview.getByTestId('intake-due-local').textContent()) ?? '';
    expect(local).toContain('11 Mar 2026, 23:30');
    expect(local).toContain('Asia/Almaty');
    expect(await preview.getByTestId('intake-deadline-rule').getAttribute('data-rule-id')).toBe(
      `${regime}/child-cyberbullying-removal`,
    );
    expect(await preview.textContent()).toContain('within 24 hours');

    // No legal basis: the API's schema refuses it in the browser, in the server's words, the field
    // says why, and nothing is sent or stored.
    const posted: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/requests') posted.push(r.url());
    });
    await page.getByTestId('intake-submit').click();
    const legalBasis = page.getByTestId('intake-legal-basis');
    await expect.poll(() => legalBasis.getAttribute('aria-invalid')).toBe('true');
    expect(await describedText(page, 'intake-legal-basis')).toContain('must not be empty');
    expect(page.url()).toBe(`${base}/review/new`);
    expect(posted).toEqual([]);
    expect(await requestCount(page)).toBe(before);
    await page.screenshot({ path: 'test-results/intake-refused.png', fullPage: true });

    // The message goes as soon as the field is valid, before the form is sent again.
    await legalBasis.fill('Law No. 118-VII of 3 May 2022; Law on Communications, Art. 41-1 (cyberbullying of a child)');
    await expect.poll(() => legalBasis.getAttribute('aria-invalid')).toBeNull();
    expect(await describedText(page, 'intake-legal-basis')).not.toContain('must not be empty');
    await page.getByTestId('intake-submit').click();
    await page.waitForURL(/\/review\/requests\/[0-9a-f-]+$/);

    await expect.poll(() => page.getByTestId('item').count()).toBe(2);
    expect(await page.getByTestId('request-progress').textContent()).toContain('0 of 2');
    const panel = page.getByTestId('deadline-panel');
    expect(await panel.getAttribute('data-due-at')).toBe(dueUtc);
    expect(await panel.getAttribute('data-basis')).toBe('law');
    expect(await page.getByTestId('deadline-due-utc').textContent()).toContain('11 Mar 2026, 18:30 UTC');
    expect(await page.getByTestId('deadline-due-local').textContent()).toContain('23:30');
    expect(await requestCount(page)).toBe(before + 1);
    await page.screenshot({ path: 'test-results/intake-recorded.png', fullPage: true });
  });

  it('registers a new authority inline and, without a regime, previews the platform policy deadline', async () => {
    const page = await browser.newPage();
    await signIn(page);
    await page.goto(`${base}/review/new`);
    await page.getByTestId('intake-form').waitFor();

    await page.getByTestId('intake-new-authority-open').click();
    await page.getByTestId('intake-new-authority-country').fill('am');
    await page.getByTestId('intake-new-authority-name').fill('Ministry of High-Tech Industry (test)');
    await page.getByTestId('intake-new-authority-kind').selectOption('other_executive');
    await page.getByTestId('intake-new-authority-submit').click();
    await page.getByTestId('intake-new-authority').waitFor({ state: 'detached' });

    const chosen = await page
      .getByTestId('intake-authority')
      .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');
    expect(chosen).toBe('Ministry of High-Tech Industry (test)');
    expect(await page.getByTestId('intake-zone').inputValue()).toBe('Asia/Yerevan');

    await page.getByTestId('intake-received').fill('2026-03-10T10:00');
    const preview = page.getByTestId('intake-deadline-preview');
    await expect.poll(() => preview.getAttribute('data-basis')).toBe('policy');
    // 10:00 in Yerevan (UTC+4) is 06:00 UTC; content removal gets the platform's 24 hours.
    expect(await preview.getAttribute('data-due-at')).toBe('2026-03-11T06:00:00.000Z');
    expect(await preview.textContent()).toContain('platform policy deadline applies');
  });
});
