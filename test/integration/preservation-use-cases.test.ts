/**
 * The preservation hold use cases themselves (src/app/preservation.ts), called directly over a real
 * database: a reviewer extends a hold by the configured period as often as the rules allow, releases
 * it, and links the legal process that keeps it; each answers with the order as it then stands and
 * records the reviewer and the note. The agency extends the hold on its own order and gets that
 * account's hold back (not another account's), recorded as its officer's act (or its API key's);
 * another agency's order is not found.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideAccount } from '../../src/app/account-decisions.js';
import { submitOrder } from '../../src/app/authority-orders.js';
import { extendHold, extendHoldForAgency, linkLegalProcess, releaseHold } from '../../src/app/preservation.js';
import { readRequest } from '../../src/app/requests.js';
import { submitOrderSchema } from '../../src/contracts/authority-orders.js';
import { events } from '../../src/db/schema/index.js';
import type { Actor } from '../../src/domain/request.js';
import { createVerifiedAgency, principalOf, type TestAgency } from '../support/agencies.js';
import { dataPartFor } from '../support/app.js';
import { createTestWrit, refusal, staffMember, type TestWrit } from '../support/writ.js';

const DAY = 86_400_000;
const clock = new Date('2026-06-01T06:00:00Z');
let t: TestWrit;
let reviewer: Actor;
let agency: TestAgency;

beforeAll(async () => {
  t = await createTestWrit({
    now: () => clock,
    env: { WRIT_PRESERVATION_DAYS: '90', WRIT_PRESERVATION_EXTENSION_DAYS: '30', WRIT_PRESERVATION_EXTENSIONS: '2' },
  });
  reviewer = await staffMember(t.writ, 'reviewer');
  agency = await createVerifiedAgency(t, 'KZ');
});
afterAll(async () => t?.close());

/** A `kind` order of the agency naming two accounts; for a preservation order, both accounts' holds placed. */
async function order(kind: 'preservation' | 'user_data' = 'preservation') {
  const body = submitOrderSchema.parse({
    kind,
    legalBasis: 'Criminal Procedure Code, Art. 232',
    signer: 'A. Investigator, Major of Justice',
    statementOfReasons: 'The accounts were used to plan a fraud.',
    dataRequest: dataPartFor(kind, 2),
  });
  const { order: submitted } = await submitOrder(t.writ, principalOf(agency), body);
  const accounts = (await readRequest(t.writ, submitted.id)).request.dataRequest!.accounts.map((a) => a.id);
  if (kind === 'preservation')
    for (const accountId of accounts)
      await decideAccount(
        t.writ,
        { requestId: submitted.id, accountId },
        {
          extent: 'all',
          producedCategories: [],
          refusalReason: null,
          legalBasis: 'Law on Communications, Art. 15',
          rationale: 'r',
        },
        reviewer,
      );
  return { id: submitted.id, reference: submitted.reference, accounts };
}

const holdOf = async (requestId: string, accountId: string) =>
  (await readRequest(t.writ, requestId)).request.dataRequest!.accounts.find((a) => a.id === accountId)!.hold;

const eventsOf = (requestId: string, type: string) =>
  t.database.db
    .select({ actorId: events.actorId, actorOfficerId: events.actorOfficerId, note: events.note, after: events.after })
    .from(events)
    .where(and(eq(events.requestId, requestId), eq(events.type, type)))
    .orderBy(events.id);

const placed = {
  categories: ['subscriber_information'],
  preservedAt: clock,
  expiresAt: new Date(clock.getTime() + 90 * DAY),
  extensions: 0,
  remindedAt: null,
  legalProcess: null,
  releasedAt: null,
  releaseReason: null,
};

