/**
 * The request lifecycle's whole transition table, cell by cell, as read from
 * src/domain/request-lifecycle.ts: any change to one cell (a move added, removed or redirected,
 * a reopened request no longer going back to review) fails here.
 */
import { describe, expect, it } from 'vitest';
import { WritError } from '../../src/domain/errors.js';
import {
  acceptsDecisions,
  allowedTransitions,
  assertTransition,
  statusAfterDecision,
} from '../../src/domain/request-lifecycle.js';
import { type RequestStatus, requestStatuses } from '../../src/domain/vocabulary.js';

const ok = 'allowed';
const final = 'nothing (it is final)';
const fromReceived = 'in_review, needs_clarification, withdrawn';
const fromInReview = 'needs_clarification, decided, withdrawn';
const fromClarification = 'in_review, withdrawn';
const fromDecided = 'closed, in_review';

/** Each cell: `allowed`, or the exact refusal a person gets for that status change. */
const table: Record<RequestStatus, Record<RequestStatus, string>> = {
  received: {
    received: 'the request is already received',
    in_review: ok,
    needs_clarification: ok,
    decided: `a received request can move to ${fromReceived}, not decided`,
    closed: `a received request can move to ${fromReceived}, not closed`,
    withdrawn: ok,
  },
  in_review: {
    received: `a in_review request can move to ${fromInReview}, not received`,
    in_review: 'the request is already in_review',
    needs_clarification: ok,
    decided: ok,
    closed: `a in_review request can move to ${fromInReview}, not closed`,
    withdrawn: ok,
  },
  needs_clarification: {
    received: `a needs_clarification request can move to ${fromClarification}, not received`,
    in_review: ok,
    needs_clarification: 'the request is already needs_clarification',
    decided: `a needs_clarification request can move to ${fromClarification}, not decided`,
    closed: `a needs_clarification request can move to ${fromClarification}, not closed`,
    withdrawn: ok,
  },
  decided: {
    received: `a decided request can move to ${fromDecided}, not received`,
    in_review: ok, // reopened
    needs_clarification: `a decided request can move to ${fromDecided}, not needs_clarification`,
    decided: 'the request is already decided',
    closed: ok,
    withdrawn: `a decided request can move to ${fromDecided}, not withdrawn`,
  },
  closed: {
    received: `a closed request can move to ${final}, not received`,
    in_review: `a closed request can move to ${final}, not in_review`,
    needs_clarification: `a closed request can move to ${final}, not needs_clarification`,
    decided: `a closed request can move to ${final}, not decided`,
    closed: 'the request is already closed',
    withdrawn: `a closed request can move to ${final}, not withdrawn`,
  },
  withdrawn: {
    received: `a withdrawn request can move to ${final}, not received`,
    in_review: `a withdrawn request can move to ${final}, not in_review`,
    needs_clarification: `a withdrawn request can move to ${final}, not needs_clarification`,
    decided: `a withdrawn request can move to ${final}, not decided`,
    closed: `a withdrawn request can move to ${final}, not closed`,
    withdrawn: 'the request is already withdrawn',
  },
};

/** What assertTransition does with one status change: `allowed`, or the refusal's code, field and message. */
function attempt(from: RequestStatus, to: RequestStatus, undecidedItems: number): string {
  try {
    assertTransition(from, to, undecidedItems);
    return ok;
  } catch (error) {
    expect(error).toBeInstanceOf(WritError);
    expect((error as WritError).code).toBe('invalid_transition');
    expect((error as WritError).field).toBe('status');
    return (error as Error).message;
  }
}

describe('the status changes a person may ask for', () => {
  it('covers every status, and only those', () => {
    expect(Object.keys(table).sort()).toEqual([...requestStatuses].sort());
  });

  for (const from of requestStatuses)
    it(`a ${from} request: every target status allowed or refused as the table says, with every item decided`, () => {
      expect(Object.fromEntries(requestStatuses.map((to) => [to, attempt(from, to, 0)]))).toEqual(table[from]);
    });

  it('lists the moves of each status in the order the refusals name them', () => {
    expect(Object.fromEntries(requestStatuses.map((s) => [s, allowedTransitions(s)]))).toEqual({
      received: ['in_review', 'needs_clarification', 'withdrawn'],
      in_review: ['needs_clarification', 'decided', 'withdrawn'],
      needs_clarification: ['in_review', 'withdrawn'],
      decided: ['closed', 'in_review'],
      closed: [],
      withdrawn: [],
    });
  });

  it('closes a decided request, and reopens it for review, even while some of its items are undecided', () => {
    expect(attempt('decided', 'closed', 0)).toBe(ok);
    expect(attempt('decided', 'closed', 3)).toBe(ok);
    expect(attempt('decided', 'in_review', 0)).toBe(ok);
    expect(attempt('decided', 'in_review', 3)).toBe(ok);
  });

  it('undecided items change only the move to decided; every other cell stays as the table says', () => {
    for (const from of requestStatuses)
      for (const to of requestStatuses) {
        const expected =
          table[from][to] === ok && to === 'decided'
            ? '2 item(s) have no decision yet; decide every item before marking the request decided'
            : table[from][to];
        expect(attempt(from, to, 2), `${from} → ${to}`).toBe(expected);
      }
  });

  it('marks a request decided only when no item is left undecided, naming how many are', () => {
    expect(attempt('in_review', 'decided', 1)).toBe(
      '1 item(s) have no decision yet; decide every item before marking the request decided',
    );
    expect(attempt('in_review', 'decided', 0)).toBe(ok);
  });
});

describe('the status that follows a decision on an item', () => {
  /** [status before, items still undecided after the decision, status after] */
  const cells: [RequestStatus, number, RequestStatus][] = [
    ['received', 0, 'decided'],
    ['received', 1, 'in_review'],
    ['received', 4, 'in_review'],
    ['in_review', 0, 'decided'],
    ['in_review', 1, 'in_review'],
    ['in_review', 4, 'in_review'],
    ['decided', 0, 'decided'],
    // A decided request whose item is decided again (or gains an undecided one) is back in review.
    ['decided', 1, 'in_review'],
    ['decided', 4, 'in_review'],
    ['needs_clarification', 0, 'decided'],
    ['needs_clarification', 1, 'needs_clarification'],
    ['closed', 0, 'decided'],
    ['closed', 1, 'closed'],
    ['withdrawn', 0, 'decided'],
    ['withdrawn', 1, 'withdrawn'],
  ];

  for (const [before, undecidedAfter, after] of cells)
    it(`a ${before} request with ${undecidedAfter} undecided item(s) after the decision is ${after}`, () => {
      expect(statusAfterDecision(before, undecidedAfter)).toBe(after);
    });

  it('takes decisions on items only while the request is received, in review or decided', () => {
    expect(Object.fromEntries(requestStatuses.map((s) => [s, acceptsDecisions(s)]))).toEqual({
      received: true,
      in_review: true,
      needs_clarification: false,
      decided: true,
      closed: false,
      withdrawn: false,
    });
  });
});
