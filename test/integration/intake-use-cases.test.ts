/**
 * Batch intake's use case itself (src/app/intake.ts), without the API's contract in front of it: the
 * import (src/app/order-import.ts) calls it with batches no schema has bounded, so its own limits
 * must hold; the same orders, however their fields are ordered, are the same batch, while other
 * orders under the key are refused; a refused batch names every problem, up to 100 of them.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchHash, batchSizeProblem, fieldPath, orderFromBody, receiveBatch } from '../../src/app/intake.js';
import type { OrderToRecord } from '../../src/app/requests.js';
import { newRequestSchema } from '../../src/contracts/requests.js';
import { newRequestBody } from '../support/app.js';
import { rowCounts } from '../support/database.js';
import { createTestWrit, writErrorOf as refusal, type TestWrit, testAuthority } from '../support/writ.js';

let t: TestWrit;
let kz: string;
beforeAll(async () => {
  t = await createTestWrit({ now: () => new Date('2026-06-01T00:00:00Z') });
  kz = (await testAuthority(t)).id;
});
afterAll(async () => t?.close());

let keys = 0;
const newKey = () => `use-case-batch-${++keys}`;

/** An order as the contract gives it to the use case, with `items` items (targets unique per `tag`). */
function order(items: number, tag: string, overrides: Record<string, unknown> = {}): OrderToRecord {
  return orderFromBody(
    newRequestSchema.parse(
      newRequestBody(kz, {
        receivedAt: '2026-03-10T12:00:00Z',
        authorityReference: `REF-${tag}`,
        items: Array.from({ length: items }, (_, n) => ({
          targetKind: 'url',
          target: `https://video.example/${tag}/${n}`,
          product: 'Video',
        })),
        ...overrides,
      }),
    ),
  );
}

/** The same value with every object's keys in the reverse order (arrays and dates kept as they are). */
function reversedKeys<T>(value: T): T {
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(reversedKeys) as T;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  ) as T;
}

describe('fieldPath', () => {
  it('brackets only whole-number segments; a segment that merely starts or ends with digits is a name', () => {
    expect(fieldPath(['orders', 3, 'items/0/target'])).toBe('orders[3].items[0].target');
    expect(fieldPath(['orders', 'items/12/x1/2y'])).toBe('orders.items[12].x1.2y');
  });
});

describe('receiveBatch: its own size limits (no schema in front of it)', () => {
  it('refuses a batch of no order, naming `orders`, and writes nothing', async () => {
    const before = await rowCounts(t.database.pool);
    const error = await refusal(receiveBatch(t.writ, { batchKey: newKey(), orders: [] }, null));
    expect({ code: error.code, field: error.field, message: error.message }).toEqual({
      code: 'validation_failed',
      field: 'orders',
      message: 'a batch holds at least one order',
    });
    expect(await rowCounts(t.database.pool)).toEqual(before);
  });

  it('refuses 1,001 orders, naming `orders`', async () => {
    const one = order(1, 'many');
    const error = await refusal(receiveBatch(t.writ, { batchKey: newKey(), orders: Array(1001).fill(one) }, null));
    expect({ code: error.code, field: error.field }).toEqual({ code: 'validation_failed', field: 'orders' });
    expect(error.message).toContain('at most 1000 orders; this one has 1001');
  });

  it('refuses two orders of 1,001 items in all, and writes nothing', async () => {
    const before = await rowCounts(t.database.pool);
    const error = await refusal(
      receiveBatch(t.writ, { batchKey: newKey(), orders: [order(501, 'over-a'), order(500, 'over-b')] }, null),
    );
    expect({ code: error.code, field: error.field }).toEqual({ code: 'validation_failed', field: 'orders' });
    expect(error.message).toContain('at most 1000 items in all; this one has 1001');
    expect(await rowCounts(t.database.pool)).toEqual(before);
  });

  it('takes one order alone of more than 1,000 items (as the import sends it)', async () => {
    const answer = await receiveBatch(t.writ, { batchKey: newKey(), orders: [order(1001, 'alone')] }, null);
    expect(answer.replayed).toBe(false);
    expect(answer.requests).toHaveLength(1);
    expect(batchSizeProblem([order(1001, 'alone-again')])).toBeNull();
  });

  it('takes two small orders', async () => {
    const answer = await receiveBatch(t.writ, { batchKey: newKey(), orders: [order(1, 'pair-a'), order(1, 'pair-b')] }, null);
    expect(answer.requests).toHaveLength(2);
  });
});

