/** The rules of pushback (src/domain/pushback.ts): what a contest and a court challenge name, when one is possible, outcomes. */
import { describe, expect, it } from 'vitest';
import { WritError } from '../../src/domain/errors.js';
import { assertPushbackPossible, checkAnswerReceivedAt, checkNewPushback, checkOutcome } from '../../src/domain/pushback.js';
import { requestStatuses } from '../../src/domain/vocabulary.js';

const now = new Date('2026-03-10T06:00:00Z');
const fieldOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof WritError) return `${e.code} ${e.field ?? ''}`.trim();
    throw e;
  }
  return 'ok';
};

describe('checkNewPushback', () => {
  it('takes a contest with its argument, filed now unless said otherwise', () => {
    expect(checkNewPushback({ kind: 'contest', argument: 'No legal basis.' }, now)).toEqual({
      kind: 'contest',
      argument: 'No legal basis.',
      court: null,
      caseNumber: null,
      filedAt: now,
    });
  });

  it('needs a court and a case number for a court challenge, and none for a contest', () => {
    const base = { kind: 'court_challenge' as const, argument: 'Disproportionate.' };
    expect(fieldOf(() => checkNewPushback({ ...base, caseNumber: '6 K 1/26' }, now))).toBe('validation_failed court');
    expect(fieldOf(() => checkNewPushback({ ...base, court: 'VG Köln', caseNumber: ' ' }, now))).toBe(
      'validation_failed caseNumber',
    );
    expect(checkNewPushback({ ...base, court: ' VG Köln ', caseNumber: '6 K 1/26' }, now)).toMatchObject({
      court: 'VG Köln',
      caseNumber: '6 K 1/26',
    });
    expect(fieldOf(() => checkNewPushback({ kind: 'contest', argument: 'x', caseNumber: '1' }, now))).toBe(
      'validation_failed caseNumber',
    );
  });

  it('refuses an empty argument and a filing date in the future', () => {
    expect(fieldOf(() => checkNewPushback({ kind: 'contest', argument: '  ' }, now))).toBe('validation_failed argument');
    const later = new Date(now.getTime() + 1);
    expect(fieldOf(() => checkNewPushback({ kind: 'contest', argument: 'x', filedAt: later }, now))).toBe(
      'validation_failed filedAt',
    );
    expect(fieldOf(() => checkAnswerReceivedAt(later, now))).toBe('validation_failed receivedAt');
    expect(checkAnswerReceivedAt(now, now)).toBe(now);
  });
});

describe('assertPushbackPossible', () => {
  it('allows every status but withdrawn', () => {
    for (const status of requestStatuses) {
      expect([status, fieldOf(() => assertPushbackPossible(status))]).toEqual([
        status,
        status === 'withdrawn' ? 'invalid_transition' : 'ok',
      ]);
    }
  });
});

describe('checkOutcome', () => {
  it('records a first outcome with or without a note, never pending', () => {
    expect(checkOutcome('pending', { outcome: 'upheld' })).toEqual({ outcome: 'upheld', note: null, correction: false });
    expect(checkOutcome('pending', { outcome: 'narrowed', note: ' in part ' })).toEqual({
      outcome: 'narrowed',
      note: 'in part',
      correction: false,
    });
    expect(fieldOf(() => checkOutcome('pending', { outcome: 'pending' }))).toBe('validation_failed outcome');
  });

  it('treats a recorded outcome as final: a different one is a correction with a note; the same one is refused', () => {
    expect(fieldOf(() => checkOutcome('annulled', { outcome: 'upheld' }))).toBe('invalid_transition note');
    expect(fieldOf(() => checkOutcome('annulled', { outcome: 'upheld', note: '  ' }))).toBe('invalid_transition note');
    expect(fieldOf(() => checkOutcome('annulled', { outcome: 'annulled', note: 'again' }))).toBe('invalid_transition outcome');
    expect(checkOutcome('annulled', { outcome: 'upheld', note: 'Overturned on appeal.' })).toEqual({
      outcome: 'upheld',
      note: 'Overturned on appeal.',
      correction: true,
    });
  });
});
