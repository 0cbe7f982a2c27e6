/**
 * The reviewer never loses an order: the queue filters by status (withdrawn included), country,
 * regime and kind, finds an order by either reference, pages through the rest, keeps all of it in
 * the URL across a reload, and names both zones of every time it shows.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStatuses } from '../src/domain/vocabulary.js';
import { type DemoWrit, signInAsDemoReviewer, startDemoWrit } from './browser.js';

let writ: DemoWrit;
let context: BrowserContext;
let page: Page;

// A reader far from every demo authority, so that the two zones of a time always differ.
const readerZone = 'America/New_York';

type Summary = { id: string; reference: string; status: string; authority: { country: string }; authorityTimeZone: string };

beforeAll(async () => {
  writ = await startDemoWrit();
  context = await writ.browser.newContext({ timezoneId: readerZone });
  page = await context.newPage();
  await signInAsDemoReviewer(page, writ.base);
});

afterAll(async () => {
  await context?.close();
  await writ?.close();
});

/** A same-origin call of the API from the signed-in page. */
function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return response.json();
    },
    { method, path, body },
  );
}

const rows = () => page.getByTestId('queue-row');
const shown = (attribute: string) => rows().evaluateAll((els, a) => els.map((e) => e.getAttribute(a)), attribute);
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000, interval: 100 });

