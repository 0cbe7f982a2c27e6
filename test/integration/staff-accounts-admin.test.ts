/**
 * Issue 12: an admin manages staff accounts — creates any role (with a password or OIDC-only),
 * changes roles, disables and enables — never demoting or disabling themselves, never leaving no
 * enabled admin; a disabled account's existing token stops at once; every other role gets 403.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeAccount } from '../../src/app/accounts.js';
import { usersRepository } from '../../src/db/users-repository.js';
import { type StaffRole, staffRoles } from '../../src/domain/permissions.js';
import { createStaff, createTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
let admin: Awaited<ReturnType<typeof createStaff>>;
const url = '/api/v1/admin/accounts';

beforeAll(async () => {
  t = await createTestApp();
  admin = await createStaff(t, 'admin', 'root@platform.example');
});
afterAll(async () => t?.close());

/** An account with a session, without the sign-in endpoint (whose per-address limit the many accounts would trip). */
async function staffWithSession(role: StaffRole) {
  const users = usersRepository(t.database.db);
  const user = await users.create({ email: `${role}-${randomUUID()}@platform.example`, name: role, role, passwordHash: null });
  const { token } = await users.startSession(user.id, 1);
  return { ...user, auth: { authorization: `Bearer ${token}` } };
}

const patch = (id: string, payload: object, headers = admin.auth) =>
  t.app.inject({ method: 'PATCH', url: `${url}/${id}`, headers, payload });

