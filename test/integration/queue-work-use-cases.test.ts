/**
 * The queue-work use cases themselves (src/app/queue-work.ts), called directly over a real database:
 * claiming and releasing an order (the holder named in the refusals), assigning it only to an
 * enabled account whose role may claim (a disabled reviewer and an admin are refused, each with its
 * message), and bulk decisions: the preview lists the matching items with whether each is decided
 * (the decided ones only when asked), and a bulk decision decides each matching item through the
 * single decision, reporting a refused item with its problem without stopping the others, and
 * refusing before any item is touched when nothing matches or no item could take the decision.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderFromBody } from '../../src/app/intake.js';
import { assignOrder, bulkDecide, claimOrder, previewBulkDecision, releaseOrder, type Staff } from '../../src/app/queue-work.js';
import { type ReviewedRequest, readRequest, receiveOrder } from '../../src/app/requests.js';
import { recordFinding } from '../../src/app/staged-review.js';
import { newRequestSchema } from '../../src/contracts/requests.js';
import { events, users } from '../../src/db/schema/index.js';
import type { DecisionInput } from '../../src/domain/request.js';
import { newRequestBody } from '../support/app.js';
import { createTestWrit, refusal, staffMember, type TestWrit, testAuthority } from '../support/writ.js';

let t: TestWrit;
let authorityId: string;
let reviewer: Staff;
let reviewer2: Staff;
let legal: Staff;
let admin: Staff;
let humanRights: Staff;

beforeAll(async () => {
  t = await createTestWrit();
  authorityId = (await testAuthority(t, 'UZ', 'Bulk Agency', 'police')).id;
  [reviewer, reviewer2, legal, admin, humanRights] = await Promise.all([
    staffMember(t.writ, 'reviewer'),
    staffMember(t.writ, 'reviewer'),
    staffMember(t.writ, 'legal'),
    staffMember(t.writ, 'admin'),
    staffMember(t.writ, 'human_rights'),
  ]);
});
afterAll(async () => t?.close());

const posts = (n: number, host = 'example.org') =>
  Array.from({ length: n }, (_, i) => ({ targetKind: 'url', target: `https://${host}/posts/${i + 1}`, product: 'Posts' }));

async function newOrder(items = posts(2)) {
  const body = newRequestBody(authorityId, { authorityTimeZone: 'Asia/Tashkent', items });
  return (await receiveOrder(t.writ, orderFromBody(newRequestSchema.parse(body)), reviewer)).request;
}

const assignmentEvents = async (requestId: string) =>
  (await readRequest(t.writ, requestId)).request.events
    .filter((e) => e.type.startsWith('order_'))
    .map((e) => ({ type: e.type, actor: e.actor?.id, before: e.before, after: e.after, note: e.note }));

/** The order's assignee as read back (the detail carries it, though its type does not name it). */
const assigneeOf = ({ request }: ReviewedRequest) =>
  (request as unknown as { assignee: { id: string; name: string } | null }).assignee;

const who = (s: Staff) => ({ id: s.id, name: s.name });
const restrict: DecisionInput = {
  outcome: 'removed_legal',
  reason: 'Bullying/Harassment',
  scopeCountries: ['UZ'],
  rationale: 'Targets a minor; restricted where unlawful',
};

describe('claimOrder and releaseOrder', () => {
  it('makes the caller the assignee, refuses another claim naming the holder, and lets only the holder release', async () => {
    const r = await newOrder();
    expect(assigneeOf(await claimOrder(t.writ, r.id, reviewer))).toEqual(who(reviewer));
    expect(await refusal(claimOrder(t.writ, r.id, legal))).toEqual({
      code: 'conflict',
      field: undefined,
      message: `${reviewer.name} has already claimed this order`,
    });
    expect(await refusal(releaseOrder(t.writ, r.id, reviewer2))).toEqual({
      code: 'forbidden',
      field: undefined,
      message: `${reviewer.name} holds this order; only they may release it (or it is reassigned)`,
    });
    expect(assigneeOf(await releaseOrder(t.writ, r.id, reviewer))).toBeNull();
    expect(await assignmentEvents(r.id)).toEqual([
      { type: 'order_claimed', actor: reviewer.id, before: { assignee: null }, after: { assignee: who(reviewer) }, note: null },
      { type: 'order_released', actor: reviewer.id, before: { assignee: who(reviewer) }, after: { assignee: null }, note: null },
    ]);
  });

  it('refuses a role that may not claim before anything changes', async () => {
    const r = await newOrder();
    expect(await refusal(claimOrder(t.writ, r.id, admin))).toEqual({
      code: 'forbidden',
      field: undefined,
      message: 'a admin account may not do this (orders.claim)',
    });
    expect(await refusal(releaseOrder(t.writ, r.id, admin))).toMatchObject({ code: 'forbidden' });
    expect(await assignmentEvents(r.id)).toEqual([]);
  });
});

