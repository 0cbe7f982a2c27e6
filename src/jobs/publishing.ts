/**
 * Publishing (issue 13): the sweep publishes approved records whose delay has passed and whose
 * order is under no running non-disclosure order, and signs a new checkpoint when the log grew.
 * (Placeholder: the publication workflow fills it in.)
 */
import type PgBoss from 'pg-boss';
import type { Writ } from '../app/context.js';

export async function startPublishingJobs(
  _boss: PgBoss,
  _writ: Writ,
  _polling: { batchSize: number; pollingIntervalSeconds: number },
  _log: (message: string) => void,
): Promise<{ sweep(): Promise<void> }> {
  return { async sweep() {} };
}
