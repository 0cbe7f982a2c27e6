/**
 * Failed officer sign-ins for addresses that are no usable officer (none such, disabled, not yet
 * enrolled), counted so that such an address locks exactly as a real officer's account would: the
 * same answers, the same waits. Without them, guessing until one address answers 423 would tell
 * which officers exist. Kept in `sign_in_attempts` under a key of their own (`officer:` and the
 * SHA-256 of the address), apart from staff sign-in's keys.
 */
import { and, count, eq, max } from 'drizzle-orm';
import { lockDuration } from '../domain/officer.js';
import type { Db } from './connection.js';
import { hashToken } from './officer-sessions-repository.js';
import { signInAttempts } from './schema/index.js';

const keyOf = (email: string) => `officer:${hashToken(email.trim().toLowerCase())}`;
/** What stands for the client's address: these rows are never counted per address. */
const ADDRESS = 'officer-portal';

export function unknownSignInsRepository(db: Db, now: () => Date) {
  async function lockedUntil(email: string, threshold: number): Promise<Date | null> {
    const [row] = await db
      .select({ failures: count(), last: max(signInAttempts.attemptedAt) })
      .from(signInAttempts)
      .where(and(eq(signInAttempts.accountKey, keyOf(email)), eq(signInAttempts.outcome, 'failed')));
    const lock = lockDuration(row?.failures ?? 0, threshold);
    return lock > 0 && row?.last ? new Date(row.last.getTime() + lock) : null;
  }
  return {
    /** Until when the address is locked, as an officer's account would be after as many failures; null if not. */
    lockedUntil,
    /** Counts a failure; returns the lock it brings, as `officers.recordFailure` does for a real officer. */
    async recordFailure(email: string, threshold: number): Promise<Date | null> {
      await db
        .insert(signInAttempts)
        .values({ attemptedAt: now(), clientAddress: ADDRESS, accountKey: keyOf(email), outcome: 'failed' });
      return lockedUntil(email, threshold);
    },
  };
}
export type UnknownSignInsRepository = ReturnType<typeof unknownSignInsRepository>;
