/**
 * Issue 12, acceptance: "An alert scheduled before a restart fires once after it." A real
 * `writ serve` runs on its own database and mails to an SMTP receiver. An order's 50% alert is set a
 * few seconds ahead; the server is stopped (SIGTERM) before it; the instant passes with no Writ
 * running and nothing fires; the next start fires it once: one row, one history event, one mail
 * (counted by Message-ID), and nothing more at later sweeps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_MAIL_TO, alertsFired, ordersHalfwayAt, serveAlertingWrit } from '../support/alerts-servers.js';
import { type HoldsDatabase, startHoldsDatabase } from '../support/preservation-holds.js';
import { eventually, type SmtpReceiver, startSmtpReceiver } from '../support/receivers.js';
import type { WritProcess } from '../support/writ-processes.js';

let database: HoldsDatabase;
let smtp: SmtpReceiver;
const running: WritProcess[] = [];

beforeAll(async () => {
  database = await startHoldsDatabase('writ_alerts_restart');
  smtp = await startSmtpReceiver();
  // The first start migrates the database and prepares the jobs' queues.
  const first = await serveAlertingWrit('alerts-first', database.url, smtp.url);
  await first.stop();
}, 120_000);

afterAll(async () => {
  for (const writ of running) await writ.stop();
  await smtp?.close();
  await database?.stop();
});

describe('deadline alerts across a restart', () => {
  it('fires an alert whose instant passed while no server ran once, at the next start', async () => {
    const before = await serveAlertingWrit('alerts-before', database.url, smtp.url);
    running.push(before);
    const [order] = await ordersHalfwayAt(database.db, [new Date(Date.now() + 20_000)]);
    // A sweep or two before the instant: nothing fires yet.
    await new Promise((r) => setTimeout(r, 2_000));
    await before.stop();
    expect(Date.now()).toBeLessThan(order!.halfAt.getTime());
    expect(await alertsFired(database.pool, order!.id)).toEqual({ rows: [], events: 0 });

    // The instant passes while the server is stopped: nothing fires.
    await new Promise((r) => setTimeout(r, Math.max(0, order!.halfAt.getTime() - Date.now()) + 2_000));
    expect(await alertsFired(database.pool, order!.id)).toEqual({ rows: [], events: 0 });
    expect(smtp.mails).toEqual([]);

    const after = await serveAlertingWrit('alerts-after', database.url, smtp.url);
    running.push(after);
    const ours = () => smtp.mails.filter((m) => m.headers.subject === `Deadline alert (50%): order ${order!.reference}`);
    await eventually('the alert mail', async () => ours().length > 0, 60_000);
    // A few more sweeps: nothing fires again.
    await new Promise((r) => setTimeout(r, 4_000));
    expect(await alertsFired(database.pool, order!.id)).toEqual({ rows: ['0.5'], events: 1 });
    expect(ours()).toHaveLength(1);
    expect(new Set(smtp.mails.map((m) => m.headers['message-id'])).size).toBe(1);
    expect(ours()[0]!.to).toEqual([ALERT_MAIL_TO]);
    // Quoted-printable: soft line breaks joined.
    expect(ours()[0]!.body.replace(/=\r?\n/g, '')).toContain(`/review/requests/${order!.id}`);
    await after.stop();
  });
});
