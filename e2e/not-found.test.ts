/**
 * An address that is none of the app's pages shows the app's own Not found page (with a way home),
 * not raw JSON; the server says 404 for it. The favicon is a file the browser loads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoWrit, startDemoWrit } from './browser.js';

let writ: DemoWrit;
beforeAll(async () => {
  writ = await startDemoWrit();
});
afterAll(async () => writ?.close());

describe('an unknown address in Chromium', () => {
  it('shows the Not found page with status 404 and a link home that works', async () => {
    const page = await writ.browser.newPage();
    const response = await page.goto(`${writ.base}/nope`);
    expect(response?.status()).toBe(404);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found');
    expect(await page.title()).toBe('Page not found · Writ');
    expect(await page.locator('main').textContent()).toContain('/nope');

    await page.getByRole('link', { name: 'Home' }).click();
    await page.waitForURL(`${writ.base}/`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).not.toBe('Page not found');
    await page.close();
  });

  it('reaches a page written with a trailing slash', async () => {
    const page = await writ.browser.newPage();
    const response = await page.goto(`${writ.base}/methodology/`);
    expect(response?.status()).toBe(200);
    expect(page.url()).toBe(`${writ.base}/methodology`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).not.toBe('Page not found');
    await page.close();
  });

  it('loads the favicon the page links', async () => {
    const page = await writ.browser.newPage();
    await page.goto(`${writ.base}/`);
    const icons = await page.locator('link[rel="icon"]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
    expect(icons).toEqual([`${writ.base}/favicon.ico`, `${writ.base}/favicon.svg`]);
    for (const icon of icons) {
      const res = await page.request.get(icon);
      expect([icon, res.status()]).toEqual([icon, 200]);
      expect(res.headers()['content-type']).toMatch(/^image\//);
    }
    await page.close();
  });
});
