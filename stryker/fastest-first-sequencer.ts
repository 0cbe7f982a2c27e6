/**
 * The order in which a mutant's test files run (issue 14, decision 61): fastest first.
 *
 * Stryker runs a mutant's covering tests with `bail`, so a killed mutant costs only the files that
 * ran before the first failure, while Vitest's own order runs the longest files first (right for a
 * whole run on many workers, wrong here: one worker, stopping at the first failure). Files are
 * ordered by their duration in Vitest's results cache (written by the dry run), shortest first; a
 * file with no recorded duration by its size, smallest first, after those with one.
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

export class FastestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { cache, config } = this.ctx;
    const key = (spec: TestSpecification) => `${spec.project.name}:${relative(config.root, spec.moduleId)}`;
    const known = (spec: TestSpecification) => cache.getFileTestResults(key(spec))?.duration;
    const size = (spec: TestSpecification) => cache.getFileStats(key(spec))?.size ?? Number.MAX_SAFE_INTEGER;
    return [...files].sort((a, b) => {
      const [da, db] = [known(a), known(b)];
      if (da !== undefined && db !== undefined) return da - db;
      if (da !== undefined) return -1;
      if (db !== undefined) return 1;
      return size(a) - size(b);
    });
  }
}
