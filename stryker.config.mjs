// Mutation testing (issue 14, decision 56): `npm run test:mutation`. Stryker changes the domain's
// code in small ways and runs the unit tests that cover each change; a change no test notices is a
// behaviour no test pins down. Reports: reports/mutation/index.html and mutation.json.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  // A static mutant changes code that runs only while a module loads (tables, constants): no test
  // can be linked to it, so Stryker would reload everything and run the whole tier for each one.
  // They are reported as ignored, not counted (decision 56).
  ignoreStatic: true,
  mutate: [
    'src/domain/**/*.ts',
    // Types and vocabularies only: nothing to mutate that a test could observe.
    '!src/domain/**/*.d.ts',
  ],
  ignorers: ['error-messages'],
  plugins: ['@stryker-mutator/*', './stryker/error-messages.mjs'],
  // A run after a small change re-tests only the mutants whose code or tests changed.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: null },
  concurrency: 2,
  timeoutMS: 10_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
