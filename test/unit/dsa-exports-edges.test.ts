/**
 * Writ's DSA statements of reasons field by field (shared/reference/dsa.md §1.3): what each published
 * item becomes, where the texts are cut, the batch file names, and the validator's rules at their
 * edges, message by message.
 */
import { describe, expect, it } from 'vitest';
import { batchFileName, statementsOf, tdbCountries, validateStatement } from '../../src/domain/exports/dsa-sor.js';
import type { PublicItem, PublicRecord } from '../../src/domain/public-record.js';

const item = (overrides: Partial<PublicItem> = {}): PublicItem => ({
  position: 1,
  targetKind: 'url',
  target: 'https://video.example/watch/[redacted]',
  product: 'YouTube',
  outcome: 'removed_legal',
  reason: 'Defamation',
  scope: ['SE', 'KZ', 'DE', 'AT'],
  ...overrides,
});

const record = (overrides: Partial<PublicRecord> = {}, items: PublicItem[] = [item()]): PublicRecord => ({
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
  language: 'de-AT',
  items,
  accounts: null,
  summary: 'A video criticising the regional governor.',
  publicInterest: false,
  caseStudy: null,
  courtChallenge: false,
  concernsChild: false,
  correctionNote: null,
  ...overrides,
});

const only = (r: PublicRecord) => {
  const statements = statementsOf(r);
  expect(statements).toHaveLength(1);
  return statements[0]!;
};
const ofItem = (overrides: Partial<PublicItem>, recordOverrides: Partial<PublicRecord> = {}) =>
  only(record(recordOverrides, [item(overrides)]));
const opening = 'Order WR-000042 from Ministry of Information (KZ), received 2026-03-10, decided 2026-03-11.';

describe('what a published item becomes', () => {
  it('a local restriction under law: every field, and nothing more', () => {
    const s = ofItem({ product: 'Google Images' });
    expect(s).toStrictEqual({
      decision_visibility: ['DECISION_VISIBILITY_CONTENT_DISABLED'],
      decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
      category: 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH',
      category_specification: ['KEYWORD_DEFAMATION'],
      content_type: ['CONTENT_TYPE_IMAGE'],
      content_language: 'DE',
      content_date: '2026-03-10',
      application_date: '2026-03-11',
      territorial_scope: ['AT', 'DE', 'SE'],
      decision_facts: `${opening} Access was restricted in SE, KZ, DE, AT under the law the order cites. A video criticising the regional governor.`,
      source_type: 'SOURCE_TYPE_OTHER_NOTIFICATION',
      source_identity: 'Ministry of Information',
      automated_detection: 'No',
      automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
      puid: 'writ-WR-000042-1',
      illegal_content_legal_ground: 'Law on Online Platforms, Art. 19',
      illegal_content_explanation:
        'The authority ordered the content restricted as Defamation under Law on Online Platforms, Art. 19.',
    });
    expect(validateStatement(s)).toEqual([]);
  });

  it('a removal everywhere under the terms of service, no reason, no summary, no language: every field', () => {
    const s = ofItem(
      { outcome: 'removed_policy', reason: null, scope: null, product: 'Blogger', position: 3 },
      { summary: null, language: null },
    );
    expect(s).toStrictEqual({
      decision_visibility: ['DECISION_VISIBILITY_CONTENT_REMOVED'],
      decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
      category: 'STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE',
      content_type: ['CONTENT_TYPE_OTHER'],
      content_type_other: 'Blogger',
      content_date: '2026-03-10',
      application_date: '2026-03-11',
      territorial_scope: tdbCountries,
      decision_facts: `${opening} The content was removed everywhere under the platform's terms of service.`,
      source_type: 'SOURCE_TYPE_OTHER_NOTIFICATION',
      source_identity: 'Ministry of Information',
      automated_detection: 'No',
      automated_decision: 'AUTOMATED_DECISION_NOT_AUTOMATED',
      puid: 'writ-WR-000042-3',
      incompatible_content_ground: "The platform's terms of service",
      incompatible_content_explanation:
        "Reviewing the authority's order, the platform found the content against its terms of service (reason not given).",
      incompatible_content_illegal: 'Yes',
    });
    expect(validateStatement(s)).toEqual([]);
  });

  it('a local restriction everywhere without a reason says so in its facts and explanation', () => {
    const s = ofItem({ reason: null, scope: null }, { summary: null });
    expect(s.decision_facts).toBe(`${opening} Access was restricted in every country under the law the order cites.`);
    expect(s.illegal_content_explanation).toBe(
      'The authority ordered the content restricted as unlawful under Law on Online Platforms, Art. 19.',
    );
    expect(s.territorial_scope).toEqual(tdbCountries);
    expect(s.category).toBe('STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE');
    expect(s).not.toHaveProperty('category_specification');
  });

  it('a removal under the terms of service names the reason it was removed for', () => {
    expect(ofItem({ outcome: 'removed_policy', reason: 'Hate Speech' }).incompatible_content_explanation).toBe(
      "Reviewing the authority's order, the platform found the content against its terms of service (Hate Speech).",
    );
  });

  it('a scope outside the EU/EEA leaves an empty territorial scope; the facts still name it', () => {
    const s = ofItem({ scope: ['KZ', 'RU'] });
    expect(s.territorial_scope).toEqual([]);
    expect(s.decision_facts).toContain('Access was restricted in KZ, RU under');
  });

  it('a text at its limit is kept whole; one character more is cut to the limit, ending in …', () => {
    const atLimit = 'p'.repeat(500);
    expect(ofItem({ product: atLimit }).content_type_other).toBe(atLimit);
    const cut = ofItem({ product: `${atLimit}q` }).content_type_other!;
    expect(cut).toBe(`${'p'.repeat(499)}…`);
    expect(ofItem({}, { authority: { name: 'a'.repeat(501), kind: 'court' } }).source_identity).toBe(`${'a'.repeat(499)}…`);
    const facts = ofItem({}, { summary: 's'.repeat(6000) }).decision_facts;
    expect(facts).toHaveLength(5000);
    expect(facts.endsWith('s…')).toBe(true);
  });

  it.each([
    ['ru', 'RU'],
    ['pt-BR', 'PT'],
    ['EN', 'EN'],
    [null, undefined],
    ['', undefined],
    ['fil', undefined],
    ['fil-PH', undefined],
    ['x1', undefined],
  ])('the order’s language %s is content_language %s', (language, code) => {
    const s = ofItem({}, { language });
    if (code === undefined) expect(s).not.toHaveProperty('content_language');
    else expect(s.content_language).toBe(code);
  });

  it('a data order gives no statement, even with items that would restrict', () => {
    expect(statementsOf(record({ kind: 'user_data' }))).toEqual([]);
  });
});

