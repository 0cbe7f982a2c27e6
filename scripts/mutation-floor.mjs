#!/usr/bin/env node
/**
 * The mutation floor (issue 14, decisions 57 and 61): `npm run test:mutation:changed`, run by CI.
 * For each layer in turn — the domain (stryker.config.mjs, the unit tier) and the application layer
 * (stryker.app.config.mjs, the database tier) — with that layer's own baseline:
 *
 * 1. Reads the committed baseline (reports/mutation/stryker-incremental.json for the domain,
 *    app-incremental.json for the application layer): the last whole run's result, with the source
 *    of every file it mutated. A layer without a committed baseline is skipped, with a message.
 * 2. Lists the files to mutate (stryker.config.mjs's `mutate`) whose source is not the baseline's:
 *    the files this change touches.
 * 3. Runs Stryker on those files alone, every mutant of them again (`force`): a result reused from
 *    the baseline can be stale — a survivor no test covers per test (a module-level table) stays
 *    "Survived" though today's tests kill it. Vitest runs only the test files related to a touched
 *    file (`related`), the same as a whole run; a file that no test imports yet makes Stryker stop
 *    ("no tests were executed"), and the run is then repeated with every test file, so its mutants
 *    count as not covered (under the floor) instead (the domain's unit tier; the application layer's
 *    database tier imports every use case through the app).
 * 4. Fails, naming each surviving mutant, when a touched file scores under the floor (85 %).
 *
 * 5. With `--record` (`npm run test:mutation:changed -- --record`), and only when every touched file
 *    is at or above the floor, writes their fresh results into the baseline: each of their mutants
 *    was just run against today's tests, so the baseline then holds what a whole run would say of
 *    them, and the same change no longer counts as touched. Test ids are per run, so the recorded
 *    mutants keep their statuses but not the ids of the tests that covered or killed them.
 *
 * `npm run test:mutation` (a whole run of both layers) rewrites both baselines.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { countMutants, percentDetected } from './mutation-counts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const floor = 85;
const layers = [
  {
    name: 'domain',
    configFile: 'stryker.config.mjs',
    baselineFile: 'reports/mutation/stryker-incremental.json',
    workFile: 'reports/mutation/changed-incremental.json',
    reportFile: 'reports/mutation/changed.json',
  },
  {
    name: 'application layer',
    configFile: 'stryker.app.config.mjs',
    baselineFile: 'reports/mutation/app-incremental.json',
    workFile: 'reports/mutation/changed-app-incremental.json',
    reportFile: 'reports/mutation/changed-app.json',
  },
];

/** Git's answer, trimmed; asked with safe.directory so that a clone owned by another user still answers. */
const git = (...args) => execFileSync('git', ['-c', 'safe.directory=*', ...args], { cwd: root, encoding: 'utf8' }).trim();

/** The tracked and new (not ignored) files that the config's `mutate` globs select. */
function filesToMutate(config) {
  const specs = config.mutate.map((glob) => (glob.startsWith('!') ? `:(exclude,glob)${glob.slice(1)}` : `:(glob)${glob}`));
  const listed = git('ls-files', '--cached', '--others', '--exclude-standard', '--', ...specs);
  return [...new Set(listed.split('\n').filter((file) => file !== ''))].sort();
}

function readJson(file) {
  return JSON.parse(readFileSync(path.join(root, file), 'utf8'));
}

/** A file's score (scripts/mutation-counts.mjs). */
function fileScore(mutants) {
  const counts = countMutants(mutants);
  return { ...counts, score: percentDetected(counts) };
}

