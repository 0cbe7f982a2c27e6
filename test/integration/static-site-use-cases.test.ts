/**
 * The static publication's use case itself (src/app/static-site.ts, `publishSite`), without the CLI:
 * which files it writes, in which order, and what each holds. An empty request database still has
 * every page (one records page), the overview table, the exports and the log. Over a few records
 * (two of one country's half-year, one of another half-year, one of a half-year that has not begun,
 * a withdrawn one, and a country with orders but no record), every file is what its renderer, table,
 * export, feed or log file makes of exactly those records: pages per language (home, methodology,
 * downloads, records, each record or tombstone, each country's half-year with its own records, its
 * own tables and links to its other half-years), downloads as CSV and JSON, exports over all
 * half-years and each begun one, a feed per country with records. Progress is reported once per file
 * against the total counted first, and the summary counts files, records, withdrawn ones and bytes.
 * A new run replaces the site whole; a failed one leaves it as it was and removes what it wrote.
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFiles } from '../../src/app/exports.js';
import { orderFromBody } from '../../src/app/intake.js';
import { feedXml } from '../../src/app/public-records.js';
import { countryTableKinds, methodologyOf, siteTable, siteTables } from '../../src/app/public-site.js';
import { receiveOrder } from '../../src/app/requests.js';
import { logFiles } from '../../src/app/site-log-files.js';
import { type PublishProgress, type PublishSummary, publishSite } from '../../src/app/static-site.js';
import { newRequestSchema } from '../../src/contracts/requests.js';
import { writePublicRecord, writeTombstone } from '../../src/db/public-record-writes.js';
import { publications } from '../../src/db/schema/index.js';
import type { User } from '../../src/db/users-repository.js';
import { exportFormats } from '../../src/domain/exports/formats.js';
import { parsePeriod } from '../../src/domain/period.js';
import type { PublicRecord, PublicTombstone } from '../../src/domain/public-record.js';
import { citationOf } from '../../src/domain/public-record-render.js';
import { siteLayout } from '../../src/domain/static-site-layout.js';
import { messagesFor, type SiteLanguage } from '../../src/static/i18n.js';
import type { RecordRow, SiteModel } from '../../src/static/model.js';
import { countryPeriodPage } from '../../src/static/pages/country.js';
import { downloadsPage } from '../../src/static/pages/downloads.js';
import { languagePrefix, type PageContext } from '../../src/static/pages/layout.js';
import { methodologyPage } from '../../src/static/pages/methodology.js';
import { overviewPage } from '../../src/static/pages/overview.js';
import { recordPage, tombstonePage } from '../../src/static/pages/record.js';
import { recordsPage } from '../../src/static/pages/records.js';
import { newRequestBody } from '../support/app.js';
import { samplePublicRecord } from '../support/publishing.js';
import { scratchDirectory } from '../support/scratch.js';
import { createTestWrit, staffMember, type TestWrit, testAuthority } from '../support/writ.js';

const now = new Date('2026-06-15T09:00:00Z');
/** Given with trailing slashes: citations and feeds use it without them. */
const siteUrlGiven = 'https://transparency.example.org/writ//';
const siteUrl = 'https://transparency.example.org/writ';
const languages: SiteLanguage[] = ['en', 'ru', 'kk'];

let t: TestWrit;
let reviewer: User;

beforeAll(async () => {
  t = await createTestWrit({ now: () => now });
  reviewer = await staffMember(t.writ, 'reviewer');
});
afterAll(async () => t?.close());

