/**
 * A half-year that must have begun (src/domain/period.ts, parseBegunPeriod), read without naming
 * the field it came from: the refusal names the field `period`, as the reports' query calls it.
 */
import { describe, expect, it } from 'vitest';
import { parseBegunPeriod } from '../../src/domain/period.js';

describe('a half-year read without naming its field', () => {
  const now = new Date('2026-11-30T05:00:00Z');

  it('refuses a later half-year at the field `period`, naming it in the message', () => {
    expect(() => parseBegunPeriod('2027-H1', now)).toThrow(
      expect.objectContaining({
        code: 'validation_failed',
        field: 'period',
        message: 'period must not be after the current half-year, 2026-H2 (got 2027-H1)',
      }),
    );
  });

  it('refuses a text that is no half-year at the field `period`', () => {
    expect(() => parseBegunPeriod('2026-H3', now)).toThrow(
      expect.objectContaining({ code: 'validation_failed', field: 'period' }),
    );
  });

  it('still names another field when one is given', () => {
    expect(() => parseBegunPeriod('2027-H1', now, 'from')).toThrow(
      expect.objectContaining({ field: 'from', message: expect.stringMatching(/^from must not be after/) }),
    );
  });
});
