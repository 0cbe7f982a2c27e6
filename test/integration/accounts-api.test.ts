/**
 * Issue 7, finding 8 (insiders): the admin role means something. Only an admin lists and creates
 * accounts or signs one out everywhere; a reviewer is refused with 403 and changes nothing.
 */
import { hash } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usersRepository } from '../../src/db/users-repository.js';
import { createTestApp, reviewerCredentials, type TestApp } from '../support/app.js';

let t: TestApp;
let admin: { authorization: string };
const adminCredentials = { email: 'root@platform.example', password: 'a long admin passphrase' };

beforeAll(async () => {
  t = await createTestApp();
  await usersRepository(t.database.db).create({
    email: adminCredentials.email,
    name: 'Ada Admin',
    role: 'admin',
    passwordHash: await hash(adminCredentials.password),
  });
  const signIn = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: adminCredentials });
  admin = { authorization: `Bearer ${signIn.json().token}` };
});
afterAll(async () => t?.close());

const newAccount = { email: 'new.reviewer@platform.example', name: 'New Reviewer', password: 'another long passphrase' };

describe('account administration', () => {
  it('refuses a reviewer (403) and the public (401), creating nothing', async () => {
    const calls = [
      { method: 'GET' as const, url: '/api/v1/admin/accounts' },
      { method: 'POST' as const, url: '/api/v1/admin/accounts', payload: newAccount },
      { method: 'POST' as const, url: `/api/v1/admin/accounts/${t.reviewer.id}/sign-out` },
    ];
    for (const call of calls) {
      const asReviewer = await t.app.inject({ ...call, headers: t.auth });
      expect(asReviewer.statusCode, call.url).toBe(403);
      expect(asReviewer.json()).toMatchObject({ code: 'forbidden' });
      expect((await t.app.inject(call)).statusCode, call.url).toBe(401);
    }
    expect(await usersRepository(t.database.db).count()).toBe(2);
  });

  it('lets an admin create a reviewer, who can then sign in', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/admin/accounts', headers: admin, payload: newAccount });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ email: newAccount.email, role: 'reviewer' });
    expect(created.json()).not.toHaveProperty('passwordHash');
    const signIn = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: newAccount });
    expect(signIn.statusCode).toBe(200);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/admin/accounts', headers: admin });
    expect(list.json().accounts.map((a: { email: string }) => a.email)).toEqual([
      reviewerCredentials.email,
      newAccount.email,
      adminCredentials.email,
    ]);
  });

  it('refuses a short password, a bad e-mail and a duplicate, naming the field', async () => {
    const short = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/accounts',
      headers: admin,
      payload: { ...newAccount, email: 'x@platform.example', password: 'short' },
    });
    expect(short.json()).toMatchObject({ status: 400, field: 'password' });
    const email = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/accounts',
      headers: admin,
      payload: { ...newAccount, email: 'not an email' },
    });
    expect(email.json()).toMatchObject({ status: 400, field: 'email' });
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/accounts',
      headers: admin,
      payload: { ...newAccount, email: newAccount.email.toUpperCase() },
    });
    expect(again.json()).toMatchObject({ status: 409, field: 'email' });
  });

  it('signs a reviewer out everywhere: their tokens stop working at once', async () => {
    const second = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: reviewerCredentials });
    const tokens = [t.auth, { authorization: `Bearer ${second.json().token}` }];
    for (const headers of tokens)
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/session', headers })).statusCode).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: `/api/v1/admin/accounts/${t.reviewer.id}/sign-out`, headers: admin });
    expect(out.json().endedSessions).toBeGreaterThanOrEqual(2);
    for (const headers of tokens)
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/session', headers })).statusCode).toBe(401);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/accounts/00000000-0000-4000-8000-000000000000/sign-out',
      headers: admin,
    });
    expect(unknown.statusCode).toBe(404);
  });
});
