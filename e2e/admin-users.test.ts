/**
 * Staff accounts in a browser (issue 12): the admin adds a legal account, changes the demo
 * reviewer's role to human rights and disables the auditor, and the table shows all three; the
 * disabled auditor's sign-in is refused on the sign-in page. A reviewer is offered no Accounts link
 * and the accounts API refuses them with 403.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoReviewer } from '../src/demo/demo-data.js';
import { demoStaff } from '../src/demo/demo-staff.js';
import { type DemoWrit, startDemoWrit } from './browser.js';
import { signedIn } from './staged-review-steps.js';

const staff = (role: string) => demoStaff.find((m) => m.role === role)!;
const admin = staff('admin');
const auditor = staff('auditor');
const reviewer = { email: demoReviewer.email, password: demoReviewer.password };

let writ: DemoWrit;
let base = '';

beforeAll(async () => {
  writ = await startDemoWrit();
  base = writ.base;
}, 120_000);
afterAll(async () => {
  await writ?.close();
});

describe('staff accounts', () => {
  it('a reviewer has no Accounts link and the accounts API answers 403', { timeout: 60_000 }, async () => {
    const page = await signedIn(writ.browser, base, reviewer);
    const nav = page.locator('nav').first();
    await nav.getByRole('link', { name: 'Queue' }).first().waitFor();
    expect(await page.locator('a[href="/admin/users"]').count()).toBe(0);
    const answer = await page.request.get(`${base}/api/v1/admin/accounts`);
    expect(answer.status()).toBe(403);
    await page.context().close();
  });

  it('the admin adds a legal account, changes a role, disables the auditor, who can no longer sign in', {
    timeout: 120_000,
  }, async () => {
    const page = await signedIn(writ.browser, base, admin);
    await page.locator('a[href="/admin/users"]').first().click();
    await page.waitForURL(`${base}/admin/users`);
    const table = page.getByTestId('users-table');
    await table.waitFor();
    const row = (email: string) => table.locator(`[data-testid="users-row"][data-email="${email}"]`);

    const form = page.getByTestId('users-new');
    await form.getByTestId('users-new-email').fill('new.lawyer@writ.example');
    await form.getByTestId('users-new-name').fill('New Lawyer');
    await form.getByTestId('users-new-role').selectOption('legal');
    await form.getByTestId('users-new-password').fill('a long new lawyer passphrase');
    await form.getByTestId('users-new-submit').click();
    await table.locator('[data-testid="users-row"][data-email="new.lawyer@writ.example"][data-role="legal"]').waitFor();

    await row(reviewer.email).getByTestId('users-role').selectOption('human_rights');
    await table.locator(`[data-testid="users-row"][data-email="${reviewer.email}"][data-role="human_rights"]`).waitFor();

    await row(auditor.email).getByTestId('users-disable').click();
    await table.locator(`[data-testid="users-row"][data-email="${auditor.email}"][data-disabled="true"]`).waitFor();

    // After a fresh load the table shows all three changes.
    await page.reload();
    await table.waitFor();
    expect(await row('new.lawyer@writ.example').getAttribute('data-role')).toBe('legal');
    expect(await row(reviewer.email).getAttribute('data-role')).toBe('human_rights');
    expect(await row(auditor.email).getAttribute('data-disabled')).toBe('true');
    expect(await row(auditor.email).getByTestId('users-status').textContent()).toBe('Disabled');
    await row(auditor.email).getByTestId('users-enable').waitFor();

    // The disabled auditor is refused on the sign-in page.
    const context = await writ.browser.newContext({ locale: 'en-GB' });
    const signIn = await context.newPage();
    await signIn.goto(`${base}/signin`);
    await signIn.getByTestId('signin-email').fill(auditor.email);
    await signIn.getByTestId('signin-password').fill(auditor.password);
    const refused = signIn.waitForResponse((r) => r.url().endsWith('/api/v1/session') && r.request().method() === 'POST');
    await signIn.getByTestId('signin-submit').click();
    expect((await refused).status()).toBe(401);
    await signIn.locator('.alert-error[role="alert"]').waitFor();
    expect(signIn.url()).toBe(`${base}/signin`);
    await context.close();

    // The new lawyer signs in.
    const lawyer = await signedIn(writ.browser, base, {
      email: 'new.lawyer@writ.example',
      password: 'a long new lawyer passphrase',
    });
    await lawyer.context().close();
  });
});
