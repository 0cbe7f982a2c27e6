/**
 * Reading offsets and wall-clock times (src/domain/regimes/time.ts), at the edges a mutation run
 * showed no test pinned (issue 14): the offset an ISO text states, with or without a colon, its sign
 * and its minutes; `Z` only at the end; a local time only as the whole text; and the earlier of two
 * readings when the clocks go back.
 */
import { describe, expect, it } from 'vitest';
import { localToInstant, statedOffsetMinutes } from '../../src/domain/regimes/time.js';

describe('the offset an ISO text states', () => {
  it('reads Z (either case) as zero, and only at the end of the text', () => {
    expect(statedOffsetMinutes('2026-03-10T18:30:00Z')).toBe(0);
    expect(statedOffsetMinutes('2026-03-10T18:30:00z')).toBe(0);
    expect(statedOffsetMinutes('Zone 2026-03-10T18:30:00')).toBeNull();
  });
  it('reads the sign and adds the minutes to the hours, with or without a colon', () => {
    expect(statedOffsetMinutes('2026-03-10T23:30:00+05:00')).toBe(300);
    expect(statedOffsetMinutes('2026-03-10T23:30:00+05:45')).toBe(345);
    expect(statedOffsetMinutes('2026-03-10T14:30:00-03:30')).toBe(-210);
    expect(statedOffsetMinutes('2026-03-10T14:30:00-0330')).toBe(-210);
    expect(statedOffsetMinutes('2026-03-10T23:30:00+0545')).toBe(345);
  });
  it('takes the offset at the end of the text only, and none when there is none', () => {
    expect(statedOffsetMinutes('2026-03-10T23:30:00')).toBeNull();
    expect(statedOffsetMinutes('+05:00 2026-03-10T23:30:00')).toBeNull();
    expect(statedOffsetMinutes('2026-03-10')).toBeNull();
  });
});

describe('a wall-clock time in a zone', () => {
  it('is read only when the whole text is a local date and time', () => {
    expect(localToInstant('2026-03-10T23:30', 'Asia/Almaty')?.instant.toISOString()).toBe('2026-03-10T18:30:00.000Z');
    expect(localToInstant('2026-03-10T23:30:15', 'Asia/Almaty')?.instant.toISOString()).toBe('2026-03-10T18:30:15.000Z');
    expect(localToInstant('x2026-03-10T23:30', 'Asia/Almaty')).toBeNull();
    expect(localToInstant('2026-03-10T23:30+05:00', 'Asia/Almaty')).toBeNull();
    expect(localToInstant('2026-03-10T23:30Z', 'Asia/Almaty')).toBeNull();
  });
  it('reads a time that occurs twice as the earlier one (Almaty, the night the clocks went back in 2024)', () => {
    const read = localToInstant('2024-02-29T23:30', 'Asia/Almaty');
    expect(read?.iso).toBe('2024-02-29T23:30:00+06:00');
    expect(read?.instant.toISOString()).toBe('2024-02-29T17:30:00.000Z');
    expect(read?.shifted).toBe(false);
  });
  it('moves a skipped time forward by the gap and says so (Berlin, 29 March 2026)', () => {
    const read = localToInstant('2026-03-29T02:30', 'Europe/Berlin');
    expect(read?.iso).toBe('2026-03-29T03:30:00+02:00');
    expect(read?.shifted).toBe(true);
  });
});
