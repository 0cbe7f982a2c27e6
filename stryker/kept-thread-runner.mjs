/**
 * A Stryker test runner (issue 14, decision 58): Stryker's Vitest runner, with each mutant's tests
 * run in one worker thread that outlives the run instead of a new thread per mutant.
 *
 * Why: Stryker's runner calls `vitest.start()` once per mutant, and Vitest ends every run by
 * stopping its worker threads. The next mutant's run starts a new thread that loads Vitest, the
 * environment and every dependency again: measured here at about 550 ms for a test file whose tests
 * take 40 ms. Kept, the thread already holds node_modules; a run then costs about 80 ms.
 *
 * Writ's own modules (src/, test/) stay loaded from one run to the next too: mutants are switched
 * through a global, so a loaded module serves every mutant (decision 60). The exception is state: a
 * cache filled while a mutant was active (time.ts, countries.ts keep such caches) must not leak
 * into the next mutant's result. After a run whose mutant lies in a file listed in
 * ./stateful-modules.mjs, every module of Writ's own is dropped from the
 * thread's module cache, so the next run loads Writ afresh as a new thread would. Setup files
 * (stryker/, the root) load afresh for every run. The active mutant is cleared before a test file
 * loads (./reset-mutant.mjs), as a new thread would find it. The thread is replaced after
 * `recycleAfter` runs to bound what accumulates in it, and Stryker's own timeout handling still
 * kills the whole runner process.
 *
 * Vitest 4.1 no longer reports a test file's `meta` set in an `afterAll` hook, through which
 * Stryker's setup file reports each test's coverage and a mutant's hit count; ./coverage-relay.mjs
 * writes them to a file this runner reads instead (decision 60).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { INSTRUMENTER_CONSTANTS } from '@stryker-mutator/api/core';
import { commonTokens, declareFactoryPlugin, PluginKind, tokens } from '@stryker-mutator/api/plugin';
import { statefulModules } from './stateful-modules.mjs';

/** Where ./killer-first-sequencer.ts finds the killers this runner records (one process, two loaders). */
const killersKey = Symbol.for('writ.mutation.killers');

const require = createRequire(path.join(process.cwd(), 'package.json'));
const strykerVitest = path.dirname(require.resolve('@stryker-mutator/vitest-runner/package.json'));
const { VitestTestRunner } = await import(pathToFileURL(path.join(strykerVitest, 'dist/src/vitest-test-runner.js')).href);
const { normalizeCoverage } = await import(pathToFileURL(path.join(strykerVitest, 'dist/src/vitest-helpers.js')).href);
const vitestDist = path.join(path.dirname(require.resolve('vitest/package.json')), 'dist');

const poolName = 'writ-kept-thread';
const recycleAfter = 400;

/**
 * The one kept thread of this process, whether Vitest's worker in it has been started, and whether
 * the next run must load Writ's modules afresh (the last run's mutant could have filled a cache).
 */
const kept = { thread: undefined, started: false, runs: 0, reload: false };

/** Files of the project itself (not node_modules) that a reload loads afresh. */
function ownFiles(root) {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(?:[mc]?[jt]sx?)$/.test(entry.name)) files.push(file);
    }
  };
  for (const entry of fs.readdirSync(root, { withFileTypes: true }))
    if (entry.isFile() && /\.(?:[mc]?[jt]sx?)$/.test(entry.name)) files.push(path.join(root, entry.name));
  for (const dir of ['src', 'test', 'stryker']) if (fs.existsSync(path.join(root, dir))) walk(path.join(root, dir));
  return files;
}

/**
 * The project's own files and, of those, the ones outside src/ and test/ (what every run loads
 * afresh), listed once per process: Vitest creates a pool worker per run, and walking the project
 * for each of thousands of runs cost a directory walk apiece.
 */
const listed = new Map();
function projectFiles(root) {
  let files = listed.get(root);
  if (!files) {
    const own = ownFiles(root);
    files = { own, setup: own.filter((file) => !isUnder(root, file, ['src', 'test'])) };
    listed.set(root, files);
  }
  return files;
}

/** Whether `file` lies in one of the `dirs` of the project at `root`. */
function isUnder(root, file, dirs) {
  const [first] = path.relative(root, file).split(path.sep);
  return dirs.includes(first);
}

/**
 * Vitest's pool worker interface over the kept thread. Vitest creates one per run and stops it at
 * the run's end; `start` and `stop` are answered here after the first start, so the thread and the
 * Vitest worker inside it carry on.
 */
class KeptThreadWorker {
  name = poolName;
  reportMemory = false;
  #options;
  #listeners = [];

  constructor(options) {
    this.#options = options;
  }

  async start() {
    if (kept.thread) return;
    kept.thread = new Worker(path.join(vitestDist, 'workers/threads.js'), {
      env: this.#options.env,
      execArgv: this.#options.execArgv,
      stdout: true,
      stderr: true,
    });
    kept.thread.stdout.pipe(process.stdout);
    kept.thread.stderr.pipe(process.stderr);
    kept.started = false;
    kept.runs = 0;
  }

  on(event, listener) {
    kept.thread.on(event, listener);
    this.#listeners.push([event, listener]);
  }

  off(event, listener) {
    kept.thread?.off(event, listener);
    this.#listeners = this.#listeners.filter(([e, l]) => e !== event || l !== listener);
  }

