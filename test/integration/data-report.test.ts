/**
 * The user-data report (issue 11) against plain SQL counts written here, over the base tables, on a
 * generated data set: data orders of every kind and legal process from three countries over four
 * half-years (boundary instants included), random account decisions made through the reviewer's
 * route, preservation holds (rows: placing them is the preservation code's), non-disclosure orders,
 * withdrawn and demo orders, and removal orders that must not count. Also the acceptance case of
 * an order with three accounts where data is produced for one, and the route's 400s.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DataReport, figureValue, metaColumns } from '../../src/domain/data-report.js';
import { legalProcessTypes } from '../../src/domain/data-request.js';
import { createAuthority, createTestApp, dataRequestBody, newRequestBody, type TestApp } from '../support/app.js';

const now = new Date('2026-11-30T12:00:00Z');
let t: TestApp;

/** A small deterministic generator (mulberry32), so that a failure can be replayed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const seed = Number(process.env.DATA_REPORT_SEED ?? 20261130);
const rnd = random(seed);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

/** Instants spread over 2025-H1 … 2026-H2, with the half-years' edges (UTC) among them. */
const instants = [
  '2025-01-01T00:00:00Z',
  '2025-03-14T10:00:00+05:00',
  '2025-06-30T23:59:59Z',
  '2025-07-01T04:59:59+05:00', // 2025-06-30T23:59:59Z: still H1
  '2025-07-01T00:00:00Z',
  '2025-10-02T08:00:00Z',
  '2026-01-01T00:00:00Z',
  '2026-04-20T12:00:00+03:00',
  '2026-06-30T23:59:59Z',
  '2026-07-01T00:00:00Z',
  '2026-09-09T09:00:00Z',
];

type Order = { id: string; accounts: string[] };

async function post(body: Record<string, unknown>): Promise<Order> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/requests', headers: t.auth, payload: body });
  if (res.statusCode !== 201) throw new Error(`intake: ${res.statusCode} ${res.body}`);
  const id = res.json().id as string;
  const detail = await t.app.inject({ method: 'GET', url: `/api/v1/requests/${id}`, headers: t.auth });
  const accounts = ((detail.json().dataRequest?.accounts ?? []) as { id: string }[]).map((a) => a.id);
  return { id, accounts };
}

async function decide(order: Order, accountId: string, extent: 'all' | 'some' | 'none') {
  const body = {
    extent,
    producedCategories: extent === 'some' ? ['subscriber_information'] : [],
    refusalReason: extent === 'all' ? null : pick(['overbroad', 'account_not_found', 'no_valid_legal_process'] as const),
    legalBasis: 'Criminal Procedure Code, Art. 232',
    rationale: 'generated',
  };
  const res = await t.app.inject({
    method: 'PUT',
    url: `/api/v1/requests/${order.id}/accounts/${accountId}/decision`,
    headers: t.auth,
    payload: body,
  });
  if (res.statusCode !== 200) throw new Error(`decision: ${res.statusCode} ${res.body}`);
}

const accountsOf = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ identifierKind: 'username', identifier: `user_${i}_${Math.floor(rnd() * 1e9)}` }));

