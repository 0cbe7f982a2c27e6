/**
 * The conversation on an order through the real app and PostgreSQL: a clarification asked for and
 * answered, with the clock stopped and resumed under a regime that stops it (EU TCO) and running on
 * under one that does not; contest and withdrawal by an officer; refusals in the wrong state; another
 * agency's order answered as not found; the reviewer never named to the authority; the rollups still
 * equal to the GROUP BY.
 */
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRollups } from '../../src/db/rollup-check.js';
import {
  channelOrders,
  events,
  mailOutbox,
  orderMessages,
  webhookDeliveries,
  webhookEndpoints,
} from '../../src/db/schema/index.js';
import { addApiKey, addOfficer, createVerifiedAgency, type TestAgency } from '../support/agencies.js';
import { createTestApp, newRequestBody, reviewerCredentials, type TestApp } from '../support/app.js';

const HOUR = 3_600_000;
let clock = new Date('2026-03-10T06:00:00Z');
const advance = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};

let t: TestApp;
let de: TestAgency;
let kz: TestAgency;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  de = await createVerifiedAgency(t, 'DE', { name: 'Bundesamt für Justiz' });
  kz = await createVerifiedAgency(t, 'KZ', { name: 'Ministry of Culture and Information' });
  // One webhook endpoint of the German agency, to see what its systems are told.
  await t.database.db
    .insert(webhookEndpoints)
    .values({ agencyId: de.id, url: 'https://hooks.example/writ', secret: 'whsec_test' });
});
afterAll(async () => t?.close());

type Thread = {
  order: {
    id: string;
    status: string;
    dueAt: string;
    missingElements: { element: string; reason: string }[];
    clock: { stopsDuringClarification: boolean; basis: string; pausedAt: string | null };
  };
  messages: { kind: string; body: string; author: Record<string, unknown> & { side: string } }[];
};

/** An order received through the channel from `agency` (recorded, then linked to the agency as intake does). */
async function channelOrder(agency: TestAgency, frame: { regime?: string; category?: string } = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: t.auth,
    payload: newRequestBody(agency.authorityId, { receivedAt: new Date(clock.getTime() - HOUR).toISOString(), ...frame }),
  });
  expect(res.statusCode).toBe(201);
  const order = res.json() as { id: string; reference: string; dueAt: string; items: { id: string }[] };
  await t.database.db
    .insert(channelOrders)
    .values({ requestId: order.id, agencyId: agency.id, submittedByOfficerId: agency.officer.id });
  return order;
}
const tco = { regime: 'eu-tco', category: 'terrorist_content' };
const kzRegime = { regime: 'kz-2022-child-cyberbullying', category: 'child_cyberbullying' };

const review = (method: 'GET' | 'POST', id: string, path: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1/requests/${id}/${path}`, headers: t.auth, payload });
const authority = (
  agency: { auth: Record<string, string> },
  method: 'GET' | 'POST',
  id: string,
  path: string,
  payload?: object,
) => t.app.inject({ method, url: `/api/v1/authority/orders/${id}/${path}`, headers: agency.auth, payload });
const readRequest = async (id: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/v1/requests/${id}`, headers: t.auth })).json() as {
    status: string;
    dueAt: string;
    events: { type: string; actor: { id: string; name: string } | null; before: unknown; after: unknown; note: string | null }[];
  };
const eventRows = (requestId: string) =>
  t.database.db.select().from(events).where(eq(events.requestId, requestId)).orderBy(asc(events.id));

