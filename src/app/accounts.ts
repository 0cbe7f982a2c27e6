/**
 * Accounts of the people who work in Writ: created by an administrator (over HTTP) or by whoever
 * runs the server (`writ users add`), through this one use case, so both follow the same rules.
 * Changes of role and disabling keep at least one enabled admin, and an admin never locks
 * themselves out (issue 12, decision 47).
 */
import { hash } from '@node-rs/argon2';
import { z } from 'zod';
import { MIN_PASSWORD_LENGTH } from '../contracts/accounts.js';
import type { AccountChange, AccountRecord, User, UsersRepository } from '../db/users-repository.js';
import { WritError } from '../domain/errors.js';
import { authorize } from '../domain/permissions.js';

export { MIN_PASSWORD_LENGTH };

/** Without a password the account signs in only through the OpenID Connect provider. */
export type NewAccount = { email: string; name: string; role: User['role']; password?: string | undefined };

// The same rule as the API's schema (contracts/accounts.ts), so `writ users add` cannot store what the API refuses.
const emailAddress = z.email().max(320);

export async function createAccount(users: UsersRepository, input: NewAccount): Promise<User> {
  if (!emailAddress.safeParse(input.email).success)
    throw new WritError(
      'validation_failed',
      `the e-mail must be an address such as you@example.org (got ${input.email})`,
      'email',
    );
  if (input.password !== undefined && input.password.length < MIN_PASSWORD_LENGTH)
    throw new WritError('validation_failed', `the password must have at least ${MIN_PASSWORD_LENGTH} characters`, 'password');
  const { password, ...account } = input;
  return users.create({ ...account, passwordHash: password === undefined ? null : await hash(password) });
}

/**
 * An admin changes another account's role, or disables or enables it. Refused (409 `conflict`):
 * an admin demoting or disabling themselves, and any change that would leave no enabled admin.
 */
export async function changeAccount(
  users: UsersRepository,
  actor: User,
  accountId: string,
  change: AccountChange,
): Promise<AccountRecord> {
  authorize(actor, 'users.manage');
  const field = 'role' in change ? 'role' : 'disabled';
  const changed = await users.changeAccount(accountId, change, (account, enabledAdmins) => {
    const demotes = 'role' in change ? change.role !== 'admin' : change.disabled;
    if (!demotes || account.role !== 'admin' || account.disabledAt !== null) return;
    if (account.id === actor.id)
      throw new WritError(
        'conflict',
        'role' in change
          ? 'you cannot take the admin role from yourself: ask another admin'
          : 'you cannot disable your own account: ask another admin',
        field,
      );
    if (enabledAdmins.filter((id) => id !== account.id).length === 0)
      throw new WritError(
        'conflict',
        'this is the last enabled admin: make another account admin first, or no one could manage accounts',
        field,
      );
  });
  if (!changed) throw new WritError('not_found', `account ${accountId} does not exist`);
  return changed;
}

/** Signs an account out everywhere (a lost laptop, a departing colleague, a suspected compromise). */
export async function signOutEverywhere(users: UsersRepository, userId: string): Promise<number> {
  const ended = await users.endSessionsOf(userId);
  if (ended === null) throw new WritError('not_found', `account ${userId} does not exist`);
  return ended;
}
