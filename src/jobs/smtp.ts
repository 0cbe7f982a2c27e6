/** The SMTP mailer (nodemailer), from WRIT_SMTP_URL. Plain text only: no HTML part is ever built. */
import nodemailer from 'nodemailer';
import type { Mailer } from '../app/mail.js';

export function smtpMailer(smtpUrl: string): Mailer & { close(): void } {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    // Well under the job's lease, so that an attempt ends before another process may take the mail over.
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(mail) {
      await transport.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        // The mail's bytes are the same at every attempt but its Date: no tracking, no HTML.
        disableFileAccess: true,
        disableUrlAccess: true,
      });
    },
    close: () => transport.close(),
  };
}
