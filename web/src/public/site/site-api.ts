/**
 * The public site's loads (issue 13): the overview, a country's case studies, the methodology, the
 * downloads — through the one `request` of ../../api.ts; wire types from the shared contract.
 * Keys start with `reports`, so that whatever invalidates the reports invalidates these too.
 */
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { caseStudiesSchema, methodologySchema, overviewSchema } from '../../../../src/contracts/public-site.js';
import { request } from '../../api.js';

export type SiteOverview = z.output<typeof overviewSchema>;
export type CaseStudies = z.output<typeof caseStudiesSchema>;
export type SiteMethodology = z.output<typeof methodologySchema>;

const enc = encodeURIComponent;

export const siteQueries = {
  overview: () =>
    queryOptions({
      queryKey: ['reports', 'site', 'overview'] as const,
      queryFn: ({ signal }) => request<SiteOverview>('GET', '/api/v1/public/overview', { signal }),
    }),
  caseStudies: (country: string, period: string) =>
    queryOptions({
      queryKey: ['reports', 'site', 'case-studies', country, period] as const,
      queryFn: ({ signal }) =>
        request<CaseStudies>('GET', `/api/v1/public/case-studies?country=${enc(country)}&period=${enc(period)}`, { signal }),
    }),
  methodology: () =>
    queryOptions({
      queryKey: ['site', 'methodology'] as const,
      queryFn: ({ signal }) => request<SiteMethodology>('GET', '/api/v1/public/methodology', { signal }),
      staleTime: Number.POSITIVE_INFINITY,
    }),
};

/** The tables of a country's half-year, as the server lists them (`countryTableKinds` in src/app/public-site.ts). */
export type CountryTableKind =
  | 'removals'
  | 'outcomes'
  | 'requesters'
  | 'kinds'
  | 'products'
  | 'reasons'
  | 'deadlines'
  | 'user-data'
  | 'case-studies'
  | 'pressure';

/** The names of a country's half-year tables, as the server names them (src/app/public-site.ts). */
export const countryTable = (country: string, period: string, kind: CountryTableKind) => `country-${country}-${period}-${kind}`;
