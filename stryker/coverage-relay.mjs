// Loaded after Stryker's own setup file in every test file (stryker/kept-thread-runner.mjs). Stryker's
// setup file hands the coverage of the dry run and the hit count of a mutant run to Stryker through
// the test file's `meta`, set in an `afterAll` hook; Vitest 4.1 no longer reports a file's meta set
// there (measured: it arrives empty), so Stryker saw no coverage at all and ran every related test
// for every mutant (decision 60). This hook writes the same figures to a file the runner reads.
import { appendFileSync, writeFileSync } from 'node:fs';
import { afterAll, inject } from 'vitest';

const relay = inject('writCoverageRelay');
const ns = globalThis[inject('globalNamespace')];
if (relay && ns) {
  if (inject('mode') === 'mutant') {
    afterAll(() => appendFileSync(relay, `${ns.hitCount ?? 0}\n`));
  } else {
    // Test files share one global here (`isolate: false`), so the namespace's coverage is the
    // run's so far; the last file's write holds all of it.
    afterAll(() => writeFileSync(relay, JSON.stringify(ns.mutantCoverage ?? null)));
  }
}