describe('a clarification under a regime whose clock stops (EU TCO)', () => {
  it('pauses the clock while the authority is asked, and moves the deadline by exactly the paused time when it answers', async () => {
    const order = await channelOrder(de, tco);
    const asked = await review('POST', order.id, 'clarification-request', {
      body: 'Which Art. 2(7) material is this?',
      missingElements: [{ element: 'signer' }, { element: 'redress', reason: 'Art. 3(4)(f) asks for it' }],
    });
    expect(asked.statusCode).toBe(201);
    const pausedAt = clock.toISOString();
    expect((asked.json() as Thread).order).toMatchObject({
      status: 'needs_clarification',
      dueAt: order.dueAt,
      missingElements: [
        { element: 'signer', reason: expect.stringContaining('signer') },
        { element: 'redress', reason: 'Art. 3(4)(f) asks for it' },
      ],
      clock: { stopsDuringClarification: true, basis: 'regime', pausedAt },
    });

    // The submitting officer is told by mail (plain text, the reviewer unnamed) and the agency's systems by webhook.
    const mails = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.requestId, order.id));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ kind: 'clarification_request', to: de.officer.email, agencyId: de.id });
    expect(mails[0]!.body).toContain(order.reference);
    expect(mails[0]!.body).toContain('Art. 3(4)(f) asks for it');
    expect(mails[0]!.body).toContain('stands still');
    expect(mails[0]!.body).not.toContain(t.reviewer.name);
    const hooks = await t.database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.requestId, order.id));
    expect(hooks.map((h) => [h.eventType, (h.payload as { status: string }).status])).toEqual([
      ['order.status_changed', 'needs_clarification'],
    ]);

    // The authority sees the request and what is missing, from "the platform".
    const seen = await authority(de, 'GET', order.id, 'thread');
    expect(seen.statusCode).toBe(200);
    const thread = seen.json() as Thread;
    expect(thread.messages).toEqual([
      expect.objectContaining({
        kind: 'clarification_request',
        body: 'Which Art. 2(7) material is this?',
        author: { side: 'platform' },
      }),
    ]);
    expect(thread.order.missingElements.map((m) => m.element)).toEqual(['signer', 'redress']);
    for (const secret of [t.reviewer.name, t.reviewer.id, reviewerCredentials.email]) expect(seen.body).not.toContain(secret);

    advance(3 * HOUR + 17 * 60_000);
    const answered = await authority(de, 'POST', order.id, 'clarification-answer', {
      body: 'Signed by the head of unit; redress: VG Köln.',
    });
    expect(answered.statusCode).toBe(201);
    const movedDue = new Date(Date.parse(order.dueAt) + 3 * HOUR + 17 * 60_000).toISOString();
    expect((answered.json() as Thread).order).toMatchObject({
      status: 'in_review',
      dueAt: movedDue,
      missingElements: [],
      clock: { stopsDuringClarification: true, pausedAt: null },
    });
    for (const secret of [t.reviewer.name, t.reviewer.id, reviewerCredentials.email]) expect(answered.body).not.toContain(secret);

    // The reviewers' history names the officer and the agency, and holds the due date before and after.
    const detail = await readRequest(order.id);
    expect(detail).toMatchObject({ status: 'in_review', dueAt: movedDue });
    const answer = detail.events.find((e) => e.type === 'clarification_answered')!;
    expect(answer.actor).toEqual({ id: de.officer.id, name: 'first (Bundesamt für Justiz)' });
    expect(answer.before).toMatchObject({
      dueAt: order.dueAt,
      clockPausedAt: pausedAt,
      missingElements: [{ element: 'signer' }, { element: 'redress' }],
    });
    expect(answer.after).toMatchObject({ dueAt: movedDue, clockPausedAt: null, pausedSeconds: 3 * 3600 + 17 * 60 });
    expect(detail.events.find((e) => e.type === 'clarification_requested')!.actor).toEqual({
      id: t.reviewer.id,
      name: t.reviewer.name,
    });
    const rows = await eventRows(order.id);
    expect(rows.filter((r) => r.actorOfficerId === de.officer.id).map((r) => r.type)).toEqual([
      'status_changed',
      'clarification_answered',
    ]);
    expect(rows.filter((r) => r.actorOfficerId === de.officer.id).every((r) => r.actorId === null)).toBe(true);

    const reviewed = (await review('GET', order.id, 'thread')).json() as Thread;
    expect(reviewed.messages.map((m) => m.kind)).toEqual(['clarification_request', 'clarification_answer']);
    expect(reviewed.messages[0]!.author).toEqual({ side: 'platform', user: { id: t.reviewer.id, name: t.reviewer.name } });
    expect(reviewed.messages[1]!.author).toEqual({
      side: 'authority',
      officer: { id: de.officer.id, name: 'first' },
      agency: { id: de.id, name: 'Bundesamt für Justiz' },
    });
  });
});

