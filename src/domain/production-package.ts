/**
 * A production's package (issue 11): the files produced for a data order, zipped under `files/`
 * with a `manifest.json` that names the order (its reference and the authority's), what was
 * produced for which account, and each file's size and SHA-256, so that the authority can check
 * what it received against the record Writ keeps. Pure: bytes in, bytes out (fflate, no native code).
 * docs/decisions/0044-production-packages.md.
 */
import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { AccountIdentifierKind, DataCategory, LegalProcess, ProductionExtent } from './data-request.js';
import { WritError } from './errors.js';

/** How much one production may carry: the package is built in memory, so these stay modest. */
export const productionLimits = {
  /** Files in one production. */
  maxFiles: 50,
  /** One file, in bytes (100 MiB). */
  maxFileBytes: 100 * 1024 * 1024,
  /** All files together, in bytes (100 MiB). */
  maxTotalBytes: 100 * 1024 * 1024,
} as const;

export type ProducedFile = { name: string; bytes: Uint8Array };
export type ManifestFile = { name: string; size: number; sha256: string };
export type ManifestAccount = {
  identifierKind: AccountIdentifierKind;
  identifier: string;
  extent: Exclude<ProductionExtent, 'none'>;
  producedCategories: DataCategory[];
};
export type ProductionManifest = {
  reference: string;
  authorityReference: string | null;
  requestId: string;
  authority: string;
  legalProcess: LegalProcess;
  producedAt: string;
  availableUntil: string;
  accounts: ManifestAccount[];
  files: ManifestFile[];
};

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The package's own name: `<reference>-production-<n>.zip`, n counting the order's productions from 1. */
export const packageFileName = (reference: string, n: number): string => `${reference}-production-${n}.zip`;

/** When a production stops being downloadable: `days` after it was produced. */
export const productionAvailableUntil = (producedAt: Date, days: number): Date =>
  new Date(producedAt.getTime() + days * 24 * 60 * 60 * 1000);

/**
 * A file's name inside the package: the last part of what was sent (no folders), without control
 * characters or characters a file system refuses, at most 150 characters; `file` when nothing is left.
 */
export function producedFileName(name: string | null | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 150)
    .trim();
  return clean === '' ? 'file' : clean;
}

/** Names made unique without regard to case: the second `a.csv` becomes `a (2).csv`. */
export function uniqueFileNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    let candidate = name;
    for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${stem} (${n})${ext}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** Checks the files of a production (at least one, none empty, within the limits) and gives them clean, unique names. */
export function checkProducedFiles(
  files: readonly ProducedFile[],
  limits: { maxFiles: number; maxFileBytes: number; maxTotalBytes: number } = productionLimits,
): ProducedFile[] {
  if (files.length === 0) throw new WritError('validation_failed', 'a production has at least one file', 'files');
  if (files.length > limits.maxFiles)
    throw new WritError('validation_failed', `a production has at most ${limits.maxFiles} files`, 'files');
  let total = 0;
  files.forEach((f, n) => {
    if (f.bytes.length === 0) throw new WritError('validation_failed', `file ${f.name} is empty`, `files[${n}]`);
    if (f.bytes.length > limits.maxFileBytes)
      throw new WritError('payload_too_large', `a produced file may be at most ${limits.maxFileBytes} bytes`, `files[${n}]`);
    total += f.bytes.length;
  });
  if (total > limits.maxTotalBytes)
    throw new WritError('payload_too_large', `a production may be at most ${limits.maxTotalBytes} bytes in all`, 'files');
  const names = uniqueFileNames(files.map((f) => producedFileName(f.name)));
  return files.map((f, n) => ({ name: names[n]!, bytes: f.bytes }));
}

/** The accounts a production is for: those decided all or some; an order where none is cannot produce. */
export function producedAccounts(
  accounts: readonly {
    identifierKind: AccountIdentifierKind;
    identifier: string;
    extent: ProductionExtent | null;
    producedCategories: DataCategory[];
  }[],
): ManifestAccount[] {
  const produced: ManifestAccount[] = [];
  for (const a of accounts) {
    if (a.extent === 'all' || a.extent === 'some') {
      produced.push({
        identifierKind: a.identifierKind,
        identifier: a.identifier,
        extent: a.extent,
        producedCategories: [...a.producedCategories],
      });
    }
  }
  if (produced.length === 0) {
    throw new WritError(
      'invalid_transition',
      'no account of this order is decided as data produced (all or some): decide the accounts first, then deliver what was produced',
    );
  }
  return produced;
}

/** The manifest of a package: the order, the accounts produced for, and each file's size and SHA-256. */
export function buildManifest(
  order: Omit<ProductionManifest, 'files' | 'producedAt' | 'availableUntil'>,
  files: readonly ProducedFile[],
  producedAt: Date,
  availableUntil: Date,
): ProductionManifest {
  return {
    reference: order.reference,
    authorityReference: order.authorityReference,
    requestId: order.requestId,
    authority: order.authority,
    legalProcess: order.legalProcess,
    producedAt: producedAt.toISOString(),
    availableUntil: availableUntil.toISOString(),
    accounts: order.accounts,
    files: files.map((f) => ({ name: f.name, size: f.bytes.length, sha256: sha256Hex(f.bytes) })),
  };
}

/** The zip: `manifest.json` and `files/<name>` for each file, dated at the production's instant. */
export function buildPackage(manifest: ProductionManifest, files: readonly ProducedFile[]): { zip: Uint8Array; sha256: string } {
  const mtime = new Date(manifest.producedAt);
  const entries: Record<string, Uint8Array> = { 'manifest.json': strToU8(`${JSON.stringify(manifest, null, 2)}\n`) };
  for (const f of files) entries[`files/${f.name}`] = f.bytes;
  const zip = zipSync(entries, { level: 6, mtime });
  return { zip, sha256: sha256Hex(zip) };
}

/** A package read back: its manifest and files (for checking one, e.g. in tests or by a recipient's tool). */
export function readPackage(zip: Uint8Array): { manifest: ProductionManifest; files: Map<string, Uint8Array> } {
  const entries = unzipSync(zip);
  const manifestBytes = entries['manifest.json'];
  if (!manifestBytes) throw new WritError('validation_failed', 'the package has no manifest.json');
  const files = new Map<string, Uint8Array>();
  for (const [path, bytes] of Object.entries(entries)) {
    if (path.startsWith('files/')) files.set(path.slice('files/'.length), bytes);
  }
  return { manifest: JSON.parse(strFromU8(manifestBytes)) as ProductionManifest, files };
}
