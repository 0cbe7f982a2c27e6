/** Plain helpers for the Compliance pages: ordering, counting and naming what the register returns. */
import type { CoverageMetric } from '../../../src/domain/regimes/vocabulary.js';
import type { ApplicableRegime, CountryObligations, DutyView, RegimePack, RegimeSummary } from '../api.js';
import { countryName, countryNameIn } from '../labels.js';
import { daysBetween } from '../time.js';

/** Duties still to do (overdue only counts these: done and not applicable are settled). */
export const isOpenDuty = (d: DutyView) => d.status === 'not_started' || d.status === 'in_progress';

export type CountryCounts = { overdue: number; open: number; duties: number; approaching: number; missing: number };

export function countsOf(c: CountryObligations): CountryCounts {
  const duties = c.regimes.flatMap((r) => r.duties);
  return {
    overdue: duties.filter((d) => d.overdue).length,
    open: duties.filter(isOpenDuty).length,
    duties: duties.length,
    approaching: c.warnings.filter((w) => w.kind === 'approaching_threshold').length,
    missing: c.warnings.filter((w) => w.kind === 'missing_figure').length,
  };
}

/** Countries with overdue duties first (most first), then those with warnings, then by name. */
export function sortCountries(countries: readonly CountryObligations[]): CountryObligations[] {
  const keyed = countries.map((c) => ({ c, n: countsOf(c), name: countryName(c.country) }));
  keyed.sort(
    (a, b) =>
      b.n.overdue - a.n.overdue ||
      b.n.approaching + b.n.missing - (a.n.approaching + a.n.missing) ||
      a.name.localeCompare(b.name),
  );
  return keyed.map((k) => k.c);
}

/** Duties of a regime: overdue first, then by due date. */
export function sortDuties(duties: readonly DutyView[]): DutyView[] {
  return [...duties].sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.dueOn.localeCompare(b.dueOn));
}

/** Regimes with overdue duties first (most first); otherwise the API's order. */
export function sortRegimes(regimes: readonly ApplicableRegime[]): ApplicableRegime[] {
  const overdue = (r: ApplicableRegime) => r.duties.filter((d) => d.overdue).length;
  return [...regimes].sort((a, b) => overdue(b) - overdue(a));
}

/** The id of a country's section, for links from the summary. */
export const countryAnchor = (country: string) => `country-${country}`;

/** Days from the register's day (`asOf`) to the duty's due day. */
export const daysLeft = (asOf: string, dueOn: string) => daysBetween(asOf.slice(0, 10), dueOn);

/** The version of a pack in force today (as the summary says), else its latest. */
export function shownVersion(pack: RegimePack, summary: RegimeSummary | undefined): RegimePack['versions'][number] | undefined {
  const wanted = summary?.currentVersion?.version;
  return pack.versions.find((v) => v.version === wanted) ?? pack.versions.at(-1);
}

/** The metrics a pack's thresholds (coverage and duty tiers) are written in. */
export function metricsOf(pack: RegimePack, summary: RegimeSummary | undefined): CoverageMetric[] {
  const version = shownVersion(pack, summary);
  if (!version) return [];
  const metrics = [version.coverage?.metric, ...version.duties.map((d) => d.threshold?.metric)];
  return [...new Set(metrics.filter((m): m is CoverageMetric => m !== undefined))];
}

/** `KZ` → `Kazakhstan (KZ)`; `EU` → `European Union (EU)`. */
export const placeName = (code: string) => `${countryName(code)} (${code})`;

/** `Казахстан (KZ)`: a country named in the UI's locale, with its code. */
export const placeNameIn = (code: string, locale: string) => `${countryNameIn(code, locale)} (${code})`;
