import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthority, createTestApp, newRequestBody, type TestApp } from '../support/app.js';

let t: TestApp;
let authorityId: string;

beforeAll(async () => {
  t = await createTestApp();
  authorityId = (await createAuthority(t)).id;
});
afterAll(async () => t?.close());

type Detail = {
  id: string;
  status: string;
  decidedAt: string | null;
  items: { id: string; decision: null | Record<string, unknown> }[];
  events: { type: string; itemId: string | null; before: unknown; after: unknown; actor: { name: string } | null }[];
};

async function newRequest(): Promise<Detail> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: t.auth,
    payload: newRequestBody(authorityId, { receivedAt: undefined }),
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

function decide(request: Detail, index: number, body: Record<string, unknown>) {
  return t.app.inject({
    method: 'PUT',
    url: `/api/v1/requests/${request.id}/items/${request.items[index]!.id}/decision`,
    headers: t.auth,
    payload: body,
  });
}

function setStatus(request: Detail, status: string, note?: string) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/requests/${request.id}/status`,
    headers: t.auth,
    payload: { status, note },
  });
}

const restrictInKz = {
  outcome: 'removed_legal',
  reason: 'Bullying/Harassment',
  scopeCountries: ['kz'],
  rationale: 'Unlawful under Art. 19',
};
const noAction = { outcome: 'no_action', reason: 'Government Criticism', rationale: 'Political speech' };

describe('deciding items', () => {
  it('records each decision with its author, moves the request to in_review and then to decided', async () => {
    const r = await newRequest();
    const first = await decide(r, 0, restrictInKz);
    expect(first.statusCode).toBe(200);
    const afterFirst: Detail = first.json();
    expect(afterFirst.status).toBe('in_review');
    expect(afterFirst.items[0]!.decision).toMatchObject({
      outcome: 'removed_legal',
      scopeCountries: ['KZ'],
      decidedBy: { name: 'Ana Reviewer' },
    });
    expect(afterFirst.items[1]!.decision).toBeNull();

    const second: Detail = (await decide(r, 1, noAction)).json();
    expect(second.status).toBe('decided');
    expect(second.decidedAt).not.toBeNull();
    expect(second.items[1]!.decision).toMatchObject({ outcome: 'no_action', scopeCountries: null });
    expect(second.events.map((e) => e.type)).toEqual([
      'request_received',
      'item_decided',
      'status_changed',
      'item_decided',
      'status_changed',
    ]);
    expect(second.events[4]).toMatchObject({
      before: { status: 'in_review' },
      after: { status: 'decided' },
      actor: { name: 'Ana Reviewer' },
    });
  });

  it('keeps the earlier decision in the history when a decision changes', async () => {
    const r = await newRequest();
    await decide(r, 0, noAction);
    const changed: Detail = (await decide(r, 0, { ...restrictInKz, rationale: 'Second look: the child is identifiable' })).json();
    const change = changed.events.find((e) => e.type === 'decision_changed')!;
    expect(change.itemId).toBe(r.items[0]!.id);
    expect(change.before).toMatchObject({ outcome: 'no_action', rationale: 'Political speech' });
    expect(change.after).toMatchObject({ outcome: 'removed_legal', rationale: 'Second look: the child is identifiable' });
  });

  it.each([
    ['removed_legal without countries', { ...restrictInKz, scopeCountries: null }, 'scopeCountries'],
    [
      'removed_policy limited to a country',
      { outcome: 'removed_policy', reason: 'Violence', scopeCountries: ['KZ'], rationale: 'x' },
      'scopeCountries',
    ],
    ['an unknown reason', { ...noAction, reason: 'Being Annoying' }, 'reason'],
    ['an empty rationale', { ...noAction, rationale: '  ' }, 'rationale'],
  ])('refuses %s and changes nothing', async (_, body, field) => {
    const r = await newRequest();
    const res = await decide(r, 0, body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field });
    const after: Detail = (await t.app.inject({ method: 'GET', url: `/api/v1/requests/${r.id}`, headers: t.auth })).json();
    expect(after.status).toBe('received');
    expect(after.items[0]!.decision).toBeNull();
    expect(after.events).toHaveLength(1);
  });

  it('answers 404 for an item of another request', async () => {
    const a = await newRequest();
    const b = await newRequest();
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/requests/${a.id}/items/${b.items[0]!.id}/decision`,
      headers: t.auth,
      payload: noAction,
    });
    expect(res.statusCode).toBe(404);
  });

  it('serialises concurrent decisions: every item decided exactly once, one move to decided', async () => {
    const r = await newRequest();
    const results = await Promise.all([decide(r, 0, noAction), decide(r, 1, noAction)]);
    expect(results.map((x) => x.statusCode)).toEqual([200, 200]);
    const final: Detail = (await t.app.inject({ method: 'GET', url: `/api/v1/requests/${r.id}`, headers: t.auth })).json();
    expect(final.status).toBe('decided');
    expect(final.events.filter((e) => e.type === 'status_changed').map((e) => e.after)).toEqual([
      { status: 'in_review' },
      { status: 'decided' },
    ]);
  });
});

describe('the status lifecycle', () => {
  it('allows clarification and withdrawal, and refuses moves the lifecycle does not have', async () => {
    const r = await newRequest();
    const early = await setStatus(r, 'decided');
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'invalid_transition', field: 'status' });

    expect((await setStatus(r, 'needs_clarification', 'Which video?')).json().status).toBe('needs_clarification');
    const blocked = await decide(r, 0, noAction);
    expect(blocked.statusCode).toBe(409);
    const withdrawn: Detail = (await setStatus(r, 'withdrawn')).json();
    expect(withdrawn.status).toBe('withdrawn');
    expect((await setStatus(r, 'in_review')).statusCode).toBe(409);
    expect(withdrawn.events.at(-2)).toMatchObject({ type: 'status_changed', after: { status: 'needs_clarification' } });
  });

  it('closes a decided request, and a closed one takes no more decisions', async () => {
    const r = await newRequest();
    await decide(r, 0, noAction);
    await decide(r, 1, noAction);
    expect((await setStatus(r, 'closed')).json().status).toBe('closed');
    expect((await decide(r, 0, restrictInKz)).statusCode).toBe(409);
  });

  it('keeps the history append-only at the database', async () => {
    await expect(t.database.pool.query('UPDATE events SET note = $1', ['tampered'])).rejects.toThrow(/append-only/);
    await expect(t.database.pool.query('DELETE FROM events')).rejects.toThrow(/append-only/);
  });
});
