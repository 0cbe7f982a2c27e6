/** The public record rendered from the redacted text only (src/domain/public-record-render.ts, issue 13). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  caseStudyTextOf,
  citationOf,
  concernsChildByDefault,
  type PublishableOrder,
  proposeRedactions,
  type RedactionChoices,
  redactableTexts,
  renderPublicRecord,
  summaryTextOf,
  withheldMark,
} from '../../src/domain/public-record-render.js';
import { canonicalJson } from '../../src/domain/transparency-log.js';
import { runs } from '../support/property-runs.js';
import { detectablePersonalData } from './redaction-fixtures.js';

const meta = { version: 1, publishedAt: new Date('2026-03-20T10:00:00Z'), correctionNote: null };
const noChoices: RedactionChoices = { redactions: [], markedNames: [], concernsChild: false };

function order(overrides: Partial<PublishableOrder> = {}): PublishableOrder {
  return {
    reference: 'WR-000123',
    kind: 'content_removal',
    authority: { name: 'Ministry of Information', kind: 'communications_regulator', country: 'KZ' },
    regime: { id: 'kz-2022-online-platforms', name: 'Kazakhstan: online platforms law (2022)' },
    legalBasis: 'Law on Online Platforms, Art. 19',
    receivedAt: new Date('2026-03-10T23:30:00Z'),
    decidedAt: new Date('2026-07-01T00:15:00Z'),
    language: 'ru',
    category: 'government_criticism',
    claimedCategories: ['extremism'],
    items: [
      {
        position: 2,
        targetKind: 'account',
        target: 'aigerim_nurlanova',
        product: 'Video',
        decision: {
          outcome: 'no_action',
          reason: 'Government Criticism',
          scopeCountries: null,
          publicSummary: 'Summary two.',
          publicInterest: false,
          caseStudy: null,
        },
      },
      {
        position: 1,
        targetKind: 'url',
        target: 'https://video.example/watch/abc?contact=ivan@mail.kz',
        product: 'Video',
        decision: {
          outcome: 'removed_legal',
          reason: 'Defamation',
          scopeCountries: ['KZ'],
          publicSummary: 'Summary one.',
          publicInterest: true,
          caseStudy: 'A case study.',
        },
      },
      {
        position: 3,
        targetKind: 'content_id',
        target: 'post-98765',
        product: 'Posts',
        decision: {
          outcome: 'no_action',
          reason: 'Defamation',
          scopeCountries: null,
          publicSummary: 'Summary one.',
          publicInterest: false,
          caseStudy: null,
        },
      },
    ],
    accounts: null,
    courtChallenge: true,
    nonDisclosureUntil: null,
    ...overrides,
  };
}

describe('the public record', () => {
  it('has exactly the fields of PublicRecord, dates as UTC days, the period of the decision and items in order', () => {
    const record = renderPublicRecord(order(), noChoices, meta);
    expect(Object.keys(record).sort()).toEqual(
      [
        'id',
        'version',
        'kind',
        'authority',
        'country',
        'regime',
        'legalBasis',
        'receivedOn',
        'decidedOn',
        'period',
        'publishedAt',
        'language',
        'items',
        'accounts',
        'summary',
        'publicInterest',
        'caseStudy',
        'courtChallenge',
        'concernsChild',
        'correctionNote',
      ].sort(),
    );
    expect(record).toMatchObject({
      id: 'WR-000123',
      version: 1,
      authority: { name: 'Ministry of Information', kind: 'communications_regulator' },
      country: 'KZ',
      receivedOn: '2026-03-10',
      decidedOn: '2026-07-01',
      period: '2026-H2',
      publishedAt: '2026-03-20T10:00:00.000Z',
      summary: 'Summary one.\n\nSummary two.',
      caseStudy: 'A case study.',
      publicInterest: true,
      courtChallenge: true,
      concernsChild: false,
    });
    expect(Object.keys(record.authority)).toEqual(['name', 'kind']);
    expect(record.items.map((i) => [i.position, i.target, i.outcome, i.reason, i.scope])).toEqual([
      [1, 'https://video.example/watch/abc?contact=ivan@mail.kz', 'removed_legal', 'Defamation', ['KZ']],
      [2, '[account]', 'no_action', 'Government Criticism', null],
      [3, 'post-98765', 'no_action', 'Defamation', null],
    ]);
  });

  it('lists the redactable fields, without accounts, and the summary and case study as joined texts', () => {
    expect(redactableTexts(order())).toEqual([
      { field: 'legalBasis', text: 'Law on Online Platforms, Art. 19' },
      { field: 'summary', text: 'Summary one.\n\nSummary two.' },
      { field: 'caseStudy', text: 'A case study.' },
      { field: 'target:1', text: 'https://video.example/watch/abc?contact=ivan@mail.kz' },
      { field: 'target:3', text: 'post-98765' },
    ]);
    expect(summaryTextOf({ items: [] })).toBeNull();
    expect(caseStudyTextOf({ items: order().items.map((i) => ({ ...i, decision: null })) })).toBeNull();
  });

  it('applies the chosen spans of each field, and only those', () => {
    const o = order();
    const choices: RedactionChoices = {
      redactions: [
        { field: 'legalBasis', start: 0, end: 3, kind: 'manual' },
        { field: 'summary', start: 8, end: 11, kind: 'manual' },
        { field: 'target:3', start: 5, end: 10, kind: 'manual' },
        { field: 'unknown', start: 0, end: 5, kind: 'manual' },
      ],
      markedNames: [],
      concernsChild: false,
    };
    const record = renderPublicRecord(o, choices, meta);
    expect(record.legalBasis).toBe('[redacted] on Online Platforms, Art. 19');
    expect(record.summary).toBe('Summary [redacted].\n\nSummary two.');
    expect(record.items[2]!.target).toBe('post-[redacted]');
    expect(record.caseStudy).toBe('A case study.');
  });

  it('URL targets keep scheme and host, drop credentials, and have detected spans in path and query proposed', () => {
    const o = order({
      items: [
        {
          position: 1,
          targetKind: 'url',
          target: 'https://user:secret@video.example/u/+77011234567?mail=ivan@mail.kz#x',
          product: 'Video',
          decision: null,
        },
      ],
    });
    const proposals = proposeRedactions(o, []);
    expect(proposals.filter((p) => p.field === 'target:1').map((p) => p.kind)).toEqual(['phone', 'email']);
    const record = renderPublicRecord(o, { ...noChoices, redactions: proposals }, meta);
    expect(record.items[0]!.target).toBe('https://video.example/u/[redacted]?mail=[redacted]#x');
    expect(renderPublicRecord(o, noChoices, meta).items[0]!.target).toBe(
      'https://video.example/u/+77011234567?mail=ivan@mail.kz#x',
    );
    // A marked name in the host hides the whole host.
    const named = order({
      items: [{ position: 1, targetKind: 'url', target: 'https://ivanov.blog.example/post/1', product: 'Blog', decision: null }],
    });
    expect(renderPublicRecord(named, { ...noChoices, markedNames: ['Ivanov'] }, meta).items[0]!.target).toBe(
      'https://[redacted]/post/1',
    );
  });

  it('an order about a child publishes no target, summary, case study or legal basis text', () => {
    for (const overrides of [
      { category: 'child_cyberbullying' },
      { category: null, claimedCategories: ['Оскорбление несовершеннолетнего'] },
      { category: null, claimedCategories: ['Баланың құқықтары'] },
      { category: null, claimedCategories: ['травля ребёнка'] },
    ] satisfies Partial<PublishableOrder>[]) {
      const o = order(overrides);
      expect(concernsChildByDefault(o)).toBe(true);
      const record = renderPublicRecord(o, noChoices, meta);
      expect(record.concernsChild).toBe(true);
      expect(record.items.map((i) => i.target)).toEqual([null, null, null]);
      expect(record.summary).toBeNull();
      expect(record.caseStudy).toBeNull();
      // The order may name the child in its legal basis; the regime still says which law it was.
      expect(record.legalBasis).toBe(withheldMark);
      const json = canonicalJson(record);
      for (const secret of ['aigerim', 'video.example', 'post-98765', 'Summary', 'case study'])
        expect(json).not.toContain(secret);
    }
    expect(concernsChildByDefault(order())).toBe(false);
    for (const category of [
      'hate_speech_minorities',
      'Права меньшинств',
      'детектив',
      'Bank balance',
      'баланс',
      'kidnapping_threat',
    ])
      expect(concernsChildByDefault({ category, claimedCategories: [] }), category).toBe(false);
    for (const category of ['minors', 'Minor_protection', 'детская порнография', 'защита детей', 'teenagers', 'балалар'])
      expect(concernsChildByDefault({ category: null, claimedCategories: [category] }), category).toBe(true);
    // The reviewer can say so too; an implied one cannot be unsaid.
    expect(renderPublicRecord(order(), { ...noChoices, concernsChild: true }, meta).items.every((i) => i.target === null)).toBe(
      true,
    );
    expect(
      renderPublicRecord(order({ category: 'child_abuse' }), { ...noChoices, concernsChild: false }, meta).concernsChild,
    ).toBe(true);
  });

  it('marked names vanish from every field, in any case, without a proposal being kept', () => {
    const o = order({
      legalBasis: 'Complaint of AIGERIM Nurlanova under Art. 19',
      items: [
        {
          position: 1,
          targetKind: 'url',
          target: 'https://video.example/aigerim-nurlanova/1',
          product: 'Video',
          decision: {
            outcome: 'no_action',
            reason: 'Defamation',
            scopeCountries: null,
            publicSummary: 'Видео о Нурлановой; aigerim nurlanova просила удалить.',
            publicInterest: true,
            caseStudy: 'Aigerim Nurlanova, a teacher, asked…',
          },
        },
        { position: 2, targetKind: 'content_id', target: 'nurlanova-clip', product: 'Clips', decision: null },
      ],
    });
    const record = renderPublicRecord(o, { ...noChoices, markedNames: ['Aigerim Nurlanova', 'Nurlanova', 'Нурланов'] }, meta);
    const json = canonicalJson(record).toLowerCase();
    expect(json).not.toContain('nurlanov');
    expect(json).not.toContain('нурланов');
    expect(record.legalBasis).toBe('Complaint of [redacted] under Art. 19');
  });

  it('cites a record with its version, authority, country, dates and URL', () => {
    const record = renderPublicRecord(order(), noChoices, { ...meta, version: 2 });
    expect(citationOf(record, 'https://transparency.example/')).toBe(
      'Writ public record WR-000123 (version 2), Ministry of Information (Kazakhstan), received 2026-03-10, decided 2026-07-01. https://transparency.example/records/WR-000123',
    );
  });

  it('for generated orders with personal data put into every field, the automatic proposals leave none of it in the record', () => {
    const word = fc.constantFrom('приказ', 'order', 'бұйрық', 'Art. 19', '2026-03-10', 'от', 'the', '1 500 000', '—', 'No. 7');
    /** A text of words with personal data put between them (each followed by a comma, as in prose). */
    const textWith = fc
      .tuple(
        fc.array(word, { maxLength: 5 }),
        fc.array(detectablePersonalData, { minLength: 1, maxLength: 3 }),
        fc.array(word, { maxLength: 5 }),
      )
      .chain(([before, values, after]) =>
        fc
          .shuffledSubarray([...before, ...values.map((v) => `${v},`), ...after], {
            minLength: before.length + after.length + values.length,
          })
          .map((parts) => ({ text: parts.join(' '), values })),
      );
    fc.assert(
      fc.property(
        textWith,
        fc.array(
          fc.tuple(
            textWith,
            textWith,
            textWith,
            fc.constantFrom('url', 'content_id', 'account') as fc.Arbitrary<'url' | 'content_id' | 'account'>,
          ),
          {
            minLength: 1,
            maxLength: 3,
          },
        ),
        (legalBasis, items) => {
          const o = order({
            legalBasis: legalBasis.text,
            category: null,
            claimedCategories: [],
            items: items.map(([summary, caseStudy, target, targetKind], index) => ({
              position: index + 1,
              targetKind,
              target: targetKind === 'url' ? `https://video.example/p?q=${target.text}` : target.text,
              product: 'Video',
              decision: {
                outcome: 'no_action',
                reason: 'Defamation',
                scopeCountries: null,
                publicSummary: summary.text,
                publicInterest: true,
                caseStudy: caseStudy.text,
              },
            })),
          });
          const record = renderPublicRecord(o, { ...noChoices, redactions: proposeRedactions(o, []) }, meta);
          const json = canonicalJson(record);
          const inserted = [legalBasis.values, ...items.map(([s, c, t]) => [...s.values, ...c.values, ...t.values])].flat();
          for (const value of inserted) {
            expect(json).not.toContain(value);
          }
        },
      ),
      { numRuns: runs(200) },
    );
  });
});
