/**
 * How each kind of published row maps onto its table, and the set-based statements that store and
 * replace them: rows go in 4,000 at a time as one JSON parameter (json_to_recordset), and a part's
 * periods are deleted in one statement. Used inside datasets-repository.ts's import transaction.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { GoogleProductRow, GoogleRequesterRow, GoogleSummaryRow } from '../domain/datasets/google-archive.js';
import type { GoogleJsonRow } from '../domain/datasets/google-json.js';
import type { MetaRow } from '../domain/datasets/meta-requests.js';
import type { MetaRestrictionRow } from '../domain/datasets/meta-restrictions.js';
import { disruptionsPart, jsonPart, metaPart, type PartPeriod, restrictionsPart } from '../domain/datasets/sources.js';
import type { Db } from './connection.js';

export type DatasetRows =
  | {
      source: 'google-removals';
      productRows: GoogleProductRow[];
      requesterRows: GoogleRequesterRow[];
      summaryRows: GoogleSummaryRow[];
    }
  | { source: 'google-removals-json'; rows: GoogleJsonRow[] }
  | { source: 'meta-data-requests'; rows: MetaRow[] }
  | { source: 'meta-content-restrictions'; rows: MetaRestrictionRow[] };

type Column<R> = [name: string, type: string, value: (row: R) => unknown];
type TableSpec<R> = { table: string; part: (row: R) => string; columns: Column<R>[] };

const place = <R extends { period: string; country: string; countryName: string; line: number }>(): Column<R>[] => [
  ['period', 'text', (r) => r.period],
  ['country', 'text', (r) => r.country],
  ['country_name', 'text', (r) => r.countryName],
  ['line', 'int', (r) => r.line],
];

const productSpec: TableSpec<GoogleProductRow> = {
  table: 'google_removals_by_product',
  part: (r) => r.part,
  columns: [
    ['part', 'text', (r) => r.part],
    ...place<GoogleProductRow>(),
    ['product', 'text', (r) => r.product],
    ['reason', 'text', (r) => r.reason],
    ['requests', 'int', (r) => r.requests],
    ['court_orders', 'int', (r) => r.courtOrders],
    ['executive_requests', 'int', (r) => r.executiveRequests],
    ['items', 'int', (r) => r.items],
  ],
};

const percentColumns = [
  'removed_legal_pct',
  'removed_policy_pct',
  'content_not_found_pct',
  'not_enough_information_pct',
  'no_action_taken_pct',
  'content_already_removed_pct',
];
const requesterSpec: TableSpec<GoogleRequesterRow> = {
  table: 'google_removals_by_requester',
  part: () => 'requester',
  columns: [
    ...place<GoogleRequesterRow>(),
    ['requester', 'text', (r) => r.requester],
    ['requests', 'int', (r) => r.requests],
    ['items', 'int', (r) => r.items],
    ...percentColumns.map((name, i): Column<GoogleRequesterRow> => [name, 'smallint', (r) => r.percents[i]]),
  ],
};

const summarySpec: TableSpec<GoogleSummaryRow> = {
  table: 'google_removals_summary',
  part: () => 'historical-summary',
  columns: [
    ...place<GoogleSummaryRow>(),
    ['requests', 'int', (r) => r.requests],
    ['requests_as_published', 'text', (r) => r.requestsAsPublished],
    ['complied_pct', 'smallint', (r) => r.compliedPct],
    ['items', 'int', (r) => r.items],
    ['items_as_published', 'text', (r) => r.itemsAsPublished],
    ['court_requests', 'int', (r) => r.courtRequests],
    ['court_items', 'int', (r) => r.courtItems],
    ['other_requests', 'int', (r) => r.otherRequests],
    ['other_items', 'int', (r) => r.otherItems],
  ],
};

const outcomeColumns = [
  'removed_legal',
  'removed_policy',
  'content_not_found',
  'not_enough_information',
  'no_action_taken',
  'content_already_removed',
];
const jsonSpec: TableSpec<GoogleJsonRow> = {
  table: 'google_removals_json_rows',
  part: () => jsonPart,
  columns: [
    ...place<GoogleJsonRow>(),
    ['requester', 'text', (r) => r.requester],
    ['product', 'text', (r) => r.product],
    ['reason', 'text', (r) => r.reason],
    ['requests', 'int', (r) => r.requests],
    ['items', 'int', (r) => r.items],
    ...outcomeColumns.map((name, i): Column<GoogleJsonRow> => [name, 'int', (r) => r.outcomes[i]]),
  ],
};

const metaSpec: TableSpec<MetaRow> = {
  table: 'meta_data_requests',
  part: () => metaPart,
  columns: [
    ...place<MetaRow>(),
    ['layout', 'text', (r) => r.layout],
    ['requests', 'int', (r) => r.requests],
    ['requests_as_published', 'text', (r) => r.requestsAsPublished],
    ['requests_some_data', 'int', (r) => r.requestsSomeData],
    ['accounts', 'int', (r) => r.accounts],
    ['accounts_as_published', 'text', (r) => r.accountsAsPublished],
    ['some_data_pct', 'smallint', (r) => r.someDataPct],
    ['legal_requests', 'int', (r) => r.legalRequests],
    ['legal_accounts', 'int', (r) => r.legalAccounts],
    ['emergency_requests', 'int', (r) => r.emergencyRequests],
    ['emergency_accounts', 'int', (r) => r.emergencyAccounts],
    ['preservation_requests', 'int', (r) => r.preservationRequests],
    ['preservation_accounts', 'int', (r) => r.preservationAccounts],
  ],
};

const restrictionsSpec: TableSpec<MetaRestrictionRow> = {
  table: 'meta_content_restrictions',
  part: (r) => r.part,
  columns: [
    ['part', 'text', (r) => r.part],
    ...place<MetaRestrictionRow>(),
    ['items', 'int', (r) => r.items],
    ['items_as_published', 'text', (r) => r.itemsAsPublished],
    ['by_product', 'jsonb', (r) => r.byProduct],
    ['internet_disruptions', 'int', (r) => r.internetDisruptions],
  ],
};

/** Where each part's rows live, and how to pick one part's rows out of a shared table. */
const partTables: Record<string, { table: string; partColumn: boolean }> = {
  'product-reason': { table: productSpec.table, partColumn: true },
  'historical-product-reason': { table: productSpec.table, partColumn: true },
  requester: { table: requesterSpec.table, partColumn: false },
  'historical-summary': { table: summarySpec.table, partColumn: false },
  [jsonPart]: { table: jsonSpec.table, partColumn: false },
  [metaPart]: { table: metaSpec.table, partColumn: false },
  [restrictionsPart]: { table: restrictionsSpec.table, partColumn: true },
  [disruptionsPart]: { table: restrictionsSpec.table, partColumn: true },
};

