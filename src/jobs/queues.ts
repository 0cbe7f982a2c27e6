/**
 * The durable jobs' queues, and their tables made by the owner role: pg-boss keeps its jobs in
 * schema `pgboss`, which only the owner may create (and a queue is a partition it attaches), so
 * `writ serve` prepares them as the owner right after the migrations and grants the serving role
 * the rows only (docs/decisions/0041-durable-jobs.md).
 */
import pg from 'pg';
import PgBoss from 'pg-boss';

export const jobSchema = 'pgboss';
export const queues = {
  mail: 'writ-mail',
  mailGivenUp: 'writ-mail-given-up',
  webhook: 'writ-webhook',
  webhookGivenUp: 'writ-webhook-given-up',
  /** One job per preservation hold with work due (reminder, release); at most one waiting per hold. */
  preservation: 'writ-preservation',
  /** Signed calls to the platform's systems (notice sink, content system, alert hook); issue 12. */
  sink: 'writ-sink',
  sinkGivenUp: 'writ-sink-given-up',
  /** One job per deadline alert due; at most one waiting per alert (issue 12). */
  alert: 'writ-alert',
  /** One job per user notice whose non-disclosure order ended (issue 12). */
  noticeHold: 'writ-notice-hold',
} as const;

// An advisory lock number only Writ uses (the migrations use 7_201_911, the grants 7_201_912).
const JOBS_LOCK = 7_201_913;

/** Installs or upgrades pg-boss's schema and Writ's queues as the owner, and grants `servingRole` the rows. */
export async function prepareJobTables(ownerUrl: string, servingRole: string | null): Promise<void> {
  const lock = new pg.Client({ connectionString: ownerUrl, connectionTimeoutMillis: 10_000 });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [JOBS_LOCK]);
    const boss = new PgBoss({ connectionString: ownerUrl, schema: jobSchema, supervise: false, schedule: false, max: 1 });
    boss.on('error', () => undefined);
    await boss.start();
    try {
      for (const name of [queues.mailGivenUp, queues.webhookGivenUp, queues.sinkGivenUp])
        if (!(await boss.getQueue(name))) await boss.createQueue(name);
      if (!(await boss.getQueue(queues.mail)))
        await boss.createQueue(queues.mail, { name: queues.mail, deadLetter: queues.mailGivenUp });
      if (!(await boss.getQueue(queues.webhook)))
        await boss.createQueue(queues.webhook, { name: queues.webhook, deadLetter: queues.webhookGivenUp });
      // stately: a hold's singleton key admits one waiting and one running job, so sweeps do not pile them up.
      if (!(await boss.getQueue(queues.preservation)))
        await boss.createQueue(queues.preservation, { name: queues.preservation, policy: 'stately' });
      if (!(await boss.getQueue(queues.sink)))
        await boss.createQueue(queues.sink, { name: queues.sink, deadLetter: queues.sinkGivenUp });
      for (const name of [queues.alert, queues.noticeHold])
        if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, policy: 'stately' });
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    if (servingRole) {
      const role = lock.escapeIdentifier(servingRole);
      await lock.query(`GRANT USAGE ON SCHEMA ${jobSchema} TO ${role}`);
      await lock.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${jobSchema} TO ${role}`);
    }
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [JOBS_LOCK]).catch(() => undefined);
    await lock.end();
  }
}
