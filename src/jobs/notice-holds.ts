/**
 * Notices held while a non-disclosure order runs (issue 12): the sweep claims held notices whose
 * hold has ended (FOR UPDATE SKIP LOCKED) and queues one pg-boss job per notice, its id as singleton
 * key, in the claim's transaction; the worker makes the notice `due` with a guarded UPDATE, so it
 * becomes due once, whichever process runs it and however often. Due notices are the reviewers' task.
 */
import type PgBoss from 'pg-boss';
import type { Writ } from '../app/context.js';
import { sqlRunner } from '../db/outbox-repository.js';
import type { Tx } from '../db/request-rows.js';
import { queues } from './queues.js';

const SWEEP_BATCH = 500;

type NoticeJob = { id: string };

export async function startNoticeHoldJobs(
  boss: PgBoss,
  writ: Pick<Writ, 'notices' | 'config'>,
  polling: { batchSize: number; pollingIntervalSeconds: number },
  log: (message: string) => void,
): Promise<{ sweep(): Promise<void> }> {
  const { jobs: settings } = writ.config;
  const workerId = await boss.work<NoticeJob>(queues.noticeHold, polling, async ([job]) => {
    if (await writ.notices.markDue(job!.data.id)) log(`jobs: notice ${job!.data.id} is due: its hold ended`);
  });
  return {
    async sweep() {
      const handOver = async (ids: string[], tx: Tx) => {
        for (const id of ids)
          await boss.send(
            queues.noticeHold,
            { id },
            {
              singletonKey: id,
              retryLimit: 5,
              retryDelay: settings.retrySeconds,
              retryBackoff: true,
              expireInSeconds: settings.leaseSeconds,
              db: sqlRunner(tx),
            },
          );
      };
      await writ.notices.handOverDue(SWEEP_BATCH, handOver);
      boss.notifyWorker(workerId);
    },
  };
}
