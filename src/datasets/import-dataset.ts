/**
 * `writ datasets import SOURCE PATH`: read the files, recognise an earlier import of the same files
 * (nothing changes), parse them (src/domain/datasets), and store them in one transaction
 * (src/db/datasets-repository.ts), reporting progress phase by phase.
 */
import { createHash } from 'node:crypto';
import type { DatasetsRepository, ImportedFile, NewImport, StoredImport } from '../db/datasets-repository.js';
import { dataFilesOf } from '../domain/datasets/dataset-files.js';
import { parseGoogleArchive } from '../domain/datasets/google-archive.js';
import { parseGoogleJson } from '../domain/datasets/google-json.js';
import { parseMetaRequests } from '../domain/datasets/meta-requests.js';
import { parseMetaRestrictions } from '../domain/datasets/meta-restrictions.js';
import type { DatasetSource, DataWarning, PartPeriod, SourceFile } from '../domain/datasets/sources.js';
import type { Holding } from '../domain/datasets/vintages.js';
import { readSourceFiles } from './source-files.js';

export type ImportPhase = 'read' | 'parse' | 'store';
export type ImportProgress = (phase: ImportPhase, done: number, total: number) => void;

export type ImportReport = {
  importId: string;
  source: DatasetSource;
  vintage: string;
  /** true when these very files were imported before: nothing changed. */
  unchanged: boolean;
  files: ImportedFile[];
  ignoredFiles: string[];
  rowsRead: number;
  rowsStored: number;
  periodsAdded: PartPeriod[];
  periodsReplaced: PartPeriod[];
  periodsKept: Holding[];
  warnings: DataWarning[];
  /** The sources imported with this one from the same files (Meta's content restrictions with its requests). */
  companions?: ImportReport[];
};

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

type Parsed = Omit<NewImport, 'contentHash' | 'files'> & {
  files: { name: string; role: string; rowsRead: number }[];
  ignoredFiles: string[];
};

/** Parses the files of a source into rows and findings; refuses files it cannot understand. */
export function parseSource(source: DatasetSource, files: SourceFile[]): Parsed {
  switch (source) {
    case 'google-removals': {
      const a = parseGoogleArchive(files);
      return {
        source,
        vintage: a.vintage,
        rowsRead: a.rowsRead,
        warnings: a.warnings,
        coverage: a.coverage,
        files: a.files,
        ignoredFiles: a.ignoredFiles,
        data: { source, productRows: a.productRows, requesterRows: a.requesterRows, summaryRows: a.summaryRows },
      };
    }
    case 'google-removals-json': {
      const j = parseGoogleJson(files);
      const { rows, ...rest } = j;
      return { source, ...rest, data: { source, rows } };
    }
    case 'meta-data-requests': {
      const m = parseMetaRequests(files);
      const { rows, ...rest } = m;
      return { source, ...rest, data: { source, rows } };
    }
    case 'meta-content-restrictions': {
      const { rows, ...rest } = parseMetaRestrictions(files);
      return { source, ...rest, data: { source, rows } };
    }
  }
}

/**
 * The identity of an import: a hash over each data file's role and content hash, so the same files
 * read from a folder or from the zip they came in are recognised as one.
 */
export function contentHash(source: DatasetSource, files: { role: string; sha256: string }[]): string {
  const lines = files.map((f) => `${f.role}:${f.sha256}`).sort();
  return createHash('sha256')
    .update(`${source}\n${lines.join('\n')}`)
    .digest('hex');
}

/**
 * Sources whose files are published together with another's, imported with it: Meta's download holds
 * its government requests and its content restrictions side by side (and the requests files carry
 * the internet disruptions), so `writ datasets import meta-data-requests FOLDER` reads both.
 */
const companions: Partial<Record<DatasetSource, DatasetSource[]>> = {
  'meta-data-requests': ['meta-content-restrictions'],
};

type Prepared = {
  source: DatasetSource;
  hash: string;
  ignored: string[];
  earlier: StoredImport | undefined;
  parsed: Parsed | null;
  hashes: Map<string, string>;
  bytes: Map<string, number>;
};

async function prepare(repository: DatasetsRepository, source: DatasetSource, files: SourceFile[]): Promise<Prepared> {
  // The same files again are recognised from their hashes, before anything is parsed.
  const { data, ignored } = dataFilesOf(source, files);
  const hashes = new Map(data.map((f) => [f.name, sha256(f.bytes)]));
  const hash = contentHash(
    source,
    data.map((f) => ({ role: f.role, sha256: hashes.get(f.name)! })),
  );
  const earlier = await repository.findImport(source, hash);
  return {
    source,
    hash,
    ignored,
    earlier,
    parsed: earlier ? null : parseSource(source, data),
    hashes,
    bytes: new Map(data.map((f) => [f.name, f.bytes.length])),
  };
}

async function store(repository: DatasetsRepository, p: Prepared, progress?: ImportProgress): Promise<ImportReport> {
  const report = (stored: StoredImport, unchanged: boolean, periodsAdded: PartPeriod[]): ImportReport => ({
    importId: stored.id,
    source: p.source,
    vintage: stored.vintage,
    unchanged,
    files: stored.files,
    ignoredFiles: p.ignored,
    rowsRead: stored.rowsRead,
    rowsStored: unchanged ? 0 : stored.rowsStored,
    periodsAdded: unchanged ? [] : periodsAdded,
    periodsReplaced: unchanged ? [] : stored.periodsReplaced,
    periodsKept: unchanged ? [] : stored.periodsKept,
    warnings: stored.warnings,
  });
  if (p.earlier || !p.parsed) return report(p.earlier!, true, []);
  const imported: ImportedFile[] = p.parsed.files.map((f) => ({
    ...f,
    sha256: p.hashes.get(f.name)!,
    bytes: p.bytes.get(f.name)!,
  }));
  const { stored, unchanged, plan } = await repository.storeImport(
    { ...p.parsed, files: imported, contentHash: p.hash },
    (done, total) => progress?.('store', done, total),
  );
  return report(stored, unchanged, plan.add);
}

/**
 * Imports a source's files, and those of its companion sources found beside them. Every file is
 * parsed (and a malformed one refused, naming file and line) before anything is stored.
 */
export async function importDataset(
  repository: DatasetsRepository,
  source: DatasetSource,
  target: string,
  progress?: ImportProgress,
): Promise<ImportReport> {
  const files = await readSourceFiles(target, (done, total) => progress?.('read', done, total));
  const present = (companions[source] ?? []).filter((c) => dataFilesOf(c, files).data.length > 0);
  progress?.('parse', 0, 1 + present.length);
  const main = await prepare(repository, source, files);
  const others: Prepared[] = [];
  for (const companion of present) {
    progress?.('parse', 1 + others.length, 1 + present.length);
    others.push(await prepare(repository, companion, files));
  }
  progress?.('parse', 1 + present.length, 1 + present.length);
  // A companion's files are not "ignored" by the import that read them.
  const taken = new Set(present.flatMap((c) => dataFilesOf(c, files).data.map((f) => f.name)));
  main.ignored = main.ignored.filter((name) => !taken.has(name));
  const report = await store(repository, main, progress);
  const companionReports: ImportReport[] = [];
  for (const p of others) companionReports.push(await store(repository, p, progress));
  return companionReports.length ? { ...report, companions: companionReports } : report;
}
