/**
 * The obligations register: from the platform's user figures per country (in the metric each law
 * uses) to the regimes that apply, each local-presence duty with its due date, and the status the
 * compliance team keeps on it.
 *
 * - A regime with a threshold applies when the latest figure in its metric crosses it. The
 *   threshold counts as crossed on the first measurement of the current run above it (a dip below
 *   starts the count again).
 * - A regime without a threshold applies in every jurisdiction where the platform records a figure
 *   (recording a figure is how it says it operates there).
 * - A duty is due `complianceWindowDays` after the later of the crossing and the day the duty
 *   entered the law; a law that states no window makes the duty due on that day. A window that is a
 *   one-off transition (`complianceWindowFrom: entry_into_force`) ends at the same date for everyone;
 *   a duty with `noDueDate` ("as and when feasible") is never overdue.
 * - A duty a later law re-enacted (`supersededBy`) is left out from the day the new duty applies, so
 *   the same duty is never listed twice.
 * - A law for foreign providers only does not apply where the platform says it is established.
 * - A figure within `approachingShare` (20%) below a threshold raises an `approaching_threshold`
 *   warning; a threshold regime with no figure in its metric raises `missing_figure`.
 */
import type { Duty, RegimePack, Threshold } from './pack.js';
import { currentVersion } from './rule-book.js';
import { addDays, dayInZone, maxDay } from './time.js';
import type { ComplianceWindowStart, Confidence, CoverageMetric, DutyStatus } from './vocabulary.js';

export type UserFigure = {
  id: string;
  country: string;
  metric: CoverageMetric;
  value: number;
  measuredOn: string;
  note: string | null;
};

export type EvidenceSummary = {
  id: string;
  note: string;
  fileName: string | null;
  contentType: string | null;
  size: number | null;
  sha256: string | null;
  addedBy: { id: string; name: string } | null;
  addedAt: Date;
};

export type DutyRecord = {
  country: string;
  regimeId: string;
  dutyId: string;
  status: DutyStatus;
  owner: string | null;
  note: string | null;
  notApplicableReason: string | null;
  updatedAt: Date;
  updatedBy: { id: string; name: string } | null;
  evidence: EvidenceSummary[];
};

export type DutyView = {
  dutyId: string;
  kind: Duty['kind'];
  summary: string;
  representative: NonNullable<Duty['representative']> | null;
  condition: string | null;
  complianceWindowDays: number | null;
  complianceWindowFrom: ComplianceWindowStart;
  /** The later of the threshold crossing and the day the duty entered the law. */
  startsOn: string;
  /** When `noDueDate`, the day the duty starts: the law sets no date by which it must be met. */
  dueOn: string;
  noDueDate: boolean;
  overdue: boolean;
  readings: NonNullable<Duty['readings']> | null;
  appliedReading: string | null;
  appliedBecause: string | null;
  status: DutyStatus;
  owner: string | null;
  note: string | null;
  notApplicableReason: string | null;
  updatedAt: Date | null;
  updatedBy: { id: string; name: string } | null;
  evidence: EvidenceSummary[];
  sources: string[];
};

export type ApplicableRegime = {
  regimeId: string;
  name: string;
  version: number;
  confidence: Confidence;
  coverage: Threshold | null;
  /** The figure that makes the regime apply (null for regimes without a threshold). */
  figure: UserFigure | null;
  crossedOn: string | null;
  duties: DutyView[];
};

export type RegisterWarning =
  | {
      kind: 'approaching_threshold';
      regimeId: string;
      dutyId: string | null;
      metric: CoverageMetric;
      threshold: number;
      value: number;
      measuredOn: string;
      shareOfThreshold: number;
    }
  | { kind: 'missing_figure'; regimeId: string; metric: CoverageMetric; message: string };

export type CountryObligations = {
  country: string;
  latestFigures: UserFigure[];
  regimes: ApplicableRegime[];
  notApplying: { regimeId: string; name: string; reason: string }[];
  warnings: RegisterWarning[];
};

