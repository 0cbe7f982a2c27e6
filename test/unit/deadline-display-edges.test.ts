/**
 * Edges of a request's deadline that the other deadline tests leave open: an order naming no regime,
 * whether a regime fits the authority, the time left, the review of a stored deadline against the
 * current packs (which difference counts), and what the engine tells a reviewer — the basis line of a
 * policy or order period, and the kinds or categories a refused order could have named.
 */
import { describe, expect, it } from 'vitest';
import {
  checkRegimeFitsAuthority,
  deadlineFor,
  type RequestDeadline,
  reviewDeadline,
  timeLeft,
} from '../../src/domain/deadline.js';
import { computeDeadline, type PolicyTargets } from '../../src/domain/regimes/deadline-engine.js';
import type { DeadlineRule, RegimePack } from '../../src/domain/regimes/pack.js';
import { ruleBook } from '../../src/domain/regimes/rule-book.js';
import type { RequestKind, RequestStatus } from '../../src/domain/vocabulary.js';

const H = 3_600_000;
const policy: PolicyTargets = { immediateHours: 2, withoutUndueDelayHours: 48 };
const receivedAt = new Date('2026-03-10T12:00:00Z');

/** A one-version test pack: its rules, its version number and its legal frame. */
function testPack(
  deadlines: DeadlineRule[],
  over: { id?: string; version?: number; jurisdiction?: string; jurisdictionKind?: 'country' | 'union' } = {},
): RegimePack {
  return {
    id: over.id ?? 'xx-test',
    jurisdiction: over.jurisdiction ?? 'XX',
    jurisdictionKind: over.jurisdictionKind ?? 'country',
    name: { en: 'Test' },
    law: 'Test',
    timeZone: 'UTC',
    confidence: 'high',
    penalties: 'none',
    sources: [{ id: 's', url: 'https://example.org/law', quote: 'within the hours' }],
    versions: [{ version: over.version ?? 1, from: '1970-01-01', summary: 'all time', coverage: null, duties: [], deadlines }],
  };
}

const rule = (id: string, over: Partial<DeadlineRule> = {}): DeadlineRule => ({
  id,
  kinds: ['content_removal'],
  clock: 'elapsed_hours_from_receipt',
  hours: 24,
  sources: ['s'],
  ...over,
});

const bookOf = (...deadlines: DeadlineRule[]) => ruleBook([testPack(deadlines)]);

const order = (over: { kind?: RequestKind; regimeId?: string | null; category?: string | null } = {}) => ({
  kind: over.kind ?? ('content_removal' as const),
  receivedAt,
  regimeId: over.regimeId === undefined ? 'xx-test' : over.regimeId,
  category: over.category === undefined ? 'defamation' : over.category,
  periodSetInOrderHours: null,
});

describe('an order that names no regime', () => {
  it('is refused if it names a category, on the regime field: a category belongs to a regime', () => {
    expect(() => deadlineFor(order({ regimeId: null, category: 'defamation' }), bookOf(rule('r')), policy)).toThrow(
      expect.objectContaining({ code: 'validation_failed', field: 'regime' }),
    );
    expect(deadlineFor(order({ regimeId: null, category: null }), bookOf(rule('r')), policy)).toMatchObject({
      deadlineBasis: 'policy',
      dueAt: new Date(receivedAt.getTime() + 24 * H),
    });
  });
});

describe('an order that names a regime but no category', () => {
  it("takes the regime's rule for every category and records its category as empty", () => {
    const d = deadlineFor(order({ category: null }), bookOf(rule('any-category')), policy);
    expect(d.category).toBeNull();
    expect(d.deadlineRuleId).toBe('xx-test/any-category');
    expect(d.deadlineRule?.category).toBe('');
  });
});

