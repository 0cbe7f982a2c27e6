/** Deadline alerts at the configured shares of the time allowed and at expiry, each fired once across processes and restarts (issue 12). */
import type PgBoss from 'pg-boss';
import type { Writ } from '../app/context.js';

// Placeholder of the foundation commit: the helper that owns this file fills it in.
export async function startAlertJobs(
  _boss: PgBoss,
  _writ: Writ,
  _polling: { batchSize: number; pollingIntervalSeconds: number },
  _log: (message: string) => void,
): Promise<{ sweep(): Promise<void> }> {
  return { async sweep() {} };
}
