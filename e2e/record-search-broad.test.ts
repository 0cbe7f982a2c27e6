/**
 * A search too broad to count, in a browser (decision 55): over a few thousand records loaded as the
 * bench loads them, with the exact-count limit turned down, a common word shows "about N records"
 * rounded to two digits, facet counts marked ≈ with a note that they are estimates, a note that the
 * newest come first, and paging that stops at the deepest page the server allows.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPublicRecords } from '../bench/search.js';
import { connect } from '../src/db/connection.js';
import { createTestApp, type TestApp } from '../test/support/app.js';
import { assertWebBuilt, launchChromium, listen } from './browser.js';

let t: TestApp;
let browser: Browser;
let base = '';

beforeAll(async () => {
  assertWebBuilt();
  t = await createTestApp({
    env: { WRIT_SEARCH_EXACT_LIMIT: '50', WRIT_SEARCH_SAMPLE_ROWS: '1500', WRIT_SEARCH_PAGE_DEPTH: '60' },
  });
  const loader = connect(t.database.url, 1, { connectMs: 30_000, statementMs: 0 });
  try {
    await loadPublicRecords(loader.db, loader.pool, 6_000, 11);
  } finally {
    await loader.pool.end();
  }
  base = await listen(t.app);
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('a broad search in a browser', () => {
  it('says its counts are estimates, lists the newest first and pages only as deep as allowed', {
    timeout: 120_000,
  }, async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${base}/records?q=${encodeURIComponent('критика')}`);
      const total = page.getByTestId('records-total');
      await expect.poll(() => total.getAttribute('data-estimated')).toBe('true');
      // Two significant digits: "about 1,100 records", never "about 1,137 records".
      expect(await total.textContent()).toMatch(/^about \d{1,2},?\d00 records$/);
      expect(await page.getByTestId('records-estimated').textContent()).toBe(
        'Counts are estimates from a sample of the records.',
      );
      const counts = await page.getByTestId('facet-country').locator('.records-facet-count').allTextContents();
      expect(counts.length).toBeGreaterThan(0);
      for (const count of counts) expect(count).toMatch(/^≈\u00a0[\d,]+$/);
      expect(await page.getByTestId('records-newest-first').textContent()).toContain('only the first 3 pages can be opened');

      expect(await page.getByTestId('record-result').count()).toBe(20);
      // Paging stops at the third page (60 records of 20).
      const pages = page.getByRole('navigation', { name: /pages/i });
      await expect.poll(() => pages.textContent()).toContain('1 of 3');
      await pages.getByRole('button', { name: /next/i }).click();
      await pages.getByRole('button', { name: /next/i }).click();
      await page.waitForURL(/page=3/);
      await expect.poll(() => pages.textContent()).toContain('3 of 3');
      expect(await pages.getByRole('button', { name: /next/i }).isDisabled()).toBe(true);
    } finally {
      await page.close();
    }
  });
});
