/** Wire shapes of the public site (issue 13): the overview, case studies, the methodology and the downloads. */
import { z } from 'zod';
import { authorityKinds, requestKinds } from '../domain/vocabulary.js';
import { countryCode, halfYear } from './common.js';

const int = z.number().int();

export const overviewSchema = z
  .object({
    rows: z.array(
      z.object({
        country: z.string(),
        period: z.string(),
        removalOrders: int.meta({ description: 'Content removal orders received in the half-year (UTC)' }),
        removalItems: int.meta({ description: 'Items those orders name' }),
        dataOrders: int.meta({
          description: 'User-data, preservation and emergency disclosure orders received in the half-year',
        }),
        containsDemoData: z.boolean(),
      }),
    ),
    countries: z.array(z.object({ country: z.string(), removalOrders: int, removalItems: int, dataOrders: int })),
    periods: z.array(z.string()),
    containsDemoData: z.boolean(),
  })
  .meta({ id: 'SiteOverview' });

export const caseStudiesQuery = z.object({ country: countryCode, period: halfYear });

export const caseStudySchema = z.object({
  id: z.string(),
  version: int,
  authority: z.object({ name: z.string(), kind: z.enum(authorityKinds) }),
  regime: z.object({ id: z.string(), name: z.string() }).nullable(),
  kind: z.enum(requestKinds),
  receivedOn: z.string(),
  decidedOn: z.string(),
  caseStudy: z.string().meta({ description: 'As published: redacted' }),
  summary: z.string().nullable(),
  courtChallenge: z.boolean(),
  outcomes: z.array(z.string()),
});

export const caseStudiesSchema = z
  .object({ country: z.string(), period: z.string(), caseStudies: z.array(caseStudySchema) })
  .meta({ id: 'CaseStudies' });

export const methodologySchema = z
  .object({
    requestKinds: z.array(z.string()),
    authorityKinds: z.array(z.string()),
    outcomes: z.array(z.object({ key: z.string(), label: z.string() })),
    outcomeBuckets: z.array(z.string()),
    reasons: z.array(z.string()),
    periods: z.object({ pattern: z.string(), example: z.string(), definition: z.string() }),
    deadlineBases: z.array(z.string()),
    publicRecordFields: z.array(z.object({ field: z.string(), description: z.string() })),
    redactableFields: z.array(z.string()),
    personalDataKinds: z.array(z.string()),
    log: z.object({
      entryKinds: z.array(z.string()),
      hash: z.string(),
      standard: z.string(),
      leafPrefix: z.string(),
      nodePrefix: z.string(),
      checkpoint: z.string(),
    }),
  })
  .meta({ id: 'SiteMethodology' });

export const downloadFormats = ['csv', 'json'] as const;
export type DownloadFormat = (typeof downloadFormats)[number];

export const downloadsSchema = z
  .object({ downloads: z.array(z.object({ name: z.string(), csv: z.string(), json: z.string() })) })
  .meta({ id: 'SiteDownloads' });

export const downloadParams = z.object({ name: z.string().max(100) });
export const downloadQuery = z.object({ format: z.enum(downloadFormats).default('csv') });

/** A table as JSON: its name and its rows, each an object of the CSV's columns. */
export const siteTableSchema = z
  .object({
    name: z.string(),
    columns: z.array(z.string()),
    rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
  })
  .meta({ id: 'SiteTable' });

/** Where a table's download is, for the pages' links. */
export const downloadPath = (name: string, format: DownloadFormat) =>
  `/api/v1/public/downloads/${encodeURIComponent(name)}?format=${format}`;
