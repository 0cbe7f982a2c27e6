/** Facts about this installation, kept in the database (e.g. that demo data was seeded). */
import { eq, sql } from 'drizzle-orm';
import type { Db } from './connection.js';
import { installation } from './schema/index.js';

const SEED_LOCK = 7_201_912;

export function installationRepository(db: Db) {
  return {
    async get(key: string): Promise<unknown> {
      const [row] = await db.select({ value: installation.value }).from(installation).where(eq(installation.key, key));
      return row?.value;
    },
    async set(key: string, value: unknown): Promise<void> {
      await db
        .insert(installation)
        .values({ key, value })
        .onConflictDoUpdate({ target: installation.key, set: { value, updatedAt: new Date() } });
    },
    /**
     * Runs `work` once per installation, in one transaction: concurrent starters wait on a lock,
     * a key records that it was done, and a failure leaves nothing behind. Returns whether this
     * call did the work.
     */
    async once(key: string, work: (tx: Db) => Promise<unknown>): Promise<boolean> {
      return db.transaction(async (tx) => {
        // Another process may be doing the work (seeding demo data takes seconds on a busy machine):
        // wait for it a try at a time, each statement short, so no statement timeout cuts the wait.
        for (;;) {
          const got = await tx.execute<{ got: boolean }>(sql`SELECT pg_try_advisory_xact_lock(${SEED_LOCK}) AS got`);
          if (got.rows[0]?.got) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        const [done] = await tx.select({ key: installation.key }).from(installation).where(eq(installation.key, key));
        if (done) return false;
        const result = await work(tx);
        await tx.insert(installation).values({ key, value: { at: new Date().toISOString(), result: result ?? null } });
        return true;
      });
    },
  };
}
