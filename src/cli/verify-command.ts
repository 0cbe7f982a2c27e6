/**
 * Issue 13 — `writ verify --site URL|DIR`: checks a published site's transparency log from outside
 * (src/app/verify-site.ts): no database, only the site's files. Exit 0 with a summary when everything
 * holds; exit 1 with `writ verify: <record id or checkpoint>: <what failed>` at the first failure.
 */
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { directoryReader, urlReader, VerifyFailure, type VerifyProgress, verifySite } from '../app/verify-site.js';
import type { Config } from '../config.js';

/** A bar on a terminal; otherwise a line per 10 % on standard error. */
export function verifyProgress(stream: NodeJS.WriteStream = process.stderr): VerifyProgress & { stop(): void } {
  let bar: SingleBar | undefined;
  let lastTenth = -1;
  const update = (done: number, total: number) => {
    if (stream.isTTY) {
      if (!bar) {
        bar = new SingleBar({ format: 'verifying |{bar}| {percentage}% {value}/{total} records', hideCursor: true, stream });
        bar.start(Math.max(total, 1), 0);
      }
      bar.update(done);
      return;
    }
    const tenth = total === 0 ? 10 : Math.floor((done * 10) / total);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      stream.write(`writ verify: ${tenth * 10}% (${done}/${total} records)\n`);
    }
  };
  return Object.assign(update, {
    stop() {
      bar?.stop();
      bar = undefined;
    },
  });
}

export function registerVerifyCommand(program: Command, _config: () => Config): void {
  program
    .command('verify')
    .description(
      "check a published site's transparency log from outside: signatures, consistency between checkpoints, every record's leaf and inclusion proof",
    )
    .requiredOption('--site <url-or-dir>', 'the site: an http(s) URL or a directory written by writ publish')
    .action(async (options: { site: string }) => {
      const reader = /^https?:\/\//i.test(options.site) ? urlReader(options.site) : directoryReader(options.site);
      const progress = verifyProgress();
      try {
        const s = await verifySite(reader, progress);
        progress.stop();
        console.log(
          `writ verify: ${reader.describe}: OK — ${s.records} records (${s.withdrawn} withdrawn) in a log of ${s.treeSize} entries, ` +
            `${s.checkpoints} checkpoints signed by ${s.key.split('+')[0]}, ${s.consistencyProofs} consistency proofs`,
        );
      } catch (error) {
        progress.stop();
        if (error instanceof VerifyFailure) {
          console.error(`writ verify: ${error.subject}: ${error.what}`);
          process.exitCode = 1;
          return;
        }
        console.error(`writ verify: ${reader.describe}: ${(error as Error).message}`);
        process.exitCode = 1;
      }
    });
}
