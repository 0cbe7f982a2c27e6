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
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
        const [done] = await tx.select({ key: installation.key }).from(installation).where(eq(installation.key, key));
        if (done) return false;
        const result = await work(tx);
        await tx.insert(installation).values({ key, value: { at: new Date().toISOString(), result: result ?? null } });
        return true;
      });
    },
  };
}
