/**
 * Orders received many at a time: a batch from a platform's system (POST /api/v1/requests/batch)
 * or a chunk of an NDJSON import (`writ import orders`, src/app/order-import.ts). Every order passes
 * the single path's checks (checkOrder, src/domain/intake.ts); a batch is stored all or nothing, in
 * one transaction, once per key (src/db/intake-repository.ts).
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { batchEntries, batchLimits } from '../contracts/batches.js';
import type { DataRequestInput } from '../contracts/data-requests.js';
import type { newRequestSchema } from '../contracts/requests.js';
import type { ReceivedOrder } from '../db/intake-repository.js';
import type { DataRequestParticulars } from '../domain/data-request.js';
import { WritError } from '../domain/errors.js';
import { checkOrders, type IntakeRules, type OrderProblem, type StoredOrder } from '../domain/intake.js';
import type { Actor } from '../domain/request.js';
import type { Writ } from './context.js';
import type { OrderToRecord } from './requests.js';

/** A data order's part as the contract has it, in the domain's words (instants as dates, absent as null). */
export function dataRequestFromBody(d: DataRequestInput): DataRequestParticulars {
  const date = (v: string | undefined) => (v ? new Date(v) : null);
  return {
    legalProcess: d.legalProcess,
    accounts: d.accounts.map((a) => ({
      identifierKind: a.identifierKind,
      identifier: a.identifier,
      from: date(a.from),
      to: date(a.to),
    })),
    categories: d.categories,
    dateFrom: date(d.dateFrom),
    dateTo: date(d.dateTo),
    nonDisclosureUntil: date(d.nonDisclosureUntil),
    emergency: d.emergency ?? null,
  };
}

/** One order as the API's contract has it: the body of POST /api/v1/requests, validated. */
export type OrderBody = z.output<typeof newRequestSchema>;

/** An order of the API's contract in the domain's words (its regime is the rule pack's id). */
export function orderFromBody(body: OrderBody): OrderToRecord {
  const { regime, category, periodSetInOrderHours, receivedAt, authorityReference, dataRequest, ...rest } = body;
  return {
    ...rest,
    dataRequest: dataRequest ? dataRequestFromBody(dataRequest) : null,
    receivedAt: receivedAt ? new Date(receivedAt) : null,
    authorityReference: authorityReference ?? null,
    regimeId: regime ?? null,
    category: category ?? null,
    periodSetInOrderHours: periodSetInOrderHours ?? null,
  };
}

/** A field as a batch's problems name it: `orders[3].items[0].target` (from `orders`, 3, `items/0/target`). */
export function fieldPath(segments: readonly (string | number)[]): string {
  const parts = segments.flatMap((s): (string | number)[] => (typeof s === 'number' ? [s] : s.split('/').filter(Boolean)));
  return parts.map((s, n) => (typeof s === 'number' || /^\d+$/.test(s) ? `[${s}]` : n === 0 ? s : `.${s}`)).join('');
}

/**
 * Why some orders cannot be taken as one batch, or null. An order alone may have as many items as
 * a single order may (an import gives it a batch of its own); over HTTP the contract holds a call
 * to 1,000 items. A data order's accounts count as its items.
 */
export function batchSizeProblem(orders: readonly Parameters<typeof batchEntries>[0][]): string | null {
  if (orders.length === 0) return 'a batch holds at least one order';
  if (orders.length > batchLimits.orders)
    return `a batch holds at most ${batchLimits.orders} orders; this one has ${orders.length}`;
  const items = orders.reduce((n, o) => n + batchEntries(o), 0);
  if (orders.length > 1 && items > batchLimits.items)
    return `a batch holds at most ${batchLimits.items} items in all; this one has ${items}`;
  return null;
}

/** The orders in one canonical form (keys sorted, instants in UTC, absent fields left out). */
function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  return value;
}

/** SHA-256 (hex) of a batch's orders in canonical form: what makes a second call "the same batch". */
export function batchHash(orders: readonly OrderToRecord[]): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(orders)))
    .digest('hex');
}

type IntakeContext = Pick<Writ, 'rules' | 'config' | 'now'>;

const intakeRules = (writ: IntakeContext): IntakeRules => ({
  now: writ.now,
  rules: writ.rules,
  policy: writ.config.policyTargets,
});

/**
 * The single path's checks on each order (src/domain/intake.ts checkOrders), a receipt time left
 * out being now; `authorityCountry` knows the authorities (undefined: not registered).
 */
export function checkBatchOrders(
  writ: IntakeContext,
  orders: readonly OrderToRecord[],
  authorityCountry: (authorityId: string) => string | undefined,
): { orders: StoredOrder[]; problems: OrderProblem[] } {
  const now = writ.now();
  return checkOrders(
    orders.map((o) => ({ ...o, receivedAt: o.receivedAt ?? now })),
    intakeRules(writ),
    authorityCountry,
  );
}

/** How many of a refused batch's problems the answer lists. */
const LISTED_PROBLEMS = 100;

function refusal(problems: readonly OrderProblem[]): WritError {
  const errors = problems
    .slice(0, LISTED_PROBLEMS)
    .map((p) => ({ field: fieldPath(['orders', p.order, p.field]), message: p.message }));
  const first = errors[0]!;
  const more = problems.length - 1;
  return new WritError(
    'validation_failed',
    `${first.field}: ${first.message}${more > 0 ? ` (and ${more} more ${more === 1 ? 'problem' : 'problems'}; nothing was stored)` : ''}`,
    first.field,
    errors,
  );
}

export type OrderBatch = { batchKey: string; orders: readonly OrderToRecord[] };

/** What a batch created, in the order sent; `replayed` when it was received before and nothing was created now. */
export type BatchAnswer = { batchKey: string; replayed: boolean; requests: ReceivedOrder[] };

/**
 * Receives a batch of orders: every order checked as the single path checks it, then all stored in
 * one transaction, or none (a problem names each order's field: `orders[3].receivedAt`). The same key
 * and orders again answer as the first call did; the same key with other orders is refused.
 */
export async function receiveBatch(
  writ: IntakeContext & Pick<Writ, 'intake'>,
  batch: OrderBatch,
  actor: Actor | null,
): Promise<BatchAnswer> {
  const tooLarge = batchSizeProblem(batch.orders);
  if (tooLarge) throw new WritError('validation_failed', tooLarge, 'orders');
  const stored = await writ.intake.receiveBatch(
    { batchKey: batch.batchKey, bodyHash: batchHash(batch.orders), sentBy: actor },
    [...new Set(batch.orders.map((o) => o.authorityId))],
    (authorityCountry) => {
      const { orders, problems } = checkBatchOrders(writ, batch.orders, authorityCountry);
      if (problems.length > 0) throw refusal(problems);
      return orders;
    },
  );
  return { batchKey: batch.batchKey, ...stored };
}
