/**
 * Edges of what is published and produced: the public record's URL targets (scheme, credentials,
 * host), child orders, joined texts, search text and facets; the user-data report's mapping to the
 * columns of Meta's published files; a production package's names, limits and zip.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { emptyDataReportCounts, metaColumns } from '../../src/domain/data-report.js';
import { WritError } from '../../src/domain/errors.js';
import {
  buildManifest,
  buildPackage,
  checkProducedFiles,
  packageFileName,
  producedAccounts,
  producedFileName,
  uniqueFileNames,
} from '../../src/domain/production-package.js';
import { facetsOf, type PublicRecord, searchTextOf } from '../../src/domain/public-record.js';
import {
  citationOf,
  type PublishableItem,
  type PublishableOrder,
  proposeRedactions,
  type RedactionChoices,
  renderPublicRecord,
  type StoredRedaction,
  summaryTextOf,
} from '../../src/domain/public-record-render.js';
import { sharedData } from '../support/shared-data.js';

const meta = { version: 1, publishedAt: new Date('2026-03-20T10:00:00Z'), correctionNote: null };
const noChoices: RedactionChoices = { redactions: [], markedNames: [], concernsChild: false };
const item = (
  position: number,
  targetKind: PublishableItem['targetKind'],
  target: string,
  decision = null as PublishableItem['decision'],
) => ({ position, targetKind, target, product: 'Video', decision }) satisfies PublishableItem;
const decided = (publicSummary: string | null, publicInterest = false): PublishableItem['decision'] => ({
  outcome: 'no_action',
  reason: 'Defamation',
  scopeCountries: null,
  publicSummary,
  publicInterest,
  caseStudy: null,
});
const order = (items: PublishableItem[], over: Partial<PublishableOrder> = {}): PublishableOrder => ({
  reference: 'WR-000123',
  kind: 'content_removal',
  authority: { name: 'Ministry of Information', kind: 'communications_regulator', country: 'KZ' },
  regime: null,
  legalBasis: 'Law on Online Platforms, Art. 19',
  receivedAt: new Date('2026-03-10T00:00:00Z'),
  decidedAt: new Date('2026-03-11T00:00:00Z'),
  language: 'ru',
  category: null,
  claimedCategories: [],
  items,
  accounts: null,
  courtChallenge: false,
  nonDisclosureUntil: null,
  ...over,
});

describe('a public record', () => {
  /** The target of a one-item order whose `target:1` field has `spans` chosen. */
  const shown = (targetKind: PublishableItem['targetKind'], target: string, spans: [number, number][] = []) =>
    renderPublicRecord(
      order([item(1, targetKind, target)]),
      { ...noChoices, redactions: spans.map(([start, end]) => ({ field: 'target:1', start, end, kind: 'manual' })) },
      meta,
    ).items[0]!.target;

  it.each([
    // https://user@video.example/p: credentials 8–13, host 13–26, path from 26.
    ['https://user@video.example/p', [], 'https://video.example/p'],
    ['https://user@video.example/p', [[8, 12]], 'https://video.example/p'],
    ['https://user@video.example/p', [[8, 13]], 'https://video.example/p'],
    ['https://user@video.example/p', [[26, 28]], 'https://video.example[redacted]'],
    ['https://user@video.example/p', [[13, 26]], 'https://[redacted]/p'],
    ['https://user@video.example/p', [[15, 20]], 'https://[redacted]/p'],
    ['https://user@video.example/p', [[25, 28]], 'https://[redacted][redacted]'],
    ['https://@video.example/p', [], 'https://video.example/p'],
    ['see https://video.example/p', [], 'see https://video.example/p'],
  ] as [string, [number, number][], string][])('shows the URL target %s with spans %j as %s', (target, spans, expected) => {
    expect(shown('url', target, spans)).toBe(expected);
  });

  it('shows a content id as it is, even one that looks like a URL with credentials', () => {
    expect(shown('content_id', 'tg://ivan@mail.kz/x')).toBe('tg://ivan@mail.kz/x');
    expect(shown('account', 'ivan')).toBe('[account]');
  });

  it('proposes in a URL only after the host, except marked names; in a content id everywhere', () => {
    const o = order([
      item(1, 'content_id', 'tg://ivan.petrov@mail.kz'),
      item(2, 'url', 'https://ivan.petrov@mail.kz@video.example/p?m=ivan.petrov@mail.kz'),
      item(3, 'url', 'https://ivanov.blog.example/p'),
    ]);
    expect(proposeRedactions(o, ['Ivanov']).filter((p) => p.field.startsWith('target:'))).toEqual([
      { field: 'target:1', start: 5, end: 24, kind: 'email' },
      { field: 'target:2', start: 46, end: 65, kind: 'email' },
      { field: 'target:3', start: 8, end: 14, kind: 'name' },
    ] satisfies StoredRedaction[]);
  });

  it("withholds a child order's legal basis as [withheld]", () => {
    const o = order([item(1, 'url', 'https://video.example/p')], { category: 'child_cyberbullying' });
    expect(renderPublicRecord(o, noChoices, meta).legalBasis).toBe('[withheld]');
  });

  it('joins only summaries with text: empty or blank ones count as none', () => {
    expect(summaryTextOf(order([item(1, 'url', 'u', decided('')), item(2, 'url', 'v', decided('  \n'))]))).toBeNull();
    expect(summaryTextOf(order([item(1, 'url', 'u', decided(' A ')), item(2, 'url', 'v', decided(''))]))).toBe(' A ');
  });

  it.each([
    [[false, false], false],
    [[true, true], true],
    [[false, true], true],
    [[], false],
  ])('is of public interest when any decision says so: %j → %s', (flags, expected) => {
    const items = flags.map((flag, n) => item(n + 1, 'url', 'u', decided(null, flag)));
    expect(renderPublicRecord(order([...items, item(9, 'url', 'w')]), noChoices, meta).publicInterest).toBe(expected);
  });

  it('is cited at the site URL without its trailing slashes', () => {
    const record = renderPublicRecord(order([]), noChoices, meta);
    expect(citationOf(record, 'https://t.example//')).toMatch(/\. https:\/\/t\.example\/records\/WR-000123$/);
  });

  const record = (items: Partial<PublicRecord['items'][number]>[]): PublicRecord => ({
    ...renderPublicRecord(order([]), noChoices, meta),
    regime: { id: 'kz', name: 'Online platforms law' },
    summary: null,
    caseStudy: '',
    items: items.map((i, n) => ({
      position: n + 1,
      targetKind: 'url',
      target: null,
      product: 'Video',
      outcome: null,
      reason: null,
      scope: null,
      ...i,
    })),
  });

  it('is searched by its id, authority, regime, legal basis, texts and items, blank parts left out', () => {
    const r = record([{ target: 'https://a.example', reason: 'Fraud' }, { product: 'Posts' }]);
    expect(searchTextOf(r)).toBe(
      [
        'WR-000123',
        'Ministry of Information',
        'Online platforms law',
        'Law on Online Platforms, Art. 19',
        'https://a.example',
        'Video',
        'Fraud',
        'Posts',
      ].join('\n'),
    );
  });

  it('is counted under its distinct reasons and outcomes, sorted, undecided items left out', () => {
    const r = record([
      { reason: 'Fraud', outcome: 'removed_legal' },
      { reason: null, outcome: null },
      { reason: 'Defamation', outcome: 'no_action' },
      { reason: 'Fraud', outcome: 'removed_legal' },
    ]);
    expect(facetsOf(r)).toEqual({ reasons: ['Defamation', 'Fraud'], outcomes: ['no_action', 'removed_legal'] });
    expect(facetsOf(record([]))).toEqual({ reasons: [], outcomes: [] });
  });
});

