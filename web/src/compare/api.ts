/**
 * A typed client for the public published-datasets API (/api/v1/public/datasets). Wire types come
 * from the server's Zod schemas by type-only import; failures are thrown as the UI's ApiError.
 */
import type { z } from 'zod';
import type {
  datasetIndexSchema,
  googleStatsSchema,
  metaStatsSchema,
  rankingSchema,
  reasonSharesSchema,
  statsSchema,
  timelineSchema,
} from '../../../src/contracts/datasets.js';
import type { DatasetSource } from '../../../src/domain/datasets/sources.js';
import { ApiError, problemFrom } from '../api.js';

export type { DatasetSource };
export type DatasetIndex = z.output<typeof datasetIndexSchema>;
export type SourceCoverage = DatasetIndex['sources'][number];
export type DatasetImport = DatasetIndex['imports'][number];
export type Ranking = z.output<typeof rankingSchema>;
export type RankingRow = Ranking['countries'][number];
export type Timeline = z.output<typeof timelineSchema>;
export type TimelineSeries = Timeline['series'][number];
export type TimelinePoint = TimelineSeries['points'][number];
export type ReasonShares = z.output<typeof reasonSharesSchema>;
export type Stats = z.output<typeof statsSchema>;
export type GoogleStats = z.output<typeof googleStatsSchema>;
export type MetaStats = z.output<typeof metaStatsSchema>;
export type OutcomeKey = keyof GoogleStats['itemOutcomes'];

/** The sources in the order the pages offer them; google-removals first. */
export const sourceOrder: readonly DatasetSource[] = ['google-removals', 'google-removals-json', 'meta-data-requests'];

/** Short names for selectors, legends and table headings (the API's labels are long). */
export const sourceShortLabels: Record<DatasetSource | 'platform', string> = {
  'google-removals': 'Google removals',
  'google-removals-json': 'Google removals (JSON repackaging)',
  'meta-data-requests': 'Meta data requests',
  platform: 'This platform',
};

/** Only Google's sources publish reasons. */
export const hasReasons = (source: DatasetSource) => source !== 'meta-data-requests';

export const isDatasetSource = (text: string | null): text is DatasetSource =>
  text !== null && (sourceOrder as readonly string[]).includes(text);

async function get<T>(path: string): Promise<T> {
  const response = await fetch(path, {
    headers: { accept: 'application/json, application/problem+json' },
    credentials: 'same-origin',
  });
  if (!response.ok) throw new ApiError(await problemFrom(response));
  return (await response.json()) as T;
}

const enc = encodeURIComponent;
const base = '/api/v1/public/datasets';

export const datasetsApi = {
  index: () => get<DatasetIndex>(base),
  ranking: (source: DatasetSource, period: string) => get<Ranking>(`${base}/${enc(source)}/rankings/${enc(period)}`),
  timeline: (country: string) => get<Timeline>(`${base}/timeline/${enc(country)}`),
  reasons: (source: DatasetSource, country: string, period: string) =>
    get<ReasonShares>(`${base}/${enc(source)}/reasons/${enc(country)}/${enc(period)}`),
  stats: (source: DatasetSource, country: string, period: string) =>
    get<Stats>(`${base}/${enc(source)}/stats/${enc(country)}/${enc(period)}`),
};