describe('whether a regime fits the authority', () => {
  const book = ruleBook([
    testPack([rule('r')], { id: 'xx-national', jurisdiction: 'XX' }),
    testPack([rule('r')], { id: 'eu-union', jurisdiction: 'EU', jurisdictionKind: 'union' }),
  ]);

  it('lets a union regime apply to an authority of any country', () => {
    for (const country of ['DE', 'FR', 'XX']) expect(() => checkRegimeFitsAuthority(book, 'eu-union', country)).not.toThrow();
  });

  it("lets a national regime apply only to its own country's authorities", () => {
    expect(() => checkRegimeFitsAuthority(book, 'xx-national', 'XX')).not.toThrow();
    expect(() => checkRegimeFitsAuthority(book, 'xx-national', 'DE')).toThrow(
      expect.objectContaining({ code: 'validation_failed', field: 'regime' }),
    );
  });
});

describe('the time left until a deadline', () => {
  const dueAt = new Date('2026-03-11T12:00:00Z');

  it('is the milliseconds until the due instant, zero at it and negative once it passed', () => {
    expect(timeLeft(dueAt, new Date('2026-03-11T10:00:00Z'))).toBe(2 * H);
    expect(timeLeft(dueAt, dueAt)).toBe(0);
    expect(timeLeft(dueAt, new Date('2026-03-11T12:30:00Z'))).toBe(-H / 2);
  });
});

describe('the review of a stored deadline against the current packs', () => {
  const storedUnder = (
    book: ReturnType<typeof bookOf>,
    status: RequestStatus = 'in_review',
    regimeId: string | null = 'xx-test',
  ) => {
    const o = order({ regimeId, category: regimeId ? 'defamation' : null });
    return { ...deadlineFor(o, book, policy), kind: o.kind, receivedAt: o.receivedAt, status };
  };
  const review = (
    stored: RequestDeadline & { kind: RequestKind; receivedAt: Date; status: RequestStatus },
    book = bookOf(rule('r')),
  ) => reviewDeadline(stored, book, policy);

  it('is none for an order that names no regime, even while it is open', () => {
    expect(review(storedUnder(bookOf(rule('r')), 'received', null))).toBeNull();
    expect(review(storedUnder(bookOf(rule('r')), 'in_review', null))).toBeNull();
  });

  it.each(['decided', 'closed', 'withdrawn'] as const)('is none for a %s order: its deadline is history', (status) => {
    expect(review(storedUnder(bookOf(rule('r')), status), bookOf(rule('r', { hours: 36 })))).toBeNull();
  });

  it.each(['received', 'in_review', 'needs_clarification'] as const)('is given for a %s order under a regime', (status) => {
    expect(review(storedUnder(bookOf(rule('r')), status))).not.toBeNull();
  });

  it('finds no difference when the pack is unchanged', () => {
    expect(review(storedUnder(bookOf(rule('r'))))).toEqual({
      differs: false,
      currentDueAt: '2026-03-11T12:00:00.000Z',
      currentRuleId: 'xx-test/r',
      currentRuleVersion: 1,
      problem: null,
    });
  });

  it('finds a difference when only the hours changed, under the same rule and version number', () => {
    expect(review(storedUnder(bookOf(rule('r'))), bookOf(rule('r', { hours: 36 })))).toEqual({
      differs: true,
      currentDueAt: '2026-03-12T00:00:00.000Z',
      currentRuleId: 'xx-test/r',
      currentRuleVersion: 1,
      problem: null,
    });
  });

  it('finds a difference when only the rule applied changed, with the same hours and version number', () => {
    expect(review(storedUnder(bookOf(rule('r'))), bookOf(rule('renamed')))).toMatchObject({
      differs: true,
      currentDueAt: '2026-03-11T12:00:00.000Z',
      currentRuleId: 'xx-test/renamed',
      currentRuleVersion: 1,
    });
  });

  it('finds a difference when only the version number changed, with the same rule and hours', () => {
    const next = ruleBook([testPack([rule('r')], { version: 2 })]);
    expect(review(storedUnder(bookOf(rule('r'))), next)).toMatchObject({
      differs: true,
      currentDueAt: '2026-03-11T12:00:00.000Z',
      currentRuleId: 'xx-test/r',
      currentRuleVersion: 2,
    });
  });

  it('finds a difference, and says why, when the current pack gives the order no deadline at all', () => {
    const stored = storedUnder(bookOf(rule('r')));
    expect(review(stored, bookOf(rule('r', { categories: ['terrorist_content'] })))).toEqual({
      differs: true,
      currentDueAt: null,
      currentRuleId: null,
      currentRuleVersion: null,
      problem: expect.stringContaining('has no content_removal category "defamation"'),
    });
  });
});

