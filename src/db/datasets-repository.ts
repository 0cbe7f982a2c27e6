/**
 * Storing imports of published datasets. One import is one transaction: under a per-source lock it
 * checks the content hash (the same files twice change nothing), plans which parts and periods the
 * new vintage replaces (src/domain/datasets/vintages.ts), deletes those rows and inserts the new
 * ones set-based (json_to_recordset, thousands of rows per statement), then records coverage and
 * the import. A failure anywhere rolls everything back, so earlier imports stay untouched.
 */
import { sql } from 'drizzle-orm';
import type { DatasetSource, DataWarning, PartPeriod } from '../domain/datasets/sources.js';
import { type Holding, planReplacement, type ReplacementPlan, storedUnder } from '../domain/datasets/vintages.js';
import { notFound } from '../domain/errors.js';
import type { Db } from './connection.js';
import { batchesFor, type DatasetRows, deleteReplaced, json, type Tx } from './dataset-tables.js';

export type { DatasetRows } from './dataset-tables.js';

export type ImportedFile = { name: string; role: string; sha256: string; bytes: number; rowsRead: number };

export type NewImport = {
  source: DatasetSource;
  vintage: string;
  contentHash: string;
  files: ImportedFile[];
  rowsRead: number;
  warnings: DataWarning[];
  coverage: PartPeriod[];
  data: DatasetRows;
};

export type StoredImport = {
  id: string;
  source: DatasetSource;
  vintage: string;
  files: ImportedFile[];
  rowsRead: number;
  rowsStored: number;
  warnings: DataWarning[];
  periodsReplaced: PartPeriod[];
  periodsKept: Holding[];
  importedAt: string;
};

export type StoreProgress = (done: number, total: number) => void;

type ImportRow = {
  id: string;
  source: DatasetSource;
  vintage: string;
  files: ImportedFile[];
  rows_read: number;
  rows_stored: number;
  warnings: DataWarning[];
  periods_replaced: PartPeriod[];
  periods_kept: Holding[];
  imported_at: Date | string;
};

const toStoredImport = (r: ImportRow): StoredImport => ({
  id: r.id,
  source: r.source,
  vintage: r.vintage,
  files: r.files,
  rowsRead: r.rows_read,
  rowsStored: r.rows_stored,
  warnings: r.warnings,
  periodsReplaced: r.periods_replaced,
  periodsKept: r.periods_kept,
  importedAt: new Date(r.imported_at).toISOString(),
});

