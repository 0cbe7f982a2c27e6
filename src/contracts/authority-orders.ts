/**
 * Wire shapes of the authority channel's orders (issue 10): what an officer's portal form or an
 * agency's API client sends, the receipt it gets back (DSA Art. 10(1): receipt confirmed), and how it
 * follows its orders and their items' outcomes. The portal's forms take their types from here.
 */
import { z } from 'zod';
import { authorityOutcomes } from '../domain/authority-outcomes.js';
import {
  accountIdentifierKinds,
  dataCategories,
  emergencyThreats,
  legalProcesses,
  productionExtents,
  refusalReasons,
} from '../domain/data-request.js';
import { isWebUrl, webUrlMessage } from '../domain/item-target.js';
import { orderElements } from '../domain/order-elements.js';
import { channels, requestKinds, requestStatuses, targetKinds } from '../domain/vocabulary.js';
import { countryCode, text } from './common.js';
import { dataRequestInputSchema } from './data-requests.js';

export const authorityOrderLimits = { items: 1000, claimedCategories: 20, requestedScope: 250 } as const;

/** Control characters (line breaks, tabs, NUL, …) have no place in an account name or a content id. */
const plainIdentifier = /^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+$/u;

export const authorityItemSchema = z
  .object({
    targetKind: z.enum(targetKinds),
    target: text(2000).meta({
      description: 'For url: an absolute http(s) URL; for account or content_id: the name or id as the platform shows it',
      example: 'https://video.example/watch/abc',
    }),
    product: text(100).optional().meta({ example: 'Video', description: 'The product the item is on' }),
  })
  .superRefine((item, ctx) => {
    if (item.targetKind === 'url' && !isWebUrl(item.target))
      ctx.addIssue({ code: 'custom', path: ['target'], message: webUrlMessage, input: item.target });
    if (item.targetKind !== 'url' && !plainIdentifier.test(item.target))
      ctx.addIssue({
        code: 'custom',
        path: ['target'],
        message: 'must be the account name or content id alone, on one line, without control characters',
        input: item.target,
      });
  });

/** A BCP 47 language tag (`ru`, `kk`, `en-GB`), as Intl reads it. */
export const languageTag = z
  .string()
  .trim()
  .min(2)
  .max(35)
  .refine(
    (tag) => {
      try {
        return Intl.getCanonicalLocales(tag).length === 1;
      } catch {
        return false;
      }
    },
    { message: 'must be a BCP 47 language tag such as ru, kk or en-GB' },
  )
  .meta({ example: 'kk' });

/**
 * An order as the authority sends it. Every particular is optional on the wire: an order that lacks
 * what its regime requires is received all the same, marked needs_clarification, and the receipt says
 * which elements are missing and why. The receipt instant is the server's, the authority the agency's.
 */
export const submitOrderSchema = z.object({
  kind: z.enum(requestKinds),
  regime: z.string().trim().min(1).max(100).optional().meta({
    example: 'kz-2022-child-cyberbullying',
    description: "The rule pack regime the order is issued under (GET /api/v1/regimes); it must be the agency's country's or EU",
  }),
  category: z.string().trim().min(1).max(100).optional().meta({ description: "The regime's category for the order" }),
  periodSetInOrderHours: z
    .number()
    .positive()
    .max(24 * 365)
    .optional()
    .meta({ description: 'The period the order itself sets, in hours, where the law leaves it to the order' }),
  legalBasis: text(2000).optional().meta({ description: 'The law and article the order rests on' }),
  signer: text(300).optional().meta({ description: 'Name and position of the official who signed the order' }),
  statementOfReasons: text(20000).optional().meta({ description: 'Why the items are unlawful, in the order’s language' }),
  language: languageTag.optional().meta({ description: 'The language the order is written in (BCP 47)' }),
  requestedScope: z
    .array(countryCode)
    .max(authorityOrderLimits.requestedScope)
    .default([])
    .meta({ description: 'The countries (ISO 3166-1 alpha-2) the order asks the items be restricted in' }),
  redress: text(5000).optional().meta({ description: 'How the platform or the user can challenge the order' }),
  authorityReference: text(200).optional().meta({ description: "The agency's own reference number" }),
  claimedCategories: z
    .array(text(100))
    .max(authorityOrderLimits.claimedCategories)
    .default([])
    .meta({ description: 'The categories of unlawful content the order claims' }),
  items: z
    .array(authorityItemSchema)
    .max(authorityOrderLimits.items, `at most ${authorityOrderLimits.items} items per order`)
    .default([])
    .meta({ description: 'For a content_removal order: the items (at least one). A data order names none.' }),
  dataRequest: dataRequestInputSchema.optional().meta({
    description:
      'For a user_data, preservation or emergency_disclosure order (and only for those): the legal process, the accounts, the data asked for, any non-disclosure order, and for an emergency the threat and justification',
  }),
});