export type RegisterInput = {
  packs: readonly RegimePack[];
  figures: readonly UserFigure[];
  records: readonly DutyRecord[];
  now: Date;
  approachingShare: number;
  /** Only this jurisdiction; otherwise every one with a figure or a duty record. */
  country?: string;
  /**
   * Jurisdictions where the platform is established. Omitted: not known, so a law for foreign
   * providers applies, with that condition on its duties.
   */
  establishedIn?: readonly string[];
};

const crosses = (t: Pick<Threshold, 'threshold' | 'comparison'>, value: number) =>
  t.comparison === 'more_than' ? value > t.threshold : value >= t.threshold;

/** Figures of one metric, oldest first (ties: the one recorded last counts as later). */
function series(figures: readonly UserFigure[], country: string, metric: CoverageMetric): UserFigure[] {
  return figures
    .filter((f) => f.country === country && f.metric === metric)
    .sort((a, b) => a.measuredOn.localeCompare(b.measuredOn));
}

type Crossing = { applies: boolean; latest: UserFigure | null; crossedOn: string | null };

function crossing(figures: readonly UserFigure[], country: string, t: Threshold): Crossing {
  const s = series(figures, country, t.metric);
  const latest = s.at(-1) ?? null;
  if (!latest || !crosses(t, latest.value)) return { applies: false, latest, crossedOn: null };
  let first = s.length - 1;
  while (first > 0 && crosses(t, s[first - 1]!.value)) first--;
  return { applies: true, latest, crossedOn: s[first]!.measuredOn };
}

/** The first day a duty with this id was in the law (the earliest version that has it). */
function dutyStart(pack: RegimePack, dutyId: string): string {
  return pack.versions.find((v) => v.duties.some((d) => d.id === dutyId))!.from;
}

function approaching(c: Crossing, t: Threshold, share: number, regimeId: string, dutyId: string | null): RegisterWarning | null {
  if (c.applies || !c.latest) return null;
  if (c.latest.value < t.threshold * (1 - share)) return null;
  return {
    kind: 'approaching_threshold',
    regimeId,
    dutyId,
    metric: t.metric,
    threshold: t.threshold,
    value: c.latest.value,
    measuredOn: c.latest.measuredOn,
    shareOfThreshold: c.latest.value / t.threshold,
  };
}

export function obligationsRegister(input: RegisterInput): CountryObligations[] {
  const countries = input.country
    ? [input.country]
    : [...new Set([...input.figures.map((f) => f.country), ...input.records.map((r) => r.country)])].sort();
  return countries.map((country) => countryObligations(country, input));
}

