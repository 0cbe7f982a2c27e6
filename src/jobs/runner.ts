/**
 * The durable jobs of one Writ process: pg-boss over the process's own pool (the serving role),
 * a sweep that hands queued mails and pending webhook deliveries to jobs, and the workers that make
 * the attempts. The outbox rows are the truth; pg-boss carries the waits between attempts
 * (exponential back-off) and the lease: a job whose process died is failed after
 * WRIT_JOBS_LEASE_SECONDS by pg-boss's maintenance (in any process) and retried elsewhere. The same
 * sweep queues the preservation holds' reminders and releases (src/jobs/preservation.ts).
 */

import type pg from 'pg';
import PgBoss from 'pg-boss';
import type { Writ } from '../app/context.js';
import { attemptMail, errorText, type Mailer } from '../app/mail.js';
import { attemptDelivery, type WebhookPoster } from '../app/webhooks.js';
import type { SqlRunner } from '../db/outbox-repository.js';
import { startAlertJobs } from './alerts.js';
import { startNoticeHoldJobs } from './notice-holds.js';
import { startPreservationJobs } from './preservation.js';
import { startPublishingJobs } from './publishing.js';
import { jobSchema, queues } from './queues.js';
import { startSinkJobs } from './sinks.js';
import { smtpMailer } from './smtp.js';
import { webhookPoster } from './webhook-post.js';

export type Jobs = {
  /** Hands what is queued to jobs now (the timer does it every WRIT_JOBS_SWEEP_SECONDS). */
  sweep(): Promise<void>;
  /** Stops taking work, lets attempts under way finish (up to a timeout), and stops pg-boss. */
  stop(): Promise<void>;
};

type JobData = { id: string };
const SWEEP_BATCH = 100;
const WORKERS_PER_QUEUE = 4;

export async function startJobs(input: {
  pool: pg.Pool;
  writ: Writ;
  log: (message: string) => void;
  /** Default: SMTP from WRIT_SMTP_URL; none when it is unset (mails then wait, queued). */
  mailer?: Mailer;
  /** Default: posts over the network (src/jobs/webhook-post.ts). */
  post?: WebhookPoster;
}): Promise<Jobs> {
  const { writ, log } = input;
  const { jobs: settings, mail, webhooks } = writ.config;
  const smtp = input.mailer ? undefined : mail.smtpUrl ? smtpMailer(mail.smtpUrl) : undefined;
  const mailer = input.mailer ?? smtp;
  const post = input.post ?? webhookPoster(webhooks);
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => input.pool.query(text, values) },
    schema: jobSchema,
    migrate: false,
    schedule: false,
    supervise: true,
    maintenanceIntervalSeconds: settings.maintenanceSeconds,
  });
  boss.on('error', (error: unknown) => log(`jobs: ${errorText(error)}`));
  await boss.start();

  const sendOptions = (attempts: number) => ({
    retryLimit: attempts + 2,
    retryDelay: settings.retrySeconds,
    retryBackoff: true,
    expireInSeconds: settings.leaseSeconds,
  });
  const handOver = (queue: string, attempts: number) => async (ids: string[], tx: SqlRunner) => {
    for (const id of ids) await boss.send(queue, { id }, { ...sendOptions(attempts), db: tx });
  };
  const polling = { batchSize: 1, pollingIntervalSeconds: Math.min(2, settings.sweepSeconds) };
  const workerIds: Record<string, string[]> = { [queues.mail]: [], [queues.webhook]: [] };

  if (mailer) {
    for (let i = 0; i < WORKERS_PER_QUEUE; i++)
      workerIds[queues.mail]!.push(
        await boss.work<JobData>(queues.mail, polling, async ([job]) => {
          const outcome = await attemptMail(
            { outbox: writ.outbox, mailer, from: mail.from, attempts: mail.attempts },
            job!.data.id,
          );
          if (outcome === 'retry') throw new Error(`mail ${job!.data.id}: attempt failed, retrying`);
        }),
      );
    // A job pg-boss gave up on (its retries used up by crashes): the mail is failed, for an admin to retry.
    await boss.work<JobData>(queues.mailGivenUp, polling, async ([job]) => {
      await writ.outbox.recordFailure(job!.data.id, 'the sender gave up: its attempts were interrupted too often', true);
    });
  } else log('jobs: no SMTP configured (WRIT_SMTP_URL): mails stay queued in the outbox');

  for (let i = 0; i < WORKERS_PER_QUEUE; i++)
    workerIds[queues.webhook]!.push(
      await boss.work<JobData>(queues.webhook, polling, async ([job]) => {
        const outcome = await attemptDelivery(
          { webhooks: writ.webhooks, post, attempts: webhooks.attempts, now: writ.now },
          job!.data.id,
        );
        if (outcome === 'retry') throw new Error(`webhook delivery ${job!.data.id}: attempt failed, retrying`);
      }),
    );
  await boss.work<JobData>(queues.webhookGivenUp, polling, async ([job]) => {
    await writ.webhooks.recordFailure(
      job!.data.id,
      { statusCode: null, error: 'the sender gave up: its attempts were interrupted too often' },
      true,
    );
  });

  // Preservation holds: reminders before expiry, releases at expiry or withdrawal (issue 11).
  const preservation = await startPreservationJobs(boss, writ, polling, log);
  // The review workflow (issue 12): calls to the platform's systems, deadline alerts, held notices.
  const sinks = await startSinkJobs(boss, writ, polling, log);
  const alerts = await startAlertJobs(boss, writ, polling, log);
  const noticeHolds = await startNoticeHoldJobs(boss, writ, polling, log);
  // Transparency publishing (issue 13): due approved records go public, the log's head is signed.
  const publishing = await startPublishingJobs(boss, writ, polling, log);

  let sweeping: Promise<void> | undefined;
  const sweepOnce = async () => {
    if (mailer) {
      while ((await writ.outbox.handOverQueued(SWEEP_BATCH, handOver(queues.mail, mail.attempts))) === SWEEP_BATCH);
    }
    while ((await writ.webhooks.handOverPending(SWEEP_BATCH, handOver(queues.webhook, webhooks.attempts))) === SWEEP_BATCH);
    for (const id of [...workerIds[queues.mail]!, ...workerIds[queues.webhook]!]) boss.notifyWorker(id);
    await preservation.sweep();
    await sinks.sweep();
    await alerts.sweep();
    await noticeHolds.sweep();
    await publishing.sweep();
  };
  const sweep = () => {
    sweeping ??= sweepOnce()
      .catch((error: unknown) => log(`jobs: sweep failed: ${errorText(error)}`))
      .finally(() => {
        sweeping = undefined;
      });
    return sweeping;
  };
  // Rows handed to jobs that pg-boss no longer has (a restored backup holds Writ's tables, not pg-boss's).
  const orphans =
    (await writ.outbox.requeueOrphaned(jobSchema, [queues.mail, queues.mailGivenUp])) +
    (await writ.webhooks.requeueOrphaned(jobSchema, [queues.webhook, queues.webhookGivenUp]));
  if (orphans > 0) log(`jobs: ${orphans} mails and deliveries had no job (restored from a backup?): queued again`);
  const timer = setInterval(() => void sweep(), settings.sweepSeconds * 1000);
  await sweep();

  return {
    sweep,
    async stop() {
      clearInterval(timer);
      await sweeping;
      await boss.stop({ graceful: true, wait: true, timeout: 20_000, close: false });
      smtp?.close();
    },
  };
}
