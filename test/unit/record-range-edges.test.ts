/**
 * The span of time Writ's records may speak of (src/domain/time-range.ts), at its two edges: the
 * first instant of 2000 is in it, the first instant of 2100 is not, and a millisecond either side
 * of each is on the side it belongs to, for instants and for calendar days alike.
 */
import { describe, expect, it } from 'vitest';
import { earliestInstant, instantLimit, isDayWithinRecordRange, isWithinRecordRange } from '../../src/domain/time-range.js';

describe('the instants Writ stores', () => {
  it('start with the first instant of 2000 itself, not the millisecond before', () => {
    expect(isWithinRecordRange(new Date('2000-01-01T00:00:00.000Z'))).toBe(true);
    expect(isWithinRecordRange(new Date(earliestInstant.getTime()))).toBe(true);
    expect(isWithinRecordRange(new Date('1999-12-31T23:59:59.999Z'))).toBe(false);
  });

  it('end with the last millisecond of 2099: the first instant of 2100 lies past the range', () => {
    expect(isWithinRecordRange(new Date('2099-12-31T23:59:59.999Z'))).toBe(true);
    expect(isWithinRecordRange(new Date('2100-01-01T00:00:00.000Z'))).toBe(false);
    expect(isWithinRecordRange(new Date(instantLimit.getTime()))).toBe(false);
    expect(isWithinRecordRange(new Date('2100-01-01T00:00:00.001Z'))).toBe(false);
  });

  it('are none for a date that is no instant', () => {
    expect(isWithinRecordRange(new Date('not a date'))).toBe(false);
  });
});

describe('the calendar days Writ stores', () => {
  it('run from 1 January 2000 to 31 December 2099, both included', () => {
    expect(isDayWithinRecordRange('2000-01-01')).toBe(true);
    expect(isDayWithinRecordRange('2099-12-31')).toBe(true);
  });

  it('exclude the day before the first and the day after the last', () => {
    expect(isDayWithinRecordRange('1999-12-31')).toBe(false);
    expect(isDayWithinRecordRange('2100-01-01')).toBe(false);
  });
});
