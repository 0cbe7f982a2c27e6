/**
 * The queue is served by an index, with a capped total (issue 9, item 2): the open queue's page is
 * read along requests_open_due_idx in its order, the total is counted only so far past the page's
 * start and then said to be a lower bound, an exact total stays exact under the cap, and a reviewer
 * pages on past the cap without losing or repeating an order.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.js';
import { queueCountCap, queueRepository } from '../../src/db/queue-repository.js';
import * as schema from '../../src/db/schema/index.js';
import { openStatuses, type RequestStatus } from '../../src/domain/vocabulary.js';
import { createAuthority, createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let db: Db;

/** Turkey's orders, few enough to list by hand: due times tie in threes, references not in insertion order. */
const turkish = Array.from({ length: 16 }, (_, i) => ({
  reference: `WR-TR-${String((i * 7) % 16).padStart(2, '0')}`,
  dueAt: new Date(Date.UTC(2026, 2, 12, Math.floor(i / 3))),
  status: (i < 12 ? openStatuses[i % 3] : i < 15 ? 'decided' : 'withdrawn') as RequestStatus,
  kind: i % 4 === 0 ? 'user_data' : 'content_removal',
}));
const byDeadline = (a: { dueAt: Date; reference: string }, b: { dueAt: Date; reference: string }) =>
  a.dueAt.getTime() - b.dueAt.getTime() || (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0);
const openTurkish = turkish
  .filter((r) => openStatuses.includes(r.status))
  .sort(byDeadline)
  .map((r) => r.reference);
/** Kazakhstan's orders, a queue longer than the API's cap: open ones and many more closed. */
const kazakhOpen = queueCountCap + 50;
const kazakhClosed = 20_000;

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  const tr = await createAuthority(t, 'TR', 'BTK');
  const kz = await createAuthority(t, 'KZ', 'Ministry of Information');
  const { pool } = t.database;
  const columns = `kind, authority_id, received_at, authority_time_zone, legal_basis, channel, status, due_at, due_basis`;
  await pool.query(
    `INSERT INTO requests (reference, ${columns})
     SELECT r.reference, r.kind::request_kind, $1, r.due_at - interval '1 day', 'Europe/Istanbul', 'Law 5651', 'portal',
            r.status::request_status, r.due_at, 'policy'
     FROM unnest($2::text[], $3::text[], $4::text[], $5::timestamptz[]) AS r(reference, kind, status, due_at)`,
    [
      tr.id,
      turkish.map((r) => r.reference),
      turkish.map((r) => r.kind),
      turkish.map((r) => r.status),
      turkish.map((r) => r.dueAt),
    ],
  );
  await pool.query(
    `INSERT INTO requests (reference, ${columns})
     SELECT 'WR-KZ-' || lpad(g::text, 6, '0'), 'content_removal', $1, due - interval '1 day', 'Asia/Almaty', 'Art. 19', 'portal',
            CASE WHEN g <= $2::int THEN (ARRAY['received', 'in_review', 'needs_clarification'])[1 + g % 3] ELSE 'closed' END::request_status,
            due, 'policy'
     FROM generate_series(1, $2::int + $3::int) AS g, LATERAL (SELECT timestamptz '2026-01-01' + g * interval '17 minutes' AS due) d`,
    [kz.id, kazakhOpen, kazakhClosed],
  );
  await pool.query('ANALYZE requests');
});
afterAll(async () => t?.close());

const open = [...openStatuses];
const page = { limit: 3, offset: 0 };

