/**
 * The public request database over the real app and PostgreSQL (issue 13): full-text search in
 * Russian (morphology), English (stemming) and Kazakh (exact words through `simple`); facet counts
 * against a GROUP BY over the same rows and against counts worked out here by the faceted-search
 * rule; filters combining; withdrawn records out of search and answering 410 with their tombstone;
 * unknown ids 404; bad queries 400 with the field; browsing counts following new publications.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTombstone } from '../../src/db/public-record-writes.js';
import type { PublicRecord } from '../../src/domain/public-record.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { samplePublicRecord, seedPublishedRecord } from '../support/publishing.js';

let t: TestApp;
const now = new Date('2026-11-30T12:00:00Z');

type Search = {
  total: number;
  page: number;
  pageSize: number;
  records: PublicRecord[];
  facets: Record<string, { value: string; count: number }[]>;
};

async function search(query: string): Promise<Search> {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/public/records?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Search;
}

const item = (over: Partial<PublicRecord['items'][number]> = {}): PublicRecord['items'][number] => ({
  position: 1,
  targetKind: 'url',
  target: 'https://example.org/[redacted]',
  product: 'Video',
  outcome: 'no_action',
  reason: 'Government Criticism',
  scope: null,
  ...over,
});

/** The records seeded: ids are the orders' references, so they are remembered by a key. */
const seeded = new Map<string, PublicRecord>();

const fixtures: Record<string, PublicRecord> = {
  ruCriticism: samplePublicRecord({
    summary: 'Видео с критикой акима области; платформа не приняла мер.',
    publishedAt: '2026-03-20T10:00:00.000Z',
  }),
  enRemoval: samplePublicRecord({
    country: 'RU',
    authority: { name: 'Roskomnadzor', kind: 'communications_regulator' },
    regime: null,
    language: 'en',
    legalBasis: 'Federal Law 149-FZ, Art. 15.3',
    summary: 'The regulator demanded removing several posts about protests.',
    period: '2025-H2',
    decidedOn: '2025-10-02',
    publishedAt: '2025-10-10T10:00:00.000Z',
    items: [
      item({ outcome: 'removed_legal', reason: 'National Security', scope: ['RU'] }),
      item({ position: 2, outcome: 'no_action', reason: 'Government Criticism' }),
    ],
  }),
  kkBlogger: samplePublicRecord({
    language: 'kk',
    authority: { name: 'Ақпарат министрлігі', kind: 'police' },
    summary: 'Блогердің жазбасы туралы талап; платформа әрекет жасамады.',
    period: '2025-H2',
    decidedOn: '2025-11-01',
    publishedAt: '2025-11-05T10:00:00.000Z',
    items: [item({ outcome: 'content_not_found', reason: 'Defamation' })],
  }),
  trCourt: samplePublicRecord({
    country: 'TR',
    authority: { name: 'Ankara Criminal Judgeship of Peace', kind: 'court' },
    regime: null,
    language: 'tr',
    legalBasis: 'Law 5651, Art. 8/A',
    summary: 'A court ordered the removal of a video criticising the government.',
    period: '2026-H1',
    publishedAt: '2026-04-01T10:00:00.000Z',
    items: [item({ outcome: 'removed_legal', reason: 'Government Criticism', scope: ['TR'] })],
  }),
  kzDefamation: samplePublicRecord({
    authority: { name: 'Almaty district court', kind: 'court' },
    summary: 'Решение суда о клевете в отношении депутата.',
    period: '2026-H1',
    publishedAt: '2026-05-01T10:00:00.000Z',
    items: [item({ outcome: 'removed_legal', reason: 'Defamation', scope: ['KZ'] })],
  }),
  withdrawn: samplePublicRecord({
    summary: 'Запись о критикой министра, позже отозванная.',
    publishedAt: '2026-02-01T10:00:00.000Z',
  }),
};

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  for (const [key, record] of Object.entries(fixtures)) seeded.set(key, (await seedPublishedRecord(t, record)).record);
  const withdrawn = seeded.get('withdrawn')!;
  await t.database.db.transaction((tx) =>
    writeTombstone(tx, {
      tombstone: { id: withdrawn.id, version: 2, withdrawnAt: '2026-06-01T00:00:00.000Z', reason: 'Published in error.' },
      at: new Date('2026-06-01T00:00:00.000Z'),
    }),
  );
}, 60_000);
afterAll(async () => t?.close());

const ids = (s: Search) => s.records.map((r) => r.id).sort();
const idOf = (key: string) => seeded.get(key)!.id;

