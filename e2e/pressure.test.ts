/**
 * The pressure record (issue 15) in Chromium, over a fresh database and the real server, its clock
 * fixed on 1 June 2023 (before kz-2023-online-platforms re-enacted the 2022 law's legal-representative
 * duty, so that kz-2022-child-cyberbullying's duty is still on the register):
 *
 *   - two KZ orders (2022-H2 and 2023-H1), every item declined (no action), and a KZ user figure above
 *     the 2022 law's threshold, recorded through the API;
 *   - a fine recorded in the UI — KZT with a conversion into USD, the 2022 law's legal-representative
 *     duty, the two orders, a source — appears in the list; a bad one (an amount on a blocking; an order
 *     that does not exist) shows its error on the field and records nothing;
 *   - the register lists it under that duty and links to its page, where the status is changed (history
 *     newest first) and a stale change is refused with a clear conflict;
 *   - the public comparison page draws it on the timeline (chart description, marks) and lists it, and
 *     the country page for 2023-H1 lists it with its sources and the pressure table to download.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthority, createTestApp, newRequestBody, reviewerCredentials, type TestApp } from '../test/support/app.js';
import { assertWebBuilt, launchChromium, listen } from './browser.js';

const now = new Date('2023-06-01T09:00:00Z');
const regime = 'kz-2022-child-cyberbullying';
const duty = 'legal-representative';
const fineTitle = 'Fine for not appointing a legal representative';
const authority = 'Ministry of Information and Social Development';
const sourceUrl = 'https://adilet.zan.kz/rus/docs/Z2200000118';

let t: TestApp;
let browser: Browser;
let base: string;
let staff: BrowserContext;
let page: Page;
const references: string[] = [];
let fineId = '';

async function api(method: 'GET' | 'POST' | 'PUT', url: string, payload?: Record<string, unknown>) {
  const res = await t.app.inject({ method, url, headers: t.auth, ...(payload === undefined ? {} : { payload }) });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
}

beforeAll(async () => {
  assertWebBuilt();
  t = await createTestApp({ now: () => now });
  base = await listen(t.app);
  browser = await launchChromium();

  // The 2022 law applies to platforms with more than 100,000 average daily users in Kazakhstan.
  await api('POST', '/api/v1/obligations/figures', {
    country: 'KZ',
    metric: 'avg_daily_users_over_month',
    value: 120000,
    measuredOn: '2023-01-15',
  });
  const ministry = await createAuthority(t, 'KZ', authority);
  for (const receivedAt of ['2022-12-15T10:00:00+05:00', '2023-03-10T10:00:00+05:00']) {
    const order = (await api('POST', '/api/v1/requests', newRequestBody(ministry.id, { receivedAt }))) as {
      id: string;
      reference: string;
      items: { id: string }[];
    };
    for (const item of order.items)
      await api('PUT', `/api/v1/requests/${order.id}/items/${item.id}/decision`, {
        outcome: 'no_action',
        reason: 'Bullying/Harassment',
        rationale: 'Not cyberbullying of a child: nothing to remove.',
      });
    references.push(order.reference);
  }

  staff = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  page = await staff.newPage();
  await page.goto(`${base}/signin`);
  await page.getByTestId('signin-email').fill(reviewerCredentials.email);
  await page.getByTestId('signin-password').fill(reviewerCredentials.password);
  await page.getByTestId('signin-submit').click();
  await page.waitForURL(`${base}/review`);
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** The message shown under a control (its Field's error paragraph). */
async function fieldError(testId: string): Promise<string> {
  const control = page.getByTestId(testId);
  await expect.poll(() => control.getAttribute('aria-invalid')).toBe('true');
  const id = await control.getAttribute('id');
  return ((await page.locator(`[id="${id}-error"]`).textContent()) ?? '').trim();
}

async function eventCount(): Promise<number> {
  return ((await api('GET', '/api/v1/pressure')) as { events: unknown[] }).events.length;
}

