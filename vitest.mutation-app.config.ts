import { defineConfig } from 'vitest/config';
import { KillerFirstSequencer } from './stryker/killer-first-sequencer.js';

/**
 * The tier for Stryker's run over the application layer (issue 14, decisions 60 and 62):
 * `npm run test:mutation:app`. The use-case tests (`test/integration/*-use-cases.test.ts`) call a use
 * case as the routes and the CLI call it, over Writ's context on a fresh copy of the migrated
 * template (test/support/writ.ts), on the suite's embedded server.
 *
 * Only they: the layer is measured by its own tests, as the domain is by the unit tier. The HTTP
 * tests (the app through `app.inject`, a signed-in session, every route's schema) pin the web
 * contract and stay in the suite's database tiers; here they would cost each mutant a Fastify app
 * and an argon2 sign-in per covering file, and the dry run alone minutes (decision 62).
 */
export default defineConfig({
  test: {
    include: ['test/integration/*-use-cases.test.ts'],
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
    // A mutant's test files run those likeliest to kill it first: the first failure ends its run (bail).
    sequence: { sequencer: KillerFirstSequencer },
    reporters: ['default'],
  },
});