describe('full-text search', () => {
  it('finds Russian words in other forms (критика finds критикой)', async () => {
    const found = await search(`q=${encodeURIComponent('критика')}`);
    expect(ids(found)).toEqual([idOf('ruCriticism')]);
  });

  it('stems English words (removal finds removing and removal)', async () => {
    const found = await search('q=removal');
    expect(ids(found)).toEqual([idOf('enRemoval'), idOf('trCourt')].sort());
    const phrase = await search(`q=${encodeURIComponent('protest')}`);
    expect(ids(phrase)).toEqual([idOf('enRemoval')]);
  });

  it('finds Kazakh words as written (simple)', async () => {
    expect(ids(await search(`q=${encodeURIComponent('блогердің')}`))).toEqual([idOf('kkBlogger')]);
    expect(ids(await search(`q=${encodeURIComponent('жазбасы')}`))).toEqual([idOf('kkBlogger')]);
  });

  it('finds a record by its id and authority, and nothing for absent words', async () => {
    expect(ids(await search(`q=${encodeURIComponent(idOf('trCourt'))}`))).toContain(idOf('trCourt'));
    expect(ids(await search('q=Roskomnadzor'))).toEqual([idOf('enRemoval')]);
    const none = await search('q=zeppelin');
    expect(none.total).toBe(0);
    expect(none.records).toEqual([]);
    expect(none.facets.country).toEqual([]);
  });

  it('without words lists every published record, newest first, paged', async () => {
    const all = await search('pageSize=2');
    expect(all.total).toBe(5);
    expect(all.records.map((r) => r.id)).toEqual([idOf('kzDefamation'), idOf('trCourt')]);
    const third = await search('pageSize=2&page=3');
    expect(third.records.map((r) => r.id)).toEqual([idOf('enRemoval')]);
  });
});

describe('facets', () => {
  it('count like a GROUP BY over the same rows', async () => {
    const all = await search('');
    const db = t.database.db;
    const grouped = async (expr: string) =>
      (
        await db.execute<{ value: string; n: number }>(
          sql.raw(`SELECT ${expr} AS value, count(*)::int AS n FROM public_records WHERE withdrawn_at IS NULL GROUP BY 1`),
        )
      ).rows
        .filter((r) => r.value !== null)
        .map((r) => ({ value: r.value, count: r.n }))
        .sort((a, b) => a.value.localeCompare(b.value));
    const sorted = (xs: { value: string; count: number }[]) => [...xs].sort((a, b) => a.value.localeCompare(b.value));
    expect(sorted(all.facets.country!)).toEqual(await grouped('country::text'));
    expect(sorted(all.facets.authorityKind!)).toEqual(await grouped('authority_kind::text'));
    expect(sorted(all.facets.regime!)).toEqual(await grouped('regime_id'));
    expect(sorted(all.facets.reason!)).toEqual(await grouped('unnest(reasons)'));
    expect(sorted(all.facets.outcome!)).toEqual(await grouped('unnest(outcomes)'));
    expect(sorted(all.facets.period!)).toEqual(await grouped('period'));
    expect(all.facets.country).toEqual([
      { value: 'KZ', count: 3 },
      { value: 'RU', count: 1 },
      { value: 'TR', count: 1 },
    ]);
  });

  it('count each facet over the other facets’ filters (worked out here from the records)', async () => {
    const live = [...seeded.entries()].filter(([key]) => key !== 'withdrawn').map(([, r]) => r);
    const filters = { country: ['KZ', 'TR'], reason: ['Defamation'] as string[], period: ['2026-H1'] };
    const facetValues: Record<string, (r: PublicRecord) => string[]> = {
      country: (r) => [r.country],
      reason: (r) => [...new Set(r.items.map((i) => i.reason).filter((x): x is NonNullable<typeof x> => x !== null))],
      period: (r) => [r.period],
      outcome: (r) => [...new Set(r.items.map((i) => i.outcome).filter((x): x is NonNullable<typeof x> => x !== null))],
    };
    const passes = (r: PublicRecord, except: string | null) =>
      Object.entries(filters).every(([name, values]) => name === except || facetValues[name]!(r).some((v) => values.includes(v)));
    const expected = (name: string) => {
      const counts = new Map<string, number>();
      for (const r of live.filter((r) => passes(r, name)))
        for (const v of facetValues[name]!(r)) counts.set(v, (counts.get(v) ?? 0) + 1);
      return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => a.value.localeCompare(b.value));
    };
    const found = await search('country=KZ&country=TR&reason=Defamation&period=2026-H1');
    const sorted = (xs: { value: string; count: number }[]) => [...xs].sort((a, b) => a.value.localeCompare(b.value));
    for (const name of ['country', 'reason', 'period', 'outcome'])
      expect(sorted(found.facets[name]!), name).toEqual(expected(name));
    expect(ids(found)).toEqual([idOf('kzDefamation')]);
    expect(found.total).toBe(1);
    // Ticking Defamation leaves Government Criticism countable (its own filter does not apply to it).
    expect(found.facets.reason).toContainEqual({ value: 'Government Criticism', count: 2 });
  });

  it('filters combine: several values of one facet any, several facets all; comma lists too', async () => {
    expect(ids(await search('country=RU,TR'))).toEqual([idOf('enRemoval'), idOf('trCourt')].sort());
    expect(ids(await search('country=RU&country=TR&outcome=removed_legal&authorityKind=court'))).toEqual([idOf('trCourt')]);
    expect(ids(await search(`reason=${encodeURIComponent('Government Criticism')}&period=2025-H2`))).toEqual([idOf('enRemoval')]);
    expect(ids(await search('regime=kz-2022-child-cyberbullying&country=kz'))).toEqual(
      [idOf('ruCriticism'), idOf('kkBlogger'), idOf('kzDefamation')].sort(),
    );
    const withWords = await search(`q=${encodeURIComponent('суд')}&country=KZ`);
    expect(ids(withWords)).toEqual([idOf('kzDefamation')]);
  });

  it('browsing counts follow a new publication', async () => {
    const before = await search('country=TR');
    expect(before.total).toBe(1);
    const extra = await seedPublishedRecord(
      t,
      samplePublicRecord({ country: 'TR', regime: null, publishedAt: '2026-06-10T00:00:00.000Z', summary: 'Another order.' }),
    );
    try {
      const after = await search('country=TR');
      expect(after.total).toBe(2);
      expect(after.facets.country).toContainEqual({ value: 'TR', count: 2 });
    } finally {
      await t.database.db.transaction((tx) =>
        writeTombstone(tx, {
          tombstone: { id: extra.record.id, version: 2, withdrawnAt: '2026-06-11T00:00:00.000Z', reason: 'Test record.' },
          at: new Date('2026-06-11T00:00:00.000Z'),
        }),
      );
    }
    expect((await search('country=TR')).total).toBe(1);
  });
});

