/**
 * The EU's Part 3 as the exports use case writes it (src/app/exports.ts `euOrders`), without the
 * HTTP app, over a fixture whose every median is a known number: removal and data orders from two
 * Member States (Germany, France) received in 2026-H1, some through the authority channel (their
 * receipt confirmed when the channel row was written), some by staff (no receipt); removal orders
 * given effect when the content system confirms their actions, data orders when their last account
 * is decided. Pinned, row by row and whole: TOTAL then one block per state that sent orders; each
 * row's act orders, items summed over them, the medians of time to receipt and to effect over the
 * orders that have one (blank where none has; a receipt within the hour counts 0), the orders to
 * provide information (counted only as NOT_SPECIFIED_ORDER), the distinct "Other" reasons sorted;
 * the service named by WRIT_PUBLIC_URL's host; LF line ends; the last ended half-year by default.
 *
 * The fixture, hours after each order's receipt (r: receipt confirmed, e: effect given):
 *   DE act A1 Defamation 2 items r 2 e 24 · A2 Defamation 1 item r 6 e 48 · A4 Religious Offense 1 item (no action)
 *   FR act A3 Copyright 2 items r 0.5 e 12 · A5, A6 Adult Content 1 item each (no action)
 *   DE info I1 r 1 e 72 · I3 (staff) e 30 · FR info I2 r 5 e 100 (accounts at 10 and 100)
 */
import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideAccount } from '../../src/app/account-decisions.js';
import { submitOrder } from '../../src/app/authority-orders.js';
import { decideItem } from '../../src/app/decisions.js';
import { confirmEnforcement } from '../../src/app/enforcement.js';
import { exportFiles, lastEndedPeriod } from '../../src/app/exports.js';
import { orderFromBody } from '../../src/app/intake.js';
import { receiveOrder } from '../../src/app/requests.js';
import { submitOrderSchema } from '../../src/contracts/authority-orders.js';
import { newRequestSchema } from '../../src/contracts/requests.js';
import { channelOrders } from '../../src/db/schema/index.js';
import { euOrdersHeader, euScopeRows } from '../../src/domain/exports/eu-orders.js';
import type { Actor } from '../../src/domain/request.js';
import type { Outcome, Reason } from '../../src/domain/vocabulary.js';
import { createVerifiedAgency, principalOf, type TestAgency } from '../support/agencies.js';
import { dataRequestBody, newRequestBody } from '../support/app.js';
import { createTestWrit, staffMember, type TestWrit, testAuthority } from '../support/writ.js';

const hour = 3_600_000;
const h1 = { year: 2026, half: 1 } as const;
/** The use case's clock: each step of the fixture sets it. */
let clock = new Date('2026-01-15T08:00:00Z');
const at = (instant: string, hours = 0) => new Date(new Date(instant).getTime() + hours * hour);

let t: TestWrit;
let reviewer: Actor;

/** A removal order sent through the channel at `receivedAt`, its receipt confirmed `receiptHoursAfter` hours later. */
async function channelRemoval(agency: TestAgency, receivedAt: string, receiptHoursAfter: number, itemCount: number) {
  clock = new Date(receivedAt);
  const body = submitOrderSchema.parse({
    kind: 'content_removal',
    legalBasis: 'Digital Services Act, Art. 9',
    signer: 'A. Officer',
    statementOfReasons: 'The posts are unlawful.',
    items: Array.from({ length: itemCount }, (_, n) => ({
      targetKind: 'url',
      target: `https://video.example/watch/${receivedAt}/${n}`,
      product: 'Video',
    })),
  });
  const { order } = await submitOrder(t.writ, principalOf(agency), body);
  await confirmedAt(order.id, at(receivedAt, receiptHoursAfter));
  return order.id;
}

/** The channel confirms receipt when it writes its row: the database's clock, set here to a known instant. */
async function confirmedAt(requestId: string, instant: Date) {
  await t.database.db.update(channelOrders).set({ createdAt: instant }).where(eq(channelOrders.requestId, requestId));
}

/** Decides every item of the order under `reason`, then has the content system confirm its n-th action `effects[n]` hours after receipt. */
async function decideAll(requestId: string, outcome: Outcome, reason: Reason, effects: number[] = []) {
  const order = await t.writ.requests.get(requestId);
  for (const item of order.items)
    await decideItem(
      t.writ,
      { requestId, itemId: item.id },
      { outcome, reason, scopeCountries: null, rationale: 'Decided' },
      reviewer,
    );
  const actions = await t.writ.enforcement.ofRequest(requestId);
  expect(actions).toHaveLength(effects.length);
  for (const [n, action] of actions.entries())
    await confirmEnforcement(t.writ, {
      actionId: action.id,
      status: 'applied',
      effectiveAt: new Date(order.receivedAt.getTime() + effects[n]! * hour),
      detail: null,
    });
}

