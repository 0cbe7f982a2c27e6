/**
 * Issue 13's acceptance walk in a browser, over the demo as `npm start` seeds it (its Russian-language
 * records published through the workflow, the log signed): a reader opens the public site, searches
 * the request database in Russian with another word form than the stored one, opens a redacted
 * record and sees its inclusion proof verified in the browser, downloads Google's removal-requests
 * CSV from the downloads page (parsed: Google's header, the demo's countries); the overview and a country page are saved as screenshots
 * (test-results/overview.png, test-results/country-page.png); and axe-core finds no serious or
 * critical violation on the overview, the database, a record, a country page, the downloads and the
 * methodology; nor on the static publication's pages (publishSite, served as files by
 * test/support/static-server.ts, which keeps to its directory).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWrit } from '../src/app/context.js';
import { publishSite } from '../src/app/static-site.js';
import { loadConfig } from '../src/config.js';
import { demoPublications } from '../src/demo/demo-publications.js';
import { googleRequesterFile, googleRequesterHeader } from '../src/domain/exports/google-removals.js';
import type { PublicRecord } from '../src/domain/public-record.js';
import { type StaticServer, serveDirectory } from '../test/support/static-server.js';
import { expectNoSeriousViolations } from './axe.js';
import { type DemoWrit, startDemoWrit } from './browser.js';

const resultsDir = path.resolve('test-results');
let writ: DemoWrit;
let page: Page;
/** The demo's record full of personal data (redacted), and the one with a case study. */
let redacted: PublicRecord;
let caseStudy: PublicRecord;

