/** The mail outbox as platform admins see it (GET /api/v1/admin/outbox): what was sent, what waits, what failed. */
import { z } from 'zod';

export const mailStatusSchema = z.enum(['queued', 'sending', 'sent', 'failed']).meta({
  id: 'MailStatus',
  description:
    'queued: stored, not yet handed to the sender; sending: held by the sender (an attempt under way or waiting for the next); sent; failed: every attempt failed',
});

export const outboxQuery = z.object({
  status: mailStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const outboxMailSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    to: z.string(),
    subject: z.string(),
    status: mailStatusSchema,
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    messageId: z.string().nullable().meta({ description: 'The Message-ID sent, the same at every attempt' }),
    agencyId: z.uuid().nullable(),
    requestId: z.uuid().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'OutboxMail' });
export type OutboxMail = z.infer<typeof outboxMailSchema>;

export const outboxPageSchema = z
  .object({
    mails: z.array(outboxMailSchema),
    total: z.number().int().meta({ description: 'Mails with the status asked for (all, without one)' }),
    counts: z.object({ queued: z.number().int(), sending: z.number().int(), sent: z.number().int(), failed: z.number().int() }),
    smtpConfigured: z.boolean().meta({ description: 'False when no SMTP server is configured: mails wait, queued' }),
  })
  .meta({ id: 'OutboxPage' });
export type OutboxPage = z.infer<typeof outboxPageSchema>;