describe('extendHold', () => {
  it('adds the extension period to the expiry as often as the rules allow, then refuses, and records the reviewer and the note', async () => {
    const p = await order();
    const [accountId] = p.accounts;
    const once = await extendHold(t.writ, p.id, accountId!, 'the investigation continues', reviewer);
    expect(once.request.dataRequest!.accounts.find((a) => a.id === accountId)!.hold).toEqual({
      ...placed,
      id: expect.any(String),
      expiresAt: new Date(clock.getTime() + 120 * DAY),
      extensions: 1,
    });
    await extendHold(t.writ, p.id, accountId!, 'still open', reviewer);
    expect(await refusal(extendHold(t.writ, p.id, accountId!, 'once more', reviewer))).toEqual({
      code: 'invalid_transition',
      field: undefined,
      message: 'the hold was extended 2 times already; the rules allow 2',
    });
    expect(await holdOf(p.id, accountId!)).toMatchObject({ expiresAt: new Date(clock.getTime() + 150 * DAY), extensions: 2 });
    expect(await eventsOf(p.id, 'hold_extended')).toEqual([
      expect.objectContaining({ actorId: reviewer.id, actorOfficerId: null, note: 'the investigation continues' }),
      expect.objectContaining({ actorId: reviewer.id, actorOfficerId: null, note: 'still open' }),
    ]);
  });
});

describe('releaseHold', () => {
  it("releases the hold now on the reviewer's word, once", async () => {
    const p = await order();
    const [accountId] = p.accounts;
    const released = await releaseHold(t.writ, p.id, accountId!, 'the authority withdrew its interest', reviewer);
    expect(released.request.dataRequest!.accounts.find((a) => a.id === accountId)!.hold).toEqual({
      ...placed,
      id: expect.any(String),
      releasedAt: clock,
      releaseReason: 'released_by_reviewer',
    });
    expect(await refusal(releaseHold(t.writ, p.id, accountId!, 'again', reviewer))).toEqual({
      code: 'invalid_transition',
      field: undefined,
      message: 'the hold was released already',
    });
    expect(await eventsOf(p.id, 'hold_released')).toEqual([
      {
        actorId: reviewer.id,
        actorOfficerId: null,
        note: 'the authority withdrew its interest',
        after: { accountId, releaseReason: 'released_by_reviewer' },
      },
    ]);
  });
});

describe('linkLegalProcess', () => {
  it('keeps the hold for the user-data order of the same country named by its reference', async () => {
    const p = await order();
    const [accountId] = p.accounts;
    const warrant = await order('user_data');
    const linked = await linkLegalProcess(t.writ, p.id, accountId!, warrant.reference, reviewer);
    expect(linked.request.dataRequest!.accounts.find((a) => a.id === accountId)!.hold).toEqual({
      ...placed,
      id: expect.any(String),
      legalProcess: { requestId: warrant.id, reference: warrant.reference, at: clock },
    });
    expect(await eventsOf(p.id, 'hold_kept_for_legal_process')).toEqual([
      {
        actorId: reviewer.id,
        actorOfficerId: null,
        note: null,
        after: { accountId, legalProcessRequestId: warrant.id, reference: warrant.reference },
      },
    ]);
  });
});

describe('extendHoldForAgency', () => {
  it("answers with that account's hold extended, not another account's, recorded as the officer's act", async () => {
    const p = await order();
    const [first, second] = p.accounts;
    const hold = await extendHoldForAgency(t.writ, principalOf(agency), p.id, second!, 'the case is still open');
    expect(hold).toEqual({ ...placed, id: expect.any(String), expiresAt: new Date(clock.getTime() + 120 * DAY), extensions: 1 });
    expect(await holdOf(p.id, second!)).toEqual(hold);
    expect((await holdOf(p.id, first!))!.extensions).toBe(0);
    expect(await eventsOf(p.id, 'hold_extended')).toEqual([
      expect.objectContaining({ actorId: null, actorOfficerId: agency.officer.id, note: 'the case is still open' }),
    ]);
  });

  it("records an API key's extension without an officer", async () => {
    const p = await order();
    await extendHoldForAgency(t.writ, { ...principalOf(agency), officer: null, apiKeyId: 'key' }, p.id, p.accounts[0]!, 'by API');
    expect(await eventsOf(p.id, 'hold_extended')).toEqual([
      expect.objectContaining({ actorId: null, actorOfficerId: null, note: 'by API' }),
    ]);
  });

  it("names another agency's order as not found, and changes nothing", async () => {
    const p = await order();
    const stranger = await createVerifiedAgency(t, 'KZ');
    expect(await refusal(extendHoldForAgency(t.writ, principalOf(stranger), p.id, p.accounts[0]!, 'please'))).toEqual({
      code: 'not_found',
      field: undefined,
      message: `order ${p.id} does not exist`,
    });
    expect((await holdOf(p.id, p.accounts[0]!))!.extensions).toBe(0);
  });
});
