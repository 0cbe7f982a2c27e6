/**
 * `writ backup` and `writ restore` (decision 0030): a backup taken while orders keep arriving holds
 * exactly one instant of every table, and restores into an empty database table for table, row for
 * row, byte for byte; a damaged file or a database that is not empty is refused and changes nothing.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { importDataset } from '../../src/datasets/import-dataset.js';
import { type BackupSummary, writeBackup } from '../../src/db/backup.js';
import { restoreBackup } from '../../src/db/backup-restore.js';
import { applyMigrations, connect, openDatabase } from '../../src/db/connection.js';
import { datasetsRepository } from '../../src/db/datasets-repository.js';
import { seedDemoData } from '../../src/demo/seed.js';
import { buildApp } from '../../src/http/app.js';
import { createAuthority, createTestApp, newRequestBody, reviewerCredentials, type TestApp } from '../support/app.js';
import { dropDatabase } from '../support/database.js';
import { scratchDirectory } from '../support/scratch.js';
import { fixtures, repoRoot } from './datasets-support.js';

type Digest = { rows: number; md5: string };
type Digests = Record<string, Digest>;

/** Every table of schema public, each as its row count and an md5 of all its rows in a fixed order. */
async function tableDigests(client: pg.ClientBase): Promise<Digests> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`,
  );
  const digests: Digests = {};
  for (const { name } of tables) {
    const { rows } = await client.query<Digest>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5
       FROM public.${client.escapeIdentifier(name)} t`,
    );
    digests[name] = rows[0]!;
  }
  return digests;
}

async function digestsOf(pool: pg.Pool, snapshotId?: string): Promise<Digests> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    if (snapshotId) await client.query(`SET TRANSACTION SNAPSHOT '${snapshotId}'`);
    return await tableDigests(client);
  } finally {
    await client.query('COMMIT');
    client.release();
  }
}

async function sequences(pool: pg.Pool): Promise<Record<string, string>> {
  const { rows } = await pool.query<{ sequencename: string; last_value: string | null }>(
    `SELECT sequencename, last_value::text FROM pg_sequences WHERE schemaname = 'public'`,
  );
  return Object.fromEntries(rows.map((r) => [r.sequencename, String(r.last_value)]));
}

/** A database as an empty data folder gives one: new (no template), then migrated as `openDatabase` does. */
async function emptyDatabase() {
  const target = inject('databaseTargets')[inject('databaseTarget')]!;
  const name = `writ_restore_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: target.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(target.adminUrl);
  url.pathname = `/${name}`;
  const { db, pool } = connect(url.toString(), 3);
  await applyMigrations(pool);
  return {
    db,
    pool,
    url: url.toString(),
    async close() {
      await pool.end();
      await dropDatabase(target.adminUrl, name);
    },
  };
}

let source: TestApp;
let authorityId: string;
let dir: string;
/** Every byte value, then random bytes: evidence must come back exactly. */
const evidenceBytes = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(200_000)]);

beforeAll(async () => {
  source = await createTestApp();
  await seedDemoData(source.database.db);
  authorityId = (await createAuthority(source)).id;
  await importDataset(datasetsRepository(source.database.db), 'google-removals', path.join(fixtures, 'google-removals-2025-06'));
  const evidence = await source.app.inject({
    method: 'POST',
    url: '/api/v1/obligations/KZ/kz-2022-child-cyberbullying/legal-representative/evidence',
    headers: source.auth,
    payload: {
      note: 'power of attorney, scanned',
      fileName: 'Доверенность.bin',
      contentType: 'application/octet-stream',
      contentBase64: evidenceBytes.toString('base64'),
    },
  });
  if (evidence.statusCode !== 201) throw new Error(`evidence: ${evidence.body}`);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'writ-backup-'));
});

afterAll(async () => {
  await source?.close();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

const recordOrder = async (target = 'https://video.example/watch/load') => {
  const res = await source.app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: source.auth,
    payload: newRequestBody(authorityId, { items: [{ targetKind: 'url', target, product: 'Video' }] }),
  });
  if (res.statusCode !== 201) throw new Error(`order intake: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
};

