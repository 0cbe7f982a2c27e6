/**
 * `writ verify --site` (issue 13) on the log's files of a real publication (logFiles over a real
 * database): it passes on the files as written, from a directory and over HTTP, and fails naming
 * the record, the checkpoint or the consistency proof when one byte of it is changed.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWrit } from '../../src/app/context.js';
import { countLogFiles, logFiles } from '../../src/app/site-log-files.js';
import { signCheckpointIfGrown } from '../../src/app/transparency-log.js';
import { directoryReader, urlReader, VerifyFailure, verifySite } from '../../src/app/verify-site.js';
import { loadConfig } from '../../src/config.js';
import { writeTombstone } from '../../src/db/public-record-writes.js';
import { generateSigningKey, signingKeyFrom, verifierKeyOf } from '../../src/domain/checkpoint-signing.js';
import { siteLayout } from '../../src/domain/static-site-layout.js';
import { createTestApp, generousRateLimits, type TestApp } from '../support/app.js';
import { samplePublicRecord, seedPublishedRecord } from '../support/publishing.js';
import { scratchDirectory } from '../support/scratch.js';
import { serveDirectory } from '../support/static-server.js';

let t: TestApp;
let site: string;
let suiteDir: string | undefined;
const ids: string[] = [];
let fileCount = 0;

beforeAll(async () => {
  t = await createTestApp();
  const writ = createWrit(
    t.database.db,
    loadConfig({ WRIT_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent', ...generousRateLimits }),
  );
  for (let i = 0; i < 3; i++) {
    ids.push((await seedPublishedRecord(t, samplePublicRecord({ summary: `Видео ${i}: платформа не приняла мер.` }))).record.id);
  }
  await signCheckpointIfGrown(writ); // checkpoint 3
  const at = new Date('2026-04-01T09:00:00.000Z');
  await t.database.db.transaction((tx) =>
    writeTombstone(tx, {
      tombstone: { id: ids[0]!, version: 2, withdrawnAt: at.toISOString(), reason: 'Court order lifted' },
      at,
    }),
  );
  await signCheckpointIfGrown(writ); // checkpoint 4
  for (let i = 3; i < 5; i++) ids.push((await seedPublishedRecord(t, samplePublicRecord({ summary: `Пост ${i}` }))).record.id);
  // logFiles signs checkpoint 6 itself.
  suiteDir = mkdtempSync(path.join(os.tmpdir(), 'writ-verify-site-'));
  site = path.join(suiteDir, 'site');
  const expected = await countLogFiles(writ);
  for await (const file of logFiles(writ)) {
    const full = path.join(site, file.path);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, file.content);
    fileCount++;
  }
  expect(fileCount).toBe(expected);
});
afterAll(async () => {
  if (suiteDir) rmSync(suiteDir, { recursive: true, force: true });
  await t?.close();
});

/** A copy of the site with `edit` applied to one file. */
function tampered(file: string, edit: (text: string) => string): string {
  const copy = path.join(scratchDirectory('writ-verify-'), 'site');
  cpSync(site, copy, { recursive: true });
  const full = path.join(copy, file);
  const before = readFileSync(full, 'utf8');
  const after = edit(before);
  expect(after).not.toBe(before);
  writeFileSync(full, after);
  return copy;
}

/** Replaces the first occurrence of `from` (one character) by `to`: one byte changed. */
const oneByte = (from: string, to: string) => (text: string) => {
  const i = text.indexOf(from);
  expect(i).toBeGreaterThanOrEqual(0);
  return text.slice(0, i) + to + text.slice(i + from.length);
};

async function failureOf(dir: string): Promise<VerifyFailure> {
  const error = await verifySite(directoryReader(dir)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VerifyFailure);
  return error as VerifyFailure;
}

describe('writ verify on a fresh publication', () => {
  it('passes, counting every record, the withdrawn one, the checkpoints and their proofs', async () => {
    const progress: [number, number][] = [];
    const summary = await verifySite(directoryReader(site), (done, total) => progress.push([done, total]));
    expect(summary).toMatchObject({ checkpoints: 3, consistencyProofs: 2, records: 5, withdrawn: 1, treeSize: 6 });
    expect(progress.at(-1)).toEqual([5, 5]);
    const index = JSON.parse(readFileSync(path.join(site, siteLayout.recordsIndex), 'utf8'));
    expect(index.map((e: { id: string }) => e.id)).toEqual([...ids].sort());
    expect(index.find((e: { id: string }) => e.id === ids[0])).toMatchObject({ status: 'withdrawn', version: 2, leafIndex: 3 });
    expect(JSON.parse(readFileSync(path.join(site, siteLayout.checkpoints), 'utf8'))).toEqual([3, 4, 6]);
  });

  it('passes over HTTP from a static server', async () => {
    const server = await serveDirectory(site);
    try {
      expect((await verifySite(urlReader(server.url))).records).toBe(5);
    } finally {
      await server.close();
    }
  });
});

