/**
 * Writes made under an Idempotency-Key (docs/decisions/0042-idempotency-keys.md). A first call
 * claims its key inside the request's held transaction (src/db/request-transaction.ts): the row
 * stays uncommitted while the call runs, so that a concurrent retry's claim waits on the primary
 * key, and it commits with the call's writes and its answer, or not at all. A committed row is
 * therefore always a finished call with its answer; a row older than the key's lifetime counts as
 * absent and is taken over.
 */
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from './connection.js';
import type { Tx } from './request-rows.js';
import { idempotencyKeys } from './schema/index.js';

export type IdempotencyClaim = {
  /** `user:<id>`, `officer:<id>`, `key:<id>` or `addr:<ip>`. */
  principal: string;
  key: string;
  /** Method and route pattern. */
  operation: string;
  /** SHA-256 (hex) of the body as sent. */
  bodyHash: string;
};

export type StoredAnswer = { statusCode: number; responseBody: string | null; responseType: string | null };

/** What a claim found: the key is this call's to run, or a finished call's answer (or another request's). */
export type ClaimOutcome = { kind: 'claimed' } | { kind: 'finished'; operation: string; bodyHash: string; answer: StoredAnswer };

export function idempotencyRepository(db: Db, now: () => Date, ttlHours: number) {
  const cutoff = () => new Date(now().getTime() - ttlHours * 3_600_000);
  return {
    /**
     * Claims the key in `tx` (a held transaction). Waits while another call holds the key
     * uncommitted; then the key is this call's if that call rolled back, or its answer is returned.
     */
    async claim(tx: Tx, claim: IdempotencyClaim): Promise<ClaimOutcome> {
      const claimed = await tx
        .insert(idempotencyKeys)
        .values({ ...claim, createdAt: now() })
        .onConflictDoUpdate({
          target: [idempotencyKeys.principal, idempotencyKeys.key],
          set: {
            operation: sql`excluded.operation`,
            bodyHash: sql`excluded.body_hash`,
            statusCode: null,
            responseBody: null,
            responseType: null,
            createdAt: sql`excluded.created_at`,
          },
          // An expired key is free again; a live one is left as it is (and this claim reads it below).
          setWhere: lt(idempotencyKeys.createdAt, cutoff()),
        })
        .returning({ principal: idempotencyKeys.principal });
      if (claimed.length > 0) return { kind: 'claimed' };
      const [row] = await tx
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.principal, claim.principal), eq(idempotencyKeys.key, claim.key)));
      if (!row || row.statusCode === null) throw new Error('an idempotency key was committed without its answer');
      return {
        kind: 'finished',
        operation: row.operation,
        bodyHash: row.bodyHash,
        answer: { statusCode: row.statusCode, responseBody: row.responseBody, responseType: row.responseType },
      };
    },

    /** Records the answer of the claimed key, in the same held transaction as the claim. */
    async answer(tx: Tx, claim: Pick<IdempotencyClaim, 'principal' | 'key'>, answer: StoredAnswer): Promise<void> {
      await tx
        .update(idempotencyKeys)
        .set(answer)
        .where(and(eq(idempotencyKeys.principal, claim.principal), eq(idempotencyKeys.key, claim.key)));
    },

    /** Forgets keys past their lifetime (called now and then; a claim ignores them anyway). */
    async deleteExpired(): Promise<number> {
      const deleted = await db
        .delete(idempotencyKeys)
        .where(lt(idempotencyKeys.createdAt, cutoff()))
        .returning({ key: idempotencyKeys.key });
      return deleted.length;
    },
  };
}
export type IdempotencyRepository = ReturnType<typeof idempotencyRepository>;
