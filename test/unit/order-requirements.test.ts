/**
 * What an order must contain (rule packs' orderRequirements, or the platform default), which
 * elements an order lacks and why, the clock while clarification is awaited, the deadline once it
 * resumes, and the authority's view of an item's outcome.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig, shippedRulesDir } from '../../src/config.js';
import { authorityOutcome } from '../../src/domain/authority-outcomes.js';
import {
  clarificationClockRule,
  missingElements,
  type OrderParticulars,
  platformDefaultRequirements,
  requirementsFor,
  resumedDeadline,
} from '../../src/domain/order-requirements.js';
import { checkPack, regimePackSchema } from '../../src/domain/regimes/pack.js';
import { loadRuleBook } from '../../src/rules/packs.js';

const rules = loadRuleBook(shippedRulesDir);
const at = new Date('2026-06-01T00:00:00Z');

const complete: OrderParticulars = {
  legalBasis: 'Regulation (EU) 2021/784',
  signer: 'A. Official',
  statementOfReasons: 'Why',
  items: [{ target: 'https://x.example/1', product: 'Video' }],
  claimedCategories: ['terrorist content'],
  requestedScope: ['DE'],
  redress: 'Court',
  language: 'de',
  attachments: 0,
};

describe('what a regime requires', () => {
  it('EU TCO: the Art. 3(4) elements, each with its quoted source, and a clock that stops (Art. 3(8))', () => {
    const r = requirementsFor(rules, { regimeId: 'eu-tco', kind: 'content_removal', receivedAt: at });
    expect(r.basis).toBe('regime');
    expect(r.elements.map((e) => e.element)).toEqual([
      'signer',
      'statement_of_reasons',
      'category',
      'items',
      'legal_basis',
      'redress',
    ]);
    expect(r.elements[0]!.sources[0]!.quote).toMatch(/^Removal orders shall contain the following elements/);
    expect(r.clockDuringClarification).toBe('stops');
    expect(clarificationClockRule(r, 'runs')).toMatchObject({ stops: true, basis: 'regime' });
  });

  it('DSA: Art. 9(2) asks a removal order for its territorial scope and reasons; Art. 10(2) not of a data order; silent on the clock', () => {
    const removal = requirementsFor(rules, { regimeId: 'eu-dsa', kind: 'content_removal', receivedAt: at });
    const data = requirementsFor(rules, { regimeId: 'eu-dsa', kind: 'user_data', receivedAt: at });
    expect(removal.elements.map((e) => e.element)).toContain('territorial_scope');
    expect(removal.elements.map((e) => e.element)).toContain('statement_of_reasons');
    expect(data.elements.map((e) => e.element)).not.toContain('territorial_scope');
    expect(data.elements.map((e) => e.element)).not.toContain('statement_of_reasons');
    expect(removal.clockDuringClarification).toBe('unspecified');
    // Silent law: the platform's setting decides, and says so.
    expect(clarificationClockRule(removal, 'stops')).toEqual({ stops: true, basis: 'setting', sources: [] });
    expect(clarificationClockRule(removal, 'runs')).toEqual({ stops: false, basis: 'setting', sources: [] });
  });

  it('falls back to the platform default (legal basis, reasons, items, signer) where there is no regime or the pack says nothing', () => {
    for (const regimeId of [null, 'kz-2022-child-cyberbullying']) {
      const r = requirementsFor(rules, { regimeId, kind: 'content_removal', receivedAt: at });
      expect(r.basis).toBe('platform');
      expect(r.elements.map((e) => e.element).sort()).toEqual(['items', 'legal_basis', 'signer', 'statement_of_reasons']);
      expect(r.clockDuringClarification).toBe('unspecified');
    }
    // Before a regime's first version, its requirements did not exist either.
    expect(
      requirementsFor(rules, { regimeId: 'eu-tco', kind: 'content_removal', receivedAt: new Date('2020-01-01') }).basis,
    ).toBe('platform');
  });

  it('the default clock setting is runs', () => {
    expect(loadConfig({}).clarificationClock).toBe('runs');
    expect(loadConfig({ WRIT_CLARIFICATION_CLOCK: 'stops' }).clarificationClock).toBe('stops');
    expect(() => loadConfig({ WRIT_CLARIFICATION_CLOCK: 'sometimes' })).toThrow(
      /WRIT_CLARIFICATION_CLOCK: must be runs or stops/,
    );
  });
});

describe('missingElements', () => {
  const tco = requirementsFor(rules, { regimeId: 'eu-tco', kind: 'content_removal', receivedAt: at });

  it('finds nothing missing in a complete order', () => {
    expect(missingElements(complete, tco)).toEqual([]);
  });

  it('names each missing element in the closed order, with the reason quoting the source', () => {
    const missing = missingElements({ ...complete, signer: '  ', redress: null, claimedCategories: [] }, tco);
    expect(missing.map((m) => m.element)).toEqual(['signer', 'category', 'redress']);
    expect(missing[0]!.reason).toContain('eu-tco requires it');
    expect(missing[0]!.reason).toContain('"Removal orders shall contain the following elements');
    expect(missing[0]!.reason).toContain('https://eur-lex.europa.eu/eli/reg/2021/784/oj');
  });

  it('asks only for what is required: a missing language or attachment is fine where nothing requires it', () => {
    expect(missingElements({ ...complete, language: null, attachments: 0, requestedScope: [] }, tco)).toEqual([]);
  });

  it('under the platform default, says the platform asks for it and quotes its practice', () => {
    const missing = missingElements({ ...complete, legalBasis: '', items: [] }, platformDefaultRequirements);
    expect(missing.map((m) => m.element)).toEqual(['legal_basis', 'items']);
    expect(missing[0]!.reason).toMatch(/the platform asks for it: "Complete government takedown request/);
  });

  it('counts an item without a product as the product missing, where the product is required', () => {
    const withProduct = { ...platformDefaultRequirements, elements: [{ element: 'product' as const, sources: [] }] };
    expect(missingElements({ ...complete, items: [{ target: 'a', product: null }] }, withProduct).map((m) => m.element)).toEqual([
      'product',
    ]);
  });
});

describe('resumedDeadline', () => {
  it('moves the deadline later by the time the clock stood still, and leaves a running clock alone', () => {
    const due = new Date('2026-06-01T11:00:00Z');
    expect(resumedDeadline(due, new Date('2026-06-01T10:00:00Z'), new Date('2026-06-03T10:30:00Z'))).toEqual(
      new Date('2026-06-03T11:30:00Z'),
    );
    expect(resumedDeadline(due, null, new Date('2026-06-03T10:30:00Z'))).toEqual(due);
  });
});

describe('the rule-pack schema', () => {
  const pack = {
    id: 'xx-test',
    jurisdiction: 'KZ',
    jurisdictionKind: 'country',
    name: { en: 'Test' },
    law: 'A law',
    timeZone: 'Asia/Almaty',
    confidence: 'high',
    penalties: 'None',
    sources: [{ id: 'src', url: 'https://law.example/1', quote: 'Orders shall state the signer.' }],
    versions: [
      {
        version: 1,
        from: '2024-01-01',
        summary: 'v1',
        coverage: null,
        duties: [],
        deadlines: [],
        orderRequirements: { elements: [{ element: 'signer', sources: ['src'] }], clockDuringClarification: 'stops' },
      },
    ],
  };

  it('refuses an element outside the closed list, a clock that stops without a source, and an unknown source', () => {
    const badElement = structuredClone(pack);
    (badElement.versions[0]!.orderRequirements.elements[0] as { element: string }).element = 'stamp';
    expect(regimePackSchema.safeParse(badElement).success).toBe(false);

    const parsed = regimePackSchema.parse(pack);
    expect(checkPack(parsed).map((p) => p.path.join('.'))).toEqual(['versions.0.orderRequirements.clockSources']);
    const unknownSource = structuredClone(parsed);
    unknownSource.versions[0]!.orderRequirements = {
      elements: [{ element: 'signer', sources: ['nowhere'] }],
      clockDuringClarification: 'unspecified',
    };
    expect(checkPack(unknownSource).map((p) => p.path.join('.'))).toEqual(['versions.0.orderRequirements.elements.0.sources.0']);
  });
});

describe("the authority's view of an outcome", () => {
  const decidedAt = new Date('2026-06-02T00:00:00Z');
  it.each([
    ['removed_legal', ['KZ'], { outcome: 'effect_given', scope: { worldwide: false, countries: ['KZ'] }, reason: null }],
    ['removed_policy', null, { outcome: 'effect_given', scope: { worldwide: true, countries: null }, reason: null }],
    ['no_action', null, { outcome: 'declined', scope: null, reason: 'Defamation' }],
    ['content_not_found', null, { outcome: 'not_found', scope: null, reason: null }],
    ['content_already_removed', null, { outcome: 'already_removed', scope: null, reason: null }],
    ['not_enough_information', null, { outcome: 'not_enough_information', scope: null, reason: null }],
  ] as const)('%s is shown to the authority as its outcome', (outcome, scopeCountries, expected) => {
    expect(
      authorityOutcome({ outcome, reason: 'Defamation', scopeCountries: scopeCountries ? [...scopeCountries] : null, decidedAt }),
    ).toEqual({ ...expected, decidedAt });
  });

  it('is pending until decided', () => {
    expect(authorityOutcome(null)).toEqual({ outcome: 'pending', scope: null, reason: null, decidedAt: null });
  });
});
