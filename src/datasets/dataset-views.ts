/**
 * What the CLI and the public API show of the stored datasets: one country-period's statistics, a
 * country's timeline across sources (with this platform's own figures), a period's ranking of
 * countries, reason shares, and surges. Each reads the repositories and applies the domain's
 * definitions (src/domain/datasets); nothing here knows about HTTP or the terminal.
 */
import type { DatasetFiguresRepository } from '../db/datasets-figures-repository.js';
import type { DatasetsRepository } from '../db/datasets-repository.js';
import { rankByRequests, reasonShares } from '../domain/datasets/comparison.js';
import { countryNameForCode } from '../domain/datasets/countries.js';
import { chooseGoogleFigures } from '../domain/datasets/google-figures.js';
import { periodsBetween } from '../domain/datasets/periods.js';
import { metaContentRestrictionStats } from '../domain/datasets/restriction-stats.js';
import { countrySeries, type SeriesPoint } from '../domain/datasets/series.js';
import {
  type DatasetSource,
  datasetSources,
  disruptionsPart,
  restrictionsPart,
  sourceLabels,
  sourceRequestKind,
} from '../domain/datasets/sources.js';
import {
  type DatasetStats,
  googleJsonStats,
  googleRemovalStats,
  metaDataRequestStats,
  noReasonLabel,
  tally,
} from '../domain/datasets/statistics.js';
import { assessSurges, type SurgeAssessment, type SurgeSettings } from '../domain/datasets/surges.js';
import { WritError } from '../domain/errors.js';

export type DatasetReaders = { datasets: DatasetsRepository; figures: DatasetFiguresRepository };

const noFigures = (source: string, country: string, period?: string) =>
  new WritError('not_found', `${source} has no figures for ${country}${period ? ` in ${period}` : ''}`);

export async function datasetStats(
  r: DatasetReaders,
  source: DatasetSource,
  country: string,
  period: string,
): Promise<DatasetStats> {
  const coveredPeriods = await r.datasets.coveredPeriods(source);
  let stats: DatasetStats | null;
  if (source === 'google-removals') {
    const history = await r.figures.googleSums({ country });
    stats = googleRemovalStats({
      country,
      period,
      history,
      coveredPeriods,
      detail: await r.figures.googleDetail(country, period),
    });
  } else if (source === 'google-removals-json') {
    const history = await r.figures.jsonSums({ country });
    stats = googleJsonStats({ country, period, history, coveredPeriods, rows: await r.figures.jsonDetail(country, period) });
  } else if (source === 'meta-content-restrictions') {
    const coverage = await r.datasets.coveredParts(source);
    stats = metaContentRestrictionStats({
      country,
      period,
      rows: await r.figures.metaRestrictionRows({ country }),
      coveredRestrictions: coverage.get(restrictionsPart) ?? [],
      coveredDisruptions: coverage.get(disruptionsPart) ?? [],
    });
  } else {
    const rows = await r.figures.metaRows({ country });
    stats = metaDataRequestStats({
      country,
      period,
      row: rows.find((m) => m.period === period) ?? null,
      history: rows,
      coveredPeriods,
    });
  }
  if (!stats) throw noFigures(source, country, period);
  return stats;
}

type CountrySeries = { country: string; countryName: string; series: SeriesPoint[]; accounts: Map<string, number | null> };

/** Every country's series in a source (or one country's). */
async function seriesOf(r: DatasetReaders, source: DatasetSource, country?: string): Promise<CountrySeries[]> {
  const covered = await r.datasets.coveredPeriods(source);
  const groups = new Map<
    string,
    { countryName: string; points: { period: string; requests: number | null; items: number | null }[] }
  >();
  const add = (c: string, name: string, point: { period: string; requests: number | null; items: number | null }) => {
    const g = groups.get(c) ?? { countryName: name, points: [] };
    g.points.push(point);
    groups.set(c, g);
  };
  const accounts = new Map<string, Map<string, number | null>>();
  if (source === 'google-removals') {
    for (const s of await r.figures.googleSums({ country })) {
      const f = chooseGoogleFigures(s);
      add(s.country, s.countryName, { period: s.period, requests: f.requests, items: f.items });
    }
  } else if (source === 'google-removals-json') {
    for (const s of await r.figures.jsonSums({ country })) add(s.country, s.countryName, s);
  } else if (source === 'meta-content-restrictions') {
    // Meta publishes items restricted, not requests: the series carries items only.
    for (const m of await r.figures.metaRestrictionRows({ country }))
      if (m.part === restrictionsPart) add(m.country, m.countryName, { period: m.period, requests: null, items: m.items });
  } else {
    for (const m of await r.figures.metaRows({ country })) {
      add(m.country, m.countryName, { period: m.period, requests: m.requests, items: null });
      accounts.set(m.country, (accounts.get(m.country) ?? new Map()).set(m.period, m.accounts));
    }
  }
  return [...groups].map(([c, g]) => ({
    country: c,
    countryName: g.countryName,
    series: countrySeries(g.points, covered),
    accounts: accounts.get(c) ?? new Map(),
  }));
}

