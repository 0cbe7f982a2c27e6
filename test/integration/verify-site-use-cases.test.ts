/**
 * `writ verify --site` as a use case (src/app/verify-site.ts), in process: the log's files of a real
 * publication (logFiles over a real database) are held in memory, and each check of the verifier is
 * met by a copy that breaks it and only it, keeping the published JSON layout so that the check in
 * question is the one that fails, naming its record, checkpoint or file. The summary counts what
 * was checked; an empty log verifies with zeros. The readers: a directory's (nothing outside the
 * root, a missing file is null) and a URL's (404 and 410 are missing files, another error fails).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Writ } from '../../src/app/context.js';
import { countLogFiles, logFiles } from '../../src/app/site-log-files.js';
import { signCheckpointIfGrown } from '../../src/app/transparency-log.js';
import {
  directoryReader,
  type SiteReader,
  urlReader,
  VerifyFailure,
  type VerifySummary,
  verifySite,
} from '../../src/app/verify-site.js';
import { writeTombstone } from '../../src/db/public-record-writes.js';
import { siteLayout } from '../../src/domain/static-site-layout.js';
import { canonicalJson } from '../../src/domain/transparency-log.js';
import { publishRecord, samplePublicRecord } from '../support/publishing.js';
import { scratchDirectory } from '../support/scratch.js';
import { createTestWrit, staffMember, type TestWrit, testAuthority } from '../support/writ.js';

let t: TestWrit;
let writ: Writ;
const site = new Map<string, string>();
const ids: string[] = [];

beforeAll(async () => {
  t = await createTestWrit();
  writ = t.writ;
  const recorder = await staffMember(writ, 'reviewer');
  const authorityId = (await testAuthority(t)).id;
  const publish = async (summary: string) =>
    ids.push((await publishRecord(t, authorityId, recorder, samplePublicRecord({ summary }))).record.id);
  for (let i = 0; i < 3; i++) await publish(`Видео ${i}`);
  await signCheckpointIfGrown(writ); // checkpoint 3
  const at = new Date('2026-04-01T09:00:00.000Z');
  await t.database.db.transaction((tx) =>
    writeTombstone(tx, {
      tombstone: { id: ids[1]!, version: 2, withdrawnAt: at.toISOString(), reason: 'Court order lifted' },
      at,
    }),
  );
  await signCheckpointIfGrown(writ); // checkpoint 4
  for (let i = 3; i < 5; i++) await publish(`Пост ${i}`);
  for await (const file of logFiles(writ)) site.set(file.path, file.content); // signs checkpoint 6
});
afterAll(async () => t?.close());

const reader = (files: Map<string, string>): SiteReader => ({
  describe: 'memory',
  read: async (file) => files.get(file) ?? null,
});
const published = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
type Json = Record<string, unknown> & { [key: string]: unknown };

/** A copy of the site with one file replaced (or removed, for null). */
function withFile(file: string, content: string | null): Map<string, string> {
  const copy = new Map(site);
  if (content === null) copy.delete(file);
  else copy.set(file, content);
  return copy;
}
/** A copy with one JSON file changed, still in the published layout. */
function withJson<T = Json>(file: string, edit: (value: T) => unknown): Map<string, string> {
  return withFile(file, published(edit(JSON.parse(site.get(file)!) as T)));
}
/** A copy with a record's proof and its records/index.json entry changed alike. */
function withRecord(id: string, edit: (value: Json) => void): Map<string, string> {
  const copy = withJson<Json>(siteLayout.recordProof(id), (p) => {
    edit(p);
    return p;
  });
  const index = (JSON.parse(site.get(siteLayout.recordsIndex)!) as Json[]).map((e) => {
    if (e.id !== id) return e;
    const changed = { ...e };
    edit(changed);
    return { id: changed.id, version: changed.version, status: changed.status, leafIndex: changed.leafIndex };
  });
  copy.set(siteLayout.recordsIndex, published(index));
  return copy;
}
const proofOf = (id: string) => JSON.parse(site.get(siteLayout.recordProof(id))!) as Json;
const leafText = (proof: Json) => Buffer.from(String(proof.leaf), 'base64').toString('utf8');
const asLeaf = (text: string) => Buffer.from(text, 'utf8').toString('base64');

