/**
 * The public user-data report's use cases themselves (src/app/data-reports.ts), without the HTTP
 * app: the index lists every country and half-year with a data order; the comparison puts one
 * country's own series beside Meta's published one for the same country only, every half-year that
 * either has, oldest first.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitOrder } from '../../src/app/authority-orders.js';
import { userDataComparison, userDataReportIndex } from '../../src/app/data-reports.js';
import { importPublishedData } from '../../src/app/datasets.js';
import { submitOrderSchema } from '../../src/contracts/authority-orders.js';
import { createVerifiedAgency, principalOf, type TestAgency } from '../support/agencies.js';
import { createTestWrit, type TestWrit } from '../support/writ.js';
import { fixtures } from './datasets-support.js';

let clock = new Date('2026-06-01T06:00:00Z');
let t: TestWrit;

/** A user-data order of `agency` received at `at`, naming `accounts` accounts. */
async function dataOrder(agency: TestAgency, at: string, accounts = 1) {
  clock = new Date(at);
  const body = submitOrderSchema.parse({
    kind: 'user_data',
    legalBasis: 'Criminal Procedure Code, Art. 232',
    signer: 'A. Investigator, Major of Justice',
    statementOfReasons: 'The accounts were used to plan a fraud.',
    dataRequest: {
      legalProcess: 'search_warrant',
      accounts: Array.from({ length: accounts }, (_, i) => ({ identifierKind: 'username', identifier: `user_${i}` })),
      categories: ['subscriber_information'],
    },
  });
  return submitOrder(t.writ, principalOf(agency), body);
}

beforeAll(async () => {
  t = await createTestWrit({ now: () => clock });
  await importPublishedData(t.writ, 'meta-data-requests', path.join(fixtures, 'meta-data-requests'));
  const kz = await createVerifiedAgency(t, 'KZ', { timeZone: 'Asia/Almaty' });
  const uz = await createVerifiedAgency(t, 'UZ', { timeZone: 'Asia/Tashkent' });
  // Received newest first, so that no order of storing can stand in for the sort.
  await dataOrder(kz, '2025-09-01T10:00:00Z', 2);
  await dataOrder(kz, '2021-03-01T10:00:00Z', 3);
  await dataOrder(kz, '2021-05-01T10:00:00Z', 1);
  await dataOrder(uz, '2024-02-01T10:00:00Z', 1);
});
afterAll(async () => t?.close());

describe('userDataReportIndex', () => {
  it('lists every country and half-year with a data order, newest first, with its requests', async () => {
    expect(await userDataReportIndex(t.writ)).toEqual([
      { country: 'KZ', period: '2025-H2', requests: 1, preservationRequests: 0 },
      { country: 'UZ', period: '2024-H1', requests: 1, preservationRequests: 0 },
      { country: 'KZ', period: '2021-H1', requests: 2, preservationRequests: 0 },
    ]);
  });
});

describe('userDataComparison', () => {
  it("puts the country's own half-years beside Meta's for the same country, every half-year either has, oldest first", async () => {
    const comparison = await userDataComparison(t.writ, 'KZ');
    expect(comparison.country).toBe('KZ');
    const periods = comparison.periods.map((p) => p.period);
    // Sorted, and no half-year twice.
    expect(periods).toEqual([...new Set(periods)].sort());
    // Meta's half-years for Kazakhstan only (the fixture has other countries in other half-years).
    const { datasetFigures } = t.writ;
    const metaKz = (await datasetFigures.metaRows({ country: 'KZ' })).map((m) => m.period);
    expect(metaKz.length).toBeGreaterThan(1);
    expect(periods).toEqual([...new Set([...metaKz, '2021-H1', '2025-H2'])].sort());
    const allMeta = new Set((await datasetFigures.metaRows()).map((m) => m.period));
    expect([...allMeta].some((p) => !metaKz.includes(p))).toBe(true);
    // A half-year only this platform has: its own figures, no Meta's.
    expect(comparison.periods.find((p) => p.period === '2025-H2')).toEqual({
      period: '2025-H2',
      platform: {
        totalRequests: 1,
        totalAccounts: 2,
        requestsSomeDataProduced: 0,
        percentSomeDataProduced: 0,
        containsDemoData: false,
      },
      meta: null,
    });
    // Every Meta half-year carries Kazakhstan's published row.
    for (const row of await datasetFigures.metaRows({ country: 'KZ' })) {
      const entry = comparison.periods.find((p) => p.period === row.period);
      expect(entry?.meta).toEqual({
        requests: row.requests,
        accounts: row.accounts,
        requestsSomeDataProduced: row.requestsSomeData,
        percentSomeDataProduced: row.someDataPct === null ? null : row.someDataPct / 100,
        layout: row.layout,
      });
    }
    expect(comparison.periods.find((p) => p.period === '2021-H1')?.platform).toMatchObject({
      totalRequests: 2,
      totalAccounts: 4,
    });
  });
});
