// Mutation testing of the application layer (issue 14, decision 60): `npm run test:mutation:app`.
// The same plugins and settings as the domain's run (stryker.config.mjs), over src/app, with the
// use-case tests (vitest.mutation-app.config.ts, decision 62) instead of the unit tier: a use case
// called over Writ's context against a real PostgreSQL. Reports: reports/mutation/app.html and app.json.
import domain from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...domain,
  mutate: ['src/app/**/*.ts'],
  vitest: { configFile: 'vitest.mutation-app.config.ts', related: true },
  tsconfigFile: 'tsconfig.mutation-app.json',
  incrementalFile: 'reports/mutation/app-incremental.json',
  htmlReporter: { fileName: 'reports/mutation/app.html' },
  jsonReporter: { fileName: 'reports/mutation/app.json' },
  // A test file builds the app on a fresh database first.
  timeoutMS: 30_000,
  // The dry run starts the embedded server and runs the whole tier once: with the HTTP tests in the
  // tier it took over Stryker's default of 5 minutes on a loaded two-CPU machine.
  dryRunTimeoutMinutes: 20,
};
