/** An emergency disclosure is decided fast and reviewed afterwards (issue 11): review and follow-up legal process. */
import { hash } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usersRepository } from '../../src/db/users-repository.js';
import { createAuthority, createTestApp, dataRequestBody, newRequestBody, type TestApp } from '../support/app.js';

const HOUR = 3_600_000;
let clock = new Date('2026-04-01T08:00:00Z');
let t: TestApp;
let kz: string;
let uz: string;
let other: { authorization: string };

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  kz = (await createAuthority(t, 'KZ', 'Police of Kazakhstan', 'police')).id;
  uz = (await createAuthority(t, 'UZ', 'Police of Uzbekistan', 'police')).id;
  const credentials = { email: 'boris@platform.example', password: 'another horse battery' };
  await usersRepository(t.database.db).create({
    email: credentials.email,
    name: 'Boris Reviewer',
    passwordHash: await hash(credentials.password),
  });
  const signIn = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: credentials });
  other = { authorization: `Bearer ${signIn.json().token}` };
});
afterAll(async () => t?.close());

type Review = {
  reviewDueAt: string;
  followUpDueAt: string;
  reviewedAt: string | null;
  reviewedBy: { name: string } | null;
  conclusion: string | null;
  reviewNote: string | null;
  followUp: { requestId: string; reference: string; at: string } | null;
};
type Detail = {
  id: string;
  reference: string;
  dataRequest: { accounts: { id: string }[]; emergencyReview: Review | null };
  events: { type: string; after: unknown; actor: { name: string } | null }[];
};

async function record(body: Record<string, unknown>): Promise<Detail> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: t.auth, payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const emergency = (receivedAt = '2026-04-01T06:00:00Z') =>
  record(dataRequestBody(kz, { kind: 'emergency_disclosure', receivedAt }));
const read = async (id: string): Promise<Detail> =>
  (await t.app.inject({ method: 'GET', url: `/api/v1/requests/${id}`, headers: t.auth })).json();
const all = { extent: 'all', legalBasis: 'Emergency disclosure policy', rationale: 'Imminent risk to life' };
const decide = (order: Detail, index: number, headers = t.auth) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/v1/requests/${order.id}/accounts/${order.dataRequest.accounts[index]!.id}/decision`,
    headers,
    payload: all,
  });
const review = (
  order: Detail,
  headers: { authorization: string },
  body = { conclusion: 'justified', note: 'The threat was real' },
) => t.app.inject({ method: 'POST', url: `/api/v1/requests/${order.id}/emergency-review`, headers, payload: body });
const followUp = (order: Detail, reference: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/requests/${order.id}/emergency-review/follow-up`,
    headers: t.auth,
    payload: { reference },
  });

describe('the post-hoc review of an emergency disclosure', () => {
  it('starts with the first decision on an account, its due dates counted from it by the injected clock', async () => {
    const order = await emergency();
    expect(order.dataRequest.emergencyReview).toBeNull();
    clock = new Date('2026-04-01T09:15:00Z');
    expect((await decide(order, 0)).statusCode).toBe(200);
    clock = new Date('2026-04-02T10:00:00Z');
    const second = await decide(order, 1);
    expect(second.statusCode).toBe(200);
    const r: Review = second.json().dataRequest.emergencyReview;
    expect(r).toMatchObject({ reviewedAt: null, conclusion: null, followUp: null });
    expect(r.reviewDueAt).toBe(new Date(Date.parse('2026-04-01T09:15:00Z') + 72 * HOUR).toISOString());
    expect(r.followUpDueAt).toBe(new Date(Date.parse('2026-04-01T09:15:00Z') + 30 * 24 * HOUR).toISOString());
  });

  it('is not started for other data orders', async () => {
    const order = await record(dataRequestBody(kz));
    await decide(order, 0);
    expect((await read(order.id)).dataRequest.emergencyReview).toBeNull();
    const res = await review(order, other);
    expect(res.statusCode).toBe(409);
  });

  it('cannot be recorded before a decision, nor by whoever decided an account; another reviewer records it', async () => {
    const order = await emergency();
    const early = await review(order, other);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('invalid_transition');

    await decide(order, 0);
    await decide(order, 1, other);
    for (const decider of [t.auth, other]) {
      const own = await review(order, decider);
      expect(own.statusCode).toBe(403);
      expect(own.json()).toMatchObject({ code: 'forbidden' });
      expect(own.json().detail).toContain('another reviewer');
    }
    expect((await read(order.id)).dataRequest.emergencyReview).toMatchObject({ reviewedAt: null, conclusion: null });

    const fresh = await emergency();
    await decide(fresh, 0);
    clock = new Date('2026-04-03T12:00:00Z');
    const res = await review(fresh, other, { conclusion: 'not_justified', note: 'No threat to life was shown' });
    expect(res.statusCode, res.body).toBe(200);
    const detail: Detail = res.json();
    expect(detail.dataRequest.emergencyReview).toMatchObject({
      reviewedAt: '2026-04-03T12:00:00.000Z',
      reviewedBy: { name: 'Boris Reviewer' },
      conclusion: 'not_justified',
      reviewNote: 'No threat to life was shown',
    });
    const event = detail.events.find((e) => e.type === 'emergency_review_recorded');
    expect(event).toMatchObject({ actor: { name: 'Boris Reviewer' }, after: { conclusion: 'not_justified' } });
    expect((await review(fresh, other)).statusCode).toBe(409);
  });

  it('links the follow-up legal process only to a later user-data order of the same country', async () => {
    clock = new Date('2026-04-10T12:00:00Z');
    const order = await emergency('2026-04-05T06:00:00Z');
    const later = await record(dataRequestBody(kz, { receivedAt: '2026-04-06T06:00:00Z' }));
    const beforeDecision = await followUp(order, later.reference);
    expect(beforeDecision.statusCode).toBe(409);
    await decide(order, 0);

    const earlier = await record(dataRequestBody(kz, { receivedAt: '2026-04-04T06:00:00Z' }));
    const foreign = await record(dataRequestBody(uz, { receivedAt: '2026-04-06T06:00:00Z' }));
    const removal = await record(newRequestBody(kz, { receivedAt: '2026-04-06T06:00:00Z' }));
    const preservation = await record(dataRequestBody(kz, { kind: 'preservation', receivedAt: '2026-04-06T06:00:00Z' }));
    for (const wrong of [
      earlier.reference,
      foreign.reference,
      removal.reference,
      preservation.reference,
      order.reference,
      'WR-999999',
    ]) {
      const res = await followUp(order, wrong);
      expect(res.statusCode, `${wrong}: ${res.body}`).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed', field: 'reference' });
    }
    expect((await read(order.id)).dataRequest.emergencyReview!.followUp).toBeNull();

    const res = await followUp(order, later.reference.toLowerCase());
    expect(res.statusCode, res.body).toBe(200);
    const detail: Detail = res.json();
    expect(detail.dataRequest.emergencyReview!.followUp).toEqual({
      requestId: later.id,
      reference: later.reference,
      at: '2026-04-06T06:00:00.000Z',
    });
    expect(detail.events.find((e) => e.type === 'follow_up_process_received')).toMatchObject({
      after: { requestId: later.id, reference: later.reference },
    });
    expect((await followUp(order, later.reference)).statusCode).toBe(409);
  });
});
