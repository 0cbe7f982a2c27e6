/**
 * The first step of scaling out (docs/scaling.md): two `writ serve` processes against one
 * PostgreSQL, as behind a load balancer. They start at the same moment on an empty database (both
 * migrate and seed it; advisory locks make them take turns). Then several clients record orders
 * (one at a time and in batches, each batch sent to both processes at once as a retry would),
 * decide items and move requests along, each call going to the other process than the last, so
 * that calls on one request meet in two processes at once. Afterwards: every acknowledged order is
 * stored exactly once, every acknowledged decision and status change with its event, nothing
 * refused left a trace, and the rollups equal a GROUP BY over the base tables for every country and
 * half-year.
 */
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Db, migrationsFolder } from '../../src/db/connection.js';
import { checkRollups } from '../../src/db/rollup-check.js';
import { demoReviewer } from '../../src/demo/demo-data.js';
import { outcomes, type RequestStatus, reasons } from '../../src/domain/vocabulary.js';
import { type Answer, createEmptyDatabase, freePort, startWrit, type WritProcess } from '../support/writ-processes.js';

const clients = 8;
const firstOrders = 60; // one at a time, before the mixed phase, so that there is something to decide
const firstBatches = 6; // of 1 to 4 orders each, among them
const laterOrders = 18; // during the mixed phase
const laterBatches = 3;

let database: Awaited<ReturnType<typeof createEmptyDatabase>> | undefined;
let processes: WritProcess[] = [];
let pool: pg.Pool | undefined;
let db: Db;

beforeAll(async () => {
  database = await createEmptyDatabase();
  const ports = [await freePort(), await freePort()];
  const url = database.url;
  processes = ports.map((port, i) => startWrit(`writ-${i + 1}`, port, { DATABASE_URL: url }));
  await Promise.all(processes.map((p) => p.ready(45_000)));
  ({ db, pool } = connect(url, 4));
}, 60_000);

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
  await pool?.end();
  await database?.drop();
}, 30_000);

/** A small seeded generator, so that a failing run can be repeated as it was. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  return { next, int, pick: <T>(list: readonly T[]) => list[int(list.length)]! };
}

type Authority = { id: string; country: string; timeZone: string };
type Order = { id: string; reference: string; authorityReference: string; country: string; itemIds: string[] };
type Kind = 'order' | 'batch' | 'read' | 'decision' | 'status';
type Call = { kind: Kind; label: string; answer: Answer; itemId?: string };

/** Whether a call's answer acknowledges it: a batch sent again is acknowledged by its replay (200). */
const acknowledged = (c: Call) =>
  c.answer.status === 201 ? c.kind === 'order' || c.kind === 'batch' : c.answer.status === 200 && c.kind !== 'order';

