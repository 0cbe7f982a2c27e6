/** Timing and the statistics the table shows. */

export type Latency = { runs: number; p50: number; p95: number; min: number; max: number };

/** The value below which `share` of the sorted values lie (nearest rank). */
export function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}

export function latency(ms: readonly number[]): Latency {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    min: sorted[0]!,
    max: sorted.at(-1)!,
  };
}

export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

/**
 * Runs `work` `warmup` times unmeasured, then at least `minRuns` and at most `maxRuns` times, stopping
 * once `budgetMs` is spent (a slow baseline gets few runs, a fast lookup many); the last result is kept.
 */
export async function repeat<T>(
  work: () => Promise<T>,
  options: { warmup: number; minRuns: number; maxRuns: number; budgetMs: number },
): Promise<{ latency: Latency; result: T }> {
  let result: T | undefined;
  for (let i = 0; i < options.warmup; i++) result = await work();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < options.maxRuns && (times.length < options.minRuns || performance.now() - start < options.budgetMs)) {
    const run = await timed(work);
    times.push(run.ms);
    result = run.result;
  }
  return { latency: latency(times), result: result as T };
}
