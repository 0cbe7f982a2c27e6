/**
 * `writ mail list` (run as the operator runs it, in a child process): where no SMTP server is
 * configured, an invitation's link can still be read, from the outbox, with the mail's whole text.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueMail } from '../../src/db/outbox-repository.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await enqueueMail(database.db, {
    kind: 'invitation',
    to: 'aigerim@mic.gov.example',
    subject: 'You are invited to the authority portal',
    body: 'Open this link to set your password:\nhttp://localhost:8080/portal/invitation?token=abc123',
  });
  await enqueueMail(database.db, {
    kind: 'receipt',
    to: 'officer@gov.example',
    subject: 'Order WR-000001 received',
    body: 'Received.',
  });
});
afterAll(async () => database?.close());

const writ = (...args: string[]) =>
  promisify(execFile)('node', ['bin/writ.js', 'mail', ...args], {
    env: { ...process.env, LOG_LEVEL: 'silent', DATABASE_URL: database.url, WRIT_SMTP_URL: '' },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

describe('writ mail list', () => {
  it('prints the queued mails with their whole text, newest first, and says that no SMTP server is configured', async () => {
    const { code, stdout } = await writ('list');
    expect(code).toBe(0);
    expect(stdout).toContain('no SMTP server is configured');
    expect(stdout).toContain('To: aigerim@mic.gov.example');
    expect(stdout).toContain('http://localhost:8080/portal/invitation?token=abc123');
    expect(stdout.indexOf('WR-000001')).toBeLessThan(stdout.indexOf('portal/invitation'));
  });

  it('gives JSON for scripts, filtered by status and limited', async () => {
    const { code, stdout } = await writ('list', '--format', 'json', '--status', 'queued', '--limit', '1');
    expect(code).toBe(0);
    const page = JSON.parse(stdout);
    expect(page.total).toBe(2);
    expect(page.mails).toHaveLength(1);
    expect(page.mails[0]).toMatchObject({ kind: 'receipt', status: 'queued', body: 'Received.' });
    expect(JSON.parse((await writ('list', '--format', 'json', '--status', 'sent')).stdout).mails).toEqual([]);
  });

  it('refuses a status that is not one', async () => {
    const { code, stderr } = await writ('list', '--status', 'lost');
    expect(code).not.toBe(0);
    expect(stderr).toContain('lost');
  });
});
