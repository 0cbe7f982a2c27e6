/** Wire shapes of queue work (issue 12): claim, release, assign an order; bulk decisions on its items. */
import { z } from 'zod';
import { bulkDecisionCap, targetPatternMaxLength } from '../domain/bulk-decision.js';
import { errorCodes } from '../domain/errors.js';
import { text } from './common.js';
import { decisionInputSchema } from './requests.js';

export const assigneeChangeSchema = z.object({
  userId: z
    .uuid('must be the UUID of an account')
    .nullable()
    .meta({ description: 'The account that is to hold the order (its role may claim orders); null to unassign' }),
  note: text(2000).optional().meta({ description: 'Why the order is (re)assigned; kept in its history' }),
});

const targetPattern = z
  .string()
  .min(1, 'must not be empty')
  .max(targetPatternMaxLength, `must be at most ${targetPatternMaxLength} characters`)
  .meta({
    example: 'https://example.org/posts/*',
    description: 'A glob over the items’ targets: * any run of characters, ? exactly one, every other character itself',
  });

export const bulkSelectionSchema = z.object({
  targetPattern,
  onlyUndecided: z.boolean().default(true).meta({ description: 'Leave the items already decided alone (default)' }),
});

export const bulkDecisionSchema = bulkSelectionSchema.extend({
  ...decisionInputSchema.shape,
  publicSummary: text(2000)
    .optional()
    .meta({ description: 'For the public request database: what was done and why, without private detail' }),
});

const bulkMatchSchema = z.object({
  itemId: z.uuid(),
  position: z.number().int(),
  target: z.string(),
  decided: z.boolean().meta({ description: 'Whether the item had a decision before this call' }),
});

export const bulkPreviewSchema = z
  .object({
    matched: z.number().int(),
    cap: z
      .number()
      .int()
      .meta({ description: `At most this many items (${bulkDecisionCap}) are decided by one call` }),
    items: z.array(bulkMatchSchema),
  })
  .meta({ id: 'BulkDecisionPreview' });

export const bulkResultSchema = z
  .object({
    matched: z.number().int(),
    decided: z.number().int(),
    refused: z.number().int(),
    results: z.array(
      bulkMatchSchema.extend({
        result: z.enum(['decided', 'refused']),
        code: z.enum(errorCodes).nullable().meta({ description: 'The problem’s code, for a refused item' }),
        message: z.string().nullable(),
        field: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'BulkDecisionResult' });
