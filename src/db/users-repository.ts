import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { WritError } from '../domain/errors.js';
import type { StaffRole } from '../domain/permissions.js';
import type { Db } from './connection.js';
import { sessions, users } from './schema/index.js';

export type User = { id: string; email: string; name: string; role: StaffRole };

/** An account as the admin sees it: how it signs in, whether it is disabled, when it was made. */
export type AccountRecord = User & { local: boolean; oidc: boolean; disabledAt: Date | null; createdAt: Date };

/** What an admin changes on an account: its role, or whether it is disabled. */
export type AccountChange = { role: StaffRole } | { disabled: boolean };

const accountColumns = {
  ...{ id: users.id, email: users.email, name: users.name, role: users.role },
  local: sql<boolean>`${users.passwordHash} is not null`,
  oidc: sql<boolean>`${users.oidcSubject} is not null`,
  disabledAt: users.disabledAt,
  createdAt: users.createdAt,
};

const userColumns = { id: users.id, email: users.email, name: users.name, role: users.role };
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function usersRepository(db: Db) {
  return {
    /** A null passwordHash makes an account that signs in only through the OpenID Connect provider. */
    async create(input: { email: string; name: string; passwordHash: string | null; role?: User['role'] }): Promise<User> {
      const [row] = await db
        .insert(users)
        .values({ ...input, role: input.role ?? 'reviewer' })
        .onConflictDoNothing()
        .returning(userColumns);
      if (!row) throw new WritError('conflict', `an account for ${input.email} already exists`, 'email');
      return row;
    },

    async findCredentials(email: string): Promise<(User & { passwordHash: string }) | undefined> {
      const [row] = await db
        .select({ ...userColumns, passwordHash: users.passwordHash })
        .from(users)
        .where(and(eq(sql`lower(${users.email})`, email.toLowerCase()), isNull(users.disabledAt), isNotNull(users.passwordHash)));
      return row ? { ...row, passwordHash: row.passwordHash ?? '' } : undefined;
    },

    async count(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
      return row?.n ?? 0;
    },

    /** Starts a session; returns the bearer token, which is stored only as a hash. */
    async startSession(userId: string, ttlHours: number): Promise<{ token: string; expiresAt: Date }> {
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + ttlHours * 3_600_000);
      await db.insert(sessions).values({ tokenHash: hashToken(token), userId, expiresAt });
      await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
      return { token, expiresAt };
    },

    async userForSession(token: string): Promise<User | undefined> {
      const [row] = await db
        .select(userColumns)
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date()), isNull(users.disabledAt)));
      return row;
    },

    async list(): Promise<User[]> {
      return db.select(userColumns).from(users).orderBy(users.email);
    },

    async listAccounts(): Promise<AccountRecord[]> {
      return db.select(accountColumns).from(users).orderBy(users.email);
    },

    /**
     * Changes an account's role or disables/enables it, in one transaction that locks the enabled
     * admins first, so two admins demoting each other at once cannot leave none. `check` sees the
     * account and the ids of the enabled admins and throws to refuse. Disabling ends the account's
     * sessions in the same transaction. Undefined when there is no such account.
     */
    async changeAccount(
      id: string,
      change: AccountChange,
      check: (account: AccountRecord, enabledAdmins: string[]) => void,
    ): Promise<AccountRecord | undefined> {
      return db.transaction(async (tx) => {
        const admins = await tx
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.role, 'admin'), isNull(users.disabledAt)))
          .orderBy(users.id)
          .for('update');
        const [account] = await tx.select(accountColumns).from(users).where(eq(users.id, id)).for('update');
        if (!account) return undefined;
        check(
          account,
          admins.map((a) => a.id),
        );
        if ('role' in change) {
          if (change.role === account.role) return account;
          await tx.update(users).set({ role: change.role }).where(eq(users.id, id));
        } else {
          if (change.disabled === (account.disabledAt !== null)) return account;
          await tx
            .update(users)
            .set({ disabledAt: change.disabled ? sql`now()` : null })
            .where(eq(users.id, id));
          if (change.disabled) await tx.delete(sessions).where(eq(sessions.userId, id));
        }
        const [changed] = await tx.select(accountColumns).from(users).where(eq(users.id, id));
        return changed;
      });
    },

    /** Ends every session of an account; how many, or null when there is no such account. */
    async endSessionsOf(userId: string): Promise<number | null> {
      const [account] = await db.select({ id: users.id }).from(users).where(eq(users.id, userId));
      if (!account) return null;
      const ended = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ tokenHash: sessions.tokenHash });
      return ended.length;
    },

    async endSession(token: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
    },
  };
}
export type UsersRepository = ReturnType<typeof usersRepository>;
