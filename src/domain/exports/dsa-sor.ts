/**
 * DSA statements of reasons (Art. 17, Transparency Database submission schema v2): one statement per
 * item of a published record whose content the platform removed or restricted, made from the public
 * record only (never the order's unredacted text), in batches of at most 100 as the batch endpoint
 * takes them (`{"statements":[...]}`), with a stable puid `writ-<public id>-<item position>`. The
 * field rules are shared/reference/dsa.md §1.3–1.4; `validateStatement` implements them.
 */
import type { PublicItem, PublicRecord } from '../public-record.js';
import { dsaCategoryTree, dsaClassification, notSpecifiedOrder } from './dsa-categories.js';
import { euMemberStates } from './eu-orders.js';

export const statementCategories = [
  'STATEMENT_CATEGORY_ANIMAL_WELFARE',
  'STATEMENT_CATEGORY_CONSUMER_INFORMATION',
  'STATEMENT_CATEGORY_CYBER_VIOLENCE',
  'STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN',
  'STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS',
  'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH',
  'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS',
  'STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS',
  'STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE',
  'STATEMENT_CATEGORY_OTHER_VIOLATION_TC',
  'STATEMENT_CATEGORY_PROTECTION_OF_MINORS',
  'STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY',
  'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
  'STATEMENT_CATEGORY_SELF_HARM',
  'STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS',
  'STATEMENT_CATEGORY_VIOLENCE',
] as const;

/** The TDB's 69 accepted keywords: the Part 3 tree's, and those only the TDB has. */
export const statementKeywords: readonly string[] = [
  ...new Set([
    ...dsaCategoryTree.flatMap(([, keywords]) => keywords),
    'KEYWORD_ADULT_SEXUAL_MATERIAL',
    'KEYWORD_AGE_SPECIFIC_RESTRICTIONS',
    'KEYWORD_GEOGRAPHICAL_REQUIREMENTS',
    'KEYWORD_GOODS_SERVICES_NOT_PERMITTED',
    'KEYWORD_LANGUAGE_REQUIREMENTS',
    'KEYWORD_NUDITY',
    'KEYWORD_STALKING',
  ]),
].sort();

export const decisionVisibilities = [
  'DECISION_VISIBILITY_CONTENT_REMOVED',
  'DECISION_VISIBILITY_CONTENT_DISABLED',
  'DECISION_VISIBILITY_CONTENT_DEMOTED',
  'DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED',
  'DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED',
  'DECISION_VISIBILITY_CONTENT_LABELLED',
  'DECISION_VISIBILITY_OTHER',
] as const;
export const decisionMonetaries = ['DECISION_MONETARY_SUSPENSION', 'DECISION_MONETARY_TERMINATION', 'DECISION_MONETARY_OTHER'];
export const decisionProvisions = [
  'DECISION_PROVISION_PARTIAL_SUSPENSION',
  'DECISION_PROVISION_TOTAL_SUSPENSION',
  'DECISION_PROVISION_PARTIAL_TERMINATION',
  'DECISION_PROVISION_TOTAL_TERMINATION',
];
export const decisionAccounts = ['DECISION_ACCOUNT_SUSPENDED', 'DECISION_ACCOUNT_TERMINATED'];
export const contentTypes = [
  'CONTENT_TYPE_APP',
  'CONTENT_TYPE_AUDIO',
  'CONTENT_TYPE_IMAGE',
  'CONTENT_TYPE_PRODUCT',
  'CONTENT_TYPE_SYNTHETIC_MEDIA',
  'CONTENT_TYPE_TEXT',
  'CONTENT_TYPE_VIDEO',
  'CONTENT_TYPE_OTHER',
] as const;
export const sourceTypes = ['SOURCE_ARTICLE_16', 'SOURCE_TRUSTED_FLAGGER', 'SOURCE_TYPE_OTHER_NOTIFICATION', 'SOURCE_VOLUNTARY'];
export const automatedDecisions = [
  'AUTOMATED_DECISION_FULLY',
  'AUTOMATED_DECISION_PARTIALLY',
  'AUTOMATED_DECISION_NOT_AUTOMATED',
];
/** territorial_scope: the EU/EEA codes the TDB accepts: the Member States (Greece is GR there) and Iceland, Liechtenstein, Norway. */
export const tdbCountries: string[] = [...euMemberStates, 'IS', 'LI', 'NO'].sort();

export type Statement = {
  decision_visibility?: string[] | null;
  decision_visibility_other?: string;
  end_date_visibility_restriction?: string | null;
  decision_monetary?: string | null;
  decision_monetary_other?: string;
  decision_provision?: string | null;
  decision_account?: string | null;
  account_type?: string | null;
  decision_ground: string;
  decision_ground_reference_url?: string | null;
  illegal_content_legal_ground?: string;
  illegal_content_explanation?: string;
  incompatible_content_ground?: string;
  incompatible_content_explanation?: string;
  incompatible_content_illegal?: 'Yes' | 'No';
  category: string;
  category_addition?: string[];
  category_specification?: string[] | null;
  category_specification_other?: string;
  content_type: string[];
  content_type_other?: string;
  content_language?: string | null;
  content_date: string;
  application_date: string;
  territorial_scope?: string[] | null;
  decision_facts: string;
  source_type: string;
  source_identity?: string;
  automated_detection: 'Yes' | 'No';
  automated_decision: string;
  puid: string;
};

