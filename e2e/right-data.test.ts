/**
 * Data that is right, in the browser: Meta's Russia under RU on /compare/RU, whole item counts with
 * Google's estimates labelled, no report link past the present, undecided requests counted apart
 * (not as a reason), the bulk paste refusing a line that is not a URL, and the law quoted once.
 *
 * Demo Writ seeded now (so its KZ orders, some undecided, are in the current half-year), plus the
 * excerpts test/fixtures/datasets/google-removals-2025-06 (Google KZ 2021-H1: 308.33 items removed
 * for policy, an estimate) and meta-data-requests-renamed (Meta Russia 2021-H1: 33 requests).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../src/datasets/import-dataset.js';
import { formatPeriod, periodOf } from '../src/domain/period.js';
import { fixtures, readers } from '../test/integration/datasets-support.js';
import { type DemoWrit, signInAsDemoReviewer, startDemoWrit } from './browser.js';

let writ: DemoWrit;
let page: Page;

beforeAll(async () => {
  writ = await startDemoWrit();
  const load = (source: 'google-removals' | 'meta-data-requests', folder: string) =>
    importDataset(readers(writ.database.db).datasets, source, path.join(fixtures, folder));
  await load('google-removals', 'google-removals-2025-06');
  await load('meta-data-requests', 'meta-data-requests-renamed');
  page = await writ.browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(async () => writ?.close());

describe('the comparison pages', () => {
  it("show Meta's Russia series on /compare/RU", async () => {
    await page.goto(`${writ.base}/compare/RU`);
    const table = page.getByTestId('timeline-table');
    await table.waitFor();
    const cell = (period: string) =>
      table.locator(`[data-testid="timeline-cell"][data-source="meta-data-requests"][data-period="${period}"]`);
    expect(await cell('2021-H1').getAttribute('data-value')).toBe('33');
    expect(await cell('2021-H1').textContent()).toContain('30 accounts');
    expect(await cell('2023-H2').getAttribute('data-value')).toBe('1');
    expect(await page.locator('h1').textContent()).toContain('Russia');
  });

  it('refuse a withdrawn code instead of showing it', async () => {
    await page.goto(`${writ.base}/compare/SU`);
    await expect.poll(async () => (await page.locator('main').textContent()) ?? '').toContain('currently assigned ISO 3166-1');
    expect(await page.getByTestId('timeline-table').count()).toBe(0);
  });

  it("show Google's estimated item outcomes as whole numbers, labelled, with the exact value in the title", async () => {
    await page.goto(`${writ.base}/compare/KZ?source=google-removals&period=2021-H1`);
    await page.getByTestId('outcomes-estimated').waitFor();
    const policy = page.locator('[data-outcome="removedPolicy"] td').first();
    expect(((await policy.textContent()) ?? '').trim()).toBe('≈ 308');
    expect(await policy.getAttribute('title')).toContain('Estimated: 308.33 items');
    const noAction = page.locator('[data-outcome="noActionTaken"] td').first();
    expect(((await noAction.textContent()) ?? '').trim()).toBe('≈ 30,526');
    expect(await page.getByTestId('stats-outcomes').textContent()).not.toMatch(/\d\.\d\d(?!%)/);
  });
});

describe('the public report', () => {
  const current = formatPeriod(periodOf(new Date()));

  it('has no link to the half-year after the current one, and counts undecided requests apart', async () => {
    await page.goto(`${writ.base}/reports/KZ/${current}`);
    await page.getByTestId('report-requests').waitFor();
    expect(await page.getByTestId('period-next').count()).toBe(0);
    const previous = page.getByTestId('period-previous');
    expect(await previous.count()).toBe(1);

    const undecided = Number(await page.getByTestId('report-undecided').getAttribute('data-value'));
    expect(undecided).toBeGreaterThan(0);
    expect(await page.locator('main').textContent()).toContain('Requests not yet decided');
    const reasons = page.getByTestId('figure-reason');
    expect(await reasons.textContent()).not.toContain('Pending review');

    // One step back, the link forward leads to the current half-year and no further.
    await previous.click();
    await page.waitForURL(/\/reports\/KZ\/\d{4}-H[12]$/);
    await expect.poll(() => page.getByTestId('period-next').getAttribute('href')).toBe(`/reports/KZ/${current}`);
  });
});

describe('recording an order', () => {
  it('names a pasted line that is not a URL at the paste box and adds nothing', async () => {
    await signInAsDemoReviewer(page, writ.base);
    await page.goto(`${writ.base}/review/new`);
    await page.getByTestId('intake-form').waitFor();
    const items = page.getByTestId('intake-item');
    const before = await items.count();
    await page.getByText('Paste many URLs').click();
    const paste = page.getByTestId('intake-paste');
    await paste.fill('https://video.example/watch?v=ok\nnot a url\n');
    await page.getByTestId('intake-paste-add').click();
    await expect.poll(() => paste.getAttribute('aria-invalid')).toBe('true');
    const described = await paste.evaluate((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );
    expect(described).toContain('Line 2 is not an absolute http(s) URL: “not a url”');
    expect(await items.count()).toBe(before);
    expect(await paste.inputValue()).toContain('not a url');

    // Corrected, the valid line is added and the message goes.
    await paste.fill('https://video.example/watch?v=ok\n');
    await expect.poll(() => paste.getAttribute('aria-invalid')).toBeNull();
    await page.getByTestId('intake-paste-add').click();
    await expect.poll(() => page.getByTestId('intake-item-target').last().inputValue()).toBe('https://video.example/watch?v=ok');
  });

  it('refuses a withdrawn country code for a new authority', async () => {
    await page.goto(`${writ.base}/review/new`);
    await page.getByTestId('intake-form').waitFor();
    await page.getByTestId('intake-new-authority-open').click();
    const country = page.getByTestId('intake-new-authority-country');
    await country.fill('su');
    await page.getByTestId('intake-new-authority-name').fill('Ministry of a state that is gone (test)');
    await page.getByTestId('intake-new-authority-kind').selectOption('other_executive');
    await page.getByTestId('intake-new-authority-submit').click();
    await expect.poll(() => country.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('intake-new-authority').textContent()).toContain('not a withdrawn one such as SU');
    // Corrected, the form names the country before registering it.
    await country.fill('ru');
    await expect.poll(async () => page.getByTestId('intake-new-authority').textContent()).toContain('Russia');
  });

  it('quotes the law once where it says "immediately"', async () => {
    await page.goto(`${writ.base}/review/new`);
    await page.getByTestId('intake-form').waitFor();
    await page.getByTestId('intake-authority').selectOption({ label: 'Ministry of Culture and Information (demo)' });
    await page.getByTestId('intake-kind').selectOption('emergency_disclosure');
    await page.getByTestId('intake-regime').selectOption('kz-2023-online-platforms');
    await page.getByTestId('intake-category').selectOption('threat_to_life');
    const preview = page.getByTestId('intake-deadline-preview');
    await expect.poll(() => preview.getAttribute('data-basis')).toBe('policy');
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain('The law says “immediately” but states no hours');
    expect(text).not.toContain('““');
    expect(text).not.toContain('(no hours in the law)”');
  });
});
