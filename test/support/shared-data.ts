/**
 * The published data and reference texts beside the repository (`../shared/data`, each folder with
 * its SOURCE.txt, and `../shared/reference`), found by walking up from this file: from a clone that
 * is `../shared`; from Stryker's sandbox (`.stryker-tmp/sandbox-…/`) it is further up, and a fixed
 * relative path would miss it there, leaving the tests that read it skipped under mutation testing.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findShared(part: 'data' | 'reference'): string | null {
  let dir = dirname(import.meta.dirname);
  for (;;) {
    const candidate = join(dir, 'shared', part);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** The absolute path of `shared/data`, or null where it is not present. */
export const sharedData: string | null = findShared('data');

/** The absolute path of `shared/reference`, or null where it is not present. */
export const sharedReference: string | null = findShared('reference');
