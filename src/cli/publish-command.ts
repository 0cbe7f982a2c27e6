/**
 * `writ publish --out DIR [--site-url URL]` (issue 13): the whole public site as static files
 * (src/app/static-site.ts) — pages in English, Russian and Kazakh, records, downloads, feeds and the
 * transparency log — that any web server can host. DIR is replaced only once everything is written.
 * Progress: a bar on a terminal, otherwise a line per tenth; then a summary.
 */
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { type PublishProgress, publishSite } from '../app/static-site.js';
import type { Config } from '../config.js';
import { WritError } from '../domain/errors.js';
import { withDatabase } from './database.js';

const n = (value: number) => value.toLocaleString('en-US');

/** A bar on standard error when it is a terminal; otherwise a line at each 10 % step. */
function progressReporter(stream: NodeJS.WriteStream = process.stderr) {
  let bar: SingleBar | undefined;
  let lastTenth = -1;
  return {
    update({ done, total }: PublishProgress) {
      if (stream.isTTY) {
        if (!bar) {
          bar = new SingleBar({ format: 'publish |{bar}| {percentage}% {value}/{total} files', hideCursor: true, stream });
          bar.start(total, 0);
        }
        bar.setTotal(total);
        bar.update(done);
        return;
      }
      const tenth = Math.floor((10 * done) / Math.max(total, 1));
      if (tenth > lastTenth) {
        lastTenth = tenth;
        stream.write(`publish: ${tenth * 10}% (${n(done)}/${n(total)} files)\n`);
      }
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

export function parseSiteUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new WritError(
      'validation_failed',
      '--site-url must be an absolute http(s) URL such as https://transparency.example.org/',
      '--site-url',
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new WritError(
      'validation_failed',
      '--site-url must be an absolute http(s) URL such as https://transparency.example.org/',
      '--site-url',
    );
  return url.toString();
}

export function registerPublishCommand(program: Command, config: () => Config): void {
  program
    .command('publish')
    .description(
      'write the whole public site (pages in en, ru, kk, records, downloads, feeds, the transparency log) as static files into DIR, replacing it once complete',
    )
    .requiredOption('--out <dir>', 'the folder to write the site into (replaced when the new site is complete)')
    .option('--site-url <url>', "the site's public address, for citations and feeds (default: WRIT_PUBLIC_URL)")
    .action(async (options: { out: string; siteUrl?: string }) => {
      if (!options.out.trim()) throw new WritError('validation_failed', '--out must name a folder', '--out');
      const settings = config();
      const siteUrl = parseSiteUrl(options.siteUrl ?? settings.publicUrl);
      const progress = progressReporter();
      try {
        const summary = await withDatabase(settings, (writ) =>
          publishSite(writ, { outDir: options.out, siteUrl, onProgress: progress.update }),
        );
        progress.stop();
        console.log(
          `published ${summary.outDir}: ${n(summary.files)} files, ${n(summary.records)} records ` +
            `(${n(summary.withdrawn)} withdrawn), ${n(summary.bytes)} bytes in ${summary.seconds.toFixed(1)} s`,
        );
      } finally {
        progress.stop();
      }
    });
}
