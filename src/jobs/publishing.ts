/**
 * Publishing (issue 13): the sweep publishes approved records whose delay has passed and whose
 * order is under no running non-disclosure order (a batch per transaction, rows another process
 * holds skipped: src/db/publications-repository.ts), then signs a new checkpoint when the log grew.
 * Nothing is queued: publishing is idempotent by its claim (only `approved` rows are taken), so two
 * processes sweeping at once publish each record once.
 */
import type PgBoss from 'pg-boss';
import type { Writ } from '../app/context.js';
import { publishDue } from '../app/publications.js';
import { signCheckpointIfGrown } from '../app/transparency-log.js';

export async function startPublishingJobs(
  _boss: PgBoss,
  writ: Writ,
  _polling: { batchSize: number; pollingIntervalSeconds: number },
  log: (message: string) => void,
): Promise<{ sweep(): Promise<void> }> {
  return {
    async sweep() {
      const published = await publishDue(writ);
      if (published > 0) log(`jobs: published ${published} public record${published === 1 ? '' : 's'}`);
      const note = await signCheckpointIfGrown(writ);
      if (note !== null) log('jobs: signed a new checkpoint of the transparency log');
    },
  };
}
