/**
 * The search figure (issue 13): full-text search with facets over the public request database at
 * 1 M published records (`--search-records`), p95 ≤ 50 ms, beside a plain `ILIKE '%word%'` scan as
 * its baseline (the same queries, the same facet counting, the same page of 20).
 *
 * Data: `public_records` rows made by `INSERT … SELECT generate_series` in batches, every choice a
 * hash of the row number and the bench's seed (so every run loads the same rows): 20 countries (KZ,
 * RU, TR, IN most), their authorities, ten half-years (more in later ones), one or two reasons and
 * outcomes per record, summaries of three fragments out of Russian, English and Kazakh sentences
 * about orders, their legal bases; about 0.5% withdrawn. The tsvector is the table's own generated
 * column, so loading costs what publishing costs. Foreign keys are not checked while loading
 * (`session_replication_role = replica`): these rows have no publication behind them.
 */
import { type SQL, sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Db } from '../src/db/connection.js';
import type { RecordSearchResult } from '../src/db/public-records-repository.js';
import {
  collectFacets,
  facetCountsStatement,
  facetFilter,
  facetNames,
  type RecordSearchQuery,
  recordSearchQuery,
} from '../src/db/public-records-search.js';
import type { PublicRecord } from '../src/domain/public-record.js';
import type { WritClient } from './http.js';
import { count, progress, step } from './progress.js';
import { atMost, type Figure } from './report.js';
import { repeat } from './stats.js';

const countries = [
  ['KZ', 18],
  ['RU', 16],
  ['TR', 12],
  ['IN', 10],
  ['BR', 6],
  ['DE', 5],
  ['FR', 4],
  ['GB', 4],
  ['US', 4],
  ['UA', 3],
  ['UZ', 3],
  ['KG', 2],
  ['PK', 2],
  ['ID', 2],
  ['VN', 2],
  ['TH', 1],
  ['MX', 1],
  ['KR', 1],
  ['JP', 1],
  ['AZ', 1],
] as const;
const authorityKinds = [
  ['communications_regulator', 30],
  ['court', 25],
  ['police', 15],
  ['prosecutor', 12],
  ['other_executive', 10],
  ['data_protection_authority', 4],
  ['legislature', 2],
  ['other', 2],
] as const;
const reasons = [
  ['Government Criticism', 20],
  ['Defamation', 18],
  ['National Security', 10],
  ['Privacy and Security', 8],
  ['Hate Speech', 6],
  ['Religious Offense', 5],
  ['Drug Abuse', 5],
  ['Fraud', 4],
  ['Copyright', 4],
  ['Electoral Law', 4],
  ['Obscenity/Nudity', 3],
  ['Violence', 3],
  ['Bullying/Harassment', 3],
  ['Regulated Goods and Services', 2],
  ['Impersonation', 2],
  ['Adult Content', 1],
  ['Suicide Promotion', 1],
  ['Other', 1],
] as const;
const outcomes = [
  ['removed_legal', 35],
  ['no_action', 25],
  ['removed_policy', 15],
  ['content_not_found', 10],
  ['not_enough_information', 10],
  ['content_already_removed', 5],
] as const;
const periods = [
  ['2020-H1', 3],
  ['2020-H2', 4],
  ['2021-H1', 5],
  ['2021-H2', 6],
  ['2022-H1', 8],
  ['2022-H2', 9],
  ['2023-H1', 11],
  ['2023-H2', 13],
  ['2024-H1', 15],
  ['2024-H2', 16],
] as const;
const authorityNames = [
  'Ministry of Information and Social Development',
  'Министерство культуры и информации',
  'Ақпарат және қоғамдық даму министрлігі',
  'Генеральная прокуратура',
  'Роскомнадзор',
  'Information and Communication Technologies Authority',
  'Ankara Criminal Judgeship of Peace',
  'Ministry of Electronics and Information Technology',
  'Tribunal Superior Eleitoral',
  'Bundesamt für Justiz',
  'Алматы қалалық соты',
  'Районный суд',
  'Metropolitan Police Service',
  'Министерство внутренних дел',
  'Prosecutor General’s Office',
  'Комитет национальной безопасности',
];
const legalBases = [
  'Law on Online Platforms and Online Advertising, Art. 19',
  'Федеральный закон № 149-ФЗ «Об информации», ст. 15.3',
  'Law 5651, Art. 8/A',
  'Information Technology Act, Section 69A',
  'Уголовный кодекс, ст. 274 (распространение заведомо ложной информации)',
  'Civil Code, Art. 143 (protection of honour and dignity)',
  'Netzwerkdurchsetzungsgesetz § 3',
  'Закон «О средствах массовой информации», ст. 2',
  'Court order No. [redacted]',
  'Қазақстан Республикасының «Бұқаралық ақпарат құралдары туралы» Заңы',
];
const fragments = [
  'Видео с критикой акима области',
  'пост с критикой губернатора о состоянии дорог',
  'публикация о протестах в городе',
  'статья о коррупции в министерстве',
  'требование удалить комментарии о депутате',
  'сообщение о митинге у здания администрации',
  'материалы журналиста о закупках',
  'обвинение в клевете в отношении судьи',
  'призывы к экстремизму в группе',
  'продажа наркотиков через канал',
  'A video criticising the regional governor',
  'posts about the protests in the capital',
  'a blog post alleging corruption in a ministry',
  'comments calling a judge corrupt',
  'a news report about election irregularities',
  'an account impersonating a minister',
  'a page selling counterfeit medicines',
  'satirical images of the president',
  'a documentary about a mining accident',
  'a thread disclosing a politician’s home address',
  'Блогердің әкім туралы жазбасы',
  'шенеуніктерді сынаған бейне',
  'наразылық акциясы туралы хабарлама',
  'депутат туралы пікірлерді жою талабы',
  'сайлау туралы жалған ақпарат',
  'журналистің мемлекеттік сатып алу туралы материалы',
  'the platform took no action',
  'платформа не приняла мер',
  'restricted in the requesting country only',
  'платформа әрекет жасамады',
];
const products = ['Video', 'Posts', 'Blog', 'Comments', 'Maps', 'Channel', 'Profile'];

