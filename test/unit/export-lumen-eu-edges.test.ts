/**
 * Edges of the EU Part 3 export (src/domain/exports/eu-orders.ts) and the Lumen notices (lumen.ts):
 * which orders each template row counts (TOTAL, per Member State, per category and keyword), the
 * Member State blocks (sorted, Greece as EL), the information-order columns, the sub-category
 * "Other" description, the blank contextual columns; Lumen's action taken, tags, works and URLs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  type EuOrder,
  type EuRowFigures,
  euLayout,
  euOrdersFileName,
  euRow,
  euRowCounts,
  eurostatCode,
  euScopeRows,
  receiptHours,
} from '../../src/domain/exports/eu-orders.js';
import { lumenFileName, lumenNotice } from '../../src/domain/exports/lumen.js';
import type { PublicRecord } from '../../src/domain/public-record.js';
import { sharedReference } from '../support/shared-data.js';

const speech = 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH';
const animals = 'STATEMENT_CATEGORY_ANIMAL_WELFARE';
const notSpecified = 'STATEMENT_CATEGORY_NOT_SPECIFIED_ORDER';

describe('EU Part 3: Member States and blocks', () => {
  it('Greece is written EL, as in Eurostat’s glossary; other Member States keep their ISO code', () => {
    expect(['GR', 'DE', 'EL', 'AT'].map(eurostatCode)).toEqual(['EL', 'DE', 'EL', 'AT']);
  });

  it('the file is named after its half-year', () => {
    expect(euOrdersFileName({ year: 2025, half: 2 })).toBe('eu-part-3-member-states-orders-2025-H2.csv');
  });

  it('TOTAL first, then one block per Member State in the order of their ISO codes, Greece as EL', () => {
    const layout = euLayout(['HR', 'GR', 'FI']);
    const blockSize = euScopeRows('AT').length;
    const totalSize = euScopeRows('TOTAL').length;
    expect(layout).toHaveLength(totalSize + 3 * blockSize);
    expect(layout.slice(0, totalSize)).toEqual(euScopeRows('TOTAL'));
    expect([totalSize, totalSize + blockSize, totalSize + 2 * blockSize].map((i) => layout[i]!.scope)).toEqual([
      'FI',
      'EL',
      'HR',
    ]);
    expect(layout.slice(totalSize + blockSize, totalSize + 2 * blockSize)).toEqual(euScopeRows('EL'));
    expect(euLayout([])).toEqual(euScopeRows('TOTAL'));
  });
});

describe('EU Part 3: which orders a row counts', () => {
  const order = (o: Partial<EuOrder> = {}): EuOrder => ({
    country: 'DE',
    type: 'act',
    category: speech,
    keyword: 'KEYWORD_DEFAMATION',
    reason: 'Defamation',
    items: 1,
    hoursToReceipt: 0,
    hoursToEffect: 2,
    ...o,
  });
  const row = (scope: string, label: string) => euScopeRows(scope).find((r) => r.label === label)!;

  it.each([
    ['the TOTAL row of TOTAL counts every order', 'TOTAL', 'TOTAL', order({ country: 'FR', category: animals }), true],
    ['a Member State’s TOTAL row counts its orders', 'DE', 'TOTAL', order(), true],
    ['a Member State’s TOTAL row leaves out another’s', 'DE', 'TOTAL', order({ country: 'FR' }), false],
    ['Greece’s block (EL) counts an order from GR', 'EL', 'TOTAL', order({ country: 'GR' }), true],
    ['a category row counts its category', 'TOTAL', speech, order(), true],
    ['a category row leaves out another category', 'TOTAL', animals, order(), false],
    ['a category row in a state’s block counts that state’s order', 'DE', speech, order(), true],
    ['a category row in a state’s block leaves out another state', 'FR', speech, order(), false],
    ['a keyword row counts its keyword', 'TOTAL', 'KEYWORD_DEFAMATION', order(), true],
    ['a keyword row leaves out another keyword of the category', 'TOTAL', 'KEYWORD_HATE_SPEECH', order(), false],
    ['a keyword row leaves out an order with no keyword', 'TOTAL', 'KEYWORD_HATE_SPEECH', order({ keyword: null }), false],
    ['a keyword row leaves out another category', 'DE', 'KEYWORD_ANIMAL_HARM', order(), false],
  ] as const)('%s', (_, scope, label, o, counts) => {
    expect(euRowCounts(row(scope, label), o)).toBe(counts);
  });

  it('an automated confirmation within the hour counts as 0 hours; later ones as they are', () => {
    expect([null, 0, 0.25, 0.99, 1.5, 30].map(receiptHours)).toEqual([null, 0, 0, 0, 1.5, 30]);
  });
});

describe('EU Part 3: the cells of a row', () => {
  const period = { year: 2025, half: 2 } as const;
  const figures: EuRowFigures = {
    actOrders: 3,
    actItems: 7,
    actReceipt: 0,
    actEffect: 12.5,
    infoOrders: 4,
    infoReceipt: 1.25,
    infoEffect: 48,
    otherReasons: ['Government Criticism', 'National Security'],
  };
  const row = (scope: string, label: string) => euScopeRows(scope).find((r) => r.label === label)!;
  const civic = 'STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS';
  const otherOfCivic = euScopeRows('EL').find((r) => r.category === civic && r.keyword === 'KEYWORD_OTHER')!;

  it.each([
    // label, scope → E (description of "Other"), K, L, M
    ['TOTAL', 'TOTAL', '', '4', '1.25', '48'],
    [notSpecified, 'DE', '', '4', '1.25', '48'],
    [speech, 'DE', '', '0', '', ''],
    ['KEYWORD_DEFAMATION', 'TOTAL', '', '0', '', ''],
  ] as const)(
    '%s in %s: information orders only on TOTAL and NOT_SPECIFIED_ORDER rows, else 0 and blank',
    (label, scope, e, k, l, m) => {
      const cells = euRow(period, 'video.example', row(scope, label), figures);
      expect(cells).toEqual([
        'All',
        'video.example',
        '2025-07-01/2025-12-31',
        label,
        e,
        scope,
        '3',
        '7',
        '0',
        '12.5',
        k,
        l,
        m,
        ...Array(7).fill(''),
      ]);
    },
  );

  it('a KEYWORD_OTHER row describes the sub-category with the reasons it counts, joined by "; "', () => {
    const cells = euRow(period, 'video.example', otherOfCivic, figures);
    expect(cells.slice(3, 6)).toEqual(['KEYWORD_OTHER', 'Government Criticism; National Security', 'EL']);
    expect(euRow(period, 'video.example', otherOfCivic, { ...figures, otherReasons: [] })[4]).toBe('');
  });

  it.skipIf(sharedReference === null)('every row has the template’s 20 columns, the contextual ones (N–T) blank', () => {
    const template = parse(
      readFileSync(join(sharedReference ?? '', 'dsa-templates/part_3_member_states_orders.csv')),
    ) as string[][];
    for (const r of euLayout(['AT'])) {
      const cells = euRow(period, 'video.example', r, figures);
      expect(cells).toHaveLength(template[0]!.length);
      expect(cells.slice(13)).toEqual(template[1]!.slice(13));
    }
  });
});

const item = (position: number, o: Partial<PublicRecord['items'][number]> = {}): PublicRecord['items'][number] => ({
  position,
  targetKind: 'url',
  target: `https://video.example/watch/${position}`,
  product: 'Video',
  outcome: 'removed_legal',
  reason: 'Defamation',
  scope: null,
  ...o,
});
const record = (items: PublicRecord['items'], overrides: Partial<PublicRecord> = {}): PublicRecord => ({
  id: 'WR-000042',
  version: 1,
  kind: 'content_removal',
  authority: { name: 'Ministry of Information', kind: 'communications_regulator' },
  country: 'KZ',
  regime: null,
  legalBasis: 'Law on Online Platforms, Art. 19',
  receivedOn: '2026-03-10',
  decidedOn: '2026-03-11',
  period: '2026-H1',
  publishedAt: '2026-03-20T10:00:00.000Z',
  language: 'ru',
  items,
  accounts: null,
  summary: 'A summary.',
  publicInterest: false,
  caseStudy: null,
  courtChallenge: false,
  concernsChild: false,
  correctionNote: null,
  ...overrides,
});

describe('Lumen notices', () => {
  it('are written to lumen-notices.json', () => {
    expect(lumenFileName).toBe('lumen-notices.json');
  });

  it.each([
    ['every decided item removed under law: Yes', ['removed_legal', 'removed_legal'], 'Yes'],
    ['every decided item removed under policy: Yes', ['removed_policy'], 'Yes'],
    ['undecided items do not count against it', ['removed_policy', null], 'Yes'],
    ['some removed, some not: Partial', ['removed_legal', 'no_action'], 'Partial'],
    ['nothing removed: No', ['no_action', 'content_not_found'], 'No'],
    ['nothing decided: Unspecified', [null, null], 'Unspecified'],
  ] as const)('action taken: %s', (_, outcomes, action) => {
    const r = record(outcomes.map((outcome, n) => item(n + 1, { outcome })));
    expect(lumenNotice(r).notice.action_taken).toBe(action);
  });

  it('names the order, its country, its legal basis, and its reasons once each, sorted, as subject and tags', () => {
    const n = lumenNotice(
      record([
        item(1, { reason: 'Hate Speech' }),
        item(2, { reason: 'Defamation' }),
        item(3, { reason: null }),
        item(4, { reason: 'Hate Speech' }),
      ]),
    ).notice;
    expect(n.title).toBe('Ministry of Information: order WR-000042');
    expect(n.jurisdiction_list).toEqual(['KZ']);
    expect(n.regulation_list).toEqual(['Law on Online Platforms, Art. 19']);
    expect(n.tag_list).toEqual(['Defamation', 'Hate Speech']);
    expect(n.subject).toBe('Defamation, Hate Speech');
  });

  it('one work per product, describing each item; only URL targets that are shown are listed, and counted', () => {
    const n = lumenNotice(
      record([
        item(1),
        item(2, { targetKind: 'account', target: '@someone', product: 'Profiles', outcome: null }),
        item(3, { target: null, outcome: 'no_action' }),
        item(4, { targetKind: 'account', target: null, product: 'Profiles', outcome: 'removed_policy' }),
        item(5, { outcome: 'content_not_found' }),
      ]),
    ).notice;
    expect(n.url_count).toBe(3);
    expect(n.works_attributes).toEqual([
      {
        kind: 'Video',
        description: '1. url: removed_legal; 3. url (withheld): no_action; 5. url: content_not_found',
        infringing_urls_attributes: [{ url: 'https://video.example/watch/1' }, { url: 'https://video.example/watch/5' }],
      },
      {
        kind: 'Profiles',
        description: '2. account: undecided; 4. account (withheld): removed_policy',
        infringing_urls_attributes: [],
      },
    ]);
  });
});