describe('receiveBatch: the same batch again', () => {
  it('answers the same orders with their fields in another order as a replay, creating nothing', async () => {
    const batchKey = newKey();
    const orders = [order(2, 'same-a'), order(1, 'same-b', { periodSetInOrderHours: 24 })];
    const first = await receiveBatch(t.writ, { batchKey, orders }, null);
    const before = await rowCounts(t.database.pool);
    const again = await receiveBatch(t.writ, { batchKey, orders: reversedKeys(orders) }, null);
    expect(again).toEqual({ ...first, replayed: true });
    expect(await rowCounts(t.database.pool)).toEqual(before);
  });

  it('refuses other orders under the same key (batch_key_reused)', async () => {
    const batchKey = newKey();
    await receiveBatch(t.writ, { batchKey, orders: [order(1, 'other-a')] }, null);
    for (const other of [[order(1, 'other-b')], [order(1, 'other-a', { legalBasis: 'Another law, Art. 1' })]]) {
      const error = await refusal(receiveBatch(t.writ, { batchKey, orders: other }, null));
      expect({ code: error.code, field: error.field }).toEqual({ code: 'batch_key_reused', field: 'batchKey' });
    }
  });

  it('hashes a batch the same whatever the order of its fields, leaving absent fields out', () => {
    const orders = [order(3, 'hash-a'), order(2, 'hash-b', { regime: 'kz-2022-child-cyberbullying' })];
    const hash = batchHash(orders);
    expect(batchHash(reversedKeys(orders))).toBe(hash);
    // Each key moved to the front in turn: every comparison of the sort is needed.
    const [first] = orders;
    for (const key of Object.keys(first!)) {
      const { [key as keyof OrderToRecord]: moved, ...rest } = first!;
      expect(batchHash([{ [key]: moved, ...rest } as OrderToRecord, orders[1]!])).toBe(hash);
    }
    expect(batchHash([{ ...first!, extra: undefined } as OrderToRecord, orders[1]!])).toBe(hash);
    expect(batchHash([orders[1]!, first!])).not.toBe(hash);
    expect(batchHash([{ ...first!, legalBasis: 'Another law' }, orders[1]!])).not.toBe(hash);
  });

  it("hashes the canonical form: SHA-256 of the JSON with every object's keys in ascending order, instants in UTC", () => {
    // Stored with each batch (intake_batches.body_hash), so it must stay the same across restarts and upgrades.
    const orders = [order(2, 'canonical', { receivedAt: '2026-03-10T17:00:00+05:00' })];
    const sorted = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(sorted)
        : value instanceof Date
          ? value.toISOString()
          : value !== null && typeof value === 'object'
            ? Object.fromEntries(
                Object.keys(value)
                  .sort()
                  .map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
              )
            : value;
    const json = JSON.stringify(sorted(orders));
    expect(json).toContain('"receivedAt":"2026-03-10T12:00:00.000Z"');
    expect(batchHash(orders)).toBe(createHash('sha256').update(json).digest('hex'));
  });
});

describe('receiveBatch: a refused batch', () => {
  const future = { receivedAt: '2026-07-01T00:00:00Z' };

  it('with one bad order names its field alone', async () => {
    const error = await refusal(
      receiveBatch(t.writ, { batchKey: newKey(), orders: [order(1, 'one-ok'), order(1, 'one-bad', future)] }, null),
    );
    expect(error.field).toBe('orders[1].receivedAt');
    expect(error.message).toMatch(/^orders\[1\]\.receivedAt: /);
    expect(error.message).not.toContain('more');
    expect(error.errors).toHaveLength(1);
  });

  it('with two bad orders counts the one more', async () => {
    const error = await refusal(
      receiveBatch(t.writ, { batchKey: newKey(), orders: [order(1, 'two-a', future), order(1, 'two-b', future)] }, null),
    );
    expect(error.message).toMatch(/ \(and 1 more problem; nothing was stored\)$/);
  });

  it('with 101 bad orders lists the first 100 and counts the rest', async () => {
    const bad = order(1, 'hundred', future);
    const error = await refusal(receiveBatch(t.writ, { batchKey: newKey(), orders: Array(101).fill(bad) }, null));
    expect(error.errors).toHaveLength(100);
    expect(error.errors!.at(-1)!.field).toBe('orders[99].receivedAt');
    expect(error.message).toMatch(/ \(and 100 more problems; nothing was stored\)$/);
  });
});
