/**
 * The file `writ backup` writes and `writ restore` reads (decision 0030). Uncompressed, it is lines:
 *
 *   writ-backup 1                          format and version
 *   {"snapshotAt":…,"migrations":[…],"tables":[…],"sequences":[…]}   the header, one JSON line
 *   {"table":"authorities"}                then each table in foreign-key order:
 *   …rows in PostgreSQL's COPY text format, one a line…
 *   \.                                     end of the table's rows
 *   {"sha256":"…"}                         SHA-256 of every byte above this line
 *
 * and the whole is gzipped. COPY's text format escapes newlines and backslashes inside values, so a
 * row is always one line and no row can read `\.`.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, type ReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { createGunzip, type Gunzip } from 'node:zlib';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { z } from 'zod';
import { WritError } from '../domain/errors.js';
import { migrationsFolder } from './connection.js';

export const BACKUP_FORMAT = 'writ-backup';
export const BACKUP_VERSION = 1;
export const END_OF_ROWS = '\\.';

/** A migration as drizzle records it: the folder time is its identity, the hash is of its SQL. */
export type BackupMigration = { createdAt: number; hash: string; tag: string | null };

const headerSchema = z.object({
  snapshotAt: z.string(),
  postgres: z.string(),
  migrations: z.array(z.object({ createdAt: z.number().int(), hash: z.string(), tag: z.string().nullable() })),
  tables: z.array(
    z.object({ name: z.string().min(1), columns: z.array(z.string().min(1)).min(1), rows: z.number().int().min(0) }),
  ),
  sequences: z.array(z.object({ name: z.string().min(1), lastValue: z.string().regex(/^-?\d+$/), isCalled: z.boolean() })),
});
export type BackupHeader = z.infer<typeof headerSchema>;

export const totalRows = (header: BackupHeader) => header.tables.reduce((sum, t) => sum + t.rows, 0);

/** The migrations this Writ ships, in order, with their tags for messages. */
export function knownMigrations(): BackupMigration[] {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: { when: number; tag: string }[];
  };
  const tags = new Map(journal.entries.map((e) => [e.when, e.tag]));
  return readMigrationFiles({ migrationsFolder }).map((m) => ({
    createdAt: m.folderMillis,
    hash: m.hash,
    tag: tags.get(m.folderMillis) ?? null,
  }));
}

/**
 * A backup can be restored where its migrations are the schema's own or the first of them (a backup
 * of an older Writ). A migration the schema does not have means a newer Writ made the backup.
 */
export function checkMigrations(file: string, backup: BackupMigration[], schema: { createdAt: number }[]): void {
  const known = new Set(schema.map((m) => m.createdAt));
  const unknown = backup.filter((m) => !known.has(m.createdAt));
  if (unknown.length)
    throw new WritError(
      'validation_failed',
      `${file} was made by a newer Writ: its schema has migration${unknown.length > 1 ? 's' : ''} ` +
        `${unknown.map((m) => m.tag ?? String(m.createdAt)).join(', ')}, which this Writ does not know. Restore it with that Writ version or later.`,
      'file',
    );
  const prefix = schema.slice(0, backup.length).map((m) => m.createdAt);
  if (prefix.some((createdAt, i) => createdAt !== backup[i]?.createdAt))
    throw new WritError(
      'validation_failed',
      `${file} has migrations in an order this Writ never applied them in; it cannot be restored here.`,
      'file',
    );
}

export const backupDamaged = (file: string, why: string) =>
  new WritError('validation_failed', `${file} is not a readable Writ backup: ${why}`, 'file');

/** What a read error means to someone restoring: not there, not a backup, or damaged. */
export function readError(file: string, error: unknown): WritError {
  if (error instanceof WritError) return error;
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'ENOENT') return new WritError('validation_failed', `${file} does not exist`, 'file');
  if (e.code === 'EACCES' || e.code === 'EISDIR')
    return new WritError('validation_failed', `cannot read ${file} (${e.code})`, 'file');
  if (e.code === 'Z_DATA_ERROR' && /header/.test(e.message)) return backupDamaged(file, 'it is not gzip-compressed');
  if (e.code === 'Z_BUF_ERROR' || /unexpected end/i.test(e.message)) return backupDamaged(file, 'it ends too early (cut off?)');
  if (e.code?.startsWith('Z_')) return backupDamaged(file, `its compressed data is damaged (${e.message})`);
  return backupDamaged(file, e.message ?? String(error));
}