describe('batch file names', () => {
  it.each([
    [0, 'dsa-statements-0001.json'],
    [8, 'dsa-statements-0009.json'],
    [9998, 'dsa-statements-9999.json'],
    [9999, 'dsa-statements-10000.json'],
  ])('batch %i is %s', (index, name) => {
    expect(batchFileName(index)).toBe(name);
  });
});

describe('the validator, rule by rule (StatementStoreRequest::rules)', () => {
  const local = ofItem({});
  const policy = ofItem({ outcome: 'removed_policy' });
  const errorsOf = (change: Record<string, unknown>, base: object = local) => validateStatement({ ...base, ...change });
  const err = (field: string, message: string) => [{ field, message }];
  const required = (field: string) => err(field, 'is required');
  const monetary = 'DECISION_MONETARY_SUSPENSION, DECISION_MONETARY_TERMINATION, DECISION_MONETARY_OTHER';
  const badDate = 'must be a date YYYY-MM-DD not after 2038-01-01';
  const noVisibility = { decision_visibility: undefined };

  it.each<[string, Record<string, unknown>, { field: string; message: string }[]]>([
    [
      'an optional decision given as null, "" or "null" is absent',
      { decision_monetary: null, decision_provision: '', decision_account: 'null' },
      [],
    ],
    [
      'a visibility outside the list',
      { decision_visibility: ['BOGUS'] },
      err('decision_visibility', 'holds "BOGUS", not one of the allowed values'),
    ],
    [
      'a visibility that is not an array',
      { decision_visibility: 'DECISION_VISIBILITY_CONTENT_REMOVED' },
      err('decision_visibility', 'must be an array'),
    ],
    [
      'no decision at all',
      noVisibility,
      err(
        'decision_visibility',
        'one of decision_visibility, decision_monetary, decision_provision, decision_account is required',
      ),
    ],
    [
      'another monetary decision, specified',
      { ...noVisibility, decision_monetary: 'DECISION_MONETARY_OTHER', decision_monetary_other: 'x' },
      [],
    ],
    [
      'another monetary decision, unspecified',
      { decision_monetary: 'DECISION_MONETARY_OTHER' },
      required('decision_monetary_other'),
    ],
    [
      'a monetary decision outside the list',
      { decision_monetary: 'BOGUS' },
      err('decision_monetary', `must be one of ${monetary}`),
    ],
    [
      'end dates on the last day allowed',
      { end_date_visibility_restriction: '2038-01-01', end_date_account_restriction: '2030-06-30' },
      [],
    ],
    [
      'a visibility end date after 2038',
      { end_date_visibility_restriction: '2038-01-02' },
      err('end_date_visibility_restriction', badDate),
    ],
    [
      'a monetary end date after 2038',
      { end_date_monetary_restriction: '2038-01-02' },
      err('end_date_monetary_restriction', badDate),
    ],
    ['a service end date not a date', { end_date_service_restriction: '2026-3-1' }, err('end_date_service_restriction', badDate)],
    [
      'an account end date with a leading digit',
      { end_date_account_restriction: '12026-03-10' },
      err('end_date_account_restriction', badDate),
    ],
    ['no decision ground', { decision_ground: undefined }, required('decision_ground')],
    ['an https reference URL', { decision_ground_reference_url: 'https://eur-lex.europa.eu/eli/reg/2022/2065/oj' }, []],
    ['an http reference URL', { decision_ground_reference_url: 'http://x.eu' }, []],
    ['a reference URL given as "" or "null"', { decision_ground_reference_url: 'null' }, []],
    ['an empty reference URL', { decision_ground_reference_url: '' }, []],
    [
      'text before the URL',
      { decision_ground_reference_url: 'see https://x.eu' },
      err('decision_ground_reference_url', 'must be a URL'),
    ],
    [
      'text after the URL',
      { decision_ground_reference_url: 'https://x.eu see' },
      err('decision_ground_reference_url', 'must be a URL'),
    ],
    ['an ftp URL', { decision_ground_reference_url: 'ftp://x.eu' }, err('decision_ground_reference_url', 'must be a URL')],
    [
      'a URL of 501 characters',
      { decision_ground_reference_url: `https://${'x'.repeat(493)}` },
      err('decision_ground_reference_url', 'must be at most 500 characters'),
    ],
    [
      'a URL that is not a string',
      { decision_ground_reference_url: 42 },
      err('decision_ground_reference_url', 'must be a string'),
    ],
    ['no explanation of the illegality', { illegal_content_explanation: undefined }, required('illegal_content_explanation')],
    ['no category', { category: undefined }, required('category')],
    ['an additional category', { category_addition: ['STATEMENT_CATEGORY_VIOLENCE'] }, []],
    [
      'an additional category outside the list',
      { category_addition: ['BOGUS'] },
      err('category_addition', 'holds "BOGUS", not one of the allowed values'),
    ],
    ['no keyword', { category_specification: undefined }, []],
    ['an "Other" text of 500 characters', { category_specification_other: 'o'.repeat(500) }, []],
    [
      'an "Other" text of 501 characters',
      { category_specification_other: 'o'.repeat(501) },
      err('category_specification_other', 'must be at most 500 characters'),
    ],
    ['no content type', { content_type: undefined }, required('content_type')],
    ['a content type that is not an array', { content_type: 'CONTENT_TYPE_VIDEO' }, err('content_type', 'must be an array')],
    ['no content type in the array', { content_type: [] }, err('content_type', 'must not be empty')],
    ['a three-letter language', { content_language: 'RUS' }, err('content_language', 'must be an upper-case ISO 639-1 code')],
    ['a language after a letter', { content_language: 'XRU' }, err('content_language', 'must be an upper-case ISO 639-1 code')],
    ['content dated on the first and last days allowed', { content_date: '2000-01-01', application_date: '2038-01-01' }, []],
    [
      'content dated after 2038',
      { content_date: '2038-01-02' },
      err('content_date', 'is required, a date YYYY-MM-DD from 2000-01-01 to 2038-01-01'),
    ],
    [
      'content dated with a time',
      { content_date: '2026-03-10T00:00' },
      err('content_date', 'is required, a date YYYY-MM-DD from 2000-01-01 to 2038-01-01'),
    ],
    ['applied on the first day allowed', { application_date: '2020-01-01' }, []],
    [
      'applied before 2020',
      { application_date: '2019-12-31' },
      err('application_date', 'is required, a date YYYY-MM-DD from 2020-01-01 to 2038-01-01'),
    ],
    ['an empty territorial scope', { territorial_scope: [] }, []],
    ['no territorial scope', { territorial_scope: null }, []],
    ['no facts', { decision_facts: undefined }, required('decision_facts')],
    ['facts that are not a string', { decision_facts: 42 }, err('decision_facts', 'must be a string')],
    ['facts of 5000 characters', { decision_facts: 'f'.repeat(5000) }, []],
    ['no source type', { source_type: undefined }, required('source_type')],
    ['no source identity', { source_identity: undefined }, []],
    [
      'a source identity of 501 characters',
      { source_identity: 'i'.repeat(501) },
      err('source_identity', 'must be at most 500 characters'),
    ],
    ['automated detection', { automated_detection: 'Yes' }, []],
    ['no word on automated detection', { automated_detection: undefined }, required('automated_detection')],
    ['no puid', { puid: undefined }, required('puid')],
    ['a puid with a space and a slash', { puid: 'writ WR/1' }, err('puid', 'may hold only letters, digits, - and _')],
  ])('%s', (_, change, expected) => {
    expect(errorsOf(change)).toEqual(expected);
  });

  it.each<[string, Record<string, unknown>, { field: string; message: string }[]]>([
    ['content incompatible and not illegal', { incompatible_content_illegal: 'No' }, []],
    [
      'content incompatible and maybe illegal',
      { incompatible_content_illegal: 'Maybe' },
      err('incompatible_content_illegal', 'must be one of Yes, No'),
    ],
    ['no incompatible ground', { incompatible_content_ground: undefined }, required('incompatible_content_ground')],
  ])('terms of service: %s', (_, change, expected) => {
    expect(errorsOf(change, policy)).toEqual(expected);
  });
});
