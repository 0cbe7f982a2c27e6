/**
 * The staff-account use cases themselves (src/app/accounts.ts), as `writ users add` and the admin
 * routes call them: the e-mail and password rules hold without the API's schema in front of them;
 * an admin never demotes or disables themselves; the last enabled admin stays one; enabling,
 * promoting and changing non-admins are not demotions; unknown accounts are named.
 */
import { verify } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeAccount, createAccount, MIN_PASSWORD_LENGTH, signOutEverywhere } from '../../src/app/accounts.js';
import type { User } from '../../src/db/users-repository.js';
import { createTestWrit, refusal, staffMember, type TestWrit } from '../support/writ.js';

let t: TestWrit;
beforeAll(async () => {
  t = await createTestWrit();
});
afterAll(async () => t?.close());

const missingId = '00000000-0000-4000-8000-000000000000';

async function accountCount(): Promise<number> {
  return t.writ.users.count();
}

describe('createAccount', () => {
  it('refuses an address that is not an e-mail, naming the field and the address, and stores nothing', async () => {
    const before = await accountCount();
    const refused = await refusal(
      createAccount(t.writ.users, { email: 'not-an-address', name: 'Nobody', role: 'reviewer', password: undefined }),
    );
    expect(refused).toEqual({
      code: 'validation_failed',
      field: 'email',
      message: 'the e-mail must be an address such as you@example.org (got not-an-address)',
    });
    expect(await accountCount()).toBe(before);
  });

  it('refuses an address longer than 320 characters', async () => {
    const overlong = `a@${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(60)}.${'g'.repeat(60)}.${'h'.repeat(20)}.example`;
    expect(overlong.length).toBeGreaterThan(320);
    expect(await refusal(createAccount(t.writ.users, { email: overlong, name: 'Long', role: 'reviewer' }))).toMatchObject({
      code: 'validation_failed',
      field: 'email',
    });
  });

  it(`refuses a password under ${MIN_PASSWORD_LENGTH} characters and takes one of exactly ${MIN_PASSWORD_LENGTH}, stored only as a hash`, async () => {
    const short = 'x'.repeat(MIN_PASSWORD_LENGTH - 1);
    const before = await accountCount();
    expect(
      await refusal(
        createAccount(t.writ.users, { email: 'short@platform.example', name: 'Short', role: 'reviewer', password: short }),
      ),
    ).toEqual({
      code: 'validation_failed',
      field: 'password',
      message: `the password must have at least ${MIN_PASSWORD_LENGTH} characters`,
    });
    expect(await accountCount()).toBe(before);

    const exact = 'y'.repeat(MIN_PASSWORD_LENGTH);
    const created = await createAccount(t.writ.users, {
      email: 'exact@platform.example',
      name: 'Exact',
      role: 'legal',
      password: exact,
    });
    expect(created).toMatchObject({ email: 'exact@platform.example', name: 'Exact', role: 'legal' });
    const stored = await t.writ.users.findCredentials('exact@platform.example');
    expect(stored?.passwordHash).not.toContain(exact);
    expect(await verify(stored?.passwordHash ?? '', exact)).toBe(true);
  });

  it('makes an account without a password one that signs in only through the provider', async () => {
    const created = await createAccount(t.writ.users, { email: 'sso@platform.example', name: 'SSO', role: 'reviewer' });
    expect(await t.writ.users.findCredentials('sso@platform.example')).toBeUndefined();
    const listed = (await t.writ.users.listAccounts()).find((a) => a.id === created.id);
    expect(listed).toMatchObject({ local: false, disabledAt: null });
  });
});