async function recordOf(reference: string): Promise<PublicRecord> {
  const rows = await writ.database.db.execute<{ reference: string }>(
    sql`SELECT reference FROM requests WHERE authority_reference = ${reference}`,
  );
  const response = await fetch(`${writ.base}/api/v1/public/records/${rows.rows[0]!.reference}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { record: PublicRecord }).record;
}

beforeAll(async () => {
  mkdirSync(resultsDir, { recursive: true });
  writ = await startDemoWrit();
  redacted = await recordOf(demoPublications.find((p) => p.markedNames?.includes('Сейтказиев'))!.reference);
  caseStudy = await recordOf(demoPublications.find((p) => p.items.some((i) => i.decision.caseStudy))!.reference);
  page = await writ.browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
}, 180_000);
afterAll(async () => {
  await writ?.close();
});

/** Waits until the page's data has loaded (no request in flight) before it is judged. */
async function settled(): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('h1').first().waitFor();
}

describe('the public site, as a reader walks it', () => {
  it('the overview shows the published data and is saved as a screenshot', { timeout: 120_000 }, async () => {
    await page.goto(`${writ.base}/`);
    await settled();
    await page.getByTestId('overview-table').waitFor();
    expect(await page.getByTestId('overview-table').textContent()).toMatch(/Kazakhstan|KZ/);
    await page.screenshot({ path: path.join(resultsDir, 'overview.png'), fullPage: true });
    await expectNoSeriousViolations(page, 'the overview (/)');
  });

  it('searches the database in Russian and opens a redacted record whose proof is verified', { timeout: 120_000 }, async () => {
    await page.goto(`${writ.base}/records`);
    await settled();
    await expectNoSeriousViolations(page, 'the request database (/records)');
    // Stored: «журналистское расследование»; searched: «расследования».
    await page.getByRole('searchbox').fill('расследования');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/[?&]q=/);
    const results = page.getByTestId('record-result');
    await expect.poll(() => results.count()).toBeGreaterThan(0);
    expect(await results.allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining(caseStudy.id)]));

    // Stored: «оскорблениями», «(оскорбление)»; searched: «оскорблений».
    await page.getByRole('searchbox').fill('оскорблений');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/q=%D0%BE/);
    await expect.poll(() => results.count()).toBe(1);
    await results.first().getByRole('link').first().click();
    await page.waitForURL(`${writ.base}/records/${redacted.id}`);
    // The record loads after the page's frame (the results' own marks may still be on screen): wait for its text.
    await expect
      .poll(async () => (await page.locator('main').textContent()) ?? '', { timeout: 15_000 })
      .toContain('Уголовный кодекс РК');
    await page.locator('main mark.redacted').first().waitFor();
    const body = (await page.locator('main').textContent()) ?? '';
    for (const secret of ['Сейтказиев', '850312300121', '+7 701 555 12 34', 'a.seitkaziev@mail.example'])
      expect(body, secret).not.toContain(secret);

    const proof = page.getByTestId('proof-result');
    await proof.locator('[data-state]').waitFor({ timeout: 30_000 });
    expect(await proof.locator('[data-state]').getAttribute('data-state')).toBe('verified');
    expect(await proof.textContent()).toMatch(/^Verified: leaf \d+ in a tree of \d+, signed by \S+\.$/);
    await expectNoSeriousViolations(page, `a record (/records/${redacted.id})`);
  });

  it('a country page is saved as a screenshot', { timeout: 120_000 }, async () => {
    await page.goto(`${writ.base}/reports/${redacted.country}/${redacted.period}`);
    await settled();
    await page.getByTestId('case-studies').waitFor();
    await page.screenshot({ path: path.join(resultsDir, 'country-page.png'), fullPage: true });
    await expectNoSeriousViolations(page, `a country page (/reports/${redacted.country}/${redacted.period})`);
  });

  it("downloads a CSV from the downloads page: Google's removal-requests file, with Google's header", {
    timeout: 120_000,
  }, async () => {
    await page.goto(`${writ.base}/downloads`);
    await settled();
    const link = page.getByTestId('export-google-removals').locator(`a[download="${googleRequesterFile}"]`);
    await link.waitFor();
    await expectNoSeriousViolations(page, 'the downloads (/downloads)');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(googleRequesterFile);
    const rows = parse(readFileSync((await download.path())!, 'utf8'), { bom: true }) as string[][];
    expect(rows[0]).toEqual([...googleRequesterHeader]);
    // The demo's orders are in it: Kazakhstan and Russia among the countries.
    const countries = rows.slice(1).map((row) => row[2]);
    expect(countries).toEqual(expect.arrayContaining(['KZ', 'RU']));
  });

  it('the methodology has no serious accessibility violation', { timeout: 60_000 }, async () => {
    await page.goto(`${writ.base}/methodology`);
    await settled();
    await expectNoSeriousViolations(page, 'the methodology (/methodology)');
  });
});

describe('the static publication, served as files', () => {
  let site: StaticServer;
  let outDir = '';
  beforeAll(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'writ-static-site-'));
    const context = createWrit(writ.database.db, loadConfig({ LOG_LEVEL: 'silent' }));
    await publishSite(context, { outDir, siteUrl: 'https://transparency.example' });
    site = await serveDirectory(outDir);
  }, 180_000);
  afterAll(async () => {
    await site?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('its pages open in Chromium, the record redacted, with no serious accessibility violation', {
    timeout: 180_000,
  }, async () => {
    const pages = [
      ['the static overview', '/'],
      ['the static request database', '/records/'],
      ['a static record', `/records/${redacted.id}/`],
      ['a static country page', `/countries/${redacted.country}/${redacted.period}/`],
      ['the static methodology', '/methodology/'],
    ] as const;
    for (const [label, at] of pages) {
      const response = await page.goto(`${site.url}${at}`);
      expect(response?.status(), at).toBe(200);
      await page.locator('h1').first().waitFor();
      await expectNoSeriousViolations(page, label);
    }
    await page.goto(`${site.url}/records/${redacted.id}/`);
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).toContain('[redacted]');
    expect(text).not.toContain('Сейтказиев');
  });

  it('the file server keeps to its directory and says what each file is', async () => {
    const raw = (target: string) =>
      new Promise<number>((resolve, reject) => {
        const { hostname, port } = new URL(site.url);
        httpGet({ hostname, port, path: target }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        }).on('error', reject);
      });
    expect(await raw('/../../../../etc/passwd')).toBe(404);
    expect(await raw('/..%2f..%2f..%2f..%2fetc%2fpasswd')).toBe(404);
    expect(await raw('/records/%00')).toBe(404);
    expect(await raw('/no-such-file.html')).toBe(404);
    const checkpoint = await fetch(`${site.url}/log/checkpoint`);
    expect(checkpoint.status).toBe(200);
    expect(checkpoint.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const proof = await fetch(`${site.url}/records/${redacted.id}.json`);
    expect(proof.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(((await proof.json()) as { id: string }).id).toBe(redacted.id);
  });
});