async function report(country: string, period: string): Promise<DataReport> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/public/reports/${country}/${period}/user-data` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
}, 60_000);
afterAll(async () => t?.close());

describe('a request with three accounts where data is produced for one', () => {
  it('counts one request where some data was produced, and its three accounts', async () => {
    const authority = await createAuthority(t, 'KG', 'Interior Ministry', 'police');
    const order = await post(
      dataRequestBody(authority.id, {
        receivedAt: '2026-02-10T10:00:00+06:00',
        dataRequest: { legalProcess: 'search_warrant', accounts: accountsOf(3) },
      }),
    );
    expect(order.accounts).toHaveLength(3);
    const before = await report('KG', '2026-H1');
    expect(before).toMatchObject({ totalRequests: 1, totalAccounts: 3, requestsSomeDataProduced: 0, undecidedRequests: 1 });

    await decide(order, order.accounts[0] as string, 'some');
    await decide(order, order.accounts[1] as string, 'none');
    await decide(order, order.accounts[2] as string, 'none');
    const r = await report('KG', '2026-H1');
    expect(r.totalRequests).toBe(1);
    expect(r.totalAccounts).toBe(3);
    expect(r.requestsSomeDataProduced).toBe(1);
    expect(r.percentSomeDataProduced).toBe(1);
    expect(r.legalProcess).toEqual({ requests: 1, accounts: 3, someDataProduced: 1, percent: 1 });
    expect(r.byProcess.search_warrant).toEqual({ requests: 1, accounts: 3, someDataProduced: 1, percent: 1 });
    expect(r.emergency).toEqual({ requests: 0, accounts: 0, someDataProduced: 0, percent: 0 });
    expect(r.undecidedRequests).toBe(0);
  });

  it('prints the same figures from `writ report --kind user-data`', async () => {
    const run = promisify(execFile);
    const env = { ...process.env, DATABASE_URL: t.database.url };
    const args = ['bin/writ.js', 'report', '--country', 'KG', '--period', '2026-H1', '--kind', 'user-data'];
    const json = await run('node', [...args, '--format', 'json'], { env });
    expect(JSON.parse(json.stdout)).toEqual(await report('KG', '2026-H1'));
    const table = await run('node', args, { env });
    expect(table.stdout).toContain('User-data report: KG, 2026-H1');
    expect(table.stdout).toContain('Requests: 1    Accounts: 3    Some data produced: 1 (100.0%)');
    expect(table.stdout).toMatch(/search_warrant\s*│\s*1\s*│\s*3\s*│\s*1\s*│\s*100\.0%/);
    // Without --kind, the removal report as before.
    const removal = await run('node', ['bin/writ.js', 'report', '--country', 'KG', '--period', '2026-H1', '--format', 'json'], {
      env,
    });
    expect(JSON.parse(removal.stdout)).toHaveProperty('itemOutcomes');
    await expect(run('node', [...args.slice(0, -1), 'both'], { env })).rejects.toMatchObject({ code: 1 });
  }, 300_000);
});

describe('every figure equals a plain SQL count over the base tables (generated data set)', () => {
  const countries = ['KZ', 'RU', 'DE'];
  const periods = ['2025-H1', '2025-H2', '2026-H1', '2026-H2'];

  beforeAll(async () => {
    const authorities = await Promise.all(countries.map((c) => createAuthority(t, c, `Authority ${c}`, 'police')));
    const orders: { order: Order; kind: string }[] = [];
    for (let n = 0; n < 70; n++) {
      const authority = pick(authorities);
      const kind = pick(['user_data', 'user_data', 'emergency_disclosure', 'preservation', 'content_removal'] as const);
      const receivedAt = pick(instants);
      if (kind === 'content_removal') {
        await post(newRequestBody(authority.id, { receivedAt }));
        continue;
      }
      const dataRequest: Record<string, unknown> = { accounts: accountsOf(1 + Math.floor(rnd() * 4)) };
      if (kind === 'user_data') dataRequest.legalProcess = pick(legalProcessTypes);
      if (rnd() < 0.3) dataRequest.nonDisclosureUntil = '2027-06-30T00:00:00Z';
      orders.push({ order: await post(dataRequestBody(authority.id, { kind, receivedAt, dataRequest })), kind });
    }
    for (const { order } of orders) {
      for (const account of order.accounts) {
        const roll = rnd();
        if (roll < 0.3) continue; // undecided
        await decide(order, account, roll < 0.55 ? 'all' : roll < 0.7 ? 'some' : 'none');
      }
    }
    // Holds: the preservation code places them; here rows, some released, for preservation orders' accounts.
    for (const { order, kind } of orders) {
      if (kind !== 'preservation') continue;
      for (const account of order.accounts) {
        if (rnd() < 0.4) continue;
        const released = rnd() < 0.3;
        await t.database.db.execute(sql`
          INSERT INTO preservation_holds (account_id, request_id, preserved_at, expires_at, released_at, release_reason)
          VALUES (${account}, ${order.id}, ${now.toISOString()}, ${new Date(now.getTime() + 90 * 86_400_000).toISOString()},
                  ${released ? now.toISOString() : null}, ${released ? 'expired' : null})
          ON CONFLICT (account_id) DO NOTHING`);
      }
    }
    // Status does not matter (withdrawn orders were made); demo orders are flagged.
    const some = orders.filter(() => rnd() < 0.15).map((o) => o.order.id);
    for (const id of some) await t.database.db.execute(sql`UPDATE requests SET status = 'withdrawn' WHERE id = ${id}`);
    const demo = orders.find(() => rnd() < 0.1)?.order.id;
    if (demo) await t.database.db.execute(sql`UPDATE requests SET is_demo = true WHERE id = ${demo}`);
  }, 240_000);

  /** The report's figures counted the plain way: one query per figure family, written independently of the repository. */
  async function expected(country: string, period: string) {
    const year = Number(period.slice(0, 4));
    const start = new Date(Date.UTC(year, period.endsWith('1') ? 0 : 6, 1)).toISOString();
    const end = new Date(Date.UTC(period.endsWith('1') ? year : year + 1, period.endsWith('1') ? 6 : 0, 1)).toISOString();
    const count = async (kinds: string[], extra = sql`true`, process?: string) => {
      const kindList = sql.join(
        kinds.map((k) => sql`${k}`),
        sql`, `,
      );
      const scope = sql`r.kind::text IN (${kindList}) AND a.country = ${country}
        AND r.received_at >= ${start} AND r.received_at < ${end}
        ${process ? sql`AND (SELECT legal_process::text FROM data_requests d WHERE d.request_id = r.id) = ${process}` : sql``}`;
      const [row] = (
        await t.database.db.execute<{
          requests: number;
          accounts: number;
          some: number;
          ndo: number;
          undecided: number;
          held: number;
          demo: boolean;
        }>(sql`
        SELECT
          (SELECT count(*) FROM requests r JOIN authorities a ON a.id = r.authority_id WHERE ${scope} AND ${extra})::int AS requests,
          (SELECT count(*) FROM data_accounts da JOIN requests r ON r.id = da.request_id JOIN authorities a ON a.id = r.authority_id
            WHERE ${scope} AND ${extra})::int AS accounts,
          (SELECT count(*) FROM requests r JOIN authorities a ON a.id = r.authority_id WHERE ${scope} AND ${extra}
            AND EXISTS (SELECT 1 FROM data_accounts da JOIN account_decisions ad ON ad.account_id = da.id
                        WHERE da.request_id = r.id AND ad.extent IN ('all', 'some')))::int AS some,
          (SELECT count(*) FROM requests r JOIN authorities a ON a.id = r.authority_id WHERE ${scope} AND ${extra}
            AND EXISTS (SELECT 1 FROM data_requests d WHERE d.request_id = r.id AND d.non_disclosure_until IS NOT NULL))::int AS ndo,
          (SELECT count(*) FROM requests r JOIN authorities a ON a.id = r.authority_id WHERE ${scope} AND ${extra}
            AND NOT EXISTS (SELECT 1 FROM data_accounts da JOIN account_decisions ad ON ad.account_id = da.id
                            WHERE da.request_id = r.id))::int AS undecided,
          (SELECT count(*) FROM preservation_holds ph JOIN data_accounts da ON da.id = ph.account_id
            JOIN requests r ON r.id = da.request_id JOIN authorities a ON a.id = r.authority_id WHERE ${scope} AND ${extra})::int AS held,
          (SELECT coalesce(bool_or(r.is_demo), false) FROM requests r JOIN authorities a ON a.id = r.authority_id
            WHERE a.country = ${country} AND r.received_at >= ${start} AND r.received_at < ${end}
              AND r.kind IN ('user_data', 'preservation', 'emergency_disclosure')) AS demo`)
      ).rows;
      return row as {
        requests: number;
        accounts: number;
        some: number;
        ndo: number;
        undecided: number;
        held: number;
        demo: boolean;
      };
    };
    const total = await count(['user_data', 'emergency_disclosure']);
    const legal = await count(['user_data']);
    const emergency = await count(['emergency_disclosure']);
    const preservation = await count(['preservation']);
    const byProcess = Object.fromEntries(
      await Promise.all(legalProcessTypes.map(async (p) => [p, await count(['user_data'], sql`true`, p)] as const)),
    );
    const pct = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
    const figures = (c: { requests: number; accounts: number; some: number }) => ({
      requests: c.requests,
      accounts: c.accounts,
      someDataProduced: c.some,
      percent: pct(c.some, c.requests),
    });
    return {
      country,
      period,
      totalRequests: total.requests,
      totalAccounts: total.accounts,
      requestsSomeDataProduced: total.some,
      percentSomeDataProduced: pct(total.some, total.requests),
      legalProcess: figures(legal),
      emergency: figures(emergency),
      byProcess: Object.fromEntries(
        legalProcessTypes.map((p) => [p, figures(byProcess[p] as { requests: number; accounts: number; some: number })]),
      ),
      preservationRequests: preservation.requests,
      preservationAccountsPreserved: preservation.held,
      nonDisclosure: { requests: total.ndo, share: pct(total.ndo, total.requests) },
      undecidedRequests: total.undecided,
      containsDemoData: total.demo,
    };
  }

  it('for every country and half-year, and every figure is non-trivial somewhere', async () => {
    const seen = new Map<string, number>();
    for (const country of countries) {
      for (const period of periods) {
        const r = await report(country, period);
        expect(r, `${country} ${period} (seed ${seed})`).toEqual(await expected(country, period));
        for (const m of metaColumns) seen.set(m.figure, (seen.get(m.figure) ?? 0) + figureValue(r, m.figure));
      }
    }
    // The data set exercises every figure: none is zero everywhere (a test on zeros could not fail).
    const zero = [...seen].filter(([, v]) => v === 0).map(([k]) => k);
    expect(zero).toEqual([]);
  });

  it('the index lists the half-years with data orders, with their requests', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/user-data-reports' });
    expect(res.statusCode).toBe(200);
    for (const row of res.json().periods as { country: string; period: string; requests: number }[]) {
      expect(row.requests).toBe((await report(row.country, row.period)).totalRequests);
    }
  });

  it("the comparison series carries the platform's figures per half-year", async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/public/user-data-reports/KZ/comparison' });
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().periods as { period: string; platform: Record<string, number> | null }[];
    for (const period of periods) {
      const r = await report('KZ', period);
      const row = rows.find((x) => x.period === period);
      if (r.totalRequests === 0 && r.preservationRequests === 0) continue;
      expect(row?.platform).toMatchObject({
        totalRequests: r.totalRequests,
        totalAccounts: r.totalAccounts,
        requestsSomeDataProduced: r.requestsSomeDataProduced,
        percentSomeDataProduced: r.percentSomeDataProduced,
      });
    }
  });
});

describe('bad input', () => {
  it.each([
    ['/api/v1/public/reports/XX/2026-H1/user-data', 'country'],
    ['/api/v1/public/reports/KAZ/2026-H1/user-data', 'country'],
    ['/api/v1/public/reports/KZ/2026-H3/user-data', 'period'],
    ['/api/v1/public/reports/KZ/2027-H1/user-data', 'period'],
    ['/api/v1/public/user-data-reports/XX/comparison', 'country'],
  ])('%s answers 400 naming %s', async (url, field) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'validation_failed' });
    expect(JSON.stringify(res.json())).toContain(field);
  });
});