describe('the total, counted no further than the cap', () => {
  /** The queue as the API reads it, but counting only `countCap` orders past the page's start. */
  const queue = (countCap = 5) => queueRepository(db, { countCap });

  it('stops at the cap past the page’s start and says the total is a lower bound', async () => {
    const first = await queue().list({ status: open, country: 'TR', ...page });
    expect(first.requests.map((r) => r.reference)).toEqual(openTurkish.slice(0, 3));
    expect(first).toMatchObject({ total: 5, totalIsLowerBound: true });
    // Further on, the count reaches further: 5 past the start of the page at 6 is 11.
    expect(await queue().list({ status: open, country: 'TR', limit: 3, offset: 6 })).toMatchObject({
      total: 11,
      totalIsLowerBound: true,
    });
  });

  it('stays exact when the matches are no more than the cap, up to exactly the cap', async () => {
    expect(await queue(12).list({ status: open, country: 'TR', ...page })).toMatchObject({ total: 12, totalIsLowerBound: false });
    expect(await queue(11).list({ status: open, country: 'TR', ...page })).toMatchObject({ total: 11, totalIsLowerBound: true });
    expect(await queue().list({ status: ['decided'], country: 'TR', ...page })).toMatchObject({
      total: 3,
      totalIsLowerBound: false,
    });
    // On the page at 9, the 12 open Turkish orders are within the 5 counted past its start.
    expect(await queue().list({ status: open, country: 'TR', limit: 3, offset: 9 })).toMatchObject({
      total: 12,
      totalIsLowerBound: false,
    });
    // A page that is not full ends the list, and so gives the exact total.
    expect(await queue().list({ status: open, country: 'TR', limit: 50, offset: 0 })).toMatchObject({
      total: 12,
      totalIsLowerBound: false,
    });
    expect(await queue().list({ status: open, country: 'TR', limit: 3, offset: 30 })).toEqual({
      requests: [],
      total: 12,
      totalIsLowerBound: false,
    });
  });

  it('pages on past the cap to the last order, each once and in deadline order', async () => {
    const seen: string[] = [];
    for (let offset = 0, more = true; more; offset += page.limit) {
      const result = await queue().list({ status: open, country: 'TR', limit: page.limit, offset });
      seen.push(...result.requests.map((r) => r.reference));
      const full = result.requests.length === page.limit;
      more = (result.totalIsLowerBound && full) || offset + result.requests.length < result.total;
      if (!more) expect(result).toMatchObject({ total: 12, totalIsLowerBound: false });
    }
    expect(seen).toEqual(openTurkish);
  });

  it('keeps the other filters, each counted the same way', async () => {
    const userData = turkish.filter((r) => r.kind === 'user_data' && openStatuses.includes(r.status));
    expect(await queue().list({ status: open, country: 'TR', kind: 'user_data', ...page })).toMatchObject({
      total: userData.length,
      totalIsLowerBound: false,
    });
    const dueBefore = new Date(Date.UTC(2026, 2, 12, 1));
    const early = await queue().list({ status: open, country: 'TR', dueBefore, limit: 50, offset: 0 });
    expect(early.requests.map((r) => r.reference)).toEqual(openTurkish.slice(0, 6));
    expect(await queue().list({ status: open, search: 'wr-tr-1', limit: 50, offset: 0 })).toMatchObject({
      total: openTurkish.filter((r) => r.startsWith('WR-TR-1')).length,
      totalIsLowerBound: false,
    });
    expect(await queue().list({ status: open, country: 'FR', ...page })).toEqual({
      requests: [],
      total: 0,
      totalIsLowerBound: false,
    });
  });
});

describe('the queue over HTTP, past the API’s cap of 1,000', () => {
  const list = async (query: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/requests?${query}`, headers: t.auth });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { requests: { reference: string }[]; total: number; totalIsLowerBound: boolean };
  };
  const openQuery = `status=${open.join(',')}`;

  it('answers "more than 1,000" for the open queue, and the exact total where it is smaller', async () => {
    const first = await list(`${openQuery}&limit=50`);
    expect(first.requests).toHaveLength(50);
    expect(first).toMatchObject({ total: queueCountCap, totalIsLowerBound: true });
    expect(await list(`${openQuery}&country=TR`)).toMatchObject({ total: 12, totalIsLowerBound: false });
    // The last page, past the cap: every open order counted.
    const last = await list(`${openQuery}&limit=100&offset=${queueCountCap}`);
    expect(last).toMatchObject({ total: kazakhOpen + 12, totalIsLowerBound: false });
    expect(last.requests).toHaveLength(kazakhOpen + 12 - queueCountCap);
  });
});

describe('the open queue’s plan', () => {
  type PlanNode = { 'Node Type': string; 'Index Name'?: string; 'Relation Name'?: string; Plans?: PlanNode[] };
  const below = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(below)];

  it('picks the page along requests_open_due_idx, in its order, with no sort', async () => {
    const statements: { sql: string; params: unknown[] }[] = [];
    const logged = drizzle(t.database.pool, { schema, logger: { logQuery: (sql, params) => statements.push({ sql, params }) } });
    await queueRepository(logged).list({ status: open, limit: 50, offset: 0 });
    const pageQuery = statements.find((s) => /order by/i.test(s.sql));
    if (!pageQuery) throw new Error(`no page query among ${statements.map((s) => s.sql).join('\n')}`);
    const { rows } = await t.database.pool.query(`EXPLAIN (FORMAT JSON) ${pageQuery.sql}`, pageQuery.params);
    const nodes = below(rows[0]['QUERY PLAN'][0].Plan);
    // The page (LIMIT … OFFSET) is cut from the index scan as it comes: nothing sorts the open requests.
    const limits = nodes.filter((n) => n['Node Type'] === 'Limit');
    expect(limits).toHaveLength(1);
    const picking = below(limits[0]!);
    expect(picking.filter((n) => n['Relation Name'] === 'requests').map((n) => `${n['Node Type']} ${n['Index Name']}`)).toEqual([
      'Index Scan requests_open_due_idx',
    ]);
    expect(picking.map((n) => n['Node Type'])).not.toContain('Sort');
    expect(picking.map((n) => n['Node Type'])).not.toContain('Incremental Sort');
  });
});