describe('writ verify on a copy with one byte changed', () => {
  it('names the record whose JSON shows another text than its leaf', async () => {
    const id = ids[2]!;
    const failure = await failureOf(tampered(siteLayout.recordProof(id), oneByte('Видео 2', 'Видео 3')));
    expect(failure.subject).toBe(id);
    expect(failure.what).toMatch(/record shown differs from the one in its log leaf/);
  });

  it('names the record whose leaf was changed too (the inclusion proof fails)', async () => {
    const id = ids[3]!;
    const file = siteLayout.recordProof(id);
    const proof = JSON.parse(readFileSync(path.join(site, file), 'utf8'));
    const leaf = Buffer.from(proof.leaf, 'base64').toString('utf8').replace('Пост 3', 'Пост 4');
    const copy = tampered(file, (text) =>
      text.replace(proof.leaf, Buffer.from(leaf).toString('base64')).replace('Пост 3', 'Пост 4'),
    );
    const failure = await failureOf(copy);
    expect(failure.subject).toBe(id);
    expect(failure.what).toMatch(/inclusion proof fails/);
  });

  it("names the withdrawn record whose tombstone's reason was changed", async () => {
    const failure = await failureOf(
      tampered(siteLayout.recordProof(ids[0]!), oneByte('Court order lifted', 'Court order lifteD')),
    );
    expect(failure).toMatchObject({ subject: ids[0] });
  });

  it('names the record whose file only changed its layout', async () => {
    const failure = await failureOf(tampered(siteLayout.recordProof(ids[1]!), oneByte('\n  "', ' \n "')));
    expect(failure.subject).toBe(ids[1]);
    expect(failure.what).toMatch(/not byte for byte as published/);
  });

  it('names the checkpoint whose root hash or size changed (the signature fails)', async () => {
    const note = readFileSync(path.join(site, siteLayout.checkpointAt(4)), 'utf8');
    const root = note.split('\n')[2]!;
    const flipped = root[5] === 'A' ? 'B' : 'A';
    const failure = await failureOf(
      tampered(siteLayout.checkpointAt(4), oneByte(root, root.slice(0, 5) + flipped + root.slice(6))),
    );
    expect(failure.subject).toBe('checkpoint 4');
    expect(failure.what).toMatch(/no valid signature/);
  });

  it('names the consistency proof that was changed', async () => {
    const file = siteLayout.consistency(3, 4);
    const proof = JSON.parse(readFileSync(path.join(site, file), 'utf8')) as { hashes: string[] };
    const h = proof.hashes[0]!;
    const changed = (h[0] === 'A' ? 'B' : 'A') + h.slice(1);
    const failure = await failureOf(tampered(file, oneByte(h, changed)));
    expect(failure.subject).toBe('consistency 3-4');
    expect(failure.what).toMatch(/not consistent/);
  });

  it('names the verifier key when its hint was changed, and the first checkpoint when another key is published', async () => {
    const key = readFileSync(path.join(site, siteLayout.publicKey), 'utf8');
    const hint = key.split('+')[1]!;
    const badHint = await failureOf(
      tampered(siteLayout.publicKey, oneByte(`+${hint}+`, `+${hint[0] === '0' ? '1' : '0'}${hint.slice(1)}+`)),
    );
    expect(badHint).toMatchObject({ subject: siteLayout.publicKey });
    expect(badHint.what).toMatch(/hint/);
    const other = verifierKeyOf(key.split('+')[0]!, signingKeyFrom(generateSigningKey()));
    const failure = await failureOf(tampered(siteLayout.publicKey, () => `${other}\n`));
    expect(failure).toMatchObject({ subject: 'checkpoint 3' });
    expect(failure.what).toMatch(/no valid signature/);
  });
});

describe('the writ verify command', () => {
  const writ = (...args: string[]) =>
    promisify(execFile)('node', ['bin/writ.js', 'verify', ...args], { env: { ...process.env, LOG_LEVEL: 'silent' } }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it('exits 0 with a summary and progress lines on a fresh site', async () => {
    const { code, stdout, stderr } = await writ('--site', site);
    expect(code).toBe(0);
    expect(stdout).toMatch(/OK — 5 records \(1 withdrawn\) in a log of 6 entries, 3 checkpoints/);
    expect(stderr).toMatch(/writ verify: 100% \(5\/5 records\)/);
  });

  it('exits 1 naming the record when one byte of it changed', async () => {
    const id = ids[4]!;
    const { code, stderr } = await writ('--site', tampered(siteLayout.recordProof(id), oneByte('Пост 4', 'Пост 5')));
    expect(code).toBe(1);
    expect(stderr).toContain(`writ verify: ${id}: the record shown differs from the one in its log leaf`);
  });
});
