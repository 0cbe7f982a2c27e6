/**
 * Issue 7, finding 2 in a real browser: every page works under Writ's Content-Security-Policy (a
 * violation would mean a page needs something the policy forbids, or the policy was loosened), and
 * no other origin can frame the reviewer's pages (clickjacking).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPeriod, periodOf } from '../src/domain/period.js';
import { type DemoWrit, signInAsDemoReviewer, startDemoWrit } from './browser.js';

let writ: DemoWrit;
let framer: Server;
let framerBase: string;

beforeAll(async () => {
  writ = await startDemoWrit();
  // Another origin on the same host: a page that tries to frame Writ's review queue.
  framer = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end(`<!doctype html><iframe id="victim" src="${writ.base}/review" width="800" height="600"></iframe>`);
  });
  await new Promise<void>((resolve) => framer.listen(0, '127.0.0.1', resolve));
  framerBase = `http://127.0.0.1:${(framer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  framer?.close();
  await writ?.close();
});

describe('the Content-Security-Policy in Chromium', () => {
  it('lets every page run, with no violation reported, including the API docs and a chart tooltip', async () => {
    const context = await writ.browser.newContext();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
    });
    await signInAsDemoReviewer(page, writ.base);
    const period = formatPeriod(periodOf(new Date()));
    for (const path of [
      '/',
      `/reports/KZ/${period}`,
      '/review',
      '/review/new',
      '/compliance',
      '/compare',
      '/methodology',
      '/docs/',
    ]) {
      await page.goto(`${writ.base}${path}`);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('body').textContent(), path).not.toBe('');
      if (path.startsWith('/reports/')) {
        const chart = page.locator('canvas').first();
        await chart.waitFor();
        await chart.hover();
      }
    }
    expect(violations).toEqual([]);
    await context.close();
  });

  it('refuses to be framed by another origin', async () => {
    const page = await writ.browser.newPage();
    await page.goto(framerBase);
    await page.waitForLoadState('networkidle');
    const frame = page.frames().find((f) => f !== page.mainFrame());
    // Chromium replaces a refused frame with an error page: none of Writ's content is in it.
    const framed = frame ? await frame.evaluate(() => document.body?.textContent ?? '').catch(() => '') : '';
    expect(framed).not.toMatch(/Writ|sign in|review/i);
    const inline = await page.evaluate(() => {
      const f = document.getElementById('victim') as HTMLIFrameElement;
      try {
        return f.contentDocument?.body?.textContent ?? null;
      } catch {
        return null;
      }
    });
    expect(inline).toBeNull();
    await page.close();
  });
});