describe('two Writ processes against one PostgreSQL', () => {
  it('migrate at once, then lose and duplicate nothing under concurrent intake, decisions and status changes, with exact rollups', async () => {
    const [first, second] = processes as [WritProcess, WritProcess];
    const sql = pool!;

    // Each migration applied once and the demo data seeded once, although both processes tried.
    const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as { entries: unknown[] };
    const migrations = await sql.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations GROUP BY hash',
    );
    expect(migrations.rows.map((r) => r.n)).toEqual(journal.entries.map(() => 1));
    expect((await sql.query('SELECT 1 FROM users WHERE email = $1', [demoReviewer.email])).rowCount).toBe(1);

    // A session is a row in PostgreSQL: signed in at one process, it is good at the other.
    const signIn = await first.call('/api/v1/session', {
      method: 'POST',
      body: { email: demoReviewer.email, password: demoReviewer.password },
    });
    expect(signIn.status).toBe(200);
    const headers = { authorization: `Bearer ${(signIn.body as { token: string }).token}` };
    const listed = await second.call('/api/v1/authorities', { headers });
    expect(listed.status).toBe(200);
    const authorities = (listed.body as { authorities: Authority[] }).authorities;
    expect(authorities.length).toBeGreaterThan(3);

    // Every call goes to the other process than the one before it (a round-robin load balancer).
    let turn = 0;
    const calls: Call[] = [];
    const send = async (call: Omit<Call, 'answer'>, method: string, urlPath: string, body?: unknown, to?: WritProcess) => {
      const answer = await (to ?? processes[turn++ % processes.length]!).call(urlPath, { method, headers, body });
      calls.push({ ...call, answer });
      return answer;
    };

    const rng = random(20_261_130);
    const products = ['Video', 'Profiles', 'Comments', 'Ads', 'Live'];
    const orders: Order[] = [];
    let orderNumber = 0;
    const newOrder = () => {
      const number = orderNumber++;
      const authority = rng.pick(authorities);
      // Over the last two and a half years, some within the last hours (deadlines met, not only missed).
      const hoursAgo = rng.next() < 0.2 ? rng.next() * 3 : rng.next() * 24 * 900;
      const authorityReference = `two-processes-${number}`;
      const kind = rng.next() < 0.8 ? 'content_removal' : 'user_data';
      const named = Array.from({ length: 1 + rng.int(4) }, (_, i) => ({
        targetKind: 'url',
        target: `https://video.example/${number}/${i}`,
        product: rng.pick(products),
      }));
      // A removal order names items; a user-data order names accounts instead (issue 11).
      const body = {
        kind,
        authorityId: authority.id,
        receivedAt: new Date(Date.now() - hoursAgo * 3_600_000).toISOString(),
        authorityTimeZone: authority.timeZone,
        legalBasis: 'two-process test',
        channel: 'api',
        authorityReference,
        items: kind === 'content_removal' ? named : [],
        ...(kind === 'user_data'
          ? {
              dataRequest: {
                legalProcess: 'court_order',
                accounts: named.map((_, i) => ({ identifierKind: 'username', identifier: `user-${number}-${i}` })),
                categories: ['subscriber_information'],
              },
            }
          : {}),
      };
      return { body, authority, authorityReference };
    };

    const recordOrder = async () => {
      const { body, authority, authorityReference } = newOrder();
      const answer = await send({ kind: 'order', label: authorityReference }, 'POST', '/api/v1/requests', body);
      if (answer.status !== 201) return;
      const created = answer.body as { id: string; reference: string; items: { id: string }[] };
      const itemIds = created.items.map((i) => i.id);
      orders.push({ id: created.id, reference: created.reference, authorityReference, country: authority.country, itemIds });
    };

    // A batch goes to both processes at the same moment, as a sender's retry after a lost answer
    // might: one stores it, the other waits for it and answers the same, replayed.
    let batchNumber = 0;
    const batchAnswers: { label: string; answers: Answer[] }[] = [];
    const recordBatch = async () => {
      const label = `two-processes-batch-${batchNumber++}`;
      const sent = Array.from({ length: 1 + rng.int(4) }, newOrder);
      const body = { batchKey: label, orders: sent.map((o) => o.body) };
      const answers = await Promise.all(
        processes.map((p) => send({ kind: 'batch', label }, 'POST', '/api/v1/requests/batch', body, p)),
      );
      batchAnswers.push({ label, answers });
      const stored = answers.find((a) => a.status === 201);
      if (!stored) return;
      const created = (stored.body as { requests: { id: string; reference: string }[] }).requests;
      for (const [i, { id, reference }] of created.entries()) {
        // Read back from either process, for the item ids the batch's answer leaves out.
        const read = await send({ kind: 'read', label: `read ${label}` }, 'GET', `/api/v1/requests/${id}`);
        const itemIds = read.status === 200 ? (read.body as { items: { id: string }[] }).items.map((item) => item.id) : [];
        orders.push({
          id,
          reference,
          authorityReference: sent[i]!.authorityReference,
          country: sent[i]!.authority.country,
          itemIds,
        });
      }
    };

    let decisionNumber = 0;
    const decide = (order: Order, itemId: string) => async () => {
      const outcome = rng.pick(outcomes);
      const label = `decision-${decisionNumber++}`;
      const body = {
        outcome,
        reason: rng.pick(reasons),
        scopeCountries: outcome === 'removed_legal' ? [order.country] : null,
        rationale: label,
      };
      await send({ kind: 'decision', label, itemId }, 'PUT', `/api/v1/requests/${order.id}/items/${itemId}/decision`, body);
    };
    let statusNumber = 0;
    const move = (order: Order, status: RequestStatus) => async () => {
      const label = `status-${statusNumber++}`;
      await send({ kind: 'status', label }, 'POST', `/api/v1/requests/${order.id}/status`, { status, note: label });
    };

    /** `clients` workers taking tasks in order: neighbouring tasks run at the same time. */
    const run = async (tasks: (() => Promise<void>)[]) => {
      let next = 0;
      const worker = async () => {
        while (next < tasks.length) await tasks[next++]!();
      };
      await Promise.all(Array.from({ length: clients }, worker));
    };
    const shuffled = <T>(list: T[]) => {
      for (let i = list.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [list[i], list[j]] = [list[j]!, list[i]!];
      }
      return list;
    };
    const intake = (single: number, batches: number) => [
      ...Array.from({ length: single }, () => recordOrder),
      ...Array.from({ length: batches }, () => recordBatch),
    ];

    // Intake alone, from every client at once.
    await run(shuffled(intake(firstOrders, firstBatches)));
    // Then decisions, status changes and more intake together. A request's tasks stay side by side,
    // so that its items are decided, decided again and its status moved at once in both processes.
    const blocks = orders.map((order, i) => {
      const decisions = order.itemIds.flatMap((id) => [decide(order, id), ...(rng.next() < 0.3 ? [decide(order, id)] : [])]);
      const [firstDecision, ...rest] = decisions;
      // A user-data order has no items to decide here (its accounts are decided apart).
      const first = firstDecision ? [firstDecision] : [];
      if (i % 3 === 0) return [...first, move(order, rng.pick(['withdrawn', 'needs_clarification'] as const)), ...rest];
      if (i % 3 === 1) return [...decisions, move(order, 'closed'), move(order, 'in_review')];
      return decisions;
    });
    await run(shuffled([...blocks, ...intake(laterOrders, laterBatches).map((task) => [task])]).flat());

    // Every call was acknowledged, or refused by the lifecycle (409); none failed.
    const wrong = calls.filter((c) => !acknowledged(c) && !(['decision', 'status'].includes(c.kind) && c.answer.status === 409));
    expect(wrong.map((c) => ({ label: c.label, ...c.answer }))).toEqual([]);
    expect(calls.filter((c) => c.kind === 'decision' && acknowledged(c)).length).toBeGreaterThan(100);
    expect(calls.filter((c) => c.kind === 'status' && acknowledged(c)).length).toBeGreaterThan(20);
    // Each batch stored by one process and replayed by the other, with the same requests.
    for (const { label, answers } of batchAnswers) {
      expect(answers.map((a) => a.status).sort(), label).toEqual([200, 201]);
      const [a, b] = answers.map((a) => a.body as { requests: unknown });
      expect(a?.requests, label).toEqual(b?.requests);
    }

    // Orders: each acknowledged one stored once, whole, and nothing else.
    const stored = await sql.query<{
      id: string;
      reference: string;
      authority_reference: string;
      items: number;
      received: number;
    }>(`
      SELECT r.id, r.reference, r.authority_reference,
             (SELECT count(*)::int FROM items i WHERE i.request_id = r.id) AS items,
             (SELECT count(*)::int FROM events e WHERE e.request_id = r.id AND e.type = 'request_received') AS received
      FROM requests r WHERE NOT r.is_demo`);
    expect(orders).toHaveLength(orderNumber);
    expect(stored.rows).toHaveLength(orders.length);
    const byId = new Map(stored.rows.map((r) => [r.id, r]));
    for (const o of orders)
      expect(byId.get(o.id), o.authorityReference).toEqual({
        id: o.id,
        reference: o.reference,
        authority_reference: o.authorityReference,
        items: o.itemIds.length,
        received: 1,
      });
    expect(new Set(stored.rows.map((r) => r.authority_reference)).size).toBe(orders.length);
    expect((await sql.query('SELECT reference FROM requests GROUP BY reference HAVING count(*) > 1')).rows).toEqual([]);

    // Decisions: each acknowledged one has exactly one event, a refused one none; an item's events
    // form one chain (each one's before is the previous one's after) ending in the stored decision.
    type Rationale = { rationale: string };
    const decided = await sql.query<{ item_id: string; type: string; before: Rationale | null; after: Rationale }>(`
      SELECT e.item_id, e.type, e.before, e.after FROM events e JOIN requests r ON r.id = e.request_id
      WHERE NOT r.is_demo AND e.type IN ('item_decided', 'decision_changed') ORDER BY e.id`);
    const itemsByLabel = new Map<string, string[]>();
    for (const e of decided.rows)
      itemsByLabel.set(e.after.rationale, [...(itemsByLabel.get(e.after.rationale) ?? []), e.item_id]);
    for (const c of calls.filter((c) => c.kind === 'decision'))
      expect(itemsByLabel.get(c.label) ?? [], c.label).toEqual(acknowledged(c) ? [c.itemId] : []);
    const lastByItem = new Map<string, string>();
    for (const e of decided.rows) {
      const previous = lastByItem.get(e.item_id) ?? null;
      const expected = { type: previous ? 'decision_changed' : 'item_decided', before: previous };
      expect({ type: e.type, before: e.before?.rationale ?? null }, e.after.rationale).toEqual(expected);
      lastByItem.set(e.item_id, e.after.rationale);
    }
    const decisions = await sql.query<{ item_id: string; rationale: string }>(`
      SELECT d.item_id, d.rationale FROM decisions d JOIN items i ON i.id = d.item_id JOIN requests r ON r.id = i.request_id
      WHERE NOT r.is_demo`);
    expect(new Map(decisions.rows.map((d) => [d.item_id, d.rationale]))).toEqual(lastByItem);

    // Status changes: the same, and a request's status is where its chain of changes ends.
    type Status = { status: string };
    const moved = await sql.query<{ request_id: string; note: string | null; before: Status; after: Status }>(`
      SELECT e.request_id, e.note, e.before, e.after FROM events e JOIN requests r ON r.id = e.request_id
      WHERE NOT r.is_demo AND e.type = 'status_changed' ORDER BY e.id`);
    const notes = new Map<string, number>();
    for (const e of moved.rows) if (e.note) notes.set(e.note, (notes.get(e.note) ?? 0) + 1);
    for (const c of calls.filter((c) => c.kind === 'status'))
      expect(notes.get(c.label) ?? 0, c.label).toBe(acknowledged(c) ? 1 : 0);
    const statusOf = new Map<string, string>(orders.map((o) => [o.id, 'received']));
    for (const e of moved.rows) {
      expect(e.before.status, e.request_id).toBe(statusOf.get(e.request_id));
      statusOf.set(e.request_id, e.after.status);
    }
    const statuses = await sql.query<{ id: string; status: string }>('SELECT id, status FROM requests WHERE NOT is_demo');
    expect(new Map(statuses.rows.map((r) => [r.id, r.status]))).toEqual(statusOf);

    // The rollups: every country-period's report, deadline figures, index line and timeline series
    // read from them equal the GROUP BY over the base tables (reportsRepository against reportScans).
    expect(new Set(orders.map((o) => o.country)).size).toBeGreaterThan(3);
    const check = await checkRollups(db);
    expect(check.differences).toEqual([]);
    expect(check.countryPeriods).toBeGreaterThan(10);

    for (const p of processes) expect(p.exitCode(), p.output()).toBeNull();
  }, 60_000);
});
