/**
 * The order in which a mutant's test files run (issue 14, decisions 61 and 63): the files most
 * likely to kill it first, then the fastest.
 *
 * Stryker runs a mutant's covering tests with `bail`, one file after another in one worker, so a
 * killed mutant costs every file that ran before the one that failed. Measured over two files of
 * the application layer, half the time of killed mutants went to files that ran before the killer,
 * and the killer was a file named after the mutated source in 99 of 101 mutants. So:
 *
 * 1. files that killed an earlier mutant of the same source file in this process, the latest first
 *    (the runner records them, stryker/kept-thread-runner.mjs: neighbouring mutants are mostly
 *    killed by the same tests);
 * 2. files named after the mutated source (`src/app/intake.ts`: `intake-use-cases.test.ts`,
 *    `intake-more-use-cases.test.ts`; `src/domain/redaction.ts`: `redaction.test.ts`);
 * 3. the rest by their duration in Vitest's results cache, shortest first; a file with no recorded
 *    duration by its size, smallest first, after those with one.
 *
 * Stryker names the mutated file (in its sandbox) as the run's only related file; a run without
 * one (the dry run) is ordered by duration alone.
 */
import { basename, relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Mutated source file → test files that killed its mutants, latest last; filled by the runner. */
const killersKey = Symbol.for('writ.mutation.killers');
type Killers = Map<string, string[]>;

function killersOf(source: string): string[] {
  const killers = (globalThis as { [killersKey]?: Killers })[killersKey];
  return killers?.get(source) ?? [];
}

export class KillerFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { cache, config } = this.ctx;
    const key = (spec: TestSpecification) => `${spec.project.name}:${relative(config.root, spec.moduleId)}`;
    const known = (spec: TestSpecification) => cache.getFileTestResults(key(spec))?.duration;
    const size = (spec: TestSpecification) => cache.getFileStats(key(spec))?.size ?? Number.MAX_SAFE_INTEGER;
    const source = config.related?.length === 1 ? config.related[0] : undefined;
    const killers = source ? killersOf(source) : [];
    const stem = source ? basename(source).replace(/\.[cm]?[jt]sx?$/, '') : undefined;
    const rank = (spec: TestSpecification) => {
      const killer = killers.lastIndexOf(spec.moduleId);
      if (killer >= 0) return killers.length - killer; // 1 for the latest killer
      const name = basename(spec.moduleId);
      if (stem && (name.startsWith(`${stem}-`) || name.startsWith(`${stem}.`))) return killers.length + 1;
      return Number.MAX_SAFE_INTEGER;
    };
    return [...files].sort((a, b) => {
      const [ra, rb] = [rank(a), rank(b)];
      if (ra !== rb) return ra - rb;
      const [da, db] = [known(a), known(b)];
      if (da !== undefined && db !== undefined) return da - db;
      if (da !== undefined) return -1;
      if (db !== undefined) return 1;
      return size(a) - size(b);
    });
  }
}
