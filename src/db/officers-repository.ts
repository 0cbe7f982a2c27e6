/**
 * Officers of agencies: invitations, accepting them, second factors (TOTP, recovery codes) and the
 * lock-out after repeated failures. The lock is a column of the officer's row, so it holds across
 * restarts and across Writ processes. Each change is one transaction with its agency event.
 */
import { and, asc, count, eq, gt, isNull, sql } from 'drizzle-orm';
import { lockDuration, type Officer, type OfficerFactors } from '../domain/officer.js';
import type { Db } from './connection.js';
import { hashToken } from './officer-sessions-repository.js';
import { type DbOrTx, enqueueMail, type NewMail } from './outbox-repository.js';
import { agencyEvents, officerRecoveryCodes, officerSessions, officers, officerTokens } from './schema/index.js';

const officerColumns = {
  id: officers.id,
  agencyId: officers.agencyId,
  email: officers.email,
  name: officers.name,
  isAgencyAdmin: officers.isAgencyAdmin,
  status: officers.status,
  emailConfirmedAt: officers.emailConfirmedAt,
  createdAt: officers.createdAt,
};

/** The pending TOTP secret is kept in the session's challenge column, marked so, until confirmed. */
const PENDING_TOTP = 'totp:';

export type SignInRecord = {
  id: string;
  agencyId: string;
  status: Officer['status'];
  passwordHash: string | null;
  lockedUntil: Date | null;
};

/** A one-use link's token, stored hashed, and the mail that carries it (built once the officer exists). */
export type OfficerLink = { tokenHash: string; expiresAt: Date; mail: (officer: Officer) => NewMail };

/** Inserts an invited officer, the invitation token and its mail, in the caller's transaction. */
export async function insertInvitedOfficer(
  tx: DbOrTx,
  input: { agencyId: string; email: string; name: string; isAgencyAdmin: boolean; invitedBy: string | null },
  link: OfficerLink,
): Promise<Officer | undefined> {
  const [officer] = await tx
    .insert(officers)
    .values({ ...input, status: 'invited' })
    .onConflictDoNothing()
    .returning(officerColumns);
  if (!officer) return undefined;
  await tx
    .insert(officerTokens)
    .values({ tokenHash: link.tokenHash, officerId: officer.id, purpose: 'invitation', expiresAt: link.expiresAt });
  await enqueueMail(tx, link.mail(officer));
  return officer;
}

