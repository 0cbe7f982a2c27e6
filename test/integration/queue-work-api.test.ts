/**
 * Queue work through the API against real PostgreSQL (issue 12): claiming, releasing and assigning
 * an order (each with its event, under the row lock: of two reviewers racing, exactly one wins), the
 * queue's assignee filter, and bulk decisions recorded item by item through the single decision's
 * use case (own decision and event per item, rollups right, a refused item not stopping the others).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRollups } from '../../src/db/rollup-check.js';
import { createAuthority, createStaff, createTestApp, newRequestBody, type TestApp } from '../support/app.js';

let t: TestApp;
let authorityId: string;
type Staff = Awaited<ReturnType<typeof createStaff>>;
let reviewer: Staff;
let reviewer2: Staff;
let legal: Staff;
let admin: Staff;
let auditor: Staff;

beforeAll(async () => {
  t = await createTestApp();
  authorityId = (await createAuthority(t)).id;
  [reviewer, reviewer2, legal, admin, auditor] = await Promise.all([
    createStaff(t, 'reviewer', 'rita@platform.example', 'Rita Reviewer'),
    createStaff(t, 'reviewer', 'rob@platform.example', 'Rob Reviewer'),
    createStaff(t, 'legal', 'lena@platform.example', 'Lena Legal'),
    createStaff(t, 'admin'),
    createStaff(t, 'auditor'),
  ]);
});
afterAll(async () => t?.close());

type Detail = {
  id: string;
  assignee: { id: string; name: string } | null;
  assignedAt: string | null;
  items: { id: string; target: string; decision: null | Record<string, unknown>; position: number }[];
  events: {
    type: string;
    itemId: string | null;
    before: unknown;
    after: unknown;
    note: string | null;
    actor: { id: string } | null;
  }[];
};

async function newOrder(overrides: Record<string, unknown> = {}, id = authorityId): Promise<Detail> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: t.auth,
    payload: newRequestBody(id, overrides),
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}
const claim = (r: { id: string }, who: Staff) =>
  t.app.inject({ method: 'POST', url: `/api/v1/requests/${r.id}/claim`, headers: who.auth });
const release = (r: { id: string }, who: Staff) =>
  t.app.inject({ method: 'POST', url: `/api/v1/requests/${r.id}/release`, headers: who.auth });
const assign = (r: { id: string }, who: Staff, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'PUT', url: `/api/v1/requests/${r.id}/assignee`, headers: who.auth, payload });
const read = async (r: { id: string }): Promise<Detail> =>
  (await t.app.inject({ method: 'GET', url: `/api/v1/requests/${r.id}`, headers: t.auth })).json();
const claimEvents = (d: Detail) => d.events.filter((e) => e.type.startsWith('order_'));

describe('claim and release', () => {
  it('makes the caller the assignee with an order_claimed event, shown on the detail and in the list', async () => {
    const r = await newOrder();
    expect(r.assignee).toBeNull();
    const res = await claim(r, reviewer);
    expect(res.statusCode).toBe(200);
    expect(res.json().assignee).toEqual({ id: reviewer.id, name: 'Rita Reviewer' });
    expect(res.json().assignedAt).toEqual(expect.any(String));
    const detail = await read(r);
    expect(claimEvents(detail)).toMatchObject([
      { type: 'order_claimed', actor: { id: reviewer.id }, before: { assignee: null }, after: { assignee: { id: reviewer.id } } },
    ]);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/requests?limit=500', headers: t.auth });
    expect(list.json().requests.find((x: Detail) => x.id === r.id)).toMatchObject({
      assignee: { id: reviewer.id, name: 'Rita Reviewer' },
    });

    // Claiming one's own claim again changes nothing.
    expect((await claim(r, reviewer)).statusCode).toBe(200);
    expect(claimEvents(await read(r))).toHaveLength(1);
  });

  it('refuses a claim on an order another person holds, naming them, and changes nothing', async () => {
    const r = await newOrder();
    await claim(r, reviewer);
    const res = await claim(r, legal);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'conflict' });
    expect(res.json().detail).toContain('Rita Reviewer');
    expect((await read(r)).assignee?.id).toBe(reviewer.id);
  });

  it('lets only the assignee release, with an order_released event', async () => {
    const r = await newOrder();
    expect((await release(r, reviewer)).json().code).toBe('conflict'); // nobody holds it
    await claim(r, reviewer);
    const other = await release(r, reviewer2);
    expect(other.statusCode).toBe(403);
    expect((await read(r)).assignee?.id).toBe(reviewer.id);
    const res = await release(r, reviewer);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ assignee: null, assignedAt: null });
    expect(claimEvents(await read(r)).map((e) => e.type)).toEqual(['order_claimed', 'order_released']);
  });

  it('lets no role outside the table claim: admin and auditor get 403 before anything changes', async () => {
    const r = await newOrder();
    for (const who of [admin, auditor]) expect((await claim(r, who)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/v1/requests/${r.id}/claim` })).statusCode).toBe(401);
    expect((await read(r)).assignee).toBeNull();
  });

  it('answers 404 for an order that does not exist', async () => {
    expect((await claim({ id: '00000000-0000-4000-8000-000000000000' }, reviewer)).statusCode).toBe(404);
  });

  it('of two reviewers claiming the same order at once, exactly one wins', async () => {
    for (let round = 0; round < 5; round++) {
      const r = await newOrder();
      const [a, b] = await Promise.all([claim(r, reviewer), claim(r, reviewer2)]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
      const winner = a.statusCode === 200 ? reviewer : reviewer2;
      const detail = await read(r);
      expect(detail.assignee?.id).toBe(winner.id);
      expect(claimEvents(detail)).toHaveLength(1);
      expect(claimEvents(detail)[0]!.actor?.id).toBe(winner.id);
    }
  });
});

describe('assign', () => {
  it('assigns to an account that may claim, reassigns and unassigns, each with before and after', async () => {
    const r = await newOrder();
    await claim(r, reviewer);
    const res = await assign(r, legal, { userId: reviewer2.id, note: 'Rita is away' });
    expect(res.statusCode).toBe(200);
    expect(res.json().assignee).toEqual({ id: reviewer2.id, name: 'Rob Reviewer' });
    const none = await assign(r, reviewer, { userId: null, note: 'Back to the queue' });
    expect(none.json().assignee).toBeNull();
    expect(claimEvents(await read(r))).toMatchObject([
      { type: 'order_claimed' },
      {
        type: 'order_assigned',
        actor: { id: legal.id },
        before: { assignee: { id: reviewer.id, name: 'Rita Reviewer' } },
        after: { assignee: { id: reviewer2.id, name: 'Rob Reviewer' } },
        note: 'Rita is away',
      },
      {
        type: 'order_assigned',
        before: { assignee: { id: reviewer2.id } },
        after: { assignee: null },
        note: 'Back to the queue',
      },
    ]);
  });

  it('refuses an account whose role may not claim (admin, auditor), or none at all, on the field userId', async () => {
    const r = await newOrder();
    for (const userId of [admin.id, auditor.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await assign(r, reviewer, { userId });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed', field: 'userId' });
    }
    expect(claimEvents(await read(r))).toEqual([]);
  });

  it('is for orders.manage: a human-rights account may claim but not assign', async () => {
    const r = await newOrder();
    const hr = await createStaff(t, 'human_rights');
    expect((await assign(r, hr, { userId: hr.id })).statusCode).toBe(403);
    expect((await claim(r, hr)).statusCode).toBe(200);
  });
});

describe("the queue's assignee filter", () => {
  it('returns exactly the orders of me, of nobody, or of an account', async () => {
    const other = (await createAuthority(t, 'AM', 'Filter Ministry', 'police')).id;
    const body = { authorityTimeZone: 'Asia/Yerevan' };
    const [mine1, mine2, robs, free] = await Promise.all([0, 1, 2, 3].map(() => newOrder(body, other)));
    await claim(mine1!, reviewer);
    await claim(mine2!, reviewer);
    await claim(robs!, reviewer2);
    const ids = async (query: string, who: Staff) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/requests?country=AM&limit=500&${query}`, headers: who.auth });
      expect(res.statusCode).toBe(200);
      return (res.json().requests as Detail[]).map((x) => x.id).sort();
    };
    expect(await ids('assignee=me', reviewer)).toEqual([mine1!.id, mine2!.id].sort());
    expect(await ids('assignee=me', reviewer2)).toEqual([robs!.id]);
    expect(await ids('assignee=none', reviewer)).toEqual([free!.id]);
    expect(await ids(`assignee=${reviewer2.id}`, legal)).toEqual([robs!.id]);
    expect(await ids('', reviewer)).toHaveLength(4);
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/requests?assignee=someone', headers: t.auth });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('assignee');
  });
});

describe('bulk decisions', () => {
  const fifty = () => [
    ...Array.from({ length: 40 }, (_, i) => ({
      targetKind: 'url',
      target: `https://example.org/posts/${i + 1}`,
      product: 'Posts',
    })),
    ...Array.from({ length: 5 }, (_, i) => ({
      targetKind: 'url',
      target: `https://example.org/videos/${i + 1}`,
      product: 'Video',
    })),
    ...Array.from({ length: 5 }, (_, i) => ({
      targetKind: 'url',
      target: `https://exampleXorg/posts/${i + 1}`,
      product: 'Posts',
    })),
  ];
  const restrict = {
    outcome: 'removed_legal',
    reason: 'Bullying/Harassment',
    scopeCountries: ['UZ'],
    rationale: 'Targets a minor; restricted where unlawful',
  };
  const bulk = (r: { id: string }, who: Staff, payload: Record<string, unknown>, what = '') =>
    t.app.inject({ method: 'POST', url: `/api/v1/requests/${r.id}/items/bulk-decision${what}`, headers: who.auth, payload });

  it('decides exactly the 40 matching items of 50, each with its own decision and event; a refused one does not stop the others', async () => {
    const uz = (await createAuthority(t, 'UZ', 'Bulk Agency', 'police')).id;
    const report = async () => (await t.app.inject({ method: 'GET', url: '/api/v1/public/reports/UZ/2026-H1' })).json();
    const r = await newOrder({ authorityTimeZone: 'Asia/Tashkent', items: fifty() }, uz);
    expect(r.items).toHaveLength(50);

    // One matching item becomes sensitive at its policy stage, so it needs the legal stage first.
    const sensitive = r.items.find((i) => i.target === 'https://example.org/posts/7')!;
    const stage = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${r.id}/items/${sensitive.id}/review/policy`,
      headers: reviewer.auth,
      payload: { finding: 'violates_policy', note: 'names a protest', reason: 'Bullying/Harassment', topics: ['protest'] },
    });
    expect(stage.statusCode).toBe(200);

    const preview = await bulk(r, reviewer, { targetPattern: 'https://example.org/posts/*' }, '/preview');
    expect(preview.statusCode).toBe(200);
    expect(preview.json().matched).toBe(40);
    expect((await read(r)).items.every((i) => i.decision === null)).toBe(true); // a preview decides nothing

    const before = await report();
    expect(before).toMatchObject({ requests: 1, items: 50, undecidedRequests: 1 });
    const res = await bulk(r, reviewer, { targetPattern: 'https://example.org/posts/*', ...restrict });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ matched: 40, decided: 39, refused: 1 });
    expect(body.results.find((x: { itemId: string }) => x.itemId === sensitive.id)).toMatchObject({
      result: 'refused',
      code: 'review_stage_required',
      message: expect.stringContaining('legal'),
    });

    const after = await read(r);
    const expected = new Set(
      after.items.filter((i) => /^https:\/\/example\.org\/posts\//.test(i.target) && i.id !== sensitive.id).map((i) => i.id),
    );
    expect(expected.size).toBe(39);
    for (const item of after.items) {
      if (expected.has(item.id))
        expect(item.decision).toMatchObject({ outcome: 'removed_legal', scopeCountries: ['UZ'], decidedBy: { id: reviewer.id } });
      else expect(item.decision).toBeNull();
    }
    const decided = after.events.filter((e) => e.type === 'item_decided');
    expect(decided).toHaveLength(39);
    expect(new Set(decided.map((e) => e.itemId))).toEqual(expected);

    const now = await report();
    expect(now.itemOutcomes.removedLegal.count - before.itemOutcomes.removedLegal.count).toBe(39);
    expect(now).toMatchObject({ requests: 1, items: 50, undecidedRequests: 0, requestsByReason: { 'Bullying/Harassment': 1 } });
    expect((await checkRollups(t.database.db)).differences).toEqual([]);

    // onlyUndecided (the default): the same pattern now matches only the refused item.
    const again = await bulk(r, reviewer, { targetPattern: 'https://example.org/posts/*' }, '/preview');
    expect(again.json().items.map((i: { itemId: string }) => i.itemId)).toEqual([sensitive.id]);
    const all = await bulk(r, reviewer, { targetPattern: 'https://example.org/posts/*', onlyUndecided: false }, '/preview');
    expect(all.json().matched).toBe(40);
  });

  it('refuses no match, a decision no item could take, and a role without items.decide, changing nothing', async () => {
    const r = await newOrder({ items: fifty().slice(0, 3) });
    const none = await bulk(r, reviewer, { targetPattern: 'https://example.org/nothing/*', ...restrict });
    expect(none.statusCode).toBe(400);
    expect(none.json()).toMatchObject({ code: 'validation_failed', field: 'targetPattern' });
    const noScope = await bulk(r, reviewer, { targetPattern: '*', ...restrict, scopeCountries: null });
    expect(noScope.statusCode).toBe(400);
    expect(noScope.json().field).toBe('scopeCountries');
    const empty = await bulk(r, reviewer, { targetPattern: '', ...restrict });
    expect(empty.json().field).toBe('targetPattern');
    for (const who of [admin, auditor]) expect((await bulk(r, who, { targetPattern: '*', ...restrict })).statusCode).toBe(403);
    const detail = await read(r);
    expect(detail.items.every((i) => i.decision === null)).toBe(true);
    expect(detail.events.filter((e) => e.type === 'item_decided')).toEqual([]);
  });

  it('refuses more than 1,000 matching items on the field targetPattern', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => ({ targetKind: 'account', target: `@user${i}`, product: 'Profiles' }));
    const r = await newOrder({ items: many });
    const res = await bulk(r, reviewer, { targetPattern: '@user*', ...restrict, scopeCountries: ['KZ'] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field: 'targetPattern' });
    expect(res.json().detail).toContain('1001');
    expect((await read(r)).items.every((i) => i.decision === null)).toBe(true);
  });
});
