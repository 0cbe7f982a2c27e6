/** Wire shapes of the reviewers' API: orders, their items, decisions, status and history. */
import { z } from 'zod';
import { isWebUrl, webUrlMessage } from '../domain/item-target.js';
import { slaStates } from '../domain/regimes/sla.js';
import { deadlineBases, deadlineClocks } from '../domain/regimes/vocabulary.js';
import { channels, outcomes, reasons, requestKinds, requestStatuses, targetKinds } from '../domain/vocabulary.js';
import { authoritySchema } from './authorities.js';
import { attachmentSchema, languageTag, missingElementSchema } from './authority-orders.js';
import { countryCode, instant, person, text } from './common.js';
import { dataRequestInputSchema, dataRequestSchema } from './data-requests.js';
import { itemReviewSchema } from './staged-review.js';

export const itemParams = z.object({ id: z.uuid('must be a UUID'), itemId: z.uuid('must be a UUID') });

export const newItemSchema = z
  .object({
    targetKind: z.enum(targetKinds),
    target: text(2000).meta({ description: 'For a url item, an absolute http(s) URL' }),
    product: text(100).meta({ example: 'Video' }),
  })
  .superRefine((item, ctx) => {
    if (item.targetKind === 'url' && !isWebUrl(item.target))
      ctx.addIssue({ code: 'custom', path: ['target'], message: webUrlMessage, input: item.target });
  });

export const newRequestSchema = z.object({
  kind: z.enum(requestKinds),
  authorityId: z.uuid('must be the UUID of a registered authority'),
  receivedAt: instant.optional().meta({ description: 'When the order reached the platform; defaults to now.' }),
  authorityTimeZone: text(64).meta({ example: 'Asia/Almaty', description: 'IANA time zone of the issuing authority' }),
  legalBasis: text(2000).meta({ description: 'The legal basis as the order cites it' }),
  claimedCategories: z.array(text(100)).max(20).default([]),
  channel: z.enum(channels),
  authorityReference: text(200).optional().meta({ description: "The authority's own reference number" }),
  regime: z.string().trim().min(1).max(100).optional().meta({
    example: 'kz-2022-child-cyberbullying',
    description:
      'The rule pack regime the order falls under (GET /api/v1/regimes); without one the deadline is a platform policy',
  }),
  category: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .meta({ example: 'child_cyberbullying', description: "The regime's category for the order; it picks the deadline rule" }),
  periodSetInOrderHours: z
    .number()
    .positive()
    .max(24 * 365)
    .optional()
    .meta({ description: 'The period the order itself sets, in hours, where the law leaves it to the order' }),
  items: z
    .array(newItemSchema)
    .max(5000, 'at most 5000 items per request')
    .default([])
    .meta({ description: 'What a content_removal order asks to remove (at least one); a data order names accounts instead' }),
  dataRequest: dataRequestInputSchema.optional().meta({
    description:
      'For a user_data, preservation or emergency_disclosure order: its legal process, the accounts and the data asked for',
  }),
  // The particulars the authority channel asks for (issue 10), optional here.
  signer: text(300).optional().meta({ description: 'Name and position of the official who signed the order' }),
  statementOfReasons: text(20000).optional().meta({ description: "The authority's statement of reasons" }),
  language: languageTag.optional().meta({ description: 'The language the order is written in (BCP 47)' }),
  requestedScope: z.array(countryCode).max(250).optional().meta({ description: 'The countries the order asks action in' }),
  redress: text(5000).optional().meta({ description: 'How the platform or the user can challenge the order' }),
});

export const decisionSchema = z
  .object({
    outcome: z.enum(outcomes),
    reason: z.enum(reasons),
    scopeCountries: z.array(z.string()).nullable(),
    rationale: z.string(),
    decidedBy: person,
    decidedAt: z.string(),
    publicSummary: z.string().nullable().meta({ description: 'For the public request database' }),
    publicInterest: z.boolean().meta({ description: 'Told in the transparency report, with caseStudy' }),
    caseStudy: z.string().nullable(),
    signedOffBy: person.nullable().meta({ description: 'The second person who signed off a sensitive action' }),
    signedOffAt: z.string().nullable(),
  })
  .meta({ id: 'Decision' });

export const decisionInputSchema = z.object({
  outcome: z.enum(outcomes),
  reason: z.enum(reasons),
  scopeCountries: z
    .array(countryCode)
    .max(250)
    .nullable()
    .default(null)
    .meta({ description: 'Countries the action applies in (required for removed_legal); null for worldwide or no action' }),
  rationale: text(5000),
  publicSummary: text(2000)
    .nullable()
    .optional()
    .meta({ description: 'What was done and why, for the public request database (no private detail)' }),
  publicInterest: z.boolean().default(false).meta({ description: 'Worth telling in the transparency report: give caseStudy' }),
  caseStudy: text(10000).nullable().optional().meta({ description: 'Required when publicInterest is true' }),
});

export const statusChangeSchema = z.object({
  status: z.enum(requestStatuses),
  note: text(2000).optional(),
});

export const itemSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  targetKind: z.enum(targetKinds),
  target: z.string(),
  product: z.string(),
  decision: decisionSchema.nullable(),
  review: itemReviewSchema.meta({ description: 'Its staged review: stages, findings, a proposal, who acts next' }),
});

