/**
 * The public user-data report (issue 11) and its comparison with Meta's published figures, called
 * through the one `request` of ../api.ts; wire types from the shared contracts by type-only import.
 * Keys start with `reports`, so that whatever invalidates the reports invalidates these too.
 */
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { dataReportComparisonSchema, dataReportSchema } from '../../../src/contracts/data-reports.js';
import { request } from '../api.js';

export type UserDataReport = z.output<typeof dataReportSchema>;
export type UserDataComparison = z.output<typeof dataReportComparisonSchema>;

const enc = encodeURIComponent;

export const userDataQueries = {
  report: (country: string, period: string) =>
    queryOptions({
      queryKey: ['reports', 'user-data', country, period] as const,
      queryFn: ({ signal }) =>
        request<UserDataReport>('GET', `/api/v1/public/reports/${enc(country)}/${enc(period)}/user-data`, { signal }),
    }),
  comparison: (country: string) =>
    queryOptions({
      queryKey: ['reports', 'user-data-comparison', country] as const,
      queryFn: ({ signal }) =>
        request<UserDataComparison>('GET', `/api/v1/public/user-data-reports/${enc(country)}/comparison`, { signal }),
    }),
};
