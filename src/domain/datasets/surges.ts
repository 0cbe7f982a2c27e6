/**
 * Surge detection: a period whose requests stand far above a robust baseline of the country's own
 * earlier periods. Method (docs/methodology.md):
 *
 *   baseline  = the `window` periods just before, those with a known number of requests;
 *               at least `minHistory` of them, otherwise the period is not assessed
 *   median m  = median of the baseline
 *   MAD       = median of |x − m| over the baseline
 *   spread    = max(1.4826 × MAD, 1)      (1.4826 × MAD estimates a standard deviation for normal
 *                                          data; the floor of one request keeps a flat history from
 *                                          turning any increase into a surge)
 *   score     = (requests − m) / spread
 *   surge     ⇔ score > threshold and requests ≥ minRequests
 *
 * Median and MAD are not moved by the surges they are meant to find, unlike mean and standard deviation.
 */

export type SurgeSettings = {
  /** How many earlier half-years form the baseline. */
  window: number;
  /** How many of them must have a known number of requests. */
  minHistory: number;
  /** How many spreads above the median a surge must be. */
  threshold: number;
  /** Fewer requests than this are never a surge. */
  minRequests: number;
};

export const defaultSurgeSettings: SurgeSettings = { window: 6, minHistory: 4, threshold: 3.5, minRequests: 10 };

export const madToStandardDeviation = 1.4826;

export type SurgeAssessment = {
  period: string;
  requests: number | null;
  baselineMedian: number | null;
  baselineMad: number | null;
  baselinePeriods: number;
  score: number | null;
  surge: boolean;
};

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function medianAbsoluteDeviation(values: readonly number[]): number {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Assesses every period of a contiguous, time-ordered series (see series.ts). */
export function assessSurges(
  series: readonly { period: string; requests: number | null }[],
  settings: SurgeSettings,
): SurgeAssessment[] {
  return series.map((point, i) => {
    const baseline = series
      .slice(Math.max(0, i - settings.window), i)
      .map((p) => p.requests)
      .filter((r): r is number => r !== null);
    const none = { period: point.period, requests: point.requests, baselinePeriods: baseline.length, surge: false };
    if (point.requests === null || baseline.length < settings.minHistory)
      return { ...none, baselineMedian: null, baselineMad: null, score: null };
    const m = median(baseline);
    const mad = medianAbsoluteDeviation(baseline);
    const score = (point.requests - m) / Math.max(madToStandardDeviation * mad, 1);
    return {
      ...none,
      baselineMedian: m,
      baselineMad: mad,
      score: round(score),
      surge: score > settings.threshold && point.requests >= settings.minRequests,
    };
  });
}