export const statementBatchSize = 100;

/** Stable and never reused: the record's public id and the item's position. */
export const puidOf = (publicId: string, position: number) => `writ-${publicId}-${position}`;

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

function contentTypeOf(item: PublicItem): { content_type: string[]; content_type_other?: string } {
  const p = item.product.toLowerCase();
  if (/video|youtube/.test(p)) return { content_type: ['CONTENT_TYPE_VIDEO'] };
  if (/image|photo/.test(p)) return { content_type: ['CONTENT_TYPE_IMAGE'] };
  if (/app/.test(p)) return { content_type: ['CONTENT_TYPE_APP'] };
  if (/audio|music|podcast/.test(p)) return { content_type: ['CONTENT_TYPE_AUDIO'] };
  return { content_type: ['CONTENT_TYPE_OTHER'], content_type_other: cut(item.product, 500) };
}

/** Whether an item's outcome restricted content (the only decisions a statement of reasons is for). */
export const restricts = (item: PublicItem) => item.outcome === 'removed_legal' || item.outcome === 'removed_policy';

/** The statements of one published record: one per item it removed or restricted. */
export function statementsOf(record: PublicRecord): Statement[] {
  if (record.kind !== 'content_removal') return [];
  return record.items.filter(restricts).map((item) => {
    const { category, keyword } = dsaClassification(item.reason);
    const local = item.outcome === 'removed_legal';
    const scope = item.scope === null ? tdbCountries : item.scope.filter((c) => tdbCountries.includes(c)).sort();
    const facts = [
      `Order ${record.id} from ${record.authority.name} (${record.country}), received ${record.receivedOn}, decided ${record.decidedOn}.`,
      local
        ? `Access was restricted in ${item.scope === null ? 'every country' : item.scope.join(', ')} under the law the order cites.`
        : "The content was removed everywhere under the platform's terms of service.",
      record.summary ?? '',
    ]
      .filter(Boolean)
      .join(' ');
    const language = record.language?.split('-')[0]?.toUpperCase();
    const statement: Statement = {
      decision_visibility: [local ? 'DECISION_VISIBILITY_CONTENT_DISABLED' : 'DECISION_VISIBILITY_CONTENT_REMOVED'],
      decision_ground: local ? 'DECISION_GROUND_ILLEGAL_CONTENT' : 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
      category: category === notSpecifiedOrder ? 'STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE' : category,
      ...(keyword ? { category_specification: [keyword] } : {}),
      ...(keyword === 'KEYWORD_OTHER' && item.reason ? { category_specification_other: cut(item.reason, 500) } : {}),
      ...contentTypeOf(item),
      ...(language && /^[A-Z]{2}$/.test(language) ? { content_language: language } : {}),
      // Writ does not know when the content was posted: the day the order named it is the latest it can be.
      content_date: record.receivedOn,
      application_date: record.decidedOn,
      territorial_scope: scope,
      decision_facts: cut(facts, 5000),
      source_type: 'SOURCE_TYPE_OTHER_NOTIFICATION',
      source_identity: cut(record.authority.name, 500),
      automated_detection: 'No',
      automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
      puid: puidOf(record.id, item.position),
    };
    if (local) {
      statement.illegal_content_legal_ground = cut(record.legalBasis, 500);
      statement.illegal_content_explanation = cut(
        `The authority ordered the content restricted as ${item.reason ?? 'unlawful'} under ${record.legalBasis}.`,
        2000,
      );
    } else {
      statement.incompatible_content_ground = "The platform's terms of service";
      statement.incompatible_content_explanation = cut(
        `Reviewing the authority's order, the platform found the content against its terms of service (${item.reason ?? 'reason not given'}).`,
        2000,
      );
      statement.incompatible_content_illegal = 'Yes';
    }
    return statement;
  });
}

/** Statements in batches of at most 100 (the TDB's batch endpoint takes 1–100). */
export function batches<T>(statements: readonly T[], size = statementBatchSize): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < statements.length; i += size) out.push(statements.slice(i, i + size));
  return out;
}

export const batchFileName = (index: number) => `dsa-statements-${String(index + 1).padStart(4, '0')}.json`;

const dateRe = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (text: unknown, from: string, to: string) =>
  typeof text === 'string' && dateRe.test(text) && !Number.isNaN(Date.parse(text)) && text >= from && text <= to;

/**
 * The TDB's validation rules (StatementStoreRequest::rules, shared/reference/dsa.md §1.3): the
 * errors found, by field; empty when the statement would be accepted.
 */
