/**
 * The authority channel's submitOrder use case itself (src/app/authority-orders.ts), called as the
 * route calls it, without the HTTP app: an unknown regime is refused pointing at the list of
 * regimes; an agency with no zone of its own and no regime writes in UTC; an order without a legal
 * basis is stored with an empty one; the period the order sets reaches the stored deadline; the
 * clock stops only when something is missing (and the agency's event says so, with what is missing);
 * a data order counts its accounts as its items.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAgencyOrder, submitOrder } from '../../src/app/authority-orders.js';
import { submitOrderSchema } from '../../src/contracts/authority-orders.js';
import { webhookDeliveries, webhookEndpoints } from '../../src/db/schema/index.js';
import { createVerifiedAgency, principalOf } from '../support/agencies.js';
import { createTestWrit, refusal, type TestWrit } from '../support/writ.js';

const clock = new Date('2026-06-01T06:00:00Z');
const hour = 3_600_000;

let runs: TestWrit;
let stops: TestWrit;
beforeAll(async () => {
  [runs, stops] = await Promise.all([
    createTestWrit({ now: () => clock }),
    createTestWrit({ now: () => clock, env: { WRIT_CLARIFICATION_CLOCK: 'stops' } }),
  ]);
});
afterAll(async () => Promise.all([runs?.close(), stops?.close()]));

/** An agency of `country` with a webhook endpoint, so that its events are kept to be read. */
async function agencyWithEndpoint(t: TestWrit, country: string, timeZone: string | null = 'Asia/Almaty') {
  const agency = await createVerifiedAgency(t, country, { timeZone });
  await t.database.db
    .insert(webhookEndpoints)
    .values({ agencyId: agency.id, url: 'https://hooks.agency.example/writ', secret: 'whsec_dGVzdHNlY3JldHRlc3RzZWNyZXQ=' });
  return agency;
}

async function eventsOf(t: TestWrit, orderId: string) {
  const rows = await t.database.db
    .select({ eventType: webhookDeliveries.eventType, payload: webhookDeliveries.payload })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.requestId, orderId));
  return rows;
}

const complete = {
  kind: 'content_removal',
  legalBasis: 'Law on Online Platforms, Art. 19',
  signer: 'A. Officer, Head of Department',
  statementOfReasons: 'The video insults a named child.',
  items: [{ targetKind: 'url', target: 'https://video.example/watch/abc' }],
};

