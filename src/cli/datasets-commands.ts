/**
 * `writ datasets import|stats|surges|ranking|list`: other platforms' published transparency data
 * from the command line. The work is in src/datasets (reading, importing, views); this file only
 * parses options and prints.
 */
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { countryPeriodStats, type DatasetIndex, datasetIndex, importPublishedData, ranking, surges } from '../app/datasets.js';
import type { Config } from '../config.js';
import type { RankingEntry, SurgeEntry } from '../datasets/dataset-views.js';
import type { ImportPhase, ImportReport } from '../datasets/import-dataset.js';
import { nextPeriod } from '../domain/datasets/periods.js';
import { datasetSources, parseDatasetSource } from '../domain/datasets/sources.js';
import type { DatasetStats } from '../domain/datasets/statistics.js';
import { WritError } from '../domain/errors.js';
import { parseBegunPeriod } from '../domain/period.js';
import { withDatabase } from './database.js';
import { jurisdictionOption } from './options.js';
import { formatOption, type OutputFormat, plainTable, print } from './output.js';

const n = (value: number | null) => (value === null ? '—' : value.toLocaleString('en-US'));

/** `2019-H1 … 2021-H2, 2023-H1`: consecutive half-years as runs. */
export function periodRuns(periods: string[]): string {
  const runs: string[][] = [];
  for (const p of [...new Set(periods)].sort()) {
    const run = runs.at(-1);
    if (run && nextPeriod(run.at(-1)!) === p) run.push(p);
    else runs.push([p]);
  }
  return runs.map((run) => (run.length > 1 ? `${run[0]} … ${run.at(-1)}` : run[0])).join(', ');
}

export function importReportText(r: ImportReport): string {
  const out: string[] = [];
  if (r.warnings.length) {
    out.push(`Warnings (${r.warnings.length}):`);
    for (const w of r.warnings) out.push(`  ${w.file}${w.line === null ? '' : `:${w.line}`}: ${w.message}`);
    out.push('');
  }
  out.push(
    r.unchanged
      ? `${r.source}: these files were imported before (import ${r.importId}, vintage ${r.vintage}); nothing changed.`
      : `${r.source}: imported vintage ${r.vintage} (import ${r.importId}).`,
  );
  const files = plainTable(['File', 'Part', 'Rows read']);
  for (const f of r.files) files.push([f.name, f.role, n(f.rowsRead)]);
  out.push(files.toString());
  if (r.ignoredFiles.length) {
    const shown = r.ignoredFiles.slice(0, 4).join(', ');
    const more = r.ignoredFiles.length > 4 ? ` and ${r.ignoredFiles.length - 4} more` : '';
    out.push(`Ignored (not part of this dataset): ${shown}${more}`);
  }
  out.push(`Rows read: ${n(r.rowsRead)}   Rows stored: ${n(r.rowsStored)}   Warnings: ${n(r.warnings.length)}`);
  if (!r.unchanged) {
    out.push(
      `Periods (part × half-year): ${r.periodsAdded.length} added, ${r.periodsReplaced.length} replaced, ${r.periodsKept.length} kept from a newer vintage`,
    );
    const kept = new Map<string, string[]>();
    for (const k of r.periodsKept) kept.set(`${k.part}|${k.vintage}`, [...(kept.get(`${k.part}|${k.vintage}`) ?? []), k.period]);
    for (const [key, periods] of kept) {
      const [part, vintage] = key.split('|');
      out.push(`Kept from the newer vintage ${vintage}: ${part} ${periodRuns(periods)}`);
    }
  }
  for (const companion of r.companions ?? []) out.push('', importReportText(companion));
  return out.join('\n');
}

