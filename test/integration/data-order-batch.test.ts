/**
 * Data orders (issue 11) in batch intake and `writ import orders`: a data order's accounts count as
 * its items toward a batch's limit of 1,000, so that a batch of data orders is bounded as one of
 * removals is, and the import cuts its batches by the same count.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWrit } from '../../src/app/context.js';
import { importOrders } from '../../src/app/order-import.js';
import { loadConfig } from '../../src/config.js';
import { createAuthority, createTestApp, dataPartFor, dataRequestBody, newRequestBody, type TestApp } from '../support/app.js';
import { rowCounts } from '../support/database.js';
import { scratchDirectory } from '../support/scratch.js';

let t: TestApp;
let kz: string;
const now = new Date('2026-06-01T00:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  kz = (await createAuthority(t)).id;
});
afterAll(async () => t?.close());

const postBatch = (body: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/requests/batch', headers: t.auth, payload: body });
const dataOrder = (accounts: number, prefix: string) =>
  dataRequestBody(kz, { dataRequest: { accounts: dataPartFor('user_data', accounts, prefix).accounts } });

describe('a batch of data orders', () => {
  it('counts their accounts as items: over 1,000 in all is refused naming `orders`, and nothing is written', async () => {
    const before = await rowCounts(t.database.pool);
    const res = await postBatch({
      batchKey: 'accounts-over',
      orders: [dataOrder(500, 'a'), dataOrder(500, 'b'), newRequestBody(kz)],
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field: 'orders' });
    expect(res.json().detail).toContain('at most 1000 items in all; this one has 1002');
    expect(await rowCounts(t.database.pool)).toEqual(before);
  });

  it('takes 1,000 accounts and items in all, and stores each data order with its accounts', async () => {
    const res = await postBatch({
      batchKey: 'accounts-full',
      orders: [dataOrder(499, 'c'), dataOrder(499, 'd'), newRequestBody(kz)],
    });
    expect(res.statusCode, res.body).toBe(201);
    const [first] = res.json().requests;
    const read = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${first.id}`, headers: t.auth });
    expect(read.json()).toMatchObject({ kind: 'user_data', itemCount: 499, items: [] });
    expect(read.json().dataRequest.accounts).toHaveLength(499);
  });
});

describe('writ import orders', () => {
  it('cuts its batches counting a data order’s accounts as items, and stores the data part', async () => {
    const dir = scratchDirectory('writ-data-import-');
    const file = path.join(dir, 'orders.ndjson');
    const lines = [dataOrder(450, 'e'), dataOrder(450, 'f'), dataOrder(200, 'g')];
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    const writ = createWrit(t.database.db, loadConfig({ WRIT_DATA_DIR: dir, LOG_LEVEL: 'silent' }), { now: () => now });
    const summary = await importOrders(writ, file, { checking: () => undefined, writing: () => undefined });
    // 450 + 450 + 200 accounts: the third data order does not fit beside the first two.
    expect(summary).toMatchObject({ orders: 3, items: 1100, chunks: 2, chunksReplayed: 0, requestsCreated: 3 });
    const { rows } = await t.database.pool.query<{ accounts: number }>(
      `SELECT count(*)::int AS accounts FROM data_accounts a JOIN requests r ON r.id = a.request_id
       WHERE a.identifier ~ '^[efg][0-9]+$'`,
    );
    expect(rows[0]!.accounts).toBe(1100);
  });
});