describe('recording pressure on the platform', () => {
  it('records a fine with its law, orders, conversion and source, and lists it', async () => {
    expect(references).toHaveLength(2);
    await page.goto(`${base}/compliance`);
    await page.getByTestId('pressure-link').click();
    await page.waitForURL(`${base}/compliance/pressure`);
    await page.getByTestId('pressure-empty').waitFor();

    const form = page.getByTestId('pressure-form');
    await form.getByTestId('pressure-kind').selectOption('fine');
    await form.getByTestId('pressure-country').selectOption('KZ');
    await form.getByTestId('pressure-authority').fill(authority);
    await form.getByTestId('pressure-title').fill(fineTitle);
    await form.getByTestId('pressure-announced').fill('2023-04-10');
    await form.getByTestId('pressure-amount').fill('4 000 000');
    await form.getByTestId('pressure-currency').fill('KZT');
    await form.getByTestId('pressure-reference-currency').fill('USD');
    await form.getByTestId('pressure-reference-rate').fill('0.0022');
    await form.getByTestId('pressure-reference-rate-on').fill('2023-04-10');
    // The regimes offered are the country's; the duties are its pack's.
    const regimes = await form
      .getByTestId('pressure-regime')
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(regimes).toContain(regime);
    expect(regimes.every((r) => r.startsWith('kz-'))).toBe(true);
    await form.getByTestId('pressure-regime').selectOption(regime);
    await expect.poll(() => form.locator(`[data-testid="pressure-duty"] option[value="${duty}"]`).count()).toBe(1);
    await form.getByTestId('pressure-duty').selectOption(duty);
    await form.getByTestId('pressure-orders').fill(references.join(', '));
    await form.getByTestId('pressure-source-url').fill(sourceUrl);
    await form.getByTestId('pressure-source-title').fill('Law No. 118-VII of 3 May 2022');
    await form.getByTestId('pressure-source-quote').fill('legal representatives of foreign online platforms');
    await form.getByTestId('pressure-submit').click();

    const recorded = page.getByTestId('pressure-recorded');
    await recorded.waitFor();
    fineId = (await recorded.getAttribute('data-id')) ?? '';
    expect(fineId).toMatch(/^[0-9a-f-]{36}$/);
    // 4,000,000 × 0.0022, converted by the server.
    expect(await page.getByTestId('pressure-recorded-converted').getAttribute('data-value')).toBe('8800.00');

    const row = page.locator(`[data-testid="pressure-row"][data-id="${fineId}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-kind')).toBe('fine');
    expect(await row.getAttribute('data-country')).toBe('KZ');
    expect(await row.getAttribute('data-orders')).toBe('2');
    expect(await row.textContent()).toContain(fineTitle);
    expect(await row.getByTestId('pressure-row-amount').textContent()).toContain('4,000,000');

    // Stored as sent: the amount without its spaces, the duty, both orders by reference.
    const stored = (await api('GET', `/api/v1/pressure/${fineId}`)) as {
      event: { amount: string; currency: string; regimeId: string; dutyId: string; orders: { reference: string }[] };
    };
    expect(stored.event).toMatchObject({ amount: '4000000', currency: 'KZT', regimeId: regime, dutyId: duty });
    expect(stored.event.orders.map((o) => o.reference)).toEqual(references);
  });

  it('says what is wrong at the field and records nothing', async () => {
    const form = page.getByTestId('pressure-form');
    await form.getByTestId('pressure-kind').selectOption('blocking');
    await form.getByTestId('pressure-country').selectOption('KZ');
    await form.getByTestId('pressure-authority').fill(authority);
    await form.getByTestId('pressure-title').fill('Blocked for refusing to remove videos');
    await form.getByTestId('pressure-announced').fill('2023-05-02');
    await form.getByTestId('pressure-amount').fill('1000');
    await form.getByTestId('pressure-currency').fill('KZT');
    await form.getByTestId('pressure-source-url').fill(sourceUrl);
    await form.getByTestId('pressure-submit').click();

    // The domain's rule, checked in the browser by the API's schema: a blocking carries no amount.
    expect(await fieldError('pressure-amount')).toContain('only a fine or a court judgment carries an amount');
    await page.screenshot({ path: 'test-results/pressure-form.png', fullPage: true });
    expect(await page.getByTestId('pressure-recorded').count()).toBe(1); // still the fine's notice
    expect(await page.getByTestId('pressure-row').count()).toBe(1);
    expect(await eventCount()).toBe(1);

    // An order that does not exist: the server refuses it, and says so at the orders box.
    await form.getByTestId('pressure-amount').fill('');
    await form.getByTestId('pressure-currency').fill('');
    await form.getByTestId('pressure-orders').fill('WR-999999');
    await form.getByTestId('pressure-submit').click();
    expect(await fieldError('pressure-orders')).toContain('no order has the reference WR-999999');
    expect(await eventCount()).toBe(1);
    expect(await page.getByTestId('pressure-row').count()).toBe(1);
  });
});

describe('the fine on the register and on its own page', () => {
  it('is listed under the duty it enforces, linking to its page', async () => {
    await page.goto(`${base}/compliance`);
    const card = page.locator(`[data-testid="duty"][data-regime="${regime}"][data-duty="${duty}"]`);
    await card.waitFor();
    const sanction = card.locator(`[data-testid="duty-sanction"][data-id="${fineId}"]`);
    await sanction.waitFor();
    expect(await sanction.getAttribute('data-kind')).toBe('fine');
    const text = (await sanction.textContent()) ?? '';
    expect(text).toContain('Fine');
    expect(text).toContain(fineTitle);
    expect(text).toContain(authority);
    expect(text).toContain('10 Apr 2023');
    expect(text).toContain('Announced');
    expect(await sanction.getByTestId('duty-sanction-amount').textContent()).toContain('4,000,000');
    expect(await sanction.getByTestId('duty-sanction-orders').getAttribute('data-count')).toBe('2');

    await card.screenshot({ path: 'test-results/pressure-duty.png' });
    await sanction.getByTestId('duty-sanction-link').click();
    await page.waitForURL(`${base}/compliance/pressure/${fineId}`);
    await page.getByTestId('pressure-facts').waitFor();
    expect(await page.getByTestId('pressure-orders-list').locator('li').count()).toBe(2);
    expect(await page.getByTestId('pressure-converted').getAttribute('data-value')).toBe('8800.00');
  });

  it('changes its status on the version read, newest history first, and refuses a stale change', async () => {
    const history = page.getByTestId('pressure-history-entry');
    await expect.poll(() => history.count()).toBe(1);
    await page.getByTestId('pressure-change-status').selectOption('paid');
    await page.getByTestId('pressure-change-submit').click();
    await page.getByTestId('pressure-status-saved').waitFor();
    await expect.poll(() => page.getByTestId('pressure-status-value').getAttribute('data-status')).toBe('paid');
    await expect.poll(() => history.count()).toBe(2);
    expect(await history.first().getAttribute('data-type')).toBe('pressure_changed');
    expect(await history.first().textContent()).toContain('Status: Announced → Paid');
    expect(await history.last().getAttribute('data-type')).toBe('pressure_recorded');

    // Someone else appeals it meanwhile (version 2 → 3): the page still holds version 2.
    const { event } = (await api('GET', `/api/v1/pressure/${fineId}`)) as { event: Record<string, unknown> };
    const { id: _id, orders, referenceAmount: _r, createdAt: _c, updatedAt: _u, ...facts } = event;
    await api('PUT', `/api/v1/pressure/${fineId}`, {
      ...facts,
      orders: (orders as { reference: string }[]).map((o) => o.reference),
      status: 'appealed',
    });
    await page.getByTestId('pressure-change-status').selectOption('overturned');
    await page.getByTestId('pressure-change-submit').click();
    const conflict = page.getByTestId('pressure-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Someone changed this event since you opened it');
    expect(await conflict.textContent()).toContain('changed since version 2');
    expect(((await api('GET', `/api/v1/pressure/${fineId}`)) as { event: { status: string } }).event.status).toBe('appealed');

    await page.getByTestId('pressure-reload').click();
    await expect.poll(() => conflict.count()).toBe(0);
    await expect.poll(() => page.getByTestId('pressure-status-value').getAttribute('data-status')).toBe('appealed');
    await expect.poll(() => history.count()).toBe(3);
    await page.screenshot({ path: 'test-results/pressure-event.png', fullPage: true });
  });
});

describe('the fine in public', () => {
  let visitor: BrowserContext;
  beforeAll(async () => {
    visitor = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    // A demo blocking, in force since February 2023 and not yet lifted: drawn as a band, listed with the demo badge.
    await api('POST', '/api/v1/pressure', {
      kind: 'blocking',
      country: 'KZ',
      authority,
      title: 'Demo: blocking of the video service',
      announcedOn: '2023-01-25',
      inForceOn: '2023-02-01',
      status: 'announced',
      demo: true,
    });
  });
  afterAll(() => visitor?.close());

  it('draws and lists it on the comparison timeline', async () => {
    const p = await visitor.newPage();
    await p.goto(`${base}/compare/KZ`);
    const item = p.locator(`[data-testid="timeline-pressure-list"] [data-testid="pressure-event"][data-id="${fineId}"]`);
    await item.waitFor();
    expect(await item.getAttribute('data-kind')).toBe('fine');
    expect(await item.getByTestId('pressure-event-title').textContent()).toBe(fineTitle);
    expect(await item.getByTestId('pressure-event-authority').textContent()).toBe(authority);
    expect(await item.getByTestId('pressure-event-amount').getAttribute('data-amount')).toBe('4000000');
    expect(await item.getByTestId('pressure-event-status').textContent()).toBe('Appealed');
    expect(await item.getByTestId('pressure-event-orders').getAttribute('data-count')).toBe('2');
    expect(await item.getByTestId('pressure-source-link').getAttribute('href')).toBe(sourceUrl);
    expect(
      await p.locator('[data-testid="pressure-event"][data-kind="blocking"]').getByTestId('pressure-event-demo').count(),
    ).toBe(1);

    // On the chart: a line at 2023-H1 for the fine, a band for the blocking; said in the chart's description and legend.
    const card = p.getByTestId('timeline-card');
    await expect.poll(() => card.getAttribute('data-pressure-marks')).toContain('2023-H1:point');
    expect(await card.getAttribute('data-pressure-marks')).toContain('2023-H1:band');
    const label = (await p.getByTestId('timeline-chart').getAttribute('aria-label')) ?? '';
    expect(label).toContain(`Fine in 2023-H1 (${fineTitle})`);
    await p.getByTestId('legend-pressure').waitFor();
    // Drawn: the dashed lines in slate, and the band shaded in slate at a sixth of full opacity.
    const canvas = p.getByTestId('timeline-chart').locator('canvas');
    await expect.poll(() => canvas.count()).toBe(1);
    const drawn = await canvas.evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
      const near = (i: number, [r, g, b]: number[], d: number) =>
        Math.abs((data[i] ?? 0) - r!) <= d && Math.abs((data[i + 1] ?? 0) - g!) <= d && Math.abs((data[i + 2] ?? 0) - b!) <= d;
      let line = 0;
      let band = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (near(i, [0x34, 0x49, 0x5e], 12) && (data[i + 3] ?? 0) > 200) line++;
        if (near(i, [0x34, 0x49, 0x5e], 12) && (data[i + 3] ?? 0) > 20 && (data[i + 3] ?? 0) < 60) band++;
      }
      return { line, band };
    });
    expect(drawn.line).toBeGreaterThan(100);
    expect(drawn.band).toBeGreaterThan(1000);

    // The fine's line (the right one of the two in 2023-H1) tells what it is when hovered, as text.
    const columns = await canvas.evaluate((c: HTMLCanvasElement) => {
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
      const counts = new Map<number, number>();
      for (let i = 0; i < data.length; i += 4) {
        const slate =
          Math.abs((data[i] ?? 0) - 0x34) <= 12 && Math.abs((data[i + 1] ?? 0) - 0x49) <= 12 && (data[i + 3] ?? 0) > 200;
        if (slate) counts.set((i / 4) % c.width, (counts.get((i / 4) % c.width) ?? 0) + 1);
      }
      return { width: c.width, cols: [...counts].filter(([, n]) => n > 40).map(([x]) => x) };
    });
    const box = await canvas.boundingBox();
    if (!box) throw new Error('the timeline has no canvas on screen');
    const lineX = Math.max(...columns.cols) * (box.width / columns.width);
    const tooltip = p
      .getByTestId('timeline-chart')
      .locator(':scope > div')
      .filter({ hasNot: p.locator('canvas') });
    await p.mouse.move(box.x + lineX, box.y + box.height / 2);
    await expect.poll(async () => (await tooltip.first().textContent()) ?? '').toContain(fineTitle);
    expect(await tooltip.first().textContent()).toContain(authority);
    await card.screenshot({ path: 'test-results/pressure-timeline.png' });
    await p.close();
  });

  it('lists it on the country page for 2023-H1, with its sources and the table to download', async () => {
    const p = await visitor.newPage();
    await p.goto(`${base}/reports/KZ/2023-H1`);
    const section = p.getByTestId('pressure-section');
    const item = section.locator(`[data-testid="pressure-event"][data-id="${fineId}"]`);
    await item.waitFor();
    expect(await item.getByTestId('pressure-event-title').textContent()).toBe(fineTitle);
    expect(await item.getByTestId('pressure-event-amount').getAttribute('data-currency')).toBe('KZT');
    expect(await item.getByTestId('pressure-source-link').getAttribute('href')).toBe(sourceUrl);
    expect(await item.getByTestId('pressure-event-demo').count()).toBe(0);
    expect(
      await section.locator('[data-testid="pressure-event"][data-kind="blocking"] [data-testid="pressure-event-demo"]').count(),
    ).toBe(1);
    await section.screenshot({ path: 'test-results/pressure-report.png' });
    const csv = section.getByTestId('download-country-KZ-2023-H1-pressure').getByRole('link', { name: /CSV/ });
    const href = (await csv.getAttribute('href')) ?? '';
    const download = await p.request.get(`${base}${href}`);
    expect(download.status()).toBe(200);
    expect(await download.text()).toContain(fineTitle);

    // The half-year before: the fine is not in it (the blocking began in 2023-H1 too).
    await p.goto(`${base}/reports/KZ/2022-H2`);
    await p.getByTestId('pressure-none').waitFor();
    await p.close();
  });
});
