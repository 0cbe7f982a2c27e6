/**
 * For the deadline alerts' server tests: `writ serve` processes that mail alerts to an SMTP
 * receiver, and orders made through Writ's own use case with a receipt in the past, so that an
 * order's 50% alert falls at a chosen real instant (a server process keeps real time).
 */
import { hash } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { createWrit } from '../../src/app/context.js';
import { orderFromBody } from '../../src/app/intake.js';
import { receiveOrder } from '../../src/app/requests.js';
import { loadConfig } from '../../src/config.js';
import { authoritiesRepository } from '../../src/db/authorities-repository.js';
import type { Db } from '../../src/db/connection.js';
import { usersRepository } from '../../src/db/users-repository.js';
import { newRequestBody } from './app.js';
import { freePort, startWrit, type WritProcess } from './writ-processes.js';

export const ALERT_MAIL_TO = 'duty@platform.example';

/** `writ serve` on the database: no demo data, mails to `smtpUrl`, the jobs sweeping every second. */
export async function serveAlertingWrit(name: string, url: string, smtpUrl: string): Promise<WritProcess> {
  const writ = startWrit(name, await freePort(), {
    DATABASE_URL: url,
    WRIT_SEED_DEMO: 'false',
    WRIT_SMTP_URL: smtpUrl,
    WRIT_MAIL_FROM: 'Writ <writ@platform.example>',
    WRIT_ALERT_MAIL_TO: ALERT_MAIL_TO,
    WRIT_JOBS_SWEEP_SECONDS: '1',
    WRIT_JOBS_RETRY_SECONDS: '1',
    WRIT_JOBS_LEASE_SECONDS: '5',
    WRIT_JOBS_MAINTENANCE_SECONDS: '1',
  });
  await writ.ready(60_000);
  return writ;
}

let made = 0;

/**
 * Orders (no regime: the policy deadline) received so long ago that half their time allowed
 * passes at each of `halfAt`. Returns each order's id, reference and 50% instant.
 */
export async function ordersHalfwayAt(db: Db, halfAt: Date[]): Promise<{ id: string; reference: string; halfAt: Date }[]> {
  made += 1;
  const config = loadConfig({ WRIT_DATA_DIR: '/nonexistent' });
  const writ = createWrit(db, config);
  const authority = await authoritiesRepository(db).create({
    country: 'KZ',
    name: `Department of Police ${made}`,
    kind: 'police',
    timeZone: null,
  });
  const reviewer = await usersRepository(db).create({
    email: `alerts-reviewer${made}@platform.example`,
    name: 'Ana Reviewer',
    passwordHash: await hash('correct horse battery'),
  });
  const receive = async (receivedAt: Date) =>
    (
      await receiveOrder(
        writ,
        orderFromBody(
          newRequestBody(authority.id, { receivedAt: receivedAt.toISOString() }) as Parameters<typeof orderFromBody>[0],
        ),
        reviewer,
      )
    ).request;
  // The time allowed, from a probe order (the policy deadline counts elapsed hours).
  const probe = await receive(new Date(Date.now() - 60_000));
  await db.execute(sql`UPDATE requests SET status = 'withdrawn' WHERE id = ${probe.id}`);
  const allowed = probe.dueAt.getTime() - probe.receivedAt.getTime();
  const out: { id: string; reference: string; halfAt: Date }[] = [];
  for (const at of halfAt) {
    const request = await receive(new Date(at.getTime() - allowed / 2));
    out.push({
      id: request.id,
      reference: request.reference,
      halfAt: new Date(request.receivedAt.getTime() + (request.dueAt.getTime() - request.receivedAt.getTime()) / 2),
    });
  }
  return out;
}

/** The order's deadline alerts fired (thresholds) and its `deadline_alert` events. */
export async function alertsFired(pool: pg.Pool, requestId: string): Promise<{ rows: string[]; events: number }> {
  const rows = await pool.query('SELECT threshold FROM deadline_alerts WHERE request_id = $1 ORDER BY threshold', [requestId]);
  const events = await pool.query(`SELECT count(*)::int AS n FROM events WHERE request_id = $1 AND type = 'deadline_alert'`, [
    requestId,
  ]);
  return { rows: rows.rows.map((r) => r.threshold), events: events.rows[0].n };
}
