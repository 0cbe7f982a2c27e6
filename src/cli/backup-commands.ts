/**
 * `writ backup FILE` and `writ restore FILE` (decision 0030). The work and all SQL are in
 * src/db/backup*.ts; this file shows progress and prints the outcome.
 */
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import type { Config } from '../config.js';
import { writeBackup } from '../db/backup.js';
import { checkMigrations, knownMigrations, readBackupHeader, totalRows } from '../db/backup-format.js';
import { restoreBackup } from '../db/backup-restore.js';
import { withDatabase } from './database.js';

const n = (value: number) => value.toLocaleString('en-US');

/** Rows done out of the snapshot's rows, on standard error; silent when it is not a terminal. */
function rowsBar(verb: string) {
  let bar: SingleBar | undefined;
  return {
    update(done: number, total: number) {
      if (!bar) {
        bar = new SingleBar({ format: `${verb} |{bar}| {percentage}% {value}/{total} rows`, hideCursor: true });
        bar.start(Math.max(total, 1), 0);
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

export function registerBackupCommands(program: Command, config: () => Config): void {
  program
    .command('backup')
    .description('write every table, as of one instant, to FILE (gzip); Writ may keep running and taking writes meanwhile')
    .argument('<file>')
    .option('--force', 'replace FILE if it exists')
    .action(async (file: string, options: { force?: boolean }) => {
      const bar = rowsBar('backup ');
      try {
        // The tables' owner: the serving role may not read the migration record, lock the histories or set sequences.
        await withDatabase(
          config(),
          async (_writ, database) => {
            const {
              header,
              bytes,
              file: written,
            } = await writeBackup(database.pool, file, {
              overwrite: options.force,
              onProgress: bar.update,
            });
            bar.stop();
            const rows = totalRows(header);
            console.log(
              `backup written: ${written} (${n(bytes)} bytes): ${header.tables.length} tables, ${n(rows)} rows, ` +
                `${header.sequences.length} sequences as of ${header.snapshotAt}, from ${database.description}`,
            );
          },
          { as: 'owner' },
        );
      } finally {
        bar.stop();
      }
    });

  program
    .command('restore')
    .description(
      'load a backup into an empty Writ database (a new WRIT_DATA_DIR, or an empty database for DATABASE_URL); all or nothing',
    )
    .argument('<file>')
    .action(async (file: string) => {
      // A file that is no backup, or one from a newer Writ, is refused before any database is opened.
      const header = await readBackupHeader(file);
      checkMigrations(file, header.migrations, knownMigrations());
      const bar = rowsBar('restore');
      try {
        // The tables' owner, as for a backup.
        await withDatabase(
          config(),
          async (_writ, database) => {
            const { rows } = await restoreBackup(database.pool, file, { onProgress: bar.update });
            bar.stop();
            console.log(
              `restored ${file} into ${database.description}: ${header.tables.length} tables, ${n(rows)} rows, ` +
                `as of ${header.snapshotAt}`,
            );
          },
          { as: 'owner' },
        );
      } finally {
        bar.stop();
      }
    });
}