function countryObligations(country: string, input: RegisterInput): CountryObligations {
  const figuresHere = input.figures.filter((f) => f.country === country);
  const latestFigures = [...new Set(figuresHere.map((f) => f.metric))].map((m) => series(input.figures, country, m).at(-1)!);
  const result: CountryObligations = { country, latestFigures, regimes: [], notApplying: [], warnings: [] };

  for (const pack of input.packs.filter((p) => p.jurisdiction === country)) {
    const today = dayInZone(input.now, pack.timeZone);
    const version = currentVersion(pack, input.now);
    if (!version) {
      result.notApplying.push({ regimeId: pack.id, name: pack.name.en, reason: 'not in force today' });
      continue;
    }
    if (version.coverage?.providers === 'foreign' && input.establishedIn?.includes(country)) {
      result.notApplying.push({
        regimeId: pack.id,
        name: pack.name.en,
        reason: `covers only providers established outside ${country}, and the platform is established there`,
      });
      continue;
    }
    let c: Crossing = { applies: figuresHere.length > 0, latest: null, crossedOn: null };
    if (version.coverage) {
      c = crossing(input.figures, country, version.coverage);
      const warning = approaching(c, version.coverage, input.approachingShare, pack.id, null);
      if (warning) result.warnings.push(warning);
      if (!c.latest && figuresHere.length > 0)
        result.warnings.push({
          kind: 'missing_figure',
          regimeId: pack.id,
          metric: version.coverage.metric,
          message: `record ${version.coverage.metric} for ${country} to know whether ${pack.id} applies`,
        });
    }
    if (!c.applies) {
      result.notApplying.push({
        regimeId: pack.id,
        name: pack.name.en,
        reason: version.coverage
          ? c.latest
            ? `${c.latest.value} ${version.coverage.metric} (${c.latest.measuredOn}) is not ${version.coverage.comparison.replace('_', ' ')} ${version.coverage.threshold}`
            : `no ${version.coverage.metric} figure recorded`
          : 'no figure recorded for this jurisdiction',
      });
      continue;
    }
    const duties: DutyView[] = [];
    for (const duty of version.duties) {
      if (duty.supersededBy && duty.supersededBy.from <= today) continue;
      if (duty.threshold?.providers === 'foreign' && input.establishedIn?.includes(country)) continue;
      let crossedOn = c.crossedOn;
      if (duty.threshold) {
        const tier = crossing(input.figures, country, duty.threshold);
        const warning = approaching(tier, duty.threshold, input.approachingShare, pack.id, duty.id);
        if (warning) result.warnings.push(warning);
        if (!tier.applies) continue;
        crossedOn = tier.crossedOn;
      }
      const lawStart = dutyStart(pack, duty.id);
      const startsOn = crossedOn ? maxDay(crossedOn, lawStart) : lawStart;
      const windowFrom = duty.complianceWindowFrom ?? 'threshold_crossing';
      const window = duty.complianceWindowDays ?? 0;
      const dueOn = windowFrom === 'entry_into_force' ? maxDay(startsOn, addDays(lawStart, window)) : addDays(startsOn, window);
      const noDueDate = duty.noDueDate === true;
      const record = input.records.find((r) => r.country === country && r.regimeId === pack.id && r.dutyId === duty.id);
      const status = record?.status ?? 'not_started';
      duties.push({
        dutyId: duty.id,
        kind: duty.kind,
        summary: duty.summary,
        representative: duty.representative ?? null,
        condition: duty.condition ?? foreignCondition(version.coverage, duty, country, input.establishedIn),
        complianceWindowDays: duty.complianceWindowDays,
        complianceWindowFrom: windowFrom,
        startsOn,
        dueOn,
        noDueDate,
        overdue: !noDueDate && dueOn < today && (status === 'not_started' || status === 'in_progress'),
        readings: duty.readings ?? null,
        appliedReading: duty.appliedReading ?? null,
        appliedBecause: duty.appliedBecause ?? null,
        status,
        owner: record?.owner ?? null,
        note: record?.note ?? null,
        notApplicableReason: record?.notApplicableReason ?? null,
        updatedAt: record?.updatedAt ?? null,
        updatedBy: record?.updatedBy ?? null,
        evidence: record?.evidence ?? [],
        sources: duty.sources,
      });
    }
    result.regimes.push({
      regimeId: pack.id,
      name: pack.name.en,
      version: version.version,
      confidence: pack.confidence,
      coverage: version.coverage,
      figure: c.latest,
      crossedOn: c.crossedOn,
      duties,
    });
  }
  return result;
}

/** The condition a foreign-providers-only law puts on a duty when the platform has not said where it is established. */
function foreignCondition(
  coverage: Threshold | null,
  duty: Duty,
  country: string,
  establishedIn: readonly string[] | undefined,
): string | null {
  if (establishedIn) return null;
  if (coverage?.providers !== 'foreign' && duty.threshold?.providers !== 'foreign') return null;
  return `Only for providers established outside ${country}.`;
}

/** Whether a regime has a duty with this id in some version (for validating status updates). */
export function hasDuty(pack: RegimePack, dutyId: string): boolean {
  return pack.versions.some((v) => v.duties.some((d) => d.id === dutyId));
}
