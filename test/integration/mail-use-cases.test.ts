/**
 * One attempt at a mail (src/app/mail.ts) to a real SMTP receiver: its Message-ID is the row's id at
 * the sender's domain, with the spaces a configured address may carry around its domain left out.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attemptMail, messageIdOf } from '../../src/app/mail.js';
import { enqueueMail } from '../../src/db/outbox-repository.js';
import { smtpMailer } from '../../src/jobs/smtp.js';
import { type SmtpReceiver, startSmtpReceiver } from '../support/receivers.js';
import { createTestWrit, type TestWrit } from '../support/writ.js';

let t: TestWrit;
let receiver: SmtpReceiver;
let mailer: ReturnType<typeof smtpMailer>;
beforeAll(async () => {
  t = await createTestWrit();
  receiver = await startSmtpReceiver();
  mailer = smtpMailer(receiver.url);
});
afterAll(async () => {
  mailer?.close();
  await receiver?.close();
  await t?.close();
});

/** A queued mail, then held by a job (`sending`) as the mail job holds it before an attempt. */
async function heldMail(to: string): Promise<string> {
  const { id } = await enqueueMail(t.database.db, { kind: 'receipt', to, subject: 'Order W-1 received', body: 'Received.' });
  await t.database.db.execute(sql`UPDATE mail_outbox SET status = 'sending' WHERE id = ${id}`);
  return id;
}

describe('messageIdOf', () => {
  it('takes the domain of the sender’s address without the spaces around it', () => {
    expect(messageIdOf('m1', 'Writ <writ@platform.example >')).toBe('<m1@platform.example>');
    expect(messageIdOf('m2', 'writ@ platform.example ')).toBe('<m2@platform.example>');
    expect(messageIdOf('m3', 'writ@ ')).toBe('<m3@writ.invalid>');
    expect(messageIdOf('m4', 'writ')).toBe('<m4@writ.invalid>');
  });
});

describe('attemptMail', () => {
  it('sends with the Message-ID at the trimmed domain of a From that has spaces in its brackets, and records it', async () => {
    const id = await heldMail('officer@gov.example');
    const outcome = await attemptMail({ outbox: t.writ.outbox, mailer, from: 'Writ <writ@platform.example >', attempts: 3 }, id);
    expect(outcome).toBe('sent');
    expect(await t.writ.outbox.find(id)).toMatchObject({ status: 'sent', attempts: 1, messageId: `<${id}@platform.example>` });
    const arrived = receiver.mails.filter((m) => m.headers['message-id'] === `<${id}@platform.example>`);
    expect(arrived).toHaveLength(1);
  });
});
