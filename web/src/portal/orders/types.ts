/** The wire shapes the portal's order pages use, from the authority channel's contracts. */
import type { z } from 'zod';
import type { officerSessionSchema } from '../../../../src/contracts/agencies.js';
import type {
  attachmentSchema,
  authorityItemOutcomeSchema,
  authorityOrderListSchema,
  authorityOrderSchema,
  missingElementSchema,
  orderReceiptSchema,
  submitOrderSchema,
} from '../../../../src/contracts/authority-orders.js';
import type { authorityThreadSchema } from '../../../../src/contracts/order-thread.js';

export type OfficerSession = z.output<typeof officerSessionSchema>;
export type NewAuthorityOrder = z.input<typeof submitOrderSchema>;
export type OrderReceipt = z.output<typeof orderReceiptSchema>;
export type MissingElement = { element: string; reason: string } & Partial<z.output<typeof missingElementSchema>>;
export type OrderAttachment = z.output<typeof attachmentSchema>;
export type OrderItemOutcome = z.output<typeof authorityItemOutcomeSchema>;
export type AuthorityOrder = z.output<typeof authorityOrderSchema>;
export type AuthorityOrderList = z.output<typeof authorityOrderListSchema>;
export type AuthorityDataRequest = NonNullable<AuthorityOrder['dataRequest']>;
export type AuthorityDataAccount = AuthorityDataRequest['accounts'][number];
export type AuthorityProduction = AuthorityDataRequest['productions'][number];
export type OrderThread = z.output<typeof authorityThreadSchema>;
export type ThreadMessage = OrderThread['messages'][number];

/** What the officer writes on the thread: which endpoint takes it follows from the order's status. */
export type AnswerKind = 'message' | 'clarification_answer' | 'contest';
