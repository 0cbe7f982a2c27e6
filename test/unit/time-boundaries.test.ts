/**
 * Boundaries of src/domain/regimes/time.ts that the other time tests leave to their long property
 * runs (cut short under mutation testing): the edges of the four-digit years the platform's clock
 * is read for (before 100 AD, BC, after 9999), the last millisecond of a day, offsets west of
 * Greenwich with minutes, wall-clock texts one character off, elapsed hours and the later of two days.
 */
import { describe, expect, it } from 'vitest';
import {
  addHours,
  dayInZone,
  formatInZone,
  localToInstant,
  maxDay,
  offsetMinutes,
  startOfDayInZone,
} from '../../src/domain/regimes/time.js';

describe('instants outside the years 1000 to 9999', () => {
  // Two-digit years are where a naive reading of a date turns 50 AD into 1950.
  it('writes an instant of 50 AD in its own year, at UTC and at a local mean time', () => {
    const instant = new Date('0050-06-01T12:00:00Z');
    expect(offsetMinutes(instant, 'UTC')).toBe(0);
    expect(formatInZone(instant, 'UTC')).toBe('0050-06-01T12:00:00+00:00');
    expect(offsetMinutes(instant, 'Asia/Almaty')).toBe(308);
    expect(formatInZone(instant, 'Asia/Almaty')).toBe('0050-06-01T17:08:00+05:08');
  });

  it('writes an instant of 2001 BC with a signed six-digit year, not as the year 2000 AD', () => {
    const instant = new Date('-002000-06-01T12:00:00Z');
    expect(offsetMinutes(instant, 'UTC')).toBe(0);
    expect(formatInZone(instant, 'UTC')).toBe('-002000-06-01T12:00:00+00:00');
    expect(offsetMinutes(instant, 'Asia/Almaty')).toBe(308);
    expect(formatInZone(instant, 'Asia/Almaty')).toBe('-002000-06-01T17:08:00+05:08');
  });

  it('writes the year 10000 with a signed six-digit year and the zone offset, to the second', () => {
    const instant = new Date('+010000-06-01T12:00:00.123Z');
    expect(offsetMinutes(instant, 'Asia/Almaty')).toBe(300);
    expect(formatInZone(instant, 'Asia/Almaty')).toBe('+010000-06-01T17:00:00+05:00');
    expect(formatInZone(instant, 'UTC')).toBe('+010000-06-01T12:00:00+00:00');
  });

  it('takes the year from the local date: late 9999 in UTC is already 10000 in Almaty', () => {
    expect(formatInZone(new Date('9999-12-31T20:00:00Z'), 'Asia/Almaty')).toBe('+010000-01-01T01:00:00+05:00');
    expect(formatInZone(new Date('9999-12-31T23:59:59.999Z'), 'UTC')).toBe('9999-12-31T23:59:59+00:00');
  });

  it('takes the year from the local date: the first instant of 1000 in UTC is still 999 in New York', () => {
    const instant = new Date('1000-01-01T00:00:00Z');
    expect(formatInZone(instant, 'UTC')).toBe('1000-01-01T00:00:00+00:00');
    expect(formatInZone(instant, 'America/New_York')).toBe('0999-12-31T19:04:00-04:56');
    expect(formatInZone(instant, 'Asia/Almaty')).toBe('1000-01-01T05:08:00+05:08');
  });
});

describe('the last millisecond of a day', () => {
  it('is written to the second, still on that day; the next millisecond starts the next day', () => {
    const last = new Date('2026-03-10T18:59:59.999Z');
    expect(formatInZone(last, 'Asia/Almaty')).toBe('2026-03-10T23:59:59+05:00');
    expect(dayInZone(last, 'Asia/Almaty')).toBe('2026-03-10');
    const next = new Date(last.getTime() + 1);
    expect(formatInZone(next, 'Asia/Almaty')).toBe('2026-03-11T00:00:00+05:00');
    expect(dayInZone(next, 'Asia/Almaty')).toBe('2026-03-11');
    expect(startOfDayInZone('2026-03-11', 'Asia/Almaty')).toEqual(next);
  });

  it('is written to the second also before 1970, where the milliseconds count down from zero', () => {
    expect(formatInZone(new Date('1969-12-31T23:59:59.999Z'), 'UTC')).toBe('1969-12-31T23:59:59+00:00');
    expect(formatInZone(new Date('1969-12-31T23:59:59.001Z'), 'UTC')).toBe('1969-12-31T23:59:59+00:00');
  });

  it('of a leap day belongs to 29 February, and 1 March follows', () => {
    expect(dayInZone(new Date('2028-02-29T23:59:59.999Z'), 'UTC')).toBe('2028-02-29');
    expect(dayInZone(new Date('2028-03-01T00:00:00Z'), 'UTC')).toBe('2028-03-01');
    expect(startOfDayInZone('2028-02-29', 'America/St_Johns').toISOString()).toBe('2028-02-29T03:30:00.000Z');
  });
});

