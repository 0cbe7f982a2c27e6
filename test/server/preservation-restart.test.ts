/**
 * Issue 11, acceptance: "The preservation job: a hold that expires while the server is stopped is
 * released once, at the next start." A real `writ serve` runs on its own database; a preservation
 * order's holds are made to expire ahead (decided under a clock set back by the
 * preservation period) half a minute ahead. The running server reminds once; it is stopped (SIGTERM); the expiry passes
 * with no Writ running and nothing is released; the next start releases each hold once, as expired.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventCounts,
  type HoldsDatabase,
  holdsExpiringAt,
  serveWrit,
  startHoldsDatabase,
} from '../support/preservation-holds.js';
import { eventually } from '../support/receivers.js';
import type { WritProcess } from '../support/writ-processes.js';

let database: HoldsDatabase;
const running: WritProcess[] = [];

beforeAll(async () => {
  database = await startHoldsDatabase('writ_preservation_restart');
  // The first start migrates the database and prepares the jobs' queues.
  const first = await serveWrit('preservation-first', database.url);
  await first.stop();
}, 120_000);

afterAll(async () => {
  for (const writ of running) await writ.stop();
  await database?.stop();
});

describe('the preservation job across a restart', () => {
  it('releases a hold that expired while no server ran once, at the next start', async () => {
    const before = await serveWrit('preservation-before', database.url);
    running.push(before);
    const expiresAt = new Date(Date.now() + 30_000);
    const orderId = await holdsExpiringAt(database.db, expiresAt, 2);
    await eventually('the reminders', async () =>
      (await eventCounts(database.pool, orderId, 'hold_reminder_sent')).every((n) => n === 1),
    );
    await before.stop();
    expect(await eventCounts(database.pool, orderId, 'hold_released')).toEqual([0, 0]);

    // The expiry passes while the server is stopped: nothing releases the holds.
    await new Promise((r) => setTimeout(r, Math.max(0, expiresAt.getTime() - Date.now()) + 2_000));
    expect(await eventCounts(database.pool, orderId, 'hold_released')).toEqual([0, 0]);

    const after = await serveWrit('preservation-after', database.url);
    running.push(after);
    await eventually(
      'the releases',
      async () => (await eventCounts(database.pool, orderId, 'hold_released')).every((n) => n > 0),
      60_000,
    );
    // A few more sweeps: nothing is released or reminded again.
    await new Promise((r) => setTimeout(r, 4_000));
    expect(await eventCounts(database.pool, orderId, 'hold_released')).toEqual([1, 1]);
    expect(await eventCounts(database.pool, orderId, 'hold_reminder_sent')).toEqual([1, 1]);
    const { rows } = await database.pool.query(
      'SELECT release_reason, released_at FROM preservation_holds WHERE request_id = $1',
      [orderId],
    );
    expect(rows.map((r) => r.release_reason)).toEqual(['expired', 'expired']);
    for (const r of rows) expect(r.released_at.getTime()).toBeGreaterThan(expiresAt.getTime());
    await after.stop();
  });
});