/** The realistic queries measured: words in the three languages, phrases, and facet filters with them. */
export const searchQueries: { label: string; query: Partial<RecordSearchQuery> & { q: string } }[] = [
  { label: 'критика', query: { q: 'критика' } },
  { label: 'критика, KZ', query: { q: 'критика', country: ['KZ'] } },
  { label: 'протесты, RU, 2024-H2', query: { q: 'протесты', country: ['RU'], period: ['2024-H2'] } },
  { label: 'corruption', query: { q: 'corruption' } },
  { label: '"election irregularities"', query: { q: '"election irregularities"' } },
  { label: 'governor, court', query: { q: 'governor', authorityKind: ['court'] } },
  { label: 'блогердің', query: { q: 'блогердің' } },
  { label: 'сайлау, KZ, Electoral Law', query: { q: 'сайлау', country: ['KZ'], reason: ['Electoral Law'] } },
  { label: 'клевета, Defamation, removed_legal', query: { q: 'клевета', reason: ['Defamation'], outcome: ['removed_legal'] } },
  { label: 'counterfeit medicines', query: { q: 'counterfeit medicines' } },
  { label: 'Роскомнадзор, 2023-H1..2024-H2', query: { q: 'Роскомнадзор', period: ['2023-H1', '2023-H2', '2024-H1', '2024-H2'] } },
  { label: 'mining -video', query: { q: 'mining -video' } },
];

/** A weighted choice in SQL: the value whose cumulative weight band holds `h % total`. */
function weightedPick(choices: readonly (readonly [string, number])[], h: SQL): SQL {
  const total = choices.reduce((n, [, w]) => n + w, 0);
  let upto = 0;
  const cases = choices.map(([value, weight]) => {
    upto += weight;
    return sql`WHEN (${h}) % ${sql.raw(String(total))} < ${sql.raw(String(upto))} THEN ${value}`;
  });
  return sql`(CASE ${sql.join(cases, sql` `)} END)`;
}
const pickFrom = (values: readonly string[], h: SQL) =>
  sql`(ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[])[1 + (${h}) % ${sql.raw(String(values.length))}]`;

