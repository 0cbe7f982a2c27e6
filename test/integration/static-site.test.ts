/**
 * `publishSite` (issue 13, deliverable 6): the whole public site as static files. Published records
 * (one with hostile text, one withdrawn) go in through the same write the workflow uses; the test
 * checks every path of the layout, that the pages hold the records' redacted text in HTML tables (no
 * script needed), the tombstone at the withdrawn record's address, that every relative link and
 * source in every page resolves to a file that exists, the Russian and Kazakh pages, that hostile
 * text is escaped in every page, and that a failed run leaves the previous site as it was.
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWrit, type Writ } from '../../src/app/context.js';
import { type PublishSummary, publishSite } from '../../src/app/static-site.js';
import { loadConfig } from '../../src/config.js';
import { writeTombstone } from '../../src/db/public-record-writes.js';
import type { PublicRecord } from '../../src/domain/public-record.js';
import { type RecordsIndex, siteLayout } from '../../src/domain/static-site-layout.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { samplePublicRecord, seedPublishedRecord } from '../support/publishing.js';

const now = new Date('2026-07-20T09:00:00Z');
const hostile = '<script>alert("owned")</script> & "Ministry" \'of\' Truth';

let t: TestApp;
let writ: Writ;
let root: string;
let out: string;
let summary: PublishSummary;
const progress: { done: number; total: number; path: string }[] = [];
let hostileRecord: PublicRecord;
let caseRecord: PublicRecord;
let withdrawnId: string;

async function filesUnder(dir: string, base = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, base), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? filesUnder(dir, path.posix.join(base, e.name)) : [path.posix.join(base, e.name)])),
  );
  return nested.flat().sort();
}
const read = (file: string) => readFile(path.join(out, ...file.split('/')), 'utf8');
const exists = (file: string) =>
  stat(path.join(out, ...file.split('/'))).then(
    (s) => s.isFile(),
    () => false,
  );

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  writ = createWrit(t.database.db, loadConfig({ WRIT_DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' }), { now: () => now });
  hostileRecord = (
    await seedPublishedRecord(
      t,
      samplePublicRecord({
        authority: { name: hostile, kind: 'prosecutor' },
        summary: 'Order about a post at javascript:alert(document.cookie) by [redacted], phone [redacted].',
        items: [
          {
            position: 1,
            targetKind: 'url',
            target: 'javascript:alert(1)//<img src=x onerror=alert(2)>',
            product: 'Video',
            outcome: 'removed_legal',
            reason: 'Defamation',
            scope: ['KZ'],
          },
        ],
      }),
    )
  ).record;
  caseRecord = (
    await seedPublishedRecord(
      t,
      samplePublicRecord({
        country: 'RU',
        authority: { name: 'Roskomnadzor', kind: 'communications_regulator' },
        publicInterest: true,
        caseStudy: 'A blogger’s report on the regional governor was ordered removed; the platform refused.',
        receivedOn: '2026-02-01',
        decidedOn: '2026-02-05',
        period: '2026-H1',
      }),
      { country: 'RU' },
    )
  ).record;
  const withdrawn = await seedPublishedRecord(t, samplePublicRecord({ summary: 'Soon withdrawn.' }));
  withdrawnId = withdrawn.record.id;
  await t.database.db.transaction((tx) =>
    writeTombstone(tx, {
      tombstone: {
        id: withdrawnId,
        version: 2,
        withdrawnAt: '2026-04-01T12:00:00.000Z',
        reason: 'Published by mistake: the order was a duplicate.',
      },
      at: new Date('2026-04-01T12:00:00.000Z'),
    }),
  );
  root = await mkdtemp(path.join(tmpdir(), 'writ-static-'));
  out = path.join(root, 'site');
  summary = await publishSite(writ, {
    outDir: out,
    siteUrl: 'https://transparency.example.org/writ/',
    onProgress: (p) => progress.push(p),
  });
}, 120_000);

afterAll(async () => {
  await t?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('writ publish: the static site', () => {
  it('writes every path of the layout, at the root and in ru/ and kk/', async () => {
    const ids = [hostileRecord.id, caseRecord.id, withdrawnId];
    const pages = [
      siteLayout.home,
      siteLayout.records,
      siteLayout.methodology,
      siteLayout.download('index.html'),
      siteLayout.countryPeriod('KZ', '2026-H1'),
      siteLayout.countryPeriod('RU', '2026-H1'),
      ...ids.map(siteLayout.recordPage),
    ];
    const once = [
      siteLayout.recordsIndex,
      ...ids.map(siteLayout.recordProof),
      siteLayout.feed,
      siteLayout.countryFeed('KZ'),
      siteLayout.countryFeed('RU'),
      siteLayout.checkpoint,
      siteLayout.checkpoints,
      siteLayout.publicKey,
      siteLayout.asset('site.css'),
      siteLayout.asset('enhance.js'),
      siteLayout.download('overview.csv'),
      siteLayout.download('overview.json'),
    ];
    const expected = [...pages, ...pages.map((p) => `ru/${p}`), ...pages.map((p) => `kk/${p}`), ...once];
    const missing = [];
    for (const file of expected) if (!(await exists(file))) missing.push(file);
    expect(missing).toEqual([]);
    // The log, records' JSON, feeds and downloads exist once, at the root.
    expect(await exists(`ru/${siteLayout.recordsIndex}`)).toBe(false);
    expect(await exists(`ru/${siteLayout.checkpoint}`)).toBe(false);
    const index = JSON.parse(await read(siteLayout.recordsIndex)) as RecordsIndex;
    expect(index.map((e) => [e.id, e.status]).sort()).toEqual(
      [
        [hostileRecord.id, 'published'],
        [caseRecord.id, 'published'],
        [withdrawnId, 'withdrawn'],
      ].sort(),
    );
    const checkpoints = JSON.parse(await read(siteLayout.checkpoints)) as number[];
    for (const size of checkpoints) expect(await exists(siteLayout.checkpointAt(size))).toBe(true);
    expect(summary).toMatchObject({ records: 2, withdrawn: 1, files: (await filesUnder(out)).length });
  });

  it('reports progress once per file, against a total counted first', () => {
    expect(progress.length).toBe(summary.files);
    expect(progress.map((p) => p.done)).toEqual(progress.map((_, i) => i + 1));
    expect(new Set(progress.map((p) => p.total))).toEqual(new Set([summary.files]));
  });

  it('pages hold the records in HTML tables, readable without any script', async () => {
    const database = await read(siteLayout.records);
    expect(database).toMatch(/<table class="records" id="records-table">/);
    expect(database).toContain(`>${caseRecord.id}</a></th>`);
    expect(database).toContain('Roskomnadzor');
    expect(database).toMatch(/<label for="records-filter">Filter the records<\/label>/);
    const page = await read(siteLayout.recordPage(caseRecord.id));
    expect(page).toContain(caseRecord.summary!);
    expect(page).toContain('<table class="items">');
    expect(page).toContain(caseRecord.legalBasis);
    expect(page).toContain(`Writ public record ${caseRecord.id} (version 1)`);
    expect(page).toContain(`href="../${caseRecord.id}.json"`);
    const country = await read(siteLayout.countryPeriod('RU', '2026-H1'));
    expect(country).toContain(caseRecord.caseStudy!);
    expect(country).toMatch(/<caption>Items by outcome<\/caption>/);
    const home = await read(siteLayout.home);
    expect(home).toMatch(/<svg role="img"/);
    // The world map is drawn in the page: the two countries shaded, with their counts (the withdrawn record not counted).
    expect(home).toMatch(/data-country="KZ"><title>Kazakhstan: 1 order<\/title>/);
    expect(home).toMatch(/data-country="RU"><title>Russia: 1 order<\/title>/);
    expect(home.match(/data-country=/g)).toHaveLength(2);
    expect(home).toContain(`href="${siteLayout.countryPeriod('RU', '2026-H1')}"`);
    // The only script is the external enhancement, deferred; nothing inline.
    for (const file of (await filesUnder(out)).filter((f) => f.endsWith('.html'))) {
      const scripts = (await read(file)).match(/<script\b[^>]*>/g) ?? [];
      expect(scripts, file).toHaveLength(1);
      expect(scripts[0], file).toMatch(/^<script src="(\.\.\/)*assets\/enhance\.js" defer>$/);
    }
  });

  it("keeps a tombstone at the withdrawn record's address, with the reason", async () => {
    const page = await read(siteLayout.recordPage(withdrawnId));
    expect(page).toContain(`<h1>Order ${withdrawnId}: withdrawn</h1>`);
    expect(page).toContain('Published by mistake: the order was a duplicate.');
    expect(page).toContain('April 1, 2026');
    expect(page).not.toContain('Soon withdrawn.');
    const proof = JSON.parse(await read(siteLayout.recordProof(withdrawnId))) as { status: string; record: unknown };
    expect(proof.status).toBe('withdrawn');
    const database = await read(siteLayout.records);
    expect(database).toMatch(new RegExp(`<tr class="withdrawn"><th scope="row"><a href="${withdrawnId}/index.html">`));
  });

  it('every relative href and src in every page resolves to a file of the site', async () => {
    const files = await filesUnder(out);
    const all = new Set(files);
    const broken: string[] = [];
    let links = 0;
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const text = await read(file);
      for (const match of text.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
        const target = match[1]!.replace(/&amp;/g, '&');
        if (target.startsWith('#')) continue;
        expect(target, `${file}: ${target}`).not.toMatch(/^(\/|[a-z]+:)/i);
        const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), target.split('#')[0]!));
        links++;
        if (!all.has(resolved)) broken.push(`${file} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
    expect(links).toBeGreaterThan(100);
  });

  it('Russian and Kazakh pages are translated, with lang set and a switcher to the same page', async () => {
    const ru = await read(`ru/${siteLayout.records}`);
    expect(ru).toMatch(/^<!doctype html>\n<html lang="ru">/);
    expect(ru).toContain('<h1>База требований</h1>');
    const kk = await read(`kk/${siteLayout.records}`);
    expect(kk).toMatch(/<html lang="kk">/);
    expect(kk).toContain('<h1>Талаптар базасы</h1>');
    expect(await read(`ru/${siteLayout.recordPage(withdrawnId)}`)).toContain(`<h1>Требование ${withdrawnId}: отозвано</h1>`);
    const kkMethodology = await read(`kk/${siteLayout.methodology}`);
    expect(kkMethodology).toContain('<h1>Әдістеме</h1>');
    // The definitions are the code's own (methodologyOf), in the page's language.
    expect(kkMethodology).toContain('<li>Ешқандай шара қолданылмады</li>');
    expect(kkMethodology).toContain('<dd>RFC 9162</dd>');
    const en = await read(siteLayout.records);
    expect(en).toMatch(/<html lang="en">/);
    expect(en).toContain('<a href="../ru/records/index.html" hreflang="ru" lang="ru">Русский</a>');
    expect(ru).toContain('<a href="../../records/index.html" hreflang="en" lang="en">English</a>');
    expect(ru).toContain('<a href="../../kk/records/index.html" hreflang="kk" lang="kk">Қазақша</a>');
  });

  it('hostile record text is escaped in every page, and never becomes a link', async () => {
    const escaped = '&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt; &amp; &quot;Ministry&quot; &#39;of&#39; Truth';
    const pagesWithIt = [siteLayout.recordPage(hostileRecord.id), siteLayout.records, siteLayout.countryPeriod('KZ', '2026-H1')];
    for (const prefix of ['', 'ru/', 'kk/'])
      for (const p of pagesWithIt) expect(await read(prefix + p), prefix + p).toContain(escaped);
    for (const file of (await filesUnder(out)).filter((f) => f.endsWith('.html'))) {
      const text = await read(file);
      expect(text, file).not.toContain('<script>alert');
      expect(text, file).not.toContain('<img src=x');
      expect(text, file).not.toMatch(/href="javascript:/i);
    }
    const page = await read(siteLayout.recordPage(hostileRecord.id));
    expect(page).toContain('<td class="target">javascript:alert(1)//&lt;img src=x onerror=alert(2)&gt;</td>');
  });

  it('a failed run leaves the previous site as it was, and no temporary folder', async () => {
    const before = await filesUnder(out);
    const home = await read(siteLayout.home);
    await expect(
      publishSite(writ, {
        outDir: out,
        siteUrl: 'https://transparency.example.org/writ/',
        onProgress: (p) => {
          if (p.done === 10) throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    expect(await filesUnder(out)).toEqual(before);
    expect(await read(siteLayout.home)).toBe(home);
    expect(await readdir(root)).toEqual(['site']);
    // A successful run replaces it.
    await publishSite(writ, { outDir: out, siteUrl: 'https://transparency.example.org/writ/' });
    expect(await readdir(root)).toEqual(['site']);
    expect(await filesUnder(out)).toEqual(before);
  });
});
