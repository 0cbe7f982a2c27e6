/**
 * The pressure record's use cases themselves (src/app/pressure.ts), called directly over a real
 * database: an event is stored with the orders it names, and its history keeps them in the order
 * they were named; a refusal names the first problem and lists them all (the facts', the regime's,
 * then the orders'), and stores nothing; a change is checked the same way, after the event is found;
 * an event is read with its history, newest first; the public sees one country's events, or those
 * touching a half-year.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderFromBody } from '../../src/app/intake.js';
import {
  changePressure,
  listPressure,
  type PressureInput,
  pressureEvent,
  publicPressure,
  recordPressure,
} from '../../src/app/pressure.js';
import { receiveOrder } from '../../src/app/requests.js';
import { newRequestSchema } from '../../src/contracts/requests.js';
import type { Actor } from '../../src/domain/request.js';
import { newRequestBody } from '../support/app.js';
import { sampleFine } from '../support/pressure.js';
import { createTestWrit, refusal, staffMember, type TestWrit, testAuthority, writErrorOf } from '../support/writ.js';

let t: TestWrit;
let lead: Actor;
/** Two orders of a Kazakh authority, the second's reference sorting after the first's; one of a Russian one. */
let kz: { id: string; reference: string }[];
let ru: { id: string; reference: string };

beforeAll(async () => {
  t = await createTestWrit({ now: () => new Date('2026-06-20T09:00:00Z') });
  lead = await staffMember(t.writ, 'legal');
  const order = async (authorityId: string) => {
    const { request } = await receiveOrder(t.writ, orderFromBody(newRequestSchema.parse(newRequestBody(authorityId))), lead);
    return { id: request.id, reference: request.reference };
  };
  const kzAuthority = await testAuthority(t, 'KZ');
  kz = [await order(kzAuthority.id), await order(kzAuthority.id)];
  ru = await order((await testAuthority(t, 'RU', 'Roskomnadzor')).id);
});
afterAll(async () => t?.close());

/** A Kazakh fine linked to the 2023 law's legal-representative duty, with its euro reference. */
const fine = (overrides: Partial<PressureInput> = {}): PressureInput =>
  sampleFine({
    reference: { currency: 'EUR', rate: '0.0019', rateOn: '2026-04-02' },
    regimeId: 'kz-2023-online-platforms',
    dutyId: 'legal-representative',
    ...overrides,
  });

/** A regional shutdown of `country` in force from `inForceOn` (until `endedOn`, or still). */
const shutdown = (country: string, inForceOn: string, endedOn: string | null = null) =>
  fine({
    kind: 'internet_shutdown',
    country,
    title: `Shutdown in ${country} from ${inForceOn}`,
    scope: 'regional',
    region: 'Almaty',
    announcedOn: inForceOn,
    inForceOn,
    endedOn,
    amount: null,
    currency: null,
    reference: null,
    regimeId: null,
    dutyId: null,
  });

const linked = (o: { id: string; reference: string }, country = 'KZ') => ({ ...o, country, status: 'received' });

describe('recordPressure', () => {
  it('stores the event with the orders it names, and its history keeps them in the order they were named', async () => {
    const { orders: _orders, ...facts } = fine();
    const event = await recordPressure(t.writ, fine({ orders: [kz[1]!.reference, kz[0]!.reference] }), lead);
    expect(event).toEqual({
      ...facts,
      id: expect.any(String),
      orders: [linked(kz[0]!), linked(kz[1]!)],
      referenceAmount: '4750.00',
      version: 1,
      createdAt: expect.any(Date),
      updatedAt: expect.any(Date),
    });
    const { history } = await pressureEvent(t.writ, event.id);
    expect(history).toEqual([
      {
        id: expect.any(Number),
        type: 'pressure_recorded',
        at: expect.any(Date),
        actor: { id: lead.id, name: lead.name },
        before: null,
        after: { ...facts, orders: [kz[1]!.reference, kz[0]!.reference] },
      },
    ]);
  });

  it("refuses on the first problem and lists them all, the facts' first, then the regime's, then the orders'; nothing is stored", async () => {
    const before = (await listPressure(t.writ, {})).length;
    const input = fine({ kind: 'blocking', dutyId: 'no-such-duty', orders: ['WR-999999', ru.reference] });
    const error = await writErrorOf(recordPressure(t.writ, input, lead));
    expect({ code: error.code, field: error.field, message: error.message, errors: error.errors }).toEqual({
      code: 'validation_failed',
      field: 'amount',
      message: 'only a fine or a court judgment carries an amount, not blocking',
      errors: [
        { field: 'amount', message: 'only a fine or a court judgment carries an amount, not blocking' },
        { field: 'dutyId', message: 'kz-2023-online-platforms has no duty no-such-duty' },
        { field: 'orders/0', message: 'no order has the reference WR-999999' },
        { field: 'orders/1', message: `${ru.reference} came from RU, not KZ` },
      ],
    });
    expect(await refusal(recordPressure(t.writ, fine({ regimeId: 'kz-1999', dutyId: null }), lead))).toEqual({
      code: 'validation_failed',
      field: 'regimeId',
      message: 'no rule pack is called kz-1999',
    });
    expect(await refusal(recordPressure(t.writ, fine({ orders: [ru.reference] }), lead))).toEqual({
      code: 'validation_failed',
      field: 'orders/0',
      message: `${ru.reference} came from RU, not KZ`,
    });
    expect(await listPressure(t.writ, {})).toHaveLength(before);
  });
});