/** A removal order received by staff (no receipt confirmed), of one item, decided with no action under `reason`. */
async function staffRemoval(country: string, receivedAt: string, reason: Reason) {
  clock = at(receivedAt, 1);
  const authority = await testAuthority(t, country, `Regulator ${country} ${receivedAt}`);
  const body = newRequestBody(authority.id, {
    receivedAt,
    items: [{ targetKind: 'url', target: `https://video.example/watch/${receivedAt}`, product: 'Video' }],
  });
  const { request } = await receiveOrder(t.writ, orderFromBody(newRequestSchema.parse(body)), reviewer);
  await decideAll(request.id, 'no_action', reason);
}

/** Decides each account of the data order, the n-th `hoursAfter[n]` after its receipt. */
async function decideAccounts(requestId: string, receivedAt: string, hoursAfter: number[]) {
  const order = await t.writ.requests.get(requestId);
  for (const [n, account] of order.dataRequest!.accounts.entries()) {
    clock = at(receivedAt, hoursAfter[n]!);
    await decideAccount(
      t.writ,
      { requestId, accountId: account.id },
      {
        extent: 'all',
        producedCategories: [],
        refusalReason: null,
        legalBasis: 'Code of Criminal Procedure',
        rationale: 'Valid',
      },
      reviewer,
    );
  }
}

/** A data order sent through the channel, with `accounts` accounts, its receipt confirmed `receiptHoursAfter` later. */
async function channelData(agency: TestAgency, receivedAt: string, receiptHoursAfter: number, accounts: number) {
  clock = new Date(receivedAt);
  const body = submitOrderSchema.parse({
    kind: 'user_data',
    legalBasis: 'Code of Criminal Procedure',
    signer: 'A. Investigator',
    statementOfReasons: 'The accounts were used in a fraud.',
    dataRequest: {
      legalProcess: 'court_order',
      accounts: Array.from({ length: accounts }, (_, n) => ({ identifierKind: 'username', identifier: `user_${n}` })),
      categories: ['subscriber_information'],
    },
  });
  const { order } = await submitOrder(t.writ, principalOf(agency), body);
  await confirmedAt(order.id, at(receivedAt, receiptHoursAfter));
  return order.id;
}

beforeAll(async () => {
  t = await createTestWrit({
    now: () => clock,
    env: { WRIT_PUBLIC_URL: 'https://transparency.platform.example:8443/writ' },
  });
  reviewer = await staffMember(t.writ, 'reviewer');
  const [de, fr] = [await createVerifiedAgency(t, 'DE'), await createVerifiedAgency(t, 'FR')];
  // France's orders go in first: the blocks follow the states' codes, not the orders' arrival.
  const a3 = await channelRemoval(fr, '2026-01-20T08:00:00Z', 0.5, 2);
  await decideAll(a3, 'removed_policy', 'Copyright', [12, 3]);
  await staffRemoval('FR', '2026-01-21T08:00:00Z', 'Adult Content');
  await staffRemoval('FR', '2026-01-22T08:00:00Z', 'Adult Content');
  const a1 = await channelRemoval(de, '2026-02-02T08:00:00Z', 2, 2);
  await decideAll(a1, 'removed_policy', 'Defamation', [10, 24]);
  const a2 = await channelRemoval(de, '2026-03-02T08:00:00Z', 6, 1);
  await decideAll(a2, 'removed_policy', 'Defamation', [48]);
  await staffRemoval('DE', '2026-03-03T08:00:00Z', 'Religious Offense');
  const i1 = await channelData(de, '2026-02-10T08:00:00Z', 1, 1);
  await decideAccounts(i1, '2026-02-10T08:00:00Z', [72]);
  const i2 = await channelData(fr, '2026-05-01T08:00:00Z', 5, 2);
  await decideAccounts(i2, '2026-05-01T08:00:00Z', [10, 100]);
  const deAuthority = await testAuthority(t, 'DE', 'Police DE', 'police');
  clock = at('2026-05-02T08:00:00Z', 1);
  const { request: i3 } = await receiveOrder(
    t.writ,
    orderFromBody(
      newRequestSchema.parse(
        dataRequestBody(deAuthority.id, {
          receivedAt: '2026-05-02T08:00:00Z',
          dataRequest: { accounts: [{ identifierKind: 'username', identifier: 'third_user' }] },
        }),
      ),
    ),
    reviewer,
  );
  await decideAccounts(i3.id, '2026-05-02T08:00:00Z', [30]);
  // The export is asked for in the second half of 2026.
  clock = new Date('2026-08-15T12:00:00Z');
}, 60_000);
afterAll(async () => t?.close());

