/**
 * Deadlines through the API: an order under a regime gets the law's deadline with the rule and
 * version stored; a later change of the pack shows as a difference but moves nothing until an
 * audited recomputation; SLA states; the report's deadline figures; a broken pack stops start-up.
 */

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, shippedRulesDir } from '../../src/config.js';
import { buildApp } from '../../src/http/app.js';
import { RulePackError } from '../../src/rules/packs.js';
import { createAuthority, createTestApp, newRequestBody, type TestApp } from '../support/app.js';
import { scratchDirectory } from '../support/scratch.js';

const now = new Date('2026-03-11T12:00:00Z');
let t: TestApp;
let kz: string;
let india: string;

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  kz = (await createAuthority(t, 'KZ', 'Ministry of Culture and Information')).id;
  india = (await createAuthority(t, 'IN', 'MeitY', 'other_executive')).id;
});
afterAll(async () => t?.close());

const post = async (body: object) => t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: t.auth, payload: body });
const get = async (url: string) => t.app.inject({ method: 'GET', url, headers: t.auth });

describe('an order under a regime', () => {
  it('gets the law deadline, with the rule, its version and the quoted source stored', async () => {
    const res = await post(
      newRequestBody(kz, {
        regime: 'kz-2022-child-cyberbullying',
        category: 'child_cyberbullying',
        receivedAt: '2026-03-10T23:30:00+05:00',
      }),
    );
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      dueAt: '2026-03-11T18:30:00.000Z',
      dueAtAuthorityTime: '2026-03-11T23:30:00+05:00',
      regime: 'kz-2022-child-cyberbullying',
      category: 'child_cyberbullying',
      deadline: {
        basis: 'law',
        ruleId: 'kz-2022-child-cyberbullying/child-cyberbullying-removal',
        ruleVersion: 1,
        rule: { hours: 24, clock: 'elapsed_hours_from_receipt', source: { url: expect.stringMatching(/^https?:/) } },
      },
      sla: { state: 'on_track', dueSoonAt: '2026-03-11T12:30:00.000Z' },
      deadlineReview: { differs: false, currentDueAt: '2026-03-11T18:30:00.000Z' },
    });
    expect(body.dueBasis).toMatch(/^law: 24 h after receipt/);
    expect(body.events[0].after).toMatchObject({ deadlineRuleId: body.deadline.ruleId, deadlineRuleVersion: 1 });
  });

  it('gives an Indian government order 36 h in January 2026 and 3 h in March 2026', async () => {
    const order = (receivedAt: string) =>
      newRequestBody(india, {
        regime: 'in-it-rules',
        category: 'government_or_court_order',
        receivedAt,
        authorityTimeZone: 'Asia/Kolkata',
      });
    const jan = (await post(order('2026-01-20T10:00:00+05:30'))).json();
    const mar = (await post(order('2026-03-10T10:00:00+05:30'))).json();
    expect([jan.dueAt, jan.deadline.ruleVersion]).toEqual(['2026-01-21T16:30:00.000Z', 1]);
    expect([mar.dueAt, mar.deadline.ruleVersion]).toEqual(['2026-03-10T07:30:00.000Z', 2]);
    expect(jan.sla.state).toBe('overdue');
  });

  it('refuses an unknown category, naming the field and the categories there are, and stores nothing', async () => {
    const before = (await get('/api/v1/requests')).json().total;
    const res = await post(newRequestBody(kz, { regime: 'kz-2022-child-cyberbullying', category: 'defamation' }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'validation_failed',
      field: 'category',
      detail: expect.stringContaining('child_cyberbullying'),
    });
    expect((await get('/api/v1/requests')).json().total).toBe(before);
    const noRegime = await post(newRequestBody(kz, { category: 'child_cyberbullying' }));
    expect(noRegime.json()).toMatchObject({ field: 'regime' });
  });

  it('shows the SLA state on every summary of the queue', async () => {
    const list = (await get('/api/v1/requests?status=received')).json();
    expect(list.requests.length).toBeGreaterThan(0);
    for (const r of list.requests) expect(['on_track', 'due_soon', 'overdue']).toContain(r.sla.state);
  });
});

