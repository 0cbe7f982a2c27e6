/**
 * Mail: one attempt at sending a mail from the outbox, and the admin's view of the outbox. The
 * durable job (src/jobs/mail-job.ts) holds a mail while it is `sending` and calls attemptMail once
 * per attempt; pg-boss waits between attempts (exponential back-off) and hands the mail to another
 * process when the one holding it died (the job's lease expired).
 */

import type { MailStatus, OutboxMail, OutboxRepository } from '../db/outbox-repository.js';
import { WritError } from '../domain/errors.js';

/** What sends a mail (SMTP through nodemailer in src/jobs/smtp.ts). Plain text only. */
export type Mailer = {
  send(mail: { from: string; to: string; subject: string; text: string; messageId: string }): Promise<void>;
};

/**
 * The Message-ID of an outbox row: the same at every attempt, so that should a mail go out twice
 * (the process died after the SMTP server accepted it and before the row said `sent`) a receiver
 * can tell the repeat and drop it.
 */
export function messageIdOf(mailId: string, from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  const domain = address.split('@')[1]?.trim() || 'writ.invalid';
  return `<${mailId}@${domain}>`;
}

export type AttemptOutcome = 'sent' | 'retry' | 'failed' | 'not_held';

/**
 * One attempt at a mail the caller's job holds. `retry`: the attempt failed and there are attempts
 * left (the job waits and calls again); `failed`: that was the last one; `not_held`: the mail is no
 * longer `sending` (already sent, say), so nothing was sent.
 */
export async function attemptMail(
  deps: { outbox: OutboxRepository; mailer: Mailer; from: string; attempts: number },
  mailId: string,
): Promise<AttemptOutcome> {
  const mail = await deps.outbox.beginAttempt(mailId, messageIdOf(mailId, deps.from));
  if (!mail) return 'not_held';
  try {
    await deps.mailer.send({ from: deps.from, to: mail.to, subject: mail.subject, text: mail.body, messageId: mail.messageId! });
  } catch (error) {
    const final = mail.attempts >= deps.attempts;
    await deps.outbox.recordFailure(mailId, errorText(error), final);
    return final ? 'failed' : 'retry';
  }
  await deps.outbox.markSent(mailId);
  return 'sent';
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

export type OutboxPage = {
  mails: OutboxMail[];
  total: number;
  counts: Record<MailStatus, number>;
  /** False when WRIT_SMTP_URL is not set: mails wait, queued, until it is. */
  smtpConfigured: boolean;
};

export async function outboxPage(
  writ: { outbox: OutboxRepository; config: { mail: { smtpUrl: string | undefined } } },
  filter: { status?: MailStatus; limit: number; offset: number },
): Promise<OutboxPage> {
  const [{ mails, total }, counts] = await Promise.all([writ.outbox.list(filter), writ.outbox.countsByStatus()]);
  return { mails, total, counts, smtpConfigured: writ.config.mail.smtpUrl !== undefined };
}

/** An admin queues a failed mail again, with a fresh count of attempts. */
export async function retryFailedMail(writ: { outbox: OutboxRepository }, mailId: string): Promise<OutboxMail> {
  const mail = await writ.outbox.requeueFailed(mailId);
  if (mail) return mail;
  const found = await writ.outbox.find(mailId);
  if (!found) throw new WritError('not_found', 'no such mail in the outbox');
  throw new WritError('conflict', `only a failed mail can be retried; this one is ${found.status}`);
}
