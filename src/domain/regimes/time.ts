/**
 * Instants, zones and calendar days, on Temporal (the `temporal-polyfill` ponyfill until the
 * platform ships it). Deadlines are elapsed time: an instant plus a number of hours, whatever zone
 * is displayed. Zones matter only for showing an instant as the authority sees it, for reading the
 * calendar dates of a law (a law in force "from 20 February 2026" starts at midnight in its own
 * country) and for reading a wall-clock time an authority wrote. Browser-safe: the web's intake
 * form uses the same functions, so the form and the server agree.
 */
import { Temporal } from 'temporal-polyfill';

/** An IANA zone name (`Asia/Almaty`, `UTC`); a bare offset such as `+05:00` is not a zone. */
export function isTimeZone(zone: string): boolean {
  if (/^[+-]/.test(zone)) return false; // '' is refused by Temporal below
  const known = checkedZones.get(zone);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone);
    valid = true;
  } catch {
    valid = false;
  }
  // Every order names a zone, and there are a few hundred: remember the answers (a bounded few,
  // so that a stream of made-up names cannot grow the map).
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the bound limits memory, not answers
  if (checkedZones.size < 2_000) checkedZones.set(zone, valid);
  return valid;
}
const checkedZones = new Map<string, boolean>();

const HOUR_MS = 3_600_000;

export function addHours(instant: Date, hours: number): Date {
  return new Date(instant.getTime() + Math.round(hours * HOUR_MS));
}

function zoned(instant: Date, zone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(zone);
}

const wallClocks = new Map<string, Intl.DateTimeFormat>();

/**
 * The zone's offset at an instant in seconds, from the platform's own zone data through one cached
 * Intl formatter per zone: about ten times faster than the Temporal polyfill (a queue page shows a
 * hundred deadlines in the authority's time). Null for years Intl would not write in four digits.
 *
 * Mutation testing: mutants that only make this build a formatter per call or answer null cannot be
 * told apart from outside but by speed, since null falls back to Temporal (offsetMinutes), which gives
 * the same whole-minute offset (test/unit/zone-arithmetic.test.ts checks that the two agree). They are
 * disabled line by line below; mutants that make it answer wrongly are not.
 */
function offsetSeconds(instant: Date, zone: string): number | null {
  let clock = wallClocks.get(zone);
  // Stryker disable next-line ConditionalExpression: a new formatter per call, same answer
  if (!clock) {
    // Stryker disable next-line ObjectLiteral: an Intl formatter without options writes no era or time: null, then Temporal
    clock = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClocks.set(zone, clock);
  }
  const field: Record<string, number> = {};
  // Stryker disable next-line StringLiteral: an era other than AD answers null, then Temporal
  let era = '';
  // Stryker disable next-line BlockStatement: no fields answer null, then Temporal
  for (const part of clock.formatToParts(instant)) {
    // Stryker disable ConditionalExpression,EqualityOperator: a lost era or lost fields answer null, then Temporal; literal parts are never read
    if (part.type === 'era') era = part.value;
    else if (part.type !== 'literal') field[part.type] = Number(part.value);
    // Stryker restore ConditionalExpression,EqualityOperator
  }
  const { year = Number.NaN, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = field;
  // Stryker disable next-line ConditionalExpression,StringLiteral,EqualityOperator: answering null more often, or at 1000 and 9999, only falls back to Temporal
  if (era !== 'AD' || !(year >= 1000 && year <= 9999)) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  return (wall - Math.floor(instant.getTime() / 1000) * 1000) / 1000;
}

/** The zone's offset from UTC at an instant, in whole minutes (Asia/Almaty in 2026: +300). */
export function offsetMinutes(instant: Date, zone: string): number {
  const seconds = offsetSeconds(instant, zone);
  if (seconds !== null) return Math.round(seconds / 60);
  return Math.round(zoned(instant, zone).offsetNanoseconds / 60e9);
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * ISO-8601 in the zone's local time with its offset, to the second, e.g. `2026-03-11T22:30:00+05:00`.
 * The local time is written at the offset rounded to the minute, so the text always reads back as
 * the same instant (it differs from the zone's own wall clock only under pre-1920s local mean times
 * such as Almaty's +05:07:48).
 */
export function formatInZone(instant: Date, zone: string): string {
  const minutes = offsetMinutes(instant, zone);
  const local = new Date(Math.floor(instant.getTime() / 1000) * 1000 + minutes * 60_000);
  const year = local.getUTCFullYear();
  // Four-digit years only; at the ends of Date's range the local time is past it (year NaN).
  // Stryker disable next-line ConditionalExpression,EqualityOperator: Temporal writes years 1000–9999 the same way
  if (!(year >= 1000 && year <= 9999)) {
    return zoned(instant, formatOffset(minutes)).toString({ smallestUnit: 'second', timeZoneName: 'never' });
  }
  return `${local.toISOString().slice(0, 19)}${formatOffset(minutes)}`;
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
  return zoned(instant, zone).toPlainDate().toString();
}

/**
 * The instant a calendar day begins in a zone: local midnight, or, where the clocks skip midnight
 * (São Paulo's old daylight-saving starts went from 23:59:59 to 01:00), the first instant of the day.
 */
export function startOfDayInZone(day: string, zone: string): Date {
  return new Date(Temporal.PlainDate.from(day).toZonedDateTime(zone).epochMilliseconds);
}

export function addDays(day: string, days: number): string {
  return Temporal.PlainDate.from(day).add({ days }).toString();
}

export function maxDay(a: string, b: string): string {
  // Stryker disable next-line EqualityOperator: equal days give the same answer either way
  return a > b ? a : b;
}

export type LocalInstant = {
  instant: Date;
  /** The same moment written in the zone with its offset, e.g. `2026-03-10T23:30:00+05:00`, for the API. */
  iso: string;
  /** The wall-clock time does not exist in the zone (a clock change skips it): the instant is the gap's length past it. */
  shifted: boolean;
};

/**
 * A wall-clock time in a zone (`2026-03-10T23:30` in `Asia/Almaty`) as an instant
 * (2026-03-10T18:30:00Z); null when the text is not such a time or the zone is unknown.
 * A time the clocks skip is read as if they had not changed yet, i.e. moved forward by the gap
 * (Berlin's 02:30 on 29 March 2026 → 03:30+02:00), and flagged `shifted`. A time that occurs
 * twice, when the clocks go back, is read as the earlier one (Almaty's 23:30 on 29 February 2024
 * → +06:00): Temporal's `compatible` reading, which, for a receipt, never gives a later deadline.
 */
export function localToInstant(local: string, zone: string): LocalInstant | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local) || !isTimeZone(zone)) return null;
  let wallClock: Temporal.PlainDateTime;
  try {
    wallClock = Temporal.PlainDateTime.from(local);
  } catch {
    return null; // 30 February, 25:00 and the like
  }
  // Stryker disable next-line ObjectLiteral: 'compatible' is Temporal's default, written for the reader
  const read = wallClock.toZonedDateTime(zone, { disambiguation: 'compatible' });
  const instant = new Date(read.epochMilliseconds);
  return { instant, iso: formatInZone(instant, zone), shifted: !read.toPlainDateTime().equals(wallClock) };
}
