/** Decisions on the accounts of data orders (issue 11): PUT /api/v1/requests/:id/accounts/:accountId/decision. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelOrders, webhookEndpoints } from '../../src/db/schema/index.js';
import { createVerifiedAgency } from '../support/agencies.js';
import { createAuthority, createTestApp, dataRequestBody, newRequestBody, type TestApp } from '../support/app.js';

let t: TestApp;
let authorityId: string;

beforeAll(async () => {
  t = await createTestApp();
  authorityId = (await createAuthority(t)).id;
});
afterAll(async () => t?.close());

type Detail = {
  id: string;
  reference: string;
  status: string;
  decidedItemCount: number;
  items: { id: string }[];
  dataRequest: {
    accounts: { id: string; decision: null | Record<string, unknown> }[];
  } | null;
  events: { type: string; itemId: string | null; before: unknown; after: unknown }[];
};

async function record(body: Record<string, unknown>): Promise<Detail> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: t.auth, payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const dataOrder = (overrides: Parameters<typeof dataRequestBody>[1] = {}) => record(dataRequestBody(authorityId, overrides));
const read = async (id: string): Promise<Detail> =>
  (await t.app.inject({ method: 'GET', url: `/api/v1/requests/${id}`, headers: t.auth })).json();

function decide(order: Detail, index: number, body: Record<string, unknown>, accountId?: string) {
  return t.app.inject({
    method: 'PUT',
    url: `/api/v1/requests/${order.id}/accounts/${accountId ?? order.dataRequest!.accounts[index]!.id}/decision`,
    headers: t.auth,
    payload: body,
  });
}

const all = { extent: 'all', legalBasis: 'Criminal Procedure Code, Art. 232', rationale: 'Valid court order' };
const some = {
  extent: 'some',
  producedCategories: ['subscriber_information'],
  refusalReason: 'overbroad',
  legalBasis: 'Criminal Procedure Code, Art. 232',
  rationale: 'The logs asked for reach beyond the investigation',
};
const none = {
  extent: 'none',
  refusalReason: 'account_not_found',
  legalBasis: 'Data protection law',
  rationale: 'No such account',
};

describe('deciding the accounts of a data order', () => {
  it('records all, some and none with their author; the first decision starts the review and the last completes it', async () => {
    const order = await dataOrder();
    const first = await decide(order, 0, all);
    expect(first.statusCode, first.body).toBe(200);
    const afterFirst: Detail = first.json();
    expect(afterFirst.status).toBe('in_review');
    expect(afterFirst.decidedItemCount).toBe(1);
    expect(afterFirst.dataRequest!.accounts[0]!.decision).toMatchObject({
      extent: 'all',
      producedCategories: ['subscriber_information', 'ip_and_sign_in_logs'],
      refusalReason: null,
      legalBasis: 'Criminal Procedure Code, Art. 232',
      decidedBy: { name: 'Ana Reviewer' },
    });
    expect(afterFirst.dataRequest!.accounts[1]!.decision).toBeNull();

    const second = await decide(order, 1, some);
    expect(second.statusCode, second.body).toBe(200);
    const afterSecond: Detail = second.json();
    expect(afterSecond.status).toBe('decided');
    expect(afterSecond.dataRequest!.accounts[1]!.decision).toMatchObject({
      extent: 'some',
      producedCategories: ['subscriber_information'],
      refusalReason: 'overbroad',
    });
    const decided = afterSecond.events.filter((e) => e.type === 'account_decided');
    expect(decided).toHaveLength(2);
    expect(decided.every((e) => e.itemId === null && e.before === null)).toBe(true);
    expect(decided.map((e) => (e.after as { accountId: string }).accountId)).toEqual(
      order.dataRequest!.accounts.map((a) => a.id),
    );

    const other = await dataOrder();
    const refused = await decide(other, 0, none);
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json().dataRequest.accounts[0].decision).toMatchObject({
      extent: 'none',
      producedCategories: [],
      refusalReason: 'account_not_found',
    });
  });

  it('records a changed decision with before and after, and the order stays decided', async () => {
    const order = await dataOrder();
    await decide(order, 0, all);
    await decide(order, 1, all);
    const changed = await decide(order, 0, none);
    expect(changed.statusCode, changed.body).toBe(200);
    const detail: Detail = changed.json();
    expect(detail.status).toBe('decided');
    const change = detail.events.find((e) => e.type === 'account_decision_changed');
    expect(change).toBeDefined();
    expect(change!.itemId).toBeNull();
    expect(change!.before).toMatchObject({ accountId: order.dataRequest!.accounts[0]!.id, extent: 'all', refusalReason: null });
    expect(change!.after).toMatchObject({
      accountId: order.dataRequest!.accounts[0]!.id,
      extent: 'none',
      refusalReason: 'account_not_found',
    });
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ['some without categories', { ...some, producedCategories: [] }, 'producedCategories'],
    ['categories not asked for', { ...some, producedCategories: ['location'] }, 'producedCategories'],
    ['all with a refusal reason', { ...all, refusalReason: 'overbroad' }, 'refusalReason'],
    ['none without a reason', { ...none, refusalReason: null }, 'refusalReason'],
    ['no legal basis', { extent: 'all', rationale: 'x' }, 'legalBasis'],
    ['a blank legal basis', { ...all, legalBasis: '   ' }, 'legalBasis'],
    [
      'some that is every category asked',
      { ...some, producedCategories: ['subscriber_information', 'ip_and_sign_in_logs'] },
      'extent',
    ],
  ];
  it.each(invalid)('refuses %s with the field, and nothing changes', async (_name, body, field) => {
    const order = await dataOrder();
    const res = await decide(order, 0, body);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field });
    const after = await read(order.id);
    expect(after.status).toBe('received');
    expect(after.dataRequest!.accounts[0]!.decision).toBeNull();
    expect(after.events.map((e) => e.type)).toEqual(order.events.map((e) => e.type));
  });

  it("leaves a decided order's decision and report rollups as they were when a change is refused", async () => {
    const order = await dataOrder();
    await decide(order, 0, all);
    await decide(order, 1, all);
    const rollups = async () =>
      (
        await t.database.pool.query(
          `SELECT country, period, dimension, key, sum(requests)::int AS requests, sum(items)::int AS items
           FROM report_rollup GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
        )
      ).rows;
    const before = await rollups();
    const detailBefore = await read(order.id);
    const res = await decide(order, 0, { ...none, refusalReason: null });
    expect(res.statusCode).toBe(400);
    expect(await rollups()).toEqual(before);
    expect(await read(order.id)).toEqual(detailBefore);
  });

  it('finds an account only in its own order, and keeps items and accounts apart', async () => {
    const order = await dataOrder();
    const another = await dataOrder();
    const foreign = await decide(order, 0, all, another.dataRequest!.accounts[0]!.id);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('not_found');

    const removal = await record(newRequestBody(authorityId));
    const itemAsAccount = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/requests/${removal.id}/accounts/${removal.items[0]!.id}/decision`,
      headers: t.auth,
      payload: all,
    });
    expect(itemAsAccount.statusCode).toBe(404);
    const accountAsItem = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/requests/${order.id}/items/${order.dataRequest!.accounts[0]!.id}/decision`,
      headers: t.auth,
      payload: { outcome: 'no_action', reason: 'Government Criticism', rationale: 'x' },
    });
    expect(accountAsItem.statusCode).toBe(404);
    expect((await read(order.id)).dataRequest!.accounts[0]!.decision).toBeNull();
  });

  it('refuses decisions on a withdrawn order', async () => {
    const order = await dataOrder();
    const withdrawn = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${order.id}/status`,
      headers: t.auth,
      payload: { status: 'withdrawn', note: 'The authority withdrew it' },
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const res = await decide(order, 0, all);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('invalid_transition');
  });

  it('lets a preservation order that named no categories record which were preserved', async () => {
    const order = await dataOrder({ kind: 'preservation', dataRequest: { categories: [] } });
    const res = await decide(order, 0, { ...some, producedCategories: ['stored_content'], refusalReason: 'other' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().dataRequest.accounts[0].decision).toMatchObject({ extent: 'some', producedCategories: ['stored_content'] });
  });
});

describe('what the agency hears of a decision on an account', () => {
  it('a decision mail and an account.decided event for a channel order, without the internal rationale', async () => {
    const agency = await createVerifiedAgency(t, 'KZ');
    const [endpoint] = await t.database.db
      .insert(webhookEndpoints)
      .values({ agencyId: agency.id, url: 'https://hooks.agency.example/writ', secret: 'whsec_agency' })
      .returning();
    const order = await record(dataRequestBody(agency.authorityId));
    await t.database.db
      .insert(channelOrders)
      .values({ requestId: order.id, agencyId: agency.id, submittedByOfficerId: agency.officer.id });
    const res = await decide(order, 0, { ...some, rationale: 'SECRET-RATIONALE' });
    expect(res.statusCode, res.body).toBe(200);

    const mail = await t.database.pool.query(
      `SELECT "to", subject, body FROM mail_outbox WHERE request_id = $1 AND kind = 'decision'`,
      [order.id],
    );
    expect(mail.rows).toHaveLength(1);
    expect(mail.rows[0]).toMatchObject({ to: agency.officer.email, subject: `Decision on ${order.reference}` });
    expect(mail.rows[0].body).toContain('first_user');
    expect(mail.rows[0].body).toContain('Data produced: some');
    expect(mail.rows[0].body).toContain('subscriber_information');
    expect(mail.rows[0].body).toContain('overbroad');
    expect(mail.rows[0].body).not.toContain('SECRET');

    const deliveries = await t.database.pool.query(
      'SELECT event_type, payload FROM webhook_deliveries WHERE endpoint_id = $1 AND request_id = $2',
      [endpoint!.id, order.id],
    );
    const decided = deliveries.rows.find((d) => d.event_type === 'account.decided');
    expect(decided?.payload).toMatchObject({
      orderId: order.id,
      accountId: order.dataRequest!.accounts[0]!.id,
      extent: 'some',
      producedCategories: ['subscriber_information'],
      refusalReason: 'overbroad',
      changed: false,
    });
    expect(deliveries.rows.map((d) => d.event_type)).toContain('order.status_changed');
    expect(JSON.stringify(deliveries.rows)).not.toContain('SECRET');
  });

  it('tells no one of a decision on an order recorded by a reviewer', async () => {
    const order = await dataOrder();
    await decide(order, 0, all);
    const mail = await t.database.pool.query('SELECT 1 FROM mail_outbox WHERE request_id = $1', [order.id]);
    expect(mail.rows).toHaveLength(0);
  });
});
