/** `writ report`: a country's transparency report for a half-year, as JSON or a table. */
import Table from 'cli-table3';
import type { Config } from '../config.js';
import { openDatabase } from '../db/connection.js';
import { reportsRepository } from '../db/reports-repository.js';
import { WritError } from '../domain/errors.js';
import { parseBegunPeriod, periodBounds } from '../domain/period.js';
import type { DeadlinePerformance } from '../domain/regimes/sla.js';
import { assembleReport, type CountryReport, outcomeBucketKey, outcomeBuckets } from '../domain/report.js';
import { countryOption } from './options.js';

export async function report(
  config: Config,
  options: { country: string; period: string; format: string },
  now = new Date(),
): Promise<string> {
  const country = countryOption(options.country);
  const period = parseBegunPeriod(options.period, now, 'period');
  if (options.format !== 'json' && options.format !== 'table')
    throw new WritError('validation_failed', `--format must be json or table (got ${options.format})`, 'format');
  const database = await openDatabase(config, () => undefined);
  try {
    const reports = reportsRepository(database.db);
    const result = assembleReport(country, period, await reports.countryPeriod(country, period));
    const deadlines = await reports.deadlinePerformance({ country, ...periodBounds(period) });
    return options.format === 'json'
      ? JSON.stringify({ ...result, deadlines }, null, 2)
      : `${reportTable(result)}\n${deadlinesTable(deadlines)}`;
  } finally {
    await database.close();
  }
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

export function reportTable(r: CountryReport): string {
  const out: string[] = [`Transparency report: ${r.country}, ${r.period}${r.containsDemoData ? '  (contains demo data)' : ''}`];
  out.push(`Requests: ${r.requests}    Items: ${r.items}    Undecided requests (no reason yet): ${r.undecidedRequests}`);
  const section = (title: string, rows: Record<string, number>) => {
    const t = new Table({ head: [title, 'Requests'], style: { head: [], border: [] } });
    for (const [k, v] of Object.entries(rows)) t.push([k, v]);
    if (!Object.keys(rows).length) t.push(['(none)', 0]);
    out.push(t.toString());
  };
  section('Requester', r.requestsByRequesterKind);
  section('Kind', r.requestsByKind);
  section('Product', r.requestsByProduct);
  section('Reason', r.requestsByReason);
  const outcomes = new Table({ head: ['Item outcome', 'Items', 'Share of items'], style: { head: [], border: [] } });
  for (const bucket of outcomeBuckets) {
    const v = r.itemOutcomes[outcomeBucketKey(bucket)];
    outcomes.push([bucket, v.count, percent(v.share)]);
  }
  out.push(outcomes.toString());
  return out.join('\n');
}

export function deadlinesTable(rows: DeadlinePerformance[]): string {
  const t = new Table({
    head: ['Regime', 'Decided', 'Met on time', 'Share met', 'Median hours to decision'],
    style: { head: [], border: [] },
  });
  for (const r of rows) {
    t.push([r.regimeId ?? '(policy deadline)', r.decided, r.met, percent(r.shareMet), r.medianHoursToDecision ?? '—']);
  }
  if (!rows.length) t.push(['(no decided orders)', 0, 0, '—', '—']);
  return `Deadlines (decided orders received in the period)\n${t.toString()}`;
}
