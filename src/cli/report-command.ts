/**
 * `writ report`: a country's transparency report for a half-year, with its deadline figures, as JSON
 * or tables; `--kind user-data`: its user-data report (Meta's definitions, src/domain/data-report.ts).
 */
import { type Command, Option } from 'commander';
import { userDataReport } from '../app/data-reports.js';
import { countryReport, deadlinePerformance, type RegimePerformance } from '../app/reports.js';
import type { Config } from '../config.js';
import type { DataReport } from '../domain/data-report.js';
import { legalProcessTypes } from '../domain/data-request.js';
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

/** The user-data report as tables, its rows named by Meta's layout C columns. */
export function userDataTable(r: DataReport): string {
  const out = [`User-data report: ${r.country}, ${r.period}${r.containsDemoData ? '  (contains demo data)' : ''}`];
  out.push(
    `Requests: ${r.totalRequests}    Accounts: ${r.totalAccounts}    Some data produced: ${r.requestsSomeDataProduced} (${percent(r.percentSomeDataProduced)})`,
  );
  const t = plainTable(['Process', 'Requests', 'Accounts', 'Some data produced', 'Share']);
  const row = (name: string, f: DataReport['legalProcess']) =>
    t.push([name, f.requests, f.accounts, f.someDataProduced, percent(f.percent)]);
  row('Total', {
    requests: r.totalRequests,
    accounts: r.totalAccounts,
    someDataProduced: r.requestsSomeDataProduced,
    percent: r.percentSomeDataProduced,
  });
  row('Legal process', r.legalProcess);
  for (const p of legalProcessTypes) row(`  ${p}`, r.byProcess[p]);
  row('Emergency', r.emergency);
  out.push(t.toString());
  const other = plainTable(['Figure', 'Value']);
  other.push(['Preservation requests', r.preservationRequests]);
  other.push(['Preservation accounts preserved', r.preservationAccountsPreserved]);
  other.push(['Requests under a non-disclosure order', `${r.nonDisclosure.requests} (${percent(r.nonDisclosure.share)})`]);
  other.push(['Undecided requests (no account decided yet)', r.undecidedRequests]);
  out.push(other.toString());
  return out.join('\n');
}

export const reportKinds = ['removal', 'user-data'] as const;

export function registerReportCommand(program: Command, config: () => Config): void {
  program
    .command('report')
    .description("print a country's transparency report for a half-year")
    .requiredOption('--country <CC>', 'ISO 3166-1 alpha-2 country code, e.g. KZ')
    .requiredOption('--period <YYYY-HN>', 'half-year, e.g. 2021-H1')
    .addOption(formatOption())
    .addOption(
      new Option('--kind <kind>', 'removal: the removal report; user-data: requests for user data')
        .choices(reportKinds)
        .default('removal'),
    )
    .action(async (options: { country: string; period: string; format: OutputFormat; kind: (typeof reportKinds)[number] }) => {
      // Refused before the database is opened.
      const country = countryOption(options.country);
      const period = parseBegunPeriod(options.period, new Date(), 'period');
      if (options.kind === 'user-data') {
        const report = await withDatabase(config(), (writ) => userDataReport(writ, country, period));
        print(options.format, report, userDataTable);
        return;
      }
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
