/**
 * The obligations register through the API: figures in, duties with due dates out, status with
 * owner and evidence (a note and a file kept in PostgreSQL), warnings near a threshold.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-03-01T09:00:00Z') });
});
afterAll(async () => t?.close());

const call = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: t.auth, ...(payload ? { payload } : {}) });
const figure = (country: string, metric: string, value: number, measuredOn: string) =>
  call('POST', '/api/v1/obligations/figures', { country, metric, value, measuredOn });

describe('the obligations register', () => {
  it('shows, for 120,000 average daily users in Kazakhstan first measured 2026-01-15, one legal representative, due then', async () => {
    const res = await figure('kz', 'avg_daily_users_over_month', 120_000, '2026-01-15');
    expect(res.statusCode).toBe(201);
    expect(res.json().figure).toMatchObject({ country: 'KZ', value: 120_000, measuredOn: '2026-01-15' });
    const [kz] = (await call('GET', '/api/v1/obligations?country=KZ')).json().countries;
    const regime = (id: string) => kz.regimes.find((r: { regimeId: string }) => r.regimeId === id);
    expect(regime('kz-2022-child-cyberbullying')).toMatchObject({
      crossedOn: '2026-01-15',
      coverage: { metric: 'avg_daily_users_over_month', threshold: 100_000, providers: 'foreign' },
      // Re-enacted by the 2023 law: the duty is listed once, there.
      duties: [],
    });
    expect(regime('kz-2023-online-platforms').duties).toEqual([
      expect.objectContaining({ dutyId: 'legal-representative', dueOn: '2026-01-15', status: 'not_started', overdue: true }),
    ]);
  });

  it('never shows Pakistan’s local office ("as and when feasible") as overdue, while registration is', async () => {
    await figure('PK', 'users', 600_000, '2025-06-01');
    const [pk] = (await call('GET', '/api/v1/obligations?country=PK')).json().countries;
    const duty = (id: string) => pk.regimes[0].duties.find((d: { dutyId: string }) => d.dutyId === id);
    expect(duty('pta-registration')).toMatchObject({ dueOn: '2025-08-30', overdue: true });
    expect(duty('local-office')).toMatchObject({ noDueDate: true, overdue: false, status: 'not_started' });
  });

  it('shows no duty for a country below its threshold, and warns within 20% of one', async () => {
    await figure('PK', 'users', 210_000, '2026-02-01'); // the latest figure: below the threshold again
    await figure('TR', 'daily_accesses', 850_000, '2026-02-01');
    const { countries } = (await call('GET', '/api/v1/obligations')).json();
    const pk = countries.find((c: { country: string }) => c.country === 'PK');
    expect(pk.regimes).toEqual([]);
    expect(pk.notApplying[0].regimeId).toBe('pk-2021');
    const tr = countries.find((c: { country: string }) => c.country === 'TR');
    expect(tr.regimes).toEqual([]);
    expect(tr.warnings).toEqual([
      expect.objectContaining({ kind: 'approaching_threshold', regimeId: 'tr-5651', value: 850_000, shareOfThreshold: 0.85 }),
    ]);
  });

  it('refuses a figure in an unknown metric or measured in the future', async () => {
    expect((await figure('KZ', 'monthly_users', 1, '2026-01-01')).json()).toMatchObject({ field: 'metric' });
    expect((await figure('KZ', 'users', 1, '2026-04-01')).json()).toMatchObject({ field: 'measuredOn' });
  });
});

describe('keeping a duty', () => {
  const duty = '/api/v1/obligations/KZ/kz-2023-online-platforms/legal-representative';
  const kzDuty = (country: { regimes: { regimeId: string; duties: object[] }[] }) =>
    country.regimes.find((r) => r.regimeId === 'kz-2023-online-platforms')!.duties[0] as Record<string, unknown>;

  it('records status and owner, and requires a reason for not_applicable', async () => {
    const bad = await call('PUT', duty, { status: 'not_applicable' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('notApplicableReason');
    const res = await call('PUT', duty, { status: 'in_progress', owner: 'legal@platform.example', note: 'candidate found' });
    expect(res.statusCode).toBe(200);
    expect(kzDuty(res.json())).toMatchObject({
      status: 'in_progress',
      owner: 'legal@platform.example',
      updatedBy: { name: 'Ana Reviewer' },
    });
    const history = await t.database.pool.query(
      `SELECT type, before, after FROM obligation_events WHERE duty_id = 'legal-representative'`,
    );
    expect(history.rows).toEqual([
      expect.objectContaining({ type: 'duty_updated', before: expect.objectContaining({ status: 'not_started' }) }),
    ]);
  });

  it('keeps evidence files in the database and gives them back byte for byte', async () => {
    const bytes = randomBytes(300_000);
    const res = await call('POST', `${duty}/evidence`, {
      note: 'power of attorney, signed',
      fileName: 'poa.pdf',
      contentType: 'application/pdf',
      contentBase64: bytes.toString('base64'),
    });
    expect(res.statusCode).toBe(201);
    const evidence = res.json();
    expect(evidence).toMatchObject({ size: 300_000, sha256: createHash('sha256').update(bytes).digest('hex') });
    const file = await t.app.inject({ method: 'GET', url: evidence.downloadUrl, headers: t.auth });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(bytes)).toBe(true);
    const noteOnly = await call('POST', `${duty}/evidence`, { note: 'registered with the ministry on 2026-02-20' });
    expect(noteOnly.json()).toMatchObject({ fileName: null, downloadUrl: null });
    const [kz] = (await call('GET', '/api/v1/obligations?country=KZ')).json().countries;
    expect((kzDuty(kz).evidence as { note: string }[]).map((e) => e.note)).toEqual([
      'power of attorney, signed',
      'registered with the ministry on 2026-02-20',
    ]);
  });

  it('accepts a 5 MB file and refuses a larger one', async () => {
    const ok = await call('POST', `${duty}/evidence`, {
      note: 'scan',
      fileName: 'scan.bin',
      contentBase64: Buffer.alloc(5 * 1024 * 1024, 1).toString('base64'),
    });
    expect(ok.statusCode).toBe(201);
    const big = await call('POST', `${duty}/evidence`, {
      note: 'too big',
      fileName: 'big.bin',
      contentBase64: Buffer.alloc(5 * 1024 * 1024 + 1, 1).toString('base64'),
    });
    expect(big.statusCode).toBe(400);
    expect(big.json()).toMatchObject({ code: 'validation_failed', field: 'contentBase64' });
  });

  it('refuses a duty the regime does not have, or a regime of another country', async () => {
    expect((await call('PUT', '/api/v1/obligations/KZ/kz-2022-child-cyberbullying/nothing', { status: 'done' })).statusCode).toBe(
      404,
    );
    expect(
      (await call('PUT', '/api/v1/obligations/RU/kz-2022-child-cyberbullying/legal-representative', { status: 'done' })).json(),
    ).toMatchObject({ field: 'country' });
  });

  it('needs sign-in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/obligations' });
    expect(res.statusCode).toBe(401);
  });
});
