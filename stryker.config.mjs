// Mutation testing (issue 14, decision 56): `npm run test:mutation`. Stryker changes the domain's
// code in small ways and runs the unit tests that cover each change; a change no test notices is a
// behaviour no test pins down. Reports: reports/mutation/index.html and mutation.json.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  // Stryker's Vitest runner, with one worker thread kept for all of a process's mutants instead of
  // a new one per mutant (stryker/kept-thread-runner.mjs, decision 58).
  testRunner: 'vitest-kept-thread',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  // TypeScript's verdict on each mutant, checked as a copy of its file beside the original
  // (stryker/copies-checker.mjs, decision 58); mutants that do not compile are not run.
  checkers: ['typescript-copies'],
  tsconfigFile: 'tsconfig.mutation.json',
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
  plugins: [
    '@stryker-mutator/vitest-runner',
    './stryker/kept-thread-runner.mjs',
    './stryker/copies-checker.mjs',
    './stryker/error-messages.mjs',
  ],
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
