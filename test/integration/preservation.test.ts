/**
 * Preservation holds (issue 11 item 3): placed, updated and released by the decisions on a
 * preservation order's accounts; extended as often as the rules allow (by a reviewer, or by the
 * agency on its own order); released by a reviewer; kept past expiry by linked legal process of
 * the same country; and the durable job that reminds once before expiry and releases once at
 * expiry or when the order is withdrawn. The clock is the test's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWrit } from '../../src/app/context.js';
import { loadConfig } from '../../src/config.js';
import { prepareJobTables } from '../../src/jobs/queues.js';
import { type Jobs, startJobs } from '../../src/jobs/runner.js';
import { createVerifiedAgency, type TestAgency } from '../support/agencies.js';
import { createAuthority, createTestApp, dataRequestBody, newRequestBody, type TestApp } from '../support/app.js';
import { eventually } from '../support/receivers.js';

const DAY = 86_400_000;
let clock = new Date('2026-06-01T06:00:00Z');
let t: TestApp;
let jobs: Jobs;
let kz: string;
let ru: string;
let agency: TestAgency;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  kz = (await createAuthority(t, 'KZ', 'Department of Police of Almaty', 'police')).id;
  ru = (await createAuthority(t, 'RU', 'Investigative Committee', 'police')).id;
  agency = await createVerifiedAgency(t, 'KZ', { timeZone: 'Asia/Almaty' });
  await prepareJobTables(t.database.url, null);
  const config = loadConfig({ WRIT_DATA_DIR: '/nonexistent', WRIT_JOBS_SWEEP_SECONDS: '3600', WRIT_JOBS_RETRY_SECONDS: '1' });
  jobs = await startJobs({
    pool: t.database.pool,
    writ: createWrit(t.database.db, config, { now: () => clock }),
    log: () => undefined,
  });
}, 60_000);
afterAll(async () => {
  await jobs?.stop();
  await t?.close();
});

// biome-ignore lint/suspicious/noExplicitAny: the API's JSON, read as the tests need it
type Json = Record<string, any>;
const post = async (url: string, payload: object, headers = t.auth) => t.app.inject({ method: 'POST', url, headers, payload });
async function order(authorityId: string, kind: string, categories = ['subscriber_information', 'ip_and_sign_in_logs']) {
  const res = await post('/api/v1/requests', dataRequestBody(authorityId, { kind, dataRequest: { categories } }));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Json;
}
async function decide(o: Json, n: number, decision: Json) {
  const res = await t.app.inject({
    method: 'PUT',
    url: `/api/v1/requests/${o.id}/accounts/${o.dataRequest.accounts[n].id}/decision`,
    headers: t.auth,
    payload: {
      producedCategories: [],
      refusalReason: null,
      legalBasis: 'Law on Communications, Art. 15',
      rationale: 'r',
      ...decision,
    },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Json;
}
/** A preservation order the agency sends through the channel, complete (it is not waiting for clarification). */
const channelOrder = () =>
  post(
    '/api/v1/authority/orders',
    {
      kind: 'preservation',
      legalBasis: 'Criminal Procedure Code, Art. 232',
      signer: 'A. Investigator, Major of Justice',
      statementOfReasons: 'The accounts were used to plan a fraud.',
      authorityReference: 'KNB-9',
      dataRequest: dataRequestBody(kz, { kind: 'preservation' }).dataRequest,
    },
    agency.auth,
  );
const holdUrl = (o: Json, n: number, action: string) =>
  `/api/v1/requests/${o.id}/accounts/${o.dataRequest.accounts[n].id}/hold/${action}`;
const holdOf = (detail: Json, n: number) => detail.dataRequest.accounts[n].hold;
const read = async (o: Json) =>
  (await t.app.inject({ method: 'GET', url: `/api/v1/requests/${o.id}`, headers: t.auth })).json() as Json;
const eventsOf = async (o: Json, type: string) =>
  (await t.database.pool.query('SELECT * FROM events WHERE request_id = $1 AND type = $2 ORDER BY id', [o.id, type])).rows;

