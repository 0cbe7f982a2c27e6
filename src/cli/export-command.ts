/**
 * `writ export FORMAT --out PATH [--period YYYY-HN]`: the exports of `GET /api/v1/public/exports/:format`
 * (src/app/exports.ts) written to disk. A single-file format (eu-orders, lumen) writes PATH; a
 * multi-file format (google-removals, meta-data-requests, dsa-sor) writes its files into the
 * directory PATH, created if need be. Bad input is refused before the database is opened.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { exportFiles } from '../app/exports.js';
import type { Config } from '../config.js';
import { WritError } from '../domain/errors.js';
import { exportFormats, isMultiFile, parseExportFormat } from '../domain/exports/formats.js';
import { parseBegunPeriod } from '../domain/period.js';
import { withDatabase } from './database.js';

export function registerExportCommand(program: Command, config: () => Config): void {
  program
    .command('export')
    .description(`write Writ's figures in a published format: ${exportFormats.join(', ')}`)
    .argument('<format>', exportFormats.join(' | '))
    .requiredOption('--out <path>', 'the file to write (eu-orders, lumen) or the directory (the other formats)')
    .option('--period <YYYY-HN>', 'only this half-year, e.g. 2025-H1 (eu-orders: default the last half-year that has ended)')
    .action(async (formatText: string, options: { out: string; period?: string }) => {
      const format = parseExportFormat(formatText, 'FORMAT');
      const period = options.period === undefined ? null : parseBegunPeriod(options.period, new Date(), '--period');
      if (!options.out.trim()) throw new WritError('validation_failed', '--out must name a path', '--out');
      const files = await withDatabase(config(), (writ) => exportFiles(writ, format, period));
      if (isMultiFile(format)) {
        await mkdir(options.out, { recursive: true });
        for (const file of files) await writeFile(path.join(options.out, file.name), file.content);
        console.log(`wrote ${files.length} file${files.length === 1 ? '' : 's'} into ${options.out}`);
        for (const file of files) console.log(`  ${file.name}`);
      } else {
        const file = files[0]!;
        await mkdir(path.dirname(path.resolve(options.out)), { recursive: true });
        await writeFile(options.out, file.content);
        console.log(`wrote ${options.out} (${file.name})`);
      }
    });
}
