/**
 * The DSA enumerations Writ's statements of reasons use, against the EU's own lists (read from
 * ../shared/reference, never copied): the Transparency Database's enums (dsa-enums.md), its 30
 * EU/EEA territorial codes (dsa.md §1.4), the category tree of the Part 3 template, and Writ's
 * mapping of Google's 22 reasons onto that tree.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { dsaCategoryTree, dsaClassification, dsaOfReason, notSpecifiedOrder } from '../../src/domain/exports/dsa-categories.js';
import {
  automatedDecisions,
  contentTypes,
  decisionAccounts,
  decisionMonetaries,
  decisionProvisions,
  decisionVisibilities,
  sourceTypes,
  statementCategories,
  statementKeywords,
  statementsOf,
  tdbCountries,
  validateStatement,
} from '../../src/domain/exports/dsa-sor.js';
import type { PublicItem, PublicRecord } from '../../src/domain/public-record.js';
import { reasons } from '../../src/domain/vocabulary.js';
import { sharedReference } from '../support/shared-data.js';

// Found by walking up (test/support/shared-data.ts), so the tests read it from Stryker's sandbox too.
const reference = `${sharedReference ?? fileURLToPath(new URL('../../../shared/reference', import.meta.url))}/`;

/** The API values of each `### NAME (n)` table of dsa-enums.md, checked against the count it states. */
function euEnums(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of readFileSync(`${reference}dsa-enums.md`, 'utf8').split('\n')) {
    const heading = /^### (\w+) \((\d+)\)/.exec(line);
    if (heading) {
      current = [];
      out.set(heading[1]!, current);
      continue;
    }
    const row = /^\| `([A-Z0-9_]+)` \|/.exec(line);
    if (row && current) current.push(row[1]!);
  }
  return out;
}
const enums = euEnums();
const euEnum = (name: string) => {
  const values = enums.get(name);
  if (!values) throw new Error(`dsa-enums.md has no ${name}`);
  return values;
};

/** The category tree of the Part 3 template's TOTAL block: each category with the keywords below it. */
function templateTree(): [string, string[]][] {
  const rows: string[][] = parse(readFileSync(`${reference}dsa-templates/part_3_member_states_orders.csv`, 'utf8'), {
    relax_column_count: true,
  });
  const tree: [string, string[]][] = [];
  for (const row of rows.slice(1)) {
    if (row[5] !== 'TOTAL') break;
    const code = row[3]!;
    if (code.startsWith('STATEMENT_CATEGORY_')) tree.push([code, []]);
    else if (code.startsWith('KEYWORD_')) tree.at(-1)![1].push(code);
  }
  return tree;
}
const tree = templateTree();
const keywordsOf = new Map(tree);

describe('the enumerations are the Transparency Database’s', () => {
  it('the reference lists were read whole (their stated counts)', () => {
    expect(euEnum('STATEMENT_CATEGORIES')).toHaveLength(16);
    expect(euEnum('KEYWORDS')).toHaveLength(69);
    expect(tree).toHaveLength(15);
  });

  it.each([
    ['decision visibilities', decisionVisibilities, 'DECISION_VISIBILITIES'],
    ['monetary decisions', decisionMonetaries, 'DECISION_MONETARIES'],
    ['service provision decisions', decisionProvisions, 'DECISION_PROVISIONS'],
    ['account decisions', decisionAccounts, 'DECISION_ACCOUNTS'],
    ['content types', contentTypes, 'CONTENT_TYPES'],
    ['statement categories', statementCategories, 'STATEMENT_CATEGORIES'],
    ['source types', sourceTypes, 'SOURCE_TYPES'],
    ['automated decisions', automatedDecisions, 'AUTOMATED_DECISIONS'],
  ])('the %s, in the EU’s order', (_, writ, name) => {
    expect([...writ]).toEqual(euEnum(name));
  });

  it('the 69 keywords, sorted and without duplicates', () => {
    expect(statementKeywords).toEqual([...euEnum('KEYWORDS')].sort());
  });

  it('territorial scope: the 27 Member States and Iceland, Liechtenstein, Norway, sorted, Greece as GR', () => {
    const text = readFileSync(`${reference}dsa.md`, 'utf8');
    const line = /\*\*territorial_scope codes\*\*.*?codes\): `([A-Z, ]+)`/.exec(text);
    const codes = line![1]!.split(', ');
    expect(codes).toHaveLength(30);
    expect(tdbCountries).toEqual(codes);
    expect(tdbCountries).toEqual([...tdbCountries].sort());
  });
});

