/**
 * The public published-datasets API (/api/v1/public/datasets), called through the one `request`
 * of ../api.ts. Wire types come from the shared contracts by type-only import.
 */
import type { z } from 'zod';
import type {
  datasetIndexSchema,
  googleStatsSchema,
  metaRestrictionStatsSchema,
  metaStatsSchema,
  rankingSchema,
  reasonSharesSchema,
  statsSchema,
  timelineSchema,
} from '../../../src/contracts/datasets.js';
import type { DatasetSource } from '../../../src/domain/datasets/sources.js';
import { request } from '../api.js';

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
export type MetaRestrictionStats = z.output<typeof metaRestrictionStatsSchema>;
export type OutcomeKey = keyof GoogleStats['itemOutcomes'];

/** The sources in the order the pages offer them; google-removals first. */
export const sourceOrder: readonly DatasetSource[] = [
  'google-removals',
  'google-removals-json',
  'meta-data-requests',
  'meta-content-restrictions',
];

/** Short names for selectors, legends and table headings (the API's labels are long). */
export const sourceShortLabels: Record<DatasetSource | 'platform', string> = {
  'google-removals': 'Google removals',
  'google-removals-json': 'Google removals (JSON repackaging)',
  'meta-data-requests': 'Meta data requests',
  'meta-content-restrictions': 'Meta: content restricted',
  platform: 'This platform',
};

/**
 * The figure a source is read by: requests, except Meta's content restrictions, which publish the
 * items restricted and no requests.
 */
export const headlineOf = (source: DatasetSource | 'platform', point: { requests: number | null; items: number | null }) =>
  source === 'meta-content-restrictions' ? point.items : point.requests;

/** Only Google's sources publish reasons. */
export const hasReasons = (source: DatasetSource) => source === 'google-removals' || source === 'google-removals-json';

export const isDatasetSource = (text: string | null): text is DatasetSource =>
  text !== null && (sourceOrder as readonly string[]).includes(text);

const enc = encodeURIComponent;
const base = '/api/v1/public/datasets';

type Options = { signal?: AbortSignal };

export const datasetsApi = {
  index: (o: Options = {}) => request<DatasetIndex>('GET', base, o),
  ranking: (source: DatasetSource, period: string, o: Options = {}) =>
    request<Ranking>('GET', `${base}/${enc(source)}/rankings/${enc(period)}`, o),
  timeline: (country: string, o: Options = {}) => request<Timeline>('GET', `${base}/timeline/${enc(country)}`, o),
  reasons: (source: DatasetSource, country: string, period: string, o: Options = {}) =>
    request<ReasonShares>('GET', `${base}/${enc(source)}/reasons/${enc(country)}/${enc(period)}`, o),
  stats: (source: DatasetSource, country: string, period: string, o: Options = {}) =>
    request<Stats>('GET', `${base}/${enc(source)}/stats/${enc(country)}/${enc(period)}`, o),
};
