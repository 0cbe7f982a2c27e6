/**
 * The conversation on an order, as the API sends and takes it. The authority's view never names a
 * reviewer: the platform speaks as one. The reviewers' view names the officer and the agency.
 */
import { z } from 'zod';
import { orderElements } from '../domain/order-elements.js';
import { ELEMENT_REASON_MAX_LENGTH, MESSAGE_MAX_LENGTH, threadMessageKinds } from '../domain/order-thread.js';
import { requestStatuses } from '../domain/vocabulary.js';
import { person, text } from './common.js';

/** The elements a reviewer can name as missing (the closed list intake uses), for forms. */
export const missingElementChoices = orderElements;

const messageText = text(MESSAGE_MAX_LENGTH).meta({
  description: `Plain text, at most ${MESSAGE_MAX_LENGTH} characters; never rendered as HTML`,
});

export const postMessageSchema = z.object({ body: messageText }).meta({ id: 'NewOrderMessage' });

export const clarificationRequestSchema = z
  .object({
    body: messageText.meta({ description: 'What the authority is asked to clarify, in plain text' }),
    missingElements: z
      .array(
        z.object({
          element: z.enum(orderElements),
          reason: text(ELEMENT_REASON_MAX_LENGTH)
            .optional()
            .meta({ description: 'Why it is needed; omitted: the element’s standard description' }),
        }),
      )
      .max(orderElements.length)
      .default([])
      .meta({ description: 'The elements the order lacks, each named once' }),
  })
  .meta({ id: 'ClarificationRequest' });

export const clarificationAnswerSchema = z.object({ body: messageText }).meta({ id: 'ClarificationAnswer' });
export const contestSchema = z
  .object({ body: messageText.meta({ description: 'Why the authority contests the decision' }) })
  .meta({ id: 'DecisionContest' });
export const withdrawalSchema = z
  .object({ reason: text(MESSAGE_MAX_LENGTH).meta({ description: 'Why the authority withdraws the order' }) })
  .meta({ id: 'OrderWithdrawal' });

const missingElementSchema = z.object({ element: z.string(), reason: z.string() });

const threadOrderSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.enum(requestStatuses),
  dueAt: z.string(),
  missingElements: z.array(missingElementSchema).meta({ description: 'What the order lacks, and why (empty when complete)' }),
  clock: z.object({
    stopsDuringClarification: z.boolean().meta({ description: 'The deadline waits while a clarification is awaited' }),
    basis: z.enum(['regime', 'setting']).meta({ description: 'regime: the law says so; setting: the platform decided' }),
    pausedAt: z.string().nullable().meta({ description: 'Since when the clock stands still; null while it runs' }),
  }),
});

const messageBase = { id: z.uuid(), kind: z.enum(threadMessageKinds), body: z.string(), at: z.string() };

export const authorityThreadSchema = z
  .object({
    order: threadOrderSchema,
    messages: z.array(
      z.object({
        ...messageBase,
        author: z
          .discriminatedUnion('side', [
            z.object({ side: z.literal('platform') }),
            z.object({ side: z.literal('authority'), officer: person }),
          ])
          .meta({ description: 'The platform speaks as one: no reviewer is named' }),
      }),
    ),
  })
  .meta({ id: 'AuthorityOrderThread' });

export const reviewThreadSchema = z
  .object({
    order: threadOrderSchema,
    messages: z.array(
      z.object({
        ...messageBase,
        author: z.discriminatedUnion('side', [
          z.object({ side: z.literal('platform'), user: person }),
          z.object({ side: z.literal('authority'), officer: person, agency: z.object({ id: z.uuid(), name: z.string() }) }),
        ]),
      }),
    ),
  })
  .meta({ id: 'ReviewOrderThread' });

export type ReviewThread = z.infer<typeof reviewThreadSchema>;
export type AuthorityThread = z.infer<typeof authorityThreadSchema>;
export type ClarificationRequestInput = z.input<typeof clarificationRequestSchema>;