describe('withdrawn and unknown records', () => {
  it('a withdrawn record is out of search and facets', async () => {
    const found = await search(`q=${encodeURIComponent('министра')}`);
    expect(found.total).toBe(0);
    expect(ids(await search(''))).not.toContain(idOf('withdrawn'));
  });

  it('a withdrawn record answers 410 Gone with its tombstone', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/public/records/${idOf('withdrawn')}` });
    expect(response.statusCode).toBe(410);
    expect(response.json()).toEqual({
      status: 'withdrawn',
      tombstone: { id: idOf('withdrawn'), version: 2, withdrawnAt: '2026-06-01T00:00:00.000Z', reason: 'Published in error.' },
    });
    expect(response.body).not.toContain('министра');
  });

  it('a published record answers 200 with the record and a citation naming its URL', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/public/records/${idOf('trCourt')}` });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { status: string; record: PublicRecord; citation: string };
    expect(body.status).toBe('published');
    expect(body.record).toEqual(seeded.get('trCourt'));
    expect(body.citation).toContain(`/records/${idOf('trCourt')}`);
    expect(body.citation).toContain('Ankara Criminal Judgeship of Peace');
  });

  it('an id never published is 404', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/public/records/WR-999999' });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('not_found');
  });
});

describe('bad queries', () => {
  it.each([
    ['reason=Nonsense', 'reason'],
    ['outcome=deleted', 'outcome'],
    ['authorityKind=army', 'authorityKind'],
    ['country=XX', 'country'],
    ['period=2025', 'period'],
    ['page=0', 'page'],
    ['pageSize=1000', 'pageSize'],
    [`q=${'a'.repeat(201)}`, 'q'],
  ])('%s is 400 naming %s', async (query, field) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/public/records?${query}` });
    expect(response.statusCode).toBe(400);
    const problem = response.json() as { code: string; field: string };
    expect(problem.code).toBe('validation_failed');
    expect(problem.field.split('/')[0]).toBe(field);
  });

  it('words with search syntax and stray characters are no error', async () => {
    for (const q of ['"критикой акима"', 'court -removal', 'a & b | !c', "O'Brien <script>", ':*']) {
      const response = await t.app.inject({ method: 'GET', url: `/api/v1/public/records?q=${encodeURIComponent(q)}` });
      expect(response.statusCode, q).toBe(200);
    }
    expect(ids(await search(`q=${encodeURIComponent('"критикой акима"')}`))).toEqual([idOf('ruCriticism')]);
  });
});
