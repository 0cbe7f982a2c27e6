/**
 * Storing orders set-based: every order of a call, one or a thousand, goes in with one statement
 * (requests, their items and their `request_received` events, from arrays by `unnest`), then the
 * rollups for all of them at once. Batches are idempotent by key: the key's row is inserted first
 * in the batch's transaction, so that a second call with the same key waits on the unique index
 * and then answers as the first did, or refuses.
 */
import { randomUUID } from 'node:crypto';
import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import { WritError } from '../domain/errors.js';
import type { StoredOrder } from '../domain/intake.js';
import type { Actor, Authority } from '../domain/request.js';
import type { Db } from './connection.js';
import { insertDataParticulars } from './data-requests-repository.js';
import type { Tx } from './request-rows.js';
import { applyRollups } from './rollups.js';
import { authorities, type BatchAnswerRecord, intakeBatches } from './schema/index.js';

/**
 * What the authority channel adds to an order (issue 10): the particulars its regime may require,
 * what is missing of them, and the status and stopped clock that follow. Absent on other paths,
 * whose orders are stored as before.
 */
export type OrderParticularColumns = {
  signer?: string | null;
  statementOfReasons?: string | null;
  requestedScope?: readonly string[];
  redress?: string | null;
  language?: string | null;
  missingElements?: readonly { element: string; reason: string }[];
  clockPausedAt?: Date | null;
  /** `received` unless elements are missing (`needs_clarification`). */
  status?: 'received' | 'needs_clarification';
};

/** What an order became, as the batch's answer gives it. */
export type ReceivedOrder = { id: string; reference: string; dueAt: Date };

/** An order as stored: its new ids, the reference the database gave it, its authority and its first event. */
export type InsertedOrder = {
  id: string;
  reference: string;
  itemIds: string[];
  authority: Authority;
  event: { id: number; after: Record<string, unknown> };
};

/** One array parameter (`$1::uuid[]`); drizzle would spread a plain array into a list. */
const array = (values: readonly unknown[], type: string): SQL => sql`${sql.param(values)}::${sql.raw(type)}[]`;

/**
 * Inserts the orders with their items and `request_received` events in one statement, in the order
 * given (references, from the column default, ascend in that order). An order whose authority is not
 * registered is left out, with its items: the caller compares what came back with what it sent.
 * The rollups are the caller's to apply, in the same transaction.
 */
