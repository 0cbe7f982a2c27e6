/**
 * The public site's use cases (src/app/public-site.ts) called directly: the overview adds each
 * country's half-years up and puts the country with the most orders first (ties by code), the time
 * axis is every half-year once, oldest first; a case study is never shown from a record that
 * concerns a child, and lists its outcomes once each, sorted; a table is found by its exact name only
 * (the overview, or a known kind of an assigned country's begun half-year), and the list of tables
 * has the overview first, then each country's half-years in order, every kind of each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWrit, type Writ } from '../../src/app/context.js';
import { caseStudiesOf, countryTableKinds, overviewOf, siteTable, siteTableNames } from '../../src/app/public-site.js';
import { loadConfig } from '../../src/config.js';
import { createAuthority, createTestApp, dataRequestBody, newRequestBody, type TestApp } from '../support/app.js';
import { samplePublicRecord, seedPublishedRecord } from '../support/publishing.js';

const now = new Date('2026-10-01T00:00:00Z');
let t: TestApp;
let writ: Writ;
let shown: Awaited<ReturnType<typeof seedPublishedRecord>>;

const record = async (body: Record<string, unknown>) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: t.auth, payload: body });
  if (res.statusCode !== 201) throw new Error(res.body);
};

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  writ = createWrit(t.database.db, loadConfig({ WRIT_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' }), { now: () => now });
  const kz = await createAuthority(t, 'KZ', 'Regulator KZ');
  const de = await createAuthority(t, 'DE', 'Court DE', 'court');
  const am = await createAuthority(t, 'AM', 'Regulator AM');
  const fr = await createAuthority(t, 'FR', 'Regulator FR');
  const two = [
    { targetKind: 'url', target: 'https://x.example/1', product: 'Video' },
    { targetKind: 'url', target: 'https://x.example/2', product: 'Posts' },
  ];
  // (An order has two items unless told.) KZ: 2 removal orders (4 items) and 2 data orders, each over two half-years.
  await record(newRequestBody(kz.id, { receivedAt: '2025-08-01T10:00:00Z', items: two }));
  await record(newRequestBody(kz.id, { receivedAt: '2026-03-01T10:00:00Z' }));
  await record(dataRequestBody(kz.id, { receivedAt: '2026-03-02T10:00:00Z' }));
  await record(dataRequestBody(kz.id, { receivedAt: '2025-09-02T10:00:00Z' }));
  // DE: 4 removal orders in one half-year: as many orders as KZ (a tie, by code).
  for (let i = 0; i < 4; i++) await record(newRequestBody(de.id, { receivedAt: `2026-02-0${i + 1}T10:00:00Z` }));
  // FR, AM, BE and ZA: 1 order each (a tie, by code; ZA's half-year comes first).
  await record(newRequestBody(fr.id, { receivedAt: '2026-04-01T10:00:00Z' }));
  await record(dataRequestBody(am.id, { receivedAt: '2026-04-01T10:00:00Z' }));
  await record(newRequestBody((await createAuthority(t, 'ZA', 'Regulator ZA')).id, { receivedAt: '2025-10-01T10:00:00Z' }));
  await record(newRequestBody((await createAuthority(t, 'BE', 'Regulator BE')).id, { receivedAt: '2026-04-01T10:00:00Z' }));
  // Georgia's records: a case study with outcomes, one concerning a child, one decided in 2025-H2 (its
  // order received in 2026-H1, so that half-year has tables through the case study only).
  const item = samplePublicRecord().items[0]!;
  shown = await seedPublishedRecord(
    t,
    samplePublicRecord({
      country: 'GE',
      publicInterest: true,
      caseStudy: 'A journalist’s video.',
      courtChallenge: true,
      items: [
        { ...item, position: 1, outcome: 'removed_legal' },
        { ...item, position: 2, outcome: 'no_action' },
        { ...item, position: 3, outcome: 'removed_legal' },
        { ...item, position: 4, outcome: null },
      ],
    }),
  );
  await seedPublishedRecord(
    t,
    samplePublicRecord({ country: 'GE', publicInterest: true, caseStudy: 'About a child.', concernsChild: true }),
  );
  await seedPublishedRecord(
    t,
    samplePublicRecord({
      country: 'GE',
      publicInterest: true,
      caseStudy: 'Decided late.',
      receivedOn: '2025-11-20',
      decidedOn: '2025-12-01',
      period: '2025-H2',
    }),
  );
});
afterAll(async () => t?.close());

describe('overviewOf', () => {
  it("adds each country's half-years up, most orders first and a tie by code, and lists each half-year once, oldest first", async () => {
    const overview = await overviewOf(writ);
    expect(overview.countries).toEqual([
      { country: 'DE', removalOrders: 4, removalItems: 8, dataOrders: 0 },
      { country: 'KZ', removalOrders: 2, removalItems: 4, dataOrders: 2 },
      { country: 'GE', removalOrders: 3, removalItems: 6, dataOrders: 0 },
      { country: 'AM', removalOrders: 0, removalItems: 0, dataOrders: 1 },
      { country: 'BE', removalOrders: 1, removalItems: 2, dataOrders: 0 },
      { country: 'FR', removalOrders: 1, removalItems: 2, dataOrders: 0 },
      { country: 'ZA', removalOrders: 1, removalItems: 2, dataOrders: 0 },
    ]);
    expect(overview.periods).toEqual(['2025-H2', '2026-H1']);
    expect(overview.containsDemoData).toBe(false);
    expect(overview.rows.filter((r) => r.country === 'KZ').map((r) => [r.period, r.removalOrders, r.dataOrders])).toEqual(
      expect.arrayContaining([
        ['2025-H2', 1, 1],
        ['2026-H1', 1, 1],
      ]),
    );
  });
});

describe('caseStudiesOf', () => {
  it('never shows a record that concerns a child, and lists outcomes once each, sorted, without undecided items', async () => {
    const studies = await caseStudiesOf(writ, 'GE', { year: 2026, half: 1 });
    expect(studies).toEqual([
      {
        id: shown.record.id,
        version: 1,
        authority: shown.record.authority,
        regime: shown.record.regime,
        kind: 'content_removal',
        receivedOn: shown.record.receivedOn,
        decidedOn: shown.record.decidedOn,
        caseStudy: 'A journalist’s video.',
        summary: shown.record.summary,
        courtChallenge: true,
        outcomes: ['no_action', 'removed_legal'],
      },
    ]);
  });
});

describe('siteTable', () => {
  it("answers the overview and a known kind of an assigned country's begun half-year, with its columns", async () => {
    expect(await siteTable(writ, 'overview')).toMatchObject({
      name: 'overview',
      columns: ['country', 'period', 'removalOrders', 'removalItems', 'dataOrders'],
    });
    expect(await siteTable(writ, 'country-KZ-2026-H1-removals')).toEqual({
      name: 'country-KZ-2026-H1-removals',
      columns: ['requests', 'items', 'undecidedRequests'],
      rows: [{ requests: 2, items: 2, undecidedRequests: 1 }],
    });
    // A country without orders that half-year answers its header (an empty table).
    expect((await siteTable(writ, 'country-NO-2026-H1-case-studies')).rows).toEqual([]);
  });

  it('finds no table by any other name', async () => {
    for (const name of [
      'overviews',
      'country-KZ-2026-H1-nope',
      'country-KZ-2026-H1-removals-x',
      'xcountry-KZ-2026-H1-removals',
      'country-kz-2026-H1-removals',
      'country-XX-2026-H1-removals',
      'country-KZ-2027-H1-removals',
      'country-KZ-2026-H3-removals',
    ])
      await expect(siteTable(writ, name), name).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('siteTableNames', () => {
  it("lists the overview first, then every kind of each country's half-years, by country and then half-year", async () => {
    const names = await siteTableNames(writ);
    expect(names[0]).toBe('overview');
    const pairs = [...new Set(names.slice(1).map((n) => n.slice('country-'.length, 'country-XX-2026-H1'.length)))];
    expect(pairs).toEqual([
      'AM-2026-H1',
      'BE-2026-H1',
      'DE-2026-H1',
      'FR-2026-H1',
      'GE-2025-H2',
      'GE-2026-H1',
      'KZ-2025-H2',
      'KZ-2026-H1',
      'ZA-2025-H2',
    ]);
    expect(names.slice(1, 1 + countryTableKinds.length)).toEqual(countryTableKinds.map((k) => `country-AM-2026-H1-${k}`));
    expect(names).toHaveLength(1 + pairs.length * countryTableKinds.length);
  });
});