describe('a changed rule pack', () => {
  it('never moves a stored deadline by itself; recomputing is explicit and audited', async () => {
    const created = (
      await post(
        newRequestBody(india, {
          regime: 'in-it-rules',
          category: 'government_or_court_order',
          receivedAt: '2026-03-11T11:00:00+05:30',
          authorityTimeZone: 'Asia/Kolkata',
        }),
      )
    ).json();
    expect(created.dueAt).toBe('2026-03-11T08:30:00.000Z');

    // Someone corrects the pack: 3 h becomes 6 h. A second server runs with the changed packs.
    const dir = scratchDirectory('writ-rules-');
    cpSync(shippedRulesDir, dir, { recursive: true });
    const file = path.join(dir, 'in-it-rules.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('        hours: 3\n', '        hours: 6\n'));
    const config = loadConfig({ WRIT_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent', WRIT_RULES_DIR: dir });
    const changed = await buildApp({ config, database: t.database, now: () => now, logger: false });
    try {
      const read = await changed.inject({ method: 'GET', url: `/api/v1/requests/${created.id}`, headers: t.auth });
      expect(read.json()).toMatchObject({
        dueAt: '2026-03-11T08:30:00.000Z',
        deadlineReview: { differs: true, currentDueAt: '2026-03-11T11:30:00.000Z' },
      });
      const noReason = await changed.inject({
        method: 'POST',
        url: `/api/v1/requests/${created.id}/deadline/recompute`,
        headers: t.auth,
        payload: {},
      });
      expect(noReason.statusCode).toBe(400);
      const res = await changed.inject({
        method: 'POST',
        url: `/api/v1/requests/${created.id}/deadline/recompute`,
        headers: t.auth,
        payload: { note: 'pack corrected after legal review' },
      });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ dueAt: '2026-03-11T11:30:00.000Z', deadlineReview: { differs: false } });
      const event = body.events.at(-1);
      expect(event).toMatchObject({
        type: 'deadline_recomputed',
        note: 'pack corrected after legal review',
        actor: { name: 'Ana Reviewer' },
        before: { dueAt: '2026-03-11T08:30:00.000Z' },
        after: { dueAt: '2026-03-11T11:30:00.000Z' },
      });
    } finally {
      await changed.close();
    }
  });

  it('refuses to recompute the deadline of a decided request', async () => {
    const created = (await post(newRequestBody(kz, { regime: 'kz-2023-online-platforms', category: 'defamation' }))).json();
    for (const item of created.items) {
      await t.app.inject({
        method: 'PUT',
        url: `/api/v1/requests/${created.id}/items/${item.id}/decision`,
        headers: t.auth,
        payload: { outcome: 'no_action', reason: 'Defamation', rationale: 'not unlawful' },
      });
    }
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${created.id}/deadline/recompute`,
      headers: t.auth,
      payload: { note: 'try' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('invalid_transition');
  });
});

describe('regimes API and report figures', () => {
  it('lists regimes, shows a pack, and previews a deadline', async () => {
    const list = (await get('/api/v1/regimes?jurisdiction=kz')).json();
    expect(list.regimes.map((r: { id: string }) => r.id)).toEqual(['kz-2022-child-cyberbullying', 'kz-2023-online-platforms']);
    expect((await get('/api/v1/regimes/de-netzdg')).json().versions[0].until).toBe('2024-05-13');
    expect((await get('/api/v1/regimes/nope')).statusCode).toBe(404);
    // The law is public: the regimes need no sign-in.
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/regimes/kz-2022-child-cyberbullying' });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json().sources.length).toBeGreaterThan(0);
    const preview = await get(
      '/api/v1/regimes/eu-tco/deadline?kind=content_removal&category=terrorist_content&receivedAt=2026-03-01T10:00:00%2B01:00',
    );
    expect(preview.json()).toMatchObject({ dueAt: '2026-03-01T10:00:00.000Z', hours: 1, basis: 'law' });
  });

  it('documents the new endpoints in OpenAPI by their schemas', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/regimes',
        '/api/v1/regimes/{id}',
        '/api/v1/regimes/{id}/deadline',
        '/api/v1/requests/{id}/deadline/recompute',
        '/api/v1/obligations',
        '/api/v1/obligations/figures',
        '/api/v1/obligations/{country}/{regimeId}/{dutyId}',
        '/api/v1/obligations/{country}/{regimeId}/{dutyId}/evidence',
        '/api/v1/obligations/evidence/{id}',
        '/api/v1/public/reports/{country}/{period}/deadlines',
      ]),
    );
    expect(spec.components.schemas).toHaveProperty('RegimePack');
    expect(spec.components.schemas.RequestSummary.required).toEqual(expect.arrayContaining(['sla', 'deadline', 'regime']));
  });

  it('publishes the share of orders met on time and the median hours to decision per regime', async () => {
    // Decisions are stamped with the real clock, so this part runs on a server with the real clock.
    const config = loadConfig({ WRIT_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' });
    const live = await buildApp({ config, database: t.database, logger: false });
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
    try {
      const ru = (await createAuthority(t, 'RU', 'Roskomnadzor')).id;
      const mismatch = await live.inject({
        method: 'POST',
        url: '/api/v1/requests',
        headers: t.auth,
        payload: newRequestBody(ru, { regime: 'kz-2023-online-platforms', category: 'x', receivedAt: hoursAgo(1) }),
      });
      expect(mismatch.json()).toMatchObject({ code: 'validation_failed', field: 'regime' });
      const decideAll = async (order: { id: string; items: { id: string }[] }) => {
        for (const item of order.items)
          await live.inject({
            method: 'PUT',
            url: `/api/v1/requests/${order.id}/items/${item.id}/decision`,
            headers: t.auth,
            payload: { outcome: 'no_action', reason: 'Government Criticism', rationale: 'lawful speech' },
          });
      };
      const order = (receivedAt: string) =>
        newRequestBody(ru, {
          regime: 'ru-149',
          category: 'unified_register_content',
          receivedAt,
          authorityTimeZone: 'Europe/Moscow',
        });
      // The Art. 15.1 rule has 24 h; two met (decided after about 2 h and 4 h), one missed (after about 30 h).
      for (const h of [2, 4, 30]) {
        const created = (
          await live.inject({ method: 'POST', url: '/api/v1/requests', headers: t.auth, payload: order(hoursAgo(h)) })
        ).json();
        await decideAll(created);
      }
      const d = new Date();
      const period = `${d.getUTCFullYear()}-H${d.getUTCMonth() < 6 ? 1 : 2}`;
      const res = await live.inject({ method: 'GET', url: `/api/v1/public/reports/RU/${period}/deadlines` });
      expect(res.statusCode).toBe(200);
      const [row] = res.json().rows;
      expect(row).toMatchObject({
        country: 'RU',
        regimeId: 'ru-149',
        regimeName: expect.stringContaining('Law on Information'),
        decided: 3,
        met: 2,
      });
      expect(row.shareMet).toBeCloseTo(2 / 3);
      expect(row.medianHoursToDecision).toBeCloseTo(4, 1);
    } finally {
      await live.close();
    }
  });
});

describe('start-up', () => {
  it('refuses to start with a broken rule pack, naming the file and the field', async () => {
    const dir = scratchDirectory('writ-rules-');
    cpSync(shippedRulesDir, dir, { recursive: true });
    const file = path.join(dir, 'eu-tco.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('        hours: 1\n', '        hours: one\n'));
    const config = loadConfig({ WRIT_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent', WRIT_RULES_DIR: dir });
    const started = buildApp({ config, database: t.database, logger: false });
    await expect(started).rejects.toThrow(RulePackError);
    await expect(started).rejects.toThrow(/eu-tco\.yaml:\d+: versions\[0\]\.deadlines\[0\]\.hours/);
  });
});
