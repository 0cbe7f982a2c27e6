/**
 * The public request database's shapes (issue 13): a public record exactly as src/domain/public-record.ts
 * defines it (other parts reuse `publicRecordSchema`), a tombstone, the search query and its answer
 * with facet counts. Browser-safe.
 */
import { z } from 'zod';
import type { PublicRecord, PublicTombstone } from '../domain/public-record.js';
import { authorityKinds, outcomes, reasons, requestKinds, targetKinds } from '../domain/vocabulary.js';
import { countryCode } from './common.js';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const halfYearText = z.string().regex(/^\d{4}-H[12]$/, 'must be a half-year such as 2025-H1');

export const publicItemSchema = z
  .object({
    position: z.number().int(),
    targetKind: z.enum(targetKinds),
    target: z.string().nullable().meta({ description: 'Redacted; null when withheld (it concerns a child)' }),
    product: z.string(),
    outcome: z.enum(outcomes).nullable(),
    reason: z.enum(reasons).nullable(),
    scope: z.array(z.string()).nullable().meta({ description: 'Null: worldwide; otherwise ISO countries' }),
  })
  .meta({ id: 'PublicItem' });

export const publicAccountsSchema = z
  .object({ requested: z.number().int(), disclosed: z.number().int(), partly: z.number().int(), refused: z.number().int() })
  .meta({ id: 'PublicAccounts' });

export const publicRecordSchema = z
  .object({
    id: z.string().meta({ example: 'WR-000123' }),
    version: z.number().int(),
    kind: z.enum(requestKinds),
    authority: z.object({ name: z.string(), kind: z.enum(authorityKinds) }),
    country: z.string().length(2),
    regime: z.object({ id: z.string(), name: z.string() }).nullable(),
    legalBasis: z.string(),
    receivedOn: isoDay,
    decidedOn: isoDay,
    period: halfYearText,
    publishedAt: z.string(),
    language: z.string().nullable(),
    items: z.array(publicItemSchema),
    accounts: publicAccountsSchema.nullable(),
    summary: z.string().nullable(),
    publicInterest: z.boolean(),
    caseStudy: z.string().nullable(),
    courtChallenge: z.boolean(),
    concernsChild: z.boolean(),
    correctionNote: z.string().nullable(),
  })
  .meta({ id: 'PublicRecord', description: 'A decided order as published: redacted text only' });

export const publicTombstoneSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    withdrawnAt: z.string(),
    reason: z.string(),
  })
  .meta({ id: 'PublicTombstone', description: 'What stays at a withdrawn record’s URL' });

// The schemas and the domain types must stay the same shape.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _recordShape: Same<z.infer<typeof publicRecordSchema>, PublicRecord> = true;
const _tombstoneShape: Same<z.infer<typeof publicTombstoneSchema>, PublicTombstone> = true;
void _recordShape;
void _tombstoneShape;

export const publicRecordResponseSchema = z
  .object({
    status: z.literal('published'),
    record: publicRecordSchema,
    citation: z.string().meta({ description: 'A line to cite the record by, with its URL' }),
  })
  .meta({ id: 'PublicRecordResponse' });

export const publicTombstoneResponseSchema = z
  .object({ status: z.literal('withdrawn'), tombstone: publicTombstoneSchema })
  .meta({ id: 'PublicTombstoneResponse', description: 'Sent with 410 Gone: the record was withdrawn' });

export const recordIdParams = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9-]+$/, 'must be a record id such as WR-000123'),
});

/** One value or several: repeated keys (`reason=A&reason=B`) or comma-separated. */
const many = <T extends z.ZodType>(member: T) =>
  z
    .preprocess(
      (v) =>
        v === undefined
          ? []
          : (Array.isArray(v) ? v : [v]).flatMap((s) => (typeof s === 'string' ? s.split(',').filter(Boolean) : [s])),
      z.array(member).max(50),
    )
    .optional()
    .default([]);

export const recordSearchQuerySchema = z.object({
  q: z.string().max(200, 'must be at most 200 characters').optional().default('').meta({
    description: 'Words to find (English, Russian, Kazakh); "a phrase", or, -word as in web search',
  }),
  country: many(countryCode),
  authorityKind: many(z.enum(authorityKinds)),
  regime: many(
    z
      .string()
      .max(100)
      .regex(/^[a-z0-9-]+$/, 'must be a regime id such as kz-2022-child-cyberbullying'),
  ),
  reason: many(z.enum(reasons)),
  outcome: many(z.enum(outcomes)),
  period: many(halfYearText),
  page: z.coerce.number().int('must be a whole number').min(1).max(10_000).optional().default(1),
  pageSize: z.coerce.number().int('must be a whole number').min(1).max(100).optional().default(20),
});
export type RecordSearchQueryInput = z.input<typeof recordSearchQuerySchema>;

export const facetCountSchema = z.object({ value: z.string(), count: z.number().int() });
export const recordFacetsSchema = z
  .object({
    country: z.array(facetCountSchema),
    authorityKind: z.array(facetCountSchema),
    regime: z.array(facetCountSchema),
    reason: z.array(facetCountSchema),
    outcome: z.array(facetCountSchema),
    period: z.array(facetCountSchema),
  })
  .meta({
    id: 'RecordFacets',
    description:
      'Counts per value of each facet, over the records matching the words and every other facet’s filter (most first)',
  });

export const recordSearchResponseSchema = z
  .object({
    total: z.number().int().meta({ description: 'Exact, or an estimate when `approximate`' }),
    page: z.number().int(),
    pageSize: z.number().int(),
    records: z.array(publicRecordSchema),
    facets: recordFacetsSchema,
    estimated: z
      .object({
        total: z.boolean().meta({ description: 'The total is an estimate (more matches than Writ counts exactly)' }),
        facets: z.boolean().meta({ description: 'The facet counts are estimates, scaled up from a sample of the records' }),
      })
      .meta({ description: 'Which counts are estimates: the words match too many records to count them all (decision 55)' }),
    order: z.enum(['relevance', 'newest']).meta({
      description: 'How the page is ordered: by relevance to the words, or newest first (no words, or too many matches to rank)',
    }),
    deepestPage: z.number().int().nullable().meta({
      description:
        'When the search matches too many records to page through whole: the last page that can be asked for (its newest matches, 1,000 by default); later pages are 400 validation_failed on `page`. Otherwise null',
    }),
  })
  .meta({ id: 'RecordSearchResponse' });
export type RecordSearchResponse = z.infer<typeof recordSearchResponseSchema>;
export type PublicRecordResponse = z.infer<typeof publicRecordResponseSchema>;
export type PublicTombstoneResponse = z.infer<typeof publicTombstoneResponseSchema>;

export const feedParams = z.object({
  country: z.string().regex(/^[A-Za-z]{2}$/, 'must be a country code such as KZ'),
});
