/** Wire shapes of batch intake: many orders in one call, for platform systems and back-fills. */
import { z } from 'zod';
import { newRequestSchema } from './requests.js';

/**
 * The most one call holds: orders, and items in all (one transaction, one body of bounded size). A
 * data order's accounts count as its items (issue 11).
 */
export const batchLimits = { orders: 1000, items: 1000 } as const;

/** What an order counts toward a batch's item limit: its items, or for a data order its accounts. */
export const batchEntries = (order: { items: readonly unknown[]; dataRequest?: { accounts: readonly unknown[] } | null }) =>
  order.items.length + (order.dataRequest?.accounts.length ?? 0);

export const newBatchSchema = z
  .object({
    batchKey: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters').meta({
      example: 'crm-export-2026-03-10-0001',
      description:
        'Chosen by the sender, one per batch: the same key with the same orders again answers as the first call did and creates nothing',
    }),
    orders: z
      .array(newRequestSchema)
      .min(1, 'a batch holds at least one order')
      .max(batchLimits.orders, `a batch holds at most ${batchLimits.orders} orders`)
      .meta({
        description: `Each the body of POST /api/v1/requests; at most ${batchLimits.items} items in all, a data order's accounts counted as items`,
      }),
  })
  .superRefine((batch, ctx) => {
    const items = batch.orders.reduce((n, order) => n + batchEntries(order), 0);
    if (items > batchLimits.items)
      ctx.addIssue({
        code: 'custom',
        path: ['orders'],
        message: `a batch holds at most ${batchLimits.items} items in all; this one has ${items}`,
        input: batch.orders,
      });
  });

export const batchAnswerSchema = z
  .object({
    batchKey: z.string(),
    replayed: z.boolean().meta({ description: 'True when this key and these orders were received before: nothing was created' }),
    requests: z
      .array(z.object({ id: z.uuid(), reference: z.string(), dueAt: z.string() }))
      .meta({ description: 'The requests created, in the order the orders were sent' }),
  })
  .meta({ id: 'RequestBatch' });