describe('offsets west of Greenwich and with minutes', () => {
  it('writes Newfoundland as -03:30 in winter and -02:30 in summer, Kathmandu as +05:45', () => {
    const winter = new Date('2026-01-15T12:00:00Z');
    expect(offsetMinutes(winter, 'America/St_Johns')).toBe(-210);
    expect(formatInZone(winter, 'America/St_Johns')).toBe('2026-01-15T08:30:00-03:30');
    expect(offsetMinutes(new Date('2026-07-15T12:00:00Z'), 'America/St_Johns')).toBe(-150);
    expect(formatInZone(new Date('2026-07-15T12:00:00Z'), 'America/St_Johns')).toBe('2026-07-15T09:30:00-02:30');
    expect(offsetMinutes(winter, 'Asia/Kathmandu')).toBe(345);
    expect(formatInZone(winter, 'Asia/Kathmandu')).toBe('2026-01-15T17:45:00+05:45');
  });

  it('writes a west offset under ten hours with a leading zero, and one of ten hours or more without', () => {
    expect(formatInZone(new Date('2026-01-15T12:00:00Z'), 'Pacific/Honolulu')).toBe('2026-01-15T02:00:00-10:00');
    expect(formatInZone(new Date('2026-01-15T12:00:00Z'), 'America/Lima')).toBe('2026-01-15T07:00:00-05:00');
  });
});

describe('a wall-clock time written one character off', () => {
  const zone = 'Asia/Almaty';

  it('is read when it is exactly YYYY-MM-DDThh:mm, with or without seconds', () => {
    expect(localToInstant('2026-03-10T00:00', zone)?.iso).toBe('2026-03-10T00:00:00+05:00');
    expect(localToInstant('2026-03-10T23:59:59', zone)?.iso).toBe('2026-03-10T23:59:59+05:00');
    expect(localToInstant('2024-02-29T00:00', zone)?.instant.toISOString()).toBe('2024-02-28T18:00:00.000Z');
  });

  it('is refused with a character more or less in any field', () => {
    for (const local of [
      '026-03-10T23:30',
      '02026-03-10T23:30',
      '2026-3-10T23:30',
      '2026-003-10T23:30',
      '2026-03-1T23:30',
      '2026-03-010T23:30',
      '2026-03-10T3:30',
      '2026-03-10T023:30',
      '2026-03-10T23:3',
      '2026-03-10T23:300',
      '2026-03-10T23:30:1',
      '2026-03-10T23:30:150',
      '2026-03-10T23:30:',
      '2026-03-10T23:30:15.5',
      '2026-03-10T23:30 ',
      ' 2026-03-10T23:30',
    ])
      expect(localToInstant(local, zone), local).toBeNull();
  });

  it('is refused with a signed six-digit year, which Temporal alone would read', () => {
    expect(localToInstant('+002026-03-10T23:30', zone)).toBeNull();
    expect(localToInstant('-002026-03-10T23:30', zone)).toBeNull();
  });

  it('is refused with a space or a lower-case t between date and time, and on 29 February of a common year', () => {
    expect(localToInstant('2026-03-10 23:30', zone)).toBeNull();
    expect(localToInstant('2026-03-10t23:30', zone)).toBeNull();
    expect(localToInstant('2023-02-29T00:00', zone)).toBeNull();
  });
});

describe('elapsed hours and the later of two days', () => {
  const received = new Date('2026-03-10T18:30:00Z');

  it('adds whole, fractional and negative hours as elapsed time, to the millisecond', () => {
    expect(addHours(received, 24).toISOString()).toBe('2026-03-11T18:30:00.000Z');
    expect(addHours(received, 1.5).toISOString()).toBe('2026-03-10T20:00:00.000Z');
    expect(addHours(received, -2).toISOString()).toBe('2026-03-10T16:30:00.000Z');
    expect(addHours(received, 0).toISOString()).toBe('2026-03-10T18:30:00.000Z');
    expect(addHours(received, 1 / 3_600_000).toISOString()).toBe('2026-03-10T18:30:00.001Z');
  });

  it('takes the later day whichever comes first, and either when they are the same', () => {
    expect(maxDay('2026-02-20', '2026-03-01')).toBe('2026-03-01');
    expect(maxDay('2026-03-01', '2026-02-20')).toBe('2026-03-01');
    expect(maxDay('2025-12-31', '2026-01-01')).toBe('2026-01-01');
    expect(maxDay('2026-03-01', '2026-03-01')).toBe('2026-03-01');
  });
});
