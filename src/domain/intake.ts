/**
 * Receiving an order: the checks that need no database, the deadline, and the hand-over to
 * storage (passed in, so this stays plain TypeScript).
 */
import { placeholderDeadline } from './deadline.js';
import { WritError } from './errors.js';
import type { Actor, NewRequest, RequestDetail } from './request.js';

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** How far in the future a stated receipt time may be, for clocks that disagree a little. */
const CLOCK_SKEW_MS = 5 * 60_000;

export type IntakePorts = {
  now: () => Date;
  store: (request: NewRequest & { dueAt: Date; dueBasis: string }, actor: Actor | null) => Promise<RequestDetail>;
};

export async function receiveRequest(input: NewRequest, actor: Actor | null, ports: IntakePorts): Promise<RequestDetail> {
  if (!isTimeZone(input.authorityTimeZone)) {
    throw new WritError(
      'validation_failed',
      `${JSON.stringify(input.authorityTimeZone)} is not an IANA time zone (for example Asia/Almaty)`,
      'authorityTimeZone',
    );
  }
  if (input.receivedAt.getTime() > ports.now().getTime() + CLOCK_SKEW_MS) {
    throw new WritError('validation_failed', 'receivedAt is in the future', 'receivedAt');
  }
  const deadline = placeholderDeadline(input.kind, input.receivedAt);
  return ports.store({ ...input, dueAt: deadline.dueAt, dueBasis: deadline.basis }, actor);
}
