/**
 * Files of Writ's own whose code fills state kept between calls (a cache filled on first use), for
 * the kept thread (stryker/kept-thread-runner.mjs, decision 60). The thread keeps Writ's modules
 * loaded from one mutant's run to the next; after a run whose mutant lies in one of these files,
 * every module of Writ's own is loaded afresh, so that a value a mutant put in a cache cannot sway
 * the next mutant's verdict.
 *
 * List the module that holds the cache and every module of Writ's own whose code runs while the
 * cache is filled. Tables built once at load need not be listed: no mutant is active while a module
 * loads.
 */
export const statefulModules = [
  'src/domain/regimes/time.ts', // checked zones, wall-clock formatters (filled by its own code)
  'src/domain/countries.ts', // names per locale (its own code)
  'src/domain/datasets/countries.ts', // published names to codes (its own code and countries.ts)
  'src/app/officers.ts', // the dummy hash that evens out an unknown officer's sign-in time (its own line)
];
