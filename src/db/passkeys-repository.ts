/**
 * Officers' passkeys (WebAuthn credentials, table officer_passkeys) and the challenge a sign-in
 * step is waiting on, kept on the officer's session row (never in memory: any Writ process may
 * receive the answer). Each change is one transaction with its agency event.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from './connection.js';
import { hashToken } from './officer-sessions-repository.js';
import { agencyEvents, officerPasskeys, officerSessions, officers } from './schema/index.js';

export type StoredPasskey = {
  credentialId: string;
  officerId: string;
  publicKey: Uint8Array<ArrayBuffer>;
  counter: number;
  transports: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
};

export type PasskeySummary = Omit<StoredPasskey, 'publicKey' | 'officerId' | 'counter'>;

const summaryColumns = {
  credentialId: officerPasskeys.credentialId,
  transports: officerPasskeys.transports,
  createdAt: officerPasskeys.createdAt,
  lastUsedAt: officerPasskeys.lastUsedAt,
};

export function passkeysRepository(db: Db, now: () => Date) {
  return {
    async listOf(officerId: string): Promise<PasskeySummary[]> {
      return db
        .select(summaryColumns)
        .from(officerPasskeys)
        .where(eq(officerPasskeys.officerId, officerId))
        .orderBy(officerPasskeys.createdAt, officerPasskeys.credentialId);
    },

    async find(credentialId: string): Promise<StoredPasskey | undefined> {
      const [row] = await db.select().from(officerPasskeys).where(eq(officerPasskeys.credentialId, credentialId));
      return row ? { ...row, publicKey: new Uint8Array(row.publicKey) as Uint8Array<ArrayBuffer> } : undefined;
    },

    /** Stores the challenge a session now waits on (replacing any earlier one). */
    async setChallenge(sessionToken: string, challenge: string): Promise<void> {
      await db
        .update(officerSessions)
        .set({ challenge })
        .where(eq(officerSessions.tokenHash, hashToken(sessionToken)));
    },

    /**
     * Takes the session's challenge and clears it in the same statement, so that an answer is checked
     * against it once: a replayed or concurrent second answer finds none.
     */
    async takeChallenge(sessionToken: string): Promise<string | null> {
      const result = await db.execute<{ challenge: string | null }>(sql`
        UPDATE ${officerSessions} AS s SET challenge = NULL
        FROM (SELECT token_hash, challenge FROM ${officerSessions}
              WHERE token_hash = ${hashToken(sessionToken)} FOR UPDATE) AS old
        WHERE s.token_hash = old.token_hash
        RETURNING old.challenge`);
      return result.rows[0]?.challenge ?? null;
    },

    /**
     * Adds a passkey of the officer, with its `passkey_added` event; false when the credential is
     * registered already (to anyone).
     */
    async add(
      actor: { officerId: string; agencyId: string },
      passkey: { credentialId: string; publicKey: Uint8Array; counter: number; transports: string[] },
    ): Promise<boolean> {
      return db.transaction(async (tx) => {
        const [added] = await tx
          .insert(officerPasskeys)
          .values({ ...passkey, officerId: actor.officerId, publicKey: Buffer.from(passkey.publicKey), createdAt: now() })
          .onConflictDoNothing()
          .returning({ credentialId: officerPasskeys.credentialId });
        if (!added) return false;
        await tx.insert(agencyEvents).values({
          agencyId: actor.agencyId,
          type: 'passkey_added',
          actorOfficerId: actor.officerId,
          at: now(),
          after: { officerId: actor.officerId, credentialId: passkey.credentialId },
        });
        return true;
      });
    },

    /**
     * Records a verified use: the new signature counter, which must be above the stored one (both 0:
     * an authenticator that keeps no counter). False when the counter did not move on (a cloned
     * authenticator, or an answer used twice).
     */
    async recordUse(credentialId: string, newCounter: number): Promise<boolean> {
      const used = await db
        .update(officerPasskeys)
        .set({ counter: newCounter, lastUsedAt: now() })
        .where(
          and(
            eq(officerPasskeys.credentialId, credentialId),
            sql`(${officerPasskeys.counter} < ${newCounter} OR (${officerPasskeys.counter} = 0 AND ${newCounter} = 0))`,
          ),
        )
        .returning({ credentialId: officerPasskeys.credentialId });
      return used.length === 1;
    },

    /**
     * Removes one of the officer's passkeys with its `passkey_removed` event, if `mayRemove` allows it
     * given the factors the officer has (read under the officer's row lock, so that two removals at
     * once cannot leave none). False when the officer has no such passkey.
     */
    async remove(
      actor: { officerId: string; agencyId: string },
      credentialId: string,
      mayRemove: (factors: { passkeys: number; totp: boolean }) => void,
    ): Promise<boolean> {
      return db.transaction(async (tx) => {
        const [officer] = await tx
          .select({ totp: sql<boolean>`${officers.totpSecret} IS NOT NULL` })
          .from(officers)
          .where(eq(officers.id, actor.officerId))
          .for('update');
        const owned = await tx
          .select({ credentialId: officerPasskeys.credentialId })
          .from(officerPasskeys)
          .where(eq(officerPasskeys.officerId, actor.officerId));
        if (!officer || !owned.some((p) => p.credentialId === credentialId)) return false;
        mayRemove({ passkeys: owned.length, totp: officer.totp });
        await tx.delete(officerPasskeys).where(eq(officerPasskeys.credentialId, credentialId));
        await tx.insert(agencyEvents).values({
          agencyId: actor.agencyId,
          type: 'passkey_removed',
          actorOfficerId: actor.officerId,
          at: now(),
          before: { officerId: actor.officerId, credentialId },
        });
        return true;
      });
    },
  };
}
export type PasskeysRepository = ReturnType<typeof passkeysRepository>;
