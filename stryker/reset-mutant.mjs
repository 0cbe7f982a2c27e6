// Loaded before Stryker's own setup file in every test file (stryker/kept-thread-runner.mjs): a
// test file's top-level code runs with no mutant active, as it would in a new worker thread, not
// with the one the kept thread's previous run left behind. `__stryker__` is Stryker's global
// namespace (INSTRUMENTER_CONSTANTS.NAMESPACE).
const ns = globalThis.__stryker__;
if (ns) ns.activeMutant = undefined;