export type TimelinePoint = SeriesPoint & {
  accounts: number | null;
  surge: boolean;
  score: number | null;
  baselineMedian: number | null;
  baselineMad: number | null;
};
export type TimelineSeries = {
  source: DatasetSource | 'platform';
  label: string;
  requestKind: 'content_removal' | 'user_data';
  vintage: string | null;
  containsDemoData: boolean;
  points: TimelinePoint[];
};
export type Timeline = {
  country: string;
  countryName: string;
  periods: string[];
  /** The surge rule the flags were computed with (configuration). */
  surgeSettings: SurgeSettings;
  series: TimelineSeries[];
};

/** `accounts` only for Meta: accounts requested, 0 where the country is not listed in a covered period. */
function withSurges(series: SeriesPoint[], settings: SurgeSettings, accounts?: Map<string, number | null>): TimelinePoint[] {
  const surges = assessSurges(series, settings);
  const accountsAt = (p: SeriesPoint) => {
    if (!accounts) return null;
    if (p.listed) return accounts.get(p.period) ?? null;
    return p.requests === 0 ? 0 : null;
  };
  return series.map((p, i) => {
    const { surge, score, baselineMedian, baselineMad } = surges[i]!;
    return { ...p, accounts: accountsAt(p), surge, score, baselineMedian, baselineMad };
  });
}

/** A country across every source, and this platform's own requests (content removals; user data with emergency disclosures). */
export async function countryTimeline(r: DatasetReaders, country: string, settings: SurgeSettings): Promise<Timeline> {
  const coverage = new Map((await r.datasets.coverage()).map((c) => [c.source, c]));
  const series: TimelineSeries[] = [];
  let countryName: string | undefined;
  for (const source of datasetSources) {
    const [found] = await seriesOf(r, source, country);
    if (!found) continue;
    countryName ??= found.countryName; // Google's names first: Meta's are its own spellings
    series.push({
      source,
      label: sourceLabels[source],
      requestKind: sourceRequestKind[source],
      vintage: coverage.get(source)?.vintage ?? null,
      containsDemoData: false,
      points: withSurges(found.series, settings, source === 'meta-data-requests' ? found.accounts : undefined),
    });
  }
  const own = await r.figures.platformCounts({ country });
  for (const kind of ['content_removal', 'user_data'] as const) {
    const rows = own.filter((o) =>
      kind === 'content_removal' ? o.kind === 'content_removal' : ['user_data', 'emergency_disclosure'].includes(o.kind),
    );
    if (!rows.length) continue;
    const byPeriod = new Map<string, { requests: number; items: number }>();
    for (const o of rows) {
      const p = byPeriod.get(o.period) ?? { requests: 0, items: 0 };
      byPeriod.set(o.period, { requests: p.requests + o.requests, items: p.items + o.items });
    }
    const periods = [...byPeriod.keys()].sort();
    const points = countrySeries(
      [...byPeriod].map(([period, v]) => ({ period, ...v })),
      periodsBetween(periods[0]!, periods.at(-1)!),
    );
    series.push({
      source: 'platform',
      label: kind === 'content_removal' ? 'This platform: content removal requests' : 'This platform: user data requests',
      requestKind: kind,
      vintage: null,
      containsDemoData: rows.some((o) => o.demo),
      points: withSurges(points, settings),
    });
  }
  if (!series.length) throw new WritError('not_found', `no published figures and no requests for ${country}`);
  const periods = [...new Set(series.flatMap((s) => s.points.map((p) => p.period)))].sort();
  return { country, countryName: countryName ?? countryNameForCode(country), periods, surgeSettings: settings, series };
}

export type RankingEntry = {
  rank: number;
  country: string;
  countryName: string;
  requests: number | null;
  items: number | null;
  accounts: number | null;
  governmentCriticismShare: number | null;
  nationalSecurityShare: number | null;
  surge: boolean;
  score: number | null;
};