/** Runs one layer's floor; false when a touched file is under it or Stryker failed. */
async function floorOf({ name, configFile, baselineFile, workFile, reportFile }) {
  const config = (await import(path.join(root, configFile))).default;
  if (!existsSync(path.join(root, baselineFile))) {
    // Without a baseline every file would count as touched: a whole run, not a floor. Make one first.
    console.log(`mutation floor (${name}): no baseline ${baselineFile} yet (npm run test:mutation writes it); skipped.`);
    return true;
  }
  const baseline = readJson(baselineFile);
  // The commit that last wrote the baseline: a file the baseline lacks (Stryker leaves out files with
  // no mutant, types only) is touched when it changed since then, or is not committed yet.
  const baselineCommit = git('log', '-1', '--format=%H', '--', baselineFile);
  function changedSinceBaseline(file) {
    if (baselineCommit === '') return true;
    return git('status', '--porcelain', '--', file) !== '' || git('diff', '--name-only', baselineCommit, '--', file) !== '';
  }
  const touched = filesToMutate(config).filter((file) => {
    const before = baseline.files[file];
    if (before === undefined) return changedSinceBaseline(file);
    return before.source !== readFileSync(path.join(root, file), 'utf8');
  });

  if (touched.length === 0) {
    console.log(`mutation floor (${name}): no file to mutate differs from ${baselineFile}; nothing to run.`);
    return true;
  }
  console.log(`mutation floor (${name}): ${touched.length} touched file(s):\n  ${touched.join('\n  ')}`);

  mkdirSync(path.join(root, 'reports/mutation'), { recursive: true });
  copyFileSync(path.join(root, baselineFile), path.join(root, workFile));
  // The run's own options: Stryker's command line takes no nested option (the JSON report's name).
  const runConfig = `reports/mutation/changed-${name === 'domain' ? 'domain' : 'app'}.config.mjs`;
  /** Runs Stryker on the touched files; `related`: only the test files that import them (Vitest's related mode). */
  function runStryker(related) {
    writeFileSync(
      path.join(root, runConfig),
      `import base from '../../${configFile}';
  export default {
    ...base,
    mutate: ${JSON.stringify(touched)},
    force: true,
    vitest: { ...base.vitest, related: ${related} },
    incrementalFile: ${JSON.stringify(workFile)},
    reporters: ['progress', 'json'],
    jsonReporter: { fileName: ${JSON.stringify(reportFile)} },
  };
  `,
    );
    return spawnSync('npx', ['stryker', 'run', runConfig], { cwd: root, stdio: 'inherit' }).status;
  }
  let status = runStryker(true);
  if (status !== 0) {
    console.error(
      `mutation floor (${name}): Stryker stopped; again with every test file of the tier (a touched file may be imported by no test yet)`,
    );
    status = runStryker(false);
  }
  if (status !== 0) {
    console.error(`mutation floor: Stryker exited with ${status}`);
    return false;
  }

  const report = readJson(reportFile);
  const below = [];
  for (const file of touched) {
    const result = report.files[file];
    if (result === undefined) continue; // No mutant in it (types only).
    const { detected, valid, score } = fileScore(result.mutants);
    const line = `${file}: ${score.toFixed(1)} % (${detected} of ${valid} mutants detected)`;
    if (score >= floor) {
      console.log(`  ok     ${line}`);
      continue;
    }
    console.log(`  BELOW  ${line}`);
    below.push(file);
    for (const mutant of result.mutants.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage')) {
      const at = `${file}:${mutant.location.start.line}:${mutant.location.start.column}`;
      console.log(`         ${mutant.status.padEnd(10)} ${at} ${mutant.mutatorName} → ${JSON.stringify(mutant.replacement)}`);
    }
  }
  if (below.length > 0) {
    console.error(`mutation floor: ${below.length} touched file(s) under ${floor} %. Add tests that notice the mutants above.`);
    return false;
  }
  console.log(`mutation floor (${name}): every touched file at or above ${floor} %.`);

  if (process.argv.includes('--record')) {
    const recorded = readJson(baselineFile);
    for (const file of touched) {
      const result = report.files[file];
      if (result === undefined) continue;
      recorded.files[file] = {
        ...result,
        mutants: result.mutants.map(({ coveredBy: _covered, killedBy: _killed, ...mutant }) => mutant),
      };
    }
    // As Stryker writes it (two-space indent, no final newline), so the diff shows only these files.
    writeFileSync(path.join(root, baselineFile), JSON.stringify(recorded, null, 2));
    console.log(`mutation floor: recorded ${touched.length} file(s) in ${baselineFile}; commit it with the change.`);
  }
  return true;
}

let ok = true;
for (const layer of layers) ok = (await floorOf(layer)) && ok;
process.exit(ok ? 0 : 1);
