/**
 * The pressure record (issue 15): what a state does to the platform besides sending orders — fines,
 * court judgments, blocking, throttling, bans, data-localisation enforcement, shutdowns, pressure on
 * staff — tied to the law (a regime's duty or deadline rule) and the orders behind it. This file
 * holds the vocabulary, the rules an event must satisfy, the reference-currency arithmetic and
 * where an event sits on a half-year time axis. Storage is src/db/pressure-repository.ts.
 */
import { euMemberStates } from './exports/eu-orders.js';
import { formatPeriod, type HalfYear, parsePeriod, periodPattern } from './period.js';
import type { RegimePack } from './regimes/pack.js';

export const pressureKinds = [
  'fine',
  'court_judgment',
  'blocking',
  'throttling',
  'app_store_ban',
  'advertising_ban',
  'data_localisation_enforcement',
  'internet_shutdown',
  'service_shutdown',
  'staff_pressure',
  'other',
] as const;
export type PressureKind = (typeof pressureKinds)[number];

export const pressureStatuses = ['announced', 'appealed', 'paid', 'overturned', 'lifted'] as const;
export type PressureStatus = (typeof pressureStatuses)[number];

export const shutdownScopes = ['national', 'regional'] as const;
export type ShutdownScope = (typeof shutdownScopes)[number];

/** Kinds that carry an amount of money: a fine, or a judgment that imposes one. */
export const moneyKinds: readonly PressureKind[] = ['fine', 'court_judgment'];
/** Kinds that last from the day they take effect until they end: drawn as a band, not a point. */
export const lastingKinds: readonly PressureKind[] = [
  'blocking',
  'throttling',
  'app_store_ban',
  'advertising_ban',
  'internet_shutdown',
  'service_shutdown',
];
/** Kinds that name a scope (the whole country, or a region of it). */
export const shutdownKinds: readonly PressureKind[] = ['internet_shutdown', 'service_shutdown'];

/** Where a claim comes from, as the rule packs cite: an address and, where it helps, the words quoted. */
export type PressureSource = { url: string; title: string | null; quote: string | null; accessedOn: string | null };

/** An amount in the event's currency converted at a rate the user gives, on the date of that rate. */
export type ReferenceConversion = { currency: string; rate: string; rateOn: string };

/** What a compliance lead records about one state action. Days are `YYYY-MM-DD`, amounts decimal strings. */
export type PressureFacts = {
  kind: PressureKind;
  country: string;
  /** The authority or court that acted. */
  authority: string;
  title: string;
  description: string | null;
  scope: ShutdownScope | null;
  region: string | null;
  announcedOn: string;
  inForceOn: string | null;
  endedOn: string | null;
  amount: string | null;
  currency: string | null;
  reference: ReferenceConversion | null;
  regimeId: string | null;
  dutyId: string | null;
  deadlineRuleId: string | null;
  status: PressureStatus;
  /** Made up for the demo; shown as such wherever it appears. */
  demo: boolean;
  sources: PressureSource[];
};

export type Problem = { field: string; message: string };

/** The problems with an event's facts on their own (the law and the orders are checked apart). */
export function pressureProblems(f: PressureFacts): Problem[] {
  const problems: Problem[] = [];
  const start = f.inForceOn ?? f.announcedOn;
  if (f.endedOn !== null && f.endedOn < start)
    problems.push({
      field: 'endedOn',
      message: `cannot end (${f.endedOn}) before it ${f.inForceOn ? 'took effect' : 'was announced'} (${start})`,
    });
  const money = moneyKinds.includes(f.kind);
  if (f.amount !== null && !money)
    problems.push({ field: 'amount', message: `only a fine or a court judgment carries an amount, not ${f.kind}` });
  if (f.amount !== null && f.currency === null) problems.push({ field: 'currency', message: 'an amount needs its currency' });
  if (f.amount === null && f.currency !== null) problems.push({ field: 'amount', message: 'a currency needs an amount' });
  if (f.reference !== null && f.amount === null)
    problems.push({ field: 'reference', message: 'a reference-currency rate needs an amount to convert' });
  if (f.reference !== null && f.reference.currency === f.currency)
    problems.push({ field: 'reference/currency', message: 'the reference currency must differ from the amount’s' });
  const shutdown = shutdownKinds.includes(f.kind);
  if (shutdown && f.scope === null)
    problems.push({ field: 'scope', message: 'say whether the shutdown was national or regional' });
  if (!shutdown && f.scope !== null) problems.push({ field: 'scope', message: 'only a shutdown has a scope' });
  if (f.scope === 'regional' && f.region === null)
    problems.push({ field: 'region', message: 'name the region a regional shutdown covered' });
  if (f.status === 'paid' && !money) problems.push({ field: 'status', message: 'only a fine or a judgment can be paid' });
  if (f.status === 'lifted' && !lastingKinds.includes(f.kind))
    problems.push({ field: 'status', message: `only a lasting measure can be lifted, not ${f.kind}` });
  if (!f.demo && f.sources.length === 0)
    problems.push({ field: 'sources', message: 'cite at least one source (only a demo event may have none)' });
  if (f.regimeId === null && (f.dutyId !== null || f.deadlineRuleId !== null))
    problems.push({ field: 'regimeId', message: 'a duty or deadline rule belongs to a regime: name it' });
  return problems;
}

