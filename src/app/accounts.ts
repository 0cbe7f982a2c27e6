/**
 * Accounts of the people who work in Writ: created by an administrator (over HTTP) or by whoever
 * runs the server (`writ users add`), through this one use case, so both follow the same rules.
 */
import { hash } from '@node-rs/argon2';
import { z } from 'zod';
import type { User, UsersRepository } from '../db/users-repository.js';
import { WritError } from '../domain/errors.js';

export const MIN_PASSWORD_LENGTH = 10;

export type NewAccount = { email: string; name: string; role: User['role']; password: string };

// The same rule as the API's schema (account-routes.ts), so `writ users add` cannot store what the API refuses.
const emailAddress = z.email().max(320);

export async function createAccount(users: UsersRepository, input: NewAccount): Promise<User> {
  if (!emailAddress.safeParse(input.email).success)
    throw new WritError(
      'validation_failed',
      `the e-mail must be an address such as you@example.org (got ${input.email})`,
      'email',
    );
  if (input.password.length < MIN_PASSWORD_LENGTH)
    throw new WritError('validation_failed', `the password must have at least ${MIN_PASSWORD_LENGTH} characters`, 'password');
  const { password, ...account } = input;
  return users.create({ ...account, passwordHash: await hash(password) });
}

/** Signs an account out everywhere (a lost laptop, a departing colleague, a suspected compromise). */
export async function signOutEverywhere(users: UsersRepository, userId: string): Promise<number> {
  const ended = await users.endSessionsOf(userId);
  if (ended === null) throw new WritError('not_found', `account ${userId} does not exist`);
  return ended;
}