export async function insertOrders(
  tx: Pick<Tx, 'execute' | 'insert'>,
  orders: readonly (StoredOrder & OrderParticularColumns)[],
  actor: Actor | null,
  at: Date,
  /** The authority's officer who submitted the orders (authority channel), recorded on the event. */
  officerId: string | null = null,
): Promise<InsertedOrder[]> {
  if (orders.length === 0) return [];
  const ids = orders.map(() => randomUUID());
  const itemIds = orders.map((o) => o.items.map(() => randomUUID()));
  // What the single path has always recorded on receipt; the reference is added by the statement.
  const afters = orders.map((o) =>
    JSON.stringify({
      kind: o.kind,
      channel: o.channel,
      items: o.items.length,
      dueAt: o.dueAt,
      dueBasis: o.dueBasis,
      regimeId: o.regimeId,
      category: o.category,
      deadlineRuleId: o.deadlineRuleId,
      deadlineRuleVersion: o.deadlineRuleVersion,
      ...(o.status && o.status !== 'received' ? { status: o.status } : {}),
      ...(o.missingElements?.length ? { missingElements: o.missingElements } : {}),
      ...(o.clockPausedAt ? { clockPausedAt: o.clockPausedAt } : {}),
      ...(o.dataRequest ? { legalProcess: o.dataRequest.legalProcess, accounts: o.dataRequest.accounts.length } : {}),
    }),
  );
  const items = orders.flatMap((o, n) => o.items.map((item, position) => ({ ...item, id: itemIds[n]![position]!, n, position })));
  const actorId = actor?.id ?? null;

  // Each column of the statement's input once: its name, its type, and where it comes from.
  const orderColumns: [string, string, (o: StoredOrder & OrderParticularColumns, n: number) => unknown][] = [
    ['id', 'uuid', (_, n) => ids[n]],
    ['kind', 'request_kind', (o) => o.kind],
    ['authority_id', 'uuid', (o) => o.authorityId],
    ['received_at', 'timestamptz', (o) => o.receivedAt.toISOString()],
    ['authority_time_zone', 'text', (o) => o.authorityTimeZone],
    ['legal_basis', 'text', (o) => o.legalBasis],
    // An array per order cannot go through unnest (it would flatten them all): a JSON array each.
    ['claimed_categories', 'jsonb', (o) => JSON.stringify(o.claimedCategories)],
    ['channel', 'request_channel', (o) => o.channel],
    ['authority_reference', 'text', (o) => o.authorityReference],
    ['due_at', 'timestamptz', (o) => o.dueAt.toISOString()],
    ['due_basis', 'text', (o) => o.dueBasis],
    ['regime_id', 'text', (o) => o.regimeId],
    ['category', 'text', (o) => o.category],
    ['period_set_in_order_hours', 'float8', (o) => o.periodSetInOrderHours],
    ['deadline_basis', 'deadline_basis', (o) => o.deadlineBasis],
    ['deadline_rule_id', 'text', (o) => o.deadlineRuleId],
    ['deadline_rule_version', 'int', (o) => o.deadlineRuleVersion],
    ['deadline_rule', 'jsonb', (o) => (o.deadlineRule ? JSON.stringify(o.deadlineRule) : null)],
    ['is_demo', 'bool', (o) => o.isDemo ?? false],
    ['after', 'jsonb', (_, n) => afters[n]],
    ['status', 'request_status', (o) => o.status ?? 'received'],
    ['signer', 'text', (o) => o.signer ?? null],
    ['statement_of_reasons', 'text', (o) => o.statementOfReasons ?? null],
    // Like claimed_categories: a JSON array each (null: none stated).
    ['requested_scope', 'jsonb', (o) => (o.requestedScope ? JSON.stringify(o.requestedScope) : null)],
    ['redress', 'text', (o) => o.redress ?? null],
    ['language', 'text', (o) => o.language ?? null],
    ['missing_elements', 'jsonb', (o) => JSON.stringify(o.missingElements ?? [])],
    ['clock_paused_at', 'timestamptz', (o) => o.clockPausedAt?.toISOString() ?? null],
  ];
  const itemColumns: [string, string, (i: (typeof items)[number]) => unknown][] = [
    ['id', 'uuid', (i) => i.id],
    ['request_id', 'uuid', (i) => ids[i.n]],
    ['position', 'int', (i) => i.position],
    ['target_kind', 'target_kind', (i) => i.targetKind],
    ['target', 'text', (i) => i.target],
    ['product', 'text', (i) => i.product],
  ];
  const unnest = <T>(rows: readonly T[], columns: [string, string, (row: T, n: number) => unknown][]) =>
    sql`unnest(${sql.join(
      columns.map(([, type, pick]) => array(rows.map(pick), type)),
      sql`, `,
    )})`;
  const names = (columns: [string, ...unknown[]][]) => sql.raw(columns.map(([name]) => name).join(', '));

  const result = await tx.execute<{
    id: string;
    reference: string;
    event_id: string | number;
    authority_id: string;
    country: string;
    name: string;
    kind: Authority['kind'];
    time_zone: string | null;
    is_demo: boolean;
  }>(sql`
    WITH o AS (
      SELECT * FROM ${unnest(orders, orderColumns)} WITH ORDINALITY AS o(${names(orderColumns)}, n)
    ),
    r AS (
      INSERT INTO requests (id, kind, authority_id, received_at, authority_time_zone, legal_basis, claimed_categories,
                            channel, authority_reference, due_at, due_basis, regime_id, category, period_set_in_order_hours,
                            deadline_basis, deadline_rule_id, deadline_rule_version, deadline_rule, is_demo, created_by,
                            status, signer, statement_of_reasons, requested_scope, redress, language, missing_elements,
                            clock_paused_at)
      SELECT o.id, o.kind, o.authority_id, o.received_at, o.authority_time_zone, o.legal_basis,
             ARRAY(SELECT jsonb_array_elements_text(o.claimed_categories)), o.channel, o.authority_reference, o.due_at,
             o.due_basis, o.regime_id, o.category, o.period_set_in_order_hours, o.deadline_basis, o.deadline_rule_id,
             o.deadline_rule_version, o.deadline_rule, o.is_demo, ${actorId}::uuid,
             o.status, o.signer, o.statement_of_reasons,
             CASE WHEN o.requested_scope IS NULL THEN NULL
                  ELSE ARRAY(SELECT jsonb_array_elements_text(o.requested_scope))::char(2)[] END,
             o.redress, o.language, o.missing_elements, o.clock_paused_at
      FROM o JOIN authorities a ON a.id = o.authority_id
      ORDER BY o.n
      RETURNING id, reference, authority_id
    ),
    i AS (
      INSERT INTO items (${names(itemColumns)})
      SELECT t.* FROM ${unnest(items, itemColumns)} AS t(${names(itemColumns)})
      WHERE t.request_id IN (SELECT id FROM r)
    ),
    e AS (
      INSERT INTO events (request_id, type, actor_id, actor_officer_id, at, after)
      SELECT r.id, 'request_received', ${actorId}::uuid, ${officerId}::uuid, ${at.toISOString()}::timestamptz,
             o.after || jsonb_build_object('reference', r.reference)
      FROM r JOIN o ON o.id = r.id
      RETURNING id, request_id
    )
    SELECT r.id, r.reference, e.id AS event_id, a.id AS authority_id, a.country, a.name, a.kind, a.time_zone, a.is_demo
    FROM r JOIN e ON e.request_id = r.id JOIN authorities a ON a.id = r.authority_id`);

  const byId = new Map(result.rows.map((row) => [row.id, row]));
  // A data order's part (legal process, accounts): stored in the same transaction, for the orders inserted.
  await insertDataParticulars(
    tx,
    orders.flatMap((o, n) => (o.dataRequest && byId.has(ids[n]!) ? [{ requestId: ids[n]!, dataRequest: o.dataRequest }] : [])),
  );
  return ids.flatMap((id, n) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        id,
        reference: row.reference,
        itemIds: itemIds[n]!,
        authority: {
          id: row.authority_id,
          country: row.country,
          name: row.name,
          kind: row.kind,
          timeZone: row.time_zone,
          isDemo: row.is_demo,
        },
        event: { id: Number(row.event_id), after: { ...JSON.parse(afters[n]!), reference: row.reference } },
      },
    ];
  });
}

