/** Shared by the datasets tests: where the fixtures and the shared data are, zipping a folder, the readers. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { DatasetReaders } from '../../src/datasets/dataset-views.js';
import type { Db } from '../../src/db/connection.js';
import { datasetFiguresRepository } from '../../src/db/datasets-figures-repository.js';
import { datasetsRepository } from '../../src/db/datasets-repository.js';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const fixtures = path.join(repoRoot, 'test/fixtures/datasets');
/** The real published files, beside the repository (a CI checkout has a copy of shared/ next to it). */
export const sharedData = path.resolve(repoRoot, '../shared/data');
export const hasSharedData = existsSync(sharedData);

export const readers = (db: Db): DatasetReaders => ({ datasets: datasetsRepository(db), figures: datasetFiguresRepository(db) });

export const tempDir = () => mkdtemp(path.join(os.tmpdir(), 'writ-datasets-'));

/**
 * Zips `entries` (paths relative to `cwd`) into `zipFile` with the system `zip` command, as Google
 * ships its archive. Resolves false when `zip` is not installed, so the caller can skip.
 */
export async function zipFolder(cwd: string, entries: string[], zipFile: string): Promise<boolean> {
  try {
    await promisify(execFile)('zip', ['-q', '-r', '-X', zipFile, ...entries], { cwd });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
