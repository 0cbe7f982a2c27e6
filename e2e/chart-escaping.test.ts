/**
 * Hostile labels in chart tooltips, in real Chromium: a product typed into an order (public report)
 * and a country name in an imported dataset (comparison page) show as literal text. The assertions
 * are on the tooltip's DOM, not only on the payload's side effect: a Content-Security-Policy would stop
 * the inline handler even if the escaping were missing.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../src/datasets/import-dataset.js';
import { readers } from '../test/integration/datasets-support.js';
import { createAuthority, createTestApp, newRequestBody, type TestApp } from '../test/support/app.js';
import { assertWebBuilt, launchChromium, listen } from './browser.js';

// No `_` or `-`: the report humanizes labels (labelOf), which would turn `__xss` into ` xss`.
const hostileProduct = '<img src=x onerror="window.xss=1">';
const hostileCountryName = '<img src=x onerror="window.xss=2">';

let t: TestApp;
let browser: Browser;
let base: string;
let dataDir: string;

beforeAll(async () => {
  assertWebBuilt();
  t = await createTestApp();
  base = await listen(t.app);
  browser = await launchChromium();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'writ-hostile-dataset-'));
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** A signed-out visitor: a fresh context with no session cookie. */
async function visitor(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

/**
 * Moves the mouse along the middle of a one-bar chart until ECharts shows its tooltip, and returns
 * the tooltip: the chart's child element that is not the canvas layer.
 */
async function hoverBar(page: Page, chart: Locator): Promise<Locator> {
  const canvas = chart.locator('canvas').first();
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the chart has no canvas on screen');
  const tooltip = chart.locator(':scope > div').filter({ hasNot: page.locator('canvas') });
  for (let step = 9; step >= 1; step--) {
    await page.mouse.move(box.x + (box.width * step) / 10, box.y + box.height / 2);
    const shown = (await tooltip.count()) > 0 && ((await tooltip.first().textContent()) ?? '').trim() !== '';
    if (shown && (await tooltip.first().isVisible())) return tooltip.first();
  }
  throw new Error('no tooltip appeared over the bar');
}

async function expectInert(page: Page, chart: Locator, tooltip: Locator): Promise<void> {
  expect(await tooltip.locator('img, script, svg').count()).toBe(0);
  expect(await chart.locator('img').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { xss?: unknown }).xss)).toBeUndefined();
}

describe('a product name typed into an order', () => {
  it('shows as text in the public report’s "Requests by product" tooltip', async () => {
    const authority = await createAuthority(t, 'KZ');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: t.auth,
      payload: newRequestBody(authority.id, {
        receivedAt: '2025-02-03T10:00:00Z',
        items: [{ targetKind: 'url', target: 'https://video.example/watch/x', product: hostileProduct }],
      }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const request = created.json() as { id: string; items: { id: string }[] };
    const decided = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/requests/${request.id}/items/${request.items[0]!.id}/decision`,
      headers: t.auth,
      payload: { outcome: 'removed_legal', reason: 'Bullying/Harassment', scopeCountries: ['KZ'], rationale: 'Unlawful' },
    });
    expect(decided.statusCode, decided.body).toBe(200);

    const page = await visitor();
    await page.goto(`${base}/reports/KZ/2025-H1`);
    const figure = page.locator('figure', { has: page.getByRole('heading', { name: 'Requests by product' }) });
    const chart = figure.locator('.chart');
    const tooltip = await hoverBar(page, chart);

    expect((await tooltip.textContent())?.trim()).toBe(`${hostileProduct}: 1`);
    await expectInert(page, chart, tooltip);
    await page.context().close();
  });
});

describe('a country name in an imported dataset', () => {
  it('shows as text in the comparison ranking’s tooltip', async () => {
    const header =
      'Period Ending,Country/Region,CLDR Territory Code,Requestor,Number of Requests,Items Requested To Be Removed,' +
      '% Removed-Legal,% Removed-Policy,% Content Not Found,% Not Enough Information ,% No Action Taken,% Content Already Removed';
    const csvName = `"${hostileCountryName.replaceAll('"', '""')}"`;
    await writeFile(
      path.join(dataDir, 'google-government-removal-requests.csv'),
      `${header}\n2021-06-30,${csvName},KZ,Government Officials,5,9,50,,,,50,\n`,
    );
    await writeFile(
      path.join(dataDir, 'google-government-detailed-removal-requests.csv'),
      `Period Ending,Country/Region,CLDR Territory Code,Product,Reason,Total\n2021-06-30,${csvName},KZ,YouTube,Defamation,5\n`,
    );
    await importDataset(readers(t.database.db).datasets, 'google-removals', dataDir);

    const page = await visitor();
    await page.goto(`${base}/compare`);
    const chart = page.getByTestId('ranking-chart');
    const tooltip = await hoverBar(page, chart);

    expect((await tooltip.textContent())?.trim()).toBe(`${hostileCountryName}: 5 requests`);
    await expectInert(page, chart, tooltip);
    await page.context().close();
  });
});