/** A batch's key, the hash of its orders in canonical form, and who sent it (null: the command line). */
export type BatchKey = { batchKey: string; bodyHash: string; sentBy: Actor | null };

export type StoredBatch = { replayed: boolean; requests: ReceivedOrder[] };

const fromRecord = (record: BatchAnswerRecord): ReceivedOrder[] =>
  record.requests.map((r) => ({ id: r.id, reference: r.reference, dueAt: new Date(r.dueAt) }));

export function intakeRepository(db: Db, now: () => Date = () => new Date()) {
  return {
    /**
     * Stores a batch all or nothing, once per key. `prepare` gets the countries of the batch's
     * authorities (undefined: not registered) and returns the orders to store, or throws to refuse
     * the batch; it runs only for a key not seen before. The same key and orders again: the first
     * answer, `replayed`. The same key with other orders, or from another sender: batch_key_reused.
     */
    async receiveBatch(
      key: BatchKey,
      authorityIds: readonly string[],
      prepare: (authorityCountry: (authorityId: string) => string | undefined) => StoredOrder[],
    ): Promise<StoredBatch> {
      return db.transaction(async (tx) => {
        const sentBy = key.sentBy?.id ?? null;
        // First, so that a concurrent call with the same key waits here until this one ends.
        const claimed = await tx
          .insert(intakeBatches)
          .values({ batchKey: key.batchKey, sentBy, bodyHash: key.bodyHash })
          .onConflictDoNothing()
          .returning({ batchKey: intakeBatches.batchKey });
        if (claimed.length === 0) {
          const [prior] = await tx.select().from(intakeBatches).where(eq(intakeBatches.batchKey, key.batchKey));
          if (!prior?.answer || prior.bodyHash !== key.bodyHash || prior.sentBy !== sentBy)
            throw new WritError(
              'batch_key_reused',
              prior && prior.sentBy !== sentBy
                ? `the batch key ${JSON.stringify(key.batchKey)} was used by another sender; send the orders under a key of your own`
                : `the batch key ${JSON.stringify(key.batchKey)} was used for other orders; send new orders under a new key`,
              'batchKey',
            );
          return { replayed: true, requests: fromRecord(prior.answer) };
        }

        const found =
          authorityIds.length === 0
            ? []
            : await tx
                .select({ id: authorities.id, country: authorities.country })
                .from(authorities)
                .where(inArray(authorities.id, [...authorityIds]));
        const countries = new Map(found.map((a) => [a.id, a.country]));
        const orders = prepare((id) => countries.get(id));

        const inserted = await insertOrders(tx, orders, key.sentBy, now());
        // prepare refuses an unregistered authority, so every order is there; this guards the promise.
        if (inserted.length !== orders.length) throw new Error('an order of the batch was not stored');
        await applyRollups(
          tx,
          inserted.map((r) => r.id),
          null,
        );
        const requests = inserted.map((r, n) => ({ id: r.id, reference: r.reference, dueAt: orders[n]!.dueAt }));
        const answer: BatchAnswerRecord = {
          requests: requests.map((r) => ({ ...r, dueAt: r.dueAt.toISOString() })),
        };
        await tx.update(intakeBatches).set({ answer }).where(eq(intakeBatches.batchKey, key.batchKey));
        return { replayed: false, requests };
      });
    },
  };
}
export type IntakeRepository = ReturnType<typeof intakeRepository>;

/** An order's channel particulars as a just-received request shows them (reviewers' answer to an intake). */
export const particularsOf = (o: StoredOrder & OrderParticularColumns) => ({
  signer: o.signer ?? null,
  statementOfReasons: o.statementOfReasons ?? null,
  language: o.language ?? null,
  requestedScope: o.requestedScope ? [...o.requestedScope] : null,
  redress: o.redress ?? null,
  missingElements: o.missingElements ? [...o.missingElements] : [],
  clockPausedAt: o.clockPausedAt ?? null,
  attachments: [],
  agency: null,
});
