/**
 * Every published file in ../shared/data, imported once: Google's 2024 archive as the original zip
 * (built here from the extracted folder, as Google ships it), the 2025 vintage, both JSON snapshots
 * and Meta's files in all three layouts. Skipped, saying so, where ../shared/data is absent.
 *
 * Expected values were computed independently of Writ, with Python's csv module over the same
 * files (sums of the `Total` column per country and period, etc.):
 *   2024 archive: 17,695 + 2,735 + 9,645 + 1,204 = 31,279 rows; 54 of them Europol's or Interpol's
 *     (no territory code) → 31,225 stored. 2025 folder: 21,065 + 3,800 = 24,865 rows, 27 of them Europol's.
 *   RU 2021-H1 (2025 vintage): 18,880 requests (product/reason file, = the requester file), 198,014 items;
 *     National Security 3,840 → 0.2034, Government Criticism 25 → 0.0013. Ranking 2021-H1: RU, IN 1,332, KR 994.
 *   US 2014-H2: current product/reason file 405, historical product/reason file 406 (338 court orders,
 *     68 executive), historical summary 406 requests, 2,030 items, 58% complied with.
 *   CN 2009-H2: requests published as "?".
 *   BR 2020-H2 (2025 vintage): product/reason 672, requester 671 — one of the 7 country-periods where
 *     even the 2025 vintage disagrees.
 *   Meta KZ 2020-H1: 2 requests for 7 accounts, 0% with data produced. Meta: 3,745 rows, Somaliland (no
 *     code) and the ten rows of the Netherlands Antilles (dissolved in 2010, always zeros) not stored → 3,734.
 *   Meta Russia ("Russia,18,19,33,0,30,…" in 2021_H1, "Russia,0,0,1,…" in 2023_H2): 33 requests for 30
 *     accounts, and 1 request; France 2021-H1 13,822.
 *   Meta content restrictions (imported with the requests, from content-restrictions/): 21 files, 2,867
 *     rows, the ten of the Netherlands Antilles (AN) not stored (Kosovo is XK) → 2,857 rows, whose totals add up to
 *     48,976,973 items. KZ 2016-H1 "Kazakhstan,7"; 2022-H1 "KZ,Kazakhstan,…,1,…,13,0,14" (1 Facebook
 *     Page+Group item and 13 Instagram accounts, both under "Global GB externally imposed", total 14). Internet Disruptions:
 *     12 requests files carry the column, filled from 2016-H2 (KZ 1; India 21 and Iraq 15 in 2017-H1).
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countryTimeline, datasetStats, detectSurges, periodRanking } from '../../src/datasets/dataset-views.js';
import { type ImportReport, importDataset } from '../../src/datasets/import-dataset.js';
import { isCountryCode } from '../../src/domain/countries.js';
import type { DatasetSource } from '../../src/domain/datasets/sources.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { hasSharedData, readers, sharedData, tempDir, zipFolder } from './datasets-support.js';

if (!hasSharedData) console.warn(`skipping the real-data import: ${sharedData} is absent (the committed fixtures still run)`);

describe.skipIf(!hasSharedData)('every published file in ../shared/data', () => {
  let database: TestDatabase;
  let scratch: string | undefined;
  const reports: Record<string, ImportReport> = {};
  const settings = { window: 6, minHistory: 4, threshold: 3.5, minRequests: 10 };
  const r = () => readers(database.db);
  const stats = (source: DatasetSource, country: string, period: string) => datasetStats(r(), source, country, period);

  beforeAll(async () => {
    database = await createTestDatabase();
    const load = (source: DatasetSource, target: string) => importDataset(r().datasets, source, target);
    scratch = await tempDir();
    const zip = path.join(scratch, 'google-government-removals.zip');
    const zipped = await zipFolder(path.join(sharedData, 'google-removals-2024-09'), ['google-government-removals'], zip);
    if (!zipped) console.warn('the `zip` command is not installed: importing the 2024 archive from its folder');
    reports.google2024 = await load('google-removals', zipped ? zip : path.join(sharedData, 'google-removals-2024-09'));
    reports.google2025 = await load('google-removals', path.join(sharedData, 'google-removals-2025-06'));
    const json = path.join(sharedData, 'google-removals-json-krmaynard');
    reports.json = await load('google-removals-json', path.join(json, 'google-government-removals.json'));
    reports.jsonOld = await load(
      'google-removals-json',
      path.join(json, 'google-government-removals.2019-2025H1.commit-836bdcd.json'),
    );
    reports.meta = await load('meta-data-requests', path.join(sharedData, 'meta-government-requests-2023'));
  }, 60_000);
  afterAll(async () => {
    await database?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('imports every vintage and layout, with warnings where the files are inconsistent', () => {
    expect(reports.google2024).toMatchObject({ vintage: '2023-H2', rowsRead: 31279, rowsStored: 31225 });
    // 424 country-periods where the requester file disagrees with the product/reason file (417 over-counted).
    expect(
      reports.google2024!.warnings.filter((w) => /: requests: google-government-removal-requests\.csv counts/.test(w.message)),
    ).toHaveLength(424);
    expect(reports.google2025).toMatchObject({ vintage: '2025-H1', rowsRead: 24865, rowsStored: 24838, periodsKept: [] });
    expect(
      reports.google2025!.warnings.filter((w) => /: requests: google-government-removal-requests\.csv counts/.test(w.message)),
    ).toHaveLength(7);
    expect(reports.json).toMatchObject({ vintage: '2025-H2', rowsRead: 27991 });
    // The older snapshot (to 2025-H1) comes second: a newer vintage holds all 13 of its periods.
    expect(reports.jsonOld).toMatchObject({ vintage: '2025-H1', rowsStored: 0 });
    expect(reports.jsonOld!.periodsKept).toHaveLength(13);
    expect(reports.meta!.files).toHaveLength(22);
    expect(reports.meta).toMatchObject({ vintage: '2023-H2', rowsRead: 3745, rowsStored: 3734 });
    expect(reports.meta!.ignoredFiles.filter((name) => name.includes('Content_Restrictions'))).toEqual([]);
  });

  it("imports Meta's content restrictions and internet disruptions with its requests, every country under an assigned code", async () => {
    const [restrictions] = reports.meta!.companions ?? [];
    expect(restrictions).toMatchObject({ source: 'meta-content-restrictions', vintage: '2023-H2', unchanged: false });
    expect(restrictions!.files.filter((f) => f.role === 'restrictions')).toHaveLength(21);
    expect(restrictions!.files.filter((f) => f.role === 'disruptions')).toHaveLength(12);
    const notStored = restrictions!.warnings.filter(
      (w) => w.message.endsWith('row not stored') && w.file.includes('Content_Restrictions'),
    );
    expect(notStored).toHaveLength(10);
    expect(notStored.every((w) => w.message.startsWith('"AN" (Netherlands Antilles)') && w.line !== null)).toBe(true);

    const stored = await r().figures.metaRestrictionRows();
    const restricted = stored.filter((row) => row.part === 'restrictions');
    expect(restricted).toHaveLength(2857);
    expect(restricted.reduce((sum, row) => sum + (row.items ?? 0), 0)).toBe(48_976_973);
    expect([...new Set(stored.map((row) => row.country))].filter((c) => !isCountryCode(c))).toEqual([]);

    expect(await stats('meta-content-restrictions', 'KZ', '2016-H1')).toMatchObject({
      itemsRestricted: 7,
      internetDisruptions: null,
    });
    const kz = await stats('meta-content-restrictions', 'KZ', '2022-H1');
    expect(kz).toMatchObject({ itemsRestricted: 14, internetDisruptions: null });
    const byProduct = kz.source === 'meta-content-restrictions' ? kz.itemsRestrictedByProduct : null;
    expect(byProduct).toMatchObject({
      'Facebook Page+Group: Global GB externally imposed': 1,
      'Instagram Account: Global GB externally imposed': 13,
    });
    expect(Object.keys(byProduct ?? {})).toHaveLength(14); // the 17 columns less code, name and total
    expect(Object.values(byProduct ?? {}).reduce<number>((sum, v) => sum + (v ?? 0), 0)).toBe(14);
    expect(await stats('meta-content-restrictions', 'KZ', '2016-H2')).toMatchObject({ internetDisruptions: 1 });
    expect(await stats('meta-content-restrictions', 'IN', '2017-H1')).toMatchObject({ internetDisruptions: 21 });
    expect(await stats('meta-content-restrictions', 'IQ', '2017-H1')).toMatchObject({ internetDisruptions: 15 });

    const again = await importDataset(r().datasets, 'meta-data-requests', path.join(sharedData, 'meta-government-requests-2023'));
    expect(again.unchanged).toBe(true);
    expect(again.companions?.map((c) => [c.source, c.unchanged, c.rowsStored])).toEqual([['meta-content-restrictions', true, 0]]);
    expect(await r().figures.metaRestrictionRows()).toEqual(stored);

    const timeline = await countryTimeline(r(), 'KZ', settings);
    const series = timeline.series.find((s) => s.source === 'meta-content-restrictions');
    expect(series?.points.find((p) => p.period === '2022-H1')).toMatchObject({ requests: null, items: 14, listed: true });
    const ranking = await periodRanking(r(), 'meta-content-restrictions', '2022-H1', settings, 200);
    const kzRank = ranking.countries.find((c) => c.country === 'KZ');
    expect(kzRank).toMatchObject({ items: 14, requests: null });
    expect(kzRank!.rank).toBeGreaterThan(0);
  });

  it('gives statistics that match values computed independently', async () => {
    expect(await stats('google-removals', 'KZ', '2021-H1')).toMatchObject({
      requests: 84,
      items: 30838,
      requestsToDate: 457,
      requestsByRequester: { 'Information and Communications Authority': 79, Police: 4, 'Data Protection Authority': 1 },
      warnings: ['requestsToDate leaves out 2010-H1, for which no number of requests is published'],
    });
    expect(await stats('google-removals', 'RU', '2021-H1')).toMatchObject({ requests: 18880, items: 198014 });
    const us = await stats('google-removals', 'US', '2014-H2');
    expect(us).toMatchObject({
      requests: 405,
      items: 2030,
      requestsByRequester: { 'Court Orders': 338, 'Executive, Police, etc.': 68 },
    });
    expect(us.warnings).toContain(
      'Google published no item outcomes for 2014-H2 (they start in 2019-H1); itemOutcomes are 0. The historical summary gives 58% of requests fully or partially complied with',
    );
    expect(await stats('google-removals', 'CN', '2009-H2')).toMatchObject({ requests: null });
    expect((await stats('google-removals', 'BR', '2020-H2')).warnings[0]).toBe(
      'requests: google-government-removal-requests.csv counts 671, google-government-detailed-removal-requests.csv 672; 672 is used',
    );
    expect(await stats('meta-data-requests', 'KZ', '2020-H1')).toMatchObject({
      requests: 2,
      accountsRequested: 7,
      shareSomeDataProduced: 0,
    });
    expect(await stats('google-removals-json', 'KZ', '2021-H1')).toMatchObject({
      requests: 84,
      items: 30838,
      itemOutcomesExact: true,
    });
  });

  it("stores every country under the code assigned today, so Meta's Russia sits beside Google's", async () => {
    const stored = new Set([
      ...(await r().figures.googleSums()).map((s) => s.country),
      ...(await r().figures.jsonSums()).map((s) => s.country),
      ...(await r().figures.metaRows()).map((s) => s.country),
    ]);
    expect(stored.size).toBeGreaterThan(200);
    expect([...stored].filter((c) => !isCountryCode(c))).toEqual(['EU']);
    for (const withdrawn of ['SU', 'UK', 'FX', 'YU', 'HV', 'DY', 'TP', 'AN'])
      expect(stored.has(withdrawn), withdrawn).toBe(false);

    const russia = await countryTimeline(r(), 'RU', settings);
    const meta = russia.series.find((s) => s.source === 'meta-data-requests');
    expect(meta?.points.find((p) => p.period === '2021-H1')).toMatchObject({ requests: 33, accounts: 30, listed: true });
    expect(meta?.points.find((p) => p.period === '2023-H2')).toMatchObject({ requests: 1, listed: true });
    expect(russia.series.map((s) => s.source)).toEqual(
      expect.arrayContaining(['google-removals', 'google-removals-json', 'meta-data-requests']),
    );
    expect(await stats('meta-data-requests', 'FR', '2021-H1')).toMatchObject({ requests: 13822 });
  });

  it('ranks countries and flags surges over the whole archive', async () => {
    const ranking = await periodRanking(r(), 'google-removals', '2021-H1', settings, 3);
    expect(ranking.countries.map((c) => [c.country, c.requests])).toEqual([
      ['RU', 18880],
      ['IN', 1332],
      ['KR', 994],
    ]);
    expect(ranking.countries[0]).toMatchObject({ nationalSecurityShare: 0.2034, governmentCriticismShare: 0.0013 });
    const kz = await detectSurges(r(), 'google-removals', settings, { country: 'KZ' });
    expect(kz.surges.map((s) => s.period)).toEqual(['2023-H1', '2017-H2', '2016-H2', '2016-H1', '2015-H2']);
  });
});