describe('holds placed by decisions', () => {
  it('data preserved places the hold for the period; a changed decision changes what it holds; none releases it', async () => {
    const p = await order(kz, 'preservation');
    let detail = await decide(p, 0, { extent: 'all' });
    expect(holdOf(detail, 0)).toMatchObject({
      categories: ['subscriber_information', 'ip_and_sign_in_logs'],
      preservedAt: clock.toISOString(),
      expiresAt: new Date(clock.getTime() + 90 * DAY).toISOString(),
      extensions: 0,
      canExtend: true,
      releasedAt: null,
    });
    const placed = await eventsOf(p, 'hold_placed');
    expect(placed).toHaveLength(1);
    expect(placed[0].after).toMatchObject({
      accountId: p.dataRequest.accounts[0].id,
      categories: ['subscriber_information', 'ip_and_sign_in_logs'],
    });

    const expiresAt = holdOf(detail, 0).expiresAt;
    clock = new Date(clock.getTime() + DAY);
    detail = await decide(p, 0, { extent: 'some', producedCategories: ['subscriber_information'], refusalReason: 'overbroad' });
    expect(holdOf(detail, 0)).toMatchObject({ categories: ['subscriber_information'], expiresAt, releasedAt: null });

    detail = await decide(p, 0, { extent: 'none', refusalReason: 'account_not_found' });
    expect(holdOf(detail, 0)).toMatchObject({ releaseReason: 'released_by_reviewer', releasedAt: clock.toISOString() });
    expect(await eventsOf(p, 'hold_released')).toHaveLength(1);
  });

  it('a decision on a user-data order places no hold', async () => {
    const u = await order(kz, 'user_data');
    const detail = await decide(u, 0, { extent: 'all' });
    expect(holdOf(detail, 0)).toBeNull();
    expect(await eventsOf(u, 'hold_placed')).toHaveLength(0);
  });
});

