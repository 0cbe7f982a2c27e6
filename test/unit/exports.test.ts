/**
 * The export layouts against the published files themselves (read from /work/shared, never copied):
 * Google's and Meta's header lines, the EU Part 3 template's header and row layout; Google's way of
 * writing percentages reproduced from integer counts of a real row; country names as Google writes
 * them; the DSA statement-of-reasons validator; batches of 100; Lumen notices made of the public
 * record alone.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { batches, puidOf, type Statement, statementsOf, validateStatement } from '../../src/domain/exports/dsa-sor.js';
import { euOrdersHeader, euRow, euScopeRows } from '../../src/domain/exports/eu-orders.js';
import {
  googleCountryName,
  googlePercent,
  googleProductReasonHeader,
  googleRequesterHeader,
  googleRequesterRows,
} from '../../src/domain/exports/google-removals.js';
import { lumenNotice } from '../../src/domain/exports/lumen.js';
import { metaHeader, metaNumber, metaPercent } from '../../src/domain/exports/meta-data-requests.js';
import type { PublicRecord } from '../../src/domain/public-record.js';
import { sharedData, sharedReference } from '../support/shared-data.js';

const data = sharedData ?? '../shared/data';
const templates = `${sharedReference ?? '../shared/reference'}/dsa-templates`;
const firstLine = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')[0]!
    .replace(/\r$/, '')
    .replace(/^\uFEFF/, '');
const csvLine = (cells: readonly string[]) => stringify([[...cells]], { record_delimiter: 'unix' }).replace(/\n$/, '');

describe('headers equal the published files’ first lines', () => {
  it('Google: both current files, 2024 and 2025 vintages', () => {
    for (const vintage of ['google-removals-2024-09/google-government-removals', 'google-removals-2025-06']) {
      expect(csvLine(googleRequesterHeader)).toBe(firstLine(`${data}/${vintage}/google-government-removal-requests.csv`));
      expect(csvLine(googleProductReasonHeader)).toBe(
        firstLine(`${data}/${vintage}/google-government-detailed-removal-requests.csv`),
      );
    }
  });

  it('Meta: layout C, from its first (2019_H1) to its last (2023_H2) file', () => {
    for (const half of ['2019_H1', '2021_H1', '2023_H2'])
      expect(csvLine(metaHeader)).toBe(
        firstLine(`${data}/meta-government-requests-2023/government-requests/PRPL-Facebook-Government-Report-${half}.csv`),
      );
  });

  it('EU Part 3: the template’s header', () => {
    expect(csvLine(euOrdersHeader)).toBe(firstLine(`${templates}/part_3_member_states_orders.csv`));
  });
});

describe('EU Part 3 row layout', () => {
  const template = parse(readFileSync(`${templates}/part_3_member_states_orders.csv`)) as string[][];
  const body = template.slice(1);
  const totalBlock = body.filter((r) => r[5] === 'TOTAL');
  const stateBlock = body.filter((r) => r[5] !== 'TOTAL');

  it('the TOTAL block and a Member State block list the template’s categories and keywords in its order', () => {
    expect(euScopeRows('TOTAL').map((r) => [r.label, r.scope])).toEqual(totalBlock.map((r) => [r[3], r[5]]));
    expect(euScopeRows('AT').map((r) => r.label)).toEqual(stateBlock.map((r) => r[3]));
    // The template's blocks come TOTAL first, then the Member States.
    expect(body.findIndex((r) => r[5] !== 'TOTAL')).toBe(totalBlock.length);
  });

  it('each row starts as the template’s (Applicability, Reporting period as dates, Category, Scope) and has 20 columns', () => {
    const period = { year: 2025, half: 1 as const };
    const zero = {
      actOrders: 0,
      actItems: 0,
      actReceipt: null,
      actEffect: null,
      infoOrders: 0,
      infoReceipt: null,
      infoEffect: null,
      otherReasons: [],
    };
    const rows = euScopeRows('TOTAL').map((r) => euRow(period, 'video.example', r, zero));
    for (const [n, row] of rows.entries()) {
      expect(row).toHaveLength(20);
      expect([row[0], row[3], row[5]]).toEqual([totalBlock[n]![0], totalBlock[n]![3], totalBlock[n]![5]]);
      expect(row[2]).toBe('2025-01-01/2025-06-30');
      // Counts 0 (an order could have come), medians blank (no order to take a median of).
      expect(row.slice(6, 10)).toEqual(['0', '0', '', '']);
    }
    const instantaneous = euRow(period, 'video.example', euScopeRows('TOTAL')[0]!, {
      ...zero,
      actOrders: 2,
      actItems: 5,
      actReceipt: 0,
      actEffect: 26.456,
    });
    expect(instantaneous.slice(6, 10)).toEqual(['2', '5', '0', '26.46']);
  });
});

describe('Google’s numbers', () => {
  it('percentages: blank for exactly none, 0 for under 0.5 %, whole numbers otherwise', () => {
    expect(googlePercent(0, 100)).toBe('');
    expect(googlePercent(0, 0)).toBe('');
    expect(googlePercent(1, 300)).toBe('0');
    expect(googlePercent(1, 200)).toBe('1');
    expect(googlePercent(100, 100)).toBe('100');
  });

  it('reproduces Google’s row for Kazakhstan 2021-H1 from the integer counts behind it', () => {
    // krMaynard's JSON repackaging has the integer outcome counts of Google's rows.
    const json = JSON.parse(readFileSync(`${data}/google-removals-json-krmaynard/google-government-removals.json`, 'utf8')) as {
      periods: string[];
      countries: string[];
      requestors: string[];
      rows: number[][];
    };
    const ci = json.countries.indexOf('KZ');
    const pi = json.periods.indexOf('January - June 2021');
    const sums = new Map<string, number[]>();
    for (const r of json.rows) {
      if (r[0] !== pi || r[1] !== ci) continue;
      const name = json.requestors[r[2]!]!;
      const s = sums.get(name) ?? Array(8).fill(0);
      for (let k = 0; k < 8; k++) s[k] += r[5 + k]!;
      sums.set(name, s);
    }
    const kinds: Record<string, string> = {
      'Information and Communications Authority': 'communications_regulator',
      Police: 'police',
      'Data Protection Authority': 'data_protection_authority',
    };
    const keys = [
      'removed_legal',
      'removed_policy',
      'content_not_found',
      'not_enough_information',
      'no_action',
      'content_already_removed',
    ];
    const rows = googleRequesterRows(
      [...sums.entries()].map(([name, s]) => ({
        period: '2021-H1',
        country: 'KZ',
        authorityKind: kinds[name]!,
        requests: s[0]!,
        items: s[1]!,
        outcomes: Object.fromEntries(keys.map((k, n) => [k, s[2 + n]!])),
      })),
    );
    const published = readFileSync(`${data}/google-removals-2025-06/google-government-removal-requests.csv`, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('2021-06-30,Kazakhstan,KZ,'));
    expect(rows.map(csvLine)).toEqual(published);
  });

  it('country names as Google writes them', () => {
    const lines = readFileSync(`${data}/google-removals-2025-06/google-government-detailed-removal-requests.csv`, 'utf8').split(
      '\n',
    );
    for (const code of ['KZ', 'RU', 'TR', 'IN', 'DE', 'FR', 'AU', 'BR', 'US', 'GB']) {
      const line = lines.find((l) => l.split(',')[2] === code)!;
      expect(googleCountryName(code), code).toBe(line.split(',')[1]);
    }
  });

  it('Meta’s numbers: thousands separators, whole percentages with their sign', () => {
    expect(metaNumber(4789)).toBe('4,789');
    expect(metaNumber(12)).toBe('12');
    expect(metaPercent(22865, 45275)).toBe('51%');
    expect(metaPercent(0, 0)).toBe('0%');
    expect(csvLine(['India', metaNumber(4789), metaPercent(1, 2)])).toBe('India,"4,789",50%');
  });
});

const record = (overrides: Partial<PublicRecord> = {}): PublicRecord => ({
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
  items: [
    {
      position: 1,
      targetKind: 'url',
      target: 'https://video.example/watch/[redacted]',
      product: 'Video',
      outcome: 'removed_legal',
      reason: 'Defamation',
      scope: ['KZ', 'DE'],
    },
    {
      position: 2,
      targetKind: 'account',
      target: '@[redacted]',
      product: 'Profiles',
      outcome: 'removed_policy',
      reason: 'Government Criticism',
      scope: null,
    },
    {
      position: 3,
      targetKind: 'url',
      target: 'https://video.example/watch/x',
      product: 'Video',
      outcome: 'no_action',
      reason: 'Government Criticism',
      scope: null,
    },
  ],
  accounts: null,
  summary: 'Видео с критикой акима области.',
  publicInterest: false,
  caseStudy: null,
  courtChallenge: false,
  concernsChild: false,
  correctionNote: null,
  ...overrides,
});

describe('DSA statements of reasons', () => {
  it('one per restricted item, each valid, with a stable puid', () => {
    const statements = statementsOf(record());
    expect(statements.map((s) => s.puid)).toEqual(['writ-WR-000042-1', 'writ-WR-000042-2']);
    for (const s of statements) expect(validateStatement(s)).toEqual([]);
    expect(statements[0]).toMatchObject({
      decision_ground: 'DECISION_GROUND_ILLEGAL_CONTENT',
      category: 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH',
      category_specification: ['KEYWORD_DEFAMATION'],
      territorial_scope: ['DE'],
      content_type: ['CONTENT_TYPE_VIDEO'],
      content_language: 'RU',
    });
    expect(statements[1]).toMatchObject({
      decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
      category_specification: ['KEYWORD_OTHER'],
      category_specification_other: 'Government Criticism',
      content_type: ['CONTENT_TYPE_OTHER'],
      content_type_other: 'Profiles',
    });
    expect(statementsOf(record())).toEqual(statements);
    expect(puidOf('WR-1', 7)).toMatch(/^[a-zA-Z0-9\-_]+$/);
  });

  it('the validator refuses what the Transparency Database refuses, naming the field', () => {
    const valid = statementsOf(record())[0]!;
    const errorsOf = (change: Record<string, unknown>) => validateStatement({ ...valid, ...change }).map((e) => e.field);
    expect(errorsOf({ decision_visibility: undefined })).toEqual(['decision_visibility']);
    expect(errorsOf({ decision_visibility: ['DECISION_VISIBILITY_OTHER'] })).toEqual(['decision_visibility_other']);
    expect(errorsOf({ category: 'STATEMENT_CATEGORY_NOT_SPECIFIED_ORDER' })).toEqual(['category']);
    expect(errorsOf({ category_specification: ['KEYWORD_DANGEROUS_TOYS'] })).toEqual(['category_specification']);
    expect(errorsOf({ illegal_content_legal_ground: undefined })).toEqual(['illegal_content_legal_ground']);
    expect(errorsOf({ illegal_content_explanation: 'x'.repeat(2001) })).toEqual(['illegal_content_explanation']);
    expect(errorsOf({ decision_ground: 'DECISION_GROUND_INCOMPATIBLE_CONTENT' })).toEqual([
      'incompatible_content_ground',
      'incompatible_content_explanation',
    ]);
    expect(errorsOf({ content_type: ['CONTENT_TYPE_OTHER'] })).toEqual(['content_type_other']);
    expect(errorsOf({ content_type: [] })).toEqual(['content_type']);
    expect(errorsOf({ content_date: '1999-12-31' })).toEqual(['content_date']);
    expect(errorsOf({ application_date: '2019-12-31' })).toEqual(['application_date']);
    expect(errorsOf({ territorial_scope: ['KZ'] })).toEqual(['territorial_scope']);
    expect(errorsOf({ decision_facts: 'x'.repeat(5001) })).toEqual(['decision_facts']);
    expect(errorsOf({ source_type: 'SOURCE_ORDER' })).toEqual(['source_type']);
    expect(errorsOf({ automated_detection: 'yes' })).toEqual(['automated_detection']);
    expect(errorsOf({ automated_decision: undefined })).toEqual(['automated_decision']);
    expect(errorsOf({ puid: 'writ WR/1' })).toEqual(['puid']);
    expect(errorsOf({ puid: 'x'.repeat(501) })).toEqual(['puid']);
    expect(errorsOf({ content_language: 'ru' })).toEqual(['content_language']);
  });

  it('batches of at most 100', () => {
    const many = Array.from({ length: 250 }, (_, n) => ({ puid: `p${n}` }) as Statement);
    expect(batches(many).map((b) => b.length)).toEqual([100, 100, 50]);
    expect(batches([])).toEqual([]);
  });

  it('a data order and unrestricted items give no statement', () => {
    expect(statementsOf(record({ kind: 'user_data', items: [] }))).toEqual([]);
    expect(statementsOf(record({ items: [record().items[2]!] }))).toEqual([]);
  });
});

describe('Lumen notices', () => {
  /** Every word of every string the notice holds. */
  const wordsOf = (value: unknown): string[] =>
    typeof value === 'number'
      ? [String(value)]
      : typeof value === 'string'
        ? value.split(/[\s,.;:()]+/).filter(Boolean)
        : Array.isArray(value)
          ? value.flatMap(wordsOf)
          : value && typeof value === 'object'
            ? Object.values(value).flatMap(wordsOf)
            : [];

  it('hold nothing that is not in the public record (bar the words that frame it)', () => {
    const r = record();
    const notice = lumenNotice(r);
    const allowed = new Set([
      ...wordsOf(r),
      ...wordsOf(Object.keys(r)),
      'order',
      'withheld',
      'undecided',
      'organization',
      'sender',
    ]);
    allowed.add('GovernmentRequest');
    allowed.add('Partial');
    for (const word of wordsOf(notice)) expect(allowed.has(word), word).toBe(true);
    expect(notice.notice).toMatchObject({ type: 'GovernmentRequest', action_taken: 'Partial', case_id_number: 'WR-000042' });
  });

  it('a withheld target (the order concerns a child) is never listed', () => {
    const r = record({
      concernsChild: true,
      items: record().items.map((i) => ({ ...i, target: null })),
    });
    const notice = lumenNotice(r);
    expect(notice.notice.works_attributes.flatMap((w) => w.infringing_urls_attributes)).toEqual([]);
    expect(JSON.stringify(notice)).not.toContain('video.example');
  });
});