describe('changeAccount', () => {
  let admin: User;
  let otherAdmin: User;
  beforeAll(async () => {
    admin = await staffMember(t.writ, 'admin');
    otherAdmin = await staffMember(t.writ, 'admin');
  });

  it('refuses anyone but an admin', async () => {
    const reviewer = await staffMember(t.writ, 'reviewer');
    const target = await staffMember(t.writ, 'reviewer');
    expect((await refusal(changeAccount(t.writ.users, reviewer, target.id, { role: 'legal' }))).code).toBe('forbidden');
    expect((await t.writ.users.listAccounts()).find((a) => a.id === target.id)?.role).toBe('reviewer');
  });

  it('refuses an admin taking the admin role from themselves, on the field role', async () => {
    expect(await refusal(changeAccount(t.writ.users, admin, admin.id, { role: 'reviewer' }))).toEqual({
      code: 'conflict',
      field: 'role',
      message: 'you cannot take the admin role from yourself: ask another admin',
    });
    expect((await t.writ.users.listAccounts()).find((a) => a.id === admin.id)?.role).toBe('admin');
  });

  it('refuses an admin disabling themselves, on the field disabled', async () => {
    expect(await refusal(changeAccount(t.writ.users, admin, admin.id, { disabled: true }))).toEqual({
      code: 'conflict',
      field: 'disabled',
      message: 'you cannot disable your own account: ask another admin',
    });
    expect((await t.writ.users.listAccounts()).find((a) => a.id === admin.id)?.disabledAt).toBeNull();
  });

  it('lets an admin keep the admin role, re-enable themselves, or change non-admins', async () => {
    expect((await changeAccount(t.writ.users, admin, admin.id, { role: 'admin' })).role).toBe('admin');
    expect((await changeAccount(t.writ.users, admin, admin.id, { disabled: false })).disabledAt).toBeNull();
    const reviewer = await staffMember(t.writ, 'reviewer');
    expect((await changeAccount(t.writ.users, admin, reviewer.id, { role: 'legal' })).role).toBe('legal');
    const disabled = await changeAccount(t.writ.users, admin, reviewer.id, { disabled: true });
    expect(disabled.disabledAt).toBeInstanceOf(Date);
  });

  it('lets an admin demote another admin while one stays, and refuses demoting or disabling the last one', async () => {
    const third = await staffMember(t.writ, 'admin');
    expect((await changeAccount(t.writ.users, admin, third.id, { role: 'reviewer' })).role).toBe('reviewer');
    // otherAdmin demotes admin: otherAdmin stays the one enabled admin.
    expect((await changeAccount(t.writ.users, otherAdmin, admin.id, { role: 'legal' })).role).toBe('legal');
    // admin, acting on the role they held when they started (a stale actor), cannot demote the last admin.
    const last = 'this is the last enabled admin: make another account admin first, or no one could manage accounts';
    expect(await refusal(changeAccount(t.writ.users, admin, otherAdmin.id, { role: 'reviewer' }))).toEqual({
      code: 'conflict',
      field: 'role',
      message: last,
    });
    expect(await refusal(changeAccount(t.writ.users, admin, otherAdmin.id, { disabled: true }))).toEqual({
      code: 'conflict',
      field: 'disabled',
      message: last,
    });
    const accounts = await t.writ.users.listAccounts();
    expect(accounts.find((a) => a.id === otherAdmin.id)).toMatchObject({ role: 'admin', disabledAt: null });
    // Promoting is never a demotion, even with a single admin left.
    expect((await changeAccount(t.writ.users, otherAdmin, admin.id, { role: 'admin' })).role).toBe('admin');
  });

  it("changes a disabled admin's role without counting it as an enabled admin", async () => {
    const retired = await staffMember(t.writ, 'admin');
    await changeAccount(t.writ.users, admin, retired.id, { disabled: true });
    expect((await changeAccount(t.writ.users, admin, retired.id, { role: 'reviewer' })).role).toBe('reviewer');
  });

  it('names an account that does not exist', async () => {
    expect(await refusal(changeAccount(t.writ.users, admin, missingId, { role: 'legal' }))).toEqual({
      code: 'not_found',
      field: undefined,
      message: `account ${missingId} does not exist`,
    });
  });
});

describe('signOutEverywhere', () => {
  it('ends every session of the account and counts them, and names an unknown account', async () => {
    const person = await staffMember(t.writ, 'reviewer');
    const first = await t.writ.users.startSession(person.id, 1);
    const second = await t.writ.users.startSession(person.id, 1);
    const bystander = await staffMember(t.writ, 'reviewer');
    const kept = await t.writ.users.startSession(bystander.id, 1);
    expect(await signOutEverywhere(t.writ.users, person.id)).toBe(2);
    expect(await t.writ.users.userForSession(first.token)).toBeUndefined();
    expect(await t.writ.users.userForSession(second.token)).toBeUndefined();
    expect((await t.writ.users.userForSession(kept.token))?.id).toBe(bystander.id);
    expect(await signOutEverywhere(t.writ.users, person.id)).toBe(0);
    expect(await refusal(signOutEverywhere(t.writ.users, missingId))).toEqual({
      code: 'not_found',
      field: undefined,
      message: `account ${missingId} does not exist`,
    });
  });
});