describe('staff account administration', () => {
  it('creates an account of every role, with a password or OIDC-only, and lists how each signs in', async () => {
    for (const role of staffRoles) {
      const created = await t.app.inject({
        method: 'POST',
        url,
        headers: admin.auth,
        payload: { email: `made-${role}@platform.example`, name: `Made ${role}`, role, password: 'a long enough secret' },
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({ role, local: true, oidc: false, disabled: false });
    }
    const oidcOnly = await t.app.inject({
      method: 'POST',
      url,
      headers: admin.auth,
      payload: { email: 'sso@platform.example', name: 'Sso Only', role: 'legal' },
    });
    expect(oidcOnly.json()).toMatchObject({ role: 'legal', local: false });
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'sso@platform.example', password: 'anything at all' },
    });
    expect(signIn.statusCode).toBe(401);
    const list = (await t.app.inject({ method: 'GET', url, headers: admin.auth })).json().accounts;
    expect(list.find((a: { email: string }) => a.email === 'sso@platform.example')).toMatchObject({ local: false, oidc: false });
    expect(list[0]).toHaveProperty('createdAt');
  });

  it('refuses a short password, an unknown role and a malformed change, naming the field and changing nothing', async () => {
    const short = await t.app.inject({
      method: 'POST',
      url,
      headers: admin.auth,
      payload: { email: 'short@platform.example', name: 'S', password: 'short' },
    });
    expect(short.json()).toMatchObject({ status: 400, field: 'password' });
    const role = await t.app.inject({
      method: 'POST',
      url,
      headers: admin.auth,
      payload: { email: 'role@platform.example', name: 'R', role: 'root' },
    });
    expect(role.json()).toMatchObject({ status: 400, field: 'role' });
    const bad = await patch(t.reviewer.id, { role: 'superuser' });
    expect(bad.statusCode).toBe(400);
    const list = (await t.app.inject({ method: 'GET', url, headers: admin.auth })).json().accounts;
    expect(list.map((a: { email: string }) => a.email)).not.toContain('short@platform.example');
    expect(list.find((a: { id: string }) => a.id === t.reviewer.id).role).toBe('reviewer');
  });

  it('changes a role: the account acts with its new role at once', async () => {
    const staff = await staffWithSession('reviewer');
    const changed = await patch(staff.id, { role: 'human_rights' });
    expect(changed.json()).toMatchObject({ role: 'human_rights' });
    const session = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: staff.auth });
    expect(session.json().user.role).toBe('human_rights');
  });

  it('disabling ends the sessions at once and refuses sign-in; enabling lets the account sign in again', async () => {
    const staff = await createStaff(t, 'legal', 'lea@platform.example');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: staff.auth })).statusCode).toBe(200);
    expect((await patch(staff.id, { disabled: true })).json()).toMatchObject({ disabled: true });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: staff.auth })).statusCode).toBe(401);
    const credentials = { email: 'lea@platform.example', password: 'correct horse battery' };
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: credentials })).statusCode).toBe(401);
    expect((await patch(staff.id, { disabled: false })).json()).toMatchObject({ disabled: false });
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: credentials })).statusCode).toBe(200);
  });

  it('an admin cannot demote or disable themselves', async () => {
    const self = await patch(admin.id, { role: 'reviewer' });
    expect(self.statusCode).toBe(409);
    expect(self.json()).toMatchObject({ code: 'conflict', field: 'role' });
    expect((await patch(admin.id, { disabled: true })).json()).toMatchObject({ status: 409, field: 'disabled' });
    expect((await patch(admin.id, { role: 'admin' })).statusCode).toBe(200);
  });

  it('two admins demoting each other at once leave one enabled admin, never none', async () => {
    const a = await staffWithSession('admin');
    const b = await staffWithSession('admin');
    // Another admin may demote the first while two or more are enabled.
    expect((await patch(admin.id, { role: 'legal' }, a.auth)).json()).toMatchObject({ role: 'legal' });
    const others = (await t.app.inject({ method: 'GET', url, headers: a.auth })).json().accounts as {
      id: string;
      role: string;
    }[];
    for (const other of others.filter((x) => x.role === 'admin' && x.id !== a.id && x.id !== b.id))
      expect((await patch(other.id, { disabled: true }, a.auth)).statusCode).toBe(200);
    const both = await Promise.all([patch(a.id, { disabled: true }, b.auth), patch(b.id, { role: 'auditor' }, a.auth)]);
    // One goes through; the other is refused, at the door (its actor lost the role or the session) or by the lock (409).
    expect(both.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(both.filter((r) => [401, 403, 409].includes(r.statusCode))).toHaveLength(1);
    const list = (await t.app.inject({ method: 'GET', url, headers: (both[0].statusCode === 200 ? b : a).auth })).json()
      .accounts as { id: string; role: StaffRole; disabled: boolean }[];
    const enabledAdmins = list.filter((x) => x.role === 'admin' && !x.disabled);
    expect(enabledAdmins).toHaveLength(1);
    const last = enabledAdmins[0]?.id === a.id ? a : b;
    // The one left is the last: it cannot demote itself, and the refusal changes nothing.
    expect((await patch(last.id, { role: 'reviewer' }, last.auth)).statusCode).toBe(409);
    admin = { ...last, name: 'last admin', email: '', role: 'admin' };
  });

  it('the last-admin rule holds under concurrency: demotions racing past the door still leave one admin', async () => {
    const users = usersRepository(t.database.db);
    const enabled = async () =>
      (await users.listAccounts()).filter((x) => x.role === 'admin' && x.disabledAt === null).map((x) => x.id);
    const c = await staffWithSession('admin');
    const d = await staffWithSession('admin');
    // Leave exactly c and d enabled admins, then each demotes the other at once (both past the door already).
    for (const id of await enabled()) if (id !== c.id && id !== d.id) await changeAccount(users, c, id, { disabled: true });
    const results = await Promise.allSettled([
      changeAccount(users, c, d.id, { role: 'reviewer' }),
      changeAccount(users, d, c.id, { disabled: true }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict' });
    expect(await enabled()).toHaveLength(1);
    const [survivor] = await enabled();
    admin = { ...(survivor === c.id ? c : d), name: 'last admin', email: '', role: 'admin' };
  });

  it('gives 403 to every other role and 401 to the public, on every account route', async () => {
    const calls = [
      { method: 'GET' as const, url },
      { method: 'POST' as const, url, payload: { email: 'x@platform.example', name: 'X', password: 'a long enough secret' } },
      { method: 'PATCH' as const, url: `${url}/${t.reviewer.id}`, payload: { role: 'admin' } },
      { method: 'POST' as const, url: `${url}/${t.reviewer.id}/sign-out` },
    ];
    for (const role of staffRoles.filter((r) => r !== 'admin')) {
      const staff = await staffWithSession(role);
      for (const call of calls) {
        const r = await t.app.inject({ ...call, headers: staff.auth });
        expect(r.statusCode, `${role} ${call.method} ${call.url}`).toBe(403);
      }
    }
    for (const call of calls) expect((await t.app.inject(call)).statusCode).toBe(401);
  });
});
