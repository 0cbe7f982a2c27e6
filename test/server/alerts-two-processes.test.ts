/**
 * Issue 12, acceptance: "with two servers on one database each alert fires once." Two `writ serve`
 * processes sweep the same database every second and mail the same SMTP receiver; twenty orders
 * reach half their time allowed — some already before the servers start, the rest over the next
 * seconds, while both sweep. Every alert arrives exactly once (by Message-ID and by order), with
 * one row and one history event each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertsFired, ordersHalfwayAt, serveAlertingWrit } from '../support/alerts-servers.js';
import { type HoldsDatabase, startHoldsDatabase } from '../support/preservation-holds.js';
import { eventually, type SmtpReceiver, startSmtpReceiver } from '../support/receivers.js';
import type { WritProcess } from '../support/writ-processes.js';

let database: HoldsDatabase;
let smtp: SmtpReceiver;
let processes: WritProcess[] = [];

beforeAll(async () => {
  database = await startHoldsDatabase('writ_alerts_two');
  smtp = await startSmtpReceiver();
  const first = await serveAlertingWrit('alerts-migrate', database.url, smtp.url);
  await first.stop();
}, 120_000);

afterAll(async () => {
  for (const writ of processes) await writ.stop();
  await smtp?.close();
  await database?.stop();
});

describe('two Writ processes on one database', () => {
  it('fire each deadline alert once', async () => {
    const now = Date.now();
    const orders = await ordersHalfwayAt(database.db, [
      ...Array.from({ length: 8 }, (_, i) => new Date(now - (i + 1) * 60_000)),
      ...Array.from({ length: 12 }, (_, i) => new Date(now + 15_000 + i * 1_000)),
    ]);
    processes = await Promise.all([
      serveAlertingWrit('alerts-a', database.url, smtp.url),
      serveAlertingWrit('alerts-b', database.url, smtp.url),
    ]);
    const subjects = new Map(orders.map((o) => [`Deadline alert (50%): order ${o.reference}`, o.id]));
    const arrived = () => smtp.mails.filter((m) => subjects.has(m.headers.subject ?? ''));
    await eventually(
      'every alert mailed',
      async () => new Set(arrived().map((m) => m.headers.subject)).size === orders.length,
      90_000,
    );
    // More sweeps by both: nothing more is sent.
    await new Promise((r) => setTimeout(r, 4_000));
    expect(arrived()).toHaveLength(orders.length);
    expect(new Set(arrived().map((m) => m.headers['message-id'])).size).toBe(orders.length);
    for (const o of orders) expect(await alertsFired(database.pool, o.id)).toEqual({ rows: ['0.5'], events: 1 });
    // Both servers ran throughout.
    expect(processes.map((p) => p.exitCode())).toEqual([null, null]);
  });
});
