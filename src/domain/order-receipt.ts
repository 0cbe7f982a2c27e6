/**
 * The confirmation of receipt mailed to an agency when its order arrives through the authority
 * channel (issue 10): the references, the instants in the agency's own zone, the deadline and its
 * basis, and, when the order lacks elements its regime requires, which ones and whether the
 * deadline's clock stands still meanwhile (and on whose rule: the law's or the platform's policy).
 */
import type { ClarificationClockRule } from './order-requirements.js';
import { formatInZone } from './regimes/time.js';

/** What the receipt states of an order, as stored. */
export type ReceiptOrder = {
  reference: string;
  authorityReference: string | null;
  receivedAt: Date;
  dueAt: Date;
  dueBasis: string;
  status: string;
  missingElements: readonly { element: string; reason: string }[];
};

/** The receipt's subject and plain-text body, instants written in `timeZone` (the agency's). */
export function orderReceipt(
  order: ReceiptOrder,
  timeZone: string,
  clock: Pick<ClarificationClockRule, 'stops' | 'basis'>,
): { subject: string; body: string } {
  const lines = [
    'The platform has received your order (confirmation of receipt).',
    '',
    `Writ reference: ${order.reference}`,
    ...(order.authorityReference ? [`Your reference: ${order.authorityReference}`] : []),
    `Received at: ${formatInZone(order.receivedAt, timeZone)} (${timeZone})`,
    `Due by: ${formatInZone(order.dueAt, timeZone)} (${timeZone})`,
    `Deadline basis: ${order.dueBasis}`,
    `Status: ${order.status}`,
  ];
  if (order.missingElements.length > 0) {
    lines.push('', 'The order lacks elements it must contain; please send them:');
    for (const m of order.missingElements) lines.push(`- ${m.element}: ${m.reason}`);
    const rule = clock.basis === 'regime' ? "the order's law says so" : "the platform's policy, as the law does not say";
    lines.push(
      '',
      clock.stops
        ? `The deadline's clock stands still from receipt until the missing elements arrive (${rule}).`
        : `The deadline's clock keeps running while the missing elements are awaited (${rule}).`,
    );
  }
  lines.push('', 'Follow the order in the authority portal, or GET /api/v1/authority/orders/{id}.');
  return { subject: `Order received: ${order.reference}`, body: lines.join('\n') };
}