describe('the category tree is the Part 3 template’s', () => {
  it('every category with its keywords, in the template’s order', () => {
    expect(dsaCategoryTree.map(([c, k]) => [c, [...k]])).toEqual(tree);
  });

  it('the order-only category is the template’s last, and the TDB does not accept it', () => {
    expect(notSpecifiedOrder).toBe('STATEMENT_CATEGORY_NOT_SPECIFIED_ORDER');
    expect(tree.at(-1)).toEqual([notSpecifiedOrder, []]);
    expect(euEnum('STATEMENT_CATEGORIES')).not.toContain(notSpecifiedOrder);
  });
});

describe('Google’s reasons as DSA categories and keywords', () => {
  /** Writ's choice for each reason: a keyword that says the same thing, else the category's KEYWORD_OTHER. */
  const expected: [string, string, string | null][] = [
    ['Adult Content', 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH', 'KEYWORD_OTHER'],
    ['Bullying/Harassment', 'STATEMENT_CATEGORY_CYBER_VIOLENCE', 'KEYWORD_CYBER_HARASSMENT'],
    ['Business Complaints', 'STATEMENT_CATEGORY_CONSUMER_INFORMATION', 'KEYWORD_OTHER'],
    ['Copyright', 'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS', 'KEYWORD_COPYRIGHT_INFRINGEMENT'],
    ['Defamation', 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH', 'KEYWORD_DEFAMATION'],
    ['Drug Abuse', 'STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY', 'KEYWORD_RISK_PUBLIC_HEALTH'],
    ['Electoral Law', 'STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS', 'KEYWORD_VIOLATION_NATIONAL_LAW'],
    ['Fraud', 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD', 'KEYWORD_OTHER'],
    ['Geographical Dispute', 'STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS', 'KEYWORD_OTHER'],
    ['Government Criticism', 'STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS', 'KEYWORD_OTHER'],
    ['Hate Speech', 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH', 'KEYWORD_HATE_SPEECH'],
    ['Impersonation', 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD', 'KEYWORD_IMPERSONATION_ACCOUNT_HIJACKING'],
    ['National Security', 'STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY', 'KEYWORD_OTHER'],
    ['Obscenity/Nudity', 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH', 'KEYWORD_OTHER'],
    ['Other', 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH', 'KEYWORD_OTHER'],
    ['Privacy and Security', 'STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS', 'KEYWORD_OTHER'],
    ['Reason Unspecified', 'STATEMENT_CATEGORY_NOT_SPECIFIED_ORDER', null],
    ['Regulated Goods and Services', 'STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS', 'KEYWORD_PROHIBITED_PRODUCTS'],
    ['Religious Offense', 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH', 'KEYWORD_OTHER'],
    ['Suicide Promotion', 'STATEMENT_CATEGORY_SELF_HARM', 'KEYWORD_SUICIDE'],
    ['Trademark', 'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS', 'KEYWORD_TRADEMARK_INFRINGEMENT'],
    ['Violence', 'STATEMENT_CATEGORY_VIOLENCE', 'KEYWORD_INCITEMENT_VIOLENCE_HATRED'],
  ];

  it('all 22 reasons are mapped, and nothing else', () => {
    expect(expected.map(([reason]) => reason)).toEqual([...reasons]);
    expect(Object.keys(dsaOfReason).sort()).toEqual([...reasons].sort());
  });

  it.each(expected)('%s → %s / %s', (reason, category, keyword) => {
    expect(dsaOfReason[reason as keyof typeof dsaOfReason]).toEqual({ category, keyword });
    expect(dsaClassification(reason)).toEqual({ category, keyword });
  });

  it('each keyword is one of its category’s keywords in the template, each category one of the template’s', () => {
    for (const [reason, { category, keyword }] of Object.entries(dsaOfReason)) {
      expect(keywordsOf.has(category), reason).toBe(true);
      if (keyword === null) expect(category, reason).toBe(notSpecifiedOrder);
      else expect(keywordsOf.get(category), reason).toContain(keyword);
    }
  });

  it('a reason that is missing or not Google’s is the order-only “not specified”, without a keyword', () => {
    for (const reason of [null, '', 'Blasphemy', 'defamation'])
      expect(dsaClassification(reason)).toEqual({ category: 'STATEMENT_CATEGORY_NOT_SPECIFIED_ORDER', keyword: null });
  });
});

/** The one statement of a record whose only item is `item` (a local restriction of a video unless told). */
const ofItem = (overrides: Partial<PublicItem>) => {
  const item: PublicItem = {
    position: 1,
    targetKind: 'url',
    target: 'https://video.example/watch/[redacted]',
    product: 'YouTube',
    outcome: 'removed_legal',
    reason: 'Defamation',
    scope: ['DE'],
    ...overrides,
  };
  const record: PublicRecord = {
    id: 'WR-000007',
    version: 1,
    kind: 'content_removal',
    authority: { name: 'Landgericht Hamburg', kind: 'court' },
    country: 'DE',
    regime: null,
    legalBasis: '§ 823 BGB',
    receivedOn: '2026-01-05',
    decidedOn: '2026-01-07',
    period: '2026-H1',
    publishedAt: '2026-01-20T10:00:00.000Z',
    language: 'de',
    items: [item],
    accounts: null,
    summary: null,
    publicInterest: false,
    caseStudy: null,
    courtChallenge: false,
    concernsChild: false,
    correctionNote: null,
  };
  const statements = statementsOf(record);
  expect(statements).toHaveLength(1);
  return statements[0]!;
};

describe('statements carry the mapping, and the EU’s values', () => {
  it.each(reasons.map((r) => [r]))(
    'reason %s: its category (or NOT_SPECIFIED_NOTICE), its keyword, a valid statement',
    (reason) => {
      for (const outcome of ['removed_legal', 'removed_policy'] as const) {
        const s = ofItem({ reason, outcome });
        const { category, keyword } = dsaOfReason[reason];
        expect(s.category).toBe(keyword === null ? 'STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE' : category);
        if (keyword === null) expect(s).not.toHaveProperty('category_specification');
        else expect(s.category_specification).toEqual([keyword]);
        if (keyword === 'KEYWORD_OTHER') expect(s.category_specification_other).toBe(reason);
        else expect(s).not.toHaveProperty('category_specification_other');
        expect(validateStatement(s)).toEqual([]);
      }
    },
  );

  it.each([
    ['YouTube', 'CONTENT_TYPE_VIDEO'],
    ['Google Video Search', 'CONTENT_TYPE_VIDEO'],
    ['Google Images', 'CONTENT_TYPE_IMAGE'],
    ['Google Photos', 'CONTENT_TYPE_IMAGE'],
    ['Local Photos', 'CONTENT_TYPE_IMAGE'],
    ['Google Play Apps', 'CONTENT_TYPE_APP'],
    ['Google Play Music', 'CONTENT_TYPE_AUDIO'],
    ['Podcasts', 'CONTENT_TYPE_AUDIO'],
    ['Audio library', 'CONTENT_TYPE_AUDIO'],
  ])('Google’s product %s is %s', (product, type) => {
    const s = ofItem({ product });
    expect(s.content_type).toEqual([type]);
    expect(s).not.toHaveProperty('content_type_other');
  });

  it.each(['Web Search', 'Google Maps', 'Blogger', 'Street View'])(
    'Google’s product %s is CONTENT_TYPE_OTHER, named',
    (product) => {
      const s = ofItem({ product });
      expect(s.content_type).toEqual(['CONTENT_TYPE_OTHER']);
      expect(s.content_type_other).toBe(product);
    },
  );

  it('the validator takes every value the EU lists for each enumerated field', () => {
    const valid = ofItem({});
    const accepts = (change: Record<string, unknown>) =>
      expect(validateStatement({ ...valid, ...change }), JSON.stringify(change)).toEqual([]);
    const alone = { decision_visibility: undefined };
    for (const v of euEnum('DECISION_VISIBILITIES')) accepts({ decision_visibility: [v], decision_visibility_other: 'x' });
    for (const v of euEnum('DECISION_MONETARIES')) accepts({ ...alone, decision_monetary: v, decision_monetary_other: 'x' });
    for (const v of euEnum('DECISION_PROVISIONS')) accepts({ ...alone, decision_provision: v });
    for (const v of euEnum('DECISION_ACCOUNTS')) accepts({ ...alone, decision_account: v });
    for (const v of euEnum('ACCOUNT_TYPES')) accepts({ account_type: v });
    for (const v of euEnum('CONTENT_TYPES')) accepts({ content_type: [v], content_type_other: 'x' });
    for (const v of euEnum('STATEMENT_CATEGORIES')) accepts({ category: v, category_addition: [v] });
    for (const v of euEnum('KEYWORDS')) accepts({ category_specification: [v] });
    for (const v of euEnum('SOURCE_TYPES')) accepts({ source_type: v });
    for (const v of euEnum('AUTOMATED_DECISIONS')) accepts({ automated_decision: v });
    accepts({ territorial_scope: tdbCountries });
  });

  it.each([
    ['decision_provision', 'DECISION_PROVISIONS'],
    ['decision_account', 'DECISION_ACCOUNTS'],
    ['account_type', 'ACCOUNT_TYPES'],
    ['source_type', 'SOURCE_TYPES'],
    ['automated_decision', 'AUTOMATED_DECISIONS'],
  ])('the validator refuses a %s outside the EU’s list, naming the values it takes', (field, name) => {
    expect(validateStatement({ ...ofItem({}), [field]: 'BOGUS' })).toEqual([
      { field, message: `must be one of ${euEnum(name).join(', ')}` },
    ]);
  });
});
