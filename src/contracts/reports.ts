/** Wire shapes of the public reports: requests by country and half-year, and deadline performance. */
import { z } from 'zod';
import { outcomeBucketKeys } from '../domain/report.js';
import { countryCode, halfYear } from './common.js';

export const reportParams = z.object({ country: countryCode, period: halfYear });

const share = z.object({ count: z.number().int(), share: z.number() });
export const countryReportSchema = z
  .object({
    country: z.string(),
    period: z.string(),
    requests: z.number().int(),
    items: z.number().int(),
    requestsByRequesterKind: z.record(z.string(), z.number().int()),
    requestsByKind: z.record(z.string(), z.number().int()),
    requestsByProduct: z.record(z.string(), z.number().int()),
    requestsByReason: z
      .record(z.string(), z.number().int())
      .meta({ description: 'Requests with a decided item, by the reason most of their decided items were decided under' }),
    undecidedRequests: z.number().int().meta({
      description:
        'Requests that name items none of which is decided yet (they have no reason); data orders name accounts, not items, and are not counted here',
    }),
    itemOutcomes: z.object(
      Object.fromEntries(outcomeBucketKeys.map((b) => [b, share])) as Record<(typeof outcomeBucketKeys)[number], typeof share>,
    ),
    containsDemoData: z.boolean(),
  })
  .meta({ id: 'CountryReport' });

export const reportIndexSchema = z.object({
  periods: z.array(z.object({ country: z.string(), period: z.string(), requests: z.number().int() })),
});

export const deadlinePerformanceSchema = z
  .object({
    country: z.string(),
    period: z.string(),
    rows: z.array(
      z.object({
        country: z.string(),
        regimeId: z.string().nullable().meta({ description: 'null: requests that named no regime (policy deadlines)' }),
        regimeName: z.string().nullable().meta({ description: "The regime's English name, from its rule pack" }),
        decided: z.number().int(),
        met: z.number().int(),
        shareMet: z.number().meta({ description: 'Share of decided orders decided by their due instant' }),
        medianHoursToDecision: z.number().nullable(),
      }),
    ),
  })
  .meta({ id: 'DeadlinePerformance' });