describe('a backup taken while Writ takes orders', () => {
  let atSnapshot: Digests;
  let afterSnapshot: string[];
  let loadOrders: string[];

  it('holds one instant of every table and restores into an empty database exactly as it was', async () => {
    const backupFile = path.join(dir, 'under-load.backup');
    // Two clients keep recording orders (bounded) until the backup is done.
    let backingUp = true;
    loadOrders = [];
    let started!: () => void;
    const loadRunning = new Promise<void>((resolve) => (started = resolve));
    const worker = async (w: number) => {
      for (let i = 0; backingUp && i < 400; i++) {
        loadOrders.push(await recordOrder(`https://video.example/watch/load-${w}-${i}`));
        if (loadOrders.length >= 4) started();
      }
    };
    const load = Promise.all([worker(1), worker(2)]);
    await loadRunning;

    let backup: BackupSummary;
    try {
      backup = await writeBackup(source.database.pool, backupFile, {
        onSnapshot: async ({ snapshotId }) => {
          // Exactly what the snapshot sees, read by another session; then orders that commit after it.
          atSnapshot = await digestsOf(source.database.pool, snapshotId);
          afterSnapshot = [
            await recordOrder('https://video.example/watch/after-1'),
            await recordOrder('https://video.example/watch/after-2'),
          ];
        },
      });
    } finally {
      backingUp = false;
      await load;
    }

    expect(Object.keys(atSnapshot).sort()).toEqual(backup.header.tables.map((t) => t.name).sort());
    for (const table of [
      'users',
      'sessions',
      'authorities',
      'requests',
      'items',
      'decisions',
      'events',
      'duty_evidence',
      'obligation_events',
      'google_removals_by_requester',
      'google_removals_by_product',
      'dataset_coverage',
      'dataset_imports',
    ])
      expect(atSnapshot[table]?.rows, table).toBeGreaterThan(0);
    for (const t of backup.header.tables) expect(t.rows, t.name).toBe(atSnapshot[t.name]!.rows);
    expect(existsSync(`${backupFile}.partial`)).toBe(false);

    const target = await emptyDatabase();
    try {
      const restored = await restoreBackup(target.pool, backupFile);
      expect(restored.rows).toBe(backup.header.tables.reduce((sum, t) => sum + t.rows, 0));
      expect(await digestsOf(target.pool)).toEqual(atSnapshot);

      const { rows: inBackup } = await target.pool.query<{ id: string }>('SELECT id FROM requests');
      const restoredIds = new Set(inBackup.map((r) => r.id));
      for (const id of afterSnapshot) expect(restoredIds.has(id)).toBe(false);
      expect(loadOrders.filter((id) => !restoredIds.has(id)).length + afterSnapshot.length).toBe(
        (await source.database.pool.query('SELECT count(*)::int AS n FROM requests')).rows[0].n - inBackup.length,
      );

      const { rows: files } = await target.pool.query<{ content: Buffer }>(
        `SELECT content FROM duty_evidence WHERE file_name = 'Доверенность.bin'`,
      );
      expect(files[0]!.content.equals(evidenceBytes)).toBe(true);

      const restoredSequences = await sequences(target.pool);
      // A sequence never used (no agency has an event yet, say) reads as null in pg_sequences, there and here.
      for (const s of backup.header.sequences) expect(restoredSequences[s.name], s.name).toBe(s.isCalled ? s.lastValue : 'null');

      // The restored Writ works: the backup's reviewer signs in and records an order (new ids, new reference).
      const config = loadConfig({ WRIT_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' });
      const app = await buildApp({ config, database: { ...target, description: 'restored' }, logger: false });
      try {
        const signIn = await app.inject({ method: 'POST', url: '/api/v1/session', payload: reviewerCredentials });
        expect(signIn.statusCode).toBe(200);
        const order = await app.inject({
          method: 'POST',
          url: '/api/v1/requests',
          headers: { authorization: `Bearer ${signIn.json().token}` },
          payload: newRequestBody(authorityId),
        });
        expect(order.statusCode, order.body).toBe(201);
      } finally {
        await app.close();
      }
    } finally {
      await target.close();
    }
  });
});

describe('restore refuses', () => {
  // A backup of its own, so that these tests also run alone (vitest -t).
  let backupFile: string;
  beforeAll(async () => {
    backupFile = path.join(dir, 'refused.backup');
    await writeBackup(source.database.pool, backupFile);
  });

  async function expectRefusedAndUnchanged(file: string, message: RegExp) {
    const target = await emptyDatabase();
    try {
      const before = { tables: await digestsOf(target.pool), sequences: await sequences(target.pool) };
      await expect(restoreBackup(target.pool, file)).rejects.toMatchObject({ name: 'WritError', message });
      expect({ tables: await digestsOf(target.pool), sequences: await sequences(target.pool) }).toEqual(before);
    } finally {
      await target.close();
    }
  }

  const variant = async (name: string, bytes: Buffer) => {
    const file = path.join(dir, name);
    await fs.writeFile(file, bytes);
    return file;
  };
  const plain = async () => gunzipSync(await fs.readFile(backupFile)).toString('utf8');

  it('a file cut off, damaged or altered, and changes nothing', async () => {
    const bytes = await fs.readFile(backupFile);
    await expectRefusedAndUnchanged(await variant('cut', bytes.subarray(0, bytes.length - 2000)), /ends too early/);
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(flipped.length / 2)]! ^= 0xff;
    await expectRefusedAndUnchanged(await variant('flipped', flipped), /not a readable Writ backup/);
    // Valid gzip, one character of a late table changed: only the checksum can tell, after every row is loaded.
    const text = await plain();
    const at = text.lastIndexOf('demo: ');
    expect(at).toBeGreaterThan(0);
    const altered = `${text.slice(0, at)}Demo: ${text.slice(at + 6)}`;
    await expectRefusedAndUnchanged(await variant('altered', gzipSync(altered)), /checksum does not match/);
    await expectRefusedAndUnchanged(await variant('text', Buffer.from('not a backup\n')), /not gzip-compressed/);
  });

  it('a backup of another format or of a newer Writ', async () => {
    const text = await plain();
    await expectRefusedAndUnchanged(
      await variant('v2', gzipSync(text.replace(/^writ-backup 1\n/, 'writ-backup 2\n'))),
      /format 2; this Writ reads format 1/,
    );
    const [magic, header, ...rest] = text.split('\n');
    const newer = JSON.parse(header!);
    newer.migrations.push({ createdAt: 4_102_444_800_000, hash: 'f'.repeat(64), tag: '0099_from_the_future' });
    await expectRefusedAndUnchanged(
      await variant('newer', gzipSync([magic, JSON.stringify(newer), ...rest].join('\n'))),
      /newer Writ.*0099_from_the_future/,
    );
  });

  it('a database that is not empty, naming its tables, and changes nothing', async () => {
    const before = await digestsOf(source.database.pool);
    await expect(restoreBackup(source.database.pool, backupFile)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/not empty: .*requests \(\d+ rows\).*nothing was changed/),
    });
    expect(await digestsOf(source.database.pool)).toEqual(before);
  });

  it('to overwrite an existing file unless told to', async () => {
    const before = await fs.readFile(backupFile);
    await expect(writeBackup(source.database.pool, backupFile)).rejects.toMatchObject({ code: 'conflict' });
    expect((await fs.readFile(backupFile)).equals(before)).toBe(true);
  });
});

