/** Outbox rows on the wire: the admin sees where a mail went and what became of it, never its body. */
import type { OutboxPage } from '../../app/mail.js';
import type { OutboxMail } from '../../db/outbox-repository.js';

export function presentOutboxMail(mail: OutboxMail) {
  return {
    id: mail.id,
    kind: mail.kind,
    to: mail.to,
    subject: mail.subject,
    status: mail.status,
    attempts: mail.attempts,
    lastError: mail.lastError,
    messageId: mail.messageId,
    agencyId: mail.agencyId,
    requestId: mail.requestId,
    createdAt: mail.createdAt.toISOString(),
    sentAt: mail.sentAt?.toISOString() ?? null,
  };
}

export function presentOutboxPage(page: OutboxPage) {
  return {
    mails: page.mails.map(presentOutboxMail),
    total: page.total,
    counts: page.counts,
    smtpConfigured: page.smtpConfigured,
  };
}
