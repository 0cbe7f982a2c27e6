/**
 * Officers' sessions and the principal behind an authority-channel request: an officer signed in
 * through the portal, or an agency's API key. Kept apart from staff sessions (users-repository.ts),
 * so that no token of one kind is ever accepted as the other.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from './connection.js';
import { agencies, apiKeys, officerSessions, officers } from './schema/index.js';

export type AgencyStatus = 'pending' | 'verified' | 'rejected' | 'suspended';
export type OfficerSessionStage = 'second_factor' | 'enrol' | 'full';

/** Who is acting on the authority channel, and for which agency. */
export type AgencyPrincipal = {
  agency: { id: string; country: string; name: string; status: AgencyStatus; authorityId: string | null };
  /** The officer, for a portal session; null for an API key. */
  officer: { id: string; email: string; name: string; isAgencyAdmin: boolean } | null;
  /** The API key, when the request carried one. */
  apiKeyId: string | null;
  /** How far the officer's sign-in has got; `full` for an API key. */
  stage: OfficerSessionStage;
};

import { API_KEY_PREFIX, OFFICER_TOKEN_PREFIX } from '../domain/officer.js';

export { API_KEY_PREFIX, OFFICER_TOKEN_PREFIX };

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const agencyColumns = {
  id: agencies.id,
  country: agencies.country,
  name: agencies.name,
  status: agencies.status,
  authorityId: agencies.authorityId,
};

export function officerSessionsRepository(db: Db, now: () => Date) {
  return {
    /** Starts a session at `stage`; returns the token, stored only as its SHA-256. */
    async start(officerId: string, stage: OfficerSessionStage, ttlMinutes: number): Promise<{ token: string; expiresAt: Date }> {
      const token = OFFICER_TOKEN_PREFIX + randomBytes(32).toString('base64url');
      const expiresAt = new Date(now().getTime() + ttlMinutes * 60_000);
      await db.insert(officerSessions).values({ tokenHash: hashToken(token), officerId, stage, expiresAt });
      await db.delete(officerSessions).where(lt(officerSessions.expiresAt, now()));
      return { token, expiresAt };
    },

    /** Moves a session to another stage (second factor checked: `full`). */
    async setStage(token: string, stage: OfficerSessionStage): Promise<void> {
      await db
        .update(officerSessions)
        .set({ stage, challenge: null })
        .where(eq(officerSessions.tokenHash, hashToken(token)));
    },

    async end(token: string): Promise<void> {
      await db.delete(officerSessions).where(eq(officerSessions.tokenHash, hashToken(token)));
    },

    async endAllOf(officerId: string): Promise<void> {
      await db.delete(officerSessions).where(eq(officerSessions.officerId, officerId));
    },

    /** The principal of an officer's session token, whatever its stage; undefined when unknown or expired. */
    async principalForSession(token: string): Promise<AgencyPrincipal | undefined> {
      const [row] = await db
        .select({
          agency: agencyColumns,
          officer: { id: officers.id, email: officers.email, name: officers.name, isAgencyAdmin: officers.isAgencyAdmin },
          officerStatus: officers.status,
          stage: officerSessions.stage,
        })
        .from(officerSessions)
        .innerJoin(officers, eq(officers.id, officerSessions.officerId))
        .innerJoin(agencies, eq(agencies.id, officers.agencyId))
        .where(and(eq(officerSessions.tokenHash, hashToken(token)), gt(officerSessions.expiresAt, now())));
      if (!row || row.officerStatus === 'disabled') return undefined;
      return { agency: row.agency, officer: row.officer, apiKeyId: null, stage: row.stage };
    },

    /** The principal of an API key that is neither revoked nor expired; records its last use. */
    async principalForApiKey(key: string): Promise<AgencyPrincipal | undefined> {
      const [row] = await db
        .update(apiKeys)
        .set({ lastUsedAt: now() })
        .from(agencies)
        .where(
          and(
            eq(apiKeys.keyHash, hashToken(key)),
            eq(agencies.id, apiKeys.agencyId),
            isNull(apiKeys.revokedAt),
            or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now())),
          ),
        )
        .returning({ keyId: apiKeys.id, ...agencyColumns });
      if (!row) return undefined;
      const { keyId, ...agency } = row;
      return { agency, officer: null, apiKeyId: keyId, stage: 'full' };
    },

    /** How many sessions an officer has (tests, the agency's officer list). */
    async countOf(officerId: string): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(officerSessions)
        .where(eq(officerSessions.officerId, officerId));
      return row?.n ?? 0;
    },
  };
}
export type OfficerSessionsRepository = ReturnType<typeof officerSessionsRepository>;
