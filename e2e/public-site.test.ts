/**
 * The public site in a browser (issue 13): the overview draws the world map and the orders over
 * time and shows the same figures as a table linking to each country; a country page shows a
 * published public-interest case study linking to its record; a download link returns CSV; the
 * methodology shows the code's definitions. axe-core finds no serious or critical violation on
 * these pages. Screenshots: test-results/overview.png and test-results/country-page.png.
 */
import { mkdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePublicRecord } from '../src/db/public-record-writes.js';
import { publications } from '../src/db/schema/index.js';
import { samplePublicRecord } from '../test/support/publishing.js';
import { expectNoSeriousViolations } from './axe.js';
import { type DemoWrit, startDemoWrit } from './browser.js';

let writ: DemoWrit;
const caseStudy = 'A journalist’s report on a regional official <b>stayed up</b>: the platform took no action.';
const publicId = 'WR-990001';

beforeAll(async () => {
  writ = await startDemoWrit();
  const db = writ.database.db;
  // A demo order of KZ, published as a public-interest record through the one writer of records.
  const found = await db.execute<{ id: string }>(sql`
    SELECT r.id FROM requests r JOIN authorities a ON a.id = r.authority_id
    WHERE a.country = 'KZ' AND NOT EXISTS (SELECT 1 FROM publications p WHERE p.request_id = r.id)
    ORDER BY r.received_at LIMIT 1`);
  const requestId = found.rows[0]!.id;
  const record = samplePublicRecord({ id: publicId, publicInterest: true, caseStudy });
  await db.transaction(async (tx) => {
    const [publication] = await tx
      .insert(publications)
      .values({ requestId, publicId, status: 'published', publishedAt: new Date(record.publishedAt) })
      .returning({ id: publications.id });
    await writePublicRecord(tx, { publicationId: publication!.id, record, at: new Date(record.publishedAt) });
  });
  mkdirSync('test-results', { recursive: true });
}, 120_000);
afterAll(async () => {
  await writ?.close();
});

describe('the public site', () => {
  it('overview: a drawn world map, orders over time, the table with links, a CSV download', { timeout: 120_000 }, async () => {
    const page = await writ.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${writ.base}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const map = page.getByTestId('world-map');
    await map.locator('canvas').waitFor();
    expect(await map.getAttribute('aria-label')).toBeTruthy();
    await page.getByTestId('timeline-chart').locator('canvas').waitFor();
    const table = page.getByTestId('overview-table');
    const kz = table.locator('tbody tr[data-country="KZ"]').first();
    await kz.waitFor();
    // The table says what the API says, row for row.
    const overview = (await (await fetch(`${writ.base}/api/v1/public/overview`)).json()) as {
      rows: { country: string; period: string; removalOrders: number }[];
    };
    expect(await table.locator('tbody tr').count()).toBe(overview.rows.length);
    const first = overview.rows.find((r) => r.country === 'KZ')!;
    const row = table.locator(`tbody tr[data-country="KZ"][data-period="${first.period}"]`);
    expect(await row.locator('td').nth(1).getAttribute('data-value')).toBe(String(first.removalOrders));
    expect(await row.getByRole('link').getAttribute('href')).toBe(`/reports/KZ/${first.period}`);

    // The download beside the table answers CSV with the table's header.
    const csvHref = await page.getByTestId('download-overview').first().getByRole('link', { name: /CSV/ }).getAttribute('href');
    expect(csvHref).toBe('/api/v1/public/downloads/overview?format=csv');
    const csv = await page.evaluate(async (href) => {
      const res = await fetch(href);
      return { type: res.headers.get('content-type'), text: await res.text() };
    }, csvHref!);
    expect(csv.type).toContain('text/csv');
    expect(csv.text.split('\n')[0]).toBe('country,period,removalOrders,removalItems,dataOrders');
    expect(csv.text).toContain(`KZ,${first.period},${first.removalOrders},`);

    await expectNoSeriousViolations(page, 'the overview');
    await page.screenshot({ path: 'test-results/overview.png', fullPage: true });

    // In Russian and Kazakh too, the map drawn again.
    await page.getByTestId('language-switcher').selectOption('ru');
    await page.getByRole('heading', { level: 1, name: 'Требования государственных органов по странам' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Требования на карте' }).waitFor();
    await page.getByTestId('language-switcher').selectOption('kk');
    await page.getByRole('heading', { level: 1, name: 'Елдер бойынша мемлекеттік органдардың талаптары' }).waitFor();
    await page.getByTestId('world-map').locator('canvas').waitFor();
    await page.getByTestId('language-switcher').selectOption('en');
    await page.close();
  });

  it('a country page shows the published case study, linking to its record, with downloads', { timeout: 120_000 }, async () => {
    const page = await writ.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${writ.base}/reports/KZ/2026-H1`);
    const study = page.getByTestId(`case-study-${publicId}`);
    await study.waitFor();
    // Shown as text: the markup in the record's words is not markup on the page.
    expect(await study.locator('p').first().textContent()).toBe(caseStudy);
    expect(await study.locator('b').count()).toBe(0);
    expect(await study.getByRole('link', { name: publicId }).getAttribute('href')).toBe(`/records/${publicId}`);
    await page.getByTestId('download-country-KZ-2026-H1-case-studies').waitFor();
    await page.getByTestId('download-country-KZ-2026-H1-removals').waitFor();
    const outcomes = await page.evaluate(async () => {
      const res = await fetch('/api/v1/public/downloads/country-KZ-2026-H1-outcomes?format=csv');
      return { status: res.status, text: await res.text() };
    });
    expect(outcomes.status).toBe(200);
    expect(outcomes.text.split('\n')[0]).toBe('outcome,items,share');

    await expectNoSeriousViolations(page, 'the country page');
    await page.screenshot({ path: 'test-results/country-page.png', fullPage: true });
    await page.close();
  });

  it('the methodology lists the definitions from the code', { timeout: 60_000 }, async () => {
    const page = await writ.browser.newPage();
    await page.goto(`${writ.base}/methodology#site-definitions`);
    const outcomes = page.getByTestId('method-site-outcomes');
    await outcomes.waitFor();
    expect(await outcomes.locator('tbody tr').count()).toBe(6);
    expect(await page.getByTestId('method-reasons').locator('li').count()).toBe(22);
    expect(await page.getByTestId('method-log').textContent()).toContain('RFC 9162');
    await expectNoSeriousViolations(page, 'the methodology', { include: '#site-definitions' });
    await page.close();
  });
});
