/**
 * Issue 10, item 2: mail that is never lost. Mails are stored in the outbox and sent by the durable
 * jobs (pg-boss on this test's database) to a real SMTP receiver; a refusing receiver makes the
 * mail retried, then failed with the receiver's error; admins list the outbox and retry a failure.
 */
import { hash } from '@node-rs/argon2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWrit } from '../../src/app/context.js';
import { loadConfig } from '../../src/config.js';
import { enqueueMail } from '../../src/db/outbox-repository.js';
import { usersRepository } from '../../src/db/users-repository.js';
import { prepareJobTables } from '../../src/jobs/queues.js';
import { type Jobs, startJobs } from '../../src/jobs/runner.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { eventually, type SmtpReceiver, startSmtpReceiver } from '../support/receivers.js';

let t: TestApp;
let receiver: SmtpReceiver;
let jobs: Jobs;
let admin: { authorization: string };
let config: ReturnType<typeof loadConfig>;
const log: string[] = [];

const mailStatus = async (id: string) =>
  (await t.database.pool.query('SELECT status, attempts, last_error, message_id FROM mail_outbox WHERE id = $1', [id])).rows[0];

beforeAll(async () => {
  t = await createTestApp();
  receiver = await startSmtpReceiver();
  // The test database is the owner's: it gets pg-boss's tables as `writ serve` would.
  await prepareJobTables(t.database.url, null);
  config = loadConfig({
    WRIT_DATA_DIR: '/nonexistent',
    WRIT_SMTP_URL: receiver.url,
    WRIT_MAIL_FROM: 'Writ <writ@platform.example>',
    WRIT_MAIL_ATTEMPTS: '3',
    WRIT_JOBS_RETRY_SECONDS: '1',
    WRIT_JOBS_SWEEP_SECONDS: '1',
  });
  jobs = await startJobs({ pool: t.database.pool, writ: createWrit(t.database.db, config), log: (m) => log.push(m) });
  await usersRepository(t.database.db).create({
    email: 'root@platform.example',
    name: 'Ada Admin',
    role: 'admin',
    passwordHash: await hash('a long admin passphrase'),
  });
  const signIn = await t.app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email: 'root@platform.example', password: 'a long admin passphrase' },
  });
  admin = { authorization: `Bearer ${signIn.json().token}` };
}, 60_000);
afterAll(async () => {
  await jobs?.stop();
  await receiver?.close();
  await t?.close();
});

