/**
 * The public site's use cases (src/app/public-site.ts) called directly: the overview adds each
 * country's half-years up and puts the country with the most orders first (ties by code), the time
 * axis is every half-year once, oldest first; a case study is never shown from a record that
 * concerns a child, and lists its outcomes once each, sorted; a table is found by its exact name only
 * (the overview, or a known kind of an assigned country's begun half-year), and the list of tables
 * has the overview first, then each country's half-years in order, every kind of each (a pressure
 * event's begun half-years too). Each table's rows are keyed by its columns, the country page's
 * pressure events are only that country's in that half-year, a missing table is refused on its name,
 * the methodology reads the code's own constants, and one demo order marks the overview as demo data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Writ } from '../../src/app/context.js';
import { decideItem } from '../../src/app/decisions.js';
import { orderFromBody } from '../../src/app/intake.js';
import { recordPressure } from '../../src/app/pressure.js';
import {
  caseStudiesOf,
  countryTableKinds,
  methodologyOf,
  overviewOf,
  siteTable,
  siteTableNames,
} from '../../src/app/public-site.js';
import { receiveOrder } from '../../src/app/requests.js';
import { newRequestSchema } from '../../src/contracts/requests.js';
import type { PublicRecord } from '../../src/domain/public-record.js';
import { logEntryKinds, personalDataKinds, redactableFields } from '../../src/domain/publishing-vocabulary.js';
import { deadlineBases } from '../../src/domain/regimes/vocabulary.js';
import { outcomeBuckets } from '../../src/domain/report.js';
import type { Actor } from '../../src/domain/request.js';
import { authorityKinds, reasons } from '../../src/domain/vocabulary.js';
import { dataRequestBody, newRequestBody } from '../support/app.js';
import { sampleFine } from '../support/pressure.js';
import { publishFor, samplePublicRecord } from '../support/publishing.js';
import { createTestWrit, staffMember, type TestWrit, testAuthority } from '../support/writ.js';

const now = new Date('2026-10-01T00:00:00Z');
let t: TestWrit;
let writ: Writ;
let shown: Awaited<ReturnType<typeof seedPublishedRecord>>;
let recorder: Actor;
/** Kazakhstan's fine of 2026-H1 (beside Russia's block, in force from 2026-H1 until 2027-H1, not begun at `now`). */
let kzFine: { id: string };

/** Records an order as the API's schema reads `body`, by a reviewer. */
const record = async (body: Record<string, unknown>) =>
  (await receiveOrder(writ, orderFromBody(newRequestSchema.parse(body)), recorder)).request;

/** Publishes `published` for an order of its country's own authority received in 2026-H1. */
async function seedPublishedRecord(published: PublicRecord) {
  const authority = await testAuthority(t, published.country, `${published.authority.name} ${published.caseStudy}`);
  return publishFor(t.database.db, await record(newRequestBody(authority.id)), published, {});
}

