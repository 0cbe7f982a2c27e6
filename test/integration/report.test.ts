/**
 * The public report, computed by SQL over stored decisions, against a fixture counted by hand:
 *
 *   KZ 2021-H1 (four requests, seven items)
 *   R1 regulator  received 2021-01-01T00:00Z  Video, Video, Posts  no_action/Gov. Criticism, no_action/Nat. Security, removed_legal/Nat. Security
 *   R2 police     received 2021-03-15         Posts                removed_policy/Violence
 *   R3 court      received 2021-05-20         Profiles, Video      content_not_found/Defamation, (undecided)
 *   R4 regulator  received 2021-06-30T23:59:59Z  Video            (undecided)
 *   outside: KZ 2020-12-31T23:59:59Z, KZ 2021-07-01T00:00Z, RU 2021-03-01
 *
 *   product per request (most items; ties alphabetical): Video R1,R4 · Posts R2 · Profiles R3 (tie with Video)
 *   reason per request (most decided items): National Security R1 · Violence R2 · Defamation R3; R4 has no decided
 *   item, so no reason: it is the one undecided request
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestsRepository } from '../../src/db/requests-repository.js';
import { receiveRequest } from '../../src/domain/intake.js';
import { formatPeriod, periodOf } from '../../src/domain/period.js';
import { ruleBook } from '../../src/domain/regimes/rule-book.js';
import type { DecisionInput } from '../../src/domain/request.js';
import { createAuthority, createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;

type Fixture = { authority: string; at: string; items: [string, DecisionInput | null][] };
const d = (outcome: DecisionInput['outcome'], reason: DecisionInput['reason']): DecisionInput => ({
  outcome,
  reason,
  scopeCountries: outcome === 'removed_legal' ? ['KZ'] : null,
  rationale: 'fixture',
});

beforeAll(async () => {
  t = await createTestApp();
  const ids = {
    regulator: (await createAuthority(t, 'KZ', 'Regulator', 'communications_regulator')).id,
    police: (await createAuthority(t, 'KZ', 'Police', 'police')).id,
    court: (await createAuthority(t, 'KZ', 'Court', 'court')).id,
    ru: (await createAuthority(t, 'RU', 'Regulator', 'communications_regulator')).id,
  };
  const fixtures: Fixture[] = [
    {
      authority: ids.regulator,
      at: '2021-01-01T00:00:00Z',
      items: [
        ['Video', d('no_action', 'Government Criticism')],
        ['Video', d('no_action', 'National Security')],
        ['Posts', d('removed_legal', 'National Security')],
      ],
    },
    { authority: ids.police, at: '2021-03-15T12:00:00Z', items: [['Posts', d('removed_policy', 'Violence')]] },
    {
      authority: ids.court,
      at: '2021-05-20T08:00:00Z',
      items: [
        ['Profiles', d('content_not_found', 'Defamation')],
        ['Video', null],
      ],
    },
    { authority: ids.regulator, at: '2021-06-30T23:59:59Z', items: [['Video', null]] },
    { authority: ids.regulator, at: '2020-12-31T23:59:59Z', items: [['Video', d('removed_legal', 'Fraud')]] },
    { authority: ids.regulator, at: '2021-07-01T00:00:00Z', items: [['Video', d('removed_legal', 'Fraud')]] },
    { authority: ids.ru, at: '2021-03-01T00:00:00Z', items: [['Video', d('removed_policy', 'Fraud')]] },
  ];
  const requests = requestsRepository(t.database.db);
  for (const f of fixtures) {
    const created = await receiveRequest(
      {
        kind: 'content_removal',
        authorityId: f.authority,
        receivedAt: new Date(f.at),
        authorityTimeZone: 'Asia/Almaty',
        legalBasis: 'fixture',
        claimedCategories: [],
        channel: 'api',
        authorityReference: null,
        items: f.items.map(([product], i) => ({ targetKind: 'url', target: `https://x.example/${i}`, product })),
      },
      t.reviewer,
      {
        now: () => new Date(),
        rules: ruleBook([]),
        policy: { immediateHours: 1, withoutUndueDelayHours: 24 },
        store: requests.create,
      },
    );
    for (const [i, [, decision]] of f.items.entries()) {
      if (decision) await requests.decideItem(created.id, created.items[i]!.id, decision, t.reviewer);
    }
  }
});
afterAll(async () => t?.close());

const expected = {
  country: 'KZ',
  period: '2021-H1',
  requests: 4,
  items: 7,
  requestsByRequesterKind: { communications_regulator: 2, police: 1, court: 1 },
  requestsByKind: { content_removal: 4 },
  requestsByProduct: { Video: 2, Posts: 1, Profiles: 1 },
  requestsByReason: { 'National Security': 1, Violence: 1, Defamation: 1 },
  undecidedRequests: 1,
  itemOutcomes: {
    removedLegal: { count: 1, share: 1 / 7 },
    removedPolicy: { count: 1, share: 1 / 7 },
    contentNotFound: { count: 1, share: 1 / 7 },
    notEnoughInformation: { count: 0, share: 0 },
    noAction: { count: 2, share: 2 / 7 },
    contentAlreadyRemoved: { count: 0, share: 0 },
    pending: { count: 2, share: 2 / 7 },
  },
  containsDemoData: false,
};

describe('the public report', () => {
  it('matches the hand-counted fixture, without sign-in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/reports/kz/2021-H1' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(expected);
  });

  it('lists the periods that have requests', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/reports' });
    expect(res.json().periods).toEqual([
      { country: 'KZ', period: '2021-H2', requests: 1 },
      { country: 'KZ', period: '2021-H1', requests: 4 },
      { country: 'RU', period: '2021-H1', requests: 1 },
      { country: 'KZ', period: '2020-H2', requests: 1 },
    ]);
  });

  it('is empty, not an error, for a period without requests, and refuses a malformed period', async () => {
    const empty = (await t.app.inject({ method: 'GET', url: '/api/v1/public/reports/FR/2021-H1' })).json();
    expect(empty).toMatchObject({
      requests: 0,
      items: 0,
      undecidedRequests: 0,
      requestsByReason: {},
      itemOutcomes: { pending: { count: 0, share: 0 } },
    });
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/public/reports/KZ/2021-Q1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed', field: 'period' });
  });

  it('changes when a pending item is decided', async () => {
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/v1/requests?country=KZ&status=received', headers: t.auth })
    ).json();
    const last = list.requests.find((r: { receivedAt: string }) => r.receivedAt === '2021-06-30T23:59:59.000Z');
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/requests/${last.id}`, headers: t.auth })).json();
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/requests/${last.id}/items/${detail.items[0].id}/decision`,
      headers: t.auth,
      payload: { outcome: 'removed_policy', reason: 'Hate Speech', rationale: 'terms' },
    });
    const after = (await t.app.inject({ method: 'GET', url: '/api/v1/public/reports/KZ/2021-H1' })).json();
    expect(after.itemOutcomes.removedPolicy.count).toBe(2);
    expect(after.itemOutcomes.pending.count).toBe(1);
    expect(after.requestsByReason).toEqual({ 'National Security': 1, Violence: 1, Defamation: 1, 'Hate Speech': 1 });
    expect(after.undecidedRequests).toBe(0);
  });

  it('prints the same figures from `writ report`', async () => {
    const run = promisify(execFile);
    const env = { ...process.env, DATABASE_URL: t.database.url };
    const json = await run('node', ['bin/writ.js', 'report', '--country', 'KZ', '--period', '2021-H2', '--format', 'json'], {
      env,
    });
    expect(JSON.parse(json.stdout)).toMatchObject({
      country: 'KZ',
      period: '2021-H2',
      requests: 1,
      items: 1,
      undecidedRequests: 0,
      itemOutcomes: { removedLegal: { count: 1, share: 1 } },
      // Received in 2021 and decided during this test run: long past its deadline.
      deadlines: [{ country: 'KZ', decided: 1, met: 0, shareMet: 0 }],
    });
    const table = await run('node', ['bin/writ.js', 'report', '--country', 'KZ', '--period', '2021-H2'], { env });
    expect(table.stdout).toContain('Requests: 1    Items: 1');
    expect(table.stdout).toContain('Deadlines (decided orders received in the period)');
    expect(table.stdout).toMatch(/removed_legal\s*│\s*1\s*│\s*100\.0%/);
    await expect(run('node', ['bin/writ.js', 'report', '--country', 'KZ', '--period', '2021'], { env })).rejects.toMatchObject({
      stderr: expect.stringContaining('period must look like 2021-H1'),
    });
    // A withdrawn code and a half-year that has not begun: refused, exit status 1.
    await expect(run('node', ['bin/writ.js', 'report', '--country', 'SU', '--period', '2021-H1'], { env })).rejects.toMatchObject(
      {
        code: 1,
        stderr: expect.stringContaining('--country must be a currently assigned ISO 3166-1 alpha-2 country code'),
      },
    );
    const next = formatPeriod(periodOf(new Date(Date.now() + 184 * 86_400_000)));
    await expect(run('node', ['bin/writ.js', 'report', '--country', 'KZ', '--period', next], { env })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('period must not be after the current half-year'),
    });
  }, 60_000);
});