describe('the mail outbox', () => {
  let sentId: string;
  let failedId: string;

  it('sends a queued mail once, as plain text, with a Message-ID derived from its row', async () => {
    const { id } = await enqueueMail(t.database.db, {
      kind: 'receipt',
      to: 'officer@gov.example',
      subject: 'Order W-1 received',
      body: 'Your order W-1 was received.\nReference: W-1',
    });
    sentId = id;
    await jobs.sweep();
    const row = await eventually('the mail to be sent', async () => {
      const r = await mailStatus(id);
      return r.status === 'sent' && r;
    });
    expect(row).toMatchObject({ attempts: 1, last_error: null, message_id: `<${id}@platform.example>` });
    const arrived = receiver.mails.filter((m) => m.headers['message-id'] === `<${id}@platform.example>`);
    expect(arrived).toHaveLength(1);
    expect(arrived[0]).toMatchObject({ from: 'writ@platform.example', to: ['officer@gov.example'] });
    expect(arrived[0]!.headers.subject).toBe('Order W-1 received');
    expect(arrived[0]!.headers['content-type']).toMatch(/^text\/plain/);
    expect(arrived[0]!.body.replace(/\r\n/g, '\n').trim()).toBe('Your order W-1 was received.\nReference: W-1');
    // Sweeping again sends nothing twice.
    await jobs.sweep();
    await new Promise((r) => setTimeout(r, 1500));
    expect(receiver.mails.filter((m) => m.headers['message-id'] === `<${id}@platform.example>`)).toHaveLength(1);
  });

  it('retries a mail the receiver refuses, then marks it failed with the error', async () => {
    const { id } = await enqueueMail(t.database.db, {
      kind: 'decision',
      to: 'refuse@gov.example',
      subject: 'Decision on W-2',
      body: 'Decided.',
    });
    failedId = id;
    await jobs.sweep();
    const row = await eventually(
      'the mail to fail',
      async () => {
        const r = await mailStatus(id);
        return r.status === 'failed' && r;
      },
      45_000,
    );
    expect(row.attempts).toBe(3);
    expect(row.last_error).toMatch(/550|refused by the test receiver/);
    expect(receiver.mails.some((m) => m.to.includes('refuse@gov.example'))).toBe(false);
  }, 60_000);

  it('shows admins the outbox with counts, the failures alone, and lets them retry a failed mail', async () => {
    const all = await t.app.inject({ method: 'GET', url: '/api/v1/admin/outbox', headers: admin });
    expect(all.statusCode).toBe(200);
    expect(all.json()).toMatchObject({ total: 2, counts: { queued: 0, sending: 0, sent: 1, failed: 1 }, smtpConfigured: false });
    const failures = await t.app.inject({ method: 'GET', url: '/api/v1/admin/outbox?status=failed', headers: admin });
    expect(failures.json().mails).toEqual([
      expect.objectContaining({ id: failedId, kind: 'decision', to: 'refuse@gov.example', status: 'failed', attempts: 3 }),
    ]);
    expect(failures.json().mails[0]).not.toHaveProperty('body');
    const paged = await t.app.inject({ method: 'GET', url: '/api/v1/admin/outbox?limit=1&offset=1', headers: admin });
    expect(paged.json().mails).toHaveLength(1);
    expect(paged.json().mails[0].id).toBe(sentId);

    const retried = await t.app.inject({ method: 'POST', url: `/api/v1/admin/outbox/${failedId}/retry`, headers: admin });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ id: failedId, attempts: 0 });
    expect(['queued', 'sending']).toContain((await mailStatus(failedId)).status);

    const notFailed = await t.app.inject({ method: 'POST', url: `/api/v1/admin/outbox/${sentId}/retry`, headers: admin });
    expect(notFailed.statusCode).toBe(409);
    expect((await mailStatus(sentId)).status).toBe('sent');
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/outbox/00000000-0000-4000-8000-000000000000/retry',
      headers: admin,
    });
    expect(unknown.statusCode).toBe(404);
    const badStatus = await t.app.inject({ method: 'GET', url: '/api/v1/admin/outbox?status=lost', headers: admin });
    expect(badStatus.statusCode).toBe(400);
    expect(badStatus.json().field).toMatch(/status/);
  });

  it('refuses a reviewer (403) and the public (401)', async () => {
    for (const call of [
      { method: 'GET' as const, url: '/api/v1/admin/outbox' },
      { method: 'POST' as const, url: `/api/v1/admin/outbox/${sentId}/retry` },
    ]) {
      expect((await t.app.inject({ ...call, headers: t.auth })).statusCode).toBe(403);
      expect((await t.app.inject(call)).statusCode).toBe(401);
    }
  });

  it('queues again, when the jobs start, a mail left sending with no job (a database restored from a backup)', async () => {
    const { id } = await enqueueMail(t.database.db, {
      kind: 'receipt',
      to: 'restored@gov.example',
      subject: 'Restored',
      body: 'Restored.',
    });
    // What a restore leaves: the row says a job holds it, but pg-boss's tables (not in the backup) have none.
    await t.database.pool.query("UPDATE mail_outbox SET status = 'sending', attempts = 1 WHERE id = $1", [id]);
    await jobs.stop();
    jobs = await startJobs({ pool: t.database.pool, writ: createWrit(t.database.db, config), log: (m) => log.push(m) });
    await eventually('the restored mail to be sent', async () => (await mailStatus(id)).status === 'sent');
    expect(receiver.mails.filter((m) => m.headers['message-id'] === `<${id}@platform.example>`)).toHaveLength(1);
    expect(log.some((m) => m.includes('had no job'))).toBe(true);
  });
});
