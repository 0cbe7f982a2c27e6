/**
 * Telling "the database is down or too slow right now" apart from every other failure, in one
 * place: the HTTP layer answers the first with 503 and Retry-After, everything else stays a 500.
 */
import type pg from 'pg';

// Node's socket errors when the server is gone or unreachable.
const socketCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

const sqlStates = new Set([
  '57P01', // admin_shutdown: the server is shutting down (or was restarted) and ended the session
  '57P02', // crash_shutdown: another server process crashed; the server restarts
  '57P03', // cannot_connect_now: starting up or recovering
  '53300', // too_many_connections
  // query_canceled: a statement ran past WRIT_DB_STATEMENT_TIMEOUT_MS. The server is overloaded or
  // stalled on a lock; the same request may well succeed later, so this is "unavailable", not a bug.
  '57014',
]);

// What node-postgres and pg-pool say when the connection is cut or a timeout fires; they carry no code.
const messages = [
  /^Connection terminated/, // unexpectedly, or due to connection timeout
  /^timeout exceeded when trying to connect$/, // pg-pool: no connection within connectionTimeoutMillis
  /^Query read timeout$/, // query_timeout: the server did not answer at all (stopped, or the network)
  /is not queryable$/, // a client whose connection already failed
];

function matches(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (socketCodes.has(code) || sqlStates.has(code) || code.startsWith('08')) return true;
  }
  return messages.some((m) => m.test(error.message));
}

/** True when an error (or one it wraps, e.g. Drizzle's DrizzleQueryError) means the database is unavailable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (matches(e)) return true;
    // A connection to `localhost` tries each address; Node reports all failures together.
    if (e instanceof AggregateError && e.errors.some(matches)) return true;
  }
  return false;
}

/** Seconds a client should wait before trying again while the database is unavailable. */
export const retryAfterSeconds = 5;

/**
 * Readiness: one `SELECT 1`, refused when it takes longer than `timeoutMs` (waiting for a pooled
 * connection included), so that a stalled server makes the probe fail rather than hang.
 */
export async function checkDatabase(pool: pg.Pool, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the database did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  const query = pool.query({ text: 'SELECT 1', query_timeout: timeoutMs } as pg.QueryConfig);
  query.catch(() => undefined); // when the timer wins, the query's own failure comes later
  try {
    await Promise.race([query, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
