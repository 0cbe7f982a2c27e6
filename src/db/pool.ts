/**
 * Writ's connection pool, bounded in time: connecting, waiting for a pooled connection and each
 * statement give up after a set time, so that a stopped or dead database server makes requests
 * fail (503, src/http/problem.ts) instead of hanging.
 */
import pg from 'pg';
import { isDatabaseUnavailable } from './availability.js';

export type DatabaseTimeouts = {
  /** Opening a connection, and waiting for a free one in the pool. */
  connectMs: number;
  /** One statement; 0: no limit (then a server that stops answering is waited for indefinitely). */
  statementMs: number;
};

export const defaultTimeouts: DatabaseTimeouts = { connectMs: 5_000, statementMs: 5_000 };

// The server cancels a statement at statementMs and says so (57014); the client gives up a little
// later, which only happens when the server does not answer at all (stopped, or the network gone).
const clientGraceMs = 1_000;

// A session left idle inside a transaction (a Writ process stalled half-way) holds its locks; the
// server ends it after this long.
const idleInTransactionMs = 60_000;

/**
 * After a statement's client-side timeout the connection is in an unknown state: the statement
 * may still run, inside a transaction that is still open. Such a connection must never go back
 * into the pool, where the next request would run in (and perhaps commit) that transaction, so it
 * is closed at once: the pool then drops it, and the server rolls the transaction back. The same
 * goes for a connection the server has ended (57P01, …), which would otherwise be handed out once
 * more before its end is noticed. A statement timeout (57014) leaves a healthy connection.
 */
function closeWhenBroken(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const close = (error: unknown) => {
    if ((error as { code?: unknown }).code !== '57014' && isDatabaseUnavailable(error)) void client.end().catch(() => undefined);
  };
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const callback = args.at(-1);
    if (typeof callback === 'function') {
      args[args.length - 1] = (error: unknown, result: unknown) => {
        if (error) close(error);
        callback(error, result);
      };
      return query(...args);
    }
    const result = query(...args);
    if (!(result instanceof Promise)) return result; // a cursor or stream: it reports its own errors
    return result.catch((error: unknown) => {
      close(error);
      throw error;
    });
  };
}

type ConnectCallback = (error: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void;

/**
 * Drizzle's transaction checks a connection out and releases it in a `finally` that begins only
 * after its BEGIN succeeded; when BEGIN fails (the server just died, or stopped answering) the
 * connection is never released, and each outage would shrink the pool for good (and make
 * `pool.end()` wait forever). So a checked-out connection whose link ends is released here, and a
 * later release by its holder does nothing.
 */
class WritPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | undefined {
    if (callback) {
      super.connect(callback); // pool.query's own path, which always releases
      return;
    }
    return super.connect().then((client) => {
      const release = client.release;
      let released = false;
      const releaseOnce = (error?: Error | boolean) => {
        if (released) return;
        released = true;
        client.removeListener('end', onEnd);
        release(error);
      };
      const onEnd = () => releaseOnce(new Error('the connection ended while checked out'));
      client.once('end', onEnd);
      client.release = releaseOnce;
      return client;
    });
  }
}

export function createPool(url: string, max: number, timeouts: DatabaseTimeouts = defaultTimeouts): pg.Pool {
  const pool = new WritPool({
    connectionString: url,
    max,
    connectionTimeoutMillis: timeouts.connectMs,
    keepAlive: true,
    statement_timeout: timeouts.statementMs || undefined,
    query_timeout: timeouts.statementMs ? timeouts.statementMs + clientGraceMs : undefined,
    idle_in_transaction_session_timeout: idleInTransactionMs,
  });
  // A dropped idle connection is replaced on next use.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    // A connection that dies while checked out (the server killed mid-transaction) fails its
    // queries, which the request reports; without a listener it would also crash the process.
    client.on('error', () => undefined);
    closeWhenBroken(client);
  });
  return pool;
}
