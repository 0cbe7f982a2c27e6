/**
 * The publication workflow (issue 13) over the real app and database: a decided order's draft with
 * its proposed redactions and a preview that never shows a redacted value, choices checked against
 * the texts they cut, approval only of a decided order, publication by the sweep only after the
 * delay and never while a non-disclosure order runs, corrections as new versions and withdrawals as
 * tombstones, each a leaf of the transparency log, and the roles that may do each.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWrit } from '../../src/app/context.js';
import { publishDue } from '../../src/app/publications.js';
import { loadConfig } from '../../src/config.js';
import {
  createAuthority,
  createStaff,
  createTestApp,
  dataRequestBody,
  generousRateLimits,
  newRequestBody,
  type TestApp,
} from '../support/app.js';
import { logSize } from '../support/publishing.js';

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are read loosely in tests
type Json = any;

const HOUR = 3_600_000;
let clock = new Date('2026-03-12T06:00:00Z');
let t: TestApp;
let authorityId: string;
let legal: Awaited<ReturnType<typeof createStaff>>;
let auditor: Awaited<ReturnType<typeof createStaff>>;
let writ: ReturnType<typeof createWrit>;

const email = 'aigerim.n@mail.kz';
const summary = `Video restricted in KZ; the complainant wrote from ${email}.`;

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  authorityId = (await createAuthority(t, 'KZ', 'Ministry of Information')).id;
  legal = await createStaff(t, 'legal');
  auditor = await createStaff(t, 'auditor');
  const config = loadConfig({ WRIT_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent', ...generousRateLimits });
  writ = createWrit(t.database.db, config, { now: () => clock });
});
afterAll(async () => {
  await t?.close();
});

const call = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: Record<string, unknown>, headers = t.auth) =>
  t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });

async function removalOrder(decide = true): Promise<{ id: string; reference: string }> {
  const created = await call(
    'POST',
    '/api/v1/requests',
    newRequestBody(authorityId, {
      claimedCategories: [],
      legalBasis: 'Law on Online Platforms, Art. 19; complaint of Aigerim Nurlanova',
      items: [{ targetKind: 'url', target: `https://video.example/watch/a?contact=${email}`, product: 'Video' }],
    }),
  );
  expect(created.statusCode, created.body).toBe(201);
  const order = created.json() as Json;
  if (decide) {
    for (const item of order.items) {
      const res = await call('PUT', `/api/v1/requests/${order.id}/items/${item.id}/decision`, {
        outcome: 'no_action',
        reason: 'Government Criticism',
        rationale: 'Political speech',
        publicSummary: summary,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
  }
  return order;
}

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return (await t.database.db.execute(query)).rows as T[];
}
const publicRecordOf = (publicId: string) =>
  rows<{ version: number; record: Json; tombstone: Json; leaf_index: number }>(
    sql`SELECT version, record, tombstone, leaf_index::int AS leaf_index FROM public_records WHERE public_id = ${publicId}`,
  );
const eventsOf = (requestId: string) =>
  rows<{ type: string; note: string | null }>(
    sql`SELECT type, note FROM events WHERE request_id = ${requestId} AND type LIKE 'publication.%' ORDER BY id`,
  );

describe('preparing a publication', () => {
  it('makes a draft with the proposed redactions chosen and a preview without any redacted value', async () => {
    const order = await removalOrder();
    const res = await call('GET', `/api/v1/requests/${order.id}/publication`);
    expect(res.statusCode, res.body).toBe(200);
    const draft = res.json() as Json;
    expect(draft).toMatchObject({ publicId: order.reference, status: 'draft', ready: true, version: 0 });
    const summaryField = draft.fields.find((f: Json) => f.field === 'summary');
    expect(summaryField.text).toBe(summary);
    expect(summaryField.proposed).toContainEqual(
      expect.objectContaining({ kind: 'email', start: summary.indexOf(email), end: summary.indexOf(email) + email.length }),
    );
    expect(summaryField.chosen).toEqual(summaryField.proposed);
    expect(JSON.stringify(draft.preview)).not.toContain(email);
    expect(draft.preview.summary).toContain('[redacted]');

    // A marked name is redacted everywhere it occurs, and never shows in the preview.
    const legalBasis = draft.fields.find((f: Json) => f.field === 'legalBasis');
    const saved = await call('PUT', `/api/v1/requests/${order.id}/publication`, {
      redactions: draft.fields.flatMap((f: Json) => f.chosen),
      markedNames: ['Aigerim Nurlanova'],
      concernsChild: false,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(legalBasis.text).toContain('Aigerim Nurlanova');
    expect(JSON.stringify(saved.json().preview)).not.toContain('Nurlanova');
    expect(saved.json().markedNames).toEqual(['Aigerim Nurlanova']);
  });

  it('refuses spans outside their text, overlapping or of an unknown field, naming the span; nothing changes', async () => {
    const order = await removalOrder();
    const draft = (await call('GET', `/api/v1/requests/${order.id}/publication`)).json() as Json;
    const length = draft.fields.find((f: Json) => f.field === 'legalBasis').text.length;
    const bad: [unknown[], string][] = [
      [[{ field: 'legalBasis', start: 0, end: length + 1, kind: 'manual' }], 'redactions/0/end'],
      [[{ field: 'legalBasis', start: 5, end: 3, kind: 'manual' }], 'redactions/0/end'],
      [
        [
          { field: 'legalBasis', start: 0, end: 10, kind: 'manual' },
          { field: 'legalBasis', start: 5, end: 12, kind: 'manual' },
        ],
        'redactions/1/start',
      ],
      [[{ field: 'target:9', start: 0, end: 1, kind: 'manual' }], 'redactions/0/field'],
      [[{ field: 'rationale', start: 0, end: 1, kind: 'manual' }], 'redactions/0/field'],
      [[{ field: 'legalBasis', start: 0, end: 1, kind: 'secret' }], 'redactions/0/kind'],
    ];
    for (const [redactions, field] of bad) {
      const res = await call('PUT', `/api/v1/requests/${order.id}/publication`, {
        redactions,
        markedNames: [],
        concernsChild: false,
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed', field });
    }
    const after = (await call('GET', `/api/v1/requests/${order.id}/publication`)).json() as Json;
    expect(after.fields).toEqual(draft.fields);
  });

  it('leaves no draft behind when the first choices sent for an order are refused (found by fuzz-routes)', async () => {
    const order = await removalOrder();
    const drafts = async () =>
      (await t.database.pool.query('SELECT count(*)::int AS n FROM publications WHERE request_id = $1', [order.id])).rows[0].n;
    const res = await call('PUT', `/api/v1/requests/${order.id}/publication`, {
      redactions: [{ field: 'target:0490', start: 250506453, end: 896984776, kind: 'email' }],
      markedNames: ['suscipit nibh'],
      concernsChild: false,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field: 'redactions/0/field' });
    expect(await drafts()).toBe(0);
    // Valid first choices make the draft and keep them.
    const ok = await call('PUT', `/api/v1/requests/${order.id}/publication`, {
      redactions: [],
      markedNames: [],
      concernsChild: true,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await drafts()).toBe(1);
    expect(ok.json()).toMatchObject({ concernsChild: true, status: 'draft' });
  });

  it('lets only deciders prepare and approve, and only legal and human-rights staff withdraw', async () => {
    const order = await removalOrder();
    expect((await call('GET', `/api/v1/requests/${order.id}/publication`, undefined, auditor.auth)).statusCode).toBe(403);
    expect((await call('GET', '/api/v1/publications', undefined, auditor.auth)).statusCode).toBe(403);
    expect((await call('POST', `/api/v1/requests/${order.id}/publication/approve`, undefined, auditor.auth)).statusCode).toBe(
      403,
    );
    expect((await call('POST', `/api/v1/requests/${order.id}/publication/withdraw`, { reason: 'x' }, t.auth)).statusCode).toBe(
      403,
    );
    expect(await eventsOf(order.id)).toEqual([]);
  });
});

describe('approval and the sweep', () => {
  it('refuses an undecided order with publication_not_ready, and changes nothing', async () => {
    const order = await removalOrder(false);
    const res = await call('POST', `/api/v1/requests/${order.id}/publication/approve`);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().code).toBe('publication_not_ready');
    const draft = (await call('GET', `/api/v1/requests/${order.id}/publication`)).json() as Json;
    expect(draft).toMatchObject({ status: 'draft', ready: false, approvedAt: null, publishAfter: null });
    expect(await eventsOf(order.id)).toEqual([]);
  });

  it('publishes an approved record only after the delay, into the log; corrects it as version 2 and withdraws it to a tombstone', async () => {
    const order = await removalOrder();
    const approved = await call('POST', `/api/v1/requests/${order.id}/publication/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      publishAfter: new Date(clock.getTime() + 72 * HOUR).toISOString(),
    });
    const again = await call('POST', `/api/v1/requests/${order.id}/publication/approve`);
    expect(again.json().code).toBe('invalid_transition');

    const leaves = await logSize(t);
    clock = new Date(clock.getTime() + 71 * HOUR);
    await publishDue(writ);
    expect(await publicRecordOf(order.reference)).toEqual([]);
    expect(await logSize(t)).toBe(leaves);

    clock = new Date(clock.getTime() + 2 * HOUR);
    expect(await publishDue(writ)).toBeGreaterThanOrEqual(1);
    const [published] = await publicRecordOf(order.reference);
    expect(published).toMatchObject({ version: 1, tombstone: null, leaf_index: leaves });
    expect(published!.record.id).toBe(order.reference);
    expect(JSON.stringify(published!.record)).not.toContain(email);
    expect(await logSize(t)).toBe(leaves + 1);
    expect((await call('GET', `/api/v1/requests/${order.id}/publication`)).json()).toMatchObject({
      status: 'published',
      version: 1,
    });
    // The sweep publishes a record once.
    await publishDue(writ);
    expect(await logSize(t)).toBe(leaves + 1);

    const listed = await call('GET', '/api/v1/publications?status=published');
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().publications.map((p: Json) => p.publicId)).toContain(order.reference);

    // Correction: a manual span more, version 2, a second leaf.
    const draft = (await call('GET', `/api/v1/requests/${order.id}/publication`)).json() as Json;
    const basis = draft.fields.find((f: Json) => f.field === 'legalBasis');
    const start = basis.text.indexOf('Art. 19');
    const saved = await call('PUT', `/api/v1/requests/${order.id}/publication`, {
      redactions: [
        ...draft.fields.flatMap((f: Json) => f.chosen),
        { field: 'legalBasis', start, end: start + 'Art. 19'.length, kind: 'manual' },
      ],
      markedNames: [],
      concernsChild: false,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().status).toBe('published');
    const blank = await call('POST', `/api/v1/requests/${order.id}/publication/correct`, { note: '  ' });
    expect(blank.statusCode).toBe(400);
    const corrected = await call('POST', `/api/v1/requests/${order.id}/publication/correct`, {
      note: 'An article number was redacted.',
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const [v2] = await publicRecordOf(order.reference);
    expect(v2).toMatchObject({ version: 2, leaf_index: leaves + 1 });
    expect(v2!.record.correctionNote).toBe('An article number was redacted.');
    expect(v2!.record.legalBasis).not.toContain('Art. 19');
    expect(await logSize(t)).toBe(leaves + 2);

    // Withdrawal: only legal or human-rights staff, a tombstone as version 3, a third leaf.
    const withdrawn = await call(
      'POST',
      `/api/v1/requests/${order.id}/publication/withdraw`,
      { reason: 'A court ordered it taken down.' },
      legal.auth,
    );
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', withdrawalReason: 'A court ordered it taken down.' });
    const [gone] = await publicRecordOf(order.reference);
    expect(gone).toMatchObject({ version: 3, leaf_index: leaves + 2 });
    expect(gone!.tombstone).toMatchObject({ id: order.reference, version: 3, reason: 'A court ordered it taken down.' });
    expect(await logSize(t)).toBe(leaves + 3);
    const versions = await rows<{ version: number; kind: string }>(
      sql`SELECT version, kind FROM public_record_versions WHERE public_id = ${order.reference} ORDER BY version`,
    );
    expect(versions).toEqual([
      { version: 1, kind: 'publish' },
      { version: 2, kind: 'correct' },
      { version: 3, kind: 'withdraw' },
    ]);

    // Approval after withdrawal is refused.
    const reapproved = await call('POST', `/api/v1/requests/${order.id}/publication/approve`);
    expect(reapproved.statusCode).toBe(409);
    expect(reapproved.json().code).toBe('invalid_transition');
    expect((await eventsOf(order.id)).map((e) => e.type)).toEqual([
      'publication.approved',
      'publication.published',
      'publication.corrected',
      'publication.withdrawn',
    ]);
  });

  it('sends an approved publication whose choices change back to draft: what is published is what was approved', async () => {
    const order = await removalOrder();
    const draft = (await call('GET', `/api/v1/requests/${order.id}/publication`)).json() as Json;
    expect((await call('POST', `/api/v1/requests/${order.id}/publication/approve`)).statusCode).toBe(200);
    const saved = await call('PUT', `/api/v1/requests/${order.id}/publication`, {
      redactions: draft.fields.flatMap((f: Json) => f.chosen),
      markedNames: ['Aigerim Nurlanova'],
      concernsChild: false,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ status: 'draft', approvedAt: null, publishAfter: null });
    clock = new Date(clock.getTime() + 100 * HOUR);
    await publishDue(writ);
    expect(await publicRecordOf(order.reference)).toEqual([]);
    const drafts = (await call('GET', '/api/v1/publications?status=draft')).json() as Json;
    expect(drafts.publications.map((p: Json) => p.publicId)).toContain(order.reference);
    const unknown = await call('GET', '/api/v1/requests/00000000-0000-4000-8000-000000000000/publication');
    expect(unknown.statusCode).toBe(404);
  });

  it('does not publish a data order while its non-disclosure order runs, and publishes it after', async () => {
    const until = new Date(clock.getTime() + 30 * 24 * HOUR);
    const created = await call(
      'POST',
      '/api/v1/requests',
      dataRequestBody(authorityId, { dataRequest: { nonDisclosureUntil: until.toISOString() } }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const order = created.json() as Json;
    for (const account of order.dataRequest.accounts) {
      const res = await call('PUT', `/api/v1/requests/${order.id}/accounts/${account.id}/decision`, {
        extent: 'all',
        legalBasis: 'Criminal Procedure Code, Art. 232',
        rationale: 'Valid court order',
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const approved = await call('POST', `/api/v1/requests/${order.id}/publication/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().nonDisclosureUntil).toBe(until.toISOString());

    clock = new Date(clock.getTime() + 100 * HOUR);
    await publishDue(writ);
    expect(await publicRecordOf(order.reference)).toEqual([]);

    clock = new Date(until.getTime() + HOUR);
    await publishDue(writ);
    const [published] = await publicRecordOf(order.reference);
    expect(published!.record.accounts).toEqual({ requested: 2, disclosed: 2, partly: 0, refused: 0 });
    expect(JSON.stringify(published!.record)).not.toContain('first_user');
  });
});
