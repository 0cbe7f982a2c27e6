/**
 * `writ restore FILE`: loads a backup (backup-format.ts) into an empty, migrated Writ database in
 * one transaction: every table in the file's foreign-key order through COPY, then the sequences.
 * Row counts are checked table by table and the SHA-256 at the end; any failure rolls everything
 * back, so the database is either the backup or as empty as before.
 */
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { WritError } from '../domain/errors.js';
import {
  appliedMigrations,
  backupConnection,
  type CatalogTable,
  catalogTables,
  type ForeignKey,
  quotedColumns,
  quotedTable,
  rowCount,
  sequenceValues,
  sessionSettings,
  setSequence,
} from './backup-catalog.js';
import {
  type BackupHeader,
  BackupReader,
  backupDamaged,
  checkMigrations,
  END_OF_ROWS,
  readHeader,
  totalRows,
} from './backup-format.js';

export type RestoreOptions = { onProgress?: (rowsDone: number, rowsTotal: number) => void };
export type RestoreSummary = { header: BackupHeader; rows: number };

const endOfRows = Buffer.from(`${END_OF_ROWS}\n`);
const BATCH_BYTES = 256 * 1024;

/** The backup's tables and columns must all exist here, and its order must respect this schema's keys. */
function checkFits(file: string, header: BackupHeader, here: CatalogTable[], keys: ForeignKey[], sequences: string[]): void {
  const unknownSequences = header.sequences.filter((s) => !sequences.includes(s.name));
  if (unknownSequences.length)
    throw new WritError(
      'validation_failed',
      `${file} has sequences this database does not have: ${unknownSequences.map((s) => s.name).join(', ')}`,
      'file',
    );
  const tables = new Map(here.map((t) => [t.name, new Set(t.columns)]));
  for (const t of header.tables) {
    const columns = tables.get(t.name);
    if (!columns)
      throw new WritError('validation_failed', `${file} has a table ${t.name} that this database does not have`, 'file');
    const missing = t.columns.filter((c) => !columns.has(c));
    if (missing.length)
      throw new WritError(
        'validation_failed',
        `${file}: table ${t.name} has columns this database does not have: ${missing.join(', ')}`,
        'file',
      );
  }
  const position = new Map(header.tables.map((t, i) => [t.name, i]));
  for (const k of keys) {
    const child = position.get(k.table);
    const parent = position.get(k.references);
    if (k.table !== k.references && child !== undefined && parent !== undefined && parent > child)
      throw new WritError('validation_failed', `${file} holds ${k.table} before ${k.references}, which it refers to`, 'file');
  }
}

/** A Writ database is empty when no table of schema `public` has a row; migrations are not data. */
async function refuseUnlessEmpty(client: pg.ClientBase, tables: CatalogTable[]): Promise<void> {
  const filled: string[] = [];
  for (const t of tables) {
    const { rows } = await client.query(`SELECT 1 FROM ${quotedTable(client, t.name)} LIMIT 1`);
    if (!rows.length) continue;
    const count = await rowCount(client, t.name);
    filled.push(`${t.name} (${count.toLocaleString('en-US')} row${count === 1 ? '' : 's'})`);
  }
  if (filled.length)
    throw new WritError(
      'conflict',
      `the database is not empty: ${filled.join(', ')}. A backup is restored only into an empty Writ database ` +
        '(a new WRIT_DATA_DIR, or a new database for DATABASE_URL); nothing was changed.',
    );
}

/** Streams one table's rows from the reader into COPY, up to its `\.` line. */
async function loadTable(
  client: pg.ClientBase,
  reader: BackupReader,
  table: BackupHeader['tables'][number],
  onRows: (n: number) => void,
): Promise<void> {
  const section = (await reader.json(`the rows of ${table.name}`)) as { table?: unknown };
  if (section?.table !== table.name)
    throw backupDamaged(reader.file, `the rows of ${table.name} are not where the header says they are`);
  async function* rows() {
    let batch: Buffer[] = [];
    let bytes = 0;
    for (;;) {
      const line = await reader.line();
      if (!line) throw backupDamaged(reader.file, `it ends inside the rows of ${table.name} (cut off?)`);
      if (line.equals(endOfRows)) break;
      batch.push(line);
      bytes += line.length;
      if (bytes >= BATCH_BYTES) {
        onRows(batch.length);
        yield Buffer.concat(batch);
        batch = [];
        bytes = 0;
      }
    }
    onRows(batch.length);
    if (batch.length) yield Buffer.concat(batch);
  }
  const copy = client.query(
    copyFrom(`COPY ${quotedTable(client, table.name)} (${quotedColumns(client, table.columns)}) FROM STDIN`),
  );
  await pipeline(rows(), copy).catch((error: unknown) => {
    if (error instanceof WritError) throw error;
    // A row PostgreSQL cannot take (a bad value, a broken key) means the file is not what was written.
    throw backupDamaged(reader.file, `a row of ${table.name} cannot be loaded (${(error as Error).message})`);
  });
  if (copy.rowCount !== table.rows)
    throw backupDamaged(reader.file, `${table.name} has ${copy.rowCount} rows, but its header says ${table.rows}`);
}

/**
 * `pool` must reach the database as the tables' owner (as `pg_restore` would): the restore reads the
 * migrations table, locks the histories against writers and sets the sequences, which Writ's serving
 * role (src/db/roles.ts) may not do.
 */
export async function restoreBackup(pool: pg.Pool, file: string, options: RestoreOptions = {}): Promise<RestoreSummary> {
  const reader = new BackupReader(file);
  const client = await backupConnection(pool);
  try {
    const header = await readHeader(reader);
    checkMigrations(file, header.migrations, await appliedMigrations(client));
    await client.query('BEGIN');
    await client.query(sessionSettings);
    // The backup holds the audit log as it was: the histories it loads are not chained again (0016).
    await client.query("SET LOCAL writ.restore = 'on'");
    const { tables, foreignKeys } = await catalogTables(client);
    const sequences = (await sequenceValues(client)).map((s) => s.name);
    checkFits(file, header, tables, foreignKeys, sequences);
    // Held to the end: a Writ serving this database waits rather than writes between check and load.
    if (tables.length)
      await client.query(`LOCK TABLE ${tables.map((t) => quotedTable(client, t.name)).join(', ')} IN SHARE ROW EXCLUSIVE MODE`);
    await refuseUnlessEmpty(client, tables);
    const total = totalRows(header);
    let done = 0;
    options.onProgress?.(done, total);
    for (const table of header.tables)
      await loadTable(client, reader, table, (n) => {
        done += n;
        options.onProgress?.(done, total);
      });
    const actual = reader.hash.copy().digest('hex');
    const trailer = (await reader.json('the checksum')) as { sha256?: unknown };
    if (trailer?.sha256 !== actual) throw backupDamaged(file, 'its checksum does not match its content');
    if (await reader.line()) throw backupDamaged(file, 'there is more after its checksum');
    for (const s of header.sequences) await setSequence(client, s);
    await client.query('COMMIT');
    return { header, rows: done };
  } finally {
    reader.close();
    // After a failure the connection may be mid-COPY: closing it rolls the transaction back.
    await client.end().catch(() => undefined);
  }
}
