/**
 * Instants, zones and calendar days. Deadlines are elapsed time: an instant plus a number of hours,
 * whatever zone is displayed. Zones matter only for showing an instant as the authority sees it
 * and for reading the calendar dates of a law (a law in force "from 20 February 2026" starts at
 * midnight in its own country).
 */

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export function addHours(instant: Date, hours: number): Date {
  return new Date(instant.getTime() + Math.round(hours * HOUR_MS));
}

// Building a DateTimeFormat costs far more than using one: one per zone, kept.
const wallClocks = new Map<string, Intl.DateTimeFormat>();
function wallClock(zone: string): Intl.DateTimeFormat {
  let format = wallClocks.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallClocks.set(zone, format);
  }
  return format;
}

/** The zone's offset from UTC at an instant, in minutes (Asia/Almaty in 2026: +300). */
export function offsetMinutes(instant: Date, zone: string): number {
  const parts = wallClock(zone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** ISO-8601 in the zone's local time with its offset, e.g. `2026-03-11T22:30:00+05:00`. */
export function formatInZone(instant: Date, zone: string): string {
  const offset = offsetMinutes(instant, zone);
  const local = new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 19);
  return `${local}${formatOffset(offset)}`;
}

/** The offset written in an ISO-8601 text (`Z` is +00:00), in minutes; null when it has none. */
export function statedOffsetMinutes(iso: string): number | null {
  if (/Z$/i.test(iso)) return 0;
  const m = /([+-])(\d{2}):?(\d{2})$/.exec(iso);
  if (!m) return null;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** The calendar day (YYYY-MM-DD) of an instant in a zone. */
export function dayInZone(instant: Date, zone: string): string {
  return formatInZone(instant, zone).slice(0, 10);
}

/**
 * The instant a calendar day begins in a zone: local midnight, or, where the clocks skip midnight
 * (São Paulo's old daylight-saving starts went from 23:59:59 to 01:00), the first instant of the day.
 */
export function startOfDayInZone(day: string, zone: string): Date {
  const naive = Date.parse(`${day}T00:00:00Z`);
  // Two passes find the offset in force at local midnight, also on days when it changes.
  let guess = naive - offsetMinutes(new Date(naive), zone) * 60_000;
  guess = naive - offsetMinutes(new Date(guess), zone) * 60_000;
  // The earliest instant whose local day is `day`: every zone's change of offset is under 3 hours,
  // so the day starts within 3 hours either side of the guess.
  const begun = (ms: number) => dayInZone(new Date(ms), zone) >= day;
  if (begun(guess) && !begun(guess - 1)) return new Date(guess); // the usual case: midnight exists once
  let before = guess - 3 * HOUR_MS;
  let after = guess + 3 * HOUR_MS;
  if (begun(before) || !begun(after)) return new Date(guess);
  while (after - before > 1) {
    const mid = Math.floor((before + after) / 2);
    if (begun(mid)) after = mid;
    else before = mid;
  }
  return new Date(after);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function maxDay(a: string, b: string): string {
  return a > b ? a : b;
}
