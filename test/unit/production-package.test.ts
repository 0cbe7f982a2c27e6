/** A production's package (issue 11): clean unique names, the manifest's SHA-256s, the zip read back. */
import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { WritError } from '../../src/domain/errors.js';
import {
  buildManifest,
  buildPackage,
  checkProducedFiles,
  producedAccounts,
  producedFileName,
  productionAvailableUntil,
  readPackage,
  uniqueFileNames,
} from '../../src/domain/production-package.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const order = {
  reference: 'WR-000042',
  authorityReference: 'KZ-17',
  requestId: '6f1c2a4e-0000-4000-8000-000000000001',
  authority: 'Ministry of Information',
  legalProcess: 'court_order' as const,
  accounts: [],
};

describe('produced file names', () => {
  it('keep no folders, control characters or leading dots, and never come out empty', () => {
    expect(producedFileName('../../etc/passwd')).toBe('passwd');
    expect(producedFileName('C:\\Users\\x\\log.csv')).toBe('log.csv');
    expect(producedFileName('a\u0000b\u202e.csv')).toBe('ab.csv');
    expect(producedFileName('..')).toBe('file');
    expect(producedFileName('.hidden')).toBe('hidden');
    expect(producedFileName('what?.txt')).toBe('what_.txt');
    expect(producedFileName(undefined)).toBe('file');
  });

  it('are made unique regardless of case, keeping the extension', () => {
    expect(uniqueFileNames(['a.csv', 'A.csv', 'a.csv', 'b'])).toEqual(['a.csv', 'A (2).csv', 'a (3).csv', 'b']);
  });
});

describe('checking the files', () => {
  const file = (name: string, size: number) => ({ name, bytes: new Uint8Array(size).fill(65) });
  it('refuses none, empty ones, too many and too large', () => {
    const limits = { maxFiles: 2, maxFileBytes: 10, maxTotalBytes: 15 };
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as WritError).code;
      }
      return 'passed';
    };
    expect(code(() => checkProducedFiles([], limits))).toBe('validation_failed');
    expect(code(() => checkProducedFiles([file('a', 0)], limits))).toBe('validation_failed');
    expect(code(() => checkProducedFiles([file('a', 1), file('b', 1), file('c', 1)], limits))).toBe('validation_failed');
    expect(code(() => checkProducedFiles([file('a', 11)], limits))).toBe('payload_too_large');
    expect(code(() => checkProducedFiles([file('a', 8), file('b', 8)], limits))).toBe('payload_too_large');
    expect(checkProducedFiles([file('x/a', 8), file('A', 7)], limits).map((f) => f.name)).toEqual(['a', 'A (2)']);
  });
});

describe('the accounts produced for', () => {
  it('are those decided all or some; none of them is an order that cannot produce', () => {
    const account = (identifier: string, extent: 'all' | 'some' | 'none' | null) => ({
      identifierKind: 'username' as const,
      identifier,
      extent,
      producedCategories: [],
    });
    expect(producedAccounts([account('a', 'all'), account('b', 'none'), account('c', 'some')]).map((a) => a.identifier)).toEqual([
      'a',
      'c',
    ]);
    expect(() => producedAccounts([account('a', 'none'), account('b', null)])).toThrow(WritError);
  });
});

describe('the package', () => {
  it('unzips to exactly the files and a manifest whose sizes and SHA-256s match, dated at the production', () => {
    const producedAt = new Date('2026-11-30T10:00:00Z');
    const files = checkProducedFiles([
      { name: 'subscriber.csv', bytes: strToU8('username\nfirst_user\n') },
      { name: 'logs.csv', bytes: strToU8('at,ip\n') },
    ]);
    const manifest = buildManifest(order, files, producedAt, productionAvailableUntil(producedAt, 14));
    expect(manifest.availableUntil).toBe('2026-12-14T10:00:00.000Z');
    const { zip, sha256 } = buildPackage(manifest, files);
    expect(sha256).toBe(sha(zip));
    const entries = unzipSync(zip);
    expect(Object.keys(entries).sort()).toEqual(['files/logs.csv', 'files/subscriber.csv', 'manifest.json']);
    const read = JSON.parse(strFromU8(entries['manifest.json']!));
    expect(read).toEqual(manifest);
    expect(read.files).toEqual(
      files.map((f) => ({ name: f.name, size: f.bytes.length, sha256: sha(entries[`files/${f.name}`]!) })),
    );
    const back = readPackage(zip);
    expect(back.manifest.reference).toBe('WR-000042');
    expect([...back.files.keys()].sort()).toEqual(['logs.csv', 'subscriber.csv']);
    // The same files at the same instant give the same package.
    expect(buildPackage(manifest, files).sha256).toBe(sha256);
  });
});