beforeAll(async () => {
  t = await createTestWrit({ now: () => now });
  writ = t.writ;
  recorder = await staffMember(writ, 'reviewer');
  const kz = await testAuthority(t, 'KZ', 'Regulator KZ');
  const de = await testAuthority(t, 'DE', 'Court DE', 'court');
  const am = await testAuthority(t, 'AM', 'Regulator AM');
  const fr = await testAuthority(t, 'FR', 'Regulator FR');
  const two = [
    { targetKind: 'url', target: 'https://x.example/1', product: 'Video' },
    { targetKind: 'url', target: 'https://x.example/2', product: 'Posts' },
  ];
  // (An order has two items unless told.) KZ: 2 removal orders (4 items) and 2 data orders, each over two half-years.
  await record(newRequestBody(kz.id, { receivedAt: '2025-08-01T10:00:00Z', items: two }));
  await record(newRequestBody(kz.id, { receivedAt: '2026-03-01T10:00:00Z' }));
  await record(dataRequestBody(kz.id, { receivedAt: '2026-03-02T10:00:00Z' }));
  await record(dataRequestBody(kz.id, { receivedAt: '2025-09-02T10:00:00Z' }));
  // DE: 4 removal orders in one half-year: as many orders as KZ (a tie, by code). The first is decided
  // (one item removed under a legal reason, the other not acted on), the others wait.
  const deOrders = [];
  for (let i = 0; i < 4; i++) deOrders.push(await record(newRequestBody(de.id, { receivedAt: `2026-02-0${i + 1}T10:00:00Z` })));
  const reviewer = await staffMember(writ, 'reviewer');
  const [removed, kept] = deOrders[0]!.items;
  await decideItem(
    writ,
    { requestId: deOrders[0]!.id, itemId: removed!.id },
    { outcome: 'removed_legal', reason: 'Hate Speech', scopeCountries: ['DE'], rationale: 'Unlawful in Germany' },
    reviewer,
  );
  await decideItem(
    writ,
    { requestId: deOrders[0]!.id, itemId: kept!.id },
    { outcome: 'no_action', reason: 'Hate Speech', scopeCountries: null, rationale: 'Lawful speech' },
    reviewer,
  );
  // FR, AM, BE and ZA: 1 order each (a tie, by code; ZA's half-year comes first).
  await record(newRequestBody(fr.id, { receivedAt: '2026-04-01T10:00:00Z' }));
  await record(dataRequestBody(am.id, { receivedAt: '2026-04-01T10:00:00Z' }));
  await record(newRequestBody((await testAuthority(t, 'ZA', 'Regulator ZA')).id, { receivedAt: '2025-10-01T10:00:00Z' }));
  await record(newRequestBody((await testAuthority(t, 'BE', 'Regulator BE')).id, { receivedAt: '2026-04-01T10:00:00Z' }));
  // Georgia's records: a case study with outcomes, one concerning a child, one decided in 2025-H2 (its
  // order received in 2026-H1, so that half-year has tables through the case study only).
  const item = samplePublicRecord().items[0]!;
  shown = await seedPublishedRecord(
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
    samplePublicRecord({ country: 'GE', publicInterest: true, caseStudy: 'About a child.', concernsChild: true }),
  );
  await seedPublishedRecord(
    samplePublicRecord({
      country: 'GE',
      publicInterest: true,
      caseStudy: 'Decided late.',
      receivedOn: '2025-11-20',
      decidedOn: '2025-12-01',
      period: '2025-H2',
    }),
  );
  // Pressure: a Kazakh fine of 2026-H1, and a Russian block in force from 2026-H1 until 2027-H1.
  kzFine = await recordPressure(writ, sampleFine({}), null);
  await recordPressure(
    writ,
    sampleFine({
      kind: 'blocking',
      country: 'RU',
      authority: 'Roskomnadzor',
      title: 'Blocked until March 2027',
      announcedOn: '2026-05-01',
      inForceOn: '2026-05-01',
      endedOn: '2027-03-01',
      amount: null,
      currency: null,
      status: 'announced',
    }),
    null,
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
      await expect(siteTable(writ, name), name).rejects.toMatchObject({ code: 'not_found', field: 'name' });
  });
});

describe("a country's half-year tables", () => {
  const rowsOf = async (name: string) => (await siteTable(writ, name)).rows;

  it('count the items of each outcome with their share, the pending ones last', async () => {
    expect(await rowsOf('country-DE-2026-H1-outcomes')).toEqual([
      { outcome: 'removed_legal', items: 1, share: 0.125 },
      { outcome: 'removed_policy', items: 0, share: 0 },
      { outcome: 'content_not_found', items: 0, share: 0 },
      { outcome: 'not_enough_information', items: 0, share: 0 },
      { outcome: 'no_action', items: 1, share: 0.125 },
      { outcome: 'content_already_removed', items: 0, share: 0 },
      { outcome: 'pending', items: 6, share: 0.75 },
    ]);
  });

  it('count the orders by requesting authority kind, order kind, product and reason, each row named by its column', async () => {
    expect(await rowsOf('country-DE-2026-H1-requesters')).toEqual([{ authorityKind: 'court', requests: 4 }]);
    expect(await rowsOf('country-DE-2026-H1-kinds')).toEqual([{ kind: 'content_removal', requests: 4 }]);
    expect(await rowsOf('country-DE-2026-H1-products')).toEqual([{ product: 'Profiles', requests: 4 }]);
    expect(await rowsOf('country-DE-2026-H1-reasons')).toEqual([{ reason: 'Hate Speech', requests: 1 }]);
  });

  it("show each regime's deadline performance (an order under no regime counts under none)", async () => {
    // The decided German order was received on 1 February at 10:00 and decided at `now`, 5,798 hours later.
    expect(await rowsOf('country-DE-2026-H1-deadlines')).toEqual([
      { regimeId: null, regimeName: null, decided: 1, met: 0, shareMet: 0, medianHoursToDecision: 5798 },
    ]);
  });

  it("list the user-data figures by name, every legal process's three figures after the totals", async () => {
    const byProcess = (process: string, requests: number, accounts: number) => [
      { figure: `byProcess.${process}.requests`, value: requests },
      { figure: `byProcess.${process}.accounts`, value: accounts },
      { figure: `byProcess.${process}.someDataProduced`, value: 0 },
    ];
    // Kazakhstan's one data order of 2026-H1: a court order naming two accounts, not decided yet.
    expect(await rowsOf('country-KZ-2026-H1-user-data')).toEqual([
      { figure: 'totalRequests', value: 1 },
      { figure: 'totalAccounts', value: 2 },
      { figure: 'requestsSomeDataProduced', value: 0 },
      { figure: 'percentSomeDataProduced', value: 0 },
      { figure: 'legalProcess.requests', value: 1 },
      { figure: 'emergency.requests', value: 0 },
      { figure: 'preservationRequests', value: 0 },
      { figure: 'preservationAccountsPreserved', value: 0 },
      { figure: 'nonDisclosure.requests', value: 0 },
      { figure: 'undecidedRequests', value: 1 },
      ...byProcess('search_warrant', 0, 0),
      ...byProcess('subpoena', 0, 0),
      ...byProcess('court_order', 1, 2),
      ...byProcess('mlat_request', 0, 0),
      ...byProcess('other', 0, 0),
    ]);
  });

  it("show a case study's authority by name and kind and its outcomes separated by spaces", async () => {
    expect(await rowsOf('country-GE-2026-H1-case-studies')).toEqual([
      {
        id: shown.record.id,
        version: 1,
        authority: 'Ministry of Information',
        authorityKind: 'communications_regulator',
        decidedOn: '2026-03-11',
        outcomes: 'no_action removed_legal',
        caseStudy: 'A journalist’s video.',
      },
    ]);
  });

  it("show only the country's pressure events that touch the half-year", async () => {
    expect((await rowsOf('country-KZ-2026-H1-pressure')).map((r) => [r.id, r.title])).toEqual([
      [kzFine.id, 'Fined for declining two orders'],
    ]);
    expect((await rowsOf('country-RU-2026-H2-pressure')).map((r) => r.title)).toEqual(['Blocked until March 2027']);
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
      // Russia has no order and no record: its block's begun half-years have tables all the same (not 2027-H1).
      'RU-2026-H1',
      'RU-2026-H2',
      'ZA-2025-H2',
    ]);
    expect(names.slice(1, 1 + countryTableKinds.length)).toEqual(countryTableKinds.map((k) => `country-AM-2026-H1-${k}`));
    expect(names).toHaveLength(1 + pairs.length * countryTableKinds.length);
  });
});

