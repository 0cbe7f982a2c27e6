import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import { WritError } from '../domain/errors.js';
import type { StaffRole } from '../domain/permissions.js';
import type { Db } from './connection.js';
import { sessions, users } from './schema/index.js';

export type User = { id: string; email: string; name: string; role: StaffRole };

const userColumns = { id: users.id, email: users.email, name: users.name, role: users.role };
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function usersRepository(db: Db) {
  return {
    async create(input: { email: string; name: string; passwordHash: string; role?: User['role'] }): Promise<User> {
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
