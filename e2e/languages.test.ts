/**
 * The UI's languages in Chromium: the browser's language picks Russian or Kazakh (English for en-US),
 * counts take the plural form of the language, the switcher changes the page at once and the choice
 * outlasts a reload, and instants name their zone.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoWrit, signInAsDemoReviewer, startDemoWrit } from './browser.js';

let writ: DemoWrit;
beforeAll(async () => {
  writ = await startDemoWrit();
});
afterAll(async () => writ?.close());

async function pageIn(locale: string, timezoneId = 'Asia/Almaty'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await writ.browser.newContext({ locale, timezoneId });
  return { context, page: await context.newPage() };
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

/** The first count of requests on the report index, as a number and as the page words it. */
async function firstCount(page: Page): Promise<{ n: number; text: string }> {
  const text = (await page.getByTestId('report-index-requests').first().textContent()) ?? '';
  return { n: Number(/\d+/.exec(text)?.[0]), text };
}

/** Russian plural of запрос: 1, 21 → запрос; 2–4, 22–24 → запроса; 5–20, 25… → запросов. */
function russianRequests(n: number): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return `${n} запрос`;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return `${n} запроса`;
  return `${n} запросов`;
}

describe('languages in Chromium', () => {
  it('an English browser gets English', async () => {
    const { context, page } = await pageIn('en-US');
    await page.goto(`${writ.base}/reports`);
    await expect.poll(() => heading(page)).toBe('Government requests: transparency reports');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const { n, text } = await firstCount(page);
    expect(text).toBe(n === 1 ? '(1 request)' : `(${n} requests)`);
    await context.close();
  });

  it('a Russian browser gets the report index and sign-in in Russian, with Russian plurals', async () => {
    const { context, page } = await pageIn('ru-RU');
    await page.goto(`${writ.base}/reports`);
    await expect.poll(() => heading(page)).toBe('Запросы государственных органов: отчёты о прозрачности');
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    expect(await page.title()).toBe('Отчёты о прозрачности · Writ');
    const counts = await page.getByTestId('report-index-requests').allTextContents();
    expect(counts.length).toBeGreaterThan(0);
    for (const text of counts) expect(text).toBe(`(${russianRequests(Number(/\d+/.exec(text)?.[0]))})`);
    // Country names in Russian (Intl), not English.
    expect(await page.locator('[data-testid="report-country"][data-country="KZ"] th').textContent()).toContain('Казахстан');

    await page.goto(`${writ.base}/signin`);
    await expect.poll(() => heading(page)).toBe('Вход для рецензентов');
    expect(await page.getByTestId('signin-submit').textContent()).toBe('Войти');
    expect(await page.getByLabel('Пароль').count()).toBe(1);
    await context.close();
  });

  it('a Kazakh browser gets Kazakh, and the queue names the zone of every instant', async () => {
    const { context, page } = await pageIn('kk-KZ');
    await page.goto(`${writ.base}/signin`);
    await expect.poll(() => heading(page)).toBe('Сарапшының кіруі');
    expect(await page.locator('html').getAttribute('lang')).toBe('kk');
    expect(await page.getByRole('link', { name: 'Ашықтық есептері' }).count()).toBe(1);

    await signInAsDemoReviewer(page, writ.base);
    await expect.poll(() => heading(page)).toBe('Қарау кезегі');
    expect(await page.getByTestId('queue-open-count').textContent()).toMatch(/^\d+ ашық сұрау, алдымен жақын мерзімдер$/);
    // The reader's zone (Asia/Almaty here) is named beside each instant, in Kazakh month names.
    const received = page.getByTestId('queue-received').first();
    expect(await received.locator('.zone-name').first().textContent()).toBe('Asia/Almaty');
    expect(await received.locator('.nowrap').first().textContent()).toMatch(/(қаң|ақп|нау|сәу|мам|мау|шіл|там|қыр|қаз|қар|жел)/);
    await context.close();
  });

  it('the switcher changes the page at once, and the choice outlasts a reload', async () => {
    const { context, page } = await pageIn('en-US');
    await page.goto(`${writ.base}/reports`);
    await expect.poll(() => heading(page)).toBe('Government requests: transparency reports');

    await page.getByTestId('language-switcher').selectOption('kk');
    await expect.poll(() => heading(page)).toBe('Мемлекеттік органдардың сұраулары: ашықтық есептері');
    expect(await page.locator('html').getAttribute('lang')).toBe('kk');
    const { n, text } = await firstCount(page);
    expect(text).toBe(`(${n} сұрау)`);

    await page.reload();
    await expect.poll(() => heading(page)).toBe('Мемлекеттік органдардың сұраулары: ашықтық есептері');
    expect(await page.getByTestId('language-switcher').inputValue()).toBe('kk');

    await page.getByTestId('language-switcher').selectOption('ru');
    await expect.poll(() => heading(page)).toBe('Запросы государственных органов: отчёты о прозрачности');
    await page.getByRole('link', { name: 'Вход для рецензентов' }).first().click();
    await expect.poll(() => heading(page)).toBe('Вход для рецензентов');
    await context.close();
  });

  it('shows an order’s own text in its language, marked with lang, beside a UI in another', async () => {
    const { context, page } = await pageIn('ru-RU');
    await signInAsDemoReviewer(page, writ.base);
    const { authorities } = (await (await page.request.get(`${writ.base}/api/v1/authorities`)).json()) as {
      authorities: { id: string; country: string }[];
    };
    const authority = authorities.find((a) => a.country === 'KZ');
    const statement = 'Балаларға қарсы кибербуллинг материалы жойылуы тиіс.';
    const created = await page.request.post(`${writ.base}/api/v1/requests`, {
      headers: { origin: writ.base },
      data: {
        kind: 'content_removal',
        authorityId: authority?.id,
        authorityTimeZone: 'Asia/Almaty',
        channel: 'email',
        legalBasis: 'Заң 2022, 15-бап',
        items: [{ targetKind: 'url', target: 'https://video.example/watch?v=lang-1', product: 'Video' }],
        statementOfReasons: statement,
        language: 'kk',
      },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };

    await page.goto(`${writ.base}/review/requests/${id}`);
    const original = page.getByTestId('request-statement').locator('blockquote');
    await expect.poll(() => original.textContent()).toBe(statement);
    expect(await original.getAttribute('lang')).toBe('kk');
    // Named in the UI's language (Russian), while the page itself stays Russian.
    expect(await page.getByTestId('request-language').textContent()).toMatch(/казахский/);
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await context.close();
  });
});
