/**
 * Issue 13 — the public site: the overview (requests per country and half-year, the world map's
 * figures), what a country page shows for a half-year (the existing report use cases), its
 * public-interest case studies (from the published public records only), the methodology generated
 * from the code's own constants, and every table and chart's data by name for downloads.
 */

import type { OverviewRow } from '../db/public-site-repository.js';
import { isCountryCode } from '../domain/countries.js';
import type { DataReport } from '../domain/data-report.js';
import { WritError } from '../domain/errors.js';
import { formatPeriod, type HalfYear, parsePeriod, periodHasBegun } from '../domain/period.js';
import { type PressureEvent, periodsTouched, pressureColumns, pressureRow } from '../domain/pressure.js';
import type { PublicRecord } from '../domain/public-record.js';
import { logEntryKinds, personalDataKinds, redactableFields } from '../domain/publishing-vocabulary.js';
import { deadlineBases } from '../domain/regimes/vocabulary.js';
import { type CountryReport, outcomeBucketKey, outcomeBuckets } from '../domain/report.js';
import { authorityKinds, outcomeLabels, outcomes, reasons, requestKinds } from '../domain/vocabulary.js';
import type { Writ } from './context.js';
import { userDataReport } from './data-reports.js';
import { publicPressure } from './pressure.js';
import { countryReport, deadlinePerformance, type RegimePerformance } from './reports.js';

export type { OverviewRow };

export type Overview = {
  /** Every country and half-year with at least one order, oldest half-year first. */
  rows: OverviewRow[];
  /** Per country, all its half-years added up (the map's figures), most orders first. */
  countries: { country: string; removalOrders: number; removalItems: number; dataOrders: number }[];
  /** Every half-year that has a row, oldest first (the time axis). */
  periods: string[];
  containsDemoData: boolean;
};

export async function overviewOf(writ: Pick<Writ, 'publicSite'>): Promise<Overview> {
  const rows = await writ.publicSite.overview();
  const byCountry = new Map<string, Overview['countries'][number]>();
  for (const r of rows) {
    const c = byCountry.get(r.country) ?? { country: r.country, removalOrders: 0, removalItems: 0, dataOrders: 0 };
    c.removalOrders += r.removalOrders;
    c.removalItems += r.removalItems;
    c.dataOrders += r.dataOrders;
    byCountry.set(r.country, c);
  }
  const countries = [...byCountry.values()].sort(
    (a, b) => b.removalOrders + b.dataOrders - (a.removalOrders + a.dataOrders) || a.country.localeCompare(b.country),
  );
  return {
    rows,
    countries,
    periods: [...new Set(rows.map((r) => r.period))].sort(),
    containsDemoData: rows.some((r) => r.containsDemoData),
  };
}

export type CountryPeriod = {
  country: string;
  period: string;
  removals: CountryReport;
  deadlines: RegimePerformance[];
  userData: DataReport;
  caseStudies: CaseStudy[];
  /** Fines, blocks, shutdowns … that began in the half-year or were in force during it (issue 15). */
  pressure: PressureEvent[];
};

/** What the country page shows for a half-year: the existing reports, and the published case studies. */
export async function countryPeriodOf(
  writ: Pick<Writ, 'reports' | 'rules' | 'dataReports' | 'publicSite' | 'pressure' | 'now'>,
  country: string,
  period: HalfYear,
): Promise<CountryPeriod> {
  const [removals, deadlines, userData, caseStudies, pressure] = await Promise.all([
    countryReport(writ, country, period),
    deadlinePerformance(writ, country, period),
    userDataReport(writ, country, period),
    caseStudiesOf(writ, country, period),
    publicPressure(writ, { country, period: formatPeriod(period) }),
  ]);
  return { country, period: formatPeriod(period), removals, deadlines: deadlines.rows, userData, caseStudies, pressure };
}