describe('the basis line a reviewer reads', () => {
  const explain = (r: DeadlineRule, period: number | null = null) =>
    computeDeadline(
      bookOf(r),
      { regimeId: 'xx-test', kind: 'content_removal', category: 'defamation', receivedAt, periodSetInOrderHours: period },
      policy,
    );

  it('says "without undue delay" has no legal hours and gives the platform policy target', () => {
    const r = explain(rule('swift', { clock: 'without_undue_delay', hours: undefined }));
    expect(r).toMatchObject({ basis: 'policy', hours: 48, dueAt: new Date(receivedAt.getTime() + 48 * H) });
    expect(r.explanation).toBe(
      'policy: "without undue delay" in law, no hours; platform policy target 48 h — xx-test/swift, version 1 (in force from 1970-01-01)',
    );
  });

  it('says "immediately" has no legal hours and gives the platform policy target', () => {
    const r = explain(rule('now', { clock: 'immediate', hours: undefined }));
    expect(r).toMatchObject({ basis: 'policy', hours: 2 });
    expect(r.explanation).toBe(
      'policy: "immediately" in law, no hours; platform policy target 2 h — xx-test/now, version 1 (in force from 1970-01-01)',
    );
  });

  it('says the period was set in the order where the law leaves it to the order', () => {
    const r = explain(rule('by-order', { clock: 'set_in_order', hours: undefined }), 72);
    expect(r).toMatchObject({ basis: 'order', hours: 72, dueAt: new Date(receivedAt.getTime() + 72 * H) });
    expect(r.explanation).toBe('order: 72 h set in the order — xx-test/by-order, version 1 (in force from 1970-01-01)');
  });
});

describe('which rule answers an order, and what a refusal offers instead', () => {
  const book = bookOf(
    rule('removal', { hours: 24 }),
    rule('removal-terror', { hours: 1, categories: ['terrorist_content'] }),
    rule('disclosure', { kinds: ['user_data', 'preservation'], hours: 240, categories: ['fraud', 'child_safety'] }),
    rule('disclosure-threat', { kinds: ['user_data'], hours: 72, categories: ['threat_to_life'] }),
  );
  const due = (kind: RequestKind, category: string) =>
    computeDeadline(book, { regimeId: 'xx-test', kind, category, receivedAt }, policy);

  it("picks the rule by the order's kind; a rule listing no categories answers every category no other rule of that kind lists", () => {
    expect(due('content_removal', 'defamation').ruleId).toBe('xx-test/removal');
    expect(due('content_removal', 'terrorist_content').ruleId).toBe('xx-test/removal-terror');
    expect(due('user_data', 'threat_to_life').ruleId).toBe('xx-test/disclosure-threat');
    expect(due('preservation', 'fraud').ruleId).toBe('xx-test/disclosure');
  });

  it('refuses a kind no rule covers and names the kinds the version does cover', () => {
    expect(() => due('emergency_disclosure', 'fraud')).toThrow(
      expect.objectContaining({
        code: 'validation_failed',
        field: 'kind',
        message: expect.stringContaining('(it covers content_removal, user_data, preservation)'),
      }),
    );
  });

  it("refuses a category the kind's rules do not list and names every category they do list, only of that kind", () => {
    expect(() => due('user_data', 'defamation')).toThrow(
      expect.objectContaining({
        code: 'validation_failed',
        field: 'category',
        message: expect.stringMatching(/; its categories are fraud, child_safety, threat_to_life$/),
      }),
    );
  });
});
