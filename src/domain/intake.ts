/**
 * Receiving an order: the checks that need no database, the deadline, and the hand-over to
 * storage (passed in, so this stays plain TypeScript). One order (POST /api/v1/requests) and a
 * batch of them (POST /api/v1/requests/batch, `writ import orders`) pass the same checks: checkOrder.
 */

import type { DataRequestParticulars } from './data-request.js';
import { checkDataRequest, isDataRequestKind } from './data-request.js';
import { checkRegimeFitsAuthority, deadlineFor, type OrderFrame, type RequestDeadline } from './deadline.js';
import { WritError } from './errors.js';
import type { PolicyTargets } from './regimes/deadline-engine.js';
import type { RuleBook } from './regimes/rule-book.js';
import { isTimeZone } from './regimes/time.js';
import type { Actor, NewRequest, RequestDetail } from './request.js';
import { isWithinRecordRange, recordRangeMessage } from './time-range.js';

export { isTimeZone };

/** How far in the future a stated receipt time may be, for clocks that disagree a little. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** An order as received: the request, and the legal frame (regime, category) its deadline comes from. */
export type IncomingOrder = NewRequest & Partial<OrderFrame>;

export type StoredOrder = NewRequest & RequestDeadline;

/** What the checks of an order depend on: the clock, the rule packs and the platform's policy targets. */
export type IntakeRules = { now: () => Date; rules: RuleBook; policy: PolicyTargets };

export type IntakePorts<T extends RequestDetail = RequestDetail> = IntakeRules & {
  store: (request: StoredOrder, actor: Actor | null) => Promise<T>;
  /** The country of a registered authority, to check that a national regime is the authority's own. */
  authorityCountry?: (authorityId: string) => Promise<string | undefined>;
};

/** The refusal of an order naming an authority that is not registered. */
export const unknownAuthority = (authorityId: string) =>
  new WritError('validation_failed', `authority ${authorityId} does not exist`, 'authorityId');

/** The checks on the receipt itself: the authority's time zone, and a receipt time that can be true. */
function checkReceipt(input: IncomingOrder, now: () => Date): void {
  if (!isTimeZone(input.authorityTimeZone)) {
    throw new WritError(
      'validation_failed',
      `${JSON.stringify(input.authorityTimeZone)} is not an IANA time zone (for example Asia/Almaty)`,
      'authorityTimeZone',
    );
  }
  if (!isWithinRecordRange(input.receivedAt)) {
    throw new WritError('validation_failed', `receivedAt ${recordRangeMessage}`, 'receivedAt');
  }
  if (input.receivedAt.getTime() > now().getTime() + CLOCK_SKEW_MS) {
    throw new WritError('validation_failed', 'receivedAt is in the future', 'receivedAt');
  }
}

/**
 * A removal order names items; a data order (user_data, preservation, emergency_disclosure) names
 * accounts in its data part instead, and no items. Answers the checked data part (null for removals).
 */
function checkOrderShape(input: NewRequest): DataRequestParticulars | null {
  if (!isDataRequestKind(input.kind)) {
    if (input.dataRequest) {
      throw new WritError('validation_failed', 'a content_removal order names items, not a data part', 'dataRequest');
    }
    if (input.items.length === 0) throw new WritError('validation_failed', 'an order names at least one item', 'items');
    return null;
  }
  if (input.items.length > 0) {
    throw new WritError('validation_failed', `a ${input.kind} order names accounts (dataRequest.accounts), not items`, 'items');
  }
  if (!input.dataRequest) {
    throw new WritError(
      'validation_failed',
      `a ${input.kind} order states its legal process and the accounts it names (dataRequest)`,
      'dataRequest',
    );
  }
  return checkDataRequest(input.kind, input.dataRequest);
}

/**
 * Every check an order passes before it is stored, and the deadline it gets. `authorityCountry` is
 * the country of the authority the order names, when known: a national regime must be its own.
 * Whether the authority exists at all is the store's to check (or the batch's: checkOrders).
 */
export function checkOrder(input: IncomingOrder, intake: IntakeRules, authorityCountry?: string): StoredOrder {
  checkReceipt(input, intake.now);
  const { regimeId = null, category = null, periodSetInOrderHours = null, ...fields } = input;
  const request = { ...fields, dataRequest: checkOrderShape(fields) };
  if (regimeId && authorityCountry) checkRegimeFitsAuthority(intake.rules, regimeId, authorityCountry);
  const deadline = deadlineFor(
    { kind: request.kind, receivedAt: request.receivedAt, regimeId, category, periodSetInOrderHours },
    intake.rules,
    intake.policy,
  );
  return { ...request, ...deadline };
}

export async function receiveRequest<T extends RequestDetail>(
  input: IncomingOrder,
  actor: Actor | null,
  ports: IntakePorts<T>,
): Promise<T> {
  // The receipt is checked before the authority is looked up, which only a regime needs.
  checkReceipt(input, ports.now);
  const country = input.regimeId && ports.authorityCountry ? await ports.authorityCountry(input.authorityId) : undefined;
  return ports.store(checkOrder(input, ports, country), actor);
}

/** What is wrong with one order of a batch: its position, the field and why. */
export type OrderProblem = { order: number; field: string; message: string };

/**
 * The checks of checkOrder on every order of a batch, where `authorityCountry` knows the batch's
 * authorities (undefined: not registered). All or nothing: the orders to store, or the problem of
 * each order that has one.
 */
export function checkOrders(
  inputs: readonly IncomingOrder[],
  intake: IntakeRules,
  authorityCountry: (authorityId: string) => string | undefined,
): { orders: StoredOrder[]; problems: OrderProblem[] } {
  const orders: StoredOrder[] = [];
  const problems: OrderProblem[] = [];
  inputs.forEach((input, order) => {
    try {
      // In the single path's order: the order's own checks, then whether its authority is registered.
      const country = authorityCountry(input.authorityId);
      const checked = checkOrder(input, intake, country);
      if (country === undefined) throw unknownAuthority(input.authorityId);
      orders.push(checked);
    } catch (error) {
      if (!(error instanceof WritError) || error.code !== 'validation_failed') throw error;
      problems.push({ order, field: error.field ?? '', message: error.message });
    }
  });
  return { orders, problems };
}
