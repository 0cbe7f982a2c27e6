/**
 * The confirmation of receipt an agency is mailed for an order it submits (src/domain/order-receipt.ts):
 * what it states, in the agency's own zone, and what it says of missing elements and the deadline's clock.
 */
import { describe, expect, it } from 'vitest';
import { orderReceipt, type ReceiptOrder } from '../../src/domain/order-receipt.js';

const order: ReceiptOrder = {
  reference: 'WR-2026-000123',
  authorityReference: 'MI-45/2026',
  receivedAt: new Date('2026-03-10T18:30:00Z'),
  dueAt: new Date('2026-03-11T18:30:00Z'),
  dueBasis: 'law',
  status: 'received',
  missingElements: [],
};
const regimeStops = { stops: true, basis: 'regime' } as const;

// Computed in each test, not when the file loads: a mutant is active only while tests run.
const receipt = () => orderReceipt(order, 'Asia/Almaty', regimeStops);

describe('the receipt of a complete order', () => {
  it('names the order by its Writ reference in the subject', () => {
    expect(receipt().subject).toBe('Order received: WR-2026-000123');
  });

  it('states both references, the instants in the agency’s zone, the deadline’s basis and the status, in that order', () => {
    expect(receipt().body.split('\n')).toEqual([
      'The platform has received your order (confirmation of receipt).',
      '',
      'Writ reference: WR-2026-000123',
      'Your reference: MI-45/2026',
      'Received at: 2026-03-10T23:30:00+05:00 (Asia/Almaty)',
      'Due by: 2026-03-11T23:30:00+05:00 (Asia/Almaty)',
      'Deadline basis: law',
      'Status: received',
      '',
      'Follow the order in the authority portal, or GET /api/v1/authority/orders/{id}.',
    ]);
  });

  it('says nothing of missing elements or of the clock', () => {
    expect(receipt().body).not.toMatch(/lacks|clock/);
  });

  it('leaves out the agency’s reference when it gave none', () => {
    const without = orderReceipt({ ...order, authorityReference: null }, 'Asia/Almaty', regimeStops).body;
    expect(without).not.toContain('Your reference');
    expect(without.split('\n')[3]).toBe('Received at: 2026-03-10T23:30:00+05:00 (Asia/Almaty)');
  });

  it('writes the instants in another zone when the agency is elsewhere', () => {
    const moscow = orderReceipt(order, 'Europe/Moscow', regimeStops).body;
    expect(moscow).toContain('Received at: 2026-03-10T21:30:00+03:00 (Europe/Moscow)');
    expect(moscow).toContain('Due by: 2026-03-11T21:30:00+03:00 (Europe/Moscow)');
  });
});

describe('the receipt of an order that lacks elements', () => {
  const incomplete: ReceiptOrder = {
    ...order,
    status: 'awaiting_clarification',
    missingElements: [
      { element: 'legal_basis', reason: 'the article of the law the order relies on' },
      { element: 'product', reason: 'which service each item is on' },
    ],
  };
  const paragraph = (clock: { stops: boolean; basis: 'regime' | 'setting' }) =>
    orderReceipt(incomplete, 'Asia/Almaty', clock).body.split('\n\n');

  it('lists each missing element with why it is needed, after the order’s facts', () => {
    const parts = paragraph(regimeStops);
    expect(parts[2]).toBe(
      [
        'The order lacks elements it must contain; please send them:',
        '- legal_basis: the article of the law the order relies on',
        '- product: which service each item is on',
      ].join('\n'),
    );
  });

  it.each([
    [
      true,
      'regime',
      "The deadline's clock stands still from receipt until the missing elements arrive (the order's law says so).",
    ],
    [
      true,
      'setting',
      "The deadline's clock stands still from receipt until the missing elements arrive (the platform's policy, as the law does not say).",
    ],
    [false, 'regime', "The deadline's clock keeps running while the missing elements are awaited (the order's law says so)."],
    [
      false,
      'setting',
      "The deadline's clock keeps running while the missing elements are awaited (the platform's policy, as the law does not say).",
    ],
  ] as const)('clock stops: %s, on the rule of the %s: says so and whose rule it is', (stops, basis, sentence) => {
    const parts = paragraph({ stops, basis });
    expect(parts[3]).toBe(sentence);
    expect(parts[4]).toBe('Follow the order in the authority portal, or GET /api/v1/authority/orders/{id}.');
  });
});
