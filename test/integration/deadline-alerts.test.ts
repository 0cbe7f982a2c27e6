/**
 * Deadline alerts (issue 12, escalation), against a real database under the test's clock: the sweep
 * fires the latest threshold passed once per order and deadline, with its mails (assignee and the
 * configured addresses), its call to the alert hook and its history event; paused and decided
 * orders do not alert; a recomputed deadline alerts again; two sweeps racing fire each alert once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepDeadlineAlerts } from '../../src/app/alerts.js';
import { createWrit, type Writ } from '../../src/app/context.js';
import { loadConfig } from '../../src/config.js';
import { connect } from '../../src/db/connection.js';
import { createAuthority, createStaff, createTestApp, newRequestBody, type TestApp } from '../support/app.js';

const DAY = 86_400_000;
let clock = new Date('2026-06-01T06:00:00Z');
let t: TestApp;
let writ: Writ;
let other: Writ;
let otherPool: { end(): Promise<void> };
let kz: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  kz = (await createAuthority(t, 'KZ', 'Department of Police of Almaty', 'police')).id;
  const config = loadConfig({
    WRIT_DATA_DIR: '/nonexistent',
    WRIT_PUBLIC_URL: 'https://writ.platform.example',
    WRIT_ALERT_MAIL_TO: 'duty@platform.example, legal@platform.example',
    WRIT_ALERT_WEBHOOK_URL: 'https://alerts.platform.example/writ',
    WRIT_ALERT_WEBHOOK_SECRET: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  });
  writ = createWrit(t.database.db, config, { now: () => clock });
  // A second process's context: its own pool on the same database.
  const second = connect(t.database.url, 3);
  otherPool = second.pool;
  other = createWrit(second.db, config, { now: () => clock });
}, 60_000);
afterAll(async () => {
  await otherPool?.end();
  await t?.close();
});

// biome-ignore lint/suspicious/noExplicitAny: the API's JSON, read as the tests need it
type Json = Record<string, any>;
type Order = { id: string; reference: string; receivedAt: Date; dueAt: Date };

/** A fresh stretch of time for each test, and an order received an hour before its start. */
async function order(): Promise<Order> {
  clock = new Date(clock.getTime() + 60 * DAY);
  const receivedAt = new Date(clock.getTime() - 3_600_000);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: t.auth,
    payload: newRequestBody(kz, { receivedAt: receivedAt.toISOString() }),
  });
  expect(res.statusCode, res.body).toBe(201);
  const body = res.json() as Json;
  return { id: body.id, reference: body.reference, receivedAt: new Date(body.receivedAt), dueAt: new Date(body.dueAt) };
}
const instant = (o: Order, share: number) =>
  new Date(o.receivedAt.getTime() + share * (o.dueAt.getTime() - o.receivedAt.getTime()));
const plus = (at: Date, ms = 1_000) => new Date(at.getTime() + ms);
const q = async <T = Json>(text: string, values: unknown[]) => (await t.database.pool.query(text, values)).rows as T[];
const alertsOf = (id: string) =>
  q<{ threshold: string; due_at: Date }>(
    'SELECT threshold, due_at FROM deadline_alerts WHERE request_id = $1 ORDER BY fired_at, threshold',
    [id],
  );
const mailsOf = (id: string) =>
  q<{ to: string; subject: string; body: string }>(
    `SELECT "to", subject, body FROM mail_outbox WHERE request_id = $1 AND kind = 'deadline_alert' ORDER BY "to"`,
    [id],
  );
const eventsOf = (id: string) =>
  q<{ after: Json }>(`SELECT after FROM events WHERE request_id = $1 AND type = 'deadline_alert' ORDER BY id`, [id]);
const sinksOf = (id: string) =>
  q<{ event_type: string; payload: Json }>(
    `SELECT event_type, payload FROM sink_deliveries WHERE request_id = $1 AND sink = 'alert'`,
    [id],
  );
const sweep = (w = writ) => sweepDeadlineAlerts(w);