/** Every file under `dir`, relative, with `/`, sorted. */
async function filesUnder(dir: string, base = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, base), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? filesUnder(dir, path.posix.join(base, e.name)) : [path.posix.join(base, e.name)])),
  );
  return nested.flat().sort();
}
const fileOf = (dir: string, file: string) => path.join(dir, ...file.split('/'));
const readText = (dir: string, file: string) => readFile(fileOf(dir, file), 'utf8');
/** The bytes of every file under `dir`, added up. */
async function bytesUnder(dir: string): Promise<number> {
  let bytes = 0;
  for (const file of await filesUnder(dir)) bytes += (await stat(fileOf(dir, file))).size;
  return bytes;
}
/** Progress as it should be reported for `paths`, written in that order. */
const progressOf = (paths: string[]): PublishProgress[] => paths.map((p, i) => ({ done: i + 1, total: paths.length, path: p }));
const ctxOf = (lang: SiteLanguage, page: string): PageContext => ({ m: messagesFor(lang), page, generatedAt: now });
/** Each language's pages, in the order they are written, with what each should hold. */
function pagesFor(pages: [string, (c: PageContext) => string][]): [string, string][] {
  return languages.flatMap((lang) =>
    pages.map(([page, render]): [string, string] => [languagePrefix(lang) + page, render(ctxOf(lang, page))]),
  );
}
async function publish(dir: string, onProgress?: (p: PublishProgress) => void): Promise<PublishSummary> {
  return publishSite(t.writ, { outDir: dir, siteUrl: siteUrlGiven, onProgress });
}

const overviewColumns = ['country', 'period', 'removalOrders', 'removalItems', 'dataOrders'];
/** A table's JSON download as written: name, columns and rows, two-space indented, with a final newline. */
const tableJson = (name: string, columns: string[], rows: unknown[]) => `${JSON.stringify({ name, columns, rows }, null, 2)}\n`;

