/**
 * Other platforms' published transparency data, the same from `/api/v1/public/datasets…` and
 * `writ datasets …`: what is imported, one country-period's statistics, a country's timeline, a
 * period's ranking, reason shares and surges. The figures are computed by src/datasets/dataset-views.ts
 * from the repositories with the domain's definitions; here they get the settings (surge rule) and
 * readers of one Writ context. Periods arrive parsed and checked to have begun (parseBegunPeriod).
 */
import {
  countryTimeline,
  type DatasetReaders,
  datasetStats,
  detectSurges,
  periodRanking,
  reasonBreakdown,
} from '../datasets/dataset-views.js';
import { type ImportProgress, type ImportReport, importDataset } from '../datasets/import-dataset.js';
import { type DatasetSource, sourceLabels, sourceRequestKind } from '../domain/datasets/sources.js';
import type { Writ } from './context.js';

type DatasetPorts = Pick<Writ, 'datasets' | 'datasetFigures'>;
type WithSettings = DatasetPorts & Pick<Writ, 'config'>;

const readers = (writ: DatasetPorts): DatasetReaders => ({ datasets: writ.datasets, figures: writ.datasetFigures });

/** The surge rule of the settings (WRIT_SURGE_*), with a caller's own minimum of requests. */
function surgeSettings(writ: Pick<Writ, 'config'>, minRequests?: number) {
  return { ...writ.config.surges, ...(minRequests === undefined ? {} : { minRequests }) };
}

/** Reads a dataset (a folder, a zip or a file) and stores it as published; the same files again change nothing. */
export function importPublishedData(
  writ: Pick<Writ, 'datasets'>,
  source: DatasetSource,
  path: string,
  progress?: ImportProgress,
): Promise<ImportReport> {
  return importDataset(writ.datasets, source, path, progress);
}

/** The sources imported, the half-years each covers and its newest vintage; and every import, newest first. */
export async function datasetIndex(writ: Pick<Writ, 'datasets'>) {
  const [coverage, imports] = await Promise.all([writ.datasets.coverage(), writ.datasets.imports()]);
  return {
    sources: coverage.map((c) => ({
      source: c.source,
      label: sourceLabels[c.source],
      requestKind: sourceRequestKind[c.source],
      vintage: c.vintage,
      periods: c.periods,
    })),
    imports,
  };
}
export type DatasetIndex = Awaited<ReturnType<typeof datasetIndex>>;

export function countryPeriodStats(writ: DatasetPorts, source: DatasetSource, country: string, period: string) {
  return datasetStats(readers(writ), source, country, period);
}

export function timeline(writ: WithSettings, country: string) {
  return countryTimeline(readers(writ), country, surgeSettings(writ));
}

export function ranking(writ: WithSettings, source: DatasetSource, period: string, limit?: number) {
  return periodRanking(readers(writ), source, period, surgeSettings(writ), limit);
}

export function reasons(writ: DatasetPorts, source: DatasetSource, country: string, period: string) {
  return reasonBreakdown(readers(writ), source, country, period);
}

export function surges(
  writ: WithSettings,
  source: DatasetSource,
  options: { minRequests?: number; country?: string; period?: string } = {},
) {
  const { minRequests, ...filter } = options;
  return detectSurges(readers(writ), source, surgeSettings(writ, minRequests), filter);
}
