/**
 * Exports (issue 13) over the real app and database: orders recorded and decided through the API,
 * exported through `GET /api/v1/public/exports/:format`, and
 * - the Google CSVs imported with Writ's own importer (src/datasets/import-dataset.ts) into the same
 *   database reproduce Writ's own report for the period (requests, items, requesters, products,
 *   reasons, item-outcome shares);
 * - the EU's Part 3 counts the Member State's order, its medians in hours from delivery (blank where
 *   nothing was confirmed, 0 for an instantaneous receipt);
 * - statements of reasons pass the validator, come in batches of at most 100, and keep their puid;
 * - bad formats, periods and file names are refused with the field named.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../src/datasets/import-dataset.js';
import { datasetFiguresRepository } from '../../src/db/datasets-figures-repository.js';
import { datasetsRepository } from '../../src/db/datasets-repository.js';
import { enforcementRepository } from '../../src/db/enforcement-repository.js';
import { validateStatement } from '../../src/domain/exports/dsa-sor.js';
import { googleRequestors } from '../../src/domain/exports/google-removals.js';
import type { CountryReport } from '../../src/domain/report.js';
import { outcomes } from '../../src/domain/vocabulary.js';
import { createAuthority, createTestApp, dataRequestBody, newRequestBody, type TestApp } from '../support/app.js';
import { samplePublicRecord, seedPublishedRecord } from '../support/publishing.js';

const now = new Date('2026-08-15T12:00:00Z');
let t: TestApp;
let dir: string;
let deOrderId: string;

type Item = { product: string; decision: { outcome: string; reason: string; scopeCountries?: string[] } | null };

async function order(authorityId: string, items: Item[], receivedAt = '2026-03-10T23:30:00+05:00') {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: t.auth,
    payload: newRequestBody(authorityId, {
      receivedAt,
      items: items.map((item, n) => ({ targetKind: 'url', target: `https://video.example/watch/${n}`, product: item.product })),
    }),
  });
  expect(res.statusCode, res.body).toBe(201);
  const created: { id: string; items: { id: string }[] } = res.json();
  for (const [n, item] of items.entries()) {
    if (!item.decision) continue;
    const d = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/requests/${created.id}/items/${created.items[n]!.id}/decision`,
      headers: t.auth,
      payload: { ...item.decision, rationale: 'Reviewed against the law the order cites' },
    });
    expect(d.statusCode, d.body).toBe(200);
  }
  return created.id;
}

const get = (url: string) => t.app.inject({ method: 'GET', url });

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  dir = await mkdtemp(path.join(tmpdir(), 'writ-exports-'));
  const regulator = (await createAuthority(t, 'KZ', 'Ministry of Information', 'communications_regulator')).id;
  const police = (await createAuthority(t, 'KZ', 'Police of Almaty', 'police')).id;
  const prosecutor = (await createAuthority(t, 'KZ', 'Prosecutor General', 'prosecutor')).id;
  const court = (await createAuthority(t, 'RU', 'Moscow City Court', 'court')).id;
  const dpa = (await createAuthority(t, 'DE', 'Datenschutzbehörde', 'data_protection_authority')).id;
  const undecided = (await createAuthority(t, 'TR', 'BTK', 'communications_regulator')).id;
  const restrict = (reason: string, country: string) => ({ outcome: 'removed_legal', reason, scopeCountries: [country] });
  await order(regulator, [
    { product: 'Video', decision: restrict('Bullying/Harassment', 'KZ') },
    { product: 'Video', decision: { outcome: 'no_action', reason: 'Government Criticism' } },
    { product: 'Profiles', decision: { outcome: 'removed_policy', reason: 'Hate Speech' } },
  ]);
  await order(regulator, [{ product: 'Video', decision: { outcome: 'content_not_found', reason: 'National Security' } }]);
  await order(police, [
    { product: 'Profiles', decision: restrict('Defamation', 'KZ') },
    { product: 'Profiles', decision: restrict('Defamation', 'KZ') },
  ]);
  await order(prosecutor, [{ product: 'Video', decision: { outcome: 'no_action', reason: 'Fraud' } }]);
  await order(court, [
    { product: 'Video', decision: { outcome: 'content_already_removed', reason: 'Copyright' } },
    { product: 'Video', decision: { outcome: 'not_enough_information', reason: 'Copyright' } },
  ]);
  deOrderId = await order(dpa, [{ product: 'Video', decision: restrict('Privacy and Security', 'DE') }], '2026-04-01T10:00:00Z');
  // An order not yet decided: no aggregate export counts it.
  await order(undecided, [{ product: 'Video', decision: null }]);
}, 120_000);
afterAll(async () => {
  await t?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const firstLine = async (file: string) => (await readFile(file, 'utf8')).split('\n')[0]!.replace(/\r$/, '');

describe('google-removals', () => {
  it('lists its two files with download URLs, each with the exact header of Google’s file, LF, no BOM', async () => {
    const list = await get('/api/v1/public/exports/google-removals?period=2026-H1');
    expect(list.statusCode, list.body).toBe(200);
    const body: { files: { name: string; url: string }[] } = list.json();
    expect(body.files.map((f) => f.name).sort()).toEqual([
      'google-government-detailed-removal-requests.csv',
      'google-government-removal-requests.csv',
    ]);
    for (const f of body.files) {
      const res = await get(f.url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="${f.name}"`);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.body.charCodeAt(0)).not.toBe(0xfeff);
      expect(res.body).not.toContain('\r');
      const real = await firstLine(path.join('/work/shared/data/google-removals-2025-06', f.name));
      expect(res.body.split('\n')[0]).toBe(real);
      await writeFile(path.join(dir, f.name), res.body);
    }
  });

  it('round trip: imported with Writ’s importer, the files give back Writ’s own report for the period', async () => {
    const report = await importDataset(datasetsRepository(t.database.db), 'google-removals', dir);
    expect(report.unchanged).toBe(false);
    expect(report.vintage).toBe('2026-H1');
    const figures = datasetFiguresRepository(t.database.db);
    for (const country of ['KZ', 'RU', 'DE']) {
      const own: CountryReport = (await get(`/api/v1/public/reports/${country}/2026-H1`)).json();
      const detail = await figures.googleDetail(country, '2026-H1');
      // Requests and items.
      expect(detail.requesterRows.reduce((s, r) => s + r.requests, 0)).toBe(own.requests);
      expect(detail.requesterRows.reduce((s, r) => s + r.items, 0)).toBe(own.items);
      expect(detail.productRows.reduce((s, r) => s + r.requests, 0)).toBe(own.requests);
      // Requests by requester: Writ's authority kinds under Google's names.
      const byRequestor: Record<string, number> = {};
      for (const [kind, n] of Object.entries(own.requestsByRequesterKind))
        byRequestor[googleRequestors[kind as keyof typeof googleRequestors]] =
          (byRequestor[googleRequestors[kind as keyof typeof googleRequestors]] ?? 0) + n;
      expect(Object.fromEntries(detail.requesterRows.map((r) => [r.requester, r.requests]))).toEqual(byRequestor);
      // Requests by product and by reason.
      const sumBy = (key: 'product' | 'reason') => {
        const out: Record<string, number> = {};
        for (const r of detail.productRows) out[r[key] ?? ''] = (out[r[key] ?? ''] ?? 0) + r.requests;
        return out;
      };
      expect(sumBy('product')).toEqual(own.requestsByProduct);
      expect(sumBy('reason')).toEqual(own.requestsByReason);
      // Item outcomes: the whole percentages of items, blank where none.
      if (detail.requesterRows.length === 1) {
        const keys = [
          'removedLegal',
          'removedPolicy',
          'contentNotFound',
          'notEnoughInformation',
          'noAction',
          'contentAlreadyRemoved',
        ] as const;
        expect(detail.requesterRows[0]!.percents).toEqual(
          keys.map((k) => (own.itemOutcomes[k].count === 0 ? null : Math.round(own.itemOutcomes[k].share * 100))),
        );
      }
    }
    // The two KZ removal authorities that Google files together: police and prosecutor under "Police".
    const kz = await figures.googleDetail('KZ', '2026-H1');
    expect(kz.requesterRows.find((r) => r.requester === 'Police')).toMatchObject({ requests: 2, items: 3 });
    const regulator = kz.requesterRows.find((r) => r.requester === 'Information and Communications Authority')!;
    // 4 items: 1 removed-legal, 1 removed-policy, 1 not found, 1 no action; none of the other two (blank).
    expect(regulator.percents).toEqual([25, 25, 25, null, 25, null]);
    // The undecided Turkish order is not exported.
    expect((await figures.googleDetail('TR', '2026-H1')).requesterRows).toEqual([]);
    expect(outcomes).toHaveLength(6);
  });
});

describe('eu-orders', () => {
  const part3 = async (period = '2026-H1') => {
    const res = await get(`/api/v1/public/exports/eu-orders?period=${period}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="eu-part-3-member-states-orders-${period}.csv"`);
    return parse(res.body, { relax_column_count: false }) as string[][];
  };
  const rowOf = (rows: string[][], scope: string, label: string) => rows.find((r) => r[5] === scope && r[3] === label)!;

  it('has the template’s header and counts the Member State’s order; medians blank while nothing is confirmed', async () => {
    const rows = await part3();
    const template = await firstLine('/work/shared/reference/dsa-templates/part_3_member_states_orders.csv');
    expect((await get('/api/v1/public/exports/eu-orders?period=2026-H1')).body.split('\n')[0]).toBe(template);
    const total = rowOf(rows, 'TOTAL', 'TOTAL');
    expect(total.slice(0, 3)).toEqual(['All', 'localhost', '2026-01-01/2026-06-30']);
    // One order from DE (KZ, RU and TR are not Member States), one item; no receipt or effect confirmed yet.
    expect(total.slice(6, 13)).toEqual(['1', '1', '', '', '0', '', '']);
    expect(rowOf(rows, 'DE', 'STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS').slice(6, 8)).toEqual(['1', '1']);
    // Each category has its KEYWORD_OTHER row: the privacy one follows its category.
    const deRows = rows.filter((r) => r[5] === 'DE');
    const privacy = deRows.findIndex((r) => r[3] === 'STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS');
    const privacyOther = deRows.slice(privacy).find((r) => r[3] === 'KEYWORD_OTHER')!;
    expect(privacyOther[4]).toBe('Privacy and Security');
    expect(privacyOther[6]).toBe('1');
    // A category nobody sent an order under: 0 orders, blank medians (no order to take a median of).
    expect(rowOf(rows, 'TOTAL', 'STATEMENT_CATEGORY_ANIMAL_WELFARE').slice(6, 10)).toEqual(['0', '0', '', '']);
    // No Member State block for a country that sent nothing.
    expect(rows.some((r) => r[5] === 'FR')).toBe(false);
  });

  it('an instantaneous receipt is 0 hours, the effect its hours from delivery', async () => {
    // The facts the channel and the content system record: the receipt at delivery, the action effective 30 h later.
    await t.database.db.execute(sql`
      INSERT INTO mail_outbox (kind, "to", subject, body, request_id, created_at)
      SELECT 'receipt', 'dpa@example.de', 'Order received', 'Received.', id, received_at FROM requests WHERE id = ${deOrderId}`);
    // The content system confirms the decision's action took effect 30 hours after delivery.
    const enforcement = enforcementRepository(t.database.db, () => now);
    const actions = await enforcement.ofRequest(deOrderId);
    expect(actions).toHaveLength(1);
    const received = new Date('2026-04-01T10:00:00Z');
    await enforcement.confirm({
      actionId: actions[0]!.id,
      status: 'applied',
      effectiveAt: new Date(received.getTime() + 30 * 3_600_000),
      detail: null,
    });
    const rows = await part3();
    expect(rowOf(rows, 'TOTAL', 'TOTAL').slice(6, 10)).toEqual(['1', '1', '0', '30']);
    expect(rowOf(rows, 'DE', 'TOTAL').slice(6, 10)).toEqual(['1', '1', '0', '30']);
  });

  it('a half-year without orders: every count 0, every median blank', async () => {
    const rows = await part3('2025-H2');
    expect(rows.filter((r) => r[5] !== 'Scope' && r[5] !== 'TOTAL')).toEqual([]);
    for (const r of rows.slice(1)) {
      expect(r.slice(6, 8)).toEqual(['0', '0']);
      expect(r.slice(8, 10)).toEqual(['', '']);
    }
  });
  it('an order to provide information: counted in K under NOT_SPECIFIED_ORDER, given effect when its last account is decided', async () => {
    const court = (await createAuthority(t, 'DE', 'Amtsgericht Berlin', 'court')).id;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: t.auth,
      payload: dataRequestBody(court, { receivedAt: '2026-05-01T00:00:00Z', authorityTimeZone: 'Europe/Berlin' }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const created: { id: string; dataRequest: { accounts: { id: string }[] } } = res.json();
    // Undecided, it is not counted yet.
    expect(rowOf(await part3(), 'TOTAL', 'TOTAL')[10]).toBe('0');
    for (const account of created.dataRequest.accounts) {
      const d = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/requests/${created.id}/accounts/${account.id}/decision`,
        headers: t.auth,
        payload: {
          extent: 'none',
          refusalReason: 'account_not_found',
          legalBasis: 'Data protection law',
          rationale: 'No such account',
        },
      });
      expect(d.statusCode, d.body).toBe(200);
    }
    const rows = await part3();
    // Decided at the test clock, 2026-08-15T12:00Z: 106 days and 12 hours after delivery; no receipt confirmed.
    for (const scope of ['TOTAL', 'DE']) {
      expect(rowOf(rows, scope, 'TOTAL').slice(10, 13)).toEqual(['1', '', '2556']);
      expect(rowOf(rows, scope, 'STATEMENT_CATEGORY_NOT_SPECIFIED_ORDER').slice(10, 13)).toEqual(['1', '', '2556']);
    }
    // The removal order's figures are unchanged.
    expect(rowOf(rows, 'TOTAL', 'TOTAL').slice(6, 10)).toEqual(['1', '1', '0', '30']);
  });
});

describe('dsa-sor and lumen', () => {
  it('statements of published records pass the validator, in batches of at most 100, with the same puids each time', async () => {
    const restricted = {
      position: 1,
      targetKind: 'url' as const,
      target: 'https://video.example/watch/[redacted]',
      product: 'Video',
      outcome: 'removed_legal' as const,
      reason: 'Defamation' as const,
      scope: ['KZ'],
    };
    const items = Array.from({ length: 60 }, (_, n) => ({ ...restricted, position: n + 1 }));
    for (const n of [1, 2, 3]) {
      const record = samplePublicRecord({ id: `WR-90000${n}`, items, period: '2026-H1' });
      await seedPublishedRecord(t, record, { keepId: true });
    }
    const list = await get('/api/v1/public/exports/dsa-sor');
    expect(list.statusCode, list.body).toBe(200);
    const files: { name: string; url: string }[] = list.json().files;
    expect(files.map((f) => f.name)).toEqual(['dsa-statements-0001.json', 'dsa-statements-0002.json']);
    const statements: Record<string, unknown>[] = [];
    for (const f of files) {
      const batch: { statements: Record<string, unknown>[] } = (await get(f.url)).json();
      expect(batch.statements.length).toBeGreaterThan(0);
      expect(batch.statements.length).toBeLessThanOrEqual(100);
      statements.push(...batch.statements);
    }
    expect(statements).toHaveLength(180);
    for (const s of statements) expect(validateStatement(s), JSON.stringify(s)).toEqual([]);
    expect(new Set(statements.map((s) => s.puid)).size).toBe(180);
    expect(statements[0]!.puid).toBe('writ-WR-900001-1');
    const again: Record<string, unknown>[] = [];
    for (const f of files) again.push(...(await get(f.url)).json().statements);
    expect(again.map((s) => s.puid)).toEqual(statements.map((s) => s.puid));
  });

  it('lumen: one notice per published record', async () => {
    const res = await get('/api/v1/public/exports/lumen');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="lumen-notices.json"');
    const body: { notices: { notice: { case_id_number: string } }[] } = res.json();
    expect(body.notices.map((n) => n.notice.case_id_number)).toEqual(['WR-900001', 'WR-900002', 'WR-900003']);
  });
});

describe('meta-data-requests', () => {
  it('one file per half-year in Meta’s layout C (its header, CRLF), figures from Writ’s user-data report', async () => {
    const police = (await createAuthority(t, 'US', 'Police of Springfield', 'police')).id;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: t.auth,
      payload: dataRequestBody(police, { receivedAt: '2026-02-01T10:00:00Z', authorityTimeZone: 'America/New_York' }),
    });
    expect(res.statusCode, res.body).toBe(201);
    const list = await get('/api/v1/public/exports/meta-data-requests');
    const files: { name: string; url: string }[] = list.json().files;
    expect(files.map((f) => f.name)).toEqual(['PRPL-Facebook-Government-Report-2026_H1.csv']);
    const body = (await get(files[0]!.url)).body;
    const lines = body.split('\r\n');
    expect(lines[0]).toBe(
      await firstLine(
        '/work/shared/data/meta-government-requests-2023/government-requests/PRPL-Facebook-Government-Report-2023_H2.csv',
      ),
    );
    // CRLF after every line, as Meta's files; none bare.
    expect(lines.at(-1)).toBe('');
    expect(body.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    // One row per country with data orders in the half-year (the German court's order of the EU test too).
    const cells = (parse(body, { columns: true }) as Record<string, string>[]).filter((c) => c.Country === 'United States');
    const own = (await get('/api/v1/public/reports/US/2026-H1/user-data')).json();
    expect(cells[0]).toMatchObject({
      Country: 'United States',
      'Total Requests': String(own.totalRequests),
      'Total Requests Accounts': String(own.totalAccounts),
      'Total Requests Percentage': '0%',
      'Court Order (Other)': '1',
      'Court Order (Other) Accounts': '2',
      'Search Warrant': '0',
      'Emergency Request Total': '0',
      'Emergency Request Total Percentage': '0%',
    });
    expect(own.totalRequests).toBe(1);
    expect(own.totalAccounts).toBe(2);
  });
});

describe('refused input', () => {
  it('an unknown format, a bad or future period, an unknown file: 400/404 naming the field, nothing else', async () => {
    const bad = await get('/api/v1/public/exports/tiktok');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toContain('google-removals');
    const period = await get('/api/v1/public/exports/google-removals?period=2026-H3');
    expect(period.statusCode).toBe(400);
    expect(period.json().field).toContain('period');
    const future = await get('/api/v1/public/exports/eu-orders?period=2027-H1');
    expect(future.statusCode).toBe(400);
    expect(future.json().field).toBe('period');
    const file = await get('/api/v1/public/exports/google-removals?file=secrets.csv');
    expect(file.statusCode).toBe(404);
    expect(file.json().field).toBe('file');
  });
});
