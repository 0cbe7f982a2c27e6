/**
 * `writ publish` then `writ verify` (issue 13's acceptance): verify passes on a freshly published
 * site, and fails naming the record when one published byte of that record is changed.
 *
 * What verify can check: the transparency log's files and every records/{id}.json — the record or
 * tombstone in it must be exactly its signed log leaf. The HTML pages are a rendering of those
 * records for reading; verify does not re-render them, so a changed byte in a page is not detected
 * (the test pins that down): the JSON beside each page, linked from it, is the evidence.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWrit, type Writ } from '../../src/app/context.js';
import { publishSite } from '../../src/app/static-site.js';
import { directoryReader, VerifyFailure, verifySite } from '../../src/app/verify-site.js';
import { loadConfig } from '../../src/config.js';
import { writeTombstone } from '../../src/db/public-record-writes.js';
import { siteLayout } from '../../src/domain/static-site-layout.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { samplePublicRecord, seedPublishedRecord } from '../support/publishing.js';

const now = new Date('2026-07-20T09:00:00Z');
let t: TestApp;
let writ: Writ;
let root: string;
let site: string;
const ids: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  writ = createWrit(t.database.db, loadConfig({ WRIT_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' }), { now: () => now });
  for (const overrides of [
    { authority: { name: 'Ministry of Information', kind: 'communications_regulator' as const } },
    { country: 'RU', authority: { name: 'Roskomnadzor', kind: 'communications_regulator' as const } },
    { summary: 'To be withdrawn.' },
  ]) {
    const seeded = await seedPublishedRecord(t, samplePublicRecord(overrides), { country: overrides.country });
    ids.push(seeded.record.id);
  }
  await t.database.db.transaction((tx) =>
    writeTombstone(tx, {
      tombstone: { id: ids[2]!, version: 2, withdrawnAt: '2026-04-01T12:00:00.000Z', reason: 'A duplicate.' },
      at: new Date('2026-04-01T12:00:00.000Z'),
    }),
  );
  root = await mkdtemp(path.join(tmpdir(), 'writ-publish-verify-'));
  site = path.join(root, 'site');
  await publishSite(writ, { outDir: site, siteUrl: 'https://transparency.example.org/' });
}, 120_000);

afterAll(async () => {
  await t?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

/** A copy of the published site with `change` applied to one file. */
async function tampered(name: string, file: string, change: (text: string) => string): Promise<string> {
  const copy = path.join(root, name);
  await cp(site, copy, { recursive: true });
  const full = path.join(copy, ...file.split('/'));
  const before = await readFile(full, 'utf8');
  const after = change(before);
  expect(after).not.toBe(before);
  expect(Buffer.byteLength(after)).toBe(Buffer.byteLength(before));
  await writeFile(full, after);
  return copy;
}

async function failureOf(dir: string): Promise<VerifyFailure> {
  const error = await verifySite(directoryReader(dir)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VerifyFailure);
  return error as VerifyFailure;
}

describe('writ verify on a site written by writ publish', () => {
  it('passes on the fresh site: every record and the tombstone in the signed log', async () => {
    const summary = await verifySite(directoryReader(site));
    expect(summary).toMatchObject({ records: 3, withdrawn: 1, treeSize: 4 });
    expect(summary.checkpoints).toBeGreaterThanOrEqual(1);
  });

  it('fails naming the record when one byte of its published record is changed', async () => {
    const copy = await tampered('one-byte', siteLayout.recordProof(ids[0]!), (text) =>
      text.replace('Ministry of Information', 'Ministry of Informatiom'),
    );
    const failure = await failureOf(copy);
    expect(failure.subject).toBe(ids[0]);
    expect(failure.what).toBe('the record shown differs from the one in its log leaf');
  });

  it("fails naming the withdrawn record when its tombstone's reason is changed", async () => {
    const copy = await tampered('tombstone', siteLayout.recordProof(ids[2]!), (text) =>
      text.replace('A duplicate.', 'A duplicatE.'),
    );
    const failure = await failureOf(copy);
    expect(failure.subject).toBe(ids[2]);
    expect(failure.what).toBe('the tombstone shown differs from the one in its log leaf');
  });

  it('does not re-render pages: a changed byte in a record page is not what verify checks', async () => {
    const copy = await tampered('page', siteLayout.recordPage(ids[1]!), (text) => text.replace('Roskomnadzor', 'Roskomnadzoz'));
    await expect(verifySite(directoryReader(copy))).resolves.toMatchObject({ records: 3 });
  });
});

describe('before anything is published', () => {
  it('an empty site is written (pages, an empty log) and verifies', async () => {
    const empty = await createTestApp({ now: () => now });
    try {
      const emptyWrit = createWrit(empty.database.db, loadConfig({ WRIT_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' }), {
        now: () => now,
      });
      const out = path.join(root, 'empty');
      const summary = await publishSite(emptyWrit, { outDir: out, siteUrl: 'https://transparency.example.org/' });
      expect(summary).toMatchObject({ records: 0, withdrawn: 0 });
      expect(await readFile(path.join(out, 'index.html'), 'utf8')).toContain('Nothing has been published yet.');
      expect(await readFile(path.join(out, 'kk', 'records', 'index.html'), 'utf8')).toContain('<h1>Талаптар базасы</h1>');
      await expect(verifySite(directoryReader(out))).resolves.toMatchObject({ records: 0, treeSize: 0 });
    } finally {
      await empty.close();
    }
  }, 60_000);
});

describe('the real command line', () => {
  const run = (args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        'node',
        ['bin/writ.js', ...args],
        { env: { ...process.env, DATABASE_URL: t.database.url, NO_COLOR: '1' } },
        (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });

  it('writ publish shows progress by tenths off a terminal and a summary; writ verify passes, then names a changed record', async () => {
    const out = path.join(root, 'cli-site');
    const published = await run(['publish', '--out', out, '--site-url', 'https://transparency.example.org/']);
    expect(published.code, published.stderr).toBe(0);
    expect(published.stderr).toMatch(/^publish: 0% \(/m);
    expect(published.stderr).toMatch(/^publish: 50% \(/m);
    expect(published.stderr).toMatch(/^publish: 100% \((\d[\d,]*)\/\1 files\)$/m);
    expect(published.stdout).toMatch(
      /^published .*cli-site: [\d,]+ files, 2 records \(1 withdrawn\), [\d,]+ bytes in [\d.]+ s$/m,
    );

    const verified = await run(['verify', '--site', out]);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain('OK — 3 records (1 withdrawn)');

    const file = path.join(out, ...siteLayout.recordProof(ids[1]!).split('/'));
    await writeFile(file, (await readFile(file, 'utf8')).replace('Roskomnadzor', 'Roskomnadzoz'));
    const failed = await run(['verify', '--site', out]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`writ verify: ${ids[1]}: the record shown differs from the one in its log leaf`);
  }, 120_000);

  it('writ publish refuses a site URL that is not one, and writes nothing', async () => {
    const out = path.join(root, 'refused');
    const refused = await run(['publish', '--out', out, '--site-url', 'javascript:alert(1)']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--site-url must be an absolute http(s) URL');
    await expect(readFile(path.join(out, 'index.html'))).rejects.toThrow();
  }, 60_000);
});