describe('the queue’s filters', () => {
  let withdrawn: Summary;
  let open: Summary[];

  beforeAll(async () => {
    // A Turkish order withdrawn by the authority: it leaves the open queue but must stay findable.
    ({ requests: open } = await api<{ requests: Summary[] }>('GET', '/api/v1/requests?country=TR'));
    const target = open.find((r) => r.status === 'received');
    if (!target) throw new Error('the demo data has no received TR order');
    withdrawn = await api<Summary>('POST', `/api/v1/requests/${target.id}/status`, {
      status: 'withdrawn',
      note: 'The authority withdrew the order',
    });
    ({ requests: open } = await api<{ requests: Summary[] }>('GET', `/api/v1/requests?status=${openStatuses.join(',')}`));
  });

  it('filters by country and shows the withdrawn order under its status and under All orders', async () => {
    await page.goto(`${writ.base}/review`);
    await rows().first().waitFor();
    await poll(() => shown('data-reference')).toEqual(open.map((r) => r.reference));
    expect(await shown('data-reference')).not.toContain(withdrawn.reference);

    await page.getByTestId('queue-country').selectOption('TR');
    await page.waitForURL(/[?&]country=TR/);
    await poll(() => shown('data-country')).toEqual(open.filter((r) => r.authority.country === 'TR').map(() => 'TR'));

    await page.getByTestId('queue-status').selectOption('withdrawn');
    await page.waitForURL(/status=withdrawn/);
    await poll(() => shown('data-reference')).toEqual([withdrawn.reference]);

    await page.getByTestId('queue-tab-all').click();
    await page.waitForURL(/status=all/);
    // The previous page stays on screen (dimmed) until the new one arrives: wait for all of TR's orders.
    const everyTr = await api<{ requests: Summary[] }>('GET', '/api/v1/requests?country=TR');
    await poll(async () => [...(await shown('data-reference'))].sort()).toEqual(everyTr.requests.map((r) => r.reference).sort());
    expect(everyTr.requests.map((r) => r.reference)).toContain(withdrawn.reference);
    expect(new Set(await shown('data-country'))).toEqual(new Set(['TR']));
    expect(new Set(await shown('data-status')).size).toBeGreaterThan(1);
  });

  it('filters by regime', async () => {
    await page.goto(`${writ.base}/review`);
    await rows().first().waitFor();
    await page.getByTestId('queue-regime-filter').selectOption('kz-2023-online-platforms');
    await page.waitForURL(/regime=kz-2023-online-platforms/);
    const expected = open.filter((r) => (r as Summary & { regime: string | null }).regime === 'kz-2023-online-platforms');
    expect(expected.length).toBeGreaterThan(0);
    await poll(() => shown('data-reference')).toEqual(expected.map((r) => r.reference));
    const regimes = await page
      .getByTestId('queue-regime')
      .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-regime')))]);
    expect(regimes).toEqual(['kz-2023-online-platforms']);
  });

  it('finds an order by Writ’s reference or the authority’s, keeps the view across a reload, and clears it', async () => {
    await page.goto(`${writ.base}/review?status=all`);
    await rows().first().waitFor();
    await page.getByTestId('queue-search').fill(withdrawn.reference.toLowerCase());
    await page.waitForURL(/search=/);
    await poll(() => shown('data-reference')).toEqual([withdrawn.reference]);

    // The authority's own reference (BTK-…) finds the same order.
    const detail = await api<{ authorityReference: string }>('GET', `/api/v1/requests/${withdrawn.id}`);
    await page.getByTestId('queue-search').fill(detail.authorityReference);
    await page.waitForURL((url) => url.searchParams.get('search') === detail.authorityReference);
    await poll(() => shown('data-reference')).toEqual([withdrawn.reference]);

    await page.reload();
    await poll(() => shown('data-reference')).toEqual([withdrawn.reference]);
    expect(await page.getByTestId('queue-search').inputValue()).toBe(detail.authorityReference);
    expect(await page.getByTestId('queue-status').inputValue()).toBe('all');
    expect(await page.getByTestId('queue-tab-all').getAttribute('aria-current')).toBe('page');

    await page.getByTestId('queue-search').fill('no-such-reference');
    await page.getByTestId('queue-empty').waitFor();
    expect(await page.getByTestId('queue-empty').textContent()).toContain('No orders match these filters');
    await page.getByTestId('queue-empty-clear').click();
    await poll(() => shown('data-reference')).toEqual(open.map((r) => r.reference));
    expect(await page.getByTestId('queue-search').inputValue()).toBe('');
    expect(new URL(page.url()).search).toBe('');
  });

  it('pages through every order, a page size from the URL', async () => {
    // Without a status the API lists every order, as "All orders" does.
    const all = await api<{ requests: Summary[]; total: number }>('GET', '/api/v1/requests?limit=500');
    expect(all.total).toBeGreaterThan(4);

    await page.goto(`${writ.base}/review?status=all&limit=2`);
    await poll(() => shown('data-reference')).toEqual(all.requests.slice(0, 2).map((r) => r.reference));
    expect(await page.getByTestId('queue-page-range').textContent()).toBe(`1–2 of ${all.total}`);
    expect(await page.getByTestId('queue-page-previous').count()).toBe(0);

    await page.getByTestId('queue-page-next').click();
    await page.waitForURL(/offset=2/);
    await poll(() => shown('data-reference')).toEqual(all.requests.slice(2, 4).map((r) => r.reference));
    expect(await page.getByTestId('queue-page-range').textContent()).toBe(`3–4 of ${all.total}`);

    await page.reload();
    await poll(() => shown('data-reference')).toEqual(all.requests.slice(2, 4).map((r) => r.reference));
    await page.getByTestId('queue-page-previous').click();
    await poll(() => shown('data-reference')).toEqual(all.requests.slice(0, 2).map((r) => r.reference));
  });

  it('names the reader’s zone and the authority’s on every row', async () => {
    await page.goto(`${writ.base}/review`);
    await rows().first().waitFor();
    const first = open[0]!;
    const due = rows().first().getByTestId('queue-due');
    const zones = await due
      .locator('[data-zone]')
      .evaluateAll((els) => els.map((e) => ({ whose: e.getAttribute('data-whose'), zone: e.getAttribute('data-zone') })));
    expect(zones).toEqual([
      { whose: 'reader', zone: readerZone },
      { whose: 'authority', zone: first.authorityTimeZone },
    ]);
    const text = (await due.textContent()) ?? '';
    expect(text).toContain(readerZone);
    expect(text).toContain(first.authorityTimeZone);
    await page.screenshot({ path: '/tmp/queue-filters.png', fullPage: true });

    // The order's own page names both zones too, beside UTC.
    await rows().first().locator('a').first().click();
    await page.waitForURL(/\/review\/requests\//);
    const heading = page.locator('body');
    await heading.getByText('Your time:').first().waitFor();
    const words = (await heading.textContent()) ?? '';
    expect(words).toContain(`(${readerZone})`);
    expect(words).toContain(`(${first.authorityTimeZone})`);
  });
});
