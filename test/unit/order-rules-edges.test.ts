/**
 * Edges of the order rules: each element an order must carry and when it counts as present, the
 * reasons quoted for a missing one, the staged review's order, gate and messages, the intake checks
 * on a receipt and on a batch, the role × action table, and API keys' expiry and state.
 */
import { describe, expect, it } from 'vitest';
import { shippedRulesDir } from '../../src/config.js';
import { apiKeyState, checkApiKeyExpiry } from '../../src/domain/api-key.js';
import { WritError } from '../../src/domain/errors.js';
import { checkOrder, checkOrders, type IncomingOrder, receiveRequest } from '../../src/domain/intake.js';
import { orderElements } from '../../src/domain/order-elements.js';
import {
  clarificationClockRule,
  missingElements,
  type OrderParticulars,
  type OrderRequirements,
  platformDefaultRequirements,
  requirementsFor,
} from '../../src/domain/order-requirements.js';
import { type Action, actions, actionsOf, authorize, staffRoles } from '../../src/domain/permissions.js';
import type { ReviewFinding, ReviewStage } from '../../src/domain/review-vocabulary.js';
import {
  allowedRestrictive,
  checkStageOrder,
  currentFindings,
  effectivePolicy,
  gateDecision,
  type StageStep,
} from '../../src/domain/staged-review.js';
import { loadRuleBook } from '../../src/rules/packs.js';

const rules = loadRuleBook(shippedRulesDir);

/** The code, field and message of the WritError `run` throws, or 'none'. */
function failure(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    return e instanceof WritError ? `${e.code}:${e.field ?? ''}:${e.message}` : `other:${String(e)}`;
  }
  return 'none';
}

describe('order elements', () => {
  const complete: OrderParticulars = {
    legalBasis: 'Art. 1',
    signer: 'A. Official',
    statementOfReasons: 'Why',
    items: [{ target: 'https://x.example/1', product: 'Video' }],
    claimedCategories: ['terrorist content'],
    requestedScope: ['DE'],
    redress: 'Court',
    language: 'de',
    attachments: 1,
  };
  const everything: OrderRequirements = {
    basis: 'regime',
    regimeId: 'xx-all',
    elements: orderElements.map((element) => ({ element, sources: [] })),
    clockDuringClarification: 'runs',
    clockSources: [],
  };
  const items = (...pairs: [string, string | null][]) => pairs.map(([target, product]) => ({ target, product }));
  const missing = (o: Partial<OrderParticulars>) => missingElements({ ...complete, ...o }, everything).map((m) => m.element);

  it.each([
    ['nothing, in a complete order', {}, []],
    ['the items and products of an order without items', { items: [] }, ['items', 'product']],
    ['the items when one target is blank', { items: items(['a', 'P'], [' ', 'P']) }, ['items']],
    ['the product when one item has none', { items: items(['a', 'P'], ['b', null]) }, ['product']],
    ['the product when one is blank', { items: items(['a', '  '], ['b', 'P']) }, ['product']],
    ['the items of a data order naming no account', { accounts: [] }, ['items']],
    ['the items of a data order with one blank account', { accounts: ['someone', ' '] }, ['items']],
    ['the items of a data order with a blank first account', { accounts: [' ', 'someone'] }, ['items']],
    ['nothing of a data order naming accounts (no product asked)', { accounts: ['someone'], items: [] }, []],
    ['the territorial scope when none is requested', { requestedScope: [] }, ['territorial_scope']],
    ['the language when blank', { language: '  ' }, ['language']],
    ['the language when absent', { language: null }, ['language']],
    ['the attachment when there is none', { attachments: 0 }, ['attachment']],
    ['the category when only blank ones are claimed', { claimedCategories: [' '] }, ['category']],
  ] as const)('an order lacks %s', (_, over, expected) => {
    expect(missing(over as Partial<OrderParticulars>)).toEqual(expected);
  });

  it('the platform default cites its own practice, with its address', () => {
    const source = platformDefaultRequirements.elements[0]!.sources[0]!;
    expect(source).toMatchObject({ id: 'platform-practice', url: 'https://github.com/github/gov-takedowns' });
    const [m] = missingElements({ ...complete, signer: null }, platformDefaultRequirements);
    expect(m!.reason).toBe(
      `the signer (name and position of the official who issued the order) is missing; the platform asks for it: "${source.quote}" (https://github.com/github/gov-takedowns)`,
    );
  });

  it('a reason quotes every source, separated by a semicolon, and a source without an address without brackets', () => {
    const requirements: OrderRequirements = {
      ...everything,
      elements: [
        {
          element: 'signer',
          sources: [
            { id: 'a', url: null, quote: 'First.' },
            { id: 'b', url: 'https://law.example/b', quote: 'Second.' },
          ],
        },
      ],
    };
    expect(missingElements({ ...complete, signer: '' }, requirements)).toEqual([
      {
        element: 'signer',
        reason:
          'the signer (name and position of the official who issued the order) is missing; xx-all requires it: "First."; "Second." (https://law.example/b)',
      },
    ]);
    const unquoted = { ...requirements, elements: [{ element: 'signer' as const, sources: [] }] };
    expect(missingElements({ ...complete, signer: '' }, unquoted)[0]!.reason).toMatch(/; xx-all requires it$/);
  });

  it('DSA: a removal order needs legal basis, reasons, items, redress, scope and language; each cites its articles', () => {
    const at = new Date('2026-06-01T00:00:00Z');
    const removal = requirementsFor(rules, { regimeId: 'eu-dsa', kind: 'content_removal', receivedAt: at });
    expect(removal.elements.map((e) => [e.element, e.sources.map((s) => s.id)])).toEqual([
      ['legal_basis', ['art-9-2', 'art-10-2']],
      ['statement_of_reasons', ['art-9-2']],
      ['items', ['art-9-2', 'art-10-2']],
      ['redress', ['art-9-2', 'art-10-2']],
      ['territorial_scope', ['art-9-2-b']],
      ['language', ['art-9-2-c']],
    ]);
    expect(removal.clockSources).toEqual([]);
    const tco = requirementsFor(rules, { regimeId: 'eu-tco', kind: 'content_removal', receivedAt: at });
    expect(tco.clockSources.map((s) => s.id)).toEqual(['art-3-8']);
  });

  it('a regime whose clock runs during clarification says so, whatever the setting', () => {
    expect(clarificationClockRule(everything, 'stops')).toEqual({ stops: false, basis: 'regime', sources: [] });
    expect(clarificationClockRule({ ...everything, clockDuringClarification: 'stops' }, 'runs').stops).toBe(true);
  });
});

