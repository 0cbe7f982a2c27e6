/** Wire shapes of the published-datasets API (public, no sign-in); OpenAPI is generated from them. */
import { z } from 'zod';
import { outcomeKeys } from '../domain/datasets/outcomes.js';
import { datasetSources } from '../domain/datasets/sources.js';
import { halfYear, jurisdictionCode } from './common.js';

export const datasetSource = z.enum(datasetSources).meta({ example: 'google-removals' });

export const countryParams = z.object({ country: jurisdictionCode });
export const sourceParams = z.object({ source: datasetSource });
export const sourcePeriodParams = z.object({ source: datasetSource, period: halfYear });
export const sourceCountryPeriodParams = z.object({ source: datasetSource, country: jurisdictionCode, period: halfYear });
export const rankingQuery = z.object({ limit: z.coerce.number().int().min(1).max(300).optional() });
export const surgeQuery = z.object({
  minRequests: z.coerce.number().int().min(0).optional().meta({ description: 'Defaults to WRIT_SURGE_MIN_REQUESTS' }),
  country: jurisdictionCode.optional(),
  period: halfYear.optional(),
});

const int = z.number().int();
const counts = z.record(z.string(), int);
const requestKind = z.enum(['content_removal', 'user_data']);

export const googleStatsSchema = z
  .object({
    source: z.enum(['google-removals', 'google-removals-json']),
    country: z.string(),
    period: z.string(),
    requests: int.nullable().meta({ description: 'null only where Google published "<10" or "?"' }),
    items: int.nullable(),
    requestsToDate: int.meta({ description: "Requests from the country's first period through this one" }),
    requestsByProduct: counts,
    requestsByReason: counts,
    requestsByRequester: counts,
    itemOutcomes: z.object(
      Object.fromEntries(outcomeKeys.map((k) => [k, z.number()])) as Record<(typeof outcomeKeys)[number], z.ZodNumber>,
    ),
    itemOutcomesExact: z.boolean().meta({ description: 'false when estimated from rounded percentages' }),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'GoogleRemovalStats' });

export const metaStatsSchema = z
  .object({
    source: z.literal('meta-data-requests'),
    country: z.string(),
    period: z.string(),
    requests: int.nullable(),
    accountsRequested: int.nullable(),
    shareSomeDataProduced: z.number().min(0).max(1).nullable(),
    emergencyRequests: int.nullable(),
    legalProcessRequests: int.nullable(),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'MetaDataRequestStats' });

export const metaRestrictionStatsSchema = z
  .object({
    source: z.literal('meta-content-restrictions'),
    country: z.string(),
    period: z.string(),
    itemsRestricted: int.nullable().meta({
      description: "The file's total: items restricted in the country, including restrictions Meta applied worldwide",
    }),
    itemsRestrictedByProduct: z
      .record(z.string(), int.nullable())
      .nullable()
      .meta({ description: 'The product columns as published (2018-H2 on); null: N/A' }),
    itemsRestrictedToDate: int,
    internetDisruptions: int.nullable().meta({
      description:
        'Disruptions of Meta’s services counted in the country; null where none was published (before 2016-H2, after 2018-H2)',
    }),
    warnings: z.array(z.string()),
  })
  .meta({ id: 'MetaContentRestrictionStats' });

export const statsSchema = z.union([googleStatsSchema, metaStatsSchema, metaRestrictionStatsSchema]);

const partPeriod = z.object({ part: z.string(), period: z.string() });
const importedFile = z.object({ name: z.string(), role: z.string(), sha256: z.string(), bytes: int, rowsRead: int });

/** What every import records, whether listed in the index or answered by the import itself. */
const importRecord = z.object({
  id: z.uuid(),
  source: datasetSource,
  vintage: z.string(),
  importedAt: z.string(),
  files: z.array(importedFile),
  rowsRead: int,
  rowsStored: int,
});

export const datasetIndexSchema = z
  .object({
    sources: z.array(
      z.object({
        source: datasetSource,
        label: z.string(),
        requestKind,
        vintage: z.string().nullable().meta({ description: 'The newest vintage held: the last period it covers' }),
        periods: z.array(z.string()),
      }),
    ),
    imports: z.array(
      importRecord.extend({
        warningCount: int,
        periodsReplaced: int,
        periodsKept: int,
      }),
    ),
  })
  .meta({ id: 'DatasetIndex' });

export const datasetImportSchema = importRecord
  .extend({
    periodsReplaced: z.array(partPeriod),
    periodsKept: z.array(partPeriod.extend({ vintage: z.string() })),
    warnings: z.array(z.object({ file: z.string(), line: int.nullable(), message: z.string() })),
  })
  .meta({ id: 'DatasetImport' });

const surgeSettingsSchema = z.object({ window: int, minHistory: int, threshold: z.number(), minRequests: int });

export const timelineSchema = z
  .object({
    country: z.string(),
    countryName: z.string(),
    periods: z.array(z.string()),
    surgeSettings: surgeSettingsSchema,
    series: z.array(
      z.object({
        source: z.enum([...datasetSources, 'platform']),
        label: z.string(),
        requestKind,
        vintage: z.string().nullable(),
        containsDemoData: z.boolean(),
        points: z.array(
          z.object({
            period: z.string(),
            requests: int.nullable(),
            items: int.nullable(),
            accounts: int.nullable().meta({ description: 'Meta only: accounts requested' }),
            listed: z.boolean().meta({ description: 'false: not listed in a covered period, counted as 0' }),
            surge: z.boolean(),
            score: z.number().nullable(),
            baselineMedian: z
              .number()
              .nullable()
              .meta({ description: 'Median requests of the earlier half-years of the baseline' }),
            baselineMad: z.number().nullable().meta({ description: 'Median absolute deviation of that baseline' }),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'CountryTimeline' });

export const rankingSchema = z
  .object({
    source: datasetSource,
    period: z.string(),
    countries: z.array(
      z.object({
        rank: int.meta({ description: '0 when the number of requests is not published' }),
        country: z.string(),
        countryName: z.string(),
        requests: int.nullable(),
        items: int.nullable(),
        accounts: int.nullable(),
        governmentCriticismShare: z.number().nullable(),
        nationalSecurityShare: z.number().nullable(),
        surge: z.boolean(),
        score: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'CountryRanking' });

const requestsAndShare = z.object({ requests: int, share: z.number() });
export const reasonSharesSchema = z
  .object({
    source: datasetSource,
    country: z.string(),
    period: z.string(),
    requests: int,
    reasons: z.array(z.object({ reason: z.string(), requests: int, share: z.number() })),
    highlighted: z.object({ governmentCriticism: requestsAndShare, nationalSecurity: requestsAndShare }),
  })
  .meta({ id: 'ReasonShares' });

export const surgesSchema = z
  .object({
    source: datasetSource,
    settings: surgeSettingsSchema,
    surges: z.array(
      z.object({
        country: z.string(),
        countryName: z.string(),
        period: z.string(),
        requests: int.nullable(),
        baselineMedian: z.number().nullable(),
        baselineMad: z.number().nullable(),
        baselinePeriods: int,
        score: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'Surges' });
