/**
 * Sign-in throttling against password guessing, kept in PostgreSQL so that it holds across
 * restarts and across processes (docs/decisions/0031-sign-in-throttling.md):
 * - per client address, at most `attemptsPerMinute` attempts in any 60 s;
 * - per account, after `accountFailures` failures in a row each further failure locks the account
 *   for a back-off that doubles from 1 min up to 15 min, and a success ends the streak. From an
 *   address the account has signed in from lately, only that address's failures count, so
 *   guesses from elsewhere cannot keep the real user out.
 * Refused attempts are not stored: a flood costs a few index reads, not table growth.
 */
import { and, count, desc, eq, gt, lt, max, ne, or, sql } from 'drizzle-orm';
import type { Db } from './connection.js';
import { signInAttempts } from './schema/index.js';

export type SignInLimits = { attemptsPerMinute: number; accountFailures: number };

export type SignInGate =
  | { allowed: true; attemptId: number }
  | { allowed: false; limit: 'address' | 'account'; retryAfterSeconds: number };

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const ADDRESS_WINDOW = MINUTE;
const FIRST_BACK_OFF = MINUTE;
const LONGEST_BACK_OFF = 15 * MINUTE;
/** Failures older than this no longer extend a streak. */
const STREAK_WINDOW = 24 * 60 * MINUTE;
/** An address with a successful sign-in this recent is the account's "known" address. */
const KNOWN_ADDRESS_WINDOW = 30 * 24 * 60 * MINUTE;

// Two-key advisory locks (a key space apart from Writ's one-key locks): one per address, one per
// account, always taken in that order, so that concurrent guesses are checked one after another.
const ADDRESS_LOCK_CLASS = 3101;
const ACCOUNT_LOCK_CLASS = 3102;

/** The lock-out after `failures` failures in a row, when `threshold` are allowed; 0 below it. */
export function accountBackOff(failures: number, threshold: number): number {
  if (failures < threshold) return 0;
  return Math.min(FIRST_BACK_OFF * 2 ** Math.min(failures - threshold, 20), LONGEST_BACK_OFF);
}

const secondsUntil = (until: number, from: Date) => Math.max(1, Math.ceil((until - from.getTime()) / SECOND));
const before = (at: Date, ms: number) => new Date(at.getTime() - ms);

export function signInAttemptsRepository(db: Db, now: () => Date, limits: SignInLimits) {
  return {
    /**
     * Checks both limits and, when the attempt may go ahead, records it as pending (it counts as a
     * failure until `settle`). Call before verifying the password. `email` is keyed with the same
     * lower() as the account lookup, and the same way whether or not the account exists.
     */
    async begin(clientAddress: string, email: string): Promise<SignInGate> {
      const at = now();
      return db.transaction(async (tx) => {
        const keyed = await tx.execute<{ key: string }>(
          sql`SELECT encode(sha256(convert_to(lower(${email}), 'UTF8')), 'hex') AS key`,
        );
        const accountKey = keyed.rows[0]!.key;
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${ADDRESS_LOCK_CLASS}, hashtext(${clientAddress}))`);
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${ACCOUNT_LOCK_CLASS}, hashtext(${accountKey}))`);

        // The attemptsPerMinute-th newest attempt in the window: while it is inside, the address is full.
        const [oldestThatFills] = await tx
          .select({ attemptedAt: signInAttempts.attemptedAt })
          .from(signInAttempts)
          .where(and(eq(signInAttempts.clientAddress, clientAddress), gt(signInAttempts.attemptedAt, before(at, ADDRESS_WINDOW))))
          .orderBy(desc(signInAttempts.attemptedAt))
          .offset(limits.attemptsPerMinute - 1)
          .limit(1);
        if (oldestThatFills)
          return {
            allowed: false,
            limit: 'address',
            retryAfterSeconds: secondsUntil(oldestThatFills.attemptedAt.getTime() + ADDRESS_WINDOW, at),
          } as const;

        const ofAccount = eq(signInAttempts.accountKey, accountKey);
        const succeeded = eq(signInAttempts.outcome, 'succeeded');
        const [success] = await tx
          .select({ lastId: max(signInAttempts.id) })
          .from(signInAttempts)
          .where(and(ofAccount, succeeded));
        const [known] = await tx
          .select({ id: signInAttempts.id })
          .from(signInAttempts)
          .where(
            and(
              ofAccount,
              succeeded,
              eq(signInAttempts.clientAddress, clientAddress),
              gt(signInAttempts.attemptedAt, before(at, KNOWN_ADDRESS_WINDOW)),
            ),
          )
          .limit(1);
        // Ordered by id, not time: under a frozen test clock every attempt has the same time.
        const [streak] = await tx
          .select({ failures: count(), lastAt: max(signInAttempts.attemptedAt) })
          .from(signInAttempts)
          .where(
            and(
              ofAccount,
              ne(signInAttempts.outcome, 'succeeded'),
              gt(signInAttempts.id, success?.lastId ?? 0),
              gt(signInAttempts.attemptedAt, before(at, STREAK_WINDOW)),
              known ? eq(signInAttempts.clientAddress, clientAddress) : undefined,
            ),
          );
        const backOff = accountBackOff(streak?.failures ?? 0, limits.accountFailures);
        const lockedUntil = (streak?.lastAt?.getTime() ?? 0) + backOff;
        if (backOff > 0 && lockedUntil > at.getTime())
          return { allowed: false, limit: 'account', retryAfterSeconds: secondsUntil(lockedUntil, at) } as const;

        const [row] = await tx
          .insert(signInAttempts)
          .values({ attemptedAt: at, clientAddress, accountKey })
          .returning({ id: signInAttempts.id });
        return { allowed: true, attemptId: row!.id } as const;
      });
    },

    /** Records how a pending attempt ended, and forgets attempts no limit looks at any more. */
    async settle(attemptId: number, outcome: 'succeeded' | 'failed'): Promise<void> {
      const at = now();
      await db.update(signInAttempts).set({ outcome }).where(eq(signInAttempts.id, attemptId));
      await db
        .delete(signInAttempts)
        .where(
          or(
            lt(signInAttempts.attemptedAt, before(at, KNOWN_ADDRESS_WINDOW)),
            and(ne(signInAttempts.outcome, 'succeeded'), lt(signInAttempts.attemptedAt, before(at, STREAK_WINDOW))),
          ),
        );
    },
  };
}
export type SignInAttemptsRepository = ReturnType<typeof signInAttemptsRepository>;