/** A public-interest case study as the country page shows it: from its public record, already redacted. */
export type CaseStudy = {
  id: string;
  version: number;
  authority: PublicRecord['authority'];
  regime: PublicRecord['regime'];
  kind: PublicRecord['kind'];
  receivedOn: string;
  decidedOn: string;
  caseStudy: string;
  summary: string | null;
  courtChallenge: boolean;
  outcomes: string[];
};

/**
 * The case studies of a country's half-year (the half-year of the decision, as the public record
 * says): published, not withdrawn records marked of public interest. Never from the orders.
 */
export async function caseStudiesOf(writ: Pick<Writ, 'publicSite'>, country: string, period: HalfYear): Promise<CaseStudy[]> {
  const records = await writ.publicSite.caseStudies(country, period);
  return records
    .filter((r) => r.publicInterest && r.caseStudy !== null && !r.concernsChild)
    .map((r) => ({
      id: r.id,
      version: r.version,
      authority: r.authority,
      regime: r.regime,
      kind: r.kind,
      receivedOn: r.receivedOn,
      decidedOn: r.decidedOn,
      caseStudy: r.caseStudy as string,
      summary: r.summary,
      courtChallenge: r.courtChallenge,
      outcomes: [...new Set(r.items.map((i) => i.outcome).filter((o): o is NonNullable<typeof o> => o !== null))].sort(),
    }));
}

/**
 * What each field of a public record holds. Typed by the record's own keys: a field added to
 * PublicRecord without a line here does not compile, so the methodology cannot fall behind.
 */
const publicRecordFields: Record<keyof PublicRecord, string> = {
  id: "The order's public reference (WR-000123); the record lives at /records/{id}.",
  version: '1 for the first publication; each correction adds one, and every version stays in the log.',
  kind: 'Removal, user data, preservation or emergency disclosure.',
  authority: "The requesting authority's name and kind.",
  country: 'ISO 3166-1 alpha-2 code of the requesting authority.',
  regime: 'The rule pack regime the order fell under, if any.',
  legalBasis: 'The legal basis the order cited, redacted.',
  receivedOn: 'Date the order was received (UTC).',
  decidedOn: 'Date it was decided (UTC).',
  period: 'Half-year of the decision.',
  publishedAt: 'When this version was published.',
  language: "The order's language, which picks the search dictionary.",
  items:
    'Each item: kind of target, the target redacted (withheld if it concerns a child), product, outcome, reason and where it applies.',
  accounts: 'Data orders only: how many accounts were requested, disclosed, partly disclosed or refused — never who.',
  summary: "The reviewers' public summary, redacted.",
  publicInterest: 'Marked of public interest: its case study appears on the country page.',
  caseStudy: 'The case study, redacted.',
  courtChallenge: 'Whether the platform challenged the order in court.',
  concernsChild: 'The order concerns a child: every target, summary and case study is withheld.',
  correctionNote: 'Why this version replaced the previous one (corrections only).',
};

export type Methodology = {
  requestKinds: string[];
  authorityKinds: string[];
  outcomes: { key: string; label: string }[];
  outcomeBuckets: string[];
  reasons: string[];
  periods: { pattern: string; example: string; definition: string };
  deadlineBases: string[];
  publicRecordFields: { field: string; description: string }[];
  redactableFields: string[];
  personalDataKinds: string[];
  log: { entryKinds: string[]; hash: string; standard: string; leafPrefix: string; nodePrefix: string; checkpoint: string };
};

/** The definitions the site and the reports use, each read from the constant that the code itself uses. */
export function methodologyOf(): Methodology {
  return {
    requestKinds: [...requestKinds],
    authorityKinds: [...authorityKinds],
    outcomes: outcomes.map((key) => ({ key, label: outcomeLabels[key] })),
    outcomeBuckets: [...outcomeBuckets],
    reasons: [...reasons],
    periods: {
      pattern: 'YYYY-H1 | YYYY-H2',
      example: formatPeriod({ year: 2026, half: 1 }),
      definition:
        'A calendar half-year in UTC: H1 is January to June, H2 July to December. Orders are counted in the half-year they were received; public records carry the half-year they were decided.',
    },
    deadlineBases: [...deadlineBases],
    publicRecordFields: Object.entries(publicRecordFields).map(([field, description]) => ({ field, description })),
    redactableFields: [...redactableFields],
    personalDataKinds: [...personalDataKinds],
    log: {
      entryKinds: [...logEntryKinds],
      hash: 'SHA-256',
      standard: 'RFC 9162',
      leafPrefix: '0x00',
      nodePrefix: '0x01',
      checkpoint: 'C2SP signed note (tlog-checkpoint), Ed25519',
    },
  };
}

