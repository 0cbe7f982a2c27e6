/**
 * The public site's data (issue 13): the overview equals a GROUP BY over the stored orders; case
 * studies come only from published, not withdrawn public-interest records (never from a decision
 * that is not published); the methodology lists exactly the domain's constants; every download's
 * CSV says what its JSON says; an unknown download is a 404 problem.
 */
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTombstone } from '../../src/db/public-record-writes.js';
import { personalDataKinds } from '../../src/domain/publishing-vocabulary.js';
import { deadlineBases } from '../../src/domain/regimes/vocabulary.js';
import { authorityKinds, outcomeLabels, outcomes, reasons, requestKinds } from '../../src/domain/vocabulary.js';
import { createAuthority, createTestApp, dataRequestBody, newRequestBody, type TestApp } from '../support/app.js';
import { samplePublicRecord, seedPublishedRecord } from '../support/publishing.js';

let t: TestApp;
const now = new Date('2026-10-01T00:00:00Z');

const record = async (body: Record<string, unknown>) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: t.auth, payload: body });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string; reference: string; items: { id: string }[] };
};

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  const kz = await createAuthority(t, 'KZ', 'Regulator KZ');
  const ru = await createAuthority(t, 'RU', 'Regulator RU');
  const de = await createAuthority(t, 'DE', 'Court DE', 'court');
  const three = [
    { targetKind: 'url', target: 'https://x.example/1', product: 'Video' },
    { targetKind: 'url', target: 'https://x.example/2', product: 'Video' },
    { targetKind: 'url', target: 'https://x.example/3', product: 'Posts' },
  ];
  await record(newRequestBody(kz.id));
  await record(newRequestBody(kz.id, { receivedAt: '2025-08-01T10:00:00Z', items: three }));
  await record(newRequestBody(kz.id, { receivedAt: '2025-12-31T23:59:59Z' }));
  await record(newRequestBody(ru.id, { receivedAt: '2026-01-01T00:00:00Z', items: three }));
  await record(dataRequestBody(kz.id));
  await record(dataRequestBody(kz.id, { kind: 'preservation', receivedAt: '2025-09-09T09:00:00Z' }));
  await record(dataRequestBody(de.id, { kind: 'emergency_disclosure', receivedAt: '2026-02-02T02:00:00Z' }));
});
afterAll(async () => t?.close());

describe('the overview', () => {
  it('equals a GROUP BY over the orders: removal orders, their items and data orders per country and half-year', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/overview' });
    expect(res.statusCode).toBe(200);
    const overview = res.json() as {
      rows: { country: string; period: string; removalOrders: number; removalItems: number; dataOrders: number }[];
      countries: { country: string; removalOrders: number }[];
      periods: string[];
    };
    const scan = await t.database.db.execute<{
      country: string;
      period: string;
      removal_orders: number;
      removal_items: number;
      data_orders: number;
    }>(sql`
      SELECT a.country,
             extract(year FROM r.received_at AT TIME ZONE 'UTC')::int || '-H' ||
               CASE WHEN extract(month FROM r.received_at AT TIME ZONE 'UTC') <= 6 THEN '1' ELSE '2' END AS period,
             count(*) FILTER (WHERE r.kind = 'content_removal')::int AS removal_orders,
             coalesce(sum((SELECT count(*) FROM items i WHERE i.request_id = r.id)) FILTER (WHERE r.kind = 'content_removal'), 0)::int AS removal_items,
             count(*) FILTER (WHERE r.kind <> 'content_removal')::int AS data_orders
      FROM requests r JOIN authorities a ON a.id = r.authority_id
      GROUP BY 1, 2 ORDER BY 2, 1`);
    const expected = scan.rows.map((r) => ({
      country: r.country,
      period: r.period,
      removalOrders: Number(r.removal_orders),
      removalItems: Number(r.removal_items),
      dataOrders: Number(r.data_orders),
    }));
    expect(expected).toHaveLength(4);
    expect(
      overview.rows.map(({ country, period, removalOrders, removalItems, dataOrders }) => ({
        country,
        period,
        removalOrders,
        removalItems,
        dataOrders,
      })),
    ).toEqual(expected);
    // By hand, so that a wrong GROUP BY would not agree with a wrong rollup by chance.
    expect(overview.rows).toContainEqual(
      expect.objectContaining({ country: 'KZ', period: '2025-H2', removalOrders: 2, removalItems: 5, dataOrders: 1 }),
    );
    expect(overview.rows).toContainEqual(
      expect.objectContaining({ country: 'KZ', period: '2026-H1', removalOrders: 1, removalItems: 2, dataOrders: 1 }),
    );
    expect(overview.rows).toContainEqual(
      expect.objectContaining({ country: 'DE', period: '2026-H1', removalOrders: 0, removalItems: 0, dataOrders: 1 }),
    );
    expect(overview.countries[0]).toMatchObject({ country: 'KZ', removalOrders: 3 });
    expect(overview.periods).toEqual(['2025-H2', '2026-H1']);
  });
});

