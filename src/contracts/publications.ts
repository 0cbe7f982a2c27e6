/**
 * The publication workflow's shapes (issue 13): a decided order's publication as reviewers see it
 * (each redactable field's original text with the proposed and chosen spans, the marked names, the
 * child flag, the status and a preview of the public record), the choices they save, the
 * correction's note, the withdrawal's reason and the list by status. Browser-safe.
 */
import { z } from 'zod';
import { personalDataKinds, publicationStatuses } from '../domain/publishing-vocabulary.js';
import { requestKinds } from '../domain/vocabulary.js';
import { text } from './common.js';
import { publicRecordSchema } from './public-records.js';

export const MARKED_NAME_MAX_LENGTH = 200;
export const CORRECTION_NOTE_MAX_LENGTH = 2000;
export const WITHDRAWAL_REASON_MAX_LENGTH = 2000;

export const redactionSchema = z
  .object({
    field: z
      .string()
      .regex(/^(legalBasis|summary|caseStudy|target:\d{1,6})$/, 'must be legalBasis, summary, caseStudy or target:<position>')
      .meta({ description: 'The field: legalBasis, summary, caseStudy or target:<item position>' }),
    start: z.number().int('must be a whole number').min(0, 'must be 0 or more').meta({
      description: 'First redacted UTF-16 code unit of the field’s original text',
    }),
    end: z.number().int('must be a whole number').min(1, 'must be 1 or more').meta({
      description: 'One past the last redacted code unit; at most the text’s length',
    }),
    kind: z.enum(personalDataKinds),
  })
  .refine((r) => r.end > r.start, { message: 'end must be after start', path: ['end'] })
  .meta({ id: 'Redaction' });

export const publicationChoicesSchema = z
  .object({
    redactions: z
      .array(redactionSchema)
      .max(2000, 'at most 2000 redactions')
      .meta({ description: 'Every span to redact; spans of one field must not overlap' }),
    markedNames: z
      .array(z.string().max(MARKED_NAME_MAX_LENGTH, `must be at most ${MARKED_NAME_MAX_LENGTH} characters`))
      .max(50, 'at most 50 names')
      .meta({ description: 'Names redacted wherever they occur' }),
    concernsChild: z.boolean().meta({ description: 'The order concerns a child: no target, summary or case study is published' }),
  })
  .meta({ id: 'PublicationChoices' });
export type PublicationChoicesBody = z.infer<typeof publicationChoicesSchema>;

export const correctionSchema = z
  .object({
    note: text(CORRECTION_NOTE_MAX_LENGTH).meta({ description: 'Why the record is corrected (published with the new version)' }),
  })
  .meta({ id: 'PublicationCorrection' });
export type CorrectionBody = z.infer<typeof correctionSchema>;

export const withdrawalSchema = z
  .object({
    reason: text(WITHDRAWAL_REASON_MAX_LENGTH).meta({ description: 'The public reason, shown on the tombstone' }),
  })
  .meta({ id: 'PublicationWithdrawal' });
export type WithdrawalBody = z.infer<typeof withdrawalSchema>;

const storedRedactionSchema = z.object({
  field: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  kind: z.enum(personalDataKinds),
});

export const publicationSchema = z
  .object({
    requestId: z.uuid(),
    publicId: z.string().meta({ example: 'WR-000123' }),
    status: z.enum(publicationStatuses),
    ready: z.boolean().meta({ description: 'The order is decided (every item or account): it may be approved' }),
    fields: z.array(
      z.object({
        field: z.string(),
        text: z.string().meta({ description: 'The original (unredacted) text of the field' }),
        proposed: z.array(storedRedactionSchema).meta({ description: 'What Writ detected' }),
        chosen: z.array(storedRedactionSchema).meta({ description: 'What the reviewer chose to redact' }),
      }),
    ),
    markedNames: z.array(z.string()),
    concernsChild: z.boolean(),
    concernsChildByDefault: z.boolean().meta({ description: 'The order’s category implies a child' }),
    approvedAt: z.string().nullable(),
    publishAfter: z.string().nullable().meta({ description: 'Approval plus the configured delay' }),
    publishedAt: z.string().nullable(),
    withdrawnAt: z.string().nullable(),
    withdrawalReason: z.string().nullable(),
    correctionNote: z.string().nullable(),
    version: z.number().int().meta({ description: 'The public record’s current version; 0: not published' }),
    nonDisclosureUntil: z
      .string()
      .nullable()
      .meta({ description: 'A running non-disclosure order holds publication until then' }),
    preview: publicRecordSchema.meta({ description: 'The public record as the current choices render it' }),
  })
  .meta({ id: 'Publication' });
export type Publication = z.infer<typeof publicationSchema>;

export const publicationListQuery = z.object({
  status: z.enum(publicationStatuses).optional(),
});

export const publicationListSchema = z
  .object({
    publications: z.array(
      z.object({
        requestId: z.uuid(),
        reference: z.string(),
        publicId: z.string(),
        status: z.enum(publicationStatuses),
        country: z.string(),
        authorityName: z.string(),
        kind: z.enum(requestKinds),
        approvedAt: z.string().nullable(),
        publishAfter: z.string().nullable(),
        publishedAt: z.string().nullable(),
        withdrawnAt: z.string().nullable(),
        updatedAt: z.string(),
        version: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'PublicationList' });
export type PublicationList = z.infer<typeof publicationListSchema>;