describe('acting on a hold', () => {
  it('extends once by the extension period, then refuses (409), and nothing changes', async () => {
    const p = await order(kz, 'preservation');
    const before = holdOf(await decide(p, 0, { extent: 'all' }), 0);
    const res = await post(holdUrl(p, 0, 'extend'), { note: 'the investigation continues' });
    expect(res.statusCode, res.body).toBe(200);
    expect(holdOf(res.json(), 0)).toMatchObject({
      expiresAt: new Date(Date.parse(before.expiresAt) + 90 * DAY).toISOString(),
      extensions: 1,
      canExtend: false,
    });
    const again = await post(holdUrl(p, 0, 'extend'), { note: 'once more' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('invalid_transition');
    expect(holdOf(await read(p), 0).extensions).toBe(1);
    const extended = await eventsOf(p, 'hold_extended');
    expect(extended).toHaveLength(1);
    expect(extended[0].note).toBe('the investigation continues');
  });

  it('the agency extends the hold on its own order (its officer in the history); another agency cannot', async () => {
    const res = await channelOrder();
    expect(res.statusCode, res.body).toBe(201);
    const p = await read({ id: res.json().id });
    await decide(p, 1, { extent: 'all' });
    const stranger = await createVerifiedAgency(t, 'KZ');
    const url = `/api/v1/authority/orders/${p.id}/accounts/${p.dataRequest.accounts[1].id}/hold/extend`;
    expect((await post(url, { note: 'please' }, stranger.auth)).statusCode).toBe(404);
    const mine = await post(url, { note: 'the case is still open' }, agency.auth);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().hold).toMatchObject({ extensions: 1, canExtend: false });
    const [event] = await eventsOf(p, 'hold_extended');
    expect(event).toMatchObject({ actor_id: null, actor_officer_id: agency.officer.id });
    expect((await post(url, { note: 'again' }, agency.auth)).statusCode).toBe(409);
  });

  it('releases on a reviewer’s word, once', async () => {
    const p = await order(kz, 'preservation');
    await decide(p, 0, { extent: 'all' });
    const res = await post(holdUrl(p, 0, 'release'), { note: 'the authority withdrew its interest' });
    expect(res.statusCode, res.body).toBe(200);
    expect(holdOf(res.json(), 0)).toMatchObject({ releaseReason: 'released_by_reviewer', canExtend: false });
    expect((await post(holdUrl(p, 0, 'release'), { note: 'again' })).statusCode).toBe(409);
    expect(await eventsOf(p, 'hold_released')).toHaveLength(1);
  });

  it('links only a user-data or emergency order of the same country as legal process (400 on reference otherwise)', async () => {
    const p = await order(kz, 'preservation');
    await decide(p, 0, { extent: 'all' });
    const removal = await post('/api/v1/requests', newRequestBody(kz));
    const otherPreservation = await order(kz, 'preservation');
    const foreign = await order(ru, 'user_data');
    for (const reference of [removal.json().reference, otherPreservation.reference, foreign.reference, 'WR-999999999']) {
      const res = await post(holdUrl(p, 0, 'legal-process'), { reference });
      expect(res.statusCode, reference).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed', field: 'reference' });
    }
    expect(holdOf(await read(p), 0).legalProcess).toBeNull();
    const warrant = await order(kz, 'user_data');
    const res = await post(holdUrl(p, 0, 'legal-process'), { reference: warrant.reference });
    expect(res.statusCode, res.body).toBe(200);
    expect(holdOf(res.json(), 0).legalProcess).toMatchObject({ requestId: warrant.id, reference: warrant.reference });
    expect(await eventsOf(p, 'hold_kept_for_legal_process')).toHaveLength(1);
  });
});

describe('the preservation job', () => {
  it('reminds once before expiry, releases once at expiry, keeps a hold with legal process, and releases a withdrawn order’s holds', async () => {
    const start = clock;
    const p = await order(kz, 'preservation');
    await decide(p, 0, { extent: 'all' });
    await decide(p, 1, { extent: 'all' });
    const kept = await order(kz, 'preservation');
    await decide(kept, 0, { extent: 'all' });
    const warrant = await order(kz, 'emergency_disclosure');
    expect((await post(holdUrl(kept, 0, 'legal-process'), { reference: warrant.reference })).statusCode).toBe(200);
    const withdrawn = await order(kz, 'preservation');
    await decide(withdrawn, 0, { extent: 'all' });

    // Not yet due: nothing happens.
    await jobs.sweep();
    await new Promise((r) => setTimeout(r, 1500));
    expect(await eventsOf(p, 'hold_reminder_sent')).toHaveLength(0);

    // 14 days before expiry: one reminder per hold, however often the job sweeps.
    clock = new Date(start.getTime() + 76 * DAY + 60_000);
    for (let i = 0; i < 3; i++) await jobs.sweep();
    await eventually('the reminders', async () => (await eventsOf(p, 'hold_reminder_sent')).length === 2);
    await jobs.sweep();
    await new Promise((r) => setTimeout(r, 1500));
    expect(await eventsOf(p, 'hold_reminder_sent')).toHaveLength(2);
    expect(holdOf(await read(p), 0).remindedAt).toBe(clock.toISOString());
    expect(await eventsOf(kept, 'hold_reminder_sent')).toHaveLength(0);

    // Past expiry: released once, as expired; the hold with legal process stays.
    clock = new Date(start.getTime() + 91 * DAY);
    await t.database.pool.query("UPDATE requests SET status = 'withdrawn' WHERE id = $1", [withdrawn.id]);
    for (let i = 0; i < 3; i++) await jobs.sweep();
    await eventually('the releases', async () => (await eventsOf(p, 'hold_released')).length === 2);
    await eventually('the withdrawn order’s release', async () => (await eventsOf(withdrawn, 'hold_released')).length === 1);
    await jobs.sweep();
    await new Promise((r) => setTimeout(r, 1500));
    const released = await eventsOf(p, 'hold_released');
    expect(released).toHaveLength(2);
    expect(released.map((e) => e.note)).toEqual(['expired', 'expired']);
    expect(holdOf(await read(p), 1)).toMatchObject({ releaseReason: 'expired', releasedAt: clock.toISOString() });
    expect(holdOf(await read(withdrawn), 0).releaseReason).toBe('order_withdrawn');
    expect(await eventsOf(withdrawn, 'hold_released')).toHaveLength(1);
    expect(holdOf(await read(kept), 0)).toMatchObject({ releasedAt: null });
    expect(await eventsOf(kept, 'hold_released')).toHaveLength(0);
  });

  it('tells the agency of a channel order that its hold expires soon, once (mail queued in the outbox)', async () => {
    const start = clock;
    const res = await channelOrder();
    const p = await read({ id: res.json().id });
    await decide(p, 0, { extent: 'all' });
    clock = new Date(start.getTime() + 80 * DAY);
    await jobs.sweep();
    await eventually('the reminder', async () => (await eventsOf(p, 'hold_reminder_sent')).length === 1);
    await jobs.sweep();
    await new Promise((r) => setTimeout(r, 1000));
    const mails = await t.database.pool.query(
      "SELECT * FROM mail_outbox WHERE request_id = $1 AND kind = 'preservation_reminder'",
      [p.id],
    );
    expect(mails.rows).toHaveLength(1);
    expect(mails.rows[0].to).toBe(agency.officer.email);
    expect(mails.rows[0].body).toContain(p.reference);
  });
});
