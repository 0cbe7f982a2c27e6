/**
 * How hard the property tests try. In the suite, as each test says. Under mutation testing
 * (`npm run test:mutation`, vitest.mutation.config.ts provides `mutationTesting`), Stryker runs a
 * mutant's covering tests once per mutant, thousands of times in all: there a property tries a tenth
 * of its cases (at least 50), and a mutant that only rare cases would show is left to the suite's
 * full runs (decision 0057).
 */
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    mutationTesting: boolean;
  }
}

export const underMutationTesting: boolean = inject('mutationTesting') === true;

/** The number of cases for a property that tries `cases` in the suite. */
export function runs(cases: number): number {
  return underMutationTesting ? Math.max(50, Math.round(cases / 10)) : cases;
}
