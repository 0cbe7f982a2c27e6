/**
 * The mail outbox: every mail Writ sends (invitation, email confirmation, receipt, clarification
 * request, decision, message) is stored here first, in the transaction of what it reports, and sent
 * later by a durable job. Nothing is mailed that was not committed; nothing committed is lost.
 */
import type { Db } from './connection.js';
import { mailOutbox } from './schema/index.js';

/** A database handle or a transaction of one. */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export type NewMail = {
  /** invitation, email_confirmation, receipt, clarification_request, decision, message, … */
  kind: string;
  to: string;
  subject: string;
  /** Plain text. */
  body: string;
  agencyId?: string | null;
  requestId?: string | null;
};

/** Stores a mail for sending; call it inside the transaction of the change the mail reports. */
export async function enqueueMail(db: DbOrTx, mail: NewMail): Promise<{ id: string }> {
  const [row] = await db
    .insert(mailOutbox)
    .values({ ...mail, agencyId: mail.agencyId ?? null, requestId: mail.requestId ?? null })
    .returning({ id: mailOutbox.id });
  return row!;
}
