/**
 * The public transparency report, the same from `GET /api/v1/public/reports/…` and `writ report`:
 * counts by set-based SQL (reports-repository.ts), shares and definitions by src/domain/report.ts.
 * Periods arrive parsed and checked to have begun (parseBegunPeriod, src/domain/period.ts).
 */
import { formatPeriod, type HalfYear } from '../domain/period.js';
import type { DeadlinePerformance } from '../domain/regimes/sla.js';
import { assembleReport, type CountryReport } from '../domain/report.js';
import type { Writ } from './context.js';

export type ReportedPeriod = { country: string; period: string; requests: number };

/** The countries and half-years that have at least one request. */
export async function reportIndex(writ: Pick<Writ, 'reports'>): Promise<ReportedPeriod[]> {
  return (await writ.reports.availablePeriods()).map((p) => ({
    country: p.country,
    period: formatPeriod(p),
    requests: p.requests,
  }));
}

export async function countryReport(writ: Pick<Writ, 'reports'>, country: string, period: HalfYear): Promise<CountryReport> {
  return assembleReport(country, period, await writ.reports.countryPeriod(country, period));
}

export type RegimePerformance = DeadlinePerformance & { regimeName: string | null };

/** Per regime, the share of the period's decided orders met on time and the median hours to decision. */
export async function deadlinePerformance(
  writ: Pick<Writ, 'reports' | 'rules'>,
  country: string,
  period: HalfYear,
): Promise<{ country: string; period: string; rows: RegimePerformance[] }> {
  const rows = await writ.reports.deadlinePerformance(country, period);
  return {
    country,
    period: formatPeriod(period),
    rows: rows.map((r) => ({ ...r, regimeName: r.regimeId ? (writ.rules.find(r.regimeId)?.name.en ?? null) : null })),
  };
}
