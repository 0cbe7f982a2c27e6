/** User notices and appeals (issue 12): composed, held while a non-disclosure order runs, sent once, appealed, decided by a second person. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticesRepository } from '../../src/db/notices-repository.js';
import { mailOutbox, sinkDeliveries } from '../../src/db/schema/index.js';
import { createAuthority, createStaff, createTestApp, dataRequestBody, newRequestBody, type TestApp } from '../support/app.js';

let t: TestApp;
let authorityId: string;
let clock = new Date('2026-04-01T10:00:00Z');
const now = () => clock;

beforeAll(async () => {
  t = await createTestApp({ now });
  authorityId = (await createAuthority(t, 'KZ', 'Prosecutor General', 'prosecutor')).id;
});
afterAll(async () => t?.close());

type Detail = {
  id: string;
  items: { id: string; decision: null | { outcome: string } }[];
  dataRequest: { accounts: { id: string }[] } | null;
  events: { type: string; itemId: string | null; note: string | null }[];
};

async function record(body: Record<string, unknown>): Promise<Detail> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: t.auth, payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const read = async (id: string): Promise<Detail> =>
  (await t.app.inject({ method: 'GET', url: `/api/v1/requests/${id}`, headers: t.auth })).json();

const restrictInKz = {
  outcome: 'removed_legal',
  reason: 'Bullying/Harassment',
  scopeCountries: ['KZ'],
  rationale: 'Unlawful under Art. 19',
};
const noAction = { outcome: 'no_action', reason: 'Bullying/Harassment', rationale: 'Lawful speech' };

async function decidedOrder(decision: Record<string, unknown> = restrictInKz): Promise<Detail> {
  const order = await record(newRequestBody(authorityId));
  const res = await t.app.inject({
    method: 'PUT',
    url: `/api/v1/requests/${order.id}/items/${order.items[0]!.id}/decision`,
    headers: t.auth,
    payload: decision,
  });
  expect(res.statusCode, res.body).toBe(200);
  return order;
}

const issue = (requestId: string, body: Record<string, unknown>, headers = t.auth) =>
  t.app.inject({ method: 'POST', url: `/api/v1/requests/${requestId}/notices`, headers, payload: body });

async function tokenOf(noticeId: string): Promise<string> {
  const rows = await t.database.db.select().from(sinkDeliveries).where(eq(sinkDeliveries.eventType, 'notice.issued'));
  const row = rows.find((r) => (r.payload as { noticeId: string }).noticeId === noticeId);
  const url = new URL((row!.payload as { appealUrl: string }).appealUrl);
  return url.searchParams.get('token')!;
}

describe('issuing a notice for a restricted item', () => {
  it('composes what was restricted, which authority asked, the legal basis and the appeal link; queues the sink call and the mail in its transaction', async () => {
    const order = await decidedOrder();
    const res = await issue(order.id, {
      itemId: order.items[0]!.id,
      recipient: 'user:1001',
      recipientEmail: 'user1001@example.org',
    });
    expect(res.statusCode, res.body).toBe(201);
    const notice = res.json();
    expect(notice.status).toBe('sent');
    expect(notice.sentAt).toBe(clock.toISOString());
    expect(notice.content).toMatchObject({
      kind: 'content_restricted',
      requestedByStateAuthority: true,
      authority: { name: 'Prosecutor General', country: 'KZ', kind: 'prosecutor' },
      restricted: { target: 'https://video.example/watch/a', outcome: 'removed_legal', scopeCountries: ['KZ'] },
      disclosed: null,
      legalBasis: { order: 'Law on Online Platforms, Art. 19', decision: 'Bullying/Harassment' },
      date: '2026-04-01',
    });
    expect(JSON.stringify(notice)).not.toMatch(/token/i);

    const sink = (
      await t.database.db
        .select()
        .from(sinkDeliveries)
        .where(and(eq(sinkDeliveries.requestId, order.id), eq(sinkDeliveries.sink, 'notice')))
    )[0]!;
    expect(sink).toMatchObject({ sink: 'notice', eventType: 'notice.issued' });
    expect((sink.payload as { appealUrl: string }).appealUrl).toMatch(/\/appeal\?token=[\w-]{40,}$/);
    const mails = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.requestId, order.id));
    const mail = mails.find((m) => m.kind === 'user_notice')!;
    expect(mail.to).toBe('user1001@example.org');
    expect(mail.body).toContain('Prosecutor General (KZ, prosecutor)');
    expect(mail.body).toContain('Legal basis: Law on Online Platforms, Art. 19');
    expect(mail.body).toContain((sink.payload as { appealUrl: string }).appealUrl);
    expect((await read(order.id)).events.map((e) => e.type)).toContain('notice_sent');
  });

  it('refuses an item that was not restricted, and an item not decided', async () => {
    const order = await decidedOrder(noAction);
    const refused = await issue(order.id, { itemId: order.items[0]!.id, recipient: 'user:1' });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'invalid_transition', field: 'itemId' });
    const undecided = await issue(order.id, { itemId: order.items[1]!.id, recipient: 'user:1' });
    expect(undecided.statusCode).toBe(409);
    const rows = await t.database.db
      .select()
      .from(sinkDeliveries)
      .where(and(eq(sinkDeliveries.requestId, order.id), eq(sinkDeliveries.sink, 'notice')));
    expect(rows).toHaveLength(0);
  });

  it('answers 403 to a role that may not manage notices, before anything is stored', async () => {
    const order = await decidedOrder();
    const auditor = await createStaff(t, 'auditor');
    const res = await issue(order.id, { itemId: order.items[0]!.id, recipient: 'user:1' }, auditor.auth);
    expect(res.statusCode).toBe(403);
    const hr = await createStaff(t, 'human_rights');
    expect((await issue(order.id, { itemId: order.items[0]!.id, recipient: 'user:1' }, hr.auth)).statusCode).toBe(403);
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${order.id}/notices`, headers: t.auth });
    expect(list.json().notices).toHaveLength(0);
  });
});

describe('a data order under a non-disclosure order', () => {
  const ndoEnd = '2026-06-01T00:00:00.000Z';
  async function producedAccount() {
    const order = await record(
      dataRequestBody(authorityId, { dataRequest: { nonDisclosureUntil: '2026-06-01T05:00:00+05:00' } }),
    );
    const accountId = order.dataRequest!.accounts[0]!.id;
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/requests/${order.id}/accounts/${accountId}/decision`,
      headers: t.auth,
      payload: { extent: 'all', legalBasis: 'Criminal Procedure Code, Art. 232', rationale: 'Valid court order' },
    });
    expect(res.statusCode, res.body).toBe(200);
    return { order, accountId };
  }

  it('holds the notice until the order ends by default, and refuses an earlier date', async () => {
    const { order, accountId } = await producedAccount();
    const early = await issue(order.id, { accountId, recipient: 'user:2', heldUntil: '2026-05-01T00:00:00Z' });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ code: 'validation_failed', field: 'heldUntil' });

    const res = await issue(order.id, { accountId, recipient: 'user:2', recipientEmail: 'two@example.org' });
    expect(res.statusCode, res.body).toBe(201);
    const notice = res.json();
    expect(notice).toMatchObject({ status: 'held', heldUntil: ndoEnd, sentAt: null });
    expect(notice.content).toMatchObject({
      kind: 'data_disclosed',
      disclosed: { identifier: 'first_user', extent: 'all', categories: ['subscriber_information', 'ip_and_sign_in_logs'] },
      legalBasis: { order: 'Criminal Procedure Code, Art. 232', decision: 'Criminal Procedure Code, Art. 232' },
    });
    // Nothing goes out while held, and it cannot be sent before its hold ends.
    expect(
      await t.database.db
        .select()
        .from(sinkDeliveries)
        .where(and(eq(sinkDeliveries.requestId, order.id), eq(sinkDeliveries.sink, 'notice'))),
    ).toHaveLength(0);
    const tooSoon = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${order.id}/notices/${notice.id}/send`,
      headers: t.auth,
    });
    expect(tooSoon.statusCode).toBe(409);
  });

  it('a held notice is not due before its hold ends, is due once after — two concurrent sweeps make it due once — and is then sent', async () => {
    const { order, accountId } = await producedAccount();
    const notice = (await issue(order.id, { accountId, recipient: 'user:3', recipientEmail: 'three@example.org' })).json();
    const repo = noticesRepository(t.database.db, now);
    const claimed: string[] = [];
    const handOver = async (ids: string[]) => {
      claimed.push(...ids);
    };

    clock = new Date('2026-05-31T23:59:59Z');
    await repo.handOverDue(500, handOver);
    expect(claimed).not.toContain(notice.id);
    expect(await repo.markDue(notice.id)).toBe(false);

    clock = new Date('2026-06-01T00:00:01Z');
    await repo.handOverDue(500, handOver);
    expect(claimed).toContain(notice.id);
    const results = await Promise.all([repo.markDue(notice.id), repo.markDue(notice.id)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await repo.markDue(notice.id)).toBe(false);
    const events = (await read(order.id)).events.filter((e) => e.type === 'notice_due');
    expect(events).toHaveLength(1);

    const due = await t.app.inject({ method: 'GET', url: '/api/v1/notices?status=due', headers: t.auth });
    expect(due.json().notices.map((n: { id: string }) => n.id)).toContain(notice.id);

    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${order.id}/notices/${notice.id}/send`,
      headers: t.auth,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'sent', sentAt: clock.toISOString() });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${order.id}/notices/${notice.id}/send`,
      headers: t.auth,
    });
    expect(again.statusCode).toBe(409);
    expect(
      await t.database.db
        .select()
        .from(sinkDeliveries)
        .where(and(eq(sinkDeliveries.requestId, order.id), eq(sinkDeliveries.sink, 'notice'))),
    ).toHaveLength(1);
    const mails = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'three@example.org'));
    expect(mails).toHaveLength(1);
    clock = new Date('2026-04-01T10:00:00Z');
  });

  it('a reviewer cancels a held notice with a note', async () => {
    const { order, accountId } = await producedAccount();
    const notice = (await issue(order.id, { accountId, recipient: 'user:4' })).json();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${order.id}/notices/${notice.id}/cancel`,
      headers: t.auth,
      payload: { note: 'The user closed the account' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('cancelled');
    expect((await read(order.id)).events.find((e) => e.type === 'notice_cancelled')?.note).toBe('The user closed the account');
  });
});

describe('appeals', () => {
  async function sentNotice() {
    const order = await decidedOrder();
    const notice = (
      await issue(order.id, { itemId: order.items[0]!.id, recipient: 'user:9', recipientEmail: 'nine@example.org' })
    ).json();
    return { order, notice, token: await tokenOf(notice.id) };
  }
  const appeal = (token: string, statement = 'This was satire, not bullying.') =>
    t.app.inject({ method: 'POST', url: '/api/v1/public/appeals', payload: { token, statement } });

  it('takes an appeal by token without a session; an unknown token is 404 and a second open appeal 409', async () => {
    const { token } = await sentNotice();
    const unknown = await appeal('x'.repeat(43));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).not.toMatch(/Prosecutor|user:9/);
    const first = await appeal(token);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().status).toBe('open');
    const second = await appeal(token);
    expect(second.statusCode).toBe(409);
    const status = await t.app.inject({ method: 'GET', url: `/api/v1/public/appeals?token=${token}` });
    expect(status.statusCode).toBe(200);
    expect(status.json().appeals).toHaveLength(1);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/appeals?token=${'y'.repeat(43)}` })).statusCode).toBe(404);
  });

  it('refuses the first decider, and a second reviewer reverses: the decision becomes no_action and the user is told', async () => {
    const { order, token } = await sentNotice();
    const filed = (await appeal(token)).json();
    const open = await t.app.inject({ method: 'GET', url: '/api/v1/appeals?status=open', headers: t.auth });
    expect(open.json().appeals.map((a: { id: string }) => a.id)).toContain(filed.id);
    const url = `/api/v1/requests/${order.id}/appeals/${filed.id}/decision`;
    const payload = { outcome: 'reversed', note: 'Satire, within the law' };

    const byDecider = await t.app.inject({ method: 'POST', url, headers: t.auth, payload });
    expect(byDecider.statusCode).toBe(409);
    expect(byDecider.json().code).toBe('second_person_required');
    const admin = await createStaff(t, 'admin');
    expect((await t.app.inject({ method: 'POST', url, headers: admin.auth, payload })).statusCode).toBe(403);

    const second = await createStaff(t, 'reviewer');
    const res = await t.app.inject({ method: 'POST', url, headers: second.auth, payload });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'reversed',
      decidedBy: { id: second.id },
      decisionNote: 'Satire, within the law',
    });
    const after = await read(order.id);
    expect(after.items[0]!.decision!.outcome).toBe('no_action');
    expect(after.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['appeal_received', 'decision_changed', 'appeal_decided']),
    );
    const told = await t.database.db.select().from(sinkDeliveries).where(eq(sinkDeliveries.eventType, 'appeal.decided'));
    expect(told.some((r) => (r.payload as { appealId: string }).appealId === filed.id)).toBe(true);
    expect((await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.kind, 'appeal_decided'))).length).toBeGreaterThan(
      0,
    );
    const status = await t.app.inject({ method: 'GET', url: `/api/v1/public/appeals?token=${token}` });
    expect(status.json().appeals[0]).toMatchObject({ status: 'reversed', decisionNote: 'Satire, within the law' });
    expect((await t.app.inject({ method: 'POST', url, headers: second.auth, payload })).statusCode).toBe(409);
  });
});
