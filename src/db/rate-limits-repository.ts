/**
 * Request counters in fixed windows, per bucket (`key:<id>:write`, `addr:<ip>:read`, …), kept in
 * PostgreSQL so that a limit holds across every Writ process behind a load balancer. One atomic
 * upsert counts a request in all its buckets at once and says how many each has seen; a refused
 * request counts too, so a flood stays refused until its window ends.
 */
import { lt, sql } from 'drizzle-orm';
import type { Db } from './connection.js';
import { rateLimitWindows } from './schema/index.js';

export type WindowCount = { bucket: string; hits: number };

export function rateLimitsRepository(db: Db, now: () => Date, windowMs: number) {
  return {
    /** The window `at` falls in: its start and its end. */
    windowOf(at: Date): { start: Date; end: Date } {
      const start = Math.floor(at.getTime() / windowMs) * windowMs;
      return { start: new Date(start), end: new Date(start + windowMs) };
    },

    /** Counts one request in each bucket's current window; returns each bucket's hits so far. */
    async hit(buckets: readonly string[]): Promise<{ counts: WindowCount[]; windowEnd: Date }> {
      const { start, end } = this.windowOf(now());
      const counts = await db
        .insert(rateLimitWindows)
        .values(buckets.map((bucket) => ({ bucket, windowStart: start, hits: 1 })))
        .onConflictDoUpdate({
          target: [rateLimitWindows.bucket, rateLimitWindows.windowStart],
          set: { hits: sql`${rateLimitWindows.hits} + 1` },
        })
        .returning({ bucket: rateLimitWindows.bucket, hits: rateLimitWindows.hits });
      // A bucket's first request of a window clears the windows that ended before this one (lazily).
      if (counts.some((c) => c.hits === 1)) await db.delete(rateLimitWindows).where(lt(rateLimitWindows.windowStart, start));
      return { counts, windowEnd: end };
    },
  };
}
export type RateLimitsRepository = ReturnType<typeof rateLimitsRepository>;
