/**
 * The preservation job (issue 11): the sweep claims holds with work due (FOR UPDATE SKIP LOCKED) and
 * queues one pg-boss job per hold with the hold's id as singleton key, in the claim's transaction;
 * the worker settles the hold (released when its order was withdrawn or it expired without legal
 * process, reminded once before expiry). The guarded UPDATEs of settle() make each release and
 * reminder happen once, whichever process runs it and however often (docs/decisions/0045-preservation-holds.md).
 */
import type PgBoss from 'pg-boss';
import type { Writ } from '../app/context.js';
import { sqlRunner } from '../db/outbox-repository.js';
import { queues } from './queues.js';

const SWEEP_BATCH = 500;
const WORKERS = 2;

type HoldJob = { id: string };

export async function startPreservationJobs(
  boss: PgBoss,
  writ: Pick<Writ, 'preservation' | 'config'>,
  polling: { batchSize: number; pollingIntervalSeconds: number },
  log: (message: string) => void,
) {
  const reminderDays = writ.config.dataRequests.preservationReminderDays;
  const { jobs: settings } = writ.config;
  const workerIds: string[] = [];
  for (let i = 0; i < WORKERS; i++)
    workerIds.push(
      await boss.work<HoldJob>(queues.preservation, polling, async ([job]) => {
        const done = await writ.preservation.settle(job!.data.id, reminderDays);
        if (done) log(`jobs: preservation hold ${job!.data.id}: ${done}`);
      }),
    );
  return {
    /**
     * Queues a job for the holds with work due, soonest expiry first, one batch a sweep: a hold stays
     * due until its job settled it, so another batch now would claim the same holds again.
     */
    async sweep() {
      const handOver = async (ids: string[], tx: Parameters<Parameters<typeof writ.preservation.handOverDue>[2]>[1]) => {
        for (const id of ids)
          await boss.send(
            queues.preservation,
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
      await writ.preservation.handOverDue(SWEEP_BATCH, reminderDays, handOver);
      for (const id of workerIds) boss.notifyWorker(id);
    },
  };
}