describe('case studies', () => {
  it('come only from published, not withdrawn public-interest records', async () => {
    const shown = await seedPublishedRecord(
      t,
      samplePublicRecord({ publicInterest: true, caseStudy: 'A journalist’s video; the platform took no action.' }),
    );
    await seedPublishedRecord(t, samplePublicRecord({ publicInterest: false, caseStudy: null }));
    const withdrawn = await seedPublishedRecord(
      t,
      samplePublicRecord({ publicInterest: true, caseStudy: 'Withdrawn later: must not be shown.' }),
    );
    await t.database.db.transaction((tx) =>
      writeTombstone(tx, {
        tombstone: { id: withdrawn.record.id, version: 2, withdrawnAt: now.toISOString(), reason: 'Published in error' },
        at: now,
      }),
    );
    // Decided of public interest with a case study, never published: it is the order's, not the site's.
    const kz = await createAuthority(t, 'KZ', 'Unpublished regulator');
    const order = await record(
      newRequestBody(kz.id, { items: [{ targetKind: 'url', target: 'https://x.example/u', product: 'Video' }] }),
    );
    const decided = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/requests/${order.id}/items/${order.items[0]!.id}/decision`,
      headers: t.auth,
      payload: {
        outcome: 'no_action',
        reason: 'Fraud',
        rationale: 'Lawful speech',
        publicInterest: true,
        caseStudy: 'Unpublished case study: must not be shown.',
      },
    });
    expect(decided.statusCode).toBe(200);

    const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/case-studies?country=kz&period=2026-H1' });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { country: string; period: string; caseStudies: { id: string; caseStudy: string }[] };
    expect(body).toMatchObject({ country: 'KZ', period: '2026-H1' });
    expect(body.caseStudies.map((c) => c.id)).toEqual([shown.record.id]);
    expect(body.caseStudies[0]!.caseStudy).toBe('A journalist’s video; the platform took no action.');
    expect(res.body).not.toContain('must not be shown');

    const table = await t.app.inject({
      method: 'GET',
      url: '/api/v1/public/downloads/country-KZ-2026-H1-case-studies?format=json',
    });
    expect(table.json().rows.map((r: { id: string }) => r.id)).toEqual([shown.record.id]);
    const other = await t.app.inject({ method: 'GET', url: '/api/v1/public/case-studies?country=RU&period=2026-H1' });
    expect(other.json().caseStudies).toEqual([]);
  });

  it('refuses a half-year that has not begun, naming the field', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/case-studies?country=KZ&period=2027-H1' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', field: 'period' });
  });
});

describe('the methodology', () => {
  it("lists exactly the domain's constants", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/methodology' });
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m.outcomes).toEqual(outcomes.map((key) => ({ key, label: outcomeLabels[key] })));
    expect(m.reasons).toEqual([...reasons]);
    expect(m.authorityKinds).toEqual([...authorityKinds]);
    expect(m.requestKinds).toEqual([...requestKinds]);
    expect(m.deadlineBases).toEqual([...deadlineBases]);
    expect(m.personalDataKinds).toEqual([...personalDataKinds]);
    expect(m.publicRecordFields.map((f: { field: string }) => f.field).sort()).toEqual(Object.keys(samplePublicRecord()).sort());
    expect(m.log).toMatchObject({ standard: 'RFC 9162', hash: 'SHA-256', leafPrefix: '0x00', nodePrefix: '0x01' });
  });
});

describe('downloads', () => {
  it("lists every table, and each table's CSV has the JSON's columns and rows", async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/public/downloads' });
    expect(list.statusCode).toBe(200);
    const names = (list.json().downloads as { name: string; csv: string; json: string }[]).map((d) => d.name);
    expect(names[0]).toBe('overview');
    expect(names).toContain('country-KZ-2026-H1-outcomes');
    expect(names).toContain('country-DE-2026-H1-user-data');
    for (const name of [
      'overview',
      'country-KZ-2025-H2-outcomes',
      'country-KZ-2026-H1-products',
      'country-KZ-2026-H1-user-data',
    ]) {
      const json = await t.app.inject({ method: 'GET', url: `/api/v1/public/downloads/${name}?format=json` });
      const csv = await t.app.inject({ method: 'GET', url: `/api/v1/public/downloads/${name}?format=csv` });
      expect(json.statusCode).toBe(200);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.headers['content-disposition']).toBe(`attachment; filename="${name}.csv"`);
      expect(json.headers['content-disposition']).toBe(`attachment; filename="${name}.json"`);
      const table = json.json() as { name: string; columns: string[]; rows: Record<string, string | number | null>[] };
      expect(table.rows.length).toBeGreaterThan(0);
      const [header, ...lines] = parse(csv.body) as string[][];
      expect(header).toEqual(table.columns);
      expect(lines).toEqual(table.rows.map((row) => table.columns.map((c) => (row[c] === null ? '' : String(row[c])))));
    }
    // The country tables say what the country page's own reports say.
    const table = async (name: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/v1/public/downloads/${name}?format=json` })).json().rows as Record<
        string,
        string | number | null
      >[];
    const report = (await t.app.inject({ method: 'GET', url: '/api/v1/public/reports/KZ/2025-H2' })).json();
    expect(await table('country-KZ-2025-H2-outcomes')).toContainEqual({
      outcome: 'pending',
      items: report.itemOutcomes.pending.count,
      share: report.itemOutcomes.pending.share,
    });
    expect(await table('country-KZ-2025-H2-removals')).toEqual([
      { requests: report.requests, items: report.items, undecidedRequests: report.undecidedRequests },
    ]);
    const userData = (await t.app.inject({ method: 'GET', url: '/api/v1/public/reports/KZ/2026-H1/user-data' })).json();
    const userDataRows = await table('country-KZ-2026-H1-user-data');
    expect(userDataRows).toContainEqual({ figure: 'totalRequests', value: userData.totalRequests });
    expect(userDataRows).toContainEqual({
      figure: 'byProcess.court_order.requests',
      value: userData.byProcess.court_order.requests,
    });
    expect(userData.totalRequests).toBe(1);

    const overview = await t.app.inject({ method: 'GET', url: '/api/v1/public/downloads/overview?format=json' });
    const site = await t.app.inject({ method: 'GET', url: '/api/v1/public/overview' });
    expect(overview.json().rows).toEqual(site.json().rows.map(({ containsDemoData: _, ...r }: Record<string, unknown>) => r));
  });

  it("answers a country's half-year without orders with its header only, so the page's links never break", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/downloads/country-FR-2026-H1-case-studies' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('id,version,authority,authorityKind,decidedOn,outcomes,caseStudy\n');
  });

  it('answers an unknown table with a 404 problem', async () => {
    for (const name of ['nothing', 'country-KZ-2026-H1-secrets', 'country-KZ-2099-H1-outcomes', 'country-XX-2026-H1-outcomes']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/downloads/${name}` });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'not_found' });
    }
  });
});
