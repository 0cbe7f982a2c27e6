import { describe, expect, it } from 'vitest';
import {
  acceptsDecisions,
  allowedTransitions,
  assertTransition,
  statusAfterDecision,
} from '../../src/domain/request-lifecycle.js';
import { requestStatuses } from '../../src/domain/vocabulary.js';

describe('request lifecycle', () => {
  it('lets closed and withdrawn requests go nowhere', () => {
    expect(allowedTransitions('closed')).toEqual([]);
    expect(allowedTransitions('withdrawn')).toEqual([]);
  });

  it('allows withdrawal from every open status', () => {
    for (const from of ['received', 'in_review', 'needs_clarification'] as const) {
      expect(() => assertTransition(from, 'withdrawn', 3)).not.toThrow();
    }
  });

  it('refuses decided while items are undecided, naming how many', () => {
    expect(() => assertTransition('in_review', 'decided', 2)).toThrow(/2 item\(s\) have no decision/);
    expect(() => assertTransition('in_review', 'decided', 0)).not.toThrow();
  });

  it('refuses a move to the same status and moves the lifecycle lacks', () => {
    expect(() => assertTransition('received', 'received', 0)).toThrow(/already received/);
    expect(() => assertTransition('received', 'closed', 0)).toThrow(
      /can move to in_review, needs_clarification, withdrawn, not closed/,
    );
    expect(() => assertTransition('closed', 'in_review', 0)).toThrow(/nothing \(it is final\)/);
  });

  it('derives the status after a decision', () => {
    expect(statusAfterDecision('received', 1)).toBe('in_review');
    expect(statusAfterDecision('received', 0)).toBe('decided');
    expect(statusAfterDecision('in_review', 0)).toBe('decided');
    expect(statusAfterDecision('decided', 0)).toBe('decided');
  });

  it('accepts decisions only while the request is being reviewed', () => {
    expect(requestStatuses.filter(acceptsDecisions)).toEqual(['received', 'in_review', 'decided']);
  });
});
