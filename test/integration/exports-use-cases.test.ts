/**
 * The exports use case itself (src/app/exports.ts), called as the route and `writ export` call it,
 * without the HTTP app: Meta's format writes one file per half-year, oldest first, each listing the
 * countries that sent a data order in that half-year only, in the order of the names Meta writes;
 * the EU's Part 3 gives the median time to give effect to an order to provide information, and
 * lists the reasons counted under a sub-category "Other" sorted.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideAccount } from '../../src/app/account-decisions.js';
import { decideItem } from '../../src/app/decisions.js';
import { exportFiles } from '../../src/app/exports.js';
import { orderFromBody } from '../../src/app/intake.js';
import { receiveOrder } from '../../src/app/requests.js';
import { newRequestSchema } from '../../src/contracts/requests.js';
import type { Actor } from '../../src/domain/request.js';
import { dataRequestBody, newRequestBody } from '../support/app.js';
import { createTestWrit, staffMember, type TestWrit, testAuthority } from '../support/writ.js';

const now = new Date('2026-08-15T12:00:00Z');
const h1 = { year: 2026, half: 1 } as const;
let t: TestWrit;
let reviewer: Actor;
/** When the German data order was received: its accounts are decided at `now`. */
const deDataReceived = new Date('2026-03-01T10:00:00Z');

async function receive(body: Record<string, unknown>) {
  const { request } = await receiveOrder(t.writ, orderFromBody(newRequestSchema.parse(body)), reviewer);
  return request;
}

/** A user-data order from `country`, received at `receivedAt`. */
async function dataOrder(country: string, receivedAt: string) {
  const authority = await testAuthority(t, country, `Police ${country} ${receivedAt}`, 'police');
  return receive(dataRequestBody(authority.id, { receivedAt }));
}

beforeAll(async () => {
  t = await createTestWrit({ now: () => now, env: { WRIT_PUBLIC_URL: 'https://writ.platform.example' } });
  reviewer = await staffMember(t.writ, 'reviewer');
  // Data orders: two countries in 2025-H2, six in 2026-H1, whose names do not sort as their codes do.
  for (const country of ['KZ', 'DE']) await dataOrder(country, '2025-10-01T10:00:00Z');
  for (const country of ['NL', 'GB', 'AE', 'CH', 'KZ']) await dataOrder(country, '2026-02-01T10:00:00Z');
  // Germany's order of 2026-H1 is decided whole: it counts in the EU's Part 3 as an order to provide information.
  const de = await dataOrder('DE', deDataReceived.toISOString());
  for (const account of de.dataRequest!.accounts) {
    await decideAccount(
      t.writ,
      { requestId: de.id, accountId: account.id },
      {
        extent: 'all',
        producedCategories: [],
        refusalReason: null,
        legalBasis: 'Code of Criminal Procedure, § 100j',
        rationale: 'A valid order',
      },
      reviewer,
    );
  }
  // Two German removal orders whose reasons fall under the same sub-category "Other", the later one first in the alphabet.
  const dpa = await testAuthority(t, 'DE', 'Landesmedienanstalt', 'communications_regulator');
  for (const [receivedAt, reason] of [
    ['2026-02-01T10:00:00Z', 'Religious Offense'],
    ['2026-02-02T10:00:00Z', 'Adult Content'],
  ] as const) {
    const order = await receive(
      newRequestBody(dpa.id, {
        receivedAt,
        items: [{ targetKind: 'url', target: 'https://video.example/watch/x', product: 'Video' }],
      }),
    );
    await decideItem(
      t.writ,
      { requestId: order.id, itemId: order.items[0]!.id },
      { outcome: 'no_action', reason, scopeCountries: null, rationale: 'Lawful in Germany' },
      reviewer,
    );
  }
}, 60_000);
afterAll(async () => t?.close());

const rowsOf = (content: string) => parse(content, { relax_column_count: true }) as string[][];

describe("Meta's user-data format", () => {
  it('writes one file per half-year, oldest first, each with the countries of that half-year in the order of their names', async () => {
    const files = await exportFiles(t.writ, 'meta-data-requests', null);
    expect(files.map((f) => f.name)).toEqual([
      'PRPL-Facebook-Government-Report-2025_H2.csv',
      'PRPL-Facebook-Government-Report-2026_H1.csv',
    ]);
    const countries = files.map((f) =>
      rowsOf(f.content)
        .slice(1)
        .map((r) => r[0]),
    );
    expect(countries).toEqual([
      ['Germany', 'Kazakhstan'],
      ['Germany', 'Kazakhstan', 'Netherlands', 'Switzerland', 'United Arab Emirates', 'United Kingdom'],
    ]);
    // Asked for one half-year, the same file alone.
    const one = await exportFiles(t.writ, 'meta-data-requests', { year: 2025, half: 2 });
    expect(one).toEqual([files[0]]);
  });
});

describe("the EU's Part 3", () => {
  it('gives the median time to give effect to an order to provide information, in hours from receipt', async () => {
    const [file] = await exportFiles(t.writ, 'eu-orders', h1);
    const rows = rowsOf(file!.content);
    const header = rows[0]!;
    const infoOrders = header.indexOf('Number of orders to provide information');
    const infoEffect = header.indexOf('Median time to give effect to the order to provide information');
    const hours = (now.getTime() - deDataReceived.getTime()) / 3_600_000;
    for (const scope of ['TOTAL', 'DE']) {
      const total = rows.find((r) => r[5] === scope && r[3] === 'TOTAL')!;
      expect(total[infoOrders]).toBe('1');
      expect(total[infoEffect]).toBe(String(hours));
    }
  });

  it('lists the reasons counted under a sub-category "Other" sorted, whatever order the orders came in', async () => {
    const [file] = await exportFiles(t.writ, 'eu-orders', h1);
    const rows = rowsOf(file!.content);
    for (const scope of ['TOTAL', 'DE']) {
      const other = rows.filter((r) => r[5] === scope && r[3] === 'KEYWORD_OTHER' && r[6] !== '0');
      expect(other.map((r) => [r[4], r[6]])).toEqual([['Adult Content; Religious Offense', '2']]);
    }
  });
});
