/**
 * More of batch intake's use case (src/app/intake.ts), without the HTTP app: an order of the API's
 * contract in the domain's words, whole (orderFromBody: the regime's id, its category, the authority's
 * reference, the period the order sets, the instants as dates, each particular left out as null; a
 * data order's part with its instants as dates); a problem's field written from a pointer that starts
 * with a slash or names no field; an order of a batch that gives no receipt time received now.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldPath, orderFromBody, receiveBatch } from '../../src/app/intake.js';
import { newRequestSchema } from '../../src/contracts/requests.js';
import { dataRequestBody, newRequestBody } from '../support/app.js';
import { createTestWrit, type TestWrit, testAuthority } from '../support/writ.js';

const now = new Date('2026-06-01T00:00:00Z');
let t: TestWrit;
let kz: string;
beforeAll(async () => {
  t = await createTestWrit({ now: () => now });
  kz = (await testAuthority(t)).id;
});
afterAll(async () => t?.close());

const items = [{ targetKind: 'url', target: 'https://video.example/watch/a', product: 'Video' }];

describe('orderFromBody', () => {
  it("gives every particular the order states in the domain's words: the regime's id, its category, the reference, the period, the receipt as a date", () => {
    const body = newRequestSchema.parse(
      newRequestBody(kz, {
        receivedAt: '2026-03-10T23:30:00+05:00',
        regime: 'kz-2022-child-cyberbullying',
        category: 'child_cyberbullying',
        authorityReference: 'KZ-2026-0042',
        periodSetInOrderHours: 48,
        items,
      }),
    );
    expect(orderFromBody(body)).toEqual({
      kind: 'content_removal',
      authorityId: kz,
      receivedAt: new Date('2026-03-10T18:30:00Z'),
      authorityTimeZone: 'Asia/Almaty',
      legalBasis: 'Law on Online Platforms, Art. 19',
      claimedCategories: ['cyberbullying of a child'],
      channel: 'portal',
      items,
      dataRequest: null,
      regimeId: 'kz-2022-child-cyberbullying',
      category: 'child_cyberbullying',
      authorityReference: 'KZ-2026-0042',
      periodSetInOrderHours: 48,
    });
  });

  it('leaves each particular the order does not state as null, the receipt time included', () => {
    const { receivedAt: _, ...body } = newRequestBody(kz, { items });
    expect(orderFromBody(newRequestSchema.parse(body))).toEqual({
      kind: 'content_removal',
      authorityId: kz,
      receivedAt: null,
      authorityTimeZone: 'Asia/Almaty',
      legalBasis: 'Law on Online Platforms, Art. 19',
      claimedCategories: ['cyberbullying of a child'],
      channel: 'portal',
      items,
      dataRequest: null,
      regimeId: null,
      category: null,
      authorityReference: null,
      periodSetInOrderHours: null,
    });
  });

  it("writes a data order's part with its instants as dates, and what it leaves out as null", () => {
    const body = newRequestSchema.parse(
      dataRequestBody(kz, {
        kind: 'emergency_disclosure',
        dataRequest: {
          accounts: [
            { identifierKind: 'ip_address', identifier: '203.0.113.7', from: '2026-02-01T00:00:00Z', to: '2026-02-02T12:00:00Z' },
            { identifierKind: 'username', identifier: 'first_user' },
          ],
          dateFrom: '2026-01-01T00:00:00+05:00',
          dateTo: '2026-02-28T00:00:00Z',
          nonDisclosureUntil: '2026-12-31T00:00:00Z',
        },
      }),
    );
    expect(orderFromBody(body).dataRequest).toEqual({
      legalProcess: 'emergency_request',
      accounts: [
        {
          identifierKind: 'ip_address',
          identifier: '203.0.113.7',
          from: new Date('2026-02-01T00:00:00Z'),
          to: new Date('2026-02-02T12:00:00Z'),
        },
        { identifierKind: 'username', identifier: 'first_user', from: null, to: null },
      ],
      categories: ['subscriber_information', 'ip_and_sign_in_logs'],
      dateFrom: new Date('2025-12-31T19:00:00Z'),
      dateTo: new Date('2026-02-28T00:00:00Z'),
      nonDisclosureUntil: new Date('2026-12-31T00:00:00Z'),
      emergency: { threat: 'risk_of_death_or_serious_injury', justification: 'A missing person is at risk.' },
    });
    const plain = newRequestSchema.parse(dataRequestBody(kz));
    expect(orderFromBody(plain).dataRequest).toEqual({
      legalProcess: 'court_order',
      accounts: [
        { identifierKind: 'username', identifier: 'first_user', from: null, to: null },
        { identifierKind: 'email', identifier: 'second@example.org', from: null, to: null },
      ],
      categories: ['subscriber_information', 'ip_and_sign_in_logs'],
      dateFrom: null,
      dateTo: null,
      nonDisclosureUntil: null,
      emergency: null,
    });
  });
});

describe('fieldPath', () => {
  it('reads a pointer that starts with a slash as the same path, and a field that names nothing as the order alone', () => {
    expect(fieldPath(['orders', 3, '/items/0/target'])).toBe('orders[3].items[0].target');
    expect(fieldPath(['orders', 0, 'dataRequest//accounts'])).toBe('orders[0].dataRequest.accounts');
    expect(fieldPath(['orders', 0, ''])).toBe('orders[0]');
  });
});

describe('receiveBatch', () => {
  it('receives an order that gives no receipt time at the instant the batch arrives', async () => {
    const { receivedAt: _, ...body } = newRequestBody(kz, { items });
    const answer = await receiveBatch(
      t.writ,
      { batchKey: 'more-no-receipt', orders: [orderFromBody(newRequestSchema.parse(body))] },
      null,
    );
    expect(answer.replayed).toBe(false);
    const stored = await t.writ.requests.get(answer.requests[0]!.id);
    expect(stored.receivedAt).toEqual(now);
  });
});
