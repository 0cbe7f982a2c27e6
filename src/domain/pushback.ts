/**
 * Pushback (issue 12): the platform contests an order with the authority, or challenges it in court,
 * and records the outcome and the authority's answers. Plain rules, no storage:
 * - a court challenge names its court and case number; a contest names neither;
 * - no pushback on a withdrawn order (anything else, decided or closed included: a court challenge
 *   often comes after the decision);
 * - an outcome, once recorded, is final: changing it is a correction, which must say why (a note),
 *   and the history keeps the outcome it replaced; `pending` is never recorded, it is where a
 *   pushback starts;
 * - an instant given (filed, an answer received by letter) is not in the future.
 * Browser-safe: the web shows the same limits.
 */
import { WritError } from './errors.js';
import type { PushbackKind, PushbackOutcome } from './review-vocabulary.js';
import type { RequestStatus } from './vocabulary.js';

export const ARGUMENT_MAX_LENGTH = 20_000;
export const COURT_MAX_LENGTH = 300;
export const CASE_NUMBER_MAX_LENGTH = 120;
export const OUTCOME_NOTE_MAX_LENGTH = 4_000;
export const ANSWER_MAX_LENGTH = 10_000;

/** The outcomes that may be recorded (everything but the starting `pending`). */
export const decidedPushbackOutcomes = [
  'withdrawn_by_authority',
  'narrowed',
  'upheld',
  'annulled',
  'abandoned',
] as const satisfies readonly PushbackOutcome[];
export type DecidedPushbackOutcome = (typeof decidedPushbackOutcomes)[number];

export type NewPushback = {
  kind: PushbackKind;
  argument: string;
  court: string | null;
  caseNumber: string | null;
  filedAt: Date;
};

export type PushbackInput = {
  kind: PushbackKind;
  argument: string;
  court?: string | null;
  caseNumber?: string | null;
  filedAt?: Date | null;
};

const blank = (s: string | null | undefined) => s === undefined || s === null || s.trim() === '';

function notInFuture(at: Date, now: Date, field: string): void {
  if (at.getTime() > now.getTime()) throw new WritError('validation_failed', `${field} must not be in the future`, field);
}

/** The pushback to store, or a 400 naming the field at fault. `filedAt` defaults to now. */
export function checkNewPushback(input: PushbackInput, now: Date): NewPushback {
  if (blank(input.argument)) throw new WritError('validation_failed', 'the legal argument must not be empty', 'argument');
  const court = blank(input.court) ? null : input.court!.trim();
  const caseNumber = blank(input.caseNumber) ? null : input.caseNumber!.trim();
  if (input.kind === 'court_challenge') {
    if (court === null) throw new WritError('validation_failed', 'a court challenge names its court', 'court');
    if (caseNumber === null) throw new WritError('validation_failed', 'a court challenge names its case number', 'caseNumber');
  } else {
    if (court !== null) throw new WritError('validation_failed', 'a contest with the authority names no court', 'court');
    if (caseNumber !== null)
      throw new WritError('validation_failed', 'a contest with the authority has no case number', 'caseNumber');
  }
  const filedAt = input.filedAt ?? now;
  notInFuture(filedAt, now, 'filedAt');
  return { kind: input.kind, argument: input.argument, court, caseNumber, filedAt };
}

/** 409 on a withdrawn order: there is nothing left to push back against. */
export function assertPushbackPossible(status: RequestStatus): void {
  if (status === 'withdrawn')
    throw new WritError('invalid_transition', 'the order was withdrawn: there is nothing left to contest or challenge');
}

export type OutcomeChange = {
  outcome: DecidedPushbackOutcome;
  note: string | null;
  /** True when an outcome was already recorded and this one replaces it. */
  correction: boolean;
};

/**
 * Recording an outcome: the first one takes an optional note; once recorded, an outcome is final,
 * and only a correction with a note saying why may replace it (409 otherwise). Recording the same
 * outcome again is refused as a no-op (409), so that the history never shows a change that was none.
 */
export function checkOutcome(current: PushbackOutcome, next: { outcome: PushbackOutcome; note?: string | null }): OutcomeChange {
  if (next.outcome === 'pending')
    throw new WritError('validation_failed', 'pending is where a pushback starts; record what became of it', 'outcome');
  const note = blank(next.note) ? null : next.note!.trim();
  if (current === 'pending') return { outcome: next.outcome, note, correction: false };
  if (next.outcome === current) throw new WritError('invalid_transition', `the outcome is already ${current}`, 'outcome');
  if (note === null)
    throw new WritError(
      'invalid_transition',
      `the outcome ${current} is recorded and final; correcting it needs a note saying why`,
      'note',
    );
  return { outcome: next.outcome, note, correction: true };
}

/** An answer recorded by staff from a letter: when it was received, not in the future. */
export function checkAnswerReceivedAt(receivedAt: Date, now: Date): Date {
  notInFuture(receivedAt, now, 'receivedAt');
  return receivedAt;
}