export const missingElementSchema = z
  .object({
    element: z.enum(orderElements),
    reason: z.string().meta({ description: 'Why it is required, quoting the law or the platform practice' }),
  })
  .meta({ id: 'MissingElement' });

export const clarificationClockSchema = z
  .object({
    stopsDuringClarification: z.boolean(),
    basis: z.enum(['regime', 'setting']).meta({ description: "regime: the order's law says; setting: the platform's policy" }),
    sources: z.array(z.object({ url: z.string().nullable(), quote: z.string() })),
    pausedAt: z
      .string()
      .nullable()
      .meta({ description: 'Since when the clock stands still (receipt, when elements are missing)' }),
  })
  .meta({ id: 'ClarificationClock' });

const zoned = (what: string) => z.string().meta({ description: `${what}, ISO-8601 with the agency's UTC offset` });

/** The confirmation of receipt (DSA Art. 10(1)): on screen, in the API answer and by mail. */
export const orderReceiptSchema = z
  .object({
    id: z.uuid(),
    reference: z.string().meta({ example: 'WR-000123', description: "Writ's reference for the order" }),
    authorityReference: z.string().nullable(),
    kind: z.enum(requestKinds),
    status: z.enum(requestStatuses),
    channel: z.enum(channels),
    receivedAt: zoned('The instant of receipt'),
    timeZone: z.string().meta({ example: 'Asia/Almaty', description: "The agency's zone the instants are written in" }),
    dueAt: zoned('When the platform is due to act'),
    dueBasis: z.string().meta({ description: 'What the deadline rests on: the law and rule, or the platform policy' }),
    regime: z.string().nullable(),
    category: z.string().nullable(),
    requirementsBasis: z.enum(['regime', 'platform']).meta({
      description: "regime: the elements the order's law requires; platform: the platform's default list (the law says nothing)",
    }),
    missingElements: z.array(missingElementSchema),
    clock: clarificationClockSchema,
  })
  .meta({ id: 'OrderReceipt' });

export const attachmentSchema = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    mediaType: z.string().meta({ description: 'As detected from the content, not as labelled' }),
    size: z.number().int(),
    sha256: z.string(),
    uploadedAt: z.string(),
    downloadUrl: z.string(),
  })
  .meta({ id: 'OrderAttachment' });

export const authorityItemOutcomeSchema = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    targetKind: z.enum(targetKinds),
    target: z.string(),
    product: z.string(),
    outcome: z.enum(authorityOutcomes),
    scope: z
      .object({ worldwide: z.boolean(), countries: z.array(z.string()).nullable() })
      .nullable()
      .meta({ description: 'For effect_given: worldwide, or the countries the item is restricted in' }),
    reason: z.string().nullable().meta({ description: 'For declined: the reason category given' }),
    decidedAt: z.string().nullable(),
  })
  .meta({ id: 'AuthorityItemOutcome' });

const zonedOrNull = (what: string) => zoned(what).nullable();

/** The outcome for one account of a data order, in the authority's view: never the reviewer's rationale or name. */
export const authorityAccountSchema = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    identifierKind: z.enum(accountIdentifierKinds),
    identifier: z.string(),
    from: zonedOrNull('Start of the IP address time window'),
    to: zonedOrNull('End of that window'),
    outcome: z
      .object({
        extent: z
          .enum(productionExtents)
          .nullable()
          .meta({ description: 'all, some or none of the data asked for was produced (preserved); null: not decided yet' }),
        producedCategories: z.array(z.enum(dataCategories)),
        refusalReason: z.enum(refusalReasons).nullable().meta({ description: 'For some and none: why the rest was refused' }),
        legalBasis: z.string().nullable().meta({ description: 'The legal basis the platform relied on' }),
        decidedAt: zonedOrNull('When it was decided'),
      })
      .meta({ id: 'AuthorityAccountOutcome' }),
    hold: z
      .object({
        categories: z.array(z.enum(dataCategories)),
        preservedSince: zoned('Preserved since'),
        preservedUntil: zoned('Preserved until (the hold is released then unless legal process arrived)'),
        extensions: z.number().int().meta({ description: 'Extensions used' }),
        canExtend: z.boolean().meta({
          description:
            'Whether the agency may still extend it: POST /api/v1/authority/orders/{id}/accounts/{accountId}/hold/extend',
        }),
        releasedAt: zonedOrNull('When the hold was released'),
        releaseReason: z.enum(['expired', 'released_by_reviewer', 'order_withdrawn']).nullable(),
        legalProcess: z
          .object({ reference: z.string(), at: zoned('When it arrived') })
          .nullable()
          .meta({ description: 'The data order that arrived for the account: the hold then outlives its expiry' }),
      })
      .nullable()
      .meta({ id: 'AuthorityHold', description: 'For a preservation order: the hold on the account' }),
  })
  .meta({ id: 'AuthorityDataAccount' });