describe('assignOrder', () => {
  it('assigns to an account that may claim and back to nobody, each with before, after and note', async () => {
    const r = await newOrder();
    expect(assigneeOf(await assignOrder(t.writ, r.id, { userId: humanRights.id, note: 'her topic' }, legal))).toEqual(
      who(humanRights),
    );
    expect(assigneeOf(await assignOrder(t.writ, r.id, { userId: null, note: null }, reviewer))).toBeNull();
    expect(await assignmentEvents(r.id)).toEqual([
      {
        type: 'order_assigned',
        actor: legal.id,
        before: { assignee: null },
        after: { assignee: who(humanRights) },
        note: 'her topic',
      },
      {
        type: 'order_assigned',
        actor: reviewer.id,
        before: { assignee: who(humanRights) },
        after: { assignee: null },
        note: null,
      },
    ]);
  });

  it('refuses a disabled account and one whose role may not hold orders, on userId, and an assigner without orders.manage', async () => {
    const r = await newOrder();
    const away = await staffMember(t.writ, 'reviewer');
    await t.database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, away.id));
    expect(await refusal(assignOrder(t.writ, r.id, { userId: away.id, note: null }, legal))).toEqual({
      code: 'validation_failed',
      field: 'userId',
      message: `${away.name}'s account is disabled`,
    });
    expect(await refusal(assignOrder(t.writ, r.id, { userId: admin.id, note: null }, legal))).toEqual({
      code: 'validation_failed',
      field: 'userId',
      message: `${admin.name} is a admin account, which may not hold orders`,
    });
    expect(await refusal(assignOrder(t.writ, r.id, { userId: humanRights.id, note: null }, humanRights))).toEqual({
      code: 'forbidden',
      field: undefined,
      message: 'a human-rights account may not do this (orders.manage)',
    });
    expect(await assignmentEvents(r.id)).toEqual([]);
  });
});

describe('previewBulkDecision', () => {
  it('lists the matching items in order with whether each is decided; the decided ones only when asked', async () => {
    const r = await newOrder([...posts(3), ...posts(1, 'exampleXorg')]);
    await bulkDecide(
      t.writ,
      r.id,
      { targetPattern: 'https://example.org/posts/2', onlyUndecided: true, decision: restrict },
      reviewer,
    );
    const match = (n: number, decided: boolean) => ({
      itemId: r.items[n - 1]!.id,
      position: r.items[n - 1]!.position,
      target: `https://example.org/posts/${n}`,
      decided,
    });
    expect(
      await previewBulkDecision(t.writ, r.id, { targetPattern: 'https://example.org/posts/*', onlyUndecided: true }),
    ).toEqual([match(1, false), match(3, false)]);
    expect(
      await previewBulkDecision(t.writ, r.id, { targetPattern: 'https://example.org/posts/*', onlyUndecided: false }),
    ).toEqual([match(1, false), match(2, true), match(3, false)]);
  });
});

describe('bulkDecide', () => {
  it('decides each matching item with its own event, and reports an item refused by its review stages without stopping the others', async () => {
    const r = await newOrder(posts(3));
    const [first, sensitive, third] = r.items;
    await recordFinding(
      t.writ,
      { requestId: r.id, itemId: sensitive!.id },
      {
        stage: 'policy',
        finding: 'violates_policy',
        note: 'names a protest',
        reason: 'Bullying/Harassment',
        topics: ['protest'],
      },
      reviewer,
    );
    const results = await bulkDecide(
      t.writ,
      r.id,
      { targetPattern: 'https://example.org/posts/*', onlyUndecided: true, decision: restrict },
      reviewer,
    );
    const match = (item: typeof first) => ({ itemId: item!.id, position: item!.position, target: item!.target, decided: false });
    expect(results).toEqual([
      { ...match(first), result: 'decided' },
      {
        ...match(sensitive),
        result: 'refused',
        code: 'review_stage_required',
        message: 'removed_legal needs the legal stage first, by a legal account',
        field: 'outcome',
      },
      { ...match(third), result: 'decided' },
    ]);
    const { request } = await readRequest(t.writ, r.id);
    expect(request.items.map((i) => i.decision?.outcome ?? null)).toEqual(['removed_legal', null, 'removed_legal']);
    const decided = await t.database.db
      .select({ itemId: events.itemId })
      .from(events)
      .where(and(eq(events.requestId, r.id), eq(events.type, 'item_decided')));
    expect(decided.map((e) => e.itemId).sort()).toEqual([first!.id, third!.id].sort());
  });

  it('refuses before touching any item: no match, a decision no item could take, a role that may not decide', async () => {
    const r = await newOrder();
    const command = { targetPattern: 'https://example.org/posts/*', onlyUndecided: true, decision: restrict };
    expect(
      await refusal(bulkDecide(t.writ, r.id, { ...command, targetPattern: 'https://example.org/nothing/*' }, reviewer)),
    ).toEqual({
      code: 'validation_failed',
      field: 'targetPattern',
      message: 'the pattern matches no item of this order that can be decided',
    });
    expect(
      await refusal(bulkDecide(t.writ, r.id, { ...command, decision: { ...restrict, scopeCountries: null } }, reviewer)),
    ).toMatchObject({
      code: 'validation_failed',
      field: 'scopeCountries',
    });
    expect(await refusal(bulkDecide(t.writ, r.id, command, humanRights))).toEqual({
      code: 'forbidden',
      field: undefined,
      message: 'a human-rights account may not do this (items.decide)',
    });
    expect((await readRequest(t.writ, r.id)).request.items.every((i) => i.decision === null)).toBe(true);
  });
});