describe("the user-data report's columns", () => {
  it('starts with no demo data', () => {
    expect(emptyDataReportCounts().containsDemoData).toBe(false);
  });

  it("maps each figure to Meta's layout C column, or says why there is none", () => {
    const table = Object.fromEntries(metaColumns.map((m) => [m.figure, m.note ? [m.meta, m.note] : m.meta]));
    const process = (columns: string[] | null) => ({
      requests: columns,
      accounts: columns ? columns.map((c) => `${c} Accounts`) : null,
      someDataProduced: [null, 'Meta publishes only the percentage per process'],
      percent: columns ? columns.map((c) => `${c} Percentage`) : null,
    });
    const byProcess = {
      search_warrant: process(['Search Warrant']),
      subpoena: process(['Subpoena']),
      court_order: process(['Court Order (Other)']),
      mlat_request: process(['MLAT Search Warrant', 'MLAT Order']),
      other: process(null),
    };
    expect(table).toEqual({
      totalRequests: ['Total Requests'],
      requestsSomeDataProduced: ['Number of Requests Where Some Data Produced'],
      totalAccounts: ['Total Requests Accounts'],
      percentSomeDataProduced: ['Total Requests Percentage'],
      'legalProcess.requests': ['Legal Process Request Total'],
      'legalProcess.someDataProduced': ['Legal Number of Requests Where Some Data Produced'],
      'legalProcess.accounts': ['Legal Process Request Total Accounts'],
      'legalProcess.percent': ['Legal Process Request Total Percentage'],
      'emergency.requests': ['Emergency Request Total'],
      'emergency.someDataProduced': ['ER Number of Requests Where Some Data Produced'],
      'emergency.accounts': ['Emergency Request Total Accounts'],
      'emergency.percent': ['Emergency Request Total Percentage'],
      ...Object.fromEntries(
        Object.entries(byProcess).flatMap(([p, figures]) => Object.entries(figures).map(([f, v]) => [`byProcess.${p}.${f}`, v])),
      ),
      preservationRequests: ['Preservation Requests'],
      preservationAccountsPreserved: ['Preservation Accounts Preserved'],
      'nonDisclosure.requests': [null, 'Meta publishes no count of non-disclosure orders'],
      'nonDisclosure.share': null,
      undecidedRequests: [null, 'Meta reports decided requests only'],
    });
  });

  const folder = join(sharedData ?? '/nonexistent', 'meta-government-requests-2023/government-requests');
  it.skipIf(!existsSync(folder))("names columns found in Meta's published 2023-H2 file", () => {
    const file = readdirSync(folder).find((f) => f.endsWith('2023_H2.csv'))!;
    const header = readFileSync(join(folder, file), 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/, 1)[0]!;
    const columns = header.split(',').map((c) => c.trim());
    for (const column of metaColumns.flatMap((m) => m.meta ?? [])) expect(columns, column).toContain(column);
  });
});