describe('methodologyOf', () => {
  it("reads each definition from the constant the code uses, and names the log's hash, standard and checkpoint", () => {
    const m = methodologyOf();
    expect(m.requestKinds).toEqual(['content_removal', 'user_data', 'preservation', 'emergency_disclosure']);
    expect(m.authorityKinds).toEqual([...authorityKinds]);
    expect(m.outcomes[0]).toEqual({ key: 'removed_legal', label: 'Removed – legal (restricted locally)' });
    expect(m.outcomeBuckets).toEqual([...outcomeBuckets]);
    expect(m.outcomeBuckets.at(-1)).toBe('pending');
    expect(m.reasons).toEqual([...reasons]);
    expect(m.reasons).toContain('Hate Speech');
    expect(m.periods.pattern).toBe('YYYY-H1 | YYYY-H2');
    expect(m.periods.example).toBe('2026-H1');
    expect(m.periods.definition).toMatch(/^A calendar half-year in UTC: H1 is January to June, H2 July to December\./);
    expect(m.deadlineBases).toEqual([...deadlineBases]);
    expect(m.deadlineBases).toContain('law');
    expect(m.publicRecordFields.map((f) => f.field)).toContain('caseStudy');
    expect(m.redactableFields).toEqual([...redactableFields]);
    expect(m.redactableFields).toContain('caseStudy');
    expect(m.personalDataKinds).toEqual([...personalDataKinds]);
    expect(m.personalDataKinds).toContain('email');
    expect(m.log).toEqual({
      entryKinds: [...logEntryKinds],
      hash: 'SHA-256',
      standard: 'RFC 9162',
      leafPrefix: '0x00',
      nodePrefix: '0x01',
      checkpoint: 'C2SP signed note (tlog-checkpoint), Ed25519',
    });
    expect(m.log.entryKinds).toContain('publish');
  });
});

// Last: it adds a demo order, which every test above runs without.
describe('overviewOf with demo data', () => {
  it('says the overview contains demo data when any one half-year of a country does', async () => {
    const ua = await testAuthority(t, 'UA', 'Demo regulator UA');
    const body = newRequestSchema.parse(newRequestBody(ua.id, { receivedAt: '2026-04-02T10:00:00Z' }));
    await receiveOrder(writ, { ...orderFromBody(body), isDemo: true }, null);
    const overview = await overviewOf(writ);
    expect(overview.rows.filter((r) => r.containsDemoData).map((r) => `${r.country}-${r.period}`)).toEqual(['UA-2026-H1']);
    expect(overview.containsDemoData).toBe(true);
  });
});
