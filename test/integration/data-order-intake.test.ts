import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRollups } from '../../src/db/rollup-check.js';
import { createAuthority, createTestApp, dataRequestBody, newRequestBody, type TestApp } from '../support/app.js';

let t: TestApp;
let authorityId: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-06-01T00:00:00Z') });
  authorityId = (await createAuthority(t, 'KZ', 'Department of Police of Almaty', 'police')).id;
});
afterAll(async () => t?.close());

const count = async (table: string) => Number((await t.database.pool.query(`SELECT count(*) FROM ${table}`)).rows[0].count);
const post = (body: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: t.auth, payload: body as object });

describe('recording a data order', () => {
  it('stores the legal process, the accounts in their order and the data asked for, and counts the accounts as the items', async () => {
    const res = await post(
      dataRequestBody(authorityId, {
        dataRequest: {
          accounts: [
            {
              identifierKind: 'ip_address',
              identifier: '203.0.113.7',
              from: '2026-05-01T10:00:00+05:00',
              to: '2026-05-01T12:00:00+05:00',
            },
            { identifierKind: 'phone', identifier: '+7 701 000 0000' },
            { identifierKind: 'account_id', identifier: '100200300' },
          ],
          dateFrom: '2026-01-01T00:00:00Z',
          dateTo: '2026-05-31T00:00:00Z',
          nonDisclosureUntil: '2026-12-01T00:00:00Z',
        },
      }),
    );
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ kind: 'user_data', status: 'received', itemCount: 3, decidedItemCount: 0, items: [] });
    expect(body.dataRequest).toMatchObject({
      legalProcess: 'court_order',
      categories: ['subscriber_information', 'ip_and_sign_in_logs'],
      dateFrom: '2026-01-01T00:00:00.000Z',
      dateTo: '2026-05-31T00:00:00.000Z',
      nonDisclosureUntil: '2026-12-01T00:00:00.000Z',
      emergency: null,
      emergencyReview: null,
      productions: [],
    });
    expect(
      body.dataRequest.accounts.map((a: { identifierKind: string; identifier: string; from: string | null }) => [
        a.identifierKind,
        a.identifier,
        a.from,
      ]),
    ).toEqual([
      ['ip_address', '203.0.113.7', '2026-05-01T05:00:00.000Z'],
      ['phone', '+7 701 000 0000', null],
      ['account_id', '100200300', null],
    ]);
    // What was answered is what is stored: read back whole.
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${body.id}`, headers: t.auth });
    expect(read.json().dataRequest).toEqual(body.dataRequest);
    const received = read.json().events.find((e: { type: string }) => e.type === 'request_received');
    expect(received.after).toMatchObject({ legalProcess: 'court_order', accounts: 3 });
  });

  it('records an emergency with its threat, and a preservation with no categories', async () => {
    const emergency = (await post(dataRequestBody(authorityId, { kind: 'emergency_disclosure' }))).json();
    expect(emergency.dataRequest.emergency).toEqual({
      threat: 'risk_of_death_or_serious_injury',
      justification: 'A missing person is at risk.',
    });
    const preservation = await post(dataRequestBody(authorityId, { kind: 'preservation', dataRequest: { categories: [] } }));
    expect(preservation.statusCode).toBe(201);
    expect(preservation.json().dataRequest).toMatchObject({ legalProcess: 'preservation_request', categories: [] });
  });

  it('refuses a data order that is not whole, naming the field, and stores nothing', async () => {
    const before = await Promise.all(['requests', 'data_requests', 'data_accounts', 'events'].map(count));
    const cases: [Record<string, unknown>, string][] = [
      [{ dataRequest: { legalProcess: 'emergency_request' } }, 'dataRequest.legalProcess'],
      [{ dataRequest: { accounts: [] } }, 'dataRequest/accounts'],
      [
        { dataRequest: { accounts: [{ identifierKind: 'ip_address', identifier: '203.0.113.7' }] } },
        'dataRequest.accounts[0].from',
      ],
      [{ dataRequest: { accounts: [{ identifierKind: 'nickname', identifier: 'x' }] } }, 'dataRequest/accounts/0/identifierKind'],
      [{ dataRequest: { categories: ['thoughts'] } }, 'dataRequest/categories/0'],
      [{ dataRequest: { categories: [] } }, 'dataRequest.categories'],
      [
        { kind: 'emergency_disclosure', dataRequest: { legalProcess: 'emergency_request', emergency: undefined } },
        'dataRequest.emergency',
      ],
      [{ items: [{ targetKind: 'url', target: 'https://video.example/a', product: 'Video' }] }, 'items'],
    ];
    for (const [overrides, field] of cases) {
      const res = await post(dataRequestBody(authorityId, overrides as never));
      expect(res.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json()).toMatchObject({ code: 'validation_failed', field });
    }
    const withoutPart = dataRequestBody(authorityId) as Record<string, unknown>;
    delete withoutPart.dataRequest;
    expect((await post(withoutPart)).json()).toMatchObject({ code: 'validation_failed', field: 'dataRequest' });
    expect(await Promise.all(['requests', 'data_requests', 'data_accounts', 'events'].map(count))).toEqual(before);
  });
});

describe('data orders in the removal report', () => {
  it('are counted by kind, with no items, and never as undecided removal requests', async () => {
    const other = (await createAuthority(t, 'AM', 'Investigative Committee of Armenia', 'police')).id;
    const report = async () => (await t.app.inject({ method: 'GET', url: '/api/v1/public/reports/AM/2026-H1' })).json();
    await post(newRequestBody(other, { authorityTimeZone: 'Asia/Yerevan' }));
    const before = await report();
    expect(before).toMatchObject({ requests: 1, items: 2, undecidedRequests: 1 });
    await post(dataRequestBody(other, { authorityTimeZone: 'Asia/Yerevan' }));
    await post(dataRequestBody(other, { authorityTimeZone: 'Asia/Yerevan', kind: 'emergency_disclosure' }));
    const after = await report();
    expect(after).toMatchObject({ requests: 3, items: 2, undecidedRequests: 1 });
    expect(after.requestsByKind).toEqual({ content_removal: 1, user_data: 1, emergency_disclosure: 1 });
    expect(after.requestsByReason).toEqual({});
    // The rollups the report reads give what the GROUP BY over the base tables gives.
    expect((await checkRollups(t.database.db)).differences).toEqual([]);
  });
});
