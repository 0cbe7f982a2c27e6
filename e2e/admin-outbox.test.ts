/**
 * The admin's mail outbox in a browser (issue 10, item 2): without an SMTP server the page says mails
 * wait and none is lost; it lists the mails with their status, attempts and last error, filters the
 * failures, and queues a failed mail again with the retry button. Then the page in Russian.
 */
import { hash } from '@node-rs/argon2';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueMail } from '../src/db/outbox-repository.js';
import { usersRepository } from '../src/db/users-repository.js';
import { type DemoWrit, startDemoWrit } from './browser.js';

let writ: DemoWrit;
let token: string;
let failedId: string;

async function adminContext(locale: string): Promise<BrowserContext> {
  const context = await writ.browser.newContext({ locale, timezoneId: 'Asia/Almaty' });
  await context.addCookies([{ name: 'writ_session', value: token, url: writ.base, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

beforeAll(async () => {
  writ = await startDemoWrit();
  const credentials = { email: 'root@platform.example', password: 'a long admin passphrase' };
  await usersRepository(writ.database.db).create({
    email: credentials.email,
    name: 'Ada Admin',
    role: 'admin',
    passwordHash: await hash(credentials.password),
  });
  const signIn = await fetch(`${writ.base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  token = ((await signIn.json()) as { token: string }).token;
  await enqueueMail(writ.database.db, { kind: 'receipt', to: 'waiting@gov.example', subject: 'Order W-1 received', body: 'x' });
  ({ id: failedId } = await enqueueMail(writ.database.db, {
    kind: 'decision',
    to: 'refused@gov.example',
    subject: 'Decision on W-2',
    body: 'y',
  }));
  await writ.database.pool.query(
    "UPDATE mail_outbox SET status = 'failed', attempts = 8, last_error = '550 mailbox unavailable' WHERE id = $1",
    [failedId],
  );
});
afterAll(async () => writ?.close());

describe('the mail outbox page', () => {
  it('says no SMTP server is configured, lists the mails, filters the failures and retries one', async () => {
    const context = await adminContext('en-US');
    const page = await context.newPage();
    await page.goto(`${writ.base}/admin/outbox`);
    await page.getByTestId('outbox-table').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Mail outbox');
    expect(await page.getByTestId('outbox-no-smtp').textContent()).toContain('WRIT_SMTP_URL');
    expect(await page.getByTestId('outbox-row').count()).toBe(2);

    await page.getByTestId('outbox-filter').selectOption('failed');
    await expect.poll(() => page.getByTestId('outbox-row').count()).toBe(1);
    const row = page.getByTestId('outbox-row');
    expect(await row.getAttribute('data-mail-id')).toBe(failedId);
    expect(await row.textContent()).toContain('550 mailbox unavailable');

    await page.getByTestId('outbox-retry').click();
    await page.getByTestId('outbox-none').waitFor();
    const { rows } = await writ.database.pool.query('SELECT status, attempts FROM mail_outbox WHERE id = $1', [failedId]);
    expect(rows[0]).toEqual({ status: 'queued', attempts: 0 });
    await context.close();
  });

  it('reads in Russian', async () => {
    const context = await adminContext('ru-RU');
    const page = await context.newPage();
    await page.goto(`${writ.base}/admin/outbox`);
    await page.getByTestId('outbox-table').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Исходящая почта');
    expect(await page.locator('[data-status="queued"] .badge').first().textContent()).toBe('В очереди');
    await context.close();
  });
});