  #answer(message) {
    setImmediate(() => {
      for (const [event, listener] of this.#listeners)
        if (event === 'message') listener({ ...message, __vitest_worker_response__: true });
    });
  }

  send(message) {
    if (message?.type === 'start') {
      if (kept.started) return this.#answer({ type: 'started' });
      kept.started = true;
    } else if (message?.type === 'stop') {
      return this.#answer({ type: 'stopped' });
    } else if (message?.type === 'run' || message?.type === 'collect') {
      kept.runs++;
      const project = this.#options.project;
      // Writ's modules stay loaded unless the last mutant could have left state behind; Stryker's
      // and Writ's setup files (stryker/, the root) load afresh for every test file regardless.
      const files = projectFiles(project.config.root);
      const reload = kept.reload ? files.own : files.setup;
      kept.reload = false;
      // The config the thread was started with is the first run's; Stryker changes the test name
      // filter per mutant, so each run brings the current one.
      message = {
        ...message,
        context: {
          ...message.context,
          config: project.serializedConfig,
          invalidates: [...(message.context.invalidates ?? []), ...reload],
        },
      };
    }
    kept.thread.postMessage(message);
  }

  async stop() {
    for (const [event, listener] of this.#listeners) kept.thread?.off(event, listener);
    this.#listeners = [];
    if (kept.runs >= recycleAfter) await closeKeptThread();
  }

  deserialize(data) {
    return data;
  }
}

async function closeKeptThread() {
  const thread = kept.thread;
  kept.thread = undefined;
  kept.started = false;
  if (thread) {
    thread.stdout.unpipe(process.stdout);
    thread.stderr.unpipe(process.stderr);
    await thread.terminate();
  }
}

const keptThreadPool = { name: poolName, createPoolWorker: (options) => new KeptThreadWorker(options) };

class KeptThreadTestRunner extends VitestTestRunner {
  static inject = VitestTestRunner.inject;

  /** Where ./coverage-relay.mjs writes what Stryker's setup file can no longer report (decision 60). */
  #relay = path.join(os.tmpdir(), `writ-stryker-relay-${process.pid}-${Date.now()}.txt`);

  async init() {
    await super.init();
    this.ctx.provide('writCoverageRelay', this.#relay);
    for (const project of this.ctx.projects) {
      project.config.pool = poolName;
      project.config.poolRunner = keptThreadPool;
      // The sandbox's copies, so that they are among the files each run loads afresh. Stryker's
      // own setup file is the first of `setupFiles` after its init.
      const own = (file) => path.join(project.config.root, 'stryker', file);
      const [strykerSetup, ...rest] = project.config.setupFiles;
      project.config.setupFiles = [own('reset-mutant.mjs'), strykerSetup, own('coverage-relay.mjs'), ...rest];
    }
  }

  /** Files whose mutants can leave state behind (./stateful-modules.mjs), as path endings. */
  #stateful = statefulModules.map((file) => path.sep + path.normalize(file));

  async run(options) {
    fs.rmSync(this.#relay, { force: true });
    return super.run(options);
  }

  async mutantRun(options) {
    try {
      const result = await super.mutantRun(options);
      this.#recordKiller();
      return result;
    } finally {
      // The mutant's file is named by its path in the project, not in this sandbox (a copy of it).
      if (this.#stateful.some((file) => options.activeMutant.fileName.endsWith(file))) kept.reload = true;
    }
  }

  /**
   * The test file that failed in this mutant's run, as the latest killer of the mutated file's
   * mutants: ./killer-first-sequencer.ts runs it first for the next mutant of that file.
   */
  #recordKiller() {
    const [source] = this.ctx.config.related ?? [];
    const failed = this.ctx.state.getFiles().find((file) => file.result?.state === 'fail');
    if (!source || !failed) return;
    globalThis[killersKey] ??= new Map();
    const killers = globalThis[killersKey].get(source) ?? [];
    globalThis[killersKey].set(source, [...killers.filter((file) => file !== failed.filepath), failed.filepath].slice(-4));
  }

  /** Each test's coverage from the dry run: from the file meta if Vitest reported it, else from the relay. */
  readMutantCoverage() {
    const reported = super.readMutantCoverage();
    if (reported) return reported;
    if (!fs.existsSync(this.#relay)) return undefined;
    const raw = JSON.parse(fs.readFileSync(this.#relay, 'utf8'));
    return raw ? normalizeCoverage(raw) : undefined;
  }

  /** How often the mutant ran in this run (Stryker's infinite-loop guard), summed over test files. */
  readHitCount() {
    const reported = super.readHitCount();
    if (reported > 0 || !fs.existsSync(this.#relay)) return reported;
    return fs
      .readFileSync(this.#relay, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .reduce((sum, line) => sum + Number(line), 0);
  }

  async dispose() {
    await super.dispose();
    await closeKeptThread();
    fs.rmSync(this.#relay, { force: true });
  }
}

function createKeptThreadTestRunner(injector) {
  return injector.provideValue('globalNamespace', INSTRUMENTER_CONSTANTS.NAMESPACE).injectClass(KeptThreadTestRunner);
}
createKeptThreadTestRunner.inject = tokens(commonTokens.injector);

export const strykerPlugins = [declareFactoryPlugin(PluginKind.TestRunner, 'vitest-kept-thread', createKeptThreadTestRunner)];
