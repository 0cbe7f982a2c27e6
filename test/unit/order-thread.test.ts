/** The rules of an order's thread: which status allows which action, and the missing elements and clock they record. */
import { describe, expect, it } from 'vitest';
import { WritError } from '../../src/domain/errors.js';
import {
  assertClarificationAnswerable,
  assertClarificationRequestable,
  assertContestable,
  assertWithdrawable,
  clockPausedAfterRequest,
  missingElementsOf,
} from '../../src/domain/order-thread.js';
import { requestStatuses } from '../../src/domain/vocabulary.js';

const allowedBy = (check: (status: (typeof requestStatuses)[number]) => void) =>
  requestStatuses.filter((status) => {
    try {
      check(status);
      return true;
    } catch (error) {
      expect(error).toBeInstanceOf(WritError);
      expect((error as WritError).code).toBe('invalid_transition');
      return false;
    }
  });

describe('which status allows which action', () => {
  it('asks for a clarification only of an order received or in review', () => {
    expect(allowedBy(assertClarificationRequestable)).toEqual(['received', 'in_review']);
  });
  it('takes an answer only while a clarification is awaited', () => {
    expect(allowedBy(assertClarificationAnswerable)).toEqual(['needs_clarification']);
  });
  it('lets a decision be contested once there is one', () => {
    expect(allowedBy(assertContestable)).toEqual(['decided', 'closed']);
  });
  it('lets an open order be withdrawn, and nothing else', () => {
    expect(allowedBy(assertWithdrawable)).toEqual(['received', 'in_review', 'needs_clarification']);
  });
});

describe('missing elements', () => {
  it('keeps the reviewer’s reason, gives the element’s own description otherwise, in the order given', () => {
    expect(missingElementsOf([{ element: 'redress', reason: '  Art. 3(4)(f)  ' }, { element: 'signer' }])).toEqual([
      { element: 'redress', reason: 'Art. 3(4)(f)' },
      { element: 'signer', reason: expect.stringMatching(/^the signer .* is missing$/) },
    ]);
  });
  it('refuses an element named twice, pointing at the second', () => {
    expect(() => missingElementsOf([{ element: 'signer' }, { element: 'items' }, { element: 'signer' }])).toThrow(
      expect.objectContaining({ code: 'validation_failed', field: 'missingElements/2/element' }),
    );
  });
});

describe('the clock when a clarification is asked for', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  const earlier = new Date('2026-03-10T09:00:00Z');
  it('stops now where the rule stops it, and keeps an earlier stop', () => {
    expect(clockPausedAfterRequest(true, null, now)).toEqual(now);
    expect(clockPausedAfterRequest(true, earlier, now)).toEqual(earlier);
  });
  it('runs on where the rule does not stop it', () => {
    expect(clockPausedAfterRequest(false, null, now)).toBeNull();
  });
});
