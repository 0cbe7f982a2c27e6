/**
 * Figure c: the reviewers' queue as the UI asks for it — the open orders (received, in review,
 * needs clarification), soonest deadline first, the first 100 — over HTTP as a signed-in reviewer.
 * Baseline: the same repository's page without the open-queue index (dropped inside a transaction
 * that is rolled back) and with an exact count, which is how the queue read before issue 9. The two
 * pages must name the same orders in the same order. The notes give the page read by the repository
 * alone, and where the target is missed, the plans of the statements it runs.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { Db } from '../../src/db/connection.js';
import { queueRepository } from '../../src/db/queue-repository.js';
import * as schema from '../../src/db/schema/index.js';
import type { RequestFilter } from '../../src/domain/request.js';
import { openStatuses } from '../../src/domain/vocabulary.js';
import type { WritClient } from '../http.js';
import { count, step } from '../progress.js';
import { atMost, type Figure } from '../report.js';
import { repeat } from '../stats.js';

type Page = { requests: { id: string }[]; total: number; totalIsLowerBound?: boolean };

/** Runs `work` on one connection inside a transaction that is rolled back, whatever it did. */
async function rolledBack<T>(pool: pg.Pool, work: (db: Db, client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    return await work(drizzle(client, { schema }) as unknown as Db, client);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}

/** EXPLAIN (ANALYZE, BUFFERS) of each statement the repository runs for `filter`. */
async function plans(pool: pg.Pool, filter: RequestFilter): Promise<string[]> {
  const statements: { query: string; params: unknown[] }[] = [];
  const client = await pool.connect();
  try {
    const logged = drizzle(client, { schema, logger: { logQuery: (query, params) => statements.push({ query, params }) } });
    await queueRepository(logged as unknown as Db).list(filter);
    const found: string[] = [];
    for (const s of statements) {
      const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.query}`, s.params);
      found.push(`${s.query}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
    return found;
  } finally {
    client.release();
  }
}

export async function queueFigure(db: Db, pool: pg.Pool, client: WritClient, limit = 100): Promise<Figure> {
  const filter: RequestFilter = { status: [...openStatuses], limit, offset: 0 };
  const path = `/api/v1/requests?status=${openStatuses.join(',')}&limit=${limit}`;
  const page = await repeat(() => client.getJson<Page>(path), { warmup: 5, minRuns: 50, maxRuns: 1000, budgetMs: 3_000 });
  const repository = await repeat(() => queueRepository(db).list(filter), {
    warmup: 3,
    minRuns: 20,
    maxRuns: 500,
    budgetMs: 1_500,
  });
  const unindexed = await repeat(
    () =>
      rolledBack(pool, async (tx, c) => {
        await c.query('DROP INDEX requests_open_due_idx');
        return queueRepository(tx, { countCap: Number.MAX_SAFE_INTEGER }).list(filter);
      }),
    { warmup: 1, minRuns: 3, maxRuns: 10, budgetMs: 4_000 },
  );
  const open = unindexed.result.total;
  const found: string[] = [];
  const ids = page.result.requests.map((r) => r.id);
  const expected = unindexed.result.requests.map((r) => r.id);
  if (ids.join() !== expected.join())
    found.push(
      `the page names other orders than the read without the index: ${ids.slice(0, 3).join(', ')}… against ${expected.slice(0, 3).join(', ')}…`,
    );
  const total = page.result.total;
  if (page.result.totalIsLowerBound ? !(open > total) : open !== total)
    found.push(`total ${total}${page.result.totalIsLowerBound ? ' (a lower bound)' : ''}, but ${open} orders are open`);
  if (found.length)
    console.error(`\nbench: the queue's page differs from the read without the index:\n  ${found.join('\n  ')}\n`);
  const ratio = unindexed.latency.p50 / page.latency.p50;
  const target = atMost('p95', page.latency.p95, 10, 'ms');
  step(
    `queue: p95 ${page.latency.p95.toFixed(1)} ms among ${count(open)} open, without the index p50 ${unindexed.latency.p50.toFixed(0)} ms`,
  );
  return {
    id: 'queue',
    name: `reviewers' queue, top ${limit} of ${count(open)} open\nGET ${path}`,
    measured: { kind: 'latency', latency: page.latency },
    baseline: { name: 'without the open-queue index, exact count', measured: { kind: 'latency', latency: unindexed.latency } },
    ratio: { value: ratio, text: `${ratio.toFixed(0)}× faster` },
    targets: [target],
    checkedEqual: found.length === 0,
    notes: [
      `the repository alone (queueRepository.list in the bench's process, no HTTP): p50 ${repository.latency.p50.toFixed(2)} ms, ` +
        `p95 ${repository.latency.p95.toFixed(2)} ms`,
      ...found,
      ...(target.met ? [] : await plans(pool, filter)),
    ],
  };
}