describe('staged review', () => {
  const step = (stage: ReviewStage, finding: ReviewFinding): StageStep => ({
    stage,
    finding,
    note: 'n',
    actor: { id: 'a', name: 'a' },
    at: new Date(0),
  });
  const findings = (...steps: StageStep[]) => currentFindings(steps);
  const sensitive = effectivePolicy([], ['Government Criticism'], []);

  it("the policy of several reasons: any sensitive reason makes it sensitive, stages are the union, others' rows are ignored", () => {
    const rows = [
      { reason: 'Fraud' as const, stages: ['legal' as const], sensitive: false },
      { reason: 'Defamation' as const, stages: ['policy' as const], sensitive: false },
    ];
    expect(effectivePolicy(rows, ['Fraud', 'Government Criticism'], []).sensitive).toBe(true);
    expect(effectivePolicy(rows, ['Fraud', 'Defamation'], [])).toEqual({ stages: ['policy', 'legal'], sensitive: false });
    expect(effectivePolicy(rows, ['Hate Speech'], [])).toEqual({ stages: [], sensitive: false });
    expect(effectivePolicy(rows, ['Government Criticism'], []).sensitive).toBe(true);
  });

  it('the policy stage always comes first; a stage the item does not need is not waited for', () => {
    const legalOnly = { stages: ['legal' as const], sensitive: false };
    expect(failure(() => checkStageOrder(legalOnly, findings(), 'legal'))).toBe(
      'review_stage_required:stage:the policy stage comes first (by a reviewer or legal account)',
    );
    const humanRightsOnly = { stages: ['human_rights' as const], sensitive: false };
    expect(failure(() => checkStageOrder(humanRightsOnly, findings(step('policy', 'no_violation')), 'human_rights'))).toBe(
      'none',
    );
    expect(failure(() => checkStageOrder(sensitive, findings(step('policy', 'no_violation')), 'human_rights'))).toBe(
      'review_stage_required:stage:the legal stage comes first (by a legal account)',
    );
  });

  it('without stages both restrictions are allowed, whatever a stray finding says', () => {
    expect(allowedRestrictive({ stages: [], sensitive: false }, findings(step('human_rights', 'object')))).toEqual([
      'removed_legal',
      'removed_policy',
    ]);
  });

  it('the gate names the stage still missing and the roles that may record it', () => {
    const kz = { outcome: 'removed_legal' as const, scopeCountries: ['KZ'] };
    expect(failure(() => gateDecision(sensitive, findings(step('policy', 'no_violation')), kz, 'KZ'))).toBe(
      'review_stage_required:outcome:removed_legal needs the legal stage first, by a legal account',
    );
    const twoDone = findings(step('policy', 'violates_policy'), step('legal', 'unlawful_locally'));
    expect(failure(() => gateDecision(sensitive, twoDone, kz, 'KZ'))).toBe(
      'review_stage_required:outcome:removed_legal needs the human_rights stage first, by a human-rights account',
    );
  });

  it.each([
    [['violates_policy', 'unlawful_locally', 'object'], 'removed_policy', 'the human-rights stage objected to any restriction'],
    [['no_violation', 'unlawful_locally', 'proceed'], 'removed_policy', 'the policy stage found no_violation'],
    [['violates_policy', 'lawful', 'proceed'], 'removed_legal', 'the legal stage found lawful'],
  ] as const)('findings %j refuse %s because %s', ([p, l, h], outcome, why) => {
    const f = findings(step('policy', p), step('legal', l), step('human_rights', h));
    expect(failure(() => gateDecision(sensitive, f, { outcome, scopeCountries: null }, 'KZ'))).toBe(
      `review_stage_required:outcome:${outcome} is not allowed: ${why}`,
    );
  });

  it("says 'nothing' for a legal stage the item does not need", () => {
    const policyOnly = { stages: ['policy' as const], sensitive: false };
    expect(
      failure(() =>
        gateDecision(
          policyOnly,
          findings(step('policy', 'no_violation')),
          { outcome: 'removed_legal', scopeCountries: null },
          'KZ',
        ),
      ),
    ).toBe('review_stage_required:outcome:removed_legal is not allowed: the legal stage found nothing');
  });

  it('the one-country rule binds a local restriction after a legal stage, never a removal everywhere', () => {
    const done = findings(step('policy', 'violates_policy'), step('legal', 'unlawful_locally'), step('human_rights', 'proceed'));
    expect(gateDecision(sensitive, done, { outcome: 'removed_policy', scopeCountries: null }, 'KZ')).toBe('propose');
    expect(failure(() => gateDecision(sensitive, done, { outcome: 'removed_legal', scopeCountries: ['RU'] }, 'KZ'))).toBe(
      'validation_failed:scopeCountries:the legal stage found the item unlawful in KZ only, so the restriction applies there alone',
    );
    expect(gateDecision(sensitive, done, { outcome: 'removed_legal', scopeCountries: ['KZ'] }, 'KZ')).toBe('propose');
    const policyOnly = { stages: ['policy' as const], sensitive: false };
    expect(
      gateDecision(
        policyOnly,
        findings(step('policy', 'violates_policy')),
        { outcome: 'removed_legal', scopeCountries: ['RU', 'KZ'] },
        'KZ',
      ),
    ).toBe('decide');
  });
});

