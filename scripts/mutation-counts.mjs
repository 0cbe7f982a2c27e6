/**
 * Stryker's score, as the mutation scripts count it (issue 14): detected (killed, timed out) over
 * valid mutants (those plus survivors and mutants no test reaches); compile errors and ignored
 * (static) mutants are not counted.
 */
export function countMutants(mutants) {
  let detected = 0;
  let valid = 0;
  for (const mutant of mutants) {
    if (mutant.status === 'Killed' || mutant.status === 'Timeout') detected += 1;
    if (['Killed', 'Timeout', 'Survived', 'NoCoverage'].includes(mutant.status)) valid += 1;
  }
  return { detected, valid };
}

export const percentDetected = ({ detected, valid }) => (valid === 0 ? 100 : (100 * detected) / valid);