export function validateStatement(s: Record<string, unknown>): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });
  const present = (f: string) => s[f] !== undefined && s[f] !== null && s[f] !== '' && s[f] !== 'null';
  const str = (f: string, max: number, required: boolean) => {
    if (!present(f)) {
      if (required) fail(f, 'is required');
      return;
    }
    if (typeof s[f] !== 'string') fail(f, 'must be a string');
    else if ((s[f] as string).length > max) fail(f, `must be at most ${max} characters`);
  };
  const oneOf = (f: string, values: readonly string[], required: boolean) => {
    if (!present(f)) {
      if (required) fail(f, 'is required');
      return;
    }
    if (typeof s[f] !== 'string' || !values.includes(s[f] as string)) fail(f, `must be one of ${values.join(', ')}`);
  };
  const arrayOf = (f: string, values: readonly string[], required: boolean) => {
    if (!present(f)) {
      if (required) fail(f, 'is required');
      return;
    }
    const v = s[f];
    if (!Array.isArray(v)) return fail(f, 'must be an array');
    if (required && v.length === 0) fail(f, 'must not be empty');
    for (const x of v)
      if (typeof x !== 'string' || !values.includes(x)) fail(f, `holds ${JSON.stringify(x)}, not one of the allowed values`);
  };
  const has = (f: string, value: string) => Array.isArray(s[f]) && (s[f] as unknown[]).includes(value);

  arrayOf('decision_visibility', decisionVisibilities, false);
  oneOf('decision_monetary', decisionMonetaries, false);
  oneOf('decision_provision', decisionProvisions, false);
  oneOf('decision_account', decisionAccounts, false);
  if (!['decision_visibility', 'decision_monetary', 'decision_provision', 'decision_account'].some(present))
    fail(
      'decision_visibility',
      'one of decision_visibility, decision_monetary, decision_provision, decision_account is required',
    );
  if (has('decision_visibility', 'DECISION_VISIBILITY_OTHER')) str('decision_visibility_other', 500, true);
  if (s.decision_monetary === 'DECISION_MONETARY_OTHER') str('decision_monetary_other', 500, true);
  for (const f of [
    'end_date_visibility_restriction',
    'end_date_monetary_restriction',
    'end_date_service_restriction',
    'end_date_account_restriction',
  ])
    if (present(f) && !validDate(s[f], '0000-01-01', '2038-01-01')) fail(f, 'must be a date YYYY-MM-DD not after 2038-01-01');
  oneOf('account_type', ['ACCOUNT_TYPE_BUSINESS', 'ACCOUNT_TYPE_PRIVATE'], false);
  oneOf('decision_ground', ['DECISION_GROUND_ILLEGAL_CONTENT', 'DECISION_GROUND_INCOMPATIBLE_CONTENT'], true);
  if (present('decision_ground_reference_url')) {
    str('decision_ground_reference_url', 500, false);
    if (typeof s.decision_ground_reference_url === 'string' && !/^https?:\/\/\S+$/.test(s.decision_ground_reference_url))
      fail('decision_ground_reference_url', 'must be a URL');
  }
  if (s.decision_ground === 'DECISION_GROUND_ILLEGAL_CONTENT') {
    str('illegal_content_legal_ground', 500, true);
    str('illegal_content_explanation', 2000, true);
  }
  if (s.decision_ground === 'DECISION_GROUND_INCOMPATIBLE_CONTENT') {
    str('incompatible_content_ground', 500, true);
    str('incompatible_content_explanation', 2000, true);
    oneOf('incompatible_content_illegal', ['Yes', 'No'], false);
  }
  oneOf('category', statementCategories, true);
  arrayOf('category_addition', statementCategories, false);
  arrayOf('category_specification', statementKeywords, false);
  str('category_specification_other', 500, false);
  arrayOf('content_type', contentTypes, true);
  if (has('content_type', 'CONTENT_TYPE_OTHER')) str('content_type_other', 500, true);
  if (present('content_language') && !(typeof s.content_language === 'string' && /^[A-Z]{2}$/.test(s.content_language)))
    fail('content_language', 'must be an upper-case ISO 639-1 code');
  if (!validDate(s.content_date, '2000-01-01', '2038-01-01'))
    fail('content_date', 'is required, a date YYYY-MM-DD from 2000-01-01 to 2038-01-01');
  if (!validDate(s.application_date, '2020-01-01', '2038-01-01'))
    fail('application_date', 'is required, a date YYYY-MM-DD from 2020-01-01 to 2038-01-01');
  if (present('territorial_scope')) arrayOf('territorial_scope', tdbCountries, false);
  str('decision_facts', 5000, true);
  oneOf('source_type', sourceTypes, true);
  str('source_identity', 500, false);
  oneOf('automated_detection', ['Yes', 'No'], true);
  oneOf('automated_decision', automatedDecisions, true);
  str('puid', 500, true);
  if (typeof s.puid === 'string' && !/^[a-zA-Z0-9\-_]+$/.test(s.puid)) fail('puid', 'may hold only letters, digits, - and _');
  return errors;
}