describe('intake', () => {
  const now = new Date('2026-06-01T00:00:00Z');
  const intake = { now: () => now, rules, policy: { immediateHours: 1, withoutUndueDelayHours: 24 } };
  const known = '00000000-0000-4000-8000-000000000001';
  const order = (over: Partial<IncomingOrder> = {}): IncomingOrder => ({
    authorityId: known,
    receivedAt: new Date('2026-05-01T00:00:00Z'),
    authorityTimeZone: 'Asia/Almaty',
    legalBasis: 'Art. 1',
    claimedCategories: [],
    channel: 'portal',
    authorityReference: null,
    kind: 'content_removal',
    items: [{ targetKind: 'url', target: 'https://video.example/a', product: 'Video' }],
    ...over,
  });
  const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

  it.each([
    [
      order({ authorityTimeZone: 'Mars/Base' }),
      'authorityTimeZone:"Mars/Base" is not an IANA time zone (for example Asia/Almaty)',
    ],
    [order({ receivedAt: new Date('1999-12-31T23:59:59Z') }), 'receivedAt:receivedAt must lie between 2000-01-01 and 2099-12-31'],
    [order({ receivedAt: new Date(minutes(5).getTime() + 1) }), 'receivedAt:receivedAt is in the future'],
    [order({ receivedAt: minutes(5) }), null],
    [order({ receivedAt: minutes(1) }), null],
  ])('checks the receipt of %#', async (input, problem) => {
    expect(failure(() => checkOrder(input, intake))).toBe(problem ? `validation_failed:${problem}` : 'none');
    const stored: unknown[] = [];
    const ports = {
      ...intake,
      store: async (r: unknown) => {
        stored.push(r);
        return r as never;
      },
    };
    const received = receiveRequest(input, null, ports);
    if (problem) await expect(received).rejects.toMatchObject({ field: problem.split(':')[0] });
    else await expect(received).resolves.toMatchObject({ authorityId: known });
    expect(stored).toHaveLength(problem ? 0 : 1);
  });

  it('a batch keeps the orders that pass and names the problem of each other one', () => {
    const result = checkOrders(
      [order(), order({ authorityId: 'unknown' }), order({ authorityTimeZone: '+05:00' })],
      intake,
      (id) => (id === known ? 'KZ' : undefined),
    );
    expect(result.orders.map((o) => o.authorityId)).toEqual([known]);
    expect(result.problems).toEqual([
      { order: 1, field: 'authorityId', message: 'authority unknown does not exist' },
      { order: 2, field: 'authorityTimeZone', message: '"+05:00" is not an IANA time zone (for example Asia/Almaty)' },
    ]);
  });

  it('a batch lets any error but a validation failure through, and names a problem without a field with an empty one', () => {
    const throwing = (error: Error) => () =>
      checkOrders([order()], intake, () => {
        throw error;
      });
    expect(failure(throwing(new WritError('not_found', 'gone')))).toBe('not_found::gone');
    expect(failure(throwing(new Error('boom')))).toBe('other:Error: boom');
    expect(throwing(new WritError('validation_failed', 'odd'))()).toEqual({
      orders: [],
      problems: [{ order: 0, field: '', message: 'odd' }],
    });
  });
});

