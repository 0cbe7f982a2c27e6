/**
 * Receiving an order: the checks that need no database, the deadline, and the hand-over to
 * storage (passed in, so this stays plain TypeScript).
 */
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

export type IntakePorts<T extends RequestDetail = RequestDetail> = {
  now: () => Date;
  rules: RuleBook;
  policy: PolicyTargets;
  store: (request: StoredOrder, actor: Actor | null) => Promise<T>;
  /** The country of a registered authority, to check that a national regime is the authority's own. */
  authorityCountry?: (authorityId: string) => Promise<string | undefined>;
};

export async function receiveRequest<T extends RequestDetail>(
  input: IncomingOrder,
  actor: Actor | null,
  ports: IntakePorts<T>,
): Promise<T> {
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
  if (input.receivedAt.getTime() > ports.now().getTime() + CLOCK_SKEW_MS) {
    throw new WritError('validation_failed', 'receivedAt is in the future', 'receivedAt');
  }
  const { regimeId = null, category = null, periodSetInOrderHours = null, ...request } = input;
  if (regimeId && ports.authorityCountry) {
    const country = await ports.authorityCountry(request.authorityId);
    if (country) checkRegimeFitsAuthority(ports.rules, regimeId, country);
  }
  const deadline = deadlineFor(
    { kind: request.kind, receivedAt: request.receivedAt, regimeId, category, periodSetInOrderHours },
    ports.rules,
    ports.policy,
  );
  return ports.store({ ...request, ...deadline }, actor);
}
