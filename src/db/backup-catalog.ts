/**
 * What a backup holds, read from PostgreSQL's catalog rather than listed by hand, so that a table
 * or sequence a later migration adds is backed up without anyone remembering to.
 */
import pg from 'pg';

/**
 * A connection of its own for a backup or restore, on the pool's server and credentials but free of
 * its per-statement timeouts (src/db/pool.ts): copying a large table may take minutes.
 */
export async function backupConnection(pool: pg.Pool): Promise<pg.Client> {
  const { query_timeout: _, statement_timeout: __, ...options } = pool.options;
  // pg-pool keeps the password out of enumeration; pass it on explicitly.
  const client = new pg.Client({ ...options, password: pool.options.password });
  client.on('error', () => undefined); // a dropped connection fails the query in progress, which reports it
  await client.connect();
  return client;
}

/**
 * COPY's text depends on a few settings (as pg_dump knows): fix them for this transaction so that
 * both ends read and write the same text, and let a long copy outlive Writ's statement timeouts.
 */
export const sessionSettings = `
  SET LOCAL datestyle = 'ISO, YMD';
  SET LOCAL intervalstyle = 'postgres';
  SET LOCAL extra_float_digits = 3;
  SET LOCAL client_encoding = 'UTF8';
  SET LOCAL statement_timeout = 0;
  SET LOCAL lock_timeout = 0;
  SET LOCAL idle_in_transaction_session_timeout = 0`;

export type CatalogTable = { name: string; columns: string[] };
export type ForeignKey = { table: string; references: string };

/** Every table in schema `public`, parents before the tables whose foreign keys point at them. */
export async function catalogTables(client: pg.ClientBase): Promise<{ tables: CatalogTable[]; foreignKeys: ForeignKey[] }> {
  const tables = await client.query<{ name: string; columns: string[] }>(`
    SELECT c.relname AS name,
           array_agg(a.attname::text ORDER BY a.attnum) AS columns
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    WHERE n.nspname = 'public' AND c.relkind = 'r'
    GROUP BY c.relname
    ORDER BY c.relname`);
  const keys = await client.query<ForeignKey>(`
    SELECT DISTINCT child.relname AS "table", parent.relname AS "references"
    FROM pg_constraint k
    JOIN pg_class child ON child.oid = k.conrelid
    JOIN pg_class parent ON parent.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = child.relnamespace
    WHERE k.contype = 'f' AND n.nspname = 'public'`);
  return { tables: inForeignKeyOrder(tables.rows, keys.rows), foreignKeys: keys.rows };
}

/**
 * Parents first (Kahn's algorithm, ties by name so that the order is stable). A table's key to
 * itself does not order tables; no Writ table has one.
 */
export function inForeignKeyOrder<T extends { name: string }>(tables: T[], keys: ForeignKey[]): T[] {
  const names = new Set(tables.map((t) => t.name));
  const parents = new Map(tables.map((t) => [t.name, new Set<string>()]));
  for (const k of keys)
    if (k.table !== k.references && names.has(k.table) && names.has(k.references)) parents.get(k.table)!.add(k.references);
  const ordered: T[] = [];
  const left = [...tables].sort((a, b) => a.name.localeCompare(b.name));
  while (left.length) {
    const next = left.findIndex((t) => [...parents.get(t.name)!].every((p) => ordered.some((o) => o.name === p)));
    if (next < 0)
      throw new Error(`the foreign keys between ${left.map((t) => t.name).join(', ')} form a cycle; no load order exists`);
    ordered.push(...left.splice(next, 1));
  }
  return ordered;
}

export type SequenceValue = { name: string; lastValue: string; isCalled: boolean };

/**
 * Every sequence in schema `public` (bigserial ids, request references). Sequences are not
 * transactional: read after the snapshot is taken, each is at least as far as any row the
 * snapshot sees, which is all a restore needs.
 */
export async function sequenceValues(client: pg.ClientBase): Promise<SequenceValue[]> {
  const names = await client.query<{ name: string }>(`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname`);
  const values: SequenceValue[] = [];
  for (const { name } of names.rows) {
    const { rows } = await client.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text, is_called FROM public.${client.escapeIdentifier(name)}`,
    );
    values.push({ name, lastValue: rows[0]!.last_value, isCalled: rows[0]!.is_called });
  }
  return values;
}

export async function setSequence(client: pg.ClientBase, s: SequenceValue): Promise<void> {
  await client.query(`SELECT setval(format('%I.%I', 'public', $1::text)::regclass, $2::bigint, $3::boolean)`, [
    s.name,
    s.lastValue,
    s.isCalled,
  ]);
}

export const quotedTable = (client: pg.ClientBase, name: string) => `public.${client.escapeIdentifier(name)}`;
export const quotedColumns = (client: pg.ClientBase, columns: string[]) =>
  columns.map((c) => client.escapeIdentifier(c)).join(', ');

export async function rowCount(client: pg.ClientBase, table: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${quotedTable(client, table)}`);
  return Number(rows[0]!.n);
}

/** The migrations drizzle applied to this database, oldest first. */
export async function appliedMigrations(client: pg.ClientBase): Promise<{ createdAt: number; hash: string }[]> {
  const found = await client.query(`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS found`);
  if (!found.rows[0].found) throw new Error('this database has no Writ schema (no drizzle.__drizzle_migrations)');
  const { rows } = await client.query<{ created_at: string; hash: string }>(
    'SELECT created_at::text, hash FROM drizzle.__drizzle_migrations ORDER BY created_at',
  );
  return rows.map((r) => ({ createdAt: Number(r.created_at), hash: r.hash }));
}
