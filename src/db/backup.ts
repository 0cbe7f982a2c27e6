/**
 * `writ backup FILE`: every table and sequence of the database as of one instant, while Writ goes
 * on taking writes. One READ ONLY, REPEATABLE READ transaction gives every table the same snapshot;
 * each table streams out through COPY into a gzipped file (format: backup-format.ts, decision 0030).
 * The file is written as FILE.partial, flushed to disk, and only then renamed to FILE.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { WritError } from '../domain/errors.js';
import {
  appliedMigrations,
  backupConnection,
  catalogTables,
  quotedColumns,
  quotedTable,
  rowCount,
  sequenceValues,
  sessionSettings,
} from './backup-catalog.js';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader, END_OF_ROWS, knownMigrations, totalRows } from './backup-format.js';

export type BackupSnapshot = {
  header: BackupHeader;
  /**
   * The snapshot's id (pg_export_snapshot), valid until the backup ends: another session that
   * runs `SET TRANSACTION SNAPSHOT` with it sees exactly the rows the backup holds.
   */
  snapshotId: string;
};

export type BackupOptions = {
  /** Replace FILE if it exists; otherwise an existing FILE is refused. */
  overwrite?: boolean;
  /** Called once the snapshot is taken and counted, before any row is copied. */
  onSnapshot?: (snapshot: BackupSnapshot) => void | Promise<void>;
  onProgress?: (rowsDone: number, rowsTotal: number) => void;
};

export type BackupSummary = { file: string; bytes: number; header: BackupHeader };

const exists = (file: string) =>
  fs.stat(file).then(
    () => true,
    () => false,
  );

async function fsyncPath(file: string): Promise<void> {
  const handle = await fs.open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function countNewlines(chunk: Buffer): number {
  let n = 0;
  for (let i = chunk.indexOf(0x0a); i >= 0; i = chunk.indexOf(0x0a, i + 1)) n++;
  return n;
}

async function snapshotHeader(client: pg.ClientBase): Promise<BackupSnapshot> {
  // The first query takes the snapshot; the catalog is read in it too.
  const { tables } = await catalogTables(client);
  const names = tables.map((t) => quotedTable(client, t.name));
  // As pg_dump does: no migration may change a table while its rows are being copied.
  if (names.length) await client.query(`LOCK TABLE ${names.join(', ')} IN ACCESS SHARE MODE`);
  const { rows } = await client.query<{ at: Date; version: string; snapshot: string }>(
    `SELECT now() AS at, current_setting('server_version') AS version, pg_export_snapshot() AS snapshot`,
  );
  const tags = new Map(knownMigrations().map((m) => [m.createdAt, m.tag]));
  const header: BackupHeader = {
    snapshotAt: rows[0]!.at.toISOString(),
    postgres: rows[0]!.version,
    migrations: (await appliedMigrations(client)).map((m) => ({ ...m, tag: tags.get(m.createdAt) ?? null })),
    tables: [],
    sequences: await sequenceValues(client),
  };
  for (const t of tables) header.tables.push({ ...t, rows: await rowCount(client, t.name) });
  return { header, snapshotId: rows[0]!.snapshot };
}

/** The uncompressed backup, line by line, hashing all of it for the trailer. */
async function* backupLines(client: pg.ClientBase, header: BackupHeader, onRows: (n: number) => void) {
  const hash = createHash('sha256');
  const out = (data: Buffer | string) => {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    hash.update(bytes);
    return bytes;
  };
  yield out(`${BACKUP_FORMAT} ${BACKUP_VERSION}\n`);
  yield out(`${JSON.stringify(header)}\n`);
  for (const table of header.tables) {
    yield out(`${JSON.stringify({ table: table.name })}\n`);
    const copy = client.query(
      copyTo(`COPY ${quotedTable(client, table.name)} (${quotedColumns(client, table.columns)}) TO STDOUT`),
    );
    for await (const chunk of copy as AsyncIterable<Buffer>) {
      onRows(countNewlines(chunk));
      yield out(chunk);
    }
    // Same snapshot, same rows: anything else is a bug to stop on, not a backup to keep.
    if (copy.rowCount !== table.rows)
      throw new Error(`${table.name}: copied ${copy.rowCount} rows but the snapshot counted ${table.rows}`);
    yield out(`${END_OF_ROWS}\n`);
  }
  yield Buffer.from(`${JSON.stringify({ sha256: hash.digest('hex') })}\n`);
}

export async function writeBackup(pool: pg.Pool, file: string, options: BackupOptions = {}): Promise<BackupSummary> {
  const target = path.resolve(file);
  if (!options.overwrite && (await exists(target)))
    throw new WritError('conflict', `${file} already exists; choose another name, or pass --force to replace it`, 'file');
  const partial = `${target}.partial`;
  await fs.rm(partial, { force: true }); // left by a backup that crashed; created anew with mode 600
  const client = await backupConnection(pool);
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    await client.query(sessionSettings);
    const snapshot = await snapshotHeader(client);
    const { header } = snapshot;
    await options.onSnapshot?.(snapshot);
    const total = totalRows(header);
    let done = 0;
    options.onProgress?.(done, total);
    await pipeline(
      Readable.from(
        backupLines(client, header, (n) => {
          done += n;
          options.onProgress?.(done, total);
        }),
      ),
      createGzip(),
      createWriteStream(partial, { mode: 0o600 }),
    ).catch((error: NodeJS.ErrnoException) => {
      if (error.syscall) throw new WritError('validation_failed', `cannot write ${partial}: ${error.message}`, 'file');
      throw error;
    });
    await client.query('COMMIT');
    // Durable before it has the final name: a crash leaves at most a .partial, never a half backup.
    await fsyncPath(partial);
    await fs.rename(partial, target);
    await fsyncPath(path.dirname(target));
    return { file: target, bytes: (await fs.stat(target)).size, header };
  } catch (error) {
    await fs.rm(partial, { force: true });
    throw error;
  } finally {
    // After a failure the connection may be mid-COPY: closing it also ends the transaction.
    await client.end().catch(() => undefined);
  }
}
