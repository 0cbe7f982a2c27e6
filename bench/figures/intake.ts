/**
 * Figure a: intake through POST /api/v1/requests/batch, 1,000 items a call, from `clients`
 * concurrent clients signed in as a reviewer, in 100-item orders (10 a call) and in 1-item orders
 * (1,000 a call); baseline: COPY of the same rows (requests, items, request_received events) into the
 * same tables on as many connections, one transaction each — the disk's and PostgreSQL's own limit,
 * without validation, deadlines, rollups or HTTP. Figure e (the server's peak memory) is read after it.
 */
import type { ScratchDatabase } from '../database.js';
import {
  eventColumns,
  intakeItemColumns,
  intakeOrders,
  intakeRequestColumns,
  intakeRows,
  type Order,
  type World,
} from '../generate.js';
import type { WritClient } from '../http.js';
import { copyInto } from '../load.js';
import type { Random } from '../prng.js';
import { count, progress, step } from '../progress.js';
import { atLeast, type Figure } from '../report.js';
import { latency } from '../stats.js';

export type IntakeSetup = {
  database: ScratchDatabase;
  client: WritClient;
  world: World;
  random: Random;
  reviewerId: string;
  clients: number;
  callsPerClient: number;
};

/** Sends every body from `clients` workers at once; the seconds it took and each call's milliseconds. */
async function send(
  client: WritClient,
  bodies: string[],
  orders: number[],
  clients: number,
  label: string,
): Promise<{ seconds: number; calls: number[] }> {
  let next = 0;
  const calls: number[] = [];
  const start = performance.now();
  const worker = async () => {
    for (let i = next++; i < bodies.length; i = next++) {
      const t = performance.now();
      const answer = await client.request('POST', '/api/v1/requests/batch', bodies[i]!);
      if (answer.status !== 201)
        throw new Error(`POST /api/v1/requests/batch answered ${answer.status}: ${answer.body.slice(0, 500)}`);
      const created = (JSON.parse(answer.body) as { requests: unknown[] }).requests.length;
      if (created !== orders[i]) throw new Error(`a batch of ${orders[i]} orders answered with ${created} requests`);
      calls.push(performance.now() - t);
      progress(`${label}: ${count(calls.length)} / ${count(bodies.length)} calls`);
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  return { seconds: (performance.now() - start) / 1000, calls };
}

/** COPY of the rows the batch endpoint writes for `batches`, on `connections` connections at once. */
async function copySame(setup: IntakeSetup, batches: Order[][], connections: number): Promise<number> {
  const parts = Array.from({ length: connections }, (_, k) => batches.filter((_, i) => i % connections === k).flat());
  const now = new Date();
  const rows = parts.map((orders) => intakeRows(orders, setup.random, setup.reviewerId, now));
  const start = performance.now();
  await Promise.all(
    rows.map(async (r) => {
      const client = await setup.database.pool.connect();
      try {
        await client.query('BEGIN');
        await copyInto(client, 'requests', intakeRequestColumns, r.requests);
        await copyInto(client, 'items', intakeItemColumns, r.items);
        await copyInto(client, 'events', eventColumns, r.events);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    }),
  );
  return (performance.now() - start) / 1000;
}

export async function intakeFigure(setup: IntakeSetup, perOrder: 100 | 1): Promise<Figure> {
  const { clients, callsPerClient } = setup;
  const label = `intake-${perOrder}`;
  // One warm-up call per client, then the measured calls; 1,000 items each.
  const batches = intakeOrders(setup.world, setup.random, label, perOrder, clients * (callsPerClient + 1));
  const bodies = batches.map((orders, i) => JSON.stringify({ batchKey: `bench-${label}-${i}`, orders }));
  const orders = batches.map((b) => b.length);
  await send(setup.client, bodies.slice(0, clients), orders, clients, `${label} warm-up`);
  const measured = batches.slice(clients);
  const run = await send(setup.client, bodies.slice(clients), orders.slice(clients), clients, `${label} over HTTP`);
  const items = measured.length * 1000;
  const rate = items / run.seconds;
  const copySeconds = await copySame(setup, measured, clients);
  const copyRate = items / copySeconds;
  const share = (rate / copyRate) * 100;
  step(
    `intake, ${perOrder}-item orders: ${count(rate)} items/s over HTTP, COPY ${count(copyRate)} items/s (${share.toFixed(0)}%)`,
  );
  const callLatency = latency(run.calls);
  return {
    id: `intake-${perOrder}-item-orders`,
    name: `intake, ${perOrder}-item orders, ${clients} clients\nPOST /api/v1/requests/batch (1,000 items a call)`,
    measured: { kind: 'rate', perSecond: rate, items, seconds: run.seconds },
    baseline: {
      name: `COPY of the same rows, ${clients} connections`,
      measured: { kind: 'rate', perSecond: copyRate, items, seconds: copySeconds },
    },
    ratio: { value: share / 100, text: `${share.toFixed(0)}% of COPY` },
    targets:
      perOrder === 100
        ? [atLeast('', rate, 20_000, ' items/s'), atLeast('share of COPY', share, 25, '%', (v) => v.toFixed(0))]
        : [],
    checkedEqual: null,
    notes: [
      `${measured.length} calls of 1,000 items (${(1000 / perOrder).toFixed(0)} orders each) after ${clients} warm-up calls; ` +
        `a call took p50 ${callLatency.p50.toFixed(0)} ms, p95 ${callLatency.p95.toFixed(0)} ms`,
    ],
  };
}
