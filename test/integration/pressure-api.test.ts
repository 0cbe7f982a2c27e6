/**
 * The pressure record through the API (issue 15): a fine tied to two declined orders and a duty,
 * seen in the register, in public (without the orders' ids) and in the country's downloads; every
 * rule refused on its field with nothing stored; changes kept in the history, a stale one refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthority, createTestApp, newRequestBody, type TestApp } from '../support/app.js';

let t: TestApp;
let declined: { id: string; reference: string }[];
let russianOrder: string;

const call = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, auth = true) =>
  t.app.inject({ method, url, headers: auth ? t.auth : {}, ...(payload ? { payload } : {}) });

async function declinedOrder(authorityId: string, receivedAt: string) {
  const order = (await call('POST', '/api/v1/requests', newRequestBody(authorityId, { receivedAt }))).json();
  for (const item of order.items)
    expect(
      (
        await call('PUT', `/api/v1/requests/${order.id}/items/${item.id}/decision`, {
          outcome: 'no_action',
          reason: 'Government Criticism',
          rationale: 'Commentary on officials; lawful.',
        })
      ).statusCode,
    ).toBe(200);
  return { id: order.id as string, reference: order.reference as string };
}

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-06-20T09:00:00Z') });
  const kz = await createAuthority(t);
  const ru = await createAuthority(t, 'RU', 'Roskomnadzor');
  declined = [await declinedOrder(kz.id, '2026-03-10T10:00:00+05:00'), await declinedOrder(kz.id, '2026-03-12T10:00:00+05:00')];
  russianOrder = (await call('POST', '/api/v1/requests', newRequestBody(ru.id, { authorityTimeZone: 'Europe/Moscow' }))).json()
    .reference;
});
afterAll(async () => t?.close());

const fine = (overrides: Record<string, unknown> = {}) => ({
  kind: 'fine',
  country: 'kz',
  authority: 'Ministry of Culture and Information',
  title: 'Fined for declining two orders',
  announcedOn: '2026-04-02',
  amount: '2500000',
  currency: 'kzt',
  reference: { currency: 'EUR', rate: '0.0019', rateOn: '2026-04-02' },
  regimeId: 'kz-2023-online-platforms',
  dutyId: 'legal-representative',
  orders: declined.map((o) => o.reference),
  status: 'announced',
  sources: [{ url: 'https://gov.example/kz/decision-1', quote: 'The platform is fined 2,500,000 tenge.' }],
  ...overrides,
});

const count = async () => (await call('GET', '/api/v1/pressure')).json().events.length as number;

describe('recording a fine', () => {
  let id: string;

  it('keeps it with its two declined orders, its law, and the amount in the reference currency to the cent', async () => {
    const res = await call('POST', '/api/v1/pressure', fine());
    expect(res.statusCode).toBe(201);
    const event = res.json();
    id = event.id;
    expect(event).toMatchObject({
      kind: 'fine',
      country: 'KZ',
      currency: 'KZT',
      amount: '2500000',
      referenceAmount: '4750.00',
      regimeId: 'kz-2023-online-platforms',
      dutyId: 'legal-representative',
      version: 1,
    });
    expect(event.orders.map((o: { reference: string }) => o.reference)).toEqual(declined.map((o) => o.reference).sort());
    expect(event.orders.every((o: { status: string }) => o.status === 'decided')).toBe(true);
  });

  it('lists it under its duty in the register, with the number of orders it concerns', async () => {
    // The register lists a regime's duties once a figure crosses its threshold.
    await call('POST', '/api/v1/obligations/figures', {
      country: 'KZ',
      metric: 'avg_daily_users_over_month',
      value: 150_000,
      measuredOn: '2026-01-15',
    });
    const [again] = (await call('GET', '/api/v1/obligations?country=KZ')).json().countries;
    const duty = again.regimes
      .find((r: { regimeId: string }) => r.regimeId === 'kz-2023-online-platforms')
      .duties.find((d: { dutyId: string }) => d.dutyId === 'legal-representative');
    expect(duty.sanctions).toEqual([
      expect.objectContaining({ id, kind: 'fine', amount: '2500000', currency: 'KZT', orders: 2, status: 'announced' }),
    ]);
  });

  it('shows it in public for the half-year, with how many orders but not which', async () => {
    const res = await call('GET', '/api/v1/public/pressure?country=KZ&period=2026-H1', undefined, false);
    expect(res.statusCode).toBe(200);
    const [event] = res.json().events;
    expect(event).toMatchObject({ id, ordersConcerned: 2, sources: [expect.objectContaining({ quote: expect.any(String) })] });
    expect(event).not.toHaveProperty('orders');
    expect(JSON.stringify(res.json())).not.toContain(declined[0]!.id);
    expect((await call('GET', '/api/v1/public/pressure?country=KZ&period=2025-H2', undefined, false)).json().events).toEqual([]);
  });

  it("puts it in the country's half-year download as CSV", async () => {
    const res = await call('GET', '/api/v1/public/downloads/country-KZ-2026-H1-pressure?format=csv', undefined, false);
    expect(res.statusCode).toBe(200);
    const [header, row] = res.body.trim().split('\n');
    expect(header).toContain('announcedOn');
    expect(row).toContain(id);
    expect(row).toContain('2500000');
    const names = (await call('GET', '/api/v1/public/downloads', undefined, false)).json();
    expect(JSON.stringify(names)).toContain('country-KZ-2026-H1-pressure');
  });

  it('keeps each change in the history and refuses one made on a stale version', async () => {
    const change = { ...fine({ status: 'appealed' }), version: 1 };
    const res = await call('PUT', `/api/v1/pressure/${id}`, change);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'appealed', version: 2 });
    const stale = await call('PUT', `/api/v1/pressure/${id}`, { ...fine({ status: 'paid' }), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict', field: 'version' });
    const { event, history } = (await call('GET', `/api/v1/pressure/${id}`)).json();
    expect(event.status).toBe('appealed');
    expect(history.map((h: { type: string }) => h.type)).toEqual(['pressure_changed', 'pressure_recorded']);
    expect(history[0]).toMatchObject({
      actor: { name: 'Ana Reviewer' },
      before: { status: 'announced' },
      after: { status: 'appealed' },
    });
  });
});

describe('refusing what the record cannot hold', () => {
  it.each([
    ['an amount on a block', { kind: 'blocking', status: 'announced' }, 'amount'],
    ['an end before it began', { endedOn: '2026-03-01' }, 'endedOn'],
    ['a shutdown without its scope', { kind: 'internet_shutdown', amount: null, currency: null, reference: null }, 'scope'],
    ['a duty of another regime', { dutyId: 'data-localisation' }, 'dutyId'],
    ['a regime of another country', { regimeId: 'ru-242', dutyId: 'data-localisation' }, 'regimeId'],
    ['an unknown regime', { regimeId: 'kz-1999', dutyId: null }, 'regimeId'],
    ['a currency no one uses', { currency: 'XYZ' }, 'currency'],
    ['an amount written in words', { amount: 'two million' }, 'amount'],
    ['no source for a real event', { sources: [] }, 'sources'],
    ['a javascript: source', { sources: [{ url: 'javascript:alert(1)' }] }, 'sources/0/url'],
    ['an order that does not exist', { orders: ['WR-999999'] }, 'orders/0'],
    ['the same order twice', { orders: ['WR-000001', 'WR-000001'] }, 'orders/1'],
  ])('refuses %s on its field, and stores nothing', async (_what, overrides, field) => {
    const before = await count();
    const res = await call('POST', '/api/v1/pressure', fine(overrides));
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'validation_failed', field });
    expect(await count()).toBe(before);
  });

  it("refuses an order from another country's authority", async () => {
    const res = await call('POST', '/api/v1/pressure', fine({ orders: [russianOrder] }));
    expect(res.json()).toMatchObject({ field: 'orders/0', detail: expect.stringContaining('came from RU') });
  });

  it('needs a signed-in compliance user to record, and none to read in public', async () => {
    expect((await call('POST', '/api/v1/pressure', fine(), false)).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/pressure', undefined, false)).statusCode).toBe(401);
    expect((await call('GET', '/api/v1/public/pressure?period=2099-H1', undefined, false)).statusCode).toBe(400);
  });
});

describe('a shutdown on the time axis', () => {
  it('touches every half-year it lasted, and one still in force runs to today', async () => {
    const res = await call(
      'POST',
      '/api/v1/pressure',
      fine({
        kind: 'internet_shutdown',
        scope: 'regional',
        region: 'Almaty',
        amount: null,
        currency: null,
        reference: null,
        dutyId: null,
        orders: [],
        announcedOn: '2025-12-20',
        inForceOn: '2025-12-20',
        status: 'announced',
      }),
    );
    expect(res.statusCode).toBe(201);
    for (const period of ['2025-H2', '2026-H1'])
      expect(
        (await call('GET', `/api/v1/public/pressure?country=KZ&period=${period}`, undefined, false))
          .json()
          .events.some((e: { kind: string }) => e.kind === 'internet_shutdown'),
      ).toBe(true);
    expect(
      (await call('GET', '/api/v1/pressure?country=KZ&from=2026-06-01')).json().events.map((e: { kind: string }) => e.kind),
    ).toEqual(['internet_shutdown']);
  });
});
