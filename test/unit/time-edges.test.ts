/**
 * Edges of src/domain/regimes/time.ts: how a zero or near-zero offset is written, and which names
 * count as IANA zones.
 */
import { describe, expect, it } from 'vitest';
import { formatInZone, isTimeZone } from '../../src/domain/regimes/time.js';

const march = new Date('2026-03-10T12:00:00Z');

describe('the offset an instant is shown with', () => {
  it('writes a zero offset as +00:00, never -00:00', () => {
    for (const zone of ['UTC', 'Etc/UTC', 'Africa/Abidjan', 'Europe/London'])
      expect(formatInZone(march, zone), zone).toBe('2026-03-10T12:00:00+00:00');
  });

  it('writes a zero offset as +00:00 also outside four-digit years', () => {
    expect(formatInZone(new Date(Date.UTC(10000, 0, 1)), 'UTC')).toBe('+010000-01-01T00:00:00+00:00');
    expect(formatInZone(new Date(Date.UTC(999, 5, 1)), 'UTC')).toBe('0999-06-01T00:00:00+00:00');
  });

  it('writes the sign of offsets under an hour and of half- and quarter-hour offsets', () => {
    // London's local mean time, -00:01:15, rounds to one minute west of UTC.
    expect(formatInZone(new Date(Date.UTC(999, 5, 1)), 'Europe/London')).toBe('0999-05-31T23:59:00-00:01');
    expect(formatInZone(march, 'America/St_Johns')).toBe('2026-03-10T09:30:00-02:30');
    expect(formatInZone(march, 'Asia/Kathmandu')).toBe('2026-03-10T17:45:00+05:45');
    expect(formatInZone(march, 'America/New_York')).toBe('2026-03-10T08:00:00-04:00');
    expect(formatInZone(march, 'Pacific/Kiritimati')).toBe('2026-03-11T02:00:00+14:00');
  });
});

describe('which names are time zones', () => {
  it('rejects names that are not IANA zones, asked once or again', () => {
    for (const zone of ['Mars/Olympus', 'Asia/Almaty_x', '', 'Asia', ' Asia/Almaty', 'Asia/Almaty ', 'Z'])
      for (const attempt of [1, 2]) expect(isTimeZone(zone), `${JSON.stringify(zone)} #${attempt}`).toBe(false);
  });

  it('rejects a bare offset, with or without a colon', () => {
    for (const zone of ['+05:00', '-03:00', '+0500', '-00:00', '+00:00'])
      for (const attempt of [1, 2]) expect(isTimeZone(zone), `${zone} #${attempt}`).toBe(false);
  });

  it('accepts real zones, also those with a sign or hyphen inside the name, asked once or again', () => {
    for (const zone of ['Asia/Almaty', 'UTC', 'GMT', 'Etc/GMT+5', 'Etc/GMT-14', 'America/Port-au-Prince'])
      for (const attempt of [1, 2]) expect(isTimeZone(zone), `${zone} #${attempt}`).toBe(true);
  });
});
