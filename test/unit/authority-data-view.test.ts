/** What an authority sees of its data order: each account's outcome, its hold, and whether it may extend the hold (src/domain/authority-outcomes.ts). */
import { describe, expect, it } from 'vitest';
import { authorityAccountOutcome, authorityDataRequest, canExtendHold } from '../../src/domain/authority-outcomes.js';
import type { AccountDecision, DataRequestView } from '../../src/domain/data-request.js';

const decidedAt = new Date('2026-03-02T09:00:00Z');
const reviewer = { id: 'u1', name: 'Reviewer One' };

const someProduced: AccountDecision = {
  extent: 'some',
  producedCategories: ['subscriber_information', 'ip_and_sign_in_logs'],
  refusalReason: 'overbroad',
  legalBasis: 'CCP art. 164',
  rationale: 'internal: the location data is out of the warrant',
  decidedBy: reviewer,
  decidedAt,
};

describe("the authority's view of an account's outcome", () => {
  it('tells which categories were produced, why the rest was refused and when, never the rationale nor who decided', () => {
    const seen = authorityAccountOutcome(someProduced);
    expect(seen).toEqual({
      extent: 'some',
      producedCategories: ['subscriber_information', 'ip_and_sign_in_logs'],
      refusalReason: 'overbroad',
      legalBasis: 'CCP art. 164',
      decidedAt,
    });
    expect(seen.producedCategories).not.toBe(someProduced.producedCategories);
  });

  it('is undecided, with nothing produced, before the account is decided', () => {
    expect(authorityAccountOutcome(null)).toEqual({
      extent: null,
      producedCategories: [],
      refusalReason: null,
      legalBasis: null,
      decidedAt: null,
    });
  });
});

describe("the authority's view of a data order", () => {
  const preservedAt = new Date('2026-03-01T10:00:00Z');
  const expiresAt = new Date('2026-05-30T10:00:00Z');
  const view: DataRequestView = {
    legalProcess: 'court_order',
    categories: ['subscriber_information', 'ip_and_sign_in_logs', 'location'],
    dateFrom: new Date('2026-01-01T00:00:00Z'),
    dateTo: null,
    nonDisclosureUntil: null,
    emergency: null,
    accounts: [
      {
        id: 'a1',
        position: 1,
        identifierKind: 'username',
        identifier: 'someone',
        from: null,
        to: null,
        decision: someProduced,
        hold: {
          id: 'h1',
          categories: ['subscriber_information', 'location'],
          preservedAt,
          expiresAt,
          extensions: 1,
          remindedAt: new Date('2026-05-20T10:00:00Z'),
          legalProcess: null,
          releasedAt: null,
          releaseReason: null,
        },
      },
    ],
    emergencyReview: null,
    productions: [],
  };

  it('lists the categories asked for, and for each account its outcome and the categories its hold preserves', () => {
    expect(authorityDataRequest(view)).toEqual({
      legalProcess: 'court_order',
      categories: ['subscriber_information', 'ip_and_sign_in_logs', 'location'],
      dateFrom: new Date('2026-01-01T00:00:00Z'),
      dateTo: null,
      nonDisclosureUntil: null,
      emergency: null,
      accounts: [
        {
          id: 'a1',
          position: 1,
          identifierKind: 'username',
          identifier: 'someone',
          from: null,
          to: null,
          outcome: authorityAccountOutcome(someProduced),
          hold: {
            categories: ['subscriber_information', 'location'],
            preservedAt,
            expiresAt,
            extensions: 1,
            releasedAt: null,
            releaseReason: null,
            legalProcess: null,
          },
        },
      ],
      followUp: null,
      productions: [],
    });
  });
});

describe('whether an authority may ask to extend a preservation hold', () => {
  it.each([
    ['held, with extensions left', null, 0, 1, true],
    ['held, with one of two extensions used', null, 1, 2, true],
    ['held, with every extension used', null, 1, 1, false],
    ['held, past the extensions allowed', null, 2, 1, false],
    ['released, with extensions left', new Date('2026-04-01T00:00:00Z'), 0, 1, false],
    ['released, with every extension used', new Date('2026-04-01T00:00:00Z'), 1, 1, false],
  ] as const)('%s: %s', (_case, releasedAt, extensions, allowed, expected) => {
    expect(canExtendHold({ releasedAt, extensions }, allowed)).toBe(expected);
  });
});