/** The problems with the regime, duty and deadline rule an event names, against that regime's pack. */
export function regimeLinkProblems(f: PressureFacts, pack: RegimePack | undefined): Problem[] {
  if (f.regimeId === null) return [];
  if (!pack) return [{ field: 'regimeId', message: `no rule pack is called ${f.regimeId}` }];
  const problems: Problem[] = [];
  if (
    pack.jurisdiction !== f.country &&
    !(pack.jurisdictionKind === 'union' && (euMemberStates as readonly string[]).includes(f.country))
  )
    problems.push({ field: 'regimeId', message: `${pack.id} is a regime of ${pack.jurisdiction}, not ${f.country}` });
  if (f.dutyId !== null && !pack.versions.some((v) => v.duties.some((d) => d.id === f.dutyId)))
    problems.push({ field: 'dutyId', message: `${pack.id} has no duty ${f.dutyId}` });
  if (f.deadlineRuleId !== null && !pack.versions.some((v) => v.deadlines.some((r) => r.id === f.deadlineRuleId)))
    problems.push({ field: 'deadlineRuleId', message: `${pack.id} has no deadline rule ${f.deadlineRuleId}` });
  return problems;
}

const decimal = /^(\d{1,15})(?:\.(\d{1,8}))?$/;

/** Whether `text` is a non-negative decimal Writ keeps exactly (15 digits, up to 8 decimals). */
export function isDecimal(text: string): boolean {
  return decimal.test(text);
}

function scaled(text: string): { units: bigint; places: number } {
  const m = decimal.exec(text);
  if (!m) throw new RangeError(`not a decimal: ${text}`);
  const fraction = m[2] ?? '';
  return { units: BigInt(m[1]! + fraction), places: fraction.length };
}

/** `amount × rate`, exactly, rounded half up to two decimals: 4000000 × 0.0131 = "52400.00". */
export function convertAmount(amount: string, rate: string): string {
  const a = scaled(amount);
  const r = scaled(rate);
  const places = a.places + r.places;
  const product = a.units * r.units;
  // Round to cents: add half of the unit being dropped, then cut.
  const cents =
    places <= 2 ? product * 10n ** BigInt(2 - places) : (product + 5n * 10n ** BigInt(places - 3)) / 10n ** BigInt(places - 2);
  const whole = cents / 100n;
  const rest = cents % 100n;
  return `${whole}.${rest.toString().padStart(2, '0')}`;
}

/** The day an event begins on the time axis: when it took effect, or else when it was announced. */
export function startOf(f: Pick<PressureFacts, 'announcedOn' | 'inForceOn'>): string {
  return f.inForceOn ?? f.announcedOn;
}

function halfYearOfDay(day: string): HalfYear {
  return { year: Number(day.slice(0, 4)), half: Number(day.slice(5, 7)) <= 6 ? 1 : 2 };
}

/** The half-year (`2022-H1`) a day falls in. */
export function periodOfDay(day: string): string {
  return formatPeriod(halfYearOfDay(day));
}

/** Whether an event touches a half-year: it began in it, or (a lasting one) it was in force during it. */
export function touchesPeriod(
  f: Pick<PressureFacts, 'kind' | 'announcedOn' | 'inForceOn' | 'endedOn'>,
  period: string,
  today: string,
): boolean {
  if (!periodPattern.test(period)) return false;
  const p = parsePeriod(period);
  const first = `${p.year}-${p.half === 1 ? '01-01' : '07-01'}`;
  const last = `${p.year}-${p.half === 1 ? '06-30' : '12-31'}`;
  const start = startOf(f);
  if (!lastingKinds.includes(f.kind))
    return (start >= first && start <= last) || (f.announcedOn >= first && f.announcedOn <= last);
  const end = f.endedOn ?? today;
  return start <= last && end >= first;
}

/** An event placed on a time axis of half-years: a point where it began, and for a lasting measure the band it covered. */
export type TimelineMark = { id: string; kind: PressureKind; at: number; band: { from: number; to: number } | null };

