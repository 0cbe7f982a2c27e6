/**
 * Wire shapes of user-data requests (issue 11): what a data order names (intake, reviewer and
 * authority channel alike), the decision on an account, and the order's data part as read back.
 */
import { z } from 'zod';
import {
  accountIdentifierKinds,
  dataCategories,
  emergencyThreats,
  legalProcesses,
  productionExtents,
  refusalReasons,
} from '../domain/data-request.js';
import { instant, person, text } from './common.js';

export const accountParams = z.object({ id: z.uuid('must be a UUID'), accountId: z.uuid('must be a UUID') });

export const namedAccountInputSchema = z.object({
  identifierKind: z.enum(accountIdentifierKinds),
  identifier: text(500).meta({ example: 'example_user', description: 'The username, email, phone, account id or IP address' }),
  from: instant.optional().meta({ description: 'Start of the time window an IP address was used in' }),
  to: instant.optional().meta({ description: 'End of that window' }),
});

export const dataRequestInputSchema = z
  .object({
    legalProcess: z.enum(legalProcesses).meta({
      description:
        'The legal process the order rests on: emergency_request for an emergency disclosure, preservation_request for a preservation, otherwise one of the others',
    }),
    accounts: z
      .array(namedAccountInputSchema)
      .min(1, 'a data order names at least one account')
      .max(500, 'at most 500 accounts per order'),
    categories: z.array(z.enum(dataCategories)).max(dataCategories.length).default([]),
    dateFrom: instant.optional().meta({ description: 'Start of the period of data asked for' }),
    dateTo: instant.optional().meta({ description: 'End of the period of data asked for' }),
    nonDisclosureUntil: instant
      .optional()
      .meta({ description: 'The end of a non-disclosure order: the user may not be told before it' }),
    emergency: z
      .object({ threat: z.enum(emergencyThreats), justification: text(5000) })
      .optional()
      .meta({ description: "For an emergency disclosure: the threat and the authority's justification" }),
  })
  .meta({ description: 'What a data order names' });
export type DataRequestInput = z.infer<typeof dataRequestInputSchema>;

export const accountDecisionInputSchema = z.object({
  extent: z.enum(productionExtents).meta({ description: 'all, some (which categories: producedCategories) or none' }),
  producedCategories: z.array(z.enum(dataCategories)).max(dataCategories.length).default([]),
  refusalReason: z.enum(refusalReasons).nullable().default(null),
  legalBasis: text(2000).meta({ description: 'The legal basis relied on to produce or to refuse' }),
  rationale: text(5000),
});

export const accountDecisionSchema = z
  .object({
    extent: z.enum(productionExtents),
    producedCategories: z.array(z.enum(dataCategories)),
    refusalReason: z.enum(refusalReasons).nullable(),
    legalBasis: z.string(),
    rationale: z.string(),
    decidedBy: person,
    decidedAt: z.string(),
  })
  .meta({ id: 'AccountDecision' });

export const preservationHoldSchema = z
  .object({
    id: z.uuid(),
    categories: z.array(z.enum(dataCategories)),
    preservedAt: z.string(),
    expiresAt: z.string(),
    extensions: z.number().int(),
    canExtend: z.boolean(),
    remindedAt: z.string().nullable(),
    legalProcess: z
      .object({ requestId: z.uuid(), reference: z.string(), at: z.string() })
      .nullable()
      .meta({ description: 'The data order that arrived for the account: the hold then outlives its expiry' }),
    releasedAt: z.string().nullable(),
    releaseReason: z.enum(['expired', 'released_by_reviewer', 'order_withdrawn']).nullable(),
  })
  .meta({ id: 'PreservationHold' });

export const dataAccountSchema = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    identifierKind: z.enum(accountIdentifierKinds),
    identifier: z.string(),
    from: z.string().nullable(),
    to: z.string().nullable(),
    decision: accountDecisionSchema.nullable(),
    hold: preservationHoldSchema.nullable(),
  })
  .meta({ id: 'DataAccount' });

export const emergencyReviewSchema = z
  .object({
    reviewDueAt: z.string(),
    followUpDueAt: z.string(),
    reviewedAt: z.string().nullable(),
    reviewedBy: person.nullable(),
    conclusion: z.enum(['justified', 'not_justified']).nullable(),
    reviewNote: z.string().nullable(),
    followUp: z.object({ requestId: z.uuid(), reference: z.string(), at: z.string() }).nullable(),
  })
  .meta({ id: 'EmergencyReview' });

/** A produced package as the reviewer's desk and the authority see it: never its contents. */
export const productionSchema = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    files: z.array(z.object({ name: z.string(), size: z.number().int(), sha256: z.string() })),
    availableUntil: z.string(),
    revokedAt: z.string().nullable(),
    createdAt: z.string(),
    createdBy: person.nullable(),
    downloads: z.number().int(),
  })
  .meta({ id: 'Production' });

export const dataRequestSchema = z
  .object({
    legalProcess: z.enum(legalProcesses),
    categories: z.array(z.enum(dataCategories)),
    dateFrom: z.string().nullable(),
    dateTo: z.string().nullable(),
    nonDisclosureUntil: z.string().nullable(),
    emergency: z.object({ threat: z.enum(emergencyThreats), justification: z.string() }).nullable(),
    accounts: z.array(dataAccountSchema),
    emergencyReview: emergencyReviewSchema.nullable(),
    productions: z.array(productionSchema),
  })
  .meta({ id: 'DataRequest' });

// Preservation holds (issue 11): extend, release, link the legal process that arrived; the authority's extension.
export const holdNoteSchema = z.object({
  note: text(2000).meta({ description: 'Why: recorded in the order’s history' }),
});

export const holdLegalProcessSchema = z.object({
  reference: z.string().trim().regex(/^WR-/, 'must be a Writ reference (WR-…)').max(100, 'must be at most 100 characters').meta({
    example: 'WR-2026-000123',
    description:
      'The Writ reference of the user-data or emergency-disclosure order (from an authority of the same country) that arrived for the account: the hold then outlives its expiry',
  }),
});

export const authorityHoldSchema = z
  .object({ orderId: z.uuid(), accountId: z.uuid(), hold: preservationHoldSchema })
  .meta({ id: 'AuthorityPreservationHold' });

export const emergencyReviewInputSchema = z
  .object({
    conclusion: z.enum(['justified', 'not_justified']).meta({ description: 'Whether the emergency justified the disclosure' }),
    note: text(5000).meta({ description: 'What the review found' }),
  })
  .meta({ description: "The post-hoc review of an emergency disclosure, by someone who decided none of the order's accounts" });

export const followUpProcessInputSchema = z
  .object({
    reference: z
      .string()
      .trim()
      .regex(/^WR-\d{6,}$/i, 'must be a Writ reference such as WR-000123')
      .meta({ example: 'WR-000123', description: 'The Writ reference of the user-data order that brought the legal process' }),
  })
  .meta({ description: 'The follow-up legal process of an emergency disclosure' });

// Productions (issue 11): the reviewer's upload and revocation, the authority's list and download.
export const productionParams = z.object({ id: z.uuid('must be a UUID'), productionId: z.uuid('must be a UUID') });

export const revokeProductionSchema = z
  .object({ note: text(2000).meta({ description: 'Why the production is withdrawn: recorded in the order’s history' }) })
  .meta({ description: 'Withdraws a production: the authority can no longer download it, and its package is deleted' });

export const authorityProductionListSchema = z
  .object({ productions: z.array(productionSchema) })
  .meta({ id: 'AuthorityProductionList' });
