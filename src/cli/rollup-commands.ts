/**
 * `writ db rebuild-rollups` and `writ db check-rollups` (issue 9): the report's rollups recomputed
 * from the base tables (src/db/rollups.ts), and compared with a GROUP BY over them
 * (src/db/rollup-check.ts). This file shows progress and prints the outcome.
 */
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import type { Config } from '../config.js';
import { checkRollups, type RollupCheck } from '../db/rollup-check.js';
import { rebuildRollups } from '../db/rollups.js';
import { withDatabase } from './database.js';
import { formatOption, type OutputFormat, plainTable, print } from './output.js';

const n = (value: number) => value.toLocaleString('en-US');

/** Work done out of the whole, on standard error; silent when it is not a terminal. */
function progressBar(verb: string, unit: string) {
  let bar: SingleBar | undefined;
  return {
    update(done: number, total: number) {
      if (!bar) {
        bar = new SingleBar({ format: `${verb} |{bar}| {percentage}% {value}/{total} ${unit}`, hideCursor: true });
        bar.start(Math.max(total, 1), 0);
      }
      bar.setTotal(Math.max(total, 1));
      bar.update(done);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

type RebuildSummary = { requests: number; countryPeriods: number; seconds: number; database: string };

const shown = (value: unknown) => (value === null ? '(none)' : String(value));

function checkTable(check: RollupCheck): string {
  if (check.differences.length === 0)
    return `the rollups match the GROUP BY over the requests: ${n(check.countryPeriods)} country-periods checked`;
  const t = plainTable(['Country', 'Period', 'Figure', 'Field', 'Rollups', 'GROUP BY']);
  for (const d of check.differences) t.push([d.country, d.period, d.figure, d.field, shown(d.rollup), shown(d.scan)]);
  const periods = new Set(check.differences.map((d) => `${d.country} ${d.period}`));
  return (
    `${t.toString()}\n${n(check.differences.length)} difference(s) in ${n(periods.size)} of ${n(check.countryPeriods)} ` +
    'country-periods; `writ db rebuild-rollups` recomputes the rollups'
  );
}

export function registerRollupCommands(db: Command, config: () => Config): void {
  db.command('rebuild-rollups')
    .description(
      "recompute the report's rollups from the requests, items and decisions, in one transaction (writers and reports wait meanwhile)",
    )
    .addOption(formatOption())
    .action(async (options: { format: OutputFormat }) => {
      const bar = progressBar('rebuild', 'requests');
      try {
        // The tables' owner: a rebuild truncates the rollups, which the serving role may not.
        const summary = await withDatabase(
          config(),
          async (writ, database): Promise<RebuildSummary> => {
            const started = performance.now();
            const { requests } = await rebuildRollups(database.db, bar.update);
            bar.stop();
            const seconds = Math.round(performance.now() - started) / 1000;
            const countryPeriods = (await writ.reports.availablePeriods()).length;
            return { requests, countryPeriods, seconds, database: database.description };
          },
          { as: 'owner' },
        );
        print(
          options.format,
          summary,
          (s) =>
            `rollups rebuilt from ${n(s.requests)} requests (${n(s.countryPeriods)} country-periods) in ${s.seconds} s: ${s.database}`,
        );
      } finally {
        bar.stop();
      }
    });

  db.command('check-rollups')
    .description(
      "compare every country-period's figures read from the rollups with a GROUP BY over the requests; exit status 1 if any differ",
    )
    .addOption(formatOption())
    .action(async (options: { format: OutputFormat }) => {
      const bar = progressBar('check', 'country-periods');
      try {
        const check = await withDatabase(config(), async (_writ, database) => {
          const result = await checkRollups(database.db, bar.update);
          bar.stop();
          return result;
        });
        print(options.format, check, checkTable);
        if (check.differences.length > 0) process.exitCode = 1;
      } finally {
        bar.stop();
      }
    });
}
