/**
 * One transaction for a whole HTTP request, where a request needs its writes and a record of its
 * answer to commit together (an idempotent write: docs/decisions/0042-idempotency-keys.md).
 *
 * `requestScoped(db)` is the Db the repositories are built over: outside a held transaction it is
 * `db` itself; inside `withinHeldTransaction` every statement goes to the held transaction, and a
 * repository's own `db.transaction(…)` becomes a savepoint in it. Nothing changes for a repository:
 * its change is still all or nothing, it only commits later, with the answer.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { TransactionRollbackError } from 'drizzle-orm';
import type { Db } from './connection.js';
import type { Tx } from './request-rows.js';

/** A transaction kept open until its holder commits or rolls it back. */
export type HeldTransaction = {
  tx: Tx;
  /** True once committed or rolled back: statements then go to the pool again. */
  readonly ended: boolean;
  commit(): Promise<void>;
  rollback(): Promise<void>;
};

const held = new AsyncLocalStorage<HeldTransaction>();

/** Begins a transaction on a connection of its own and keeps it open. */
export async function holdTransaction(db: Db): Promise<HeldTransaction> {
  let decide!: (commit: boolean) => void;
  const decided = new Promise<boolean>((resolve) => {
    decide = resolve;
  });
  let begun!: (tx: Tx) => void;
  const ready = new Promise<Tx>((resolve) => {
    begun = resolve;
  });
  const finished = db.transaction(async (tx) => {
    begun(tx);
    if (!(await decided)) tx.rollback();
  });
  const tx = await Promise.race([
    ready,
    finished.then(() => {
      throw new Error('the transaction ended before it began');
    }),
  ]);
  let ended = false;
  return {
    tx,
    get ended() {
      return ended;
    },
    async commit() {
      ended = true;
      decide(true);
      await finished;
    },
    async rollback() {
      ended = true;
      decide(false);
      await finished.catch((error: unknown) => {
        if (!(error instanceof TransactionRollbackError)) throw error;
      });
    },
  };
}

/** Runs `fn` (and everything it starts) with statements of a `requestScoped` Db going to `transaction`. */
export function withinHeldTransaction<T>(transaction: HeldTransaction, fn: () => T): T {
  return held.run(transaction, fn);
}

/** `db`, or the held transaction of the code now running (see withinHeldTransaction) while it is open. */
export function requestScoped(db: Db): Db {
  return new Proxy(db, {
    get(target, property) {
      const current = held.getStore();
      const actual = (current && !current.ended ? current.tx : target) as object;
      const value = Reflect.get(actual, property, actual);
      return typeof value === 'function' ? value.bind(actual) : value;
    },
  });
}
