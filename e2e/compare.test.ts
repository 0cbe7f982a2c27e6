/**
 * The comparison pages in the browser, over the committed dataset excerpts (test/fixtures/datasets)
 * and three orders recorded on this platform. Expected values are the hand-counted ones of
 * test/integration/datasets-api.test.ts:
 *
 *   Google KZ 2021-H1: 84 requests, 30,838 items; Government Criticism 34 and National Security 34 of 84
 *     (40.5% each), Other 8 (9.5%); item outcomes estimated (the JSON repackaging's are exact: 165 removed – policy)
 *   Google 2019-H1 ranking: KZ 25 (GC 20.0%, NS 60.0%), AT 7 (0.0%, 0.0%), NZ 6 (no reasons published)
 *   Google KZ surges: 2015-H2, 2016-H1, 2016-H2, 2017-H2, 2023-H1; no item outcomes before 2019-H1
 *   Meta KZ 2023-H2: 2 requests, 4 accounts; 2017-H2 not listed, counted as 0
 *   This platform, KZ 2021-H1: 2 content removals, 1 user-data request
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../src/datasets/import-dataset.js';
import type { DatasetSource } from '../src/domain/datasets/sources.js';
import { fixtures, readers } from '../test/integration/datasets-support.js';
import { createAuthority, createTestApp, dataRequestBody, newRequestBody, type TestApp } from '../test/support/app.js';
import { assertWebBuilt, launchChromium, listen } from './browser.js';

let t: TestApp;
let browser: Browser;
let page: Page;
let base: string;

beforeAll(async () => {
  assertWebBuilt();
  t = await createTestApp(); // a fresh database (test/support/database.ts) and buildApp
  base = await listen(t.app);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const text = async (testId: string, within: Page | ReturnType<Page['locator']> = page) =>
  ((await within.getByTestId(testId).first().textContent()) ?? '').trim();

describe('before any dataset is imported', () => {
  it('explains how to import one', async () => {
    await page.goto(`${base}/compare`);
    const empty = page.getByTestId('compare-empty');
    await empty.waitFor();
    expect(await empty.textContent()).toContain('writ datasets import google-removals ../shared/data/google-removals-2025-06');
  });
});

describe('with the excerpts imported', () => {
  beforeAll(async () => {
    const load = (source: DatasetSource, folder: string) =>
      importDataset(readers(t.database.db).datasets, source, path.join(fixtures, folder));
    await load('google-removals', 'google-removals-2024-09');
    await load('google-removals', 'google-removals-2025-06');
    await load('google-removals-json', 'google-removals-json');
    await load('meta-data-requests', 'meta-data-requests');
    const authority = await createAuthority(t, 'KZ');
    for (const [kind, receivedAt] of [
      ['content_removal', '2021-02-01T10:00:00Z'],
      ['content_removal', '2021-06-30T23:00:00Z'],
      ['user_data', '2021-03-01T10:00:00Z'],
    ]) {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/requests',
        headers: t.auth,
        payload:
          kind === 'user_data'
            ? dataRequestBody(authority.id, { receivedAt })
            : newRequestBody(authority.id, { kind, receivedAt }),
      });
      expect(created.statusCode, created.body).toBe(201);
    }
  });

  it('lists the datasets and ranks the countries of the newest half-year by default', async () => {
    await page.goto(`${base}/compare`);
    await page.locator('[data-testid="ranking-row"][data-country="KZ"]').waitFor();
    const sources = page.getByTestId('dataset-source');
    expect(await sources.evaluateAll((els) => els.map((e) => e.getAttribute('data-source')))).toEqual([
      'google-removals',
      'google-removals-json',
      'meta-data-requests',
      'meta-content-restrictions',
    ]);
    expect(await page.getByLabel('Half-year', { exact: true }).inputValue()).toBe('2025-H1');
    expect(await page.getByLabel('Source', { exact: true }).inputValue()).toBe('google-removals');
    await expect.poll(() => page.getByTestId('ranking-chart').locator('canvas').count()).toBe(1);
  });

  it('ranks 2019-H1 with the shares of government criticism and national security', async () => {
    await page.goto(`${base}/compare?source=google-removals&period=2019-H1`);
    const rows = page.getByTestId('ranking-row');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-country')))).toEqual(['KZ', 'AT', 'NZ']);
    const kz = page.locator('[data-testid="ranking-row"][data-country="KZ"]');
    expect(await text('ranking-requests', kz)).toBe('25');
    expect(await text('ranking-gc', kz)).toContain('20.0%');
    expect(await text('ranking-ns', kz)).toContain('60.0%');
    const at = page.locator('[data-testid="ranking-row"][data-country="AT"]');
    expect(await text('ranking-requests', at)).toBe('7');
    expect(await text('ranking-gc', at)).toContain('0.0%');
    const nz = page.locator('[data-testid="ranking-row"][data-country="NZ"]');
    expect(await text('ranking-requests', nz)).toBe('6');
    expect(await nz.getByTestId('ranking-gc').getAttribute('data-value')).toBe('');
  });

  it('flags a surge in the ranking', async () => {
    await page.goto(`${base}/compare?source=google-removals&period=2023-H1`);
    const kz = page.locator('[data-testid="ranking-row"][data-country="KZ"]');
    await kz.waitFor();
    await expect.poll(() => kz.locator('[data-testid="surge-flag"][data-period="2023-H1"]').count()).toBe(1);
  });

  it("draws Kazakhstan's timeline across sources, with the surges marked", async () => {
    await page.goto(`${base}/compare/KZ`);
    const table = page.getByTestId('timeline-table');
    await table.waitFor();
    const cell = (source: string, period: string) =>
      table.locator(`[data-testid="timeline-cell"][data-source="${source}"][data-period="${period}"]`);
    expect(await cell('google-removals', '2021-H1').getAttribute('data-value')).toBe('84');
    expect(await cell('google-removals', '2021-H1').textContent()).toContain('30,838 items');
    expect(await cell('meta-data-requests', '2023-H2').textContent()).toContain('4 accounts');
    expect(await cell('meta-data-requests', '2017-H2').getAttribute('data-value')).toBe('0');
    expect(await cell('meta-data-requests', '2017-H2').locator('.not-listed').count()).toBe(1);
    // Meta's content restrictions are read by the items restricted (it publishes no requests).
    expect(await cell('meta-content-restrictions', '2022-H1').getAttribute('data-value')).toBe('14');
    expect(await cell('platform-content', '2021-H1').getAttribute('data-value')).toBe('2');
    expect(await cell('platform-user-data', '2021-H1').getAttribute('data-value')).toBe('1');

    const surges = await table
      .locator('[data-testid="surge-flag"][data-source="google-removals"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-period')).sort());
    expect(surges).toEqual(['2015-H2', '2016-H1', '2016-H2', '2017-H2', '2023-H1']);

    // The chart is drawn: Google's line in its blue, and the surges' bands shaded in the surge colour.
    const canvas = page.getByTestId('timeline-chart').locator('canvas');
    await expect.poll(() => canvas.count()).toBe(1);
    const pixels = () =>
      canvas.evaluate((c: HTMLCanvasElement) => {
        const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
        const near = (i: number, [r, g, b]: number[], d: number) =>
          Math.abs((data[i] ?? 0) - r!) <= d && Math.abs((data[i + 1] ?? 0) - g!) <= d && Math.abs((data[i + 2] ?? 0) - b!) <= d;
        let line = 0;
        let band = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (near(i, [0x1f, 0x4e, 0x8c], 30)) line++;
          // The canvas is transparent: a band is the surge colour at a tenth of full opacity.
          if (near(i, [192, 57, 43], 12) && (data[i + 3] ?? 0) > 15 && (data[i + 3] ?? 0) < 40) band++;
        }
        return { width: c.width, line, band };
      });
    const drawn = await pixels();
    expect(drawn.width).toBeGreaterThan(300);
    expect(drawn.line).toBeGreaterThan(200);
    expect(drawn.band).toBeGreaterThan(1000);
    expect(await page.getByTestId('timeline-chart').getAttribute('aria-label')).toContain('surges in 2015-H2');

    await page.getByLabel('Logarithmic scale').check();
    await expect.poll(() => canvas.count()).toBe(1);
  });

  it('shows a half-year in detail: reason shares, statistics, estimated outcomes and notes', async () => {
    await page.goto(`${base}/compare/KZ`);
    await page.getByRole('button', { name: 'Show 2021-H1 in detail' }).click();
    await page.waitForURL(/period=2021-H1/);
    // The newest half-year's figures may still be on screen for a moment: wait for 2021-H1's.
    await expect.poll(() => text('stats-requests')).toBe('84');
    expect(await text('stats-items')).toBe('30,838');
    await page.getByTestId('outcomes-estimated').waitFor();
    const reason = (name: string) => page.locator(`[data-testid="reason-share"][data-reason="${name}"]`);
    await expect.poll(async () => (await reason('Government Criticism').textContent()) ?? '').toContain('40.5%');
    expect(await reason('National Security').textContent()).toContain('40.5%');
    expect(await reason('Other').textContent()).toContain('9.5%');
    expect(await text('share-government-criticism')).toBe('40.5%');
    const notes = page.getByTestId('stats-warnings');
    await notes.locator('summary').click();
    expect(await notes.textContent()).toContain('requestsToDate leaves out 2010-H1');

    // The JSON repackaging's outcomes for the same half-year are exact counts.
    await page.getByLabel('Source', { exact: true }).selectOption('google-removals-json');
    await page.waitForURL(/source=google-removals-json/);
    await expect.poll(() => page.getByTestId('stats-outcomes').getAttribute('data-exact')).toBe('true');
    expect(await page.locator('[data-outcome="removedPolicy"]').textContent()).toContain('165');

    // Before 2019-H1 Google published no item outcomes: said so, not shown as zeros.
    await page.goto(`${base}/compare/KZ?source=google-removals&period=2016-H1`);
    await page.getByTestId('outcomes-unpublished').waitFor();
    expect(await page.getByTestId('stats-outcomes').count()).toBe(0);

    // Meta publishes no reasons: statistics only.
    await page.goto(`${base}/compare/KZ?source=meta-data-requests&period=2023-H2`);
    await page.getByTestId('stats-accounts').waitFor();
    expect(await text('stats-requests')).toBe('2');
    expect(await text('stats-accounts')).toBe('4');
    expect(await page.getByTestId('reason-share').count()).toBe(0);

    // Meta's content restrictions: the items restricted and the product columns as published.
    await page.goto(`${base}/compare/KZ?source=meta-content-restrictions&period=2022-H1`);
    await page.getByTestId('stats-items-restricted').waitFor();
    expect(await text('stats-items-restricted')).toBe('14');
    expect(await page.getByRole('rowheader', { name: 'Instagram Account: Global GB externally imposed' }).count()).toBe(1);
    expect(await page.getByTestId('reason-share').count()).toBe(0);
  });

  it('links the methodology, and answers for a country nobody lists', async () => {
    await page.goto(`${base}/compare/KZ`);
    await page.getByRole('link', { name: 'the surge method' }).click();
    await page.waitForURL(/\/methodology#surges$/);
    await page.getByRole('heading', { name: 'Surges: a rolling median and MAD' }).waitFor();

    // Antarctica is a country code nobody lists; ZZ is none (refused by the API: see e2e/right-data.test.ts).
    await page.goto(`${base}/compare/AQ`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('no published figures and no requests for AQ');
    await page.screenshot({ path: 'test-results/compare-missing.png' });
  });
});