/**
 * Where events fall on an axis of consecutive half-years (`periods`, oldest first). An event outside
 * the axis is left off; a band is clipped to it (a measure still in force runs to `today`).
 */
export function timelineMarks(
  events: readonly (Pick<PressureFacts, 'kind' | 'announcedOn' | 'inForceOn' | 'endedOn'> & { id: string })[],
  periods: readonly string[],
  today: string,
): TimelineMark[] {
  const index = new Map(periods.map((p, i) => [p, i]));
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (first === undefined || last === undefined) return [];
  const marks: TimelineMark[] = [];
  for (const e of events) {
    const start = periodOfDay(startOf(e));
    const at = index.get(start);
    if (!lastingKinds.includes(e.kind)) {
      if (at !== undefined) marks.push({ id: e.id, kind: e.kind, at, band: null });
      continue;
    }
    const end = periodOfDay(e.endedOn ?? today);
    // Half-years written YYYY-Hn sort as text in time order. A band wholly off the axis finds no index.
    const from = index.get([start, first].sort()[1]!);
    const to = index.get([end, last].sort()[0]!);
    if (from === undefined || to === undefined) continue;
    marks.push({ id: e.id, kind: e.kind, at: at ?? from, band: { from, to } });
  }
  return marks;
}

/** An order an event concerns, as the record shows it. */
export type LinkedOrder = { id: string; reference: string; country: string; status: string };

/** A recorded event: its facts, the orders it concerns, and the amount in the reference currency. */
export type PressureEvent = PressureFacts & {
  id: string;
  orders: LinkedOrder[];
  referenceAmount: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

/** A decimal as PostgreSQL's numeric returns it, without the zeros its scale pads: "4000000.00000000" → "4000000". */
export function trimDecimal(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/** The problems with the orders an event names: each must exist and come from an authority of the event's country. */
export function orderLinkProblems(country: string, asked: readonly string[], found: readonly LinkedOrder[]): Problem[] {
  const problems: Problem[] = [];
  asked.forEach((reference, i) => {
    const order = found.find((o) => o.reference === reference);
    if (!order) problems.push({ field: `orders/${i}`, message: `no order has the reference ${reference}` });
    else if (order.country !== country)
      problems.push({ field: `orders/${i}`, message: `${reference} came from ${order.country}, not ${country}` });
  });
  return problems;
}

/** The half-years an event touches, oldest first: where it began (and was announced), and each one a lasting measure was in force. */
export function periodsTouched(
  f: Pick<PressureFacts, 'kind' | 'announcedOn' | 'inForceOn' | 'endedOn'>,
  today: string,
): string[] {
  const start = startOf(f);
  if (!lastingKinds.includes(f.kind)) return [...new Set([periodOfDay(f.announcedOn), periodOfDay(start)])].sort();
  const end = periodOfDay(f.endedOn ?? today);
  const periods: string[] = [];
  let p = halfYearOfDay([start, f.announcedOn].sort()[0]!);
  for (;;) {
    const text = formatPeriod(p);
    periods.push(text);
    if (text >= end) break;
    p = p.half === 1 ? { year: p.year, half: 2 } : { year: p.year + 1, half: 1 };
  }
  return periods;
}

/** The columns of the public table of pressure events (the country page's download and the static site's). */
export const pressureColumns = [
  'id',
  'kind',
  'authority',
  'title',
  'status',
  'announcedOn',
  'inForceOn',
  'endedOn',
  'scope',
  'region',
  'amount',
  'currency',
  'referenceAmount',
  'referenceCurrency',
  'referenceRateOn',
  'regimeId',
  'dutyId',
  'deadlineRuleId',
  'ordersConcerned',
  'demo',
  'sources',
] as const;

/** One event as a row of that table; sources as their addresses, separated by spaces. */
export function pressureRow(e: PressureEvent): Record<(typeof pressureColumns)[number], string | number | null> {
  return {
    id: e.id,
    kind: e.kind,
    authority: e.authority,
    title: e.title,
    status: e.status,
    announcedOn: e.announcedOn,
    inForceOn: e.inForceOn,
    endedOn: e.endedOn,
    scope: e.scope,
    region: e.region,
    amount: e.amount,
    currency: e.currency,
    referenceAmount: e.referenceAmount,
    referenceCurrency: e.reference?.currency ?? null,
    referenceRateOn: e.reference?.rateOn ?? null,
    regimeId: e.regimeId,
    dutyId: e.dutyId,
    deadlineRuleId: e.deadlineRuleId,
    ordersConcerned: e.orders.length,
    demo: e.demo ? 'yes' : 'no',
    sources: e.sources.map((s) => s.url).join(' '),
  };
}