const rowsOf = (content: string) => parse(content) as string[][];
/** The file for 2026-H1. */
async function exported(): Promise<string> {
  const [file] = await exportFiles(t.writ, 'eu-orders', h1);
  return file!.content;
}
const blank = ['', '', '', '', '', '', ''];
/** A row as the template has it: the 14 figures after Scope are act orders, items, two medians, info orders, two medians, then 7 blanks. */
const row = (label: string, other: string, scope: string, figures: string[]) => [
  'All',
  'transparency.platform.example',
  '2026-01-01/2026-06-30',
  label,
  other,
  scope,
  ...figures,
  ...blank,
];
const speech = 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH';
const ip = 'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS';
const notSpecified = 'STATEMENT_CATEGORY_NOT_SPECIFIED_ORDER';

describe("the EU's Part 3 (exportFiles 'eu-orders')", () => {
  it('writes TOTAL then a block for each Member State that sent orders, in the order of their codes, with LF line ends', async () => {
    const csv = await exported();
    const rows = rowsOf(csv);
    expect(rows[0]).toEqual([...euOrdersHeader]);
    const layout = [...euScopeRows('TOTAL'), ...euScopeRows('DE'), ...euScopeRows('FR')];
    expect(rows.slice(1).map((r) => [r[5], r[3]])).toEqual(layout.map((l) => [l.scope, l.label]));
    expect(csv.split('\n')).toHaveLength(layout.length + 2);
    expect(csv).not.toContain('\r');
    expect(csv.endsWith('\n')).toBe(true);
  });

  it("gives each row that counts an order its figures: the medians over the orders that have one, the information orders under NOT_SPECIFIED_ORDER only, the 'Other' reasons distinct and sorted", async () => {
    const counted = rowsOf(await exported())
      .slice(1)
      .filter((r) => r[6] !== '0' || r[10] !== '0');
    expect(counted).toEqual([
      row('TOTAL', '', 'TOTAL', ['6', '8', '2', '24', '3', '3', '72']),
      row(speech, '', 'TOTAL', ['5', '6', '4', '36', '0', '', '']),
      row('KEYWORD_DEFAMATION', '', 'TOTAL', ['2', '3', '4', '36', '0', '', '']),
      row('KEYWORD_OTHER', 'Adult Content; Religious Offense', 'TOTAL', ['3', '3', '', '', '0', '', '']),
      row(ip, '', 'TOTAL', ['1', '2', '0', '12', '0', '', '']),
      row('KEYWORD_COPYRIGHT_INFRINGEMENT', '', 'TOTAL', ['1', '2', '0', '12', '0', '', '']),
      row(notSpecified, '', 'TOTAL', ['0', '0', '', '', '3', '3', '72']),
      row('TOTAL', '', 'DE', ['3', '4', '4', '36', '2', '1', '51']),
      row(speech, '', 'DE', ['3', '4', '4', '36', '0', '', '']),
      row('KEYWORD_DEFAMATION', '', 'DE', ['2', '3', '4', '36', '0', '', '']),
      row('KEYWORD_OTHER', 'Religious Offense', 'DE', ['1', '1', '', '', '0', '', '']),
      row(notSpecified, '', 'DE', ['0', '0', '', '', '2', '1', '51']),
      row('TOTAL', '', 'FR', ['3', '4', '0', '12', '1', '5', '100']),
      row(speech, '', 'FR', ['2', '2', '', '', '0', '', '']),
      row('KEYWORD_OTHER', 'Adult Content', 'FR', ['2', '2', '', '', '0', '', '']),
      row(ip, '', 'FR', ['1', '2', '0', '12', '0', '', '']),
      row('KEYWORD_COPYRIGHT_INFRINGEMENT', '', 'FR', ['1', '2', '0', '12', '0', '', '']),
      row(notSpecified, '', 'FR', ['0', '0', '', '', '1', '5', '100']),
    ]);
  });

  it('leaves every other row at zero orders, its medians and "Other" description blank', async () => {
    const rest = rowsOf(await exported())
      .slice(1)
      .filter((r) => r[6] === '0' && r[10] === '0');
    expect(rest.length).toBeGreaterThan(0);
    for (const r of rest) expect(r).toEqual(row(r[3]!, '', r[5]!, ['0', '0', '', '', '0', '', '']));
  });

  it('without a period, writes the last half-year that has ended', async () => {
    const csv = await exported();
    const files = await exportFiles(t.writ, 'eu-orders', null);
    expect(files).toEqual([
      { name: 'eu-part-3-member-states-orders-2026-H1.csv', contentType: expect.stringMatching(/^text\/csv/), content: csv },
    ]);
  });
});

describe('lastEndedPeriod', () => {
  it('is the first half of the year in its second half, and the second half of the year before in its first', () => {
    expect(lastEndedPeriod(new Date('2026-07-01T00:00:00Z'))).toEqual({ year: 2026, half: 1 });
    expect(lastEndedPeriod(new Date('2026-12-31T23:59:59Z'))).toEqual({ year: 2026, half: 1 });
    expect(lastEndedPeriod(new Date('2026-06-30T23:59:59Z'))).toEqual({ year: 2025, half: 2 });
    expect(lastEndedPeriod(new Date('2026-01-01T00:00:00Z'))).toEqual({ year: 2025, half: 2 });
  });
});