/** Loads `records` public records (batches of 50 k), then VACUUM ANALYZE. */
export async function loadPublicRecords(
  db: Db,
  pool: pg.Pool,
  records: number,
  seed: number,
): Promise<{ seconds: number; vacuumSeconds: number }> {
  const t0 = performance.now();
  const h = (salt: string) => sql.raw(`(hashtext('${seed}:${salt}:' || i::text)::bigint & 2147483647)`);
  const batch = 50_000;
  const client = await pool.connect();
  // The secondary indexes are built once after the load (as a restore does), not row by row.
  const indexes = (
    await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'public_records' AND indexname <> 'public_records_pkey'`,
    )
  ).rows;
  try {
    for (const index of indexes) await client.query(`DROP INDEX ${index.indexname}`);
    await client.query('SET session_replication_role = replica');
    for (let start = 1; start <= records; start += batch) {
      const end = Math.min(records, start + batch - 1);
      const statement = sql`
        WITH g AS (
          SELECT i,
                 ${weightedPick(countries, h('country'))} AS country,
                 ${weightedPick(authorityKinds, h('kind'))} AS kind,
                 ${weightedPick(periods, h('period'))} AS period,
                 ${weightedPick(reasons, h('reason1'))} AS reason1,
                 ${weightedPick(reasons, h('reason2'))} AS reason2,
                 ${weightedPick(outcomes, h('outcome1'))} AS outcome1,
                 ${weightedPick(outcomes, h('outcome2'))} AS outcome2,
                 ${pickFrom(authorityNames, h('authority'))} AS authority,
                 ${pickFrom(legalBases, h('basis'))} AS basis,
                 ${pickFrom(fragments, h('f1'))} || '; ' || ${pickFrom(fragments, h('f2'))} || '; ' || ${pickFrom(fragments, h('f3'))} AS summary,
                 ${pickFrom(products, h('product'))} AS product,
                 ${h('two')} % 4 = 0 AS two_items,
                 ${h('regime')} % 3 = 0 AS has_regime,
                 ${h('gone')} % 200 = 0 AS withdrawn,
                 (${h('day')} % 180)::int AS day_offset
          FROM generate_series(${start}::int, ${end}::int) AS i),
        r AS (
          SELECT g.*, 'WR-' || lpad(i::text, 7, '0') AS id,
                 (left(period, 4) || CASE WHEN right(period, 1) = '1' THEN '-01-01' ELSE '-07-01' END)::date + day_offset AS decided,
                 CASE WHEN has_regime THEN lower(country) || '-regime' END AS regime_id,
                 CASE WHEN two_items THEN ARRAY[outcome1, outcome2] ELSE ARRAY[outcome1] END AS outs,
                 CASE WHEN two_items THEN ARRAY[reason1, reason2] ELSE ARRAY[reason1] END AS reas
          FROM g)
        INSERT INTO public_records (public_id, publication_id, version, record, tombstone, country, authority_kind, regime_id,
                                    reasons, outcomes, period, decided_on, published_at, withdrawn_at, search_text, leaf_index)
        SELECT id, gen_random_uuid(), 1,
               jsonb_build_object(
                 'id', id, 'version', 1, 'kind', 'content_removal',
                 'authority', jsonb_build_object('name', authority, 'kind', kind),
                 'country', country,
                 'regime', CASE WHEN has_regime THEN jsonb_build_object('id', regime_id, 'name', country || ' regime') END,
                 'legalBasis', basis, 'receivedOn', (decided - 3)::text, 'decidedOn', decided::text, 'period', period,
                 'publishedAt', to_char((decided + 10)::timestamp, 'YYYY-MM-DD"T"HH24:MI:SS.000"Z"'),
                 'language', 'ru',
                 'items', (SELECT jsonb_agg(jsonb_build_object('position', n, 'targetKind', 'url',
                             'target', 'https://example.org/[redacted]/' || n, 'product', product,
                             'outcome', outs[n], 'reason', reas[n], 'scope', NULL)) FROM generate_subscripts(outs, 1) AS n),
                 'accounts', NULL, 'summary', summary, 'publicInterest', false, 'caseStudy', NULL,
                 'courtChallenge', false, 'concernsChild', false, 'correctionNote', NULL),
               CASE WHEN withdrawn THEN jsonb_build_object('id', id, 'version', 2, 'withdrawnAt', '2025-01-01T00:00:00.000Z', 'reason', 'Bench') END,
               country, kind::authority_kind, regime_id,
               ARRAY(SELECT DISTINCT unnest(reas) ORDER BY 1), ARRAY(SELECT DISTINCT unnest(outs) ORDER BY 1),
               period, decided::text, (decided + 10)::timestamptz,
               CASE WHEN withdrawn THEN timestamptz '2025-01-01' END,
               CASE WHEN withdrawn THEN '' ELSE concat_ws(E'\n', id, authority, basis, summary, product, reason1) END,
               i - 1
        FROM r`;
      const { sql: text, params } = toQuery(db, statement);
      await client.query(text, params);
      progress(`public records: ${count(end)} of ${count(records)}`);
    }
    await client.query('RESET session_replication_role');
    await client.query(`SET maintenance_work_mem = '512MB'`);
    progress(`public records: building ${indexes.length} indexes`);
    for (const index of indexes) await client.query(index.indexdef);
  } finally {
    await client.query('RESET session_replication_role').catch(() => undefined);
    client.release();
  }
  const seconds = (performance.now() - t0) / 1000;
  const v0 = performance.now();
  await pool.query('VACUUM ANALYZE public_records');
  const vacuumSeconds = (performance.now() - v0) / 1000;
  step(`${count(records)} public records loaded in ${seconds.toFixed(0)} s, VACUUM ANALYZE ${vacuumSeconds.toFixed(0)} s`);
  return { seconds, vacuumSeconds };
}

/** Drizzle's SQL text and parameters of a statement (to run it on a client of our own). */
function toQuery(db: Db, statement: SQL): { sql: string; params: unknown[] } {
  return (db as unknown as { dialect: { sqlToQuery(s: SQL): { sql: string; params: unknown[] } } }).dialect.sqlToQuery(statement);
}

/** The baseline: every word as `search_text ILIKE '%word%'` (all of them), no ranking, newest first. */
function ilikeMatch(q: string): SQL {
  const words = q
    .replace(/"/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !w.startsWith('-') && w.toLowerCase() !== 'or');
  const escaped = words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  return sql.join(
    escaped.map((p) => sql`search_text ILIKE ${p}`),
    sql` AND `,
  );
}

async function ilikeSearch(db: Db, query: RecordSearchQuery): Promise<RecordSearchResult> {
  const match = ilikeMatch(query.q);
  // The repository's own facet filters on the columns (no index for the baseline beyond what they use).
  const filters = facetNames.flatMap((name) => facetFilter(name, query[name]) ?? []);
  const where = sql.join([sql`withdrawn_at IS NULL`, match, ...filters], sql` AND `);
  const [page, facets] = await Promise.all([
    db.execute<{ record: PublicRecord }>(
      sql`SELECT record FROM public_records WHERE ${where} ORDER BY published_at DESC, public_id DESC LIMIT ${query.pageSize}`,
    ),
    db.execute<{ facet: string; value: string | null; n: number }>(facetCountsStatement(query, match)),
  ]);
  const counted = collectFacets(facets.rows);
  return {
    total: counted.total,
    records: page.rows.map((r) => r.record),
    facets: counted.facets,
    estimated: { total: false, facets: false },
    order: 'newest',
    deepestPage: null,
  };
}

function queryString(q: RecordSearchQuery): string {
  const params = new URLSearchParams({ q: q.q });
  for (const name of facetNames) for (const v of q[name]) params.append(name, v);
  return params.toString();
}

/** Search with facets over HTTP (as a reader's browser asks) beside the ILIKE scan in the bench's process. */
export async function searchFigure(db: Db, client: WritClient, records: number): Promise<Figure> {
  const queries = searchQueries.map((s) => ({ label: s.label, query: recordSearchQuery(s.query) }));
  const perQuery: string[] = [];
  const totals: number[] = [];
  for (const { label, query } of queries) {
    const one = await repeat(
      () => client.getJson<{ total: number; estimated: { total: boolean } }>(`/api/v1/public/records?${queryString(query)}`),
      {
        warmup: 1,
        minRuns: 5,
        maxRuns: 30,
        budgetMs: 600,
      },
    );
    totals.push(one.result.total);
    perQuery.push(
      `${label}: ${one.result.estimated.total ? 'about ' : ''}${count(one.result.total)} found, p50 ${one.latency.p50.toFixed(1)} ms, p95 ${one.latency.p95.toFixed(1)} ms`,
    );
  }
  let i = 0;
  const measured = await repeat(
    () => {
      const { query } = queries[i++ % queries.length]!;
      return client.getJson<{ total: number }>(`/api/v1/public/records?${queryString(query)}`);
    },
    { warmup: queries.length, minRuns: queries.length * 5, maxRuns: queries.length * 40, budgetMs: 6_000 },
  );
  let j = 0;
  const baseline = await repeat(() => ilikeSearch(db, queries[j++ % queries.length]!.query), {
    warmup: 1,
    minRuns: queries.length,
    maxRuns: queries.length * 3,
    budgetMs: 8_000,
  });
  const ratio = baseline.latency.p50 / measured.latency.p50;
  step(
    `search: p95 ${measured.latency.p95.toFixed(1)} ms over ${count(records)} records, ILIKE p50 ${baseline.latency.p50.toFixed(0)} ms`,
  );
  return {
    id: 'search',
    name: `public records: full-text search with six facets, ${count(records)} records\nGET /api/v1/public/records?q=…`,
    measured: { kind: 'latency', latency: measured.latency },
    baseline: {
      name: "ILIKE '%word%' scan, same facet counting",
      measured: { kind: 'latency', latency: baseline.latency },
    },
    ratio: { value: ratio, text: `${ratio.toFixed(0)}× faster` },
    targets: [atMost('p95', measured.latency.p95, 50, 'ms')],
    checkedEqual: null,
    notes: [
      `${queries.length} queries in turn (Russian, English and Kazakh words, a phrase, an exclusion, with and without facet filters); each alone:`,
      ...perQuery,
      'the ILIKE baseline finds exact substrings only (no stems), so its counts differ by design and are not compared',
    ],
  };
}
