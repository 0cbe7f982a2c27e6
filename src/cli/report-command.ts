/** `writ report`: a country's transparency report for a half-year, with its deadline figures, as JSON or tables. */
import type { Command } from 'commander';
import { countryReport, deadlinePerformance, type RegimePerformance } from '../app/reports.js';
import type { Config } from '../config.js';
import { parseBegunPeriod } from '../domain/period.js';
import { type CountryReport, outcomeBucketKey, outcomeBuckets } from '../domain/report.js';
import { withDatabase } from './database.js';
import { countryOption } from './options.js';
import { formatOption, type OutputFormat, plainTable, print } from './output.js';

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

export function reportTable(r: CountryReport): string {
  const out: string[] = [`Transparency report: ${r.country}, ${r.period}${r.containsDemoData ? '  (contains demo data)' : ''}`];
  out.push(`Requests: ${r.requests}    Items: ${r.items}    Undecided requests (no reason yet): ${r.undecidedRequests}`);
  const section = (title: string, rows: Record<string, number>) => {
    const t = plainTable([title, 'Requests']);
    for (const [k, v] of Object.entries(rows)) t.push([k, v]);
    if (!Object.keys(rows).length) t.push(['(none)', 0]);
    out.push(t.toString());
  };
  section('Requester', r.requestsByRequesterKind);
  section('Kind', r.requestsByKind);
  section('Product', r.requestsByProduct);
  section('Reason', r.requestsByReason);
  const outcomes = plainTable(['Item outcome', 'Items', 'Share of items']);
  for (const bucket of outcomeBuckets) {
    const v = r.itemOutcomes[outcomeBucketKey(bucket)];
    outcomes.push([bucket, v.count, percent(v.share)]);
  }
  out.push(outcomes.toString());
  return out.join('\n');
}

export function deadlinesTable(rows: RegimePerformance[]): string {
  const t = plainTable(['Regime', 'Decided', 'Met on time', 'Share met', 'Median hours to decision']);
  for (const r of rows) {
    t.push([r.regimeId ?? '(policy deadline)', r.decided, r.met, percent(r.shareMet), r.medianHoursToDecision ?? '—']);
  }
  if (!rows.length) t.push(['(no decided orders)', 0, 0, '—', '—']);
  return `Deadlines (decided orders received in the period)\n${t.toString()}`;
}

export function registerReportCommand(program: Command, config: () => Config): void {
  program
    .command('report')
    .description("print a country's transparency report for a half-year")
    .requiredOption('--country <CC>', 'ISO 3166-1 alpha-2 country code, e.g. KZ')
    .requiredOption('--period <YYYY-HN>', 'half-year, e.g. 2021-H1')
    .addOption(formatOption())
    .action(async (options: { country: string; period: string; format: OutputFormat }) => {
      // Refused before the database is opened.
      const country = countryOption(options.country);
      const period = parseBegunPeriod(options.period, new Date(), 'period');
      const report = await withDatabase(config(), async (writ) => {
        const [figures, deadlines] = await Promise.all([
          countryReport(writ, country, period),
          deadlinePerformance(writ, country, period),
        ]);
        return { ...figures, deadlines: deadlines.rows };
      });
      print(options.format, report, (r) => `${reportTable(r)}\n${deadlinesTable(r.deadlines)}`);
    });
}