describe('the command line', () => {
  const writ = (args: string[], env: Record<string, string>) =>
    promisify(execFile)('node', ['bin/writ.js', ...args], {
      cwd: repoRoot,
      env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: '', ...env },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );

  it('backs up a database and restores it into an empty data folder', { timeout: 180_000 }, async () => {
    const file = path.join(scratchDirectory('writ-backup-cli-'), 'writ.backup');
    // The embedded server creates the folder itself, readable by the postgres user it runs as.
    const dataDir = path.join(os.tmpdir(), `writ-restore-${randomBytes(4).toString('hex')}`);
    try {
      const backup = await writ(['backup', file], { DATABASE_URL: source.database.url });
      expect(backup, backup.stderr).toMatchObject({ code: 0, stdout: expect.stringMatching(/^backup written: .*writ\.backup/) });
      const expected = await digestsOf(source.database.pool);

      const restore = await writ(['restore', file], { WRIT_DATA_DIR: dataDir });
      expect(restore, restore.stderr).toMatchObject({ code: 0, stdout: expect.stringMatching(/^restored .* rows/) });
      const again = await writ(['restore', file], { WRIT_DATA_DIR: dataDir });
      expect(again).toMatchObject({ code: 1, stderr: expect.stringMatching(/^writ: the database is not empty: /) });

      const restored = await openDatabase(loadConfig({ WRIT_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), () => undefined);
      try {
        expect(await digestsOf(restored.pool)).toEqual(expected);
      } finally {
        await restored.close();
      }
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});