export function datasetsRepository(db: Db) {
  const findImport = async (runner: Db | Tx, source: DatasetSource, contentHash: string) => {
    const found = await runner.execute<ImportRow>(
      sql`SELECT * FROM dataset_imports WHERE source = ${source} AND content_hash = ${contentHash}`,
    );
    return found.rows[0] ? toStoredImport(found.rows[0]) : undefined;
  };

  return {
    /** The earlier import of exactly these files, if any. */
    findImport: (source: DatasetSource, contentHash: string) => findImport(db, source, contentHash),

    /**
     * Stores an import in one transaction. Returns the stored import and whether anything changed
     * (`unchanged` when the same files were imported before).
     */
    async storeImport(
      input: NewImport,
      progress?: StoreProgress,
    ): Promise<{ stored: StoredImport; unchanged: boolean; plan: ReplacementPlan }> {
      return db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`writ.datasets.${input.source}`}))`);
        const earlier = await findImport(tx, input.source, input.contentHash);
        if (earlier) return { stored: earlier, unchanged: true, plan: { replace: [], add: [], keep: [] } };

        const held = await tx.execute<Holding>(
          sql`SELECT part, period, vintage FROM dataset_coverage WHERE source = ${input.source}`,
        );
        const plan = planReplacement(held.rows, input.coverage, input.vintage);
        const batches = batchesFor(input.data, storedUnder(plan));
        const rowsStored = batches.reduce((s, b) => s + b.rows, 0);
        const inserted = await tx.execute<{ id: string }>(sql`
          INSERT INTO dataset_imports (source, vintage, content_hash, files, rows_read, rows_stored, warnings, periods_replaced, periods_kept)
          VALUES (${input.source}, ${input.vintage}, ${input.contentHash}, ${JSON.stringify(input.files)}::jsonb, ${input.rowsRead},
                  ${rowsStored}, ${JSON.stringify(input.warnings)}::jsonb, ${JSON.stringify(plan.replace)}::jsonb, ${JSON.stringify(plan.keep)}::jsonb)
          RETURNING id`);
        const importId = inserted.rows[0]!.id;

        await deleteReplaced(tx, plan.replace);
        let done = 0;
        progress?.(0, rowsStored);
        for (const batch of batches) {
          await batch.run(tx, importId);
          done += batch.rows;
          progress?.(done, rowsStored);
        }
        const held2 = [...plan.replace, ...plan.add];
        if (held2.length)
          await tx.execute(sql`
            INSERT INTO dataset_coverage (source, part, period, import_id, vintage)
            SELECT ${input.source}, c.part, c.period, ${importId}::uuid, ${input.vintage}
            FROM json_to_recordset(${json(held2)}) AS c(part text, period text)
            ON CONFLICT (source, part, period) DO UPDATE SET import_id = excluded.import_id, vintage = excluded.vintage`);
        const stored = await findImport(tx, input.source, input.contentHash);
        return { stored: stored!, unchanged: false, plan };
      });
    },

    /** Every import, newest first (without their warnings). */
    async imports(source?: DatasetSource): Promise<(Omit<StoredImport, 'warnings'> & { warningCount: number })[]> {
      const filter = source ? sql`WHERE source = ${source}` : sql``;
      const result = await db.execute<ImportRow & { warning_count: number }>(sql`
        SELECT id, source, vintage, files, rows_read, rows_stored, '[]'::jsonb AS warnings, periods_replaced, periods_kept,
               imported_at, jsonb_array_length(warnings)::int AS warning_count
        FROM dataset_imports ${filter} ORDER BY imported_at DESC, id`);
      return result.rows.map((r) => {
        const { warnings: _, ...rest } = toStoredImport(r);
        return { ...rest, warningCount: r.warning_count };
      });
    },

    async importById(id: string): Promise<StoredImport> {
      const result = await db.execute<ImportRow>(sql`SELECT * FROM dataset_imports WHERE id = ${id}`);
      if (!result.rows[0]) throw notFound('dataset import', id);
      return toStoredImport(result.rows[0]);
    },

    /** Per source: the periods covered, the newest vintage held and how many countries appear. */
    async coverage(): Promise<{ source: DatasetSource; periods: string[]; vintage: string }[]> {
      const result = await db.execute<{ source: DatasetSource; periods: string[]; vintage: string }>(sql`
        SELECT source, array_agg(DISTINCT period ORDER BY period) AS periods, max(vintage) AS vintage
        FROM dataset_coverage GROUP BY source ORDER BY source`);
      return result.rows;
    },

    /** The periods each part of a source covers. */
    async coveredParts(source: DatasetSource): Promise<Map<string, string[]>> {
      const result = await db.execute<{ part: string; periods: string[] }>(sql`
        SELECT part, array_agg(period ORDER BY period) AS periods FROM dataset_coverage WHERE source = ${source} GROUP BY part`);
      return new Map(result.rows.map((r) => [r.part, r.periods]));
    },

    async coveredPeriods(source: DatasetSource): Promise<string[]> {
      const result = await db.execute<{ period: string }>(
        sql`SELECT DISTINCT period FROM dataset_coverage WHERE source = ${source} ORDER BY period`,
      );
      return result.rows.map((r) => r.period);
    },
  };
}
export type DatasetsRepository = ReturnType<typeof datasetsRepository>;
