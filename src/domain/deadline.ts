/**
 * Due dates. Until jurisdiction rule packs exist (issue 3), every request gets a placeholder
 * deadline of a fixed number of elapsed hours after receipt, by request kind. The result says
 * that it is a placeholder so that nobody mistakes it for a legal deadline.
 */
import type { RequestKind } from './vocabulary.js';

export const placeholderDueHours: Record<RequestKind, number> = {
  emergency_disclosure: 1,
  content_removal: 24,
  preservation: 72,
  user_data: 240,
};

export type Deadline = { dueAt: Date; basis: string };

export function placeholderDeadline(kind: RequestKind, receivedAt: Date): Deadline {
  const hours = placeholderDueHours[kind];
  return {
    dueAt: new Date(receivedAt.getTime() + hours * 3_600_000),
    basis: `placeholder: ${hours} h after receipt for ${kind} (no jurisdiction rule applied yet)`,
  };
}

/** Milliseconds left until the deadline; negative when it has passed. */
export function timeLeft(dueAt: Date, now: Date): number {
  return dueAt.getTime() - now.getTime();
}
