/**
 * The portal's order pages in a browser (issue 10, items 4, 5 and 7): an officer of a verified agency,
 * signed in (the officer's cookie of a full session, made directly: sign-in has its own test), in a
 * Russian browser submits an order with the signed PDF, reads the receipt, answers the reviewers'
 * clarification request and sees each item's outcome once they decide; the same pages in Kazakh.
 * The reviewers act through the API with a staff session, as their own pages do.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoReviewer } from '../src/demo/demo-data.js';
import { createVerifiedAgency, type TestAgency } from '../test/support/agencies.js';
import { type DemoWrit, startDemoWrit } from './browser.js';

const pdf = new URL('./fixtures/signed-order.pdf', import.meta.url);
const zone = 'Asia/Almaty';
const kzRegime = 'kz-2022-child-cyberbullying';

let writ: DemoWrit;
let base: string;
let agency: TestAgency;
let staff: { authorization: string };

/** A reviewer's call to the API (JSON in and out), as the review pages make it. */
async function asReviewer<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...staff, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A browser speaking `locale` in Almaty, signed in as the agency's officer. */
async function officerContext(locale: string): Promise<BrowserContext> {
  const context = await writ.browser.newContext({ locale, timezoneId: zone });
  const token = agency.auth.authorization.replace(/^Bearer /, '');
  await context.addCookies([{ name: 'writ_officer', value: token, url: base, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? '').trim();

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

describe('an officer follows an order through the portal', () => {
  let orderId: string;
  let reference: string;

  it('submits an order in Russian with the signed PDF and gets the receipt on screen', async () => {
    const context = await officerContext('ru-RU');
    const page = await context.newPage();
    await page.goto(`${base}/portal/orders/new`);
    await page.getByTestId('order-form').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Новое предписание');

    // Only the agency's country's regimes and union law are offered; the language follows the UI's.
    // The options come with the regimes' query, after the form itself: wait for them.
    await page.locator(`[data-testid="order-regime"] option[value="${kzRegime}"]`).waitFor({ state: 'attached' });
    const regimes = await page.getByTestId('order-regime').evaluate((s: HTMLSelectElement) => [...s.options].map((o) => o.value));
    expect(regimes).toContain(kzRegime);
    expect(regimes).not.toContain('ru-149');
    expect(await page.getByTestId('order-language').inputValue()).toBe('ru');
    await page.getByTestId('order-regime').selectOption(kzRegime);
    // The regime names one category for removals and no rule for others: it is chosen.
    expect(await page.getByTestId('order-category').inputValue()).toBe('child_cyberbullying');
    // The platform's list applies where the pack states none: legal basis, reasons, items, signer are marked.
    await expect.poll(() => page.getByTestId('order-legal-basis').getAttribute('aria-required')).toBe('true');
    expect(await page.getByTestId('order-statement').getAttribute('lang')).toBe('ru');

    await page.getByTestId('order-reference').fill('04-2/1187');
    await page.getByTestId('order-signer').fill('А. Сейтказиев, заместитель министра');
    await page.getByTestId('order-legal-basis').fill('Закон РК «Об онлайн-платформах», ст. 19');
    await page.getByTestId('order-statement').fill('Материал содержит травлю ребёнка, установленную проверкой.');
    await page.getByTestId('order-redress').fill('Обжалование в суде в течение месяца.');
    const items = page.getByTestId('order-item');
    await items.nth(0).getByTestId('order-item-target').fill('https://video.example/watch/abc');
    await items.nth(0).getByTestId('order-item-product').fill('Video');
    await page.getByTestId('order-add-item').click();
    await items.nth(1).getByTestId('order-item-kind').selectOption('account');
    await items.nth(1).getByTestId('order-item-target').fill('bully_account_42');
    await page.getByTestId('order-attachment').setInputFiles({
      name: 'предписание.pdf',
      mimeType: 'application/pdf',
      buffer: readFileSync(pdf),
    });

    // A double click sends the order once, under the form's Idempotency-Key (a retry would carry the same).
    const keys: (string | undefined)[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/authority/orders')
        keys.push(r.headers()['idempotency-key']);
    });
    await page.getByTestId('order-submit').dblclick();
    await page.getByTestId('order-receipt').waitFor();
    reference = await text(page, 'receipt-reference');
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(reference).toMatch(/^WR-\d+$/);
    expect(await text(page, 'order-receipt')).toContain('Предписание получено');
    expect(await text(page, 'receipt-received-at')).toContain(`(${zone})`);
    expect(await text(page, 'receipt-due-at')).toContain(`(${zone})`);
    expect(await page.getByTestId('receipt-status').getAttribute('data-status')).toBe('received');
    expect(await page.getByTestId('receipt-clock').getAttribute('data-paused')).toBe('false');
    expect(await text(page, 'receipt-attachments')).toBe('предписание.pdf');
    expect(await page.getByTestId('missing-elements').count()).toBe(0);

    const mine = await fetch(`${base}/api/v1/authority/orders`, { headers: agency.auth });
    expect(((await mine.json()) as { total: number }).total).toBe(1);
    const list = await asReviewer<{ requests: { id: string; reference: string }[] }>(
      'GET',
      `/api/v1/requests?search=${reference}`,
    );
    expect(list.requests.map((r) => r.reference)).toEqual([reference]);
    orderId = list.requests[0]!.id;

    await page.getByTestId('receipt-open-order').click();
    await page.getByTestId('portal-order').waitFor();
    const link = page.getByTestId('order-attachment-link');
    expect(await link.textContent()).toBe('предписание.pdf');
    const download = await page.request.get(`${base}${await link.getAttribute('href')}`);
    expect(Buffer.from(await download.body()).equals(readFileSync(pdf))).toBe(true);
    await context.close();
  });

  it('answers the reviewers’ clarification request, and sees each item’s outcome once they decide', async () => {
    await asReviewer('POST', `/api/v1/requests/${orderId}/clarification-request`, {
      body: 'Уточните, где опубликован второй аккаунт.',
      missingElements: [{ element: 'territorial_scope', reason: 'Укажите страны, где требуется ограничение.' }],
    });

    const context = await officerContext('ru-RU');
    const page = await context.newPage();
    await page.goto(`${base}/portal/orders?status=needs_clarification`);
    await page.getByTestId('orders-row').first().waitFor();
    expect(await page.getByTestId('orders-row').count()).toBe(1);
    expect(await text(page, 'orders-count')).toContain('из 1 предписания');
    await page.getByTestId('orders-row').first().locator('a').click();

    await page.getByTestId('portal-order').waitFor();
    expect(await page.getByTestId('portal-order').getAttribute('data-status')).toBe('needs_clarification');
    const request = page.locator('[data-testid="thread-message"][data-kind="clarification_request"]');
    expect(await request.textContent()).toContain('Уточните, где опубликован второй аккаунт.');
    expect(await page.getByTestId('order-missing').locator('[data-element="territorial_scope"]').textContent()).toContain(
      'Укажите страны',
    );
    expect(await page.getByTestId('thread-form').getAttribute('data-kind')).toBe('clarification_answer');
    await page.getByTestId('thread-body').fill('Второй аккаунт публикует материалы только в Казахстане.');
    await page.getByTestId('thread-send').click();
    await expect.poll(() => page.getByTestId('portal-order').getAttribute('data-status')).toBe('in_review');
    expect(await page.locator('[data-testid="thread-message"][data-kind="clarification_answer"]').count()).toBe(1);

    const detail = await asReviewer<{ items: { id: string }[] }>('GET', `/api/v1/requests/${orderId}`);
    const [first, second] = detail.items;
    await asReviewer('PUT', `/api/v1/requests/${orderId}/items/${first!.id}/decision`, {
      outcome: 'removed_legal',
      reason: 'Bullying/Harassment',
      scopeCountries: ['KZ'],
      rationale: 'Unlawful under the cited article.',
    });
    await asReviewer('PUT', `/api/v1/requests/${orderId}/items/${second!.id}/decision`, {
      outcome: 'no_action',
      reason: 'Government Criticism',
      scopeCountries: null,
      rationale: 'The account criticises officials; no unlawful content found.',
    });

    await page.reload();
    await page.getByTestId('portal-order').waitFor();
    expect(await page.getByTestId('portal-order').getAttribute('data-status')).toBe('decided');
    const outcomes = page.getByTestId('order-item-outcome');
    expect(await outcomes.evaluateAll((els) => els.map((el) => el.getAttribute('data-outcome')))).toEqual([
      'effect_given',
      'declined',
    ]);
    expect(await outcomes.nth(0).getByTestId('item-outcome').textContent()).toBe('Исполнено');
    expect(await outcomes.nth(0).getByTestId('item-scope').textContent()).toBe('Казахстан (KZ)');
    expect(await outcomes.nth(0).getByTestId('item-decided-at').textContent()).toContain(`(${zone})`);
    expect(await outcomes.nth(1).getByTestId('item-outcome').textContent()).toBe('Отказано');
    // Once decided, the officer's answer is a contest of the decision.
    expect(await page.getByTestId('thread-form').getAttribute('data-kind')).toBe('contest');
    await context.close();
  });

  it('shows the same pages in Kazakh', async () => {
    const context = await officerContext('kk-KZ');
    const page = await context.newPage();
    await page.goto(`${base}/portal/orders`);
    await page.getByTestId('orders-row').first().waitFor();
    expect(await page.locator('h1').textContent()).toBe('Ведомствоңыздың нұсқамалары');
    expect(await text(page, 'orders-count')).toContain('1 нұсқаманың');

    await page.goto(`${base}/portal/orders/${orderId}`);
    await page.getByTestId('portal-order').waitFor();
    expect(await page.getByTestId('order-item-outcome').nth(0).getByTestId('item-outcome').textContent()).toBe('Орындалды');
    expect(await page.getByTestId('order-item-outcome').nth(1).getByTestId('item-outcome').textContent()).toBe('Бас тартылды');
    expect(await page.getByTestId('order-thread').locator('h2').textContent()).toBe('Хабарламалар');

    await page.goto(`${base}/portal/orders/new`);
    await page.getByTestId('order-form').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Жаңа нұсқама');
    expect(await page.getByTestId('order-language').inputValue()).toBe('kk');
    expect(await text(page, 'order-submit')).toBe('Нұсқаманы жіберу');
    await context.close();
  });
  it('says at the field why a file was refused, sends another to the same order, and withdraws it after a confirmation', async () => {
    const context = await officerContext('ru-RU');
    const page = await context.newPage();
    await page.goto(`${base}/portal/orders/new`);
    await page.getByTestId('order-form').waitFor();
    await page.getByTestId('order-regime').selectOption(kzRegime);
    await page.getByTestId('order-legal-basis').fill('Закон РК «Об онлайн-платформах», ст. 19');
    await page.getByTestId('order-item').nth(0).getByTestId('order-item-target').fill('https://video.example/watch/def');
    await page.getByTestId('order-attachment').setInputFiles({
      name: 'order.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('not a PDF at all, whatever its name says'),
    });
    await page.getByTestId('order-submit').click();

    // The order is received (its receipt is shown), the file is not: the server's reason is at the field.
    await page.getByTestId('order-attachment-error').waitFor();
    expect(await text(page, 'order-attachment-error')).toContain('unsupported_media_type');
    const reference = await text(page, 'receipt-reference');
    // Without a signer and a statement of reasons the order waits for them, and the receipt says why.
    expect(await page.getByTestId('receipt-status').getAttribute('data-status')).toBe('needs_clarification');
    const missing = page.getByTestId('missing-elements').getByTestId('missing-element');
    expect(await missing.evaluateAll((els) => els.map((el) => el.getAttribute('data-element')))).toEqual([
      'signer',
      'statement_of_reasons',
    ]);
    expect(await text(page, 'missing-elements')).toContain('В предписании не хватает 2 обязательных сведений');

    await page
      .getByTestId('order-attachment')
      .setInputFiles({ name: 'order.pdf', mimeType: 'application/pdf', buffer: readFileSync(pdf) });
    await page.getByTestId('order-submit').click();
    await expect.poll(() => page.getByTestId('order-attachment-error').count()).toBe(0);
    expect(await text(page, 'receipt-reference')).toBe(reference);
    expect(await text(page, 'receipt-attachments')).toBe('order.pdf');
    // One order for the two sendings.
    const mine = await fetch(`${base}/api/v1/authority/orders`, { headers: agency.auth });
    expect(((await mine.json()) as { total: number }).total).toBe(2);

    // Withdrawn with its reason, after a confirmation: the thread says so and takes no more messages.
    await page.getByTestId('receipt-open-order').click();
    await page.getByTestId('portal-order').waitFor();
    await page.getByTestId('withdraw-open').click();
    await page.getByTestId('withdraw-submit').click();
    expect(await page.getByTestId('withdraw-form').locator('.field-error').count()).toBe(1);
    await page.getByTestId('withdraw-reason').fill('Материал удалён автором, предписание больше не нужно.');
    await page.getByTestId('withdraw-submit').click();
    expect(await page.getByTestId('portal-order').getAttribute('data-status')).toBe('needs_clarification');
    await page.getByTestId('withdraw-confirm').click();
    await expect.poll(() => page.getByTestId('portal-order').getAttribute('data-status')).toBe('withdrawn');
    const withdrawal = page.locator('[data-testid="thread-message"][data-kind="withdrawal"]');
    expect(await withdrawal.textContent()).toContain('Материал удалён автором');
    expect(await page.getByTestId('thread-form').count()).toBe(0);
    expect(await page.getByTestId('withdraw-open').count()).toBe(0);
    await context.close();
  });
});