// The database is still empty here: a file's describes run in order, and the records are written
// by the next one's beforeAll.
describe('publishSite over an empty request database', () => {
  it('writes the assets as they are, every page (one records page, empty), the overview table, the exports over all half-years, one feed and the log', async () => {
    const dir = path.join(scratchDirectory('writ-static-empty-'), 'site');
    const progress: PublishProgress[] = [];
    const before = Date.now();
    const summary = await publish(dir, (p) => progress.push(p));
    const seconds = (Date.now() - before) / 1000;

    const exportsAll = [
      'google-government-removal-requests.csv',
      'google-government-detailed-removal-requests.csv',
      'eu-part-3-member-states-orders-2025-H2.csv',
      'lumen-notices.json',
    ];
    const downloads: [string, string][] = [
      ['overview.csv', `${overviewColumns.join(',')}\n`],
      ['overview.json', tableJson('overview', overviewColumns, [])],
    ];
    for (const format of exportFormats)
      for (const f of await exportFiles(t.writ, format, null)) downloads.push([f.name, f.content]);
    expect(downloads.slice(2).map(([name]) => name)).toEqual(exportsAll);
    const model: SiteModel = {
      rows: [],
      siteUrl,
      generatedAt: now,
      downloads: downloads.map(([name, content]) => ({ name, bytes: Buffer.byteLength(content) })),
      feedCountries: [],
      tables: [{ name: 'overview', columns: overviewColumns, rows: [] }],
      citation: (r) => citationOf(r, siteUrl),
    };
    const pages = pagesFor([
      [siteLayout.home, (c) => overviewPage(c, model)],
      [siteLayout.methodology, (c) => methodologyPage(c, methodologyOf())],
      [siteLayout.download('index.html'), (c) => downloadsPage(c, model)],
      [siteLayout.records, (c) => recordsPage(c, [], 1, 1, 0)],
    ]);
    const log: [string, string][] = [];
    for await (const file of logFiles(t.writ)) log.push([file.path, file.content]);
    expect(log.map(([p]) => p)).toEqual([siteLayout.publicKey, siteLayout.checkpoints, siteLayout.recordsIndex]);
    const expected: [string, string][] = [
      ...downloads.map(([name, content]): [string, string] => [siteLayout.download(name), content]),
      [siteLayout.feed, await feedXml(t.writ, { country: null, siteUrl })],
      ...pages,
      ...log,
    ];
    const paths = [siteLayout.asset('site.css'), siteLayout.asset('enhance.js'), ...expected.map(([p]) => p)];

    expect(progress).toEqual(progressOf(paths));
    expect(await filesUnder(dir)).toEqual([...paths].sort());
    for (const [file, content] of expected) expect(await readText(dir, file), file).toBe(content);
    expect(summary).toEqual({
      outDir: dir,
      files: paths.length,
      records: 0,
      withdrawn: 0,
      bytes: await bytesUnder(dir),
      seconds: expect.any(Number),
    });
    expect(summary.seconds).toBeGreaterThan(0);
    expect(summary.seconds).toBeLessThanOrEqual(seconds);
    // The style and the script as they are.
    for (const file of ['site.css', 'enhance.js'])
      expect(await readFile(fileOf(dir, siteLayout.asset(file)))).toEqual(
        await readFile(new URL(`../../src/static/assets/${file}`, import.meta.url)),
      );
  });

  it('a new run replaces the site whole: a file it does not write is gone, and nothing is left beside the site', async () => {
    const parent = scratchDirectory('writ-static-replace-');
    const dir = path.join(parent, 'nested', 'site');
    await publish(dir);
    const files = await filesUnder(dir);
    await writeFile(path.join(dir, 'stray.txt'), 'left over\n');
    await writeFile(fileOf(dir, siteLayout.home), 'old home\n');
    const summary = await publish(dir);
    expect(await filesUnder(dir)).toEqual(files);
    expect(summary.files).toBe(files.length);
    expect(await readText(dir, siteLayout.home)).toBe(
      overviewPage(ctxOf('en', siteLayout.home), {
        rows: [],
        siteUrl,
        generatedAt: now,
        downloads: [],
        feedCountries: [],
        tables: [{ name: 'overview', columns: overviewColumns, rows: [] }],
        citation: (r) => citationOf(r, siteUrl),
      }),
    );
    expect(await readdir(path.join(parent, 'nested'))).toEqual(['site']);
  });

  it('a run that fails leaves the previous site as it was, removes what it wrote and rethrows the failure', async () => {
    const parent = scratchDirectory('writ-static-failed-');
    const dir = path.join(parent, 'site');
    await publish(dir);
    const files = await filesUnder(dir);
    const home = await readText(dir, siteLayout.home);
    await writeFile(fileOf(dir, siteLayout.home), 'the previous home\n');
    const written: string[] = [];
    await expect(
      publish(dir, (p) => {
        written.push(p.path);
        if (p.done === 10) throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(written).toHaveLength(10);
    expect(await filesUnder(dir)).toEqual(files);
    expect(await readText(dir, siteLayout.home)).toBe('the previous home\n');
    expect(await readdir(parent)).toEqual(['site']);
    expect(home).not.toBe('the previous home\n');
  });

  it('a run that fails before its temporary folder exists rethrows that failure, not one about the folder', async () => {
    // A parent path so long that the temporary folder's name still fits (PATH_MAX, 4,096 bytes with
    // the final NUL) but not the first file's folder in it: writing fails before anything exists.
    const scratch = scratchDirectory('writ-static-long-');
    let parent = scratch;
    while (parent.length < 4062 - 201) parent += `/${'d'.repeat(200)}`;
    parent += `/${'d'.repeat(4062 - parent.length - 1)}`;
    const dir = path.join(parent, 'site');
    expect(`${parent}/.site.publishing-${'0'.repeat(12)}`.length).toBe(4092);
    await expect(publish(dir)).rejects.toMatchObject({ code: 'ENAMETOOLONG', syscall: 'mkdir' });
    expect(await readdir(parent)).toEqual([]);
  });
});

describe('publishSite over published, withdrawn and unpublished orders', () => {
  let root: string;
  let out: string;
  let summary: PublishSummary;
  let seconds: number;
  const progress: PublishProgress[] = [];
  const records: PublicRecord[] = [];
  const rows: RecordRow[] = [];
  const tombstone: PublicTombstone = {
    id: 'WR-000005',
    version: 2,
    withdrawnAt: '2026-04-01T12:00:00.000Z',
    reason: 'Published by mistake.',
  };

  /** Publishes `record` for a new order of `authorityId`, as the publication workflow writes it. */
  async function publishRecord(authorityId: string, record: PublicRecord): Promise<void> {
    const { request } = await receiveOrder(t.writ, orderFromBody(newRequestSchema.parse(newRequestBody(authorityId))), reviewer);
    const leafIndex = await t.database.db.transaction(async (tx) => {
      const [publication] = await tx
        .insert(publications)
        .values({ requestId: request.id, publicId: record.id, status: 'published', publishedAt: new Date(record.publishedAt) })
        .returning({ id: publications.id });
      return (await writePublicRecord(tx, { publicationId: publication!.id, record, at: new Date(record.publishedAt) }))
        .leafIndex;
    });
    records.push(record);
    rows.push({ publicId: record.id, version: 1, leafIndex, record, tombstone: null });
  }

  beforeAll(async () => {
    // Every order is received in 2026-H1: Kazakhstan's four and Russia's one have that half-year's tables.
    const kz = (await testAuthority(t, 'KZ', 'Ministry of Information')).id;
    const ru = (await testAuthority(t, 'RU', 'Roskomnadzor')).id;
    // Public ids out of the countries' and half-years' order: Kazakhstan's record first, then Armenia's.
    await publishRecord(kz, samplePublicRecord({ id: 'WR-000001', summary: 'First of Kazakhstan’s 2026-H1.' }));
    // A half-year that has not begun (the clock says 2026-06-15): it has pages, and no exports of its own.
    await publishRecord(
      kz,
      samplePublicRecord({
        id: 'WR-000002',
        country: 'AM',
        authority: { name: 'Armenian regulator', kind: 'communications_regulator' },
        receivedOn: '2026-05-20',
        decidedOn: '2026-07-01',
        period: '2026-H2',
        publishedAt: '2026-06-10T10:00:00.000Z',
      }),
    );
    await publishRecord(
      kz,
      samplePublicRecord({
        id: 'WR-000003',
        receivedOn: '2025-11-20',
        decidedOn: '2025-12-01',
        period: '2025-H2',
        publishedAt: '2025-12-05T10:00:00.000Z',
        summary: 'Kazakhstan’s 2025-H2.',
      }),
    );
    await publishRecord(
      kz,
      samplePublicRecord({
        id: 'WR-000004',
        receivedOn: '2026-03-12',
        decidedOn: '2026-03-15',
        publishedAt: '2026-03-25T10:00:00.000Z',
        summary: 'Second of Kazakhstan’s 2026-H1.',
      }),
    );
    // Russia's only record is withdrawn: its half-year's page comes from the orders' tables alone.
    await publishRecord(ru, samplePublicRecord({ id: 'WR-000005', country: 'RU', summary: 'Soon withdrawn.' }));
    const { leafIndex } = await t.database.db.transaction((tx) =>
      writeTombstone(tx, { tombstone, at: new Date(tombstone.withdrawnAt) }),
    );
    rows[4] = { publicId: tombstone.id, version: 2, leafIndex, record: null, tombstone };

    root = await mkdtemp(path.join(tmpdir(), 'writ-static-uc-'));
    out = path.join(root, 'site');
    const before = Date.now();
    summary = await publishSite(t.writ, {
      outDir: path.relative(process.cwd(), out),
      siteUrl: siteUrlGiven,
      onProgress: (p) => progress.push(p),
    });
    seconds = (Date.now() - before) / 1000;
  });
  afterAll(async () => {
    if (root) await rm(root, { recursive: true, force: true });
  });

  const pairs = ['KZ-2026-H1', 'RU-2026-H1'];
  const tableNames = ['overview', ...pairs.flatMap((p) => countryTableKinds.map((k) => `country-${p}-${k}`))];
  const exportNames = [
    'google-government-removal-requests.csv',
    'google-government-detailed-removal-requests.csv',
    '2025-H2/google-government-removal-requests.csv',
    '2025-H2/google-government-detailed-removal-requests.csv',
    '2026-H1/google-government-removal-requests.csv',
    '2026-H1/google-government-detailed-removal-requests.csv',
    '2025-H2/PRPL-Facebook-Government-Report-2025_H2.csv',
    '2026-H1/PRPL-Facebook-Government-Report-2026_H1.csv',
    'eu-part-3-member-states-orders-2025-H2.csv',
    '2025-H2/eu-part-3-member-states-orders-2025-H2.csv',
    '2026-H1/eu-part-3-member-states-orders-2026-H1.csv',
    'lumen-notices.json',
    '2025-H2/lumen-notices.json',
    '2026-H1/lumen-notices.json',
  ];
  const downloadNames = [...tableNames.flatMap((n) => [`${n}.csv`, `${n}.json`]), ...exportNames];
  const countryPages = ['AM/2026-H2', 'KZ/2025-H2', 'KZ/2026-H1', 'RU/2026-H1'].map((p) => `countries/${p}/index.html`);
  const ids = ['WR-000001', 'WR-000002', 'WR-000003', 'WR-000004', 'WR-000005'];
  const pagePaths = [
    siteLayout.home,
    siteLayout.methodology,
    siteLayout.download('index.html'),
    siteLayout.records,
    ...ids.map(siteLayout.recordPage),
    ...countryPages,
  ];
  const logPaths = [
    siteLayout.publicKey,
    siteLayout.checkpoint,
    siteLayout.checkpoints,
    siteLayout.checkpointAt(6),
    ...ids.map(siteLayout.recordProof),
    siteLayout.recordsIndex,
  ];
  const paths = [
    siteLayout.asset('site.css'),
    siteLayout.asset('enhance.js'),
    ...downloadNames.map(siteLayout.download),
    siteLayout.feed,
    siteLayout.countryFeed('AM'),
    siteLayout.countryFeed('KZ'),
    ...languages.flatMap((lang) => pagePaths.map((p) => languagePrefix(lang) + p)),
    ...logPaths,
  ];

  it('writes the assets, the downloads, the feeds, each language’s pages, then the log, each once in that order', async () => {
    expect(progress).toEqual(progressOf(paths));
    expect(await filesUnder(out)).toEqual([...paths].sort());
  });

  it('sums up: its folder, every file written, the records shown and withdrawn, their bytes and the time taken', async () => {
    expect(summary).toEqual({
      outDir: out,
      files: paths.length,
      records: 4,
      withdrawn: 1,
      bytes: await bytesUnder(out),
      seconds: expect.any(Number),
    });
    expect(summary.seconds).toBeGreaterThan(0);
    expect(summary.seconds).toBeLessThanOrEqual(seconds);
  });

  it('downloads every table as CSV with its header and as JSON with its name and columns', async () => {
    expect(await readText(out, siteLayout.download('overview.csv'))).toBe(
      `${overviewColumns.join(',')}\nKZ,2026-H1,4,8,0\nRU,2026-H1,1,2,0\n`,
    );
    const overviewRows = [
      { country: 'KZ', period: '2026-H1', removalOrders: 4, removalItems: 8, dataOrders: 0 },
      { country: 'RU', period: '2026-H1', removalOrders: 1, removalItems: 2, dataOrders: 0 },
    ];
    expect(await readText(out, siteLayout.download('overview.json'))).toBe(tableJson('overview', overviewColumns, overviewRows));
    expect(await readText(out, siteLayout.download('country-KZ-2026-H1-removals.csv'))).toBe(
      'requests,items,undecidedRequests\n4,8,4\n',
    );
    for (const name of tableNames) {
      const table = await siteTable(t.writ, name);
      expect(await readText(out, siteLayout.download(`${name}.json`)), name).toBe(tableJson(name, table.columns, table.rows));
      expect((await readText(out, siteLayout.download(`${name}.csv`))).split('\n')[0], name).toBe(table.columns.join(','));
    }
  });

  it('downloads each export over all half-years, and under each begun half-year with records, its own', async () => {
    const expected: [string, string][] = [];
    for (const format of exportFormats) {
      for (const f of await exportFiles(t.writ, format, null)) expected.push([f.name, f.content]);
      for (const period of ['2025-H2', '2026-H1'])
        for (const f of await exportFiles(t.writ, format, parsePeriod(period))) expected.push([`${period}/${f.name}`, f.content]);
    }
    expect(expected.map(([name]) => name).sort()).toEqual([...exportNames].sort());
    for (const [name, content] of expected) expect(await readText(out, siteLayout.download(name)), name).toBe(content);
  });

  it('writes the feed of every record and one per country with published records, addressed at the site', async () => {
    expect(await readText(out, siteLayout.feed)).toBe(await feedXml(t.writ, { country: null, siteUrl }));
    for (const country of ['AM', 'KZ'])
      expect(await readText(out, siteLayout.countryFeed(country)), country).toBe(await feedXml(t.writ, { country, siteUrl }));
  });

  it('writes every page of each language from exactly its records and tables', async () => {
    const tables = await siteTables(t.writ);
    expect(tables.map((table) => table.name)).toEqual(tableNames);
    const tablesOf = (pair: string) => tables.filter((table) => table.name.startsWith(`country-${pair}-`));
    const downloads: SiteModel['downloads'] = [];
    for (const name of downloadNames) downloads.push({ name, bytes: (await stat(fileOf(out, siteLayout.download(name)))).size });
    const model: SiteModel = {
      rows,
      siteUrl,
      generatedAt: now,
      downloads,
      feedCountries: ['AM', 'KZ'],
      tables,
      citation: (r) => citationOf(r, siteUrl),
    };
    const [r1, r2, r3, r4] = records as [PublicRecord, PublicRecord, PublicRecord, PublicRecord];
    const record = (r: PublicRecord) => (c: PageContext) => recordPage(c, r, citationOf(r, siteUrl));
    const pages = pagesFor([
      [siteLayout.home, (c) => overviewPage(c, model)],
      [siteLayout.methodology, (c) => methodologyPage(c, methodologyOf())],
      [siteLayout.download('index.html'), (c) => downloadsPage(c, model)],
      [siteLayout.records, (c) => recordsPage(c, rows, 1, 1, 5)],
      [siteLayout.recordPage('WR-000001'), record(r1)],
      [siteLayout.recordPage('WR-000002'), record(r2)],
      [siteLayout.recordPage('WR-000003'), record(r3)],
      [siteLayout.recordPage('WR-000004'), record(r4)],
      [siteLayout.recordPage('WR-000005'), (c) => tombstonePage(c, tombstone)],
      [countryPages[0]!, (c) => countryPeriodPage(c, 'AM', '2026-H2', [r2], [], [])],
      [countryPages[1]!, (c) => countryPeriodPage(c, 'KZ', '2025-H2', [r3], ['2026-H1'], [])],
      [countryPages[2]!, (c) => countryPeriodPage(c, 'KZ', '2026-H1', [r1, r4], ['2025-H2'], tablesOf('KZ-2026-H1'))],
      [countryPages[3]!, (c) => countryPeriodPage(c, 'RU', '2026-H1', [], [], tablesOf('RU-2026-H1'))],
    ]);
    expect(tablesOf('KZ-2026-H1')).toHaveLength(countryTableKinds.length);
    for (const [file, content] of pages) expect(await readText(out, file), file).toBe(content);
  });

  it("writes the log's files as they are made for the site: the key, the checkpoints, every record's proof and the index", async () => {
    const log: [string, string][] = [];
    for await (const file of logFiles(t.writ)) log.push([file.path, file.content]);
    expect(log.map(([p]) => p)).toEqual(logPaths);
    for (const [file, content] of log) expect(await readText(out, file), file).toBe(content);
  });
});