describe('changePressure', () => {
  it('replaces the facts and the orders, kept in the history before and after, and refuses a stale version', async () => {
    const recorded = await recordPressure(t.writ, fine({ orders: [kz[0]!.reference] }), null);
    const changed = await changePressure(t.writ, recorded.id, 1, fine({ status: 'appealed', orders: [kz[1]!.reference] }), lead);
    expect(changed).toMatchObject({ id: recorded.id, status: 'appealed', orders: [linked(kz[1]!)], version: 2 });
    expect(await refusal(changePressure(t.writ, recorded.id, 1, fine({ status: 'paid' }), lead))).toEqual({
      code: 'conflict',
      field: 'version',
      message: 'the event changed since version 1 (it is at 2): reload it',
    });
    const { event, history } = await pressureEvent(t.writ, recorded.id);
    expect(event).toEqual(changed);
    expect(history.map((h) => [h.type, h.actor])).toEqual([
      ['pressure_changed', { id: lead.id, name: lead.name }],
      ['pressure_recorded', null],
    ]);
    expect(history[0]).toMatchObject({
      before: { status: 'announced', orders: [kz[0]!.reference] },
      after: { status: 'appealed', orders: [kz[1]!.reference] },
    });
  });

  it('names an event that does not exist as not found before checking the change, and refuses a change on its first problem', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(await refusal(changePressure(t.writ, missing, 1, fine({ kind: 'blocking' }), lead))).toEqual({
      code: 'not_found',
      field: undefined,
      message: `pressure event ${missing} does not exist`,
    });
    const recorded = await recordPressure(t.writ, fine(), lead);
    expect(await refusal(changePressure(t.writ, recorded.id, 1, fine({ orders: ['WR-999999'] }), lead))).toEqual({
      code: 'validation_failed',
      field: 'orders/0',
      message: 'no order has the reference WR-999999',
    });
    expect((await pressureEvent(t.writ, recorded.id)).event.version).toBe(1);
  });
});

describe('publicPressure and listPressure', () => {
  it("shows one country's events, and only those touching a half-year when one is named (a measure in force runs to today)", async () => {
    const old = await recordPressure(t.writ, shutdown('UZ', '2024-02-01', '2024-03-01'), lead);
    const running = await recordPressure(t.writ, shutdown('UZ', '2025-10-01'), lead);
    await recordPressure(t.writ, shutdown('TJ', '2025-10-01'), lead);
    const ids = (events: { id: string }[]) => events.map((e) => e.id);
    expect(ids(await publicPressure(t.writ, { country: 'UZ' }))).toEqual([old.id, running.id]);
    expect(ids(await publicPressure(t.writ, { country: 'UZ', period: '2024-H1' }))).toEqual([old.id]);
    expect(ids(await publicPressure(t.writ, { country: 'UZ', period: '2026-H1' }))).toEqual([running.id]);
    expect(ids(await publicPressure(t.writ, { country: 'UZ', period: '2026-H2' }))).toEqual([]);
    expect(ids(await listPressure(t.writ, { country: 'UZ', from: '2025-01-01' }))).toEqual([running.id]);
  });
});