const batchSize = 4000;
export const json = (value: unknown) => sql`${JSON.stringify(value)}::json`;

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Batch = { run: (tx: Tx, importId: string) => Promise<void>; rows: number };

function insertBatches<R>(spec: TableSpec<R>, rows: R[], keep: (part: string, period: string) => boolean): Batch[] {
  const selected = rows.filter((r) => keep(spec.part(r), (r as { period: string }).period));
  const names = spec.columns.map(([name]) => name).join(', ');
  const definition = spec.columns.map(([name, type]) => `${name} ${type}`).join(', ');
  const batches: Batch[] = [];
  for (let i = 0; i < selected.length; i += batchSize) {
    const chunk = selected.slice(i, i + batchSize);
    const records = chunk.map((r) => Object.fromEntries(spec.columns.map(([name, , value]) => [name, value(r)])));
    batches.push({
      rows: chunk.length,
      run: async (tx, importId) => {
        await tx.execute(
          sql`INSERT INTO ${sql.raw(spec.table)} (import_id, ${sql.raw(names)})
              SELECT ${importId}::uuid, ${sql.raw(names)} FROM json_to_recordset(${json(records)}) AS r(${sql.raw(definition)})`,
        );
      },
    });
  }
  return batches;
}

export function batchesFor(data: DatasetRows, keep: (part: string, period: string) => boolean): Batch[] {
  switch (data.source) {
    case 'google-removals':
      return [
        ...insertBatches(productSpec, data.productRows, keep),
        ...insertBatches(requesterSpec, data.requesterRows, keep),
        ...insertBatches(summarySpec, data.summaryRows, keep),
      ];
    case 'google-removals-json':
      return insertBatches(jsonSpec, data.rows, keep);
    case 'meta-data-requests':
      return insertBatches(metaSpec, data.rows, keep);
    case 'meta-content-restrictions':
      return insertBatches(restrictionsSpec, data.rows, keep);
  }
}

export async function deleteReplaced(tx: Tx, replaced: PartPeriod[]) {
  const byPart = new Map<string, string[]>();
  for (const p of replaced) byPart.set(p.part, [...(byPart.get(p.part) ?? []), p.period]);
  for (const [part, periods] of byPart) {
    const target = partTables[part];
    if (!target) throw new Error(`no table for part ${part}`);
    const partFilter: SQL = target.partColumn ? sql` AND part = ${part}` : sql``;
    await tx.execute(
      sql`DELETE FROM ${sql.raw(target.table)} WHERE period IN (SELECT json_array_elements_text(${json(periods)}))${partFilter}`,
    );
  }
}