describe('who may do what', () => {
  /** One column per role, in staffRoles order: reviewer, legal, human_rights, admin, auditor. */
  const grid: Record<Action, string> = {
    'orders.read': 'xxxxx',
    'orders.record': 'xx...',
    'orders.manage': 'xx...',
    'orders.claim': 'xxx..',
    'items.decide': 'xx...',
    'review.policy': 'xx...',
    'review.legal': '.x...',
    'review.human_rights': '..x..',
    'decisions.sign_off': '.xx..',
    'pushback.manage': '.x...',
    'notices.manage': 'xx...',
    'appeals.decide': 'xxx..',
    'data.manage': 'xx...',
    'enforcement.read': 'xxxxx',
    'enforcement.manage': '...x.',
    'compliance.read': 'xxxxx',
    'compliance.manage': 'xx.x.',
    'users.manage': '...x.',
    'agencies.manage': '...x.',
    'outbox.manage': '...x.',
    'settings.manage': '...x.',
    'audit.read': '...xx',
    'publications.prepare': 'xxx..',
    'publications.approve': 'xxx..',
    'publications.withdraw': '.xx..',
  };

  it.each(staffRoles.map((role, column) => [role, column] as const))(
    'a %s account may do exactly its column of the grid',
    (role, column) => {
      expect(Object.keys(grid)).toEqual([...actions]);
      expect(actionsOf(role)).toEqual(actions.filter((action) => grid[action][column] === 'x'));
      for (const action of actions) {
        const expected =
          grid[action][column] === 'x' ? 'none' : `forbidden::a ${role.replace('_', '-')} account may not do this (${action})`;
        expect(
          failure(() => authorize({ role }, action)),
          `${role} ${action}`,
        ).toBe(expected);
      }
    },
  );
});

describe('API keys', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const later = (ms: number) => new Date(now.getTime() + ms);
  const day = 24 * 3_600_000;

  it.each([
    [null, 'none'],
    [later(1), 'none'],
    [later(365 * day), 'none'],
    [later(0), 'validation_failed:expiresAt:expiresAt: must be in the future'],
    [later(-1), 'validation_failed:expiresAt:expiresAt: must be in the future'],
    [
      later(365 * day + 1),
      'validation_failed:expiresAt:expiresAt: a key may live at most 365 days (until 2027-06-01T12:00:00.000Z)',
    ],
  ])('an expiry of %s is checked: %s', (expiresAt, expected) => {
    expect(failure(() => checkApiKeyExpiry(expiresAt, now))).toBe(expected);
  });

  it.each([
    [{ expiresAt: null, revokedAt: null }, 'active'],
    [{ expiresAt: later(1), revokedAt: null }, 'active'],
    [{ expiresAt: later(0), revokedAt: null }, 'expired'],
    [{ expiresAt: later(-1), revokedAt: null }, 'expired'],
    [{ expiresAt: later(day), revokedAt: later(-day) }, 'revoked'],
    [{ expiresAt: later(-day), revokedAt: later(-day) }, 'revoked'],
  ])('a key %j is %s', (key, state) => {
    expect(apiKeyState(key, now)).toBe(state);
  });
});