/** Reason totals per country for a period, from the most precise product/reason part each country has. */
async function reasonsByCountry(r: DatasetReaders, source: DatasetSource, period: string) {
  const out = new Map<string, Record<string, number>>();
  if (source === 'google-removals') {
    const rows = await r.figures.googleReasonTotals(period);
    const hasCurrent = new Set(rows.filter((x) => x.part === 'product-reason').map((x) => x.country));
    const used = rows.filter((x) => (hasCurrent.has(x.country) ? x.part === 'product-reason' : true));
    for (const c of new Set(used.map((x) => x.country)))
      out.set(
        c,
        tally(
          used.filter((x) => x.country === c),
          (x) => x.reason ?? noReasonLabel,
          (x) => x.requests,
        ),
      );
  } else if (source === 'google-removals-json') {
    const rows = await r.figures.jsonReasonTotals(period);
    for (const c of new Set(rows.map((x) => x.country)))
      out.set(
        c,
        tally(
          rows.filter((x) => x.country === c),
          (x) => x.reason,
          (x) => x.requests,
        ),
      );
  }
  return out;
}

export async function periodRanking(
  r: DatasetReaders,
  source: DatasetSource,
  period: string,
  settings: SurgeSettings,
  limit?: number,
) {
  if (!(await r.datasets.coveredPeriods(source)).includes(period)) throw noFigures(source, 'any country', period);
  const reasons = await reasonsByCountry(r, source, period);
  const entries: Omit<RankingEntry, 'rank'>[] = [];
  for (const c of await seriesOf(r, source)) {
    const i = c.series.findIndex((p) => p.period === period);
    const point = c.series[i];
    if (!point?.listed) continue;
    const surge = assessSurges(c.series.slice(0, i + 1), settings)[i]!;
    const shares = reasons.get(c.country);
    const highlighted = shares ? reasonShares(shares).highlighted : undefined;
    entries.push({
      country: c.country,
      countryName: c.countryName,
      requests: point.requests,
      items: point.items,
      accounts: source === 'meta-data-requests' ? (c.accounts.get(period) ?? null) : null,
      governmentCriticismShare: highlighted?.governmentCriticism.share ?? null,
      nationalSecurityShare: highlighted?.nationalSecurity.share ?? null,
      surge: surge.surge,
      score: surge.score,
    });
  }
  // Meta's restrictions publish items, not requests: those countries are ranked by items.
  const ranked = rankByRequests(entries, source === 'meta-content-restrictions' ? (e) => e.items : undefined);
  return { source, period, countries: limit ? ranked.slice(0, limit) : ranked };
}

export async function reasonBreakdown(r: DatasetReaders, source: DatasetSource, country: string, period: string) {
  if (source === 'meta-data-requests' || source === 'meta-content-restrictions')
    throw new WritError(
      'validation_failed',
      `${source} publishes no reasons; use google-removals or google-removals-json`,
      'source',
    );
  let byReason: Record<string, number>;
  if (source === 'google-removals') {
    const detail = await r.figures.googleDetail(country, period);
    const current = detail.productRows.filter((x) => x.part === 'product-reason');
    byReason = tally(
      current.length ? current : detail.productRows,
      (x) => x.reason ?? noReasonLabel,
      (x) => x.requests,
    );
  } else {
    byReason = tally(
      await r.figures.jsonDetail(country, period),
      (x) => x.reason,
      (x) => x.requests,
    );
  }
  if (!Object.keys(byReason).length) throw noFigures(source, country, period);
  const shares = reasonShares(byReason);
  return { source, country, period, requests: shares.total, reasons: shares.reasons, highlighted: shares.highlighted };
}

export type SurgeEntry = Omit<SurgeAssessment, 'surge'> & { country: string; countryName: string };

export async function detectSurges(
  r: DatasetReaders,
  source: DatasetSource,
  settings: SurgeSettings,
  filter: { country?: string; period?: string } = {},
): Promise<{ source: DatasetSource; settings: SurgeSettings; surges: SurgeEntry[] }> {
  const surges: SurgeEntry[] = [];
  for (const c of await seriesOf(r, source, filter.country))
    for (const a of assessSurges(c.series, settings))
      if (a.surge && (!filter.period || a.period === filter.period)) {
        const { surge: _, ...rest } = a;
        surges.push({ country: c.country, countryName: c.countryName, ...rest });
      }
  surges.sort((a, b) => (a.period === b.period ? (b.score ?? 0) - (a.score ?? 0) : a.period < b.period ? 1 : -1));
  return { source, settings, surges };
}
