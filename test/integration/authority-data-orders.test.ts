/**
 * Data orders through the authority channel (issue 11 item 1): an agency submits user_data,
 * preservation and emergency_disclosure orders through the API, refused whole with the field when
 * the data part is wrong, and follows them: per account what was produced and why the rest was not,
 * holds, the follow-up legal process owed after an emergency, productions to download; never the
 * reviewer's rationale nor who decided, and never another agency's order.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountDecisions, dataAccounts, emergencyReviews, preservationHolds, productions } from '../../src/db/schema/index.js';
import { formatInZone } from '../../src/domain/regimes/time.js';
import { addApiKey, createVerifiedAgency, type TestAgency } from '../support/agencies.js';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let kz: TestAgency;
let other: TestAgency;
let key: { auth: { authorization: string } };
const clock = new Date('2026-06-01T06:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  kz = await createVerifiedAgency(t, 'KZ', { timeZone: 'Asia/Almaty' });
  other = await createVerifiedAgency(t, 'KZ', { timeZone: 'Asia/Almaty' });
  key = await addApiKey(t, kz.id);
});
afterAll(async () => t?.close());

const count = async (table: string) => Number((await t.database.pool.query(`SELECT count(*) FROM ${table}`)).rows[0].count);
const counts = async () => ({
  requests: await count('requests'),
  dataRequests: await count('data_requests'),
  accounts: await count('data_accounts'),
  channel: await count('channel_orders'),
});

const particulars = {
  legalBasis: 'Criminal Procedure Code, Art. 232',
  signer: 'A. Investigator, Major of Justice',
  statementOfReasons: 'The accounts were used to plan a fraud.',
  authorityReference: 'KNB-9',
};

function dataOrder(kind: 'user_data' | 'preservation' | 'emergency_disclosure', dataRequest: Record<string, unknown> = {}) {
  const legalProcess =
    kind === 'emergency_disclosure' ? 'emergency_request' : kind === 'preservation' ? 'preservation_request' : 'search_warrant';
  return {
    kind,
    ...particulars,
    dataRequest: {
      legalProcess,
      accounts: [
        { identifierKind: 'username', identifier: 'first_user' },
        {
          identifierKind: 'ip_address',
          identifier: '203.0.113.7',
          from: '2026-05-01T00:00:00+05:00',
          to: '2026-05-02T00:00:00+05:00',
        },
      ],
      categories: kind === 'preservation' ? [] : ['subscriber_information', 'ip_and_sign_in_logs'],
      dateFrom: '2026-01-01T00:00:00+05:00',
      nonDisclosureUntil: '2026-12-31T00:00:00+05:00',
      ...(kind === 'emergency_disclosure'
        ? { emergency: { threat: 'kidnapping', justification: 'A child was taken an hour ago.' } }
        : {}),
      ...dataRequest,
    },
  };
}

const submit = (auth: { authorization: string }, payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/authority/orders', headers: auth, payload });
const read = (auth: { authorization: string }, id: string) =>
  t.app.inject({ method: 'GET', url: `/api/v1/authority/orders/${id}`, headers: auth });

describe('submitting a data order through the channel', () => {
  it.each(['user_data', 'preservation', 'emergency_disclosure'] as const)(
    'takes a %s order with its data part and no items, stores it, and reads it back with its accounts',
    async (kind) => {
      const before = await counts();
      const res = await submit(key.auth, dataOrder(kind));
      expect(res.statusCode, res.body).toBe(201);
      const receipt = res.json();
      expect(receipt).toMatchObject({ kind, channel: 'api', status: 'received' });
      // The accounts are the order's items: the platform's list does not call them missing.
      expect(receipt.missingElements).toEqual([]);
      expect(await counts()).toEqual({
        requests: before.requests + 1,
        dataRequests: before.dataRequests + 1,
        accounts: before.accounts + 2,
        channel: before.channel + 1,
      });

      const order = (await read(key.auth, receipt.id)).json();
      expect(order.itemCount).toBe(2);
      expect(order.items).toEqual([]);
      expect(order.dataRequest).toMatchObject({
        legalProcess: dataOrder(kind).dataRequest.legalProcess,
        categories: dataOrder(kind).dataRequest.categories,
        dateFrom: '2026-01-01T00:00:00+05:00',
        dateTo: null,
        nonDisclosureUntil: '2026-12-31T00:00:00+05:00',
        emergency:
          kind === 'emergency_disclosure' ? { threat: 'kidnapping', justification: 'A child was taken an hour ago.' } : null,
        productions: [],
      });
      expect(order.dataRequest.accounts).toEqual([
        expect.objectContaining({
          position: 0,
          identifierKind: 'username',
          identifier: 'first_user',
          from: null,
          to: null,
          outcome: { extent: null, producedCategories: [], refusalReason: null, legalBasis: null, decidedAt: null },
          hold: null,
        }),
        expect.objectContaining({
          position: 1,
          identifierKind: 'ip_address',
          identifier: '203.0.113.7',
          from: '2026-05-01T00:00:00+05:00',
          to: '2026-05-02T00:00:00+05:00',
        }),
      ]);
      // The officer's portal reads the same from the list.
      const list = (await t.app.inject({ method: 'GET', url: '/api/v1/authority/orders', headers: kz.auth })).json();
      const listed = list.orders.find((o: { id: string }) => o.id === receipt.id);
      expect(listed.dataRequest.accounts.map((a: { identifier: string }) => a.identifier)).toEqual(['first_user', '203.0.113.7']);
    },
  );

  it('still takes a removal order with items and no data part', async () => {
    const res = await submit(kz.auth, {
      kind: 'content_removal',
      ...particulars,
      items: [{ targetKind: 'url', target: 'https://video.example/watch/a', product: 'Video' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect((await read(kz.auth, res.json().id)).json().dataRequest).toBeNull();
  });

  it.each([
    [
      'an IP address without its window',
      dataOrder('user_data', { accounts: [{ identifierKind: 'ip_address', identifier: '203.0.113.9' }] }),
      'dataRequest.accounts[0].from',
    ],
    [
      'an unknown kind of identifier',
      dataOrder('user_data', { accounts: [{ identifierKind: 'nickname', identifier: 'x' }] }),
      'dataRequest/accounts/0/identifierKind',
    ],
    [
      'a blank identifier',
      dataOrder('user_data', { accounts: [{ identifierKind: 'email', identifier: '' }] }),
      'dataRequest/accounts/0/identifier',
    ],
    [
      'the same account twice',
      dataOrder('user_data', {
        accounts: [
          { identifierKind: 'username', identifier: 'a' },
          { identifierKind: 'username', identifier: 'A' },
        ],
      }),
      'dataRequest.accounts[1].identifier',
    ],
    ['no account', dataOrder('user_data', { accounts: [] }), 'dataRequest/accounts'],
    [
      'a process the kind does not rest on',
      dataOrder('user_data', { legalProcess: 'preservation_request' }),
      'dataRequest.legalProcess',
    ],
    ['an emergency without its threat', dataOrder('emergency_disclosure', { emergency: undefined }), 'dataRequest.emergency'],
    ['a data order without its data part', { kind: 'user_data', ...particulars }, 'dataRequest'],
    [
      'a data order naming items',
      { ...dataOrder('user_data'), items: [{ targetKind: 'url', target: 'https://video.example/x' }] },
      'items',
    ],
    [
      'a removal order with a data part',
      { ...dataOrder('user_data'), kind: 'content_removal', items: [{ targetKind: 'url', target: 'https://video.example/x' }] },
      'dataRequest',
    ],
    ['a removal order without items', { kind: 'content_removal', ...particulars }, 'items'],
    // The contract's own checks name the field as the whole API does (a JSON pointer's path), the domain's with dots.
  ])('refuses %s with the field, and stores nothing', async (_what, payload, field) => {
    const before = await counts();
    const res = await submit(key.auth, payload);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field });
    expect(await counts()).toEqual(before);
  });

  it('answers a repeated submission with the same Idempotency-Key once', async () => {
    const before = await counts();
    const headers = { ...key.auth, 'idempotency-key': 'data-order-once-1' };
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/v1/authority/orders',
      headers,
      payload: dataOrder('user_data'),
    });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/authority/orders',
      headers,
      payload: dataOrder('user_data'),
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect((await counts()).dataRequests).toBe(before.dataRequests + 1);
  });
});

describe("following a data order's outcomes", () => {
  it("another agency's data order is not found, in the list as by id", async () => {
    const id = (await submit(kz.auth, dataOrder('user_data'))).json().id;
    expect((await read(other.auth, id)).statusCode).toBe(404);
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/authority/orders', headers: other.auth })).json();
    expect(list.orders.map((o: { id: string }) => o.id)).not.toContain(id);
  });

  it('shows per account what was produced, why the rest was refused and the basis, holds and productions; never the rationale nor who decided', async () => {
    const id = (await submit(kz.auth, dataOrder('user_data'))).json().id;
    const db = t.database.db;
    const accounts = await db.select().from(dataAccounts).where(eqRequest(id)).orderBy(dataAccounts.position);
    const decidedAt = new Date('2026-06-02T04:00:00Z');
    await db.insert(accountDecisions).values([
      {
        accountId: accounts[0]!.id,
        extent: 'some',
        producedCategories: ['subscriber_information'],
        refusalReason: 'overbroad',
        legalBasis: 'Terms of Service, section 4',
        rationale: 'INTERNAL: the sign-in logs would expose third parties',
        decidedBy: t.reviewer.id,
        decidedAt,
      },
      {
        accountId: accounts[1]!.id,
        extent: 'none',
        producedCategories: [],
        refusalReason: 'account_not_found',
        legalBasis: 'Terms of Service, section 4',
        rationale: 'INTERNAL: nothing matched the address',
        decidedBy: t.reviewer.id,
        decidedAt,
      },
    ]);
    await db.insert(preservationHolds).values({
      accountId: accounts[0]!.id,
      requestId: id,
      categories: ['subscriber_information'],
      preservedAt: decidedAt,
      expiresAt: new Date('2026-08-31T04:00:00Z'),
      createdBy: t.reviewer.id,
    });
    const [production] = await db
      .insert(productions)
      .values({
        requestId: id,
        fileName: 'WR-production.zip',
        size: 1234,
        sha256: 'a'.repeat(64),
        storageKey: 'productions/test',
        manifest: { reference: 'WR', files: [{ name: 'subscriber.csv', size: 99, sha256: 'b'.repeat(64) }] },
        availableUntil: new Date('2026-06-16T04:00:00Z'),
        createdBy: t.reviewer.id,
      } as typeof productions.$inferInsert)
      .returning();

    const res = await read(kz.auth, id);
    expect(res.statusCode).toBe(200);
    const order = res.json();
    expect(order.decidedItemCount).toBe(2);
    expect(order.dataRequest.accounts.map((a: { outcome: unknown }) => a.outcome)).toEqual([
      {
        extent: 'some',
        producedCategories: ['subscriber_information'],
        refusalReason: 'overbroad',
        legalBasis: 'Terms of Service, section 4',
        decidedAt: '2026-06-02T09:00:00+05:00',
      },
      {
        extent: 'none',
        producedCategories: [],
        refusalReason: 'account_not_found',
        legalBasis: 'Terms of Service, section 4',
        decidedAt: '2026-06-02T09:00:00+05:00',
      },
    ]);
    expect(order.dataRequest.accounts[0].hold).toEqual({
      categories: ['subscriber_information'],
      preservedSince: '2026-06-02T09:00:00+05:00',
      preservedUntil: '2026-08-31T09:00:00+05:00',
      extensions: 0,
      canExtend: true,
      releasedAt: null,
      releaseReason: null,
      legalProcess: null,
    });
    expect(order.dataRequest.productions).toEqual([
      {
        id: production!.id,
        fileName: 'WR-production.zip',
        size: 1234,
        sha256: 'a'.repeat(64),
        files: [{ name: 'subscriber.csv', size: 99, sha256: 'b'.repeat(64) }],
        availableUntil: '2026-06-16T09:00:00+05:00',
        revoked: false,
        downloadUrl: `/api/v1/authority/orders/${id}/productions/${production!.id}/download`,
      },
    ]);
    for (const body of [
      res.body,
      (await t.app.inject({ method: 'GET', url: '/api/v1/authority/orders', headers: kz.auth })).body,
    ]) {
      expect(body).not.toContain('INTERNAL');
      expect(body).not.toContain('rationale');
      expect(body).not.toContain(t.reviewer.name);
      expect(body).not.toContain(t.reviewer.id);
      expect(body).not.toContain('storageKey');
      expect(body).not.toContain('productions/test');
    }
  });

  it('tells the authority of an emergency disclosure by when it owes the follow-up legal process', async () => {
    const id = (await submit(kz.auth, dataOrder('emergency_disclosure'))).json().id;
    const [existing] = await t.database.db.select().from(emergencyReviews).where(eqReview(id));
    if (!existing) {
      await t.database.db.insert(emergencyReviews).values({
        requestId: id,
        reviewDueAt: new Date('2026-06-04T06:00:00Z'),
        followUpDueAt: new Date('2026-07-01T06:00:00Z'),
      });
    }
    const [review] = await t.database.db.select().from(emergencyReviews).where(eqReview(id));
    expect(formatInZone(review!.followUpDueAt, 'Asia/Almaty')).toMatch(/\+05:00$/);
    const order = (await read(kz.auth, id)).json();
    expect(order.dataRequest.followUp).toEqual({
      dueAt: formatInZone(review!.followUpDueAt, 'Asia/Almaty'),
      received: null,
    });
    expect(JSON.stringify(order)).not.toContain('reviewNote');
  });
});

const eqRequest = (id: string) => eq(dataAccounts.requestId, id);
const eqReview = (id: string) => eq(emergencyReviews.requestId, id);
