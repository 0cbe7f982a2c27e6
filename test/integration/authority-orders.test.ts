/**
 * Orders through the authority channel (issue 10): the receipt, what a regime requires and the
 * clock while elements are missing, the receipt mail and the agency's event in the same transaction,
 * isolation between agencies, staff tokens refused, hostile input refused with nothing stored, and
 * the rollups still equal to the GROUP BY after channel intake.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRollups } from '../../src/db/rollup-check.js';
import { webhookEndpoints } from '../../src/db/schema/index.js';
import { addApiKey, createVerifiedAgency, type TestAgency } from '../support/agencies.js';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let kz: TestAgency;
let other: TestAgency;
let eu: TestAgency;
let clock = new Date('2026-06-01T06:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  kz = await createVerifiedAgency(t, 'KZ', { timeZone: 'Asia/Almaty' });
  other = await createVerifiedAgency(t, 'KZ', { timeZone: 'Asia/Almaty' });
  eu = await createVerifiedAgency(t, 'DE', { timeZone: 'Europe/Berlin' });
});
afterAll(async () => t?.close());

const count = async (table: string, where = 'true') =>
  Number((await t.database.pool.query(`SELECT count(*) FROM ${table} WHERE ${where}`)).rows[0].count);
const counts = async () => ({
  requests: await count('requests'),
  items: await count('items'),
  channel: await count('channel_orders'),
  mail: await count('mail_outbox'),
  events: await count('events'),
});

const complete = {
  kind: 'content_removal',
  regime: 'kz-2022-child-cyberbullying',
  category: 'child_cyberbullying',
  legalBasis: 'Law on Online Platforms, Art. 19',
  signer: 'A. Officer, Deputy Minister',
  statementOfReasons: 'The video harasses a named child.',
  language: 'kk',
  requestedScope: ['KZ'],
  redress: 'Appeal to the court within 10 days',
  authorityReference: 'MCI-77',
  claimedCategories: ['cyberbullying of a child'],
  items: [
    { targetKind: 'url', target: 'https://video.example/watch/a', product: 'Video' },
    { targetKind: 'account', target: '@someone', product: 'Profiles' },
  ],
};

const submit = (agency: { auth: { authorization: string } }, payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/authority/orders', headers: agency.auth, payload });

describe('submitting an order', () => {
  it('answers the receipt: reference, instant of receipt in the agency zone, deadline and basis; mail and event in the same transaction', async () => {
    const [endpoint] = await t.database.db
      .insert(webhookEndpoints)
      .values({ agencyId: kz.id, url: 'https://hooks.agency.example/writ', secret: 'whsec_test' })
      .returning();
    const res = await submit(kz, complete);
    expect(res.statusCode, res.body).toBe(201);
    const receipt = res.json();
    expect(receipt).toMatchObject({
      reference: expect.stringMatching(/^WR-\d{6}$/),
      authorityReference: 'MCI-77',
      status: 'received',
      channel: 'portal',
      receivedAt: '2026-06-01T11:00:00+05:00',
      timeZone: 'Asia/Almaty',
      regime: 'kz-2022-child-cyberbullying',
      missingElements: [],
      requirementsBasis: 'platform',
      clock: { stopsDuringClarification: false, basis: 'setting', pausedAt: null },
    });
    expect(receipt.dueAt).toMatch(/\+05:00$/);
    expect(receipt.dueBasis).toContain('kz-2022-child-cyberbullying');

    const stored = await t.database.pool.query(
      `SELECT r.authority_id, r.signer, r.statement_of_reasons, r.language, r.requested_scope, r.redress, r.channel, r.status,
              c.agency_id, c.submitted_by_officer_id, e.actor_officer_id, e.actor_id
       FROM requests r JOIN channel_orders c ON c.request_id = r.id
       JOIN events e ON e.request_id = r.id AND e.type = 'request_received' WHERE r.id = $1`,
      [receipt.id],
    );
    expect(stored.rows).toEqual([
      {
        authority_id: kz.authorityId,
        signer: 'A. Officer, Deputy Minister',
        statement_of_reasons: 'The video harasses a named child.',
        language: 'kk',
        requested_scope: ['KZ'],
        redress: 'Appeal to the court within 10 days',
        channel: 'portal',
        status: 'received',
        agency_id: kz.id,
        submitted_by_officer_id: kz.officer.id,
        actor_officer_id: kz.officer.id,
        actor_id: null,
      },
    ]);
    const mail = await t.database.pool.query(`SELECT kind, "to", subject, body FROM mail_outbox WHERE request_id = $1`, [
      receipt.id,
    ]);
    expect(mail.rows).toHaveLength(1);
    expect(mail.rows[0]).toMatchObject({
      kind: 'receipt',
      to: kz.officer.email,
      subject: `Order received: ${receipt.reference}`,
    });
    expect(mail.rows[0].body).toContain('Received at: 2026-06-01T11:00:00+05:00 (Asia/Almaty)');
    const deliveries = await t.database.pool.query(
      'SELECT event_type, payload FROM webhook_deliveries WHERE endpoint_id = $1 AND request_id = $2',
      [endpoint!.id, receipt.id],
    );
    expect(deliveries.rows).toEqual([
      { event_type: 'order.received', payload: expect.objectContaining({ reference: receipt.reference, status: 'received' }) },
    ]);
  });

  it('sends the receipt mail of an API key to the agency contact, on the api channel', async () => {
    const key = await addApiKey(t, kz.id);
    const res = await submit(key, complete);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().channel).toBe('api');
    const mail = await t.database.pool.query(`SELECT "to" FROM mail_outbox WHERE request_id = $1`, [res.json().id]);
    expect(mail.rows).toEqual([{ to: `first@${kz.domain}` }]);
  });

  it('accepts an incomplete order under EU TCO as needs_clarification, names what is missing with the law quoted, and stops the clock', async () => {
    clock = new Date('2026-06-02T08:00:00Z');
    const res = await submit(eu, {
      kind: 'content_removal',
      regime: 'eu-tco',
      category: 'terrorist_content',
      legalBasis: 'Regulation (EU) 2021/784',
      items: [{ targetKind: 'url', target: 'https://video.example/watch/t', product: 'Video' }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const receipt = res.json();
    expect(receipt.status).toBe('needs_clarification');
    expect(receipt.requirementsBasis).toBe('regime');
    expect(receipt.missingElements.map((m: { element: string }) => m.element)).toEqual([
      'signer',
      'statement_of_reasons',
      'category',
      'redress',
    ]);
    expect(receipt.missingElements[0].reason).toContain('eu-tco requires it');
    expect(receipt.missingElements[0].reason).toContain('Removal orders shall contain the following elements');
    expect(receipt.clock).toMatchObject({
      stopsDuringClarification: true,
      basis: 'regime',
      pausedAt: '2026-06-02T10:00:00+02:00',
    });
    expect(receipt.clock.sources[0].quote).toContain(
      'as soon as the hosting service provider has received the necessary clarification',
    );
    const row = await t.database.pool.query('SELECT status, clock_paused_at, missing_elements FROM requests WHERE id = $1', [
      receipt.id,
    ]);
    expect(row.rows[0].status).toBe('needs_clarification');
    expect(row.rows[0].clock_paused_at).toEqual(clock);
    expect(row.rows[0].missing_elements).toHaveLength(4);
    const mail = await t.database.pool.query('SELECT body FROM mail_outbox WHERE request_id = $1', [receipt.id]);
    expect(mail.rows[0].body).toContain('- signer:');
    expect(mail.rows[0].body).toContain('clock stands still');
  });

  it('applies the platform default where the regime says nothing, and the setting (runs) to the clock', async () => {
    const res = await submit(kz, { kind: 'content_removal', items: [{ targetKind: 'account', target: '@x' }] });
    expect(res.statusCode, res.body).toBe(201);
    const receipt = res.json();
    expect(receipt.status).toBe('needs_clarification');
    expect(receipt.requirementsBasis).toBe('platform');
    expect(receipt.missingElements.map((m: { element: string }) => m.element)).toEqual([
      'legal_basis',
      'signer',
      'statement_of_reasons',
    ]);
    expect(receipt.missingElements[0].reason).toContain('the platform asks for it');
    expect(receipt.clock).toEqual({ stopsDuringClarification: false, basis: 'setting', sources: [], pausedAt: null });
  });

  it('refuses a regime of another country (checkOrder) and an unknown one, storing nothing', async () => {
    const before = await counts();
    const foreign = await submit(kz, { ...complete, regime: 'ru-149', category: undefined });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json()).toMatchObject({ code: 'validation_failed', field: 'regime' });
    const unknown = await submit(kz, { ...complete, regime: 'xx-nothing', category: undefined });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ field: 'regime' });
    expect(await counts()).toEqual(before);
  });
});

describe('hostile input', () => {
  it.each([
    ['a URL that does not parse', { targetKind: 'url', target: 'https://exa mple.com/x' }, 'items/0/target'],
    ['a javascript: URL', { targetKind: 'url', target: 'javascript:alert(1)' }, 'items/0/target'],
    ['an account id over two lines', { targetKind: 'account', target: '@a\n@b' }, 'items/0/target'],
  ])('refuses %s with problem+json naming the field, storing nothing', async (_what, item, field) => {
    const before = await counts();
    const res = await submit(kz, { ...complete, items: [item] });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'validation_failed', field });
    expect(await counts()).toEqual(before);
  });

  it('refuses a language that is no BCP 47 tag and a scope that is no country', async () => {
    const before = await counts();
    expect((await submit(kz, { ...complete, language: 'not a language!' })).json()).toMatchObject({ field: 'language' });
    expect((await submit(kz, { ...complete, requestedScope: ['XX'] })).json()).toMatchObject({ field: 'requestedScope/0' });
    expect(await counts()).toEqual(before);
  });

  it('keeps a script in a text field as text, and answers it as JSON text, never as HTML', async () => {
    const script = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const res = await submit(kz, { ...complete, statementOfReasons: script, signer: script });
    expect(res.statusCode).toBe(201);
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/authority/orders/${res.json().id}`, headers: kz.auth });
    expect(read.headers['content-type']).toMatch(/^application\/json/);
    expect(read.json().statementOfReasons).toBe(script);
    const stored = await t.database.pool.query('SELECT statement_of_reasons FROM requests WHERE id = $1', [res.json().id]);
    expect(stored.rows[0].statement_of_reasons).toBe(script);
  });
});

describe('following orders', () => {
  it("lists only the agency's own orders, newest first, and filters by status", async () => {
    clock = new Date('2026-06-03T06:00:00Z');
    const mine = (await submit(other, complete)).json();
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/authority/orders', headers: other.auth });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, orders: [{ id: mine.id, reference: mine.reference, itemCount: 2 }] });
    const kzList = (await t.app.inject({ method: 'GET', url: '/api/v1/authority/orders?limit=200', headers: kz.auth })).json();
    expect(kzList.orders.map((o: { id: string }) => o.id)).not.toContain(mine.id);
    const received = kzList.orders.map((o: { receivedAt: string }) => Date.parse(o.receivedAt));
    expect(received).toEqual([...received].sort((a, b) => b - a));
    const waiting = (
      await t.app.inject({ method: 'GET', url: '/api/v1/authority/orders?status=needs_clarification', headers: kz.auth })
    ).json();
    expect(waiting.orders.length).toBeGreaterThan(0);
    expect(waiting.orders.every((o: { status: string }) => o.status === 'needs_clarification')).toBe(true);
  });

  it("answers another agency's order exactly as a nonexistent one (404), and refuses staff tokens (401)", async () => {
    const mine = (await submit(other, complete)).json();
    const foreign = await t.app.inject({ method: 'GET', url: `/api/v1/authority/orders/${mine.id}`, headers: kz.auth });
    const missing = await t.app.inject({
      method: 'GET',
      url: '/api/v1/authority/orders/00000000-0000-4000-8000-000000000000',
      headers: kz.auth,
    });
    expect(foreign.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(foreign.json().title).toBe(missing.json().title);
    expect(foreign.json().detail).toBe(`order ${mine.id} does not exist`);
    for (const [method, url] of [
      ['GET', '/api/v1/authority/orders'],
      ['GET', `/api/v1/authority/orders/${mine.id}`],
      ['POST', '/api/v1/authority/orders'],
    ] as const) {
      const res = await t.app.inject({ method, url, headers: t.auth, ...(method === 'POST' ? { payload: complete } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it('shows each item with the outcome in the authority words, its scope or reason and when; never the rationale or the reviewer', async () => {
    const order = (await submit(kz, complete)).json();
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${order.id}`, headers: t.auth });
    const [first, second] = detail.json().items;
    clock = new Date('2026-06-03T09:00:00Z');
    const decide = (itemId: string, decision: object) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/requests/${order.id}/items/${itemId}/decision`,
        headers: t.auth,
        payload: decision,
      });
    expect(
      (
        await decide(first.id, {
          outcome: 'removed_legal',
          reason: 'Bullying/Harassment',
          scopeCountries: ['KZ'],
          rationale: 'SECRET-RATIONALE',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await decide(second.id, { outcome: 'no_action', reason: 'Government Criticism', rationale: 'SECRET-2' })).statusCode,
    ).toBe(200);
    const seen = await t.app.inject({ method: 'GET', url: `/api/v1/authority/orders/${order.id}`, headers: kz.auth });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().items.map((i: object) => ({ ...i, id: undefined }))).toEqual([
      {
        id: undefined,
        position: 0,
        targetKind: 'url',
        target: 'https://video.example/watch/a',
        product: 'Video',
        outcome: 'effect_given',
        scope: { worldwide: false, countries: ['KZ'] },
        reason: null,
        decidedAt: '2026-06-03T14:00:00+05:00',
      },
      {
        id: undefined,
        position: 1,
        targetKind: 'account',
        target: '@someone',
        product: 'Profiles',
        outcome: 'declined',
        scope: null,
        reason: 'Government Criticism',
        decidedAt: '2026-06-03T14:00:00+05:00',
      },
    ]);
    expect(seen.body).not.toContain('SECRET');
    expect(seen.body).not.toContain('Ana Reviewer');
    expect(seen.json().status).toBe('decided');
  });
});

describe('what the agency hears of reviewers', () => {
  it('a decision mail and an item.decided event per decided item, and order.status_changed, in the decision transaction', async () => {
    const [endpoint] = await t.database.db
      .insert(webhookEndpoints)
      .values({ agencyId: other.id, url: 'https://hooks.other.example/writ', secret: 'whsec_other' })
      .returning();
    const order = (await submit(other, complete)).json();
    const [first] = (await t.app.inject({ method: 'GET', url: `/api/v1/requests/${order.id}`, headers: t.auth })).json().items;
    const decided = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/requests/${order.id}/items/${first.id}/decision`,
      headers: t.auth,
      payload: { outcome: 'removed_policy', reason: 'Bullying/Harassment', rationale: 'SECRET-RATIONALE' },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const mail = await t.database.pool.query(
      `SELECT "to", subject, body FROM mail_outbox WHERE request_id = $1 AND kind = 'decision'`,
      [order.id],
    );
    expect(mail.rows).toHaveLength(1);
    expect(mail.rows[0]).toMatchObject({ to: other.officer.email, subject: `Decision on ${order.reference}` });
    expect(mail.rows[0].body).toContain('Outcome: effect_given');
    expect(mail.rows[0].body).toContain('Scope: worldwide');
    expect(mail.rows[0].body).not.toContain('SECRET');
    const deliveries = await t.database.pool.query(
      'SELECT event_type, payload FROM webhook_deliveries WHERE endpoint_id = $1 AND request_id = $2 ORDER BY created_at, event_type',
      [endpoint!.id, order.id],
    );
    expect(deliveries.rows.map((d) => d.event_type).sort()).toEqual(['item.decided', 'order.received', 'order.status_changed']);
    const statusChange = deliveries.rows.find((d) => d.event_type === 'order.status_changed');
    expect(statusChange.payload).toMatchObject({ previousStatus: 'received', status: 'in_review' });
    expect(JSON.stringify(deliveries.rows)).not.toContain('SECRET');
  });

  it('sends nothing to anyone for an order that did not come through the channel', async () => {
    const before = await count('mail_outbox');
    const request = await t.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: t.auth,
      payload: {
        kind: 'content_removal',
        authorityId: kz.authorityId,
        authorityTimeZone: 'Asia/Almaty',
        legalBasis: 'Law',
        channel: 'email',
        items: [{ targetKind: 'url', target: 'https://video.example/watch/z', product: 'Video' }],
      },
    });
    expect(request.statusCode, request.body).toBe(201);
    const itemId = request.json().items[0].id;
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/requests/${request.json().id}/items/${itemId}/decision`,
      headers: t.auth,
      payload: { outcome: 'no_action', reason: 'Other', rationale: 'r' },
    });
    expect(await count('mail_outbox')).toBe(before);
  });

  it('a stopped clock runs again when the order leaves needs_clarification, its deadline moved by the pause', async () => {
    clock = new Date('2026-06-04T08:00:00Z');
    const receipt = (
      await submit(eu, {
        kind: 'content_removal',
        regime: 'eu-tco',
        category: 'terrorist_content',
        legalBasis: 'Regulation (EU) 2021/784',
        items: [{ targetKind: 'url', target: 'https://video.example/watch/t2', product: 'Video' }],
      })
    ).json();
    expect(receipt.clock.pausedAt).not.toBeNull();
    const dueBefore = Date.parse(receipt.dueAt);
    clock = new Date('2026-06-04T11:30:00Z');
    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${receipt.id}/status`,
      headers: t.auth,
      payload: { status: 'in_review', note: 'clarified by phone' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const seen = (await t.app.inject({ method: 'GET', url: `/api/v1/authority/orders/${receipt.id}`, headers: eu.auth })).json();
    expect(Date.parse(seen.dueAt) - dueBefore).toBe(3.5 * 3_600_000);
    expect(seen.clock.pausedAt).toBeNull();
    const event = await t.database.pool.query("SELECT after FROM events WHERE request_id = $1 AND type = 'clock_resumed'", [
      receipt.id,
    ]);
    expect(event.rows).toEqual([{ after: { dueAt: new Date(dueBefore + 3.5 * 3_600_000).toISOString(), clockPausedAt: null } }]);
  });
});

describe("the reviewers' side", () => {
  it('shows the particulars, missing elements, stopped clock and the sending agency in the request detail', async () => {
    clock = new Date('2026-06-05T08:00:00Z');
    const receipt = (
      await submit(eu, {
        kind: 'content_removal',
        regime: 'eu-tco',
        category: 'terrorist_content',
        legalBasis: 'Regulation (EU) 2021/784',
        statementOfReasons: 'Begründung',
        language: 'de',
        requestedScope: ['DE', 'AT'],
        items: [{ targetKind: 'url', target: 'https://video.example/watch/t3', product: 'Video' }],
      })
    ).json();
    const detail = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${receipt.id}`, headers: t.auth });
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      status: 'needs_clarification',
      channel: 'portal',
      signer: null,
      statementOfReasons: 'Begründung',
      language: 'de',
      requestedScope: ['DE', 'AT'],
      redress: null,
      clockPausedAt: '2026-06-05T08:00:00.000Z',
      attachments: [],
      agency: { id: eu.id, name: expect.any(String) },
    });
    expect(detail.json().missingElements.map((m: { element: string }) => m.element)).toEqual(['signer', 'category', 'redress']);
    const officerEvent = detail.json().events.find((e: { type: string }) => e.type === 'request_received');
    expect(officerEvent.after).toMatchObject({ status: 'needs_clarification', reference: receipt.reference });
  });

  it("takes the same particulars, optionally, at the reviewers' intake", async () => {
    const payload = {
      kind: 'content_removal',
      authorityId: kz.authorityId,
      authorityTimeZone: 'Asia/Almaty',
      legalBasis: 'Law',
      channel: 'post',
      signer: 'B. Signer',
      statementOfReasons: 'Reasons',
      language: 'ru',
      requestedScope: ['kz'],
      redress: 'Court',
      items: [{ targetKind: 'url', target: 'https://video.example/watch/p', product: 'Video' }],
    };
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: t.auth, payload });
    expect(res.statusCode, res.body).toBe(201);
    const expected = {
      signer: 'B. Signer',
      statementOfReasons: 'Reasons',
      language: 'ru',
      requestedScope: ['KZ'],
      redress: 'Court',
      agency: null,
    };
    expect(res.json()).toMatchObject(expected);
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${res.json().id}`, headers: t.auth });
    expect(read.json()).toMatchObject(expected);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: t.auth,
      payload: { ...payload, language: '!!' },
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('the rollups', () => {
  it('stay equal to the GROUP BY after channel intake (complete and incomplete orders)', async () => {
    const check = await checkRollups(t.database.db);
    expect(check.differences).toEqual([]);
    expect(await count('channel_orders')).toBeGreaterThan(5);
  });
});