/** PostgreSQL's largest value is 1 GB; a longer line can only be damage, not a row. */
const MAX_LINE_BYTES = 1 << 30;

/**
 * Reads the uncompressed lines of a backup one at a time, each with its `\n`, hashing every line it
 * hands out so that the trailer can be checked.
 */
export class BackupReader {
  private readonly chunks: AsyncIterator<Buffer>;
  private readonly source: ReadStream;
  private readonly gunzip: Gunzip;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private buffer: Buffer = Buffer.alloc(0);
  private ended = false;
  readonly hash: Hash = createHash('sha256');

  constructor(readonly file: string) {
    this.source = createReadStream(file);
    this.gunzip = createGunzip();
    this.source.on('error', (error) => this.gunzip.destroy(error));
    // Errors reach the caller through the iterator; this keeps one after close() from being unhandled.
    this.gunzip.on('error', () => undefined);
    this.chunks = this.source.pipe(this.gunzip)[Symbol.asyncIterator]();
  }

  /** The next line with its `\n`, or null at the end of the file. */
  async line(): Promise<Buffer | null> {
    try {
      for (;;) {
        const newline = this.buffer.indexOf(0x0a);
        if (newline >= 0) {
          let line = this.buffer.subarray(0, newline + 1);
          this.buffer = this.buffer.subarray(newline + 1);
          if (this.pending.length) {
            line = Buffer.concat([...this.pending, line]);
            this.pending = [];
            this.pendingBytes = 0;
          }
          this.hash.update(line);
          return line;
        }
        if (this.buffer.length) {
          this.pending.push(this.buffer);
          this.pendingBytes += this.buffer.length;
          if (this.pendingBytes > MAX_LINE_BYTES) throw backupDamaged(this.file, 'a line is longer than any row can be');
        }
        this.buffer = Buffer.alloc(0);
        if (this.ended) {
          if (this.pendingBytes) throw backupDamaged(this.file, 'it ends in the middle of a line (cut off?)');
          return null;
        }
        const next = await this.chunks.next();
        if (next.done) this.ended = true;
        else this.buffer = next.value;
      }
    } catch (error) {
      throw readError(this.file, error);
    }
  }

  /** The next line as text without its `\n`; the end of the file is damage here. */
  async text(what: string): Promise<string> {
    const line = await this.line();
    if (!line) throw backupDamaged(this.file, `it ends before ${what} (cut off?)`);
    return line.toString('utf8', 0, line.length - 1);
  }

  async json(what: string): Promise<unknown> {
    const text = await this.text(what);
    try {
      return JSON.parse(text);
    } catch {
      throw backupDamaged(this.file, `${what} is not readable`);
    }
  }

  close(): void {
    this.gunzip.destroy();
    this.source.destroy();
  }
}

/** Reads and checks the format line and the header; the reader is then at the first table. */
export async function readHeader(reader: BackupReader): Promise<BackupHeader> {
  const magic = await reader.text('the format line');
  const [format, version] = magic.split(' ');
  if (format !== BACKUP_FORMAT) throw backupDamaged(reader.file, 'it does not start like a Writ backup');
  if (version !== String(BACKUP_VERSION))
    throw new WritError(
      'validation_failed',
      `${reader.file} is a Writ backup of format ${version}; this Writ reads format ${BACKUP_VERSION}. Use the Writ version that made it, or a newer one.`,
      'file',
    );
  const header = headerSchema.safeParse(await reader.json('the header'));
  if (!header.success) throw backupDamaged(reader.file, `its header is not valid (${header.error.issues[0]?.message})`);
  return header.data;
}

/** Only the header, for checks before any database is opened. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const reader = new BackupReader(file);
  try {
    return await readHeader(reader);
  } finally {
    reader.close();
  }
}
