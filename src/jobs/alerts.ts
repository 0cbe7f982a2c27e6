/**
 * Deadline alerts at the configured shares of the time allowed and at expiry, each fired once across
 * processes and restarts (issue 12). The work is done in the sweep itself, one transaction per
 * alert (src/app/alerts.ts): the `deadline_alerts` row inserted ON CONFLICT DO NOTHING is the
 * once-only guard, and the mails and the hook's call it queues in the same transaction are sent by
 * the outbox's and the sinks' durable jobs. No pg-boss job per alert is needed: an alert's firing
 * is one short transaction, and a crashed one left nothing to resume (docs/decisions/0051-deadline-alerts.md).
 */
import type PgBoss from 'pg-boss';
import { sweepDeadlineAlerts } from '../app/alerts.js';
import type { Writ } from '../app/context.js';

export async function startAlertJobs(
  _boss: PgBoss,
  writ: Writ,
  _polling: { batchSize: number; pollingIntervalSeconds: number },
  log: (message: string) => void,
): Promise<{ sweep(): Promise<void> }> {
  return {
    async sweep() {
      const fired = await sweepDeadlineAlerts(writ);
      for (const alert of fired) log(`jobs: deadline alert ${alert.threshold} for order ${alert.requestId}`);
    },
  };
}