export const appliedRuleSchema = z
  .object({
    basis: z.enum(deadlineBases).meta({ description: 'law: hours in the law; policy: platform target; order: set in the order' }),
    hours: z.number(),
    regimeId: z.string(),
    ruleId: z.string().meta({ example: 'kz-2022-child-cyberbullying/child-cyberbullying-removal' }),
    ruleVersion: z.number().int(),
    versionFrom: z.string(),
    clock: z.enum(deadlineClocks),
    category: z.string(),
    source: z.object({ url: z.string(), quote: z.string() }),
    timeZone: z.string(),
  })
  .meta({ id: 'AppliedRule' });

export const slaSchema = z
  .object({
    state: z.enum(slaStates),
    dueSoonAt: z.string().meta({ description: 'When the request turns due_soon (the configured share of its time used)' }),
  })
  .meta({ id: 'Sla' });

export const requestSummarySchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    kind: z.enum(requestKinds),
    status: z.enum(requestStatuses),
    authority: authoritySchema,
    receivedAt: z.string(),
    authorityTimeZone: z.string(),
    dueAt: z.string(),
    dueBasis: z.string(),
    dueAtAuthorityTime: z.string().meta({ description: "The due instant in the authority's zone, with its offset" }),
    regime: z.string().nullable(),
    category: z.string().nullable(),
    periodSetInOrderHours: z.number().nullable(),
    deadline: z.object({
      basis: z.enum(deadlineBases),
      ruleId: z.string().nullable(),
      ruleVersion: z.number().int().nullable(),
      rule: appliedRuleSchema.nullable(),
    }),
    sla: slaSchema,
    decidedAt: z.string().nullable(),
    itemCount: z.number().int(),
    decidedItemCount: z.number().int(),
    isDemo: z.boolean(),
    assignee: person.nullable().meta({ description: 'Who has claimed the order (the queue’s assignee); null when nobody has' }),
    assignedAt: z.string().nullable().meta({ description: 'Since when the assignee holds the order' }),
  })
  .meta({ id: 'RequestSummary' });

export const eventSchema = z.object({
  id: z.number().int(),
  type: z.string(),
  itemId: z.uuid().nullable(),
  actor: person.nullable(),
  at: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  note: z.string().nullable(),
});

export const requestDetailSchema = requestSummarySchema
  .extend({
    deadlineReview: z
      .object({
        differs: z.boolean().meta({ description: 'The current rule packs would give another deadline; recompute to apply it' }),
        currentDueAt: z.string().nullable(),
        currentRuleId: z.string().nullable(),
        currentRuleVersion: z.number().int().nullable(),
        problem: z.string().nullable(),
      })
      .nullable()
      .meta({ description: 'For open requests under a regime: the deadline the current packs would give' }),
    legalBasis: z.string(),
    claimedCategories: z.array(z.string()),
    channel: z.enum(channels),
    authorityReference: z.string().nullable(),
    signer: z.string().nullable(),
    statementOfReasons: z.string().nullable(),
    language: z.string().nullable().meta({ description: 'The language of the order and its statement of reasons (BCP 47)' }),
    requestedScope: z.array(z.string()).nullable(),
    redress: z.string().nullable(),
    missingElements: z.array(missingElementSchema),
    clockPausedAt: z.string().nullable().meta({ description: "Since when the deadline's clock stands still, if it does" }),
    attachments: z.array(attachmentSchema),
    agency: z
      .object({ id: z.uuid(), name: z.string() })
      .nullable()
      .meta({ description: 'The agency that sent the order through the authority channel' }),
    items: z.array(itemSchema),
    dataRequest: dataRequestSchema
      .nullable()
      .meta({ description: 'A data order’s accounts, legal process, decisions, holds and productions; null for removals' }),
    events: z.array(eventSchema),
  })
  .meta({ id: 'RequestDetail' });

const commaList = <T extends z.ZodType>(member: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(member));

export const requestListQuery = z.object({
  status: commaList(z.enum(requestStatuses)).optional().meta({ description: 'One status or several, comma-separated' }),
  country: countryCode.optional(),
  kind: z.enum(requestKinds).optional(),
  dueBefore: instant.optional(),
  regime: z.string().trim().min(1).max(100).optional().meta({ example: 'kz-2022-child-cyberbullying' }),
  search: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: "Part of Writ's reference (WR-000123) or of the authority's own reference, any case" }),
  assignee: z
    .union([z.enum(['me', 'none']), z.uuid()], 'must be me, none or the UUID of an account')
    .optional()
    .meta({ description: 'Whose orders: me (the signed-in account), none (unclaimed) or an account’s UUID' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const requestListSchema = z.object({
  requests: z.array(requestSummarySchema),
  total: z.number().int().meta({
    description:
      'How many requests match. Exact when totalIsLowerBound is false; otherwise counting stopped (1,000 past the page’s start) and more than this many match',
  }),
  totalIsLowerBound: z.boolean().meta({
    description:
      'True when the total was not counted to the end, so that a large queue answers at once: more than `total` requests match (show it as 1,000+), and a full page has a next one',
  }),
});

export const recomputeDeadlineSchema = z.object({
  note: z.string().trim().min(1, 'say why the deadline is recomputed').max(2000),
  regime: z.string().trim().min(1).max(100).nullable().optional(),
  category: z.string().trim().min(1).max(100).nullable().optional(),
  periodSetInOrderHours: z.number().positive().max(8760).nullable().optional(),
});