/** The tables of one country's half-year, by the last part of their name. */
export const countryTableKinds = [
  'removals',
  'outcomes',
  'requesters',
  'kinds',
  'products',
  'reasons',
  'deadlines',
  'user-data',
  'case-studies',
  'pressure',
] as const;
export type CountryTableKind = (typeof countryTableKinds)[number];

/** A downloadable table: its columns (also when it has no rows) and its rows, each keyed by column. */
export type SiteTable = { name: string; columns: string[]; rows: Record<string, string | number | null>[] };

const overviewColumns = ['country', 'period', 'removalOrders', 'removalItems', 'dataOrders'];
const countryColumns: Record<CountryTableKind, string[]> = {
  removals: ['requests', 'items', 'undecidedRequests'],
  outcomes: ['outcome', 'items', 'share'],
  requesters: ['authorityKind', 'requests'],
  kinds: ['kind', 'requests'],
  products: ['product', 'requests'],
  reasons: ['reason', 'requests'],
  deadlines: ['regimeId', 'regimeName', 'decided', 'met', 'shareMet', 'medianHoursToDecision'],
  'user-data': ['figure', 'value'],
  'case-studies': ['id', 'version', 'authority', 'authorityKind', 'decidedOn', 'outcomes', 'caseStudy'],
  pressure: [...pressureColumns],
};

const countryTableName = /^country-([A-Z]{2})-(\d{4}-H[12])-([a-z-]+)$/;

export const countryTableNameOf = (country: string, period: string, kind: CountryTableKind) =>
  `country-${country}-${period}-${kind}`;

const countRows = (record: Record<string, number>, keyName: string) =>
  Object.entries(record).map(([key, requests]) => ({ [keyName]: key, requests }));

function countryTables(data: CountryPeriod): Record<CountryTableKind, SiteTable['rows']> {
  const r = data.removals;
  const u = data.userData;
  return {
    removals: [{ requests: r.requests, items: r.items, undecidedRequests: r.undecidedRequests }],
    outcomes: outcomeBuckets.map((bucket) => ({
      outcome: bucket,
      items: r.itemOutcomes[outcomeBucketKey(bucket)].count,
      share: r.itemOutcomes[outcomeBucketKey(bucket)].share,
    })),
    requesters: countRows(r.requestsByRequesterKind, 'authorityKind'),
    kinds: countRows(r.requestsByKind, 'kind'),
    products: countRows(r.requestsByProduct, 'product'),
    reasons: countRows(r.requestsByReason, 'reason'),
    deadlines: data.deadlines.map((d) => ({
      regimeId: d.regimeId,
      regimeName: d.regimeName,
      decided: d.decided,
      met: d.met,
      shareMet: d.shareMet,
      medianHoursToDecision: d.medianHoursToDecision,
    })),
    'user-data': [
      { figure: 'totalRequests', value: u.totalRequests },
      { figure: 'totalAccounts', value: u.totalAccounts },
      { figure: 'requestsSomeDataProduced', value: u.requestsSomeDataProduced },
      { figure: 'percentSomeDataProduced', value: u.percentSomeDataProduced },
      { figure: 'legalProcess.requests', value: u.legalProcess.requests },
      { figure: 'emergency.requests', value: u.emergency.requests },
      { figure: 'preservationRequests', value: u.preservationRequests },
      { figure: 'preservationAccountsPreserved', value: u.preservationAccountsPreserved },
      { figure: 'nonDisclosure.requests', value: u.nonDisclosure.requests },
      { figure: 'undecidedRequests', value: u.undecidedRequests },
      ...Object.entries(u.byProcess).flatMap(([process, f]) => [
        { figure: `byProcess.${process}.requests`, value: f.requests },
        { figure: `byProcess.${process}.accounts`, value: f.accounts },
        { figure: `byProcess.${process}.someDataProduced`, value: f.someDataProduced },
      ]),
    ],
    'case-studies': data.caseStudies.map((c) => ({
      id: c.id,
      version: c.version,
      authority: c.authority.name,
      authorityKind: c.authority.kind,
      decidedOn: c.decidedOn,
      outcomes: c.outcomes.join(' '),
      caseStudy: c.caseStudy,
    })),
    pressure: data.pressure.map(pressureRow),
  };
}

