/**
 * The portal's order form (web/src/portal/orders/draft.ts) against the shipped rule packs and the
 * API's own schema: which regimes an agency is offered, what each regime requires and why, the
 * category chosen for it, and the body the form sends.
 */
import { describe, expect, it } from 'vitest';
import { shippedRulesDir } from '../../src/config.js';
import { presentRegimeSummary } from '../../src/http/presenters/regimes.js';
import { loadRuleBook } from '../../src/rules/packs.js';
import {
  categoriesOf,
  emptyDraft,
  firstCategory,
  type OrderDraft,
  orderBody,
  orderSchema,
  regimesOf,
  requiredFields,
  requirementsOf,
} from '../../web/src/portal/orders/draft.js';

const rules = loadRuleBook(shippedRulesDir);
const now = new Date('2026-03-11T00:00:00Z');
const summaries = rules.packs.map((p) => presentRegimeSummary(p, now));
const pack = (id: string) => rules.find(id) ?? null;

describe('the regimes an agency is offered', () => {
  it('are its own country’s and union law, the same rule for every country', () => {
    const kz = regimesOf('KZ', summaries).map((r) => r.id);
    expect(kz).toEqual(expect.arrayContaining(['kz-2022-child-cyberbullying', 'kz-2023-online-platforms', 'eu-dsa']));
    expect(kz.some((id) => id.startsWith('ru-'))).toBe(false);
    const ru = regimesOf('RU', summaries).map((r) => r.id);
    expect(ru).toEqual(expect.arrayContaining(['ru-149', 'eu-dsa']));
    expect(ru.some((id) => id.startsWith('kz-'))).toBe(false);
    // Union law comes after the country's own.
    expect(kz.indexOf('eu-dsa')).toBeGreaterThan(kz.indexOf('kz-2022-child-cyberbullying'));
  });

  it('choose the only category of a regime without a rule for other categories, and none where there is one', () => {
    const cyberbullying = summaries.find((r) => r.id === 'kz-2022-child-cyberbullying');
    expect(categoriesOf(cyberbullying, 'content_removal')).toEqual({ named: ['child_cyberbullying'], general: false });
    expect(firstCategory(cyberbullying, 'content_removal')).toBe('child_cyberbullying');
    expect(firstCategory(undefined, 'content_removal')).toBe('');
  });
});

describe('what an order must contain', () => {
  it('is the pack’s list for the kind, each element with the law’s words', () => {
    const removal = requirementsOf(pack('eu-dsa'), 'content_removal', now);
    expect(removal.map((r) => r.element)).toEqual([
      'legal_basis',
      'statement_of_reasons',
      'items',
      'redress',
      'territorial_scope',
      'language',
    ]);
    expect(removal.find((r) => r.element === 'territorial_scope')?.reason).toContain('territorial scope of the order');
    const data = requirementsOf(pack('eu-dsa'), 'user_data', now).map((r) => r.element);
    expect(data).not.toContain('territorial_scope');
    expect(data).not.toContain('statement_of_reasons');
  });

  it('is the platform’s list where the pack says nothing or there is no regime, and marks the form’s controls', () => {
    const platform = requirementsOf(pack('kz-2022-child-cyberbullying'), 'content_removal', now);
    expect(platform).toEqual([
      { element: 'legal_basis', reason: null },
      { element: 'statement_of_reasons', reason: null },
      { element: 'items', reason: null },
      { element: 'signer', reason: null },
    ]);
    expect(requirementsOf(null, 'content_removal', now)).toEqual(platform);
    const fields = requiredFields(requirementsOf(pack('eu-dsa'), 'content_removal', now));
    expect([...fields.keys()].sort()).toEqual(
      ['items', 'language', 'legalBasis', 'redress', 'requestedScope', 'statementOfReasons'].sort(),
    );
    expect(fields.has('signer')).toBe(false);
  });
});

describe('the body the form sends', () => {
  const filled = (): OrderDraft => ({
    ...emptyDraft('ru', 'KZ'),
    regime: 'kz-2022-child-cyberbullying',
    category: 'child_cyberbullying',
    legalBasis: ' Закон РК, ст. 19 ',
    signer: '  ',
    claimedCategories: 'травля, ',
    items: [
      { targetKind: 'url', target: ' https://video.example/watch/abc ', product: 'Video' },
      { targetKind: 'account', target: 'bully_42', product: ' ' },
    ],
  });

  it('leaves out what is blank (the receipt names it as missing), and sends a category only with a regime', () => {
    expect(orderBody(filled())).toEqual({
      kind: 'content_removal',
      regime: 'kz-2022-child-cyberbullying',
      category: 'child_cyberbullying',
      legalBasis: 'Закон РК, ст. 19',
      claimedCategories: ['травля'],
      requestedScope: ['KZ'],
      language: 'ru',
      items: [
        { targetKind: 'url', target: 'https://video.example/watch/abc', product: 'Video' },
        { targetKind: 'account', target: 'bully_42' },
      ],
    });
    expect(orderBody({ ...filled(), regime: '' })).not.toHaveProperty('category');
    expect(orderSchema.safeParse(filled()).success).toBe(true);
  });

  it('is checked by the API’s schema, whose issues name the item’s field', () => {
    const draft = filled();
    draft.items[0]!.target = 'video.example/abc';
    const result = orderSchema.safeParse(draft);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['items.0.target']);
  });
});
