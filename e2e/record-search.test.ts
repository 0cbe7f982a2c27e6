/**
 * The public request database in a browser (issue 13): a reader searches in Russian (критика finds
 * «критикой» in two countries), ticks a country in the facet panel and the results narrow, opens the
 * record, sees its redactions marked and its citation, and the page checks the record's inclusion
 * proof and the checkpoint's Ed25519 signature in the browser and says it is verified. A withdrawn
 * record's URL shows its tombstone.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTombstone } from '../src/db/public-record-writes.js';
import type { PublicRecord } from '../src/domain/public-record.js';
import { createTestApp, type TestApp } from '../test/support/app.js';
import { samplePublicRecord, seedPublishedRecord } from '../test/support/publishing.js';
import { assertWebBuilt, launchChromium, listen } from './browser.js';

let t: TestApp;
let browser: Browser;
let base = '';
let kz: PublicRecord;
let ru: PublicRecord;
let gone: PublicRecord;

beforeAll(async () => {
  assertWebBuilt();
  t = await createTestApp();
  kz = (
    await seedPublishedRecord(
      t,
      samplePublicRecord({
        summary: 'Видео с критикой акима области; автор [redacted]. Платформа не приняла мер.',
        publishedAt: '2026-03-20T10:00:00.000Z',
      }),
    )
  ).record;
  ru = (
    await seedPublishedRecord(
      t,
      samplePublicRecord({
        country: 'RU',
        authority: { name: 'Роскомнадзор', kind: 'communications_regulator' },
        regime: null,
        legalBasis: 'Федеральный закон № 149-ФЗ, ст. 15.3',
        summary: 'Требование удалить пост с критикой губернатора.',
        publishedAt: '2026-04-02T10:00:00.000Z',
        items: [
          {
            position: 1,
            targetKind: 'url',
            target: 'https://social.example/[redacted]/posts/1',
            product: 'Posts',
            outcome: 'removed_legal',
            reason: 'Government Criticism',
            scope: ['RU'],
          },
        ],
      }),
    )
  ).record;
  await seedPublishedRecord(
    t,
    samplePublicRecord({ summary: 'Court order about a trademark.', publishedAt: '2026-02-01T10:00:00.000Z' }),
  );
  gone = (
    await seedPublishedRecord(t, samplePublicRecord({ summary: 'Will be withdrawn.', publishedAt: '2026-01-05T10:00:00.000Z' }))
  ).record;
  await t.database.db.transaction((tx) =>
    writeTombstone(tx, {
      tombstone: { id: gone.id, version: 2, withdrawnAt: '2026-05-01T00:00:00.000Z', reason: 'Published by mistake.' },
      at: new Date('2026-05-01T00:00:00.000Z'),
    }),
  );
  base = await listen(t.app);
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the request database in a browser', () => {
  it('searches in Russian, narrows by a facet, opens a redacted record and verifies its inclusion proof', {
    timeout: 120_000,
  }, async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${base}/records`);
      await page.getByRole('searchbox').fill('критика');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForURL(/[?&]q=/);
      expect(new URL(page.url()).searchParams.get('q')).toBe('критика');
      const results = page.getByTestId('record-result');
      await expect.poll(() => results.count()).toBe(2);
      await expect.poll(() => page.getByTestId('records-total').textContent()).toBe('2 records');

      const countryFacet = page.getByTestId('facet-country');
      // The box follows the URL (the click navigates, then the page re-renders): click, then wait for both.
      const kazakhstan = countryFacet.getByRole('checkbox', { name: /Kazakhstan/ });
      await kazakhstan.click();
      await page.waitForURL(/country=KZ/);
      await expect.poll(() => kazakhstan.isChecked()).toBe(true);
      await expect.poll(() => results.count()).toBe(1);
      await expect.poll(() => page.getByTestId('records-total').textContent()).toBe('1 record');
      // Its own facet still counts the other country, so it can be ticked too.
      expect(await countryFacet.textContent()).toContain('Russia');

      await results.first().getByRole('link').click();
      await page.waitForURL(`${base}/records/${kz.id}`);
      await page.getByRole('heading', { level: 1, name: `Record ${kz.id}` }).waitFor();
      expect(await page.locator('mark.redacted').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('record-citation').textContent()).toContain(`/records/${kz.id}`);
      expect(await page.locator(`a[href="/feeds/KZ.atom"]`).count()).toBe(1);

      const proof = page.getByTestId('proof-result');
      await proof.locator('[data-state]').waitFor({ timeout: 30_000 });
      const verdict = (await proof.textContent()) ?? '';
      expect(verdict).toMatch(/^Verified: leaf \d+ in a tree of \d+, signed by \S+\.$/);
    } finally {
      await page.close();
    }
  });

  it('a withdrawn record shows its tombstone, and an unknown one the not-found page', { timeout: 60_000 }, async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${base}/records/${gone.id}`);
      const tombstone = page.getByTestId('record-tombstone');
      await tombstone.waitFor();
      expect(await tombstone.textContent()).toContain('Published by mistake.');
      expect(await page.content()).not.toContain('Will be withdrawn.');
      await page.goto(`${base}/records/WR-999999`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.getByTestId('record-tombstone').count()).toBe(0);
      expect(ru.id).not.toBe(kz.id);
    } finally {
      await page.close();
    }
  });
});
