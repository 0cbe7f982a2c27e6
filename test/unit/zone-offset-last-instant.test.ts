/**
 * The zone offset (src/domain/regimes/time.ts) at the far end of what a JavaScript date can hold,
 * 275760-09-13T00:00:00Z. East of Greenwich the wall clock there lies past that end, so it cannot be
 * turned back into a date: the offset comes from the zone's rules all the same, as it does for
 * every year past 9999, not from a wall-clock reading that would have no number.
 */
import { describe, expect, it } from 'vitest';
import { formatInZone, offsetMinutes } from '../../src/domain/regimes/time.js';

const lastInstant = new Date(8.64e15); // the last instant a Date holds
const hour = 3_600_000;

describe('the zone offset at the last instant a date can hold', () => {
  it('is the zone offset where the wall clock lies past that instant (Almaty, +05:00)', () => {
    expect(offsetMinutes(lastInstant, 'Asia/Almaty')).toBe(300);
    expect(offsetMinutes(new Date(lastInstant.getTime() - hour), 'Asia/Almaty')).toBe(300);
    expect(offsetMinutes(lastInstant, 'Asia/Kathmandu')).toBe(345);
  });

  it('is the zone offset where the wall clock is still before it (New York, UTC)', () => {
    expect(offsetMinutes(lastInstant, 'America/New_York')).toBe(-240);
    expect(offsetMinutes(lastInstant, 'UTC')).toBe(0);
  });

  it('writes the instant whose wall clock is that last instant with a signed six-digit year', () => {
    expect(formatInZone(new Date(lastInstant.getTime() - 5 * hour), 'Asia/Almaty')).toBe('+275760-09-13T00:00:00+05:00');
    expect(formatInZone(lastInstant, 'America/New_York')).toBe('+275760-09-12T20:00:00-04:00');
  });
});

describe('an instant at the ends of what a Date can hold, written in a zone', () => {
  // The local time lies past Date's range there, so it is written through Temporal, with a six-digit year.
  it('is written east of UTC at the last instant', () => {
    expect(formatInZone(new Date(8.64e15), 'Asia/Almaty')).toBe('+275760-09-13T05:00:00+05:00');
  });

  it('is written west of UTC at the first instant', () => {
    expect(formatInZone(new Date(-8.64e15), 'America/New_York')).toMatch(/^-271821-04-19T\d\d:\d\d:00-0[45]:\d\d$/);
  });
});