describe('a reviewer moving the order on without an answer', () => {
  it('resumes a stopped clock too, moving the deadline by the time it stood still', async () => {
    const order = await channelOrder(de, tco);
    expect((await review('POST', order.id, 'clarification-request', { body: 'Which URL exactly?' })).statusCode).toBe(201);
    advance(2 * HOUR);
    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${order.id}/status`,
      headers: t.auth,
      payload: { status: 'in_review', note: 'Found it ourselves.' },
    });
    expect(moved.statusCode).toBe(200);
    const due = new Date(Date.parse(order.dueAt) + 2 * HOUR).toISOString();
    expect(moved.json()).toMatchObject({ status: 'in_review', dueAt: due });
    const resumed = (await readRequest(order.id)).events.find((e) => e.type === 'clock_resumed')!;
    expect(resumed).toMatchObject({
      actor: { id: t.reviewer.id },
      before: { dueAt: order.dueAt },
      after: { dueAt: due, clockPausedAt: null },
    });
    expect((await review('GET', order.id, 'thread')).json().order.clock.pausedAt).toBeNull();
  });
});

describe('a clarification under a regime that says nothing of the clock (the platform setting: runs)', () => {
  it('leaves the deadline where it was', async () => {
    const order = await channelOrder(kz, kzRegime);
    const asked = await review('POST', order.id, 'clarification-request', { body: 'Please attach the signed order.' });
    expect(asked.statusCode).toBe(201);
    expect((asked.json() as Thread).order).toMatchObject({
      missingElements: [],
      clock: { stopsDuringClarification: false, basis: 'setting', pausedAt: null },
    });
    const mail = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.requestId, order.id));
    expect(mail[0]!.body).toContain('keeps running');
    advance(5 * HOUR);
    const answered = await authority(kz, 'POST', order.id, 'clarification-answer', { body: 'Attached.' });
    expect(answered.statusCode).toBe(201);
    expect((answered.json() as Thread).order).toMatchObject({ status: 'in_review', dueAt: order.dueAt });
    const answer = (await readRequest(order.id)).events.find((e) => e.type === 'clarification_answered')!;
    expect(answer.after).toMatchObject({ dueAt: order.dueAt, pausedSeconds: 0 });
  });
});

describe('messages', () => {
  it('are listed oldest first on both sides, stored as sent, and a platform message reaches the authority by mail', async () => {
    const order = await channelOrder(de);
    const markup = '<script>alert(1)</script> & <b>bold</b>';
    expect((await authority(de, 'POST', order.id, 'messages', { body: markup })).statusCode).toBe(201);
    advance(60_000);
    expect((await review('POST', order.id, 'messages', { body: 'Received, we are looking into it.' })).statusCode).toBe(201);
    const thread = (await authority(de, 'GET', order.id, 'thread')).json() as Thread;
    expect(thread.messages.map((m) => [m.kind, m.body, m.author.side])).toEqual([
      ['message', markup, 'authority'],
      ['message', 'Received, we are looking into it.', 'platform'],
    ]);
    const mails = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.requestId, order.id));
    expect(mails.map((m) => [m.kind, m.to])).toEqual([['message', de.officer.email]]);
    const posted = (await eventRows(order.id)).filter((e) => e.type === 'message_posted');
    expect(posted.map((e) => [e.actorOfficerId, e.actorId])).toEqual([
      [de.officer.id, null],
      [null, t.reviewer.id],
    ]);
  });

  it('refuses an empty, overlong or unstorable text, naming the field, and stores nothing', async () => {
    const order = await channelOrder(de);
    for (const body of ['   ', 'x'.repeat(10_001)]) {
      const res = await authority(de, 'POST', order.id, 'messages', { body });
      expect(res.statusCode).toBe(400);
      expect(res.json().field).toBe('body');
    }
    const nul = await review('POST', order.id, 'messages', { body: 'a\u0000b' });
    expect(nul.statusCode).toBe(400);
    const twice = await review('POST', order.id, 'clarification-request', {
      body: 'x',
      missingElements: [{ element: 'signer' }, { element: 'signer' }],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().field).toBe('missingElements/1/element');
    const unknown = await review('POST', order.id, 'clarification-request', {
      body: 'x',
      missingElements: [{ element: 'mood' }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(await t.database.db.select().from(orderMessages).where(eq(orderMessages.requestId, order.id))).toEqual([]);
    expect((await readRequest(order.id)).status).toBe('received');
  });
});

describe('contest and withdrawal', () => {
  it('lets the authority contest a decided order; the reviewers see it and the order stays decided', async () => {
    const order = await channelOrder(de);
    const early = await authority(de, 'POST', order.id, 'contest', { body: 'Too early.' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('invalid_transition');
    for (const item of order.items) {
      const res = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/requests/${order.id}/items/${item.id}/decision`,
        headers: t.auth,
        payload: { outcome: 'no_action', reason: 'Government Criticism', rationale: 'Political speech' },
      });
      expect(res.statusCode).toBe(200);
    }
    const contested = await authority(de, 'POST', order.id, 'contest', { body: 'The video incites violence.' });
    expect(contested.statusCode).toBe(201);
    const detail = await readRequest(order.id);
    expect(detail.status).toBe('decided');
    expect(detail.events.at(-1)).toMatchObject({ type: 'decision_contested', actor: { id: de.officer.id } });
    const thread = (await review('GET', order.id, 'thread')).json() as Thread;
    expect(thread.messages.at(-1)).toMatchObject({ kind: 'contest', body: 'The video incites violence.' });
    // A decided order can no longer be withdrawn nor clarified.
    expect((await authority(de, 'POST', order.id, 'withdrawal', { reason: 'x' })).statusCode).toBe(409);
    expect((await review('POST', order.id, 'clarification-request', { body: 'x' })).statusCode).toBe(409);
  });

  it('withdraws an open order with its reason, for good', async () => {
    const order = await channelOrder(de);
    expect((await authority(de, 'POST', order.id, 'clarification-answer', { body: 'Nothing was asked.' })).statusCode).toBe(409);
    const withdrawn = await authority(de, 'POST', order.id, 'withdrawal', { reason: 'The court annulled the order.' });
    expect(withdrawn.statusCode).toBe(201);
    expect((withdrawn.json() as Thread).order.status).toBe('withdrawn');
    const detail = await readRequest(order.id);
    expect(detail.status).toBe('withdrawn');
    const change = detail.events.find((e) => e.type === 'status_changed')!;
    expect(change).toMatchObject({
      actor: { id: de.officer.id, name: 'first (Bundesamt für Justiz)' },
      before: { status: 'received' },
      after: { status: 'withdrawn' },
      note: 'The court annulled the order.',
    });
    const hooks = await t.database.db
      .select()
      .from(webhookDeliveries)
      .where(and(eq(webhookDeliveries.requestId, order.id), eq(webhookDeliveries.eventType, 'order.status_changed')));
    expect(hooks.map((h) => (h.payload as { status: string }).status)).toEqual(['withdrawn']);
    const thread = (await review('GET', order.id, 'thread')).json() as Thread;
    expect(thread.messages).toEqual([expect.objectContaining({ kind: 'withdrawal', body: 'The court annulled the order.' })]);
    const again = await authority(de, 'POST', order.id, 'withdrawal', { reason: 'Again.' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('invalid_transition');
  });
});