const overviewTable = (overview: Overview): SiteTable['rows'] =>
  overview.rows.map((r) => ({
    country: r.country,
    period: r.period,
    removalOrders: r.removalOrders,
    removalItems: r.removalItems,
    dataOrders: r.dataOrders,
  }));

type SiteWrit = Pick<Writ, 'reports' | 'rules' | 'dataReports' | 'publicSite' | 'pressure' | 'now'>;

/** The names of every downloadable table: the overview, and each country's half-years' tables. */
export async function siteTableNames(writ: SiteWrit): Promise<string[]> {
  const overview = await writ.publicSite.overview();
  const pairs = new Map<string, { country: string; period: string }>();
  for (const r of overview) pairs.set(`${r.country}-${r.period}`, r);
  for (const r of await writ.publicSite.caseStudyPeriods()) pairs.set(`${r.country}-${r.period}`, r);
  const today = writ.now().toISOString().slice(0, 10);
  for (const e of await writ.pressure.list())
    for (const period of periodsTouched(e, today).filter((p) => periodHasBegun(parsePeriod(p), writ.now())))
      pairs.set(`${e.country}-${period}`, { country: e.country, period });
  const sorted = [...pairs.values()].sort((a, b) => a.country.localeCompare(b.country) || a.period.localeCompare(b.period));
  return ['overview', ...sorted.flatMap((p) => countryTableKinds.map((k) => countryTableNameOf(p.country, p.period, k)))];
}

/**
 * One table by its name. Any assigned country's begun half-year has its tables (empty ones answer
 * their header), so that a country page's links never break; any other name is not found.
 */
export async function siteTable(writ: SiteWrit, name: string): Promise<SiteTable> {
  if (name === 'overview') return { name, columns: overviewColumns, rows: overviewTable(await overviewOf(writ)) };
  const m = countryTableName.exec(name);
  const kind = m?.[3] as CountryTableKind | undefined;
  if (!m || !kind || !countryTableKinds.includes(kind)) throw new WritError('not_found', `no table named ${name}`, 'name');
  const period = parsePeriod(m[2]!, 'name');
  if (!periodHasBegun(period, writ.now()) || !isCountryCode(m[1]!))
    throw new WritError('not_found', `no table named ${name}`, 'name');
  const data = await countryPeriodOf(writ, m[1]!, period);
  return { name, columns: countryColumns[kind], rows: countryTables(data)[kind] };
}

/** Every table and chart's data by name (the static site writes them all as downloads). */
export async function siteTables(writ: SiteWrit): Promise<SiteTable[]> {
  const names = await siteTableNames(writ);
  const tables: SiteTable[] = [{ name: 'overview', columns: overviewColumns, rows: overviewTable(await overviewOf(writ)) }];
  const done = new Set<string>();
  for (const name of names) {
    const m = countryTableName.exec(name);
    if (!m || done.has(`${m[1]}-${m[2]}`)) continue;
    done.add(`${m[1]}-${m[2]}`);
    const data = await countryPeriodOf(writ, m[1]!, parsePeriod(m[2]!));
    const all = countryTables(data);
    for (const kind of countryTableKinds)
      tables.push({ name: countryTableNameOf(m[1]!, m[2]!, kind), columns: countryColumns[kind], rows: all[kind] });
  }
  return tables;
}