describe('submitOrder', () => {
  it('refuses a regime it does not know, pointing the agency at the list of regimes', async () => {
    const kz = await createVerifiedAgency(runs, 'KZ', { timeZone: 'Asia/Almaty' });
    const body = submitOrderSchema.parse({ ...complete, regime: 'xx-no-such-law', category: 'anything' });
    const { code, field, message } = await refusal(submitOrder(runs.writ, principalOf(kz), body));
    expect({ code, field }).toEqual({ code: 'validation_failed', field: 'regime' });
    expect(message).toMatch(/^no regime xx-no-such-law \(GET \/api\/v1\/regimes lists them: .*kz-2023-online-platforms/);
  });

  it('writes the instants of an agency with no zone of its own, under no regime, in UTC', async () => {
    const agency = await createVerifiedAgency(runs, 'KZ', { timeZone: null });
    const view = await submitOrder(runs.writ, principalOf(agency), submitOrderSchema.parse(complete));
    expect(view.timeZone).toBe('UTC');
    expect(view.order.authorityTimeZone).toBe('UTC');
    const read = await readAgencyOrder(runs.writ, principalOf(agency), view.order.id);
    expect(read.order.authorityTimeZone).toBe('UTC');
  });

  it('stores an order that states no legal basis with an empty one, and lists the legal basis missing', async () => {
    const kz = await createVerifiedAgency(runs, 'KZ', { timeZone: 'Asia/Almaty' });
    const { legalBasis: _, ...withoutBasis } = complete;
    const view = await submitOrder(runs.writ, principalOf(kz), submitOrderSchema.parse(withoutBasis));
    expect(view.order.missingElements.map((m) => m.element)).toEqual(['legal_basis']);
    const read = await readAgencyOrder(runs.writ, principalOf(kz), view.order.id);
    expect(read.order.legalBasis).toBe('');
  });

  it('gives the order the longer period it sets itself where the law lets it extend', async () => {
    const au = await createVerifiedAgency(runs, 'AU', { timeZone: 'Australia/Sydney' });
    const body = submitOrderSchema.parse({
      ...complete,
      regime: 'au-osa',
      category: 'child_cyberbullying',
      periodSetInOrderHours: 48,
    });
    const view = await submitOrder(runs.writ, principalOf(au), body);
    expect(view.order.dueAt).toEqual(new Date(clock.getTime() + 48 * hour));
    expect(view.order.dueBasis).toMatch(/^order: 48 h set in the order/);
    const read = await readAgencyOrder(runs.writ, principalOf(au), view.order.id);
    expect(read.order.dueAt).toEqual(new Date(clock.getTime() + 48 * hour));
    // Without a period of its own the law's 24 hours apply.
    const { periodSetInOrderHours: _, ...lawOnly } = body;
    const plain = await submitOrder(runs.writ, principalOf(au), lawOnly);
    expect(plain.order.dueAt).toEqual(new Date(clock.getTime() + 24 * hour));
    expect(plain.order.dueBasis).toMatch(/^law: 24 h after receipt/);
  });

  it('with the clock set to stop, leaves it running for a complete order and says so in the event', async () => {
    const kz = await agencyWithEndpoint(stops, 'KZ');
    const view = await submitOrder(stops.writ, principalOf(kz), submitOrderSchema.parse(complete));
    expect(view.clock.stops).toBe(true);
    expect(view.order.status).toBe('received');
    expect(view.order.missingElements).toEqual([]);
    expect(view.order.clockPausedAt).toBeNull();
    const read = await readAgencyOrder(stops.writ, principalOf(kz), view.order.id);
    expect(read.order.clockPausedAt).toBeNull();
    expect(read.order.dueAt).toEqual(new Date(clock.getTime() + 24 * hour));
    const events = await eventsOf(stops, view.order.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.eventType).toBe('order.received');
    expect(events[0]!.payload).toMatchObject({ status: 'received', missingElements: [], clockStopped: false });
  });

  it('with the clock set to stop, stops it for an incomplete order and names what is missing in the event', async () => {
    const kz = await agencyWithEndpoint(stops, 'KZ');
    const { signer: _s, statementOfReasons: _r, ...incomplete } = complete;
    const view = await submitOrder(stops.writ, principalOf(kz), submitOrderSchema.parse(incomplete));
    expect(view.order.status).toBe('needs_clarification');
    expect(view.order.clockPausedAt).toEqual(clock);
    const read = await readAgencyOrder(stops.writ, principalOf(kz), view.order.id);
    expect(read.order.clockPausedAt).toEqual(clock);
    const events = await eventsOf(stops, view.order.id);
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({
        status: 'needs_clarification',
        missingElements: ['signer', 'statement_of_reasons'],
        clockStopped: true,
      }),
    ]);
  });

  it('with the clock set to run, keeps it running for an incomplete order, and the event says it is not stopped', async () => {
    const kz = await agencyWithEndpoint(runs, 'KZ');
    const { signer: _, ...incomplete } = complete;
    const view = await submitOrder(runs.writ, principalOf(kz), submitOrderSchema.parse(incomplete));
    expect(view.clock.stops).toBe(false);
    expect(view.order.status).toBe('needs_clarification');
    expect(view.order.clockPausedAt).toBeNull();
    const events = await eventsOf(runs, view.order.id);
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({ status: 'needs_clarification', missingElements: ['signer'], clockStopped: false }),
    ]);
  });

  it('counts a data order’s accounts as its items in the receipt', async () => {
    const kz = await createVerifiedAgency(runs, 'KZ', { timeZone: 'Asia/Almaty' });
    const body = submitOrderSchema.parse({
      kind: 'user_data',
      legalBasis: 'Criminal Procedure Code, Art. 232',
      signer: 'A. Investigator, Major of Justice',
      statementOfReasons: 'The accounts were used to plan a fraud.',
      dataRequest: {
        legalProcess: 'search_warrant',
        accounts: [
          { identifierKind: 'username', identifier: 'first_user' },
          { identifierKind: 'username', identifier: 'second_user' },
        ],
        categories: ['subscriber_information'],
      },
    });
    const view = await submitOrder(runs.writ, principalOf(kz), body);
    expect(view.order.itemCount).toBe(2);
    const read = await readAgencyOrder(runs.writ, principalOf(kz), view.order.id);
    expect(read.order.itemCount).toBe(2);
  });
});