describe('a production package', () => {
  const bytes = (n: number) => new Uint8Array(n).fill(65);
  const failure = (run: () => unknown) => {
    try {
      run();
    } catch (e) {
      return e instanceof WritError ? `${e.code}:${e.field}` : 'other';
    }
    return 'none';
  };

  it('is named after the order and its count, and its files keep at most 150 characters, trimmed', () => {
    expect(packageFileName('WR-000042', 3)).toBe('WR-000042-production-3.zip');
    expect(producedFileName(null)).toBe('file');
    expect(producedFileName(`${'a'.repeat(200)}.csv`)).toBe('a'.repeat(150));
    expect(producedFileName(`${'a'.repeat(149)} b.csv`)).toBe('a'.repeat(149));
    expect(producedFileName('  ..report.csv  ')).toBe('report.csv');
  });

  it('tells apart names that are all extension, and names without one', () => {
    expect(uniqueFileNames(['.env', '.ENV', 'notes', 'Notes'])).toEqual(['.env', '.ENV (2)', 'notes', 'Notes (2)']);
  });

  it('refuses files by field, and takes a file of exactly the largest size', () => {
    const limits = { maxFiles: 2, maxFileBytes: 10, maxTotalBytes: 15 };
    const file = (name: string, n: number) => ({ name, bytes: bytes(n) });
    expect(failure(() => checkProducedFiles([], limits))).toBe('validation_failed:files');
    expect(failure(() => checkProducedFiles([file('a', 1), file('b', 1), file('c', 1)], limits))).toBe('validation_failed:files');
    expect(failure(() => checkProducedFiles([file('a', 1), file('b', 0)], limits))).toBe('validation_failed:files[1]');
    expect(failure(() => checkProducedFiles([file('a', 1), file('b', 11)], limits))).toBe('payload_too_large:files[1]');
    expect(failure(() => checkProducedFiles([file('a', 8), file('b', 8)], limits))).toBe('payload_too_large:files');
    expect(checkProducedFiles([file('a', 10)], limits).map((f) => f.bytes.length)).toEqual([10]);
  });

  it('lists the categories produced for each account', () => {
    const account = { identifierKind: 'username' as const, identifier: 'a', extent: 'some' as const };
    expect(producedAccounts([{ ...account, producedCategories: ['subscriber_information'] }])).toEqual([
      { ...account, producedCategories: ['subscriber_information'] },
    ]);
  });

  it("dates every zip entry at the production's instant", () => {
    const producedAt = new Date('2026-11-30T10:00:04Z');
    const files = [{ name: 'a.csv', bytes: strToU8('x\n') }];
    const manifest = buildManifest(
      { reference: 'WR-1', authorityReference: null, requestId: 'r', authority: 'A', legalProcess: 'court_order', accounts: [] },
      files,
      producedAt,
      producedAt,
    );
    const { zip } = buildPackage(manifest, files);
    const stamp = new DataView(zip.buffer, zip.byteOffset).getUint32(10, true);
    const at = producedAt;
    expect({ year: (stamp >>> 25) + 1980, month: (stamp >>> 21) & 15, day: (stamp >>> 16) & 31 }).toEqual({
      year: at.getFullYear(),
      month: at.getMonth() + 1,
      day: at.getDate(),
    });
    expect({ hour: (stamp >>> 11) & 31, minute: (stamp >>> 5) & 63, second: (stamp & 31) * 2 }).toEqual({
      hour: at.getHours(),
      minute: at.getMinutes(),
      second: at.getSeconds(),
    });
  });
});
