/**
 * Wire shapes of user notices and appeals (issue 12): issuing, sending and cancelling a notice, the
 * user's appeal with the notice's token, and a reviewer's decision on it.
 */
import { z } from 'zod';
import { appealStatuses, noticeStatuses } from '../domain/review-vocabulary.js';
import { instant, person, text } from './common.js';

export const noticeParams = z.object({ id: z.uuid('must be a UUID'), noticeId: z.uuid('must be a UUID') });
export const appealParams = z.object({ id: z.uuid('must be a UUID'), appealId: z.uuid('must be a UUID') });

export const newNoticeSchema = z
  .object({
    itemId: z.uuid('must be a UUID').optional().meta({ description: 'The decided item the notice is about' }),
    accountId: z.uuid('must be a UUID').optional().meta({ description: 'Or the decided account of a data order' }),
    recipient: text(500).meta({ description: "The platform's identifier of the affected account", example: 'user:48213' }),
    recipientEmail: z
      .email('must be an email address')
      .max(320)
      .optional()
      .meta({ description: 'An address to mail the notice to as well' }),
    heldUntil: instant.optional().meta({
      description: "Hold the notice until then; a data order's non-disclosure order's end by default, and never earlier",
    }),
  })
  .refine((b) => (b.itemId === undefined) !== (b.accountId === undefined), {
    message: 'name either an item (itemId) or an account (accountId)',
    path: ['itemId'],
  });

export const cancelNoticeSchema = z.object({ note: text(2000).meta({ description: 'Why the notice is cancelled' }) });
export const noticeListQuery = z.object({ status: z.enum(noticeStatuses).optional() });
export const appealListQuery = z.object({ status: z.enum(appealStatuses).optional() });

export const noticeContentSchema = z
  .object({
    kind: z.enum(['content_restricted', 'data_disclosed']),
    requestedByStateAuthority: z.literal(true),
    authority: z.object({ name: z.string(), country: z.string(), kind: z.string() }),
    request: z.object({ reference: z.string() }),
    restricted: z
      .object({
        targetKind: z.string(),
        target: z.string(),
        product: z.string(),
        outcome: z.string(),
        scopeCountries: z.array(z.string()).nullable(),
      })
      .nullable(),
    disclosed: z
      .object({ identifierKind: z.string(), identifier: z.string(), extent: z.string(), categories: z.array(z.string()) })
      .nullable(),
    legalBasis: z.object({ order: z.string(), decision: z.string() }),
    decidedAt: z.string(),
    date: z.string(),
    appeal: z.object({ method: z.literal('link') }),
  })
  .meta({ id: 'NoticeContent', description: 'What the notice says, as codes and facts: the messaging system words it' });

export const appealSchema = z
  .object({
    id: z.uuid(),
    noticeId: z.uuid(),
    requestId: z.uuid(),
    requestReference: z.string(),
    itemId: z.uuid().nullable(),
    statement: z.string(),
    status: z.enum(appealStatuses),
    receivedAt: z.string(),
    decidedBy: person.nullable(),
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
  })
  .meta({ id: 'Appeal' });

export const noticeSchema = z
  .object({
    id: z.uuid(),
    requestId: z.uuid(),
    requestReference: z.string(),
    itemId: z.uuid().nullable(),
    accountId: z.uuid().nullable(),
    recipient: z.string(),
    recipientEmail: z.string().nullable(),
    status: z.enum(noticeStatuses),
    heldUntil: z.string().nullable(),
    content: noticeContentSchema,
    createdBy: person.nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    appeals: z.array(appealSchema),
  })
  .meta({ id: 'UserNotice' });

export const noticeListSchema = z.object({ notices: z.array(noticeSchema) });
export const appealListSchema = z.object({ appeals: z.array(appealSchema) });

export const appealDecisionSchema = z.object({
  outcome: z.enum(['upheld', 'reversed']).meta({ description: 'upheld: the action stands; reversed: it is lifted' }),
  note: text(4000).meta({ description: 'Why: told to the user' }),
});

/** The user's side (public, no session). */
export const newAppealSchema = z.object({
  token: z.string().min(16, 'must be the token from your notice').max(200),
  statement: text(10_000).meta({ description: 'Why the user thinks the decision is wrong' }),
});
export const appealTokenQuery = z.object({ token: z.string().min(16, 'must be the token from your notice').max(200) });

export const publicAppealSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(appealStatuses),
    receivedAt: z.string(),
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
  })
  .meta({ id: 'PublicAppeal' });

export const publicAppealStatusSchema = z.object({
  notice: z.object({ content: noticeContentSchema }),
  appeals: z.array(publicAppealSchema),
});

export type NoticeWire = z.infer<typeof noticeSchema>;
export type AppealWire = z.infer<typeof appealSchema>;
export type NoticeContentWire = z.infer<typeof noticeContentSchema>;