async function failureOf(files: Map<string, string>): Promise<{ subject: string; what: string }> {
  const error = await verifySite(reader(files)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(VerifyFailure);
  const { subject, what } = error as VerifyFailure;
  return { subject, what };
}

describe('verifySite on the files as published', () => {
  it('passes, summing up the key, the checkpoints, their proofs, the records and the withdrawn one', async () => {
    const progress: [number, number][] = [];
    const summary = await verifySite(reader(site), (done, total) => progress.push([done, total]));
    expect(summary).toEqual({
      key: site.get(siteLayout.publicKey)!.trim(),
      checkpoints: 3,
      consistencyProofs: 2,
      records: 5,
      withdrawn: 1,
      treeSize: 6,
    } satisfies VerifySummary);
    expect(progress).toEqual([0, 1, 2, 3, 4, 5].map((n) => [n, 5]));
  });

  it('passes on an empty log with zeros, and fails one that shows a checkpoint none lists', async () => {
    const empty = new Map<string, string>([
      [siteLayout.publicKey, site.get(siteLayout.publicKey)!],
      [siteLayout.checkpoints, published([])],
      [siteLayout.recordsIndex, published([])],
    ]);
    expect(await verifySite(reader(empty))).toEqual({
      key: site.get(siteLayout.publicKey)!.trim(),
      checkpoints: 0,
      consistencyProofs: 0,
      records: 0,
      withdrawn: 0,
      treeSize: 0,
    });
    empty.set(siteLayout.checkpoint, site.get(siteLayout.checkpoint)!);
    expect(await failureOf(empty)).toMatchObject({
      subject: siteLayout.checkpoint,
      what: expect.stringMatching(/none is listed/),
    });
  });

  it('fails records listed when no checkpoint is', async () => {
    const files = withFile(siteLayout.checkpoints, published([]));
    files.delete(siteLayout.checkpoint);
    expect(await failureOf(files)).toMatchObject({
      subject: siteLayout.recordsIndex,
      what: expect.stringMatching(/no checkpoint/),
    });
  });
});

describe('verifySite names the key or checkpoint that does not hold', () => {
  it('a missing or malformed verifier key', async () => {
    expect(await failureOf(withFile(siteLayout.publicKey, null))).toMatchObject({ subject: siteLayout.publicKey });
    expect(await failureOf(withFile(siteLayout.publicKey, 'not a key\n'))).toMatchObject({ subject: siteLayout.publicKey });
  });

  it('a checkpoint list missing, not JSON, laid out otherwise, or not of increasing whole sizes', async () => {
    const failure = (content: string | null) => failureOf(withFile(siteLayout.checkpoints, content));
    expect(await failure(null)).toMatchObject({ subject: siteLayout.checkpoints, what: expect.stringMatching(/missing/) });
    expect(await failure('[3, 4,')).toMatchObject({
      subject: siteLayout.checkpoints,
      what: expect.stringMatching(/not valid JSON/),
    });
    expect(await failure('[3,4,6]\n')).toMatchObject({ what: expect.stringMatching(/byte for byte/) });
    for (const sizes of [{ 3: 3 }, [3, 3, 6], [4, 3, 6], [0, 3, 4, 6], [3, 4.5, 6], ['3', 4, 6]])
      expect(await failure(published(sizes)), JSON.stringify(sizes)).toMatchObject({
        subject: siteLayout.checkpoints,
        what: expect.stringMatching(/increasing tree sizes/),
      });
  });

  it('a listed checkpoint that is missing, of another size, or not the latest one published', async () => {
    expect(await failureOf(withFile(siteLayout.checkpointAt(4), null))).toMatchObject({
      subject: 'checkpoint 4',
      what: expect.stringMatching(/missing/),
    });
    expect(await failureOf(withFile(siteLayout.checkpointAt(3), site.get(siteLayout.checkpointAt(4))!))).toMatchObject({
      subject: 'checkpoint 3',
      what: expect.stringMatching(/tree size 4/),
    });
    expect(await failureOf(withFile(siteLayout.checkpoint, site.get(siteLayout.checkpointAt(4))!))).toMatchObject({
      subject: siteLayout.checkpoint,
    });
  });

  it('a consistency proof missing, between other sizes, or without a list of base64 hashes', async () => {
    const file = siteLayout.consistency(3, 4);
    const subject = 'consistency 3-4';
    expect(await failureOf(withFile(file, null))).toMatchObject({ subject, what: expect.stringMatching(/missing/) });
    expect(await failureOf(withFile(file, published([1])))).toMatchObject({
      subject,
      what: expect.stringMatching(/not the proof/),
    });
    expect(await failureOf(withJson(file, (p) => ({ ...p, from: 2 })))).toMatchObject({
      subject,
      what: expect.stringMatching(/not the proof/),
    });
    expect(await failureOf(withJson(file, (p) => ({ ...p, to: 6 })))).toMatchObject({
      subject,
      what: expect.stringMatching(/not the proof/),
    });
    expect(await failureOf(withJson(file, (p) => ({ ...p, hashes: 'AAAA' })))).toMatchObject({
      subject,
      what: expect.stringMatching(/not a list/),
    });
    expect(await failureOf(withJson(file, (p) => ({ ...p, hashes: ['not base64!'] })))).toMatchObject({
      subject,
      what: expect.stringMatching(/not base64/),
    });
    expect(await failureOf(withJson(file, (p) => ({ ...p, hashes: [] })))).toMatchObject({
      subject,
      what: expect.stringMatching(/not consistent/),
    });
  });
});

describe('verifySite names the record that does not hold', () => {
  it('an index that is not a list of records, or an entry without a valid id', async () => {
    const index = siteLayout.recordsIndex;
    expect(await failureOf(withFile(index, published({})))).toMatchObject({
      subject: index,
      what: expect.stringMatching(/not a list of records/),
    });
    expect(await failureOf(withFile(index, published([1, 2])))).toMatchObject({
      subject: index,
      what: expect.stringMatching(/not a list of records/),
    });
    for (const id of ['WR 1', '', 'a'.repeat(65), 7, 'WR-1/..'])
      expect(
        await failureOf(withJson<Json[]>(index, (entries) => [entries[0], { ...entries[1], id }])),
        String(id),
      ).toMatchObject({ subject: index, what: expect.stringMatching(/entry 1 has no valid record id/) });
  });

  it('an id of 64 letters is valid (the proof file is then missing)', async () => {
    const long = 'W'.repeat(64);
    expect(await failureOf(withJson<Json[]>(siteLayout.recordsIndex, (entries) => [{ ...entries[0], id: long }]))).toMatchObject({
      subject: long,
      what: expect.stringMatching(/missing/),
    });
  });

  it('a record listed twice', async () => {
    expect(await failureOf(withJson<Json[]>(siteLayout.recordsIndex, (entries) => [...entries, entries.at(-1)]))).toMatchObject({
      subject: ids.at(-1) === undefined ? '' : expect.any(String),
      what: expect.stringMatching(/listed twice/),
    });
  });

  it('a proof that is not an object, or that differs from the index in id, version, status or leaf index', async () => {
    const id = ids[0]!;
    expect(await failureOf(withFile(siteLayout.recordProof(id), published([proofOf(id)])))).toMatchObject({
      subject: id,
      what: expect.stringMatching(/not a record proof/),
    });
    for (const field of ['id', 'version', 'status', 'leafIndex'])
      expect(
        await failureOf(withJson(siteLayout.recordProof(id), (p) => ({ ...p, [field]: field === 'id' ? ids[2] : 99 }))),
        field,
      ).toMatchObject({ subject: id, what: expect.stringContaining(`its ${field} is`) });
  });

  it('a status other than published or withdrawn, and a leaf index that is not a whole number', async () => {
    const id = ids[0]!;
    expect(await failureOf(withRecord(id, (p) => Object.assign(p, { status: 'hidden' })))).toMatchObject({
      subject: id,
      what: expect.stringMatching(/unknown status/),
    });
    for (const leafIndex of [-1, 1.5, '1'])
      expect(await failureOf(withRecord(id, (p) => Object.assign(p, { leafIndex }))), String(leafIndex)).toMatchObject({
        subject: id,
        what: expect.stringMatching(/not a whole number/),
      });
  });

  it('a leaf that is not a log entry, not canonical, or the entry of another record or version', async () => {
    const id = ids[0]!;
    const proof = proofOf(id);
    const entry = JSON.parse(leafText(proof)) as Json;
    const leaf = (text: string) => withJson(siteLayout.recordProof(id), (p) => ({ ...p, leaf: asLeaf(text) }));
    expect(await failureOf(withJson(siteLayout.recordProof(id), (p) => ({ ...p, leaf: '*' })))).toMatchObject({
      subject: id,
      what: expect.stringMatching(/not a log entry/),
    });
    expect(await failureOf(leaf('{"id":'))).toMatchObject({ subject: id, what: expect.stringMatching(/not a log entry/) });
    expect(await failureOf(leaf('[1,2]'))).toMatchObject({
      subject: id,
      what: expect.stringMatching(/not a canonical log entry/),
    });
    expect(await failureOf(leaf(JSON.stringify(entry, null, 1)))).toMatchObject({
      subject: id,
      what: expect.stringMatching(/not a canonical/),
    });
    expect(await failureOf(leaf(canonicalJson({ ...entry, id: ids[2] })))).toMatchObject({
      subject: id,
      what: expect.stringMatching(/entry of/),
    });
    expect(await failureOf(leaf(canonicalJson({ ...entry, version: 2 })))).toMatchObject({
      subject: id,
      what: expect.stringMatching(/entry of/),
    });
  });

  it('a record whose leaf is of the other kind, or that shows the other body too', async () => {
    const id = ids[0]!;
    // The published record claimed withdrawn (its leaf is a publish entry).
    expect(
      await failureOf(withRecord(id, (p) => Object.assign(p, { status: 'withdrawn', tombstone: p.record, record: null }))),
    ).toMatchObject({ subject: id, what: expect.stringMatching(/leaf is a publish entry but the record is withdrawn/) });
    // The withdrawn one claimed published.
    expect(
      await failureOf(
        withRecord(ids[1]!, (p) => Object.assign(p, { status: 'published', record: p.tombstone, tombstone: null })),
      ),
    ).toMatchObject({ subject: ids[1], what: expect.stringMatching(/withdraw entry but the record is published/) });
    expect(await failureOf(withJson(siteLayout.recordProof(id), (p) => ({ ...p, tombstone: p.record })))).toMatchObject({
      subject: id,
      what: expect.stringMatching(/shows a tombstone/),
    });
    expect(await failureOf(withJson(siteLayout.recordProof(ids[1]!), (p) => ({ ...p, record: p.tombstone })))).toMatchObject({
      subject: ids[1],
      what: expect.stringMatching(/shows a record/),
    });
    expect(
      await failureOf(
        withJson(siteLayout.recordProof(ids[1]!), (p) => ({ ...p, tombstone: { ...(p.tombstone as Json), reason: 'x' } })),
      ),
    ).toMatchObject({ subject: ids[1], what: expect.stringMatching(/tombstone shown differs/) });
  });

  it('an inclusion proof without a tree size, against an unpublished one, carrying another checkpoint, or that fails', async () => {
    const id = ids[2]!;
    const file = siteLayout.recordProof(id);
    const inclusion = proofOf(id).inclusion as Json;
    const withInclusion = (change: Json) => withJson(file, (p) => ({ ...p, inclusion: { ...inclusion, ...change } }));
    expect(await failureOf(withJson(file, (p) => ({ ...p, inclusion: null })))).toMatchObject({
      subject: id,
      what: expect.stringMatching(/no tree size/),
    });
    for (const treeSize of [0, 2.5, '6'])
      expect(await failureOf(withInclusion({ treeSize })), String(treeSize)).toMatchObject({
        subject: id,
        what: expect.stringMatching(/no tree size/),
      });
    expect(await failureOf(withInclusion({ treeSize: 5 }))).toMatchObject({
      subject: id,
      what: expect.stringMatching(/no published checkpoint/),
    });
    expect(await failureOf(withJson(file, (p) => ({ ...p, checkpoint: site.get(siteLayout.checkpointAt(4)) })))).toMatchObject({
      subject: id,
      what: expect.stringMatching(/not the published checkpoint 6/),
    });
    expect(await failureOf(withInclusion({ hashes: 'AAAA' }))).toMatchObject({
      subject: id,
      what: expect.stringMatching(/not a list of hashes/),
    });
    expect(await failureOf(withInclusion({ hashes: (inclusion.hashes as string[]).slice(1) }))).toMatchObject({
      subject: id,
      what: expect.stringMatching(/inclusion proof fails/),
    });
  });

  it("a proof against an earlier checkpoint verifies when it is that checkpoint's", async () => {
    // Record 2's leaf (index 2) is in checkpoint 3 too; its proof there is a different audit path.
    const id = ids[2]!;
    const files = withJson(siteLayout.recordProof(id), (p) => ({
      ...p,
      inclusion: { treeSize: 3, hashes: ['AAAA'] },
      checkpoint: site.get(siteLayout.checkpointAt(3)),
    }));
    expect(await failureOf(files)).toMatchObject({ subject: id, what: expect.stringMatching(/not in the log of checkpoint 3/) });
  });
});

describe('the site readers', () => {
  it('reads a directory, a missing file as null, and nothing outside it', async () => {
    const dir = path.join(scratchDirectory('writ-verify-use-'), 'site');
    mkdirSync(path.join(dir, 'log'), { recursive: true });
    writeFileSync(path.join(dir, 'log', 'public-key'), 'key\n');
    writeFileSync(path.join(dir, '..', 'outside'), 'secret');
    const r = directoryReader(dir);
    expect(r.describe).toBe(path.resolve(dir));
    expect(await r.read('log/public-key')).toBe('key\n');
    expect(await r.read('log/none')).toBeNull();
    expect(await r.read('../outside')).toBeNull();
    expect(await r.read('.')).toBeNull();
    await expect(r.read('log')).rejects.toThrow();
  });

  it('reads a URL under its base (with or without the slash); 404 and 410 are missing, another error fails', async () => {
    const asked: string[] = [];
    const fetchFn = (async (url: URL) => {
      asked.push(url.toString());
      const status = url.pathname.endsWith('/gone')
        ? 410
        : url.pathname.endsWith('/none')
          ? 404
          : url.pathname.endsWith('/bad')
            ? 500
            : 200;
      return new Response(status === 200 ? `at ${url.pathname}` : 'no', { status });
    }) as unknown as typeof fetch;
    for (const base of ['https://site.example/writ', 'https://site.example/writ/']) {
      const r = urlReader(base, fetchFn);
      expect(r.describe).toBe('https://site.example/writ/');
      expect(await r.read('log/public-key')).toBe('at /writ/log/public-key');
      expect(await r.read('log/none')).toBeNull();
      expect(await r.read('log/gone')).toBeNull();
      await expect(r.read('log/bad')).rejects.toThrow('log/bad: HTTP 500');
    }
    expect(asked[0]).toBe('https://site.example/writ/log/public-key');
  });
});

describe("the log's files (logFiles)", () => {
  it('are as many as countLogFiles says: the key, the checkpoints with their list and proofs, every record and the index', async () => {
    expect(await countLogFiles(writ)).toBe(site.size);
    expect(site.size).toBe(3 + 3 + 2 + 5 + 1);
    expect(JSON.parse(site.get(siteLayout.checkpoints)!)).toEqual([3, 4, 6]);
    expect([...site.keys()].filter((f) => f.startsWith('log/consistency/'))).toEqual([
      siteLayout.consistency(3, 4),
      siteLayout.consistency(4, 6),
    ]);
    expect(site.get(siteLayout.checkpoint)).toBe(site.get(siteLayout.checkpointAt(6)));
    const index = JSON.parse(site.get(siteLayout.recordsIndex)!) as Json[];
    expect(index.map((e) => e.id).sort()).toEqual([...ids].sort());
    expect(index.find((e) => e.id === ids[1])).toEqual({ id: ids[1], version: 2, status: 'withdrawn', leafIndex: 3 });
    // The first leaf is a record's current one: a leaf index of 0 is a whole number.
    expect(index.find((e) => e.id === ids[0])).toEqual({ id: ids[0], version: 1, status: 'published', leafIndex: 0 });
    expect(index.find((e) => e.id === ids[4])).toEqual({ id: ids[4], version: 1, status: 'published', leafIndex: 5 });
  });

  it('of an empty log are the key, an empty checkpoint list and an empty index, which verify', async () => {
    const empty = await createTestWrit();
    try {
      expect(await countLogFiles(empty.writ)).toBe(3);
      const files = new Map<string, string>();
      for await (const file of logFiles(empty.writ)) files.set(file.path, file.content);
      expect([...files.keys()].sort()).toEqual([siteLayout.checkpoints, siteLayout.publicKey, siteLayout.recordsIndex].sort());
      expect(files.get(siteLayout.checkpoints)).toBe('[]\n');
      expect(files.get(siteLayout.recordsIndex)).toBe('[]\n');
      expect(await verifySite(reader(files))).toMatchObject({ checkpoints: 0, records: 0, treeSize: 0 });
    } finally {
      await empty.close();
    }
  });
});
