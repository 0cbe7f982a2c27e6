/**
 * Enforcement (issue 12): the actions sent to the platform's content system and their
 * confirmations, the content system's confirmation body, and the calls to the platform's systems
 * (sinks) with their dead-letter list. Shared with the web.
 */
import { z } from 'zod';
import { enforcementActions, enforcementStatuses, sinkDeliveryStatuses, sinkKinds } from '../domain/review-vocabulary.js';
import { instant } from './common.js';

export const enforcementActionKindSchema = z.enum(enforcementActions).meta({
  id: 'EnforcementActionKind',
  description:
    'remove_globally: removed everywhere; restrict_in_country: withheld in the scope countries; restore: a restriction lifted',
});
export const enforcementStatusSchema = z.enum(enforcementStatuses).meta({
  id: 'EnforcementStatus',
  description:
    'queued: not yet sent; sending: held by the sender (an attempt under way or waiting for the next); delivered: the content system took the call; confirmed: it says the action took effect; failed: every attempt failed or the content system could not apply it',
});
export const sinkKindSchema = z.enum(sinkKinds).meta({ id: 'SinkKind', description: "The platform's system called" });
export const sinkDeliveryStatusSchema = z.enum(sinkDeliveryStatuses).meta({
  id: 'SinkDeliveryStatus',
  description:
    'queued: not yet handed to the sender; sending: held by the sender; delivered; failed: every attempt failed (the dead-letter list)',
});

export const enforcementActionSchema = z
  .object({
    id: z.uuid(),
    itemId: z.uuid(),
    action: enforcementActionKindSchema,
    scopeCountries: z.array(z.string()).nullable().meta({ description: 'Null for everywhere' }),
    status: enforcementStatusSchema,
    decidedAt: z.string().meta({ description: 'The decision that asked for the action' }),
    effectiveAt: z.string().nullable().meta({ description: 'When the content system says the action took effect' }),
    confirmedAt: z.string().nullable().meta({ description: 'When Writ received the confirmation' }),
    secondsToGiveEffect: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'Seconds from the decision to the action taking effect (the EU report’s time to give effect)' }),
    deliveryId: z.uuid().nullable(),
  })
  .meta({ id: 'EnforcementActionRecord' });
export type EnforcementActionRecord = z.infer<typeof enforcementActionSchema>;

export const requestEnforcementSchema = z
  .object({
    items: z.array(z.object({ itemId: z.uuid(), actions: z.array(enforcementActionSchema) })),
    contentSystemConfigured: z.boolean().meta({ description: 'False when no content system is configured: calls wait, queued' }),
  })
  .meta({ id: 'RequestEnforcement' });
export type RequestEnforcement = z.infer<typeof requestEnforcementSchema>;

/** What the content system posts back, signed with the enforcement sink's secret. */
export const enforcementConfirmationSchema = z
  .object({
    actionId: z.uuid('must be the actionId of the call'),
    status: z.enum(['applied', 'failed']),
    effectiveAt: instant,
    detail: z.string().max(2000).optional(),
  })
  .meta({ id: 'EnforcementConfirmation' });

export const enforcementConfirmedSchema = z
  .object({ actionId: z.uuid(), status: enforcementStatusSchema, effectiveAt: z.string().nullable(), repeated: z.boolean() })
  .meta({ id: 'EnforcementConfirmed' });

export const sinkDeliveriesQuery = z.object({
  status: sinkDeliveryStatusSchema.optional(),
  sink: sinkKindSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const sinkDeliverySchema = z
  .object({
    id: z.uuid(),
    sink: sinkKindSchema,
    eventType: z.string(),
    status: sinkDeliveryStatusSchema,
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    requestId: z.uuid().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .meta({ id: 'SinkDelivery' });
export type SinkDeliveryRecord = z.infer<typeof sinkDeliverySchema>;

export const sinkDeliveriesPageSchema = z
  .object({
    deliveries: z.array(sinkDeliverySchema),
    total: z.number().int(),
    counts: z.object({
      queued: z.number().int(),
      sending: z.number().int(),
      delivered: z.number().int(),
      failed: z.number().int(),
    }),
    configured: z.object({ notice: z.boolean(), enforcement: z.boolean(), alert: z.boolean() }),
  })
  .meta({ id: 'SinkDeliveriesPage' });
export type SinkDeliveriesPage = z.infer<typeof sinkDeliveriesPageSchema>;