export function statsTable(s: DatasetStats): string {
  const out = [`${s.source}: ${s.country}, ${s.period}`];
  if (s.source === 'meta-content-restrictions') {
    const t = plainTable();
    t.push(
      ['Items restricted', n(s.itemsRestricted)],
      ['Items restricted to date', n(s.itemsRestrictedToDate)],
      ['Internet disruptions', n(s.internetDisruptions)],
    );
    out.push(t.toString());
    if (s.itemsRestrictedByProduct) {
      const products = plainTable(['Product (as Meta publishes it)', 'Items']);
      for (const [k, v] of Object.entries(s.itemsRestrictedByProduct)) products.push([k, n(v)]);
      out.push(products.toString());
    }
  } else if (s.source === 'meta-data-requests') {
    const share = s.shareSomeDataProduced === null ? '—' : `${(s.shareSomeDataProduced * 100).toFixed(1)}%`;
    const t = plainTable();
    t.push(
      ['Requests', n(s.requests)],
      ['Accounts requested', n(s.accountsRequested)],
      ['Some data produced', share],
      ['Legal process requests', n(s.legalProcessRequests)],
      ['Emergency requests', n(s.emergencyRequests)],
    );
    out.push(t.toString());
  } else {
    out.push(`Requests: ${n(s.requests)}   Items: ${n(s.items)}   Requests to date: ${n(s.requestsToDate)}`);
    for (const [title, rows] of [
      ['Product', s.requestsByProduct],
      ['Reason', s.requestsByReason],
      ['Requester', s.requestsByRequester],
    ] as const) {
      const t = plainTable([title, 'Requests']);
      for (const [k, v] of Object.entries(rows)) t.push([k, n(v)]);
      if (!Object.keys(rows).length) t.push(['(none)', 0]);
      out.push(t.toString());
    }
    const head = s.itemOutcomesExact ? 'Item outcome (exact)' : 'Item outcome (estimated; exact values: --format json)';
    const t = plainTable([head, 'Items']);
    // Whole items on screen; an estimate is marked ≈ (the JSON keeps the value it was rounded from).
    for (const [k, v] of Object.entries(s.itemOutcomes)) t.push([k, Number.isInteger(v) ? n(v) : `≈ ${n(Math.round(v))}`]);
    out.push(t.toString());
  }
  for (const w of s.warnings) out.push(`warning: ${w}`);
  return out.join('\n');
}

export function surgesTable(surges: SurgeEntry[]): string {
  if (!surges.length) return 'No surges.';
  const t = plainTable(['Country', 'Period', 'Requests', 'Baseline median', 'MAD', 'Score']);
  for (const s of surges)
    t.push([`${s.country} ${s.countryName}`, s.period, n(s.requests), s.baselineMedian, s.baselineMad, s.score]);
  return t.toString();
}

export function rankingTable(countries: RankingEntry[]): string {
  const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
  const t = plainTable(['#', 'Country', 'Requests', 'Items/accounts', 'Gov. criticism', 'Nat. security', 'Surge']);
  for (const c of countries)
    t.push([
      c.rank || '—',
      `${c.country} ${c.countryName}`,
      n(c.requests),
      n(c.items ?? c.accounts),
      pct(c.governmentCriticismShare),
      pct(c.nationalSecurityShare),
      c.surge ? 'surge' : '',
    ]);
  return t.toString();
}

export function indexText(index: DatasetIndex): string {
  const t = plainTable(['Imported at', 'Source', 'Vintage', 'Rows stored', 'Warnings', 'Import']);
  for (const i of index.imports) t.push([i.importedAt, i.source, i.vintage, n(i.rowsStored), n(i.warningCount), i.id]);
  const coverage = index.sources.map(
    (c) => `${c.source}: ${c.periods[0]} – ${c.periods.at(-1)} (${c.periods.length} half-years), newest vintage ${c.vintage}`,
  );
  return [t.toString(), ...coverage].join('\n');
}

/** A country, or EU: Google publishes requests from the European Union's bodies. */

/** A half-year that has begun: no one has published a later one. */
function checkPeriod(text: string): string {
  parseBegunPeriod(text, new Date(), 'period');
  return text;
}

function checkCount(text: string, option: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    throw new WritError(
      'validation_failed',
      `${option} must be a whole number of 0 or more (got ${text})`,
      option.replace(/^--/, ''),
    );
  return value;
}

