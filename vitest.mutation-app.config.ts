import { defineConfig } from 'vitest/config';
import { FastestFirstSequencer } from './stryker/fastest-first-sequencer.js';

/**
 * The database tier for Stryker's run over the application layer (issue 14, decision 60):
 * `npm run test:mutation:app`. The use cases are driven through the real app (`app.inject`) against
 * a real PostgreSQL, each test file on a fresh copy of the migrated template, as in the `db:*` tiers
 * (vitest.config.ts), on the suite's embedded server.
 *
 * Left out: tests that run Writ as a child process (no mutant is active there), and the sweeps
 * that send every route hostile, valid or fuzzed input, replay the demo, build the static site or
 * read the full published data. They take minutes, and a mutant must wait for every test that covers
 * it; the use cases they reach are each tested directly by a file kept here.
 */
export default defineConfig({
  test: {
    include: ['test/integration/**/*.test.ts'],
    exclude: [
      // a child process
      'test/integration/*-cli.test.ts',
      'test/integration/{audit-chain,backup,cli-input,data-report,mail-command,order-import,publish-verify,report,rollup-commands,verify-site,two-processes}.test.ts',
      // sweeps over every route, the demo, the static site, the full published data
      'test/integration/{fuzz-routes,hostile-input,valid-input-api,personal-data-leak,openapi-document,web-app,compression}.test.ts',
      'test/integration/{demo-*,static-site*,datasets-real-data,public-records-broad,rollups-property}.test.ts',
      'test/integration/{rate-limits,sign-in-limits,serving-role,audit-serving-role}.test.ts',
    ],
    globalSetup: ['./test/support/global-setup.ts'],
    provide: {
      // Always the suite's own embedded server, which does not flush commits to disk (decision 61):
      // each mutant writes and drops databases, several times cheaper there than on a durable server.
      databaseTarget: 'embedded',
      mutationTesting: true,
    },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    isolate: false,
    // A mutant's test files run fastest first: the first failure ends its run (bail).
    sequence: { sequencer: FastestFirstSequencer },
    reporters: ['default'],
  },
});