describe('deadline alerts', () => {
  it('fire at half the time allowed once, with mails to the configured addresses, the hook call and the history event', async () => {
    const o = await order();
    clock = plus(instant(o, 0.5), -1_000);
    await sweep();
    expect(await alertsOf(o.id)).toEqual([]);

    clock = plus(instant(o, 0.5));
    expect((await sweep()).filter((a) => a.requestId === o.id)).toEqual([{ requestId: o.id, threshold: '0.5' }]);
    await sweep();
    clock = plus(instant(o, 0.6));
    await sweep();
    expect((await alertsOf(o.id)).map((a) => [a.threshold, a.due_at.toISOString()])).toEqual([['0.5', o.dueAt.toISOString()]]);

    const mails = await mailsOf(o.id);
    expect(mails.map((m) => m.to)).toEqual(['duty@platform.example', 'legal@platform.example']);
    expect(mails[0]!.subject).toBe(`Deadline alert (50%): order ${o.reference}`);
    expect(mails[0]!.body).toContain('Authority: Department of Police of Almaty (KZ)');
    expect(mails[0]!.body).toContain(`Due by: ${o.dueAt.toISOString()} (UTC)`);
    expect(mails[0]!.body).toContain('(Asia/Almaty)');
    expect(mails[0]!.body).toContain('Time left: ');
    expect(mails[0]!.body).toContain(`https://writ.platform.example/review/requests/${o.id}`);

    const sinks = await sinksOf(o.id);
    expect(sinks).toHaveLength(1);
    expect(sinks[0]).toMatchObject({
      event_type: 'deadline.alert',
      payload: { requestId: o.id, reference: o.reference, threshold: '0.5', dueAt: o.dueAt.toISOString() },
    });
    expect((await eventsOf(o.id)).map((e) => e.after)).toEqual([{ threshold: '0.5', dueAt: o.dueAt.toISOString() }]);

    // The order's history shows it, through the API.
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/requests/${o.id}`, headers: t.auth })).json() as Json;
    expect(detail.events.filter((e: Json) => e.type === 'deadline_alert')).toHaveLength(1);
  });

  it('sends only the latest threshold passed: past 75% it sends 75%, not 75% and 50%; then the expiry once', async () => {
    const o = await order();
    clock = plus(instant(o, 0.8));
    await sweep();
    await sweep();
    expect((await alertsOf(o.id)).map((a) => a.threshold)).toEqual(['0.75']);
    clock = plus(o.dueAt, 5 * DAY);
    await sweep();
    await sweep();
    expect((await alertsOf(o.id)).map((a) => a.threshold)).toEqual(['0.75', 'expired']);
    expect((await mailsOf(o.id)).filter((m) => m.subject.startsWith('Deadline passed'))).toHaveLength(2);
    expect(await eventsOf(o.id)).toHaveLength(2);
  });

  it('mails the assignee too, once per address', async () => {
    const lead = await createStaff(t, 'reviewer');
    const duty = await createStaff(t, 'reviewer', 'Duty@platform.example');
    const first = await order();
    const second = await order();
    await q('UPDATE requests SET assignee_id = $2, assigned_at = $3 WHERE id = $1', [first.id, lead.id, clock]);
    await q('UPDATE requests SET assignee_id = $2, assigned_at = $3 WHERE id = $1', [second.id, duty.id, clock]);
    clock = plus(instant(second, 0.5));
    await sweep();
    expect((await mailsOf(first.id)).map((m) => m.to).sort()).toEqual(
      [lead.email, 'duty@platform.example', 'legal@platform.example'].sort(),
    );
    // The assignee is one of the configured addresses: mailed once.
    expect((await mailsOf(second.id)).map((m) => m.to.toLowerCase()).sort()).toEqual([
      'duty@platform.example',
      'legal@platform.example',
    ]);
  });

  it('do not fire while the clock stands still, and fire once it runs again', async () => {
    const o = await order();
    // Waiting for a clarification where the law stops the clock (set as the clarification request does).
    await q(`UPDATE requests SET status = 'needs_clarification', clock_paused_at = $2 WHERE id = $1`, [o.id, clock]);
    clock = plus(o.dueAt, DAY);
    await sweep();
    expect(await alertsOf(o.id)).toEqual([]);
    await q('UPDATE requests SET clock_paused_at = NULL WHERE id = $1', [o.id]);
    await sweep();
    expect((await alertsOf(o.id)).map((a) => a.threshold)).toEqual(['expired']);
  });

  it('never fire for a decided order', async () => {
    const o = await order();
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/requests/${o.id}`, headers: t.auth })).json() as Json;
    for (const item of detail.items) {
      const res = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/requests/${o.id}/items/${item.id}/decision`,
        headers: t.auth,
        payload: { outcome: 'no_action', reason: 'Government Criticism', rationale: 'Political speech' },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    clock = plus(o.dueAt, DAY);
    await sweep();
    expect(await alertsOf(o.id)).toEqual([]);
    expect(await mailsOf(o.id)).toEqual([]);
  });

  it('fire again for a recomputed deadline', async () => {
    const o = await order();
    clock = plus(instant(o, 0.5));
    await sweep();
    // The deadline moves (as a recompute or a resumed clock moves it: a new due_at on the order).
    const dueAt = new Date(o.dueAt.getTime() + 2 * DAY);
    await q('UPDATE requests SET due_at = $2 WHERE id = $1', [o.id, dueAt]);
    await sweep();
    expect((await alertsOf(o.id)).map((a) => a.threshold)).toEqual(['0.5']);
    clock = plus(dueAt, DAY);
    await sweep();
    expect((await alertsOf(o.id)).map((a) => [a.threshold, a.due_at.toISOString()])).toEqual([
      ['0.5', o.dueAt.toISOString()],
      ['expired', dueAt.toISOString()],
    ]);
  });

  it('fire each alert once when two processes sweep at the same time', async () => {
    const orders: Order[] = [];
    for (let i = 0; i < 6; i++) orders.push(await order());
    clock = new Date(Math.max(...orders.map((o) => plus(instant(o, 0.5)).getTime())));
    const [a, b] = await Promise.all([sweep(writ), sweep(other)]);
    const ours = new Set(orders.map((o) => o.id));
    const fired = [...a!, ...b!].filter((x) => ours.has(x.requestId));
    expect(fired).toHaveLength(orders.length);
    for (const o of orders) {
      expect(await alertsOf(o.id)).toHaveLength(1);
      expect(await mailsOf(o.id)).toHaveLength(2);
      expect(await sinksOf(o.id)).toHaveLength(1);
      expect(await eventsOf(o.id)).toHaveLength(1);
    }
  });
});
