/**
 * `writ import orders FILE.ndjson`: a platform's history moved into Writ (src/app/order-import.ts
 * does the work); this file shows progress on standard error and prints the summary.
 */
import { stat } from 'node:fs/promises';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { type ImportProgress, importOrders, type OrderImportSummary } from '../app/order-import.js';
import type { Config } from '../config.js';
import { WritError } from '../domain/errors.js';
import { withDatabase } from './database.js';
import { formatOption, type OutputFormat, plainTable, print } from './output.js';

const n = (value: number) => value.toLocaleString('en-US');

/** One bar per pass, on standard error; silent when it is not a terminal. */
function importBars(): ImportProgress & { stop(): void } {
  let bar: SingleBar | undefined;
  let phase = '';
  const show = (name: string, format: string, done: number, total: number) => {
    if (phase !== name) {
      bar?.stop();
      bar = new SingleBar({ format, hideCursor: true });
      bar.start(Math.max(total, 1), 0);
      phase = name;
    }
    bar!.update(done);
  };
  return {
    checking: (bytes, total) => show('checking', 'checking  |{bar}| {percentage}% of the file', bytes, total),
    writing: (orders, total) => show('writing', 'importing |{bar}| {percentage}% {value}/{total} orders', orders, total),
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

function summaryTable(s: OrderImportSummary): string {
  const table = plainTable();
  table.push(
    ['file', s.file],
    ['SHA-256', s.sha256],
    ['orders', n(s.orders)],
    ['items', n(s.items)],
    ['requests created', n(s.requestsCreated)],
    ['batches', n(s.chunks)],
    ['batches imported before (replayed)', n(s.chunksReplayed)],
  );
  return table.toString();
}

export function registerImportCommands(program: Command, config: () => Config): void {
  const imports = program.command('import').description('bring records kept elsewhere into Writ');
  imports
    .command('orders')
    .description(
      'import orders from FILE, one JSON order a line (each the body of POST /api/v1/requests): every line is checked ' +
        'first and nothing is written if one is bad; then the orders are written in batches of up to 1,000 items. ' +
        'Running it again creates nothing twice',
    )
    .argument('<file>', 'NDJSON file')
    .addOption(formatOption())
    .action(async (file: string, options: { format: OutputFormat }) => {
      // Before any database is opened.
      const found = await stat(file).catch(() => undefined);
      if (!found?.isFile()) throw new WritError('validation_failed', `${file} is not a file that can be read`, 'file');
      const bars = importBars();
      try {
        const summary = await withDatabase(config(), (writ) => importOrders(writ, file, bars));
        bars.stop();
        print(options.format, summary, summaryTable);
      } finally {
        bars.stop();
      }
    });
}
