/** Wire shapes of the public user-data report (issue 11); definitions: src/domain/data-report.ts. */
import { z } from 'zod';
import { legalProcessTypes } from '../domain/data-request.js';
import { countryCode, halfYear, jurisdictionCode } from './common.js';

export const dataReportParams = z.object({ country: countryCode, period: halfYear });
export const dataReportCountryParams = z.object({ country: jurisdictionCode });

const int = z.number().int();
const share = z.number().min(0).max(1);
const processFigures = z.object({
  requests: int,
  accounts: int,
  someDataProduced: int.meta({ description: 'Requests with at least one account decided with data produced (all or some)' }),
  percent: share.meta({ description: 'someDataProduced / requests, from 0 to 1 (0 when there is none)' }),
});

export const dataReportSchema = z
  .object({
    country: z.string(),
    period: z.string(),
    totalRequests: int.meta({ description: 'Data orders of kind user_data and emergency_disclosure (Meta: Total Requests)' }),
    totalAccounts: int.meta({ description: 'Accounts those orders name (Meta: Total Requests Accounts)' }),
    requestsSomeDataProduced: int.meta({
      description:
        'Requests with at least one account decided with extent all or some (Meta: Number of Requests Where Some Data Produced)',
    }),
    percentSomeDataProduced: share.meta({
      description: 'requestsSomeDataProduced / totalRequests, 0 to 1 (Meta: Total Requests Percentage)',
    }),
    legalProcess: processFigures.meta({ description: 'user_data orders (Meta: Legal Process Request Total…)' }),
    emergency: processFigures.meta({ description: 'emergency_disclosure orders (Meta: Emergency Request Total…)' }),
    byProcess: z
      .object(
        Object.fromEntries(legalProcessTypes.map((p) => [p, processFigures])) as Record<
          (typeof legalProcessTypes)[number],
          typeof processFigures
        >,
      )
      .meta({ description: 'user_data orders per legal process (Meta fills these columns for the United States only)' }),
    preservationRequests: int.meta({ description: 'Preservation orders (Meta: Preservation Requests)' }),
    preservationAccountsPreserved: int.meta({
      description: 'Accounts of preservation orders with a hold placed, released or not (Meta: Preservation Accounts Preserved)',
    }),
    nonDisclosure: z.object({
      requests: int.meta({ description: 'Requests (totalRequests) under a non-disclosure order' }),
      share: share.meta({ description: 'Their share of totalRequests' }),
    }),
    undecidedRequests: int.meta({ description: 'Requests none of whose accounts is decided yet' }),
    containsDemoData: z.boolean(),
  })
  .meta({ id: 'UserDataReport' });

const metaPublished = z.object({
  requests: int.nullable(),
  accounts: int.nullable(),
  requestsSomeDataProduced: int.nullable(),
  percentSomeDataProduced: share.nullable().meta({ description: 'As published: a whole percentage, here divided by 100' }),
  layout: z.enum(['A', 'B', 'C']),
});

export const dataReportComparisonSchema = z
  .object({
    country: z.string(),
    periods: z.array(
      z.object({
        period: z.string(),
        platform: z
          .object({
            totalRequests: int,
            totalAccounts: int,
            requestsSomeDataProduced: int,
            percentSomeDataProduced: share,
            containsDemoData: z.boolean(),
          })
          .nullable()
          .meta({ description: 'null: no data order from the country was received in the half-year' }),
        meta: metaPublished.nullable().meta({ description: "Meta's published row; null: no Meta file for the half-year" }),
      }),
    ),
  })
  .meta({ id: 'UserDataComparison' });

export const dataReportIndexSchema = z.object({
  periods: z.array(z.object({ country: z.string(), period: z.string(), requests: int, preservationRequests: int })),
});

export { metaColumns } from '../domain/data-report.js';
/** For the web, which imports contracts rather than these domain modules: the processes and the Meta column mapping. */
export { legalProcessTypes } from '../domain/data-request.js';