/** A progress bar on standard error, one per phase; silent when standard error is not a terminal. */
function progressBar() {
  const units: Record<ImportPhase, string> = { read: 'bytes', parse: 'steps', store: 'rows' };
  let bar: SingleBar | undefined;
  let phase: ImportPhase | undefined;
  return {
    update(next: ImportPhase, done: number, total: number) {
      if (next !== phase) {
        bar?.stop();
        phase = next;
        bar = new SingleBar({
          format: `${next.padEnd(5)} |{bar}| {percentage}% {value}/{total} ${units[next]}`,
          hideCursor: true,
        });
        bar.start(Math.max(total, 1), 0);
      }
      bar?.setTotal(Math.max(total, 1));
      bar?.update(done);
    },
    stop: () => bar?.stop(),
  };
}

export function registerDatasetsCommands(program: Command, config: () => Config): void {
  const datasets = program
    .command('datasets')
    .description("other platforms' published transparency data: import, statistics, rankings, surges");

  datasets
    .command('import')
    .description(`import a published dataset: SOURCE is ${datasetSources.join(', ')}; PATH a folder, a zip or a file`)
    .argument('<source>')
    .argument('<path>')
    .addOption(formatOption())
    .action(async (sourceText: string, target: string, options: { format: OutputFormat }) => {
      const source = parseDatasetSource(sourceText);
      const bar = progressBar();
      try {
        const report = await withDatabase(config(), (writ) => importPublishedData(writ, source, target, bar.update));
        bar.stop();
        print(options.format, report, importReportText);
      } finally {
        bar.stop();
      }
    });

  datasets
    .command('stats')
    .description('statistics of one country and half-year in a source')
    .argument('<source>')
    .requiredOption('--country <CC>', 'ISO 3166-1 alpha-2 country code, e.g. KZ')
    .requiredOption('--period <YYYY-HN>', 'half-year, e.g. 2021-H1')
    .addOption(formatOption())
    .action(async (sourceText: string, options: { country: string; period: string; format: OutputFormat }) => {
      const source = parseDatasetSource(sourceText);
      const country = jurisdictionOption(options.country);
      const period = checkPeriod(options.period);
      const stats = await withDatabase(config(), async (writ) => countryPeriodStats(writ, source, country, period));
      print(options.format, stats, statsTable);
    });

  datasets
    .command('surges')
    .description('periods whose requests exceed a robust baseline of the country’s earlier periods (docs/methodology.md)')
    .requiredOption('--source <source>', datasetSources.join(', '))
    .option('--min-requests <N>', 'fewer requests are never a surge (default: WRIT_SURGE_MIN_REQUESTS)')
    .option('--country <CC>', 'only this country')
    .option('--period <YYYY-HN>', 'only this half-year')
    .addOption(formatOption())
    .action(
      async (options: { source: string; minRequests?: string; country?: string; period?: string; format: OutputFormat }) => {
        const source = parseDatasetSource(options.source);
        const filter = {
          minRequests: options.minRequests === undefined ? undefined : checkCount(options.minRequests, '--min-requests'),
          country: options.country === undefined ? undefined : jurisdictionOption(options.country),
          period: options.period === undefined ? undefined : checkPeriod(options.period),
        };
        const result = await withDatabase(config(), async (writ) => surges(writ, source, filter));
        print(options.format, result, (r) => surgesTable(r.surges));
      },
    );

  datasets
    .command('ranking')
    .description('countries ranked by requests in a half-year')
    .requiredOption('--source <source>', datasetSources.join(', '))
    .requiredOption('--period <YYYY-HN>', 'half-year, e.g. 2021-H1')
    .option('--limit <N>', 'only the first N countries')
    .addOption(formatOption())
    .action(async (options: { source: string; period: string; limit?: string; format: OutputFormat }) => {
      const source = parseDatasetSource(options.source);
      const period = checkPeriod(options.period);
      const limit = options.limit === undefined ? undefined : checkCount(options.limit, '--limit');
      const result = await withDatabase(config(), async (writ) => ranking(writ, source, period, limit));
      print(options.format, result, (r) => rankingTable(r.countries));
    });

  datasets
    .command('list')
    .description('imports so far, newest first, and the periods each source covers')
    .addOption(formatOption())
    .action(async (options: { format: OutputFormat }) => {
      print(options.format, await withDatabase(config(), datasetIndex), indexText);
    });
}
