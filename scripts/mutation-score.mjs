#!/usr/bin/env node
/**
 * The mutation score of the last whole run (issue 14, decision 61): the last step of
 * `npm run test:mutation`, after Stryker's run over the domain (reports/mutation/mutation.json) and
 * over the application layer (reports/mutation/app.json). Prints each layer's score and both
 * together — detected (killed, timed out) over valid mutants (those plus survivors and mutants no
 * test reaches); mutants that do not compile and static ones are not counted — and fails when a
 * layer is under the floor of 85 %.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { countMutants, percentDetected } from './mutation-counts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const floor = 85;
const layers = [
  { name: 'domain', report: 'reports/mutation/mutation.json' },
  { name: 'application layer', report: 'reports/mutation/app.json' },
];

/** Every file's mutants of a report, counted together. */
function tally(report) {
  return countMutants(Object.values(report.files).flatMap((file) => file.mutants));
}

const line = (name, counts) =>
  `${name.padEnd(18)} ${percentDetected(counts).toFixed(1).padStart(5)} %  (${counts.detected} of ${counts.valid} valid mutants detected)`;

const total = { detected: 0, valid: 0 };
const under = [];
for (const layer of layers) {
  const file = path.join(root, layer.report);
  if (!existsSync(file)) {
    console.error(`mutation score: ${layer.report} is missing; run npm run test:mutation`);
    process.exit(1);
  }
  const counts = tally(JSON.parse(readFileSync(file, 'utf8')));
  total.detected += counts.detected;
  total.valid += counts.valid;
  console.log(line(layer.name, counts));
  if (percentDetected(counts) < floor) under.push(layer.name);
}
console.log(line('both', total));
if (under.length > 0) {
  console.error(`mutation score: ${under.join(' and ')} under the floor of ${floor} %`);
  process.exit(1);
}
