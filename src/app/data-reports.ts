/**
 * The public user-data report (issue 11), the same from the API and `writ report --kind user-data`:
 * counts by SQL over the base tables (src/db/data-reports-repository.ts), shares and definitions
 * by src/domain/data-report.ts. Periods arrive parsed and checked to have begun.
 */
import { assembleDataReport, type DataReport, shareOf } from '../domain/data-report.js';
import type { HalfYear } from '../domain/period.js';
import type { Writ } from './context.js';

export async function userDataReport(writ: Pick<Writ, 'dataReports'>, country: string, period: HalfYear): Promise<DataReport> {
  return assembleDataReport(country, period, await writ.dataReports.countryPeriod(country, period));
}

/** The countries and half-years with at least one data order. */
export async function userDataReportIndex(writ: Pick<Writ, 'dataReports'>) {
  return writ.dataReports.availablePeriods();
}

export type UserDataComparison = {
  country: string;
  periods: {
    period: string;
    platform: {
      totalRequests: number;
      totalAccounts: number;
      requestsSomeDataProduced: number;
      percentSomeDataProduced: number;
      containsDemoData: boolean;
    } | null;
    meta: {
      requests: number | null;
      accounts: number | null;
      requestsSomeDataProduced: number | null;
      percentSomeDataProduced: number | null;
      layout: 'A' | 'B' | 'C';
    } | null;
  }[];
};

/**
 * The platform's own user-data series beside Meta's published one, half-year by half-year, with
 * the same definitions: every half-year that either has, oldest first.
 */
export async function userDataComparison(
  writ: Pick<Writ, 'dataReports' | 'datasetFigures'>,
  country: string,
): Promise<UserDataComparison> {
  const [own, meta] = await Promise.all([writ.dataReports.countrySeries(country), writ.datasetFigures.metaRows({ country })]);
  const periods = [...new Set([...own.map((o) => o.period), ...meta.map((m) => m.period)])].sort();
  return {
    country,
    periods: periods.map((period) => {
      const o = own.find((x) => x.period === period)?.counts;
      const m = meta.find((x) => x.period === period);
      return {
        period,
        platform: o
          ? {
              totalRequests: o.totalRequests,
              totalAccounts: o.totalAccounts,
              requestsSomeDataProduced: o.requestsSomeDataProduced,
              percentSomeDataProduced: shareOf(o.requestsSomeDataProduced, o.totalRequests),
              containsDemoData: o.containsDemoData,
            }
          : null,
        meta: m
          ? {
              requests: m.requests,
              accounts: m.accounts,
              requestsSomeDataProduced: m.requestsSomeData,
              percentSomeDataProduced: m.someDataPct === null ? null : m.someDataPct / 100,
              layout: m.layout,
            }
          : null,
      };
    }),
  };
}
