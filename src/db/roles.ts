/**
 * Least privilege for Writ's own connection. The tables belong to the role that runs the
 * migrations (the owner: the embedded server's bootstrap superuser, or DATABASE_URL's user). Writ
 * serves through another role that owns nothing and may only read and write rows: it cannot
 * TRUNCATE, alter or drop a table, disable a trigger, or set session_replication_role, and it may
 * only add to the histories (no UPDATE or DELETE on them, besides the append-only triggers), and
 * may only read the audit log, which the database's triggers alone write (decision 48).
 * Run after every migration, so that new tables are covered. Decision 0033 says why.
 */
import pg from 'pg';

// An advisory lock number only Writ uses (the migrations use 7_201_911).
const GRANT_LOCK = 7_201_912;

/** Tables whose rows are never changed or removed once written. */
export const historyTables = [
  'events',
  'obligation_events',
  'pressure_event_history',
  'agency_events',
  'transparency_log',
  'public_record_versions',
  'log_checkpoints',
] as const;

/**
 * The audit log (decision 48): only the database's triggers append to it and move its heads, as the
 * tables' owner (SECURITY DEFINER functions of migration 0016). The serving role reads it.
 */
export const auditTables = ['audit_log', 'audit_heads'] as const;

/** The role the embedded server's Writ serves through. */
export const embeddedServingRole = 'writ_app';

/**
 * Creates the serving role when a password is given (Writ manages it: the embedded server) and
 * grants it exactly the privileges Writ needs on the current tables and sequences.
 */
export async function grantServingRole(ownerUrl: string, role: string, password: string | null): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const name = client.escapeIdentifier(role);
    const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
    const history = historyTables.map((t) => client.escapeIdentifier(t)).join(', ');
    await client.query('BEGIN');
    // One process at a time: two Writs starting at once would otherwise update the same catalog rows.
    await client.query('SELECT pg_advisory_xact_lock($1)', [GRANT_LOCK]);
    if (password !== null) {
      const exists = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
      if (exists.rowCount === 0) await client.query(`CREATE ROLE ${name} LOGIN`);
      await client.query(
        `ALTER ROLE ${name} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${client.escapeLiteral(password)}`,
      );
    }
    await client.query(`GRANT CONNECT ON DATABASE ${client.escapeIdentifier(rows[0]!.db)} TO ${name}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${name}`);
    await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${name}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${name}`);
    await client.query(`REVOKE UPDATE, DELETE ON ${history} FROM ${name}`);
    const audit = auditTables.map((t) => client.escapeIdentifier(t)).join(', ');
    await client.query(`REVOKE INSERT, UPDATE, DELETE ON ${audit} FROM ${name}`);
    // Checkpoints are recorded, never changed.
    await client.query(`REVOKE UPDATE, DELETE ON audit_checkpoints FROM ${name}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${name}`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** The same server and database as `url`, signed in as another role. */
export function urlAs(url: string, role: string, password: string | null): string {
  const u = new URL(url);
  u.username = encodeURIComponent(role);
  u.password = password === null ? '' : encodeURIComponent(password);
  return u.toString();
}
