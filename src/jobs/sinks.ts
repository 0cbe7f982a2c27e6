/**
 * Sends the signed calls to the platform's systems (sink_deliveries) with back-off; dead-letters
 * what keeps failing (issue 12). The sweep claims queued rows of every configured sink and queues
 * one pg-boss job per row in the same transaction; a sink not configured keeps its calls queued,
 * and the sweep says so once. pg-boss retries a failed attempt after WRIT_JOBS_RETRY_SECONDS,
 * doubling each time, up to WRIT_SINK_ATTEMPTS; then the row is `failed`.
 */
import http from 'node:http';
import https from 'node:https';
import type PgBoss from 'pg-boss';
import type { Writ } from '../app/context.js';
import { errorText } from '../app/mail.js';
import { attemptSinkDelivery } from '../app/sinks.js';
import type { WebhookPoster } from '../app/webhooks.js';
import { type SinkKind, sinkKinds } from '../domain/review-vocabulary.js';
import { jobSchema, queues } from './queues.js';

const SWEEP_BATCH = 100;
const WORKERS = 4;

/** Posts to an address the platform's operator configured: http or https, any host, with a time limit. */
export function sinkPoster(timeoutSeconds: number): WebhookPoster {
  return ({ url, body, headers }) =>
    new Promise<number>((resolve, reject) => {
      const target = new URL(url);
      const client = target.protocol === 'https:' ? https : http;
      const request = client.request(
        target,
        {
          method: 'POST',
          headers: { ...headers, 'content-length': Buffer.byteLength(body), 'user-agent': 'Writ-Sinks/1' },
          timeout: timeoutSeconds * 1000,
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
          response.on('error', reject);
        },
      );
      request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutSeconds} s`)));
      request.on('error', reject);
      request.end(body);
    });
}

export async function startSinkJobs(
  boss: PgBoss,
  writ: Writ,
  polling: { batchSize: number; pollingIntervalSeconds: number },
  log: (message: string) => void,
  post: WebhookPoster = sinkPoster(writ.config.webhooks.timeoutSeconds),
): Promise<{ sweep(): Promise<void> }> {
  const settings = writ.config.sinks;
  const { jobs } = writ.config;
  const configured = sinkKinds.filter((kind) => settings[kind] !== undefined);
  const workerIds: string[] = [];
  for (let i = 0; i < WORKERS; i++)
    workerIds.push(
      await boss.work<{ id: string }>(queues.sink, polling, async ([job]) => {
        const outcome = await attemptSinkDelivery({ sinks: writ.sinks, settings, post, now: writ.now }, job!.data.id);
        if (outcome === 'retry') throw new Error(`sink call ${job!.data.id}: attempt failed, retrying`);
      }),
    );
  // A job pg-boss gave up on (its retries used up by crashes): the call is failed, for an admin to retry.
  await boss.work<{ id: string }>(queues.sinkGivenUp, polling, async ([job]) => {
    await writ.sinks.recordFailure(
      job!.data.id,
      { statusCode: null, error: 'the sender gave up: its attempts were interrupted too often' },
      true,
    );
  });
  const orphans = await writ.sinks.requeueOrphaned(jobSchema, [queues.sink, queues.sinkGivenUp]);
  if (orphans > 0) log(`jobs: ${orphans} calls to the platform's systems had no job (restored from a backup?): queued again`);

  const handOver = async (ids: string[], tx: Parameters<Parameters<typeof writ.sinks.handOverQueued>[2]>[1]) => {
    for (const id of ids)
      await boss.send(
        queues.sink,
        { id },
        {
          retryLimit: settings.attempts + 2,
          retryDelay: jobs.retrySeconds,
          retryBackoff: true,
          expireInSeconds: jobs.leaseSeconds,
          db: tx,
        },
      );
  };
  const told = new Set<SinkKind>();
  return {
    async sweep() {
      while ((await writ.sinks.handOverQueued(configured, SWEEP_BATCH, handOver)) === SWEEP_BATCH);
      for (const id of workerIds) boss.notifyWorker(id);
      if (configured.length < sinkKinds.length) {
        const waiting: Partial<Record<SinkKind, number>> = await writ.sinks.queuedCounts().catch((error: unknown) => {
          log(`jobs: ${errorText(error)}`);
          return {};
        });
        for (const kind of sinkKinds)
          if (!settings[kind] && (waiting[kind] ?? 0) > 0 && !told.has(kind)) {
            told.add(kind);
            log(`jobs: no ${kind} sink configured: its calls stay queued`);
          }
      }
    },
  };
}
