import { defineConfig } from 'vitest/config';
import { KillerFirstSequencer } from './stryker/killer-first-sequencer.js';

/**
 * The unit tier alone, for Stryker (issue 14, decision 56): no projects and no global setup, so no
 * database starts; mutants are only active inside the test process, so only in-process tests can
 * kill them. Test files share their modules (`isolate: false`): Stryker switches mutants through a
 * global, so the instrumented code is loaded once instead of once per test file and mutant.
 * `npm run test:unit` runs the same files, isolated, under vitest.config.ts.
 */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    // Tests that run Writ in a child process or read source files as text run no mutant.
    exclude: [
      'test/unit/exit-code.test.ts',
      'test/unit/web-imports.test.ts',
      'test/unit/application-layer.test.ts',
      'test/unit/i18n-catalogue.test.ts',
    ],
    reporters: ['default'],
    isolate: false,
    // A mutant's test files run those likeliest to kill it first: the first failure ends its run (bail).
    sequence: { sequencer: KillerFirstSequencer },
    // Property tests try fewer cases per mutant (test/support/property-runs.ts).
    provide: { mutationTesting: true },
  },
});
