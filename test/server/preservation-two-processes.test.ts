/**
 * Issue 11 item 3: the preservation job "never fires twice when two Writ processes share a
 * database". Two `writ serve` processes sweep the same database every second; holds that are already
 * past their expiry (and holds whose reminder is due) are each released, and each reminded, exactly once.
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

const DAY = 86_400_000;
let database: HoldsDatabase;
let processes: WritProcess[] = [];

beforeAll(async () => {
  database = await startHoldsDatabase('writ_preservation_two');
  const first = await serveWrit('preservation-migrate', database.url);
  await first.stop();
}, 120_000);

afterAll(async () => {
  for (const writ of processes) await writ.stop();
  await database?.stop();
});

describe('two Writ processes on one database', () => {
  it('release each due hold once and remind each once', async () => {
    const expired: string[] = [];
    for (let i = 0; i < 3; i++) expired.push(await holdsExpiringAt(database.db, new Date(Date.now() - (i + 1) * 60_000), 8));
    const reminded = await holdsExpiringAt(database.db, new Date(Date.now() + 3 * DAY), 8);

    processes = await Promise.all([serveWrit('preservation-a', database.url), serveWrit('preservation-b', database.url)]);
    await eventually(
      'every due hold released and reminded',
      async () => {
        const { rows } = await database.pool.query(
          `SELECT count(*) FILTER (WHERE released_at IS NULL AND expires_at <= now())::int AS due,
                  count(*) FILTER (WHERE reminded_at IS NULL AND released_at IS NULL)::int AS unreminded
             FROM preservation_holds`,
        );
        return rows[0].due === 0 && rows[0].unreminded === 0;
      },
      60_000,
    );
    // More sweeps by both: nothing more happens.
    await new Promise((r) => setTimeout(r, 4_000));
    for (const orderId of expired) expect(await eventCounts(database.pool, orderId, 'hold_released')).toEqual(Array(8).fill(1));
    expect(await eventCounts(database.pool, reminded, 'hold_reminder_sent')).toEqual(Array(8).fill(1));
    expect(await eventCounts(database.pool, reminded, 'hold_released')).toEqual(Array(8).fill(0));
  });
});
