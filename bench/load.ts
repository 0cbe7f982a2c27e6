/**
 * Loading the generated data with COPY (pg-copy-streams), two chunks at a time on two connections,
 * then the rollups rebuilt by Writ's own rebuildRollups and the tables vacuumed and analysed, as
 * they would be on a server that has been running for a while.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { rebuildRollups } from '../src/db/rollups.js';
import type { ScratchDatabase } from './database.js';
import { type Chunk, copyValue, decisionColumns, generateChunks, itemColumns, requestColumns, type World } from './generate.js';
import type { Random } from './prng.js';
import { count, progress, step } from './progress.js';

/** COPY `text` (COPY text format) into `table`. */
export async function copyInto(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  text: string | Buffer,
): Promise<void> {
  if (!text) return;
  const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from([text]), stream);
}

export async function loadAuthorities(database: ScratchDatabase, world: World): Promise<void> {
  const text = world.authorities
    .map((a) => [a.id, a.country, a.name, a.kind, a.timeZone].map(copyValue).join('\t'))
    .join('\n')
    .concat('\n');
  const client = await database.pool.connect();
  try {
    await copyInto(client, 'authorities', ['id', 'country', 'name', 'kind', 'time_zone'], text);
  } finally {
    client.release();
  }
}

export type LoadResult = {
  requests: number;
  items: number;
  decisions: number;
  copySeconds: number;
  rollupSeconds: number;
  vacuumSeconds: number;
};

/**
 * Generates and loads `items` items; `reviewerId` decides the decided ones. The rollups are rebuilt
 * as `writ db rebuild-rollups` does, in rebuildRollups' own batches (20,000 requests): batches of
 * 100,000 were faster at 1 M items, but at 10 M a single one ran for more than 20 minutes, comparing
 * each row with the whole array of ids (a lossy bitmap's recheck, or a filter, of `= ANY($1)`).
 */
export async function loadDataset(
  database: ScratchDatabase,
  world: World,
  random: Random,
  { items: totalItems, reviewerId, rollupBatch }: { items: number; reviewerId: string; rollupBatch?: number },
): Promise<LoadResult> {
  const chunks = generateChunks(world, random, totalItems, reviewerId);
  const totals = { requests: 0, items: 0, decisions: 0 };
  const started = performance.now();
  const worker = async () => {
    const client = await database.pool.connect();
    // The generated rows are consistent by construction: the foreign keys' per-row checks (and the
    // row locks they take on the parent) are skipped while loading, as pg_restore does.
    await client.query('SET session_replication_role = replica');
    try {
      for (;;) {
        const next = chunks.next();
        if (next.done) return;
        const chunk: Chunk = next.value;
        await copyInto(client, 'requests', requestColumns, chunk.requests);
        await copyInto(client, 'items', itemColumns, chunk.items);
        await copyInto(client, 'decisions', decisionColumns, chunk.decisions);
        totals.requests += chunk.requestCount;
        totals.items += chunk.itemCount;
        totals.decisions += chunk.decisionCount;
        const rate = totals.items / ((performance.now() - started) / 1000);
        progress(`loading with COPY: ${count(totals.items)} / ${count(totalItems)} items (${count(rate)} items/s)`);
      }
    } finally {
      await client.query('RESET session_replication_role').catch(() => undefined);
      client.release();
    }
  };
  await Promise.all([worker(), worker()]);
  const copySeconds = (performance.now() - started) / 1000;
  step(
    `loaded ${count(totals.requests)} requests, ${count(totals.items)} items, ${count(totals.decisions)} decisions in ${copySeconds.toFixed(1)} s`,
  );

  const rollupStart = performance.now();
  await rebuildRollups(
    database.db,
    (done, total) => progress(`rebuilding the rollups: ${count(done)} / ${count(total)} requests`),
    rollupBatch,
  );
  const rollupSeconds = (performance.now() - rollupStart) / 1000;
  step(`rollups rebuilt in ${rollupSeconds.toFixed(1)} s`);

  const vacuumStart = performance.now();
  progress('VACUUM ANALYZE');
  await database.pool.query('VACUUM (ANALYZE) requests, items, decisions, authorities, report_rollup, decision_time_rollup');
  const vacuumSeconds = (performance.now() - vacuumStart) / 1000;
  step(`vacuumed and analysed in ${vacuumSeconds.toFixed(1)} s`);
  return { ...totals, copySeconds, rollupSeconds, vacuumSeconds };
}