describe('who may reach a thread', () => {
  it("answers another agency's order, a reviewer's own order and a missing one alike: 404", async () => {
    const order = await channelOrder(de);
    const notChannel = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/requests',
        headers: t.auth,
        payload: newRequestBody(de.authorityId, { receivedAt: clock.toISOString() }),
      })
    ).json() as { id: string };
    const colleague = await addOfficer(t, de.id, `second@${de.domain}`);
    const kzKey = await addApiKey(t, kz.id);
    const attempts: [string, 'GET' | 'POST', object | undefined][] = [
      ['thread', 'GET', undefined],
      ['messages', 'POST', { body: 'hello' }],
      ['clarification-answer', 'POST', { body: 'hello' }],
      ['contest', 'POST', { body: 'hello' }],
      ['withdrawal', 'POST', { reason: 'hello' }],
    ];
    for (const [path, method, payload] of attempts) {
      for (const who of [kz, kzKey]) {
        for (const id of [order.id, notChannel.id, '00000000-0000-4000-8000-000000000000']) {
          const res = await authority(who, method, id, path, payload);
          expect([path, id, res.statusCode, res.json().code]).toEqual([path, id, 404, 'not_found']);
        }
      }
      // Staff sessions are not officers, and officers are not staff.
      expect((await authority(t, method, order.id, path, payload)).statusCode).toBe(401);
    }
    for (const path of ['thread', 'messages', 'clarification-request']) {
      const method = path === 'thread' ? 'GET' : 'POST';
      expect(
        (await t.app.inject({ method, url: `/api/v1/requests/${order.id}/${path}`, headers: de.auth, payload: { body: 'x' } }))
          .statusCode,
      ).toBe(401);
    }
    // Any officer of the agency may act; an API key may read, not sign.
    expect((await authority(colleague, 'POST', order.id, 'messages', { body: 'From a colleague.' })).statusCode).toBe(201);
    const deKey = await addApiKey(t, de.id);
    expect((await authority(deKey, 'GET', order.id, 'thread')).statusCode).toBe(200);
    const keyWrite = await authority(deKey, 'POST', order.id, 'messages', { body: 'From a key.' });
    expect(keyWrite.statusCode).toBe(403);
    const thread = (await review('GET', order.id, 'thread')).json() as Thread;
    expect(thread.messages.map((m) => m.body)).toEqual(['From a colleague.']);
  });
});

describe('rollups', () => {
  it('still equal the GROUP BY over the base tables after every change above', async () => {
    const check = await checkRollups(t.database.db);
    expect(check.differences).toEqual([]);
    expect(check.countryPeriods).toBeGreaterThan(0);
  });
});
