/**
 * Keeping the report's rollups exact (tables in src/db/schema/rollups.ts, SQL functions in
 * migration 0009). Every write that changes what a request contributes to a report — intake, a
 * decision, a status change, a new deadline — takes a snapshot of the request's contribution
 * before the change and applies the difference after it, in the same transaction, so that a
 * report is a lookup and never differs from a GROUP BY over the base tables.
 */
import { sql } from 'drizzle-orm';
import type { Db } from './connection.js';
import type { Tx } from './request-rows.js';

/** What some requests contribute to the rollups at a moment (opaque; hand it back to applyRollups). */
export type RollupSnapshot = { readonly report: unknown[]; readonly times: unknown[] };

type Runner = Pick<Tx, 'execute'>;

export async function rollupSnapshot(tx: Runner, requestIds: readonly string[]): Promise<RollupSnapshot> {
  const result = await tx.execute<{ snapshot: RollupSnapshot }>(
    sql`SELECT writ_rollup_snapshot(${toArray(requestIds)}) AS snapshot`,
  );
  return result.rows[0]!.snapshot;
}

/** Adds what the requests contribute now, less `before` (null for requests that are new). */
export async function applyRollups(tx: Runner, requestIds: readonly string[], before: RollupSnapshot | null): Promise<void> {
  if (requestIds.length === 0) return;
  await tx.execute(
    sql`SELECT writ_rollup_apply(${toArray(requestIds)}, ${before === null ? null : JSON.stringify(before)}::jsonb)`,
  );
}

/** Runs `change` on one request between a snapshot of its contribution and the application of the difference. */
export async function withRollups<T>(tx: Runner, requestId: string, change: () => Promise<T>): Promise<T> {
  const before = await rollupSnapshot(tx, [requestId]);
  const result = await change();
  await applyRollups(tx, [requestId], before);
  return result;
}

const toArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/**
 * Recomputes every rollup from the base tables, `batchSize` requests at a time, in one transaction
 * that holds the rollup tables exclusively: writers that change a request meanwhile wait, then
 * apply their change to the rebuilt figures. Reports wait too, and never see a partial rebuild.
 */
export async function rebuildRollups(
  db: Db,
  progress: (done: number, total: number) => void = () => undefined,
  batchSize = 20_000,
): Promise<{ requests: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE report_rollup, decision_time_rollup IN ACCESS EXCLUSIVE MODE`);
    await tx.execute(sql`TRUNCATE report_rollup, decision_time_rollup`);
    const [count] = (await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM requests`)).rows;
    const total = Number(count?.n ?? 0);
    let done = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    progress(0, total);
    for (;;) {
      const rows = (
        await tx.execute<{ id: string }>(sql`SELECT id FROM requests WHERE id > ${after}::uuid ORDER BY id LIMIT ${batchSize}`)
      ).rows;
      if (rows.length === 0) break;
      await applyRollups(
        tx,
        rows.map((r) => r.id),
        null,
      );
      after = rows[rows.length - 1]!.id;
      done += rows.length;
      progress(done, Math.max(total, done));
    }
    return { requests: done };
  });
}
