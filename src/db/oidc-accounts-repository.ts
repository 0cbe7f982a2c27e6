/**
 * Staff accounts that sign in through an OpenID Connect provider (issue 12): found by the
 * provider's (issuer, sub), linked to an existing account by a verified email, or created.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Clock } from '../app/context.js';
import type { StaffRole } from '../domain/permissions.js';
import type { Db } from './connection.js';
import { users } from './schema/index.js';
import type { User } from './users-repository.js';

export type OidcAccount = User & { disabled: boolean; oidcIssuer: string | null; oidcSubject: string | null };

const columns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  disabled: sql<boolean>`${users.disabledAt} is not null`,
  oidcIssuer: users.oidcIssuer,
  oidcSubject: users.oidcSubject,
};

export function oidcAccountsRepository(db: Db, _now: Clock) {
  return {
    async findBySubject(issuer: string, subject: string): Promise<OidcAccount | undefined> {
      const [row] = await db
        .select(columns)
        .from(users)
        .where(and(eq(users.oidcIssuer, issuer), eq(users.oidcSubject, subject)));
      return row;
    },

    async findByEmail(email: string): Promise<OidcAccount | undefined> {
      const [row] = await db
        .select(columns)
        .from(users)
        .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
      return row;
    },

    /** Links an account not yet linked to any provider subject; false when it was linked meanwhile. */
    async link(userId: string, issuer: string, subject: string): Promise<boolean> {
      const linked = await db
        .update(users)
        .set({ oidcIssuer: issuer, oidcSubject: subject })
        .where(and(eq(users.id, userId), isNull(users.oidcSubject), isNull(users.disabledAt)))
        .returning({ id: users.id });
      return linked.length === 1;
    },

    /** An account that signs in only through the provider (no password); undefined when the email or subject is taken. */
    async create(input: {
      email: string;
      name: string;
      role: StaffRole;
      issuer: string;
      subject: string;
    }): Promise<OidcAccount | undefined> {
      const [row] = await db
        .insert(users)
        .values({
          email: input.email,
          name: input.name,
          role: input.role,
          passwordHash: null,
          oidcIssuer: input.issuer,
          oidcSubject: input.subject,
        })
        .onConflictDoNothing()
        .returning(columns);
      return row;
    },

    /** The role the provider's claim names (the provider is the source of truth when a role claim is configured). */
    async setRole(userId: string, role: StaffRole): Promise<void> {
      await db
        .update(users)
        .set({ role })
        .where(and(eq(users.id, userId), sql`${users.role} <> ${role}`));
    },
  };
}
export type OidcAccountsRepository = ReturnType<typeof oidcAccountsRepository>;