export function officersRepository(db: Db, now: () => Date) {
  return {
    /** Invites an officer to the agency; undefined when the address already belongs to an officer. */
    async invite(
      input: { agencyId: string; email: string; name: string; isAgencyAdmin: boolean; invitedBy: string | null },
      link: OfficerLink,
    ): Promise<Officer | undefined> {
      return db.transaction(async (tx) => {
        const officer = await insertInvitedOfficer(tx, input, link);
        if (!officer) return undefined;
        await tx.insert(agencyEvents).values({
          agencyId: input.agencyId,
          type: 'officer_invited',
          actorOfficerId: input.invitedBy,
          at: now(),
          after: { officerId: officer.id, email: officer.email, isAgencyAdmin: officer.isAgencyAdmin },
        });
        return officer;
      });
    },

    async listOf(agencyId: string): Promise<Officer[]> {
      return db.select(officerColumns).from(officers).where(eq(officers.agencyId, agencyId)).orderBy(asc(officers.createdAt));
    },

    /** Disables an officer of the agency and ends its sessions; undefined when the agency has no such officer. */
    async disable(agencyId: string, officerId: string, actorOfficerId: string | null): Promise<Officer | undefined> {
      return db.transaction(async (tx) => {
        const [before] = await tx
          .select({ status: officers.status })
          .from(officers)
          .where(and(eq(officers.id, officerId), eq(officers.agencyId, agencyId)))
          .for('update');
        if (!before) return undefined;
        const [officer] = await tx
          .update(officers)
          .set({ status: 'disabled' })
          .where(eq(officers.id, officerId))
          .returning(officerColumns);
        await tx.delete(officerSessions).where(eq(officerSessions.officerId, officerId));
        if (before.status !== 'disabled')
          await tx.insert(agencyEvents).values({
            agencyId,
            type: 'officer_disabled',
            actorOfficerId,
            at: now(),
            before: { officerId, status: before.status },
            after: { officerId, status: 'disabled' },
          });
        return officer;
      });
    },

    /**
     * Uses an invitation token: sets the password and confirms the address (the link proved it).
     * Undefined when the token is unknown, used, expired, or its officer was disabled.
     */
    async acceptInvitation(token: string, passwordHash: string): Promise<{ officerId: string } | undefined> {
      const at = now();
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(officerTokens)
          .set({ usedAt: at })
          .where(
            and(
              eq(officerTokens.tokenHash, hashToken(token)),
              eq(officerTokens.purpose, 'invitation'),
              isNull(officerTokens.usedAt),
              gt(officerTokens.expiresAt, at),
            ),
          )
          .returning({ officerId: officerTokens.officerId });
        if (!row) return undefined;
        const [officer] = await tx
          .update(officers)
          .set({ passwordHash, emailConfirmedAt: at })
          .where(and(eq(officers.id, row.officerId), eq(officers.status, 'invited')))
          .returning({ id: officers.id, agencyId: officers.agencyId });
        if (!officer) return undefined;
        await tx.insert(agencyEvents).values({
          agencyId: officer.agencyId,
          type: 'invitation_accepted',
          actorOfficerId: officer.id,
          at,
          after: { officerId: officer.id, emailConfirmed: true },
        });
        return { officerId: officer.id };
      });
    },

    async findForSignIn(email: string): Promise<SignInRecord | undefined> {
      const [row] = await db
        .select({
          id: officers.id,
          agencyId: officers.agencyId,
          status: officers.status,
          passwordHash: officers.passwordHash,
          lockedUntil: officers.lockedUntil,
        })
        .from(officers)
        .where(eq(sql`lower(${officers.email})`, email.trim().toLowerCase()));
      return row;
    },

    async lockedUntil(officerId: string): Promise<Date | null> {
      const [row] = await db.select({ lockedUntil: officers.lockedUntil }).from(officers).where(eq(officers.id, officerId));
      return row?.lockedUntil ?? null;
    },

    /**
     * Counts a failed password or second factor; from the `threshold`-th in a row the account is
     * locked for a back-off that doubles from 1 to 15 min. Returns the lock's end, if it is locked now.
     */
    async recordFailure(officerId: string, threshold: number): Promise<Date | null> {
      const at = now();
      return db.transaction(async (tx) => {
        const [row] = await tx
          .select({ failures: officers.failedAttempts, agencyId: officers.agencyId })
          .from(officers)
          .where(eq(officers.id, officerId))
          .for('update');
        if (!row) return null;
        const failures = row.failures + 1;
        const lock = lockDuration(failures, threshold);
        const lockedUntil = lock > 0 ? new Date(at.getTime() + lock) : null;
        await tx.update(officers).set({ failedAttempts: failures, lockedUntil }).where(eq(officers.id, officerId));
        if (lockedUntil)
          await tx.insert(agencyEvents).values({
            agencyId: row.agencyId,
            type: 'officer_locked',
            at,
            after: { officerId, failedAttempts: failures, lockedUntil: lockedUntil.toISOString() },
          });
        return lockedUntil;
      });
    },

    /** A success ends the streak of failures. */
    async recordSuccess(officerId: string): Promise<void> {
      await db.update(officers).set({ failedAttempts: 0, lockedUntil: null }).where(eq(officers.id, officerId));
    },

    async factors(officerId: string): Promise<OfficerFactors> {
      const [row] = await db
        .select({
          totp: sql<boolean>`${officers.totpSecret} IS NOT NULL`,
          // Qualified by hand: drizzle writes a one-table select's columns unqualified, which the subqueries would capture.
          passkeys: sql<number>`(SELECT count(*)::int FROM officer_passkeys p WHERE p.officer_id = officers.id)`,
          recoveryCodesLeft: sql<number>`(SELECT count(*)::int FROM officer_recovery_codes r WHERE r.officer_id = officers.id AND r.used_at IS NULL)`,
        })
        .from(officers)
        .where(eq(officers.id, officerId));
      return row ?? { totp: false, passkeys: 0, recoveryCodesLeft: 0 };
    },

    /** Remembers the TOTP secret offered to this session until a first code confirms it. */
    async offerTotp(sessionToken: string, secret: string): Promise<void> {
      await db
        .update(officerSessions)
        .set({ challenge: PENDING_TOTP + secret })
        .where(eq(officerSessions.tokenHash, hashToken(sessionToken)));
    },

    async offeredTotp(sessionToken: string): Promise<string | null> {
      const [row] = await db
        .select({ challenge: officerSessions.challenge })
        .from(officerSessions)
        .where(eq(officerSessions.tokenHash, hashToken(sessionToken)));
      return row?.challenge?.startsWith(PENDING_TOTP) ? row.challenge.slice(PENDING_TOTP.length) : null;
    },

    async totpSecret(officerId: string): Promise<string | null> {
      const [row] = await db.select({ secret: officers.totpSecret }).from(officers).where(eq(officers.id, officerId));
      return row?.secret ?? null;
    },

    /** Records `step` as used, if it is later than every step used before; false when it is not (a replayed code). */
    async acceptTotpStep(officerId: string, step: number): Promise<boolean> {
      const rows = await db
        .update(officers)
        .set({ totpLastStep: step })
        .where(and(eq(officers.id, officerId), sql`(${officers.totpLastStep} IS NULL OR ${officers.totpLastStep} < ${step})`))
        .returning({ id: officers.id });
      return rows.length === 1;
    },

    /** Stores a confirmed TOTP secret with the step of its first code; false when the officer already has one. */
    async activateTotp(officerId: string, secret: string, step: number): Promise<boolean> {
      const rows = await db
        .update(officers)
        .set({ totpSecret: secret, totpLastStep: step })
        .where(and(eq(officers.id, officerId), isNull(officers.totpSecret)))
        .returning({ id: officers.id });
      return rows.length === 1;
    },

    /** Uses a recovery code (by its hash) once; false when it is unknown or was used. */
    async useRecoveryCode(officerId: string, codeHash: string): Promise<boolean> {
      const rows = await db
        .update(officerRecoveryCodes)
        .set({ usedAt: now() })
        .where(
          and(
            eq(officerRecoveryCodes.officerId, officerId),
            eq(officerRecoveryCodes.codeHash, codeHash),
            isNull(officerRecoveryCodes.usedAt),
          ),
        )
        .returning({ id: officerRecoveryCodes.id });
      return rows.length > 0;
    },

    /** Replaces the officer's recovery codes with new ones (hashes), in one transaction. */
    async replaceRecoveryCodes(officerId: string, codeHashes: string[]): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.delete(officerRecoveryCodes).where(eq(officerRecoveryCodes.officerId, officerId));
        await tx.insert(officerRecoveryCodes).values(codeHashes.map((codeHash) => ({ officerId, codeHash })));
      });
    },

    async hasRecoveryCodes(officerId: string): Promise<boolean> {
      const [row] = await db
        .select({ n: count() })
        .from(officerRecoveryCodes)
        .where(eq(officerRecoveryCodes.officerId, officerId));
      return (row?.n ?? 0) > 0;
    },

    /**
     * The session becomes `full` (with a full session's expiry) and the officer `active`, after a
     * second factor was enrolled (`factor`) or checked (null); an enrolment is an agency event.
     */
    async completeSecondFactor(officerId: string, sessionToken: string, expiresAt: Date, enrolled: string | null): Promise<void> {
      const at = now();
      await db.transaction(async (tx) => {
        await tx
          .update(officerSessions)
          .set({ stage: 'full', challenge: null, expiresAt })
          .where(and(eq(officerSessions.tokenHash, hashToken(sessionToken)), eq(officerSessions.officerId, officerId)));
        const [officer] = await tx
          .update(officers)
          .set({
            failedAttempts: 0,
            lockedUntil: null,
            status: sql`CASE WHEN ${officers.status} = 'invited' THEN 'active'::officer_status ELSE ${officers.status} END`,
          })
          .where(eq(officers.id, officerId))
          .returning({ agencyId: officers.agencyId });
        if (officer && enrolled)
          await tx.insert(agencyEvents).values({
            agencyId: officer.agencyId,
            type: 'second_factor_enrolled',
            actorOfficerId: officerId,
            at,
            after: { officerId, factor: enrolled },
          });
      });
    },
  };
}
export type OfficersRepository = ReturnType<typeof officersRepository>;