export const authorityProductionSchema = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    files: z.array(z.object({ name: z.string(), size: z.number().int(), sha256: z.string() })),
    availableUntil: zoned('The package may be downloaded until'),
    revoked: z.boolean(),
    downloadUrl: z.string().meta({ description: 'Where the package (zip of the files and the manifest) is downloaded' }),
  })
  .meta({ id: 'AuthorityProduction' });

export const authorityDataRequestSchema = z
  .object({
    legalProcess: z.enum(legalProcesses),
    categories: z.array(z.enum(dataCategories)),
    dateFrom: zonedOrNull('Start of the period of data asked for'),
    dateTo: zonedOrNull('End of that period'),
    nonDisclosureUntil: zonedOrNull('End of the non-disclosure order'),
    emergency: z.object({ threat: z.enum(emergencyThreats), justification: z.string() }).nullable(),
    accounts: z.array(authorityAccountSchema),
    followUp: z
      .object({
        dueAt: zoned('By when the follow-up legal process is owed'),
        received: z.object({ reference: z.string(), at: zoned('When it arrived') }).nullable(),
      })
      .nullable()
      .meta({ description: 'For an emergency disclosure: the legal process the authority must send afterwards' }),
    productions: z.array(authorityProductionSchema),
  })
  .meta({ id: 'AuthorityDataRequest' });

export const authorityOrderSummarySchema = orderReceiptSchema
  .extend({
    itemCount: z.number().int(),
    decidedItemCount: z.number().int(),
    decidedAt: z.string().nullable(),
    dataRequest: authorityDataRequestSchema
      .nullable()
      .meta({ description: 'For a data order: its accounts, holds and productions' }),
  })
  .meta({ id: 'AuthorityOrderSummary' });

export const authorityOrderSchema = authorityOrderSummarySchema
  .extend({
    legalBasis: z.string().nullable(),
    signer: z.string().nullable(),
    statementOfReasons: z.string().nullable(),
    language: z.string().nullable(),
    requestedScope: z.array(z.string()),
    redress: z.string().nullable(),
    claimedCategories: z.array(z.string()),
    items: z.array(authorityItemOutcomeSchema),
    attachments: z.array(attachmentSchema),
  })
  .meta({ id: 'AuthorityOrder' });

const commaList = <T extends z.ZodType>(member: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(member));

export const authorityOrderListQuery = z.object({
  status: commaList(z.enum(requestStatuses)).optional().meta({ description: 'One status or several, comma-separated' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const authorityOrderListSchema = z.object({
  orders: z.array(authorityOrderSummarySchema),
  total: z.number().int(),
});

export const attachmentParams = z.object({ id: z.uuid('must be a UUID'), attachmentId: z.uuid('must be a UUID') });

/** The media types an attachment may be, as detected from its bytes. */
export const attachmentMediaTypes = ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff'] as const;

export type SubmitOrderBody = z.input<typeof submitOrderSchema>;
export type OrderReceipt = z.infer<typeof orderReceiptSchema>;
export type AuthorityOrder = z.infer<typeof authorityOrderSchema>;
export type AuthorityOrderSummary = z.infer<typeof authorityOrderSummarySchema>;
export type AuthorityDataRequestView = z.infer<typeof authorityDataRequestSchema>;
export type AuthorityDataAccountView = z.infer<typeof authorityAccountSchema>;
export type AuthorityProductionView = z.infer<typeof authorityProductionSchema>;
export type OrderAttachment = z.infer<typeof attachmentSchema>;

/**
 * Uploading an attachment: POST the file's bytes as the body (Content-Type application/octet-stream,
 * or the file's own type: the type is detected from the bytes either way), its name percent-encoded
 * (encodeURIComponent) in this header.
 */
export const attachmentFileNameHeader = 'x-file-name';
export const attachmentUploadTypes = ['application/octet-stream', ...attachmentMediaTypes] as const;

export type {
  AccountIdentifierKind,
  DataCategory,
  EmergencyThreat,
  LegalProcess,
} from '../domain/data-request.js';
/**
 * The data order vocabulary the portal's form needs (which kinds are data orders, the processes each
 * rests on, the closed lists), from the domain through the contract the web may import.
 */
export {
  accountIdentifierKinds,
  dataCategories,
  emergencyThreats,
  isDataRequestKind,
  processesFor,
} from '../domain/data-request.js';
