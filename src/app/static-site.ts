/**
 * Issue 13 — the static publication: the whole public site (pages in English, Russian and Kazakh,
 * the request database, every record and tombstone, downloads, feeds and the transparency log) as
 * files any web server can host. The files are written into a temporary folder beside the target
 * and renamed into place at the end, so a failed run leaves the previous site as it was.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { exportFormats } from '../domain/exports/formats.js';
import { formatPeriod, parsePeriod, periodHasBegun } from '../domain/period.js';
import type { PublicRecord } from '../domain/public-record.js';
import { citationOf } from '../domain/public-record-render.js';
import { siteLayout } from '../domain/static-site-layout.js';
import { messagesFor, type SiteLanguage, siteLanguages } from '../static/i18n.js';
import { publishedRecords, type RecordRow, type SiteModel } from '../static/model.js';
import { countryPeriodPage } from '../static/pages/country.js';
import { downloadsPage } from '../static/pages/downloads.js';
import { languagePrefix, type PageContext } from '../static/pages/layout.js';
import { methodologyPage } from '../static/pages/methodology.js';
import { overviewPage } from '../static/pages/overview.js';
import { recordPage, tombstonePage } from '../static/pages/record.js';
import { recordsPage, recordsPerPage } from '../static/pages/records.js';
import type { Writ } from './context.js';
import { exportFiles } from './exports.js';
import { feedXml } from './public-records.js';
import { methodologyOf, type SiteTable, siteTables } from './public-site.js';
import { countLogFiles, logFiles } from './site-log-files.js';

export type PublishProgress = { done: number; total: number; path: string };
export type PublishSummary = {
  outDir: string;
  files: number;
  records: number;
  withdrawn: number;
  bytes: number;
  seconds: number;
};
export type PublishOptions = {
  outDir: string;
  /** The site's public address (citations, feeds). */
  siteUrl: string;
  onProgress?: (progress: PublishProgress) => void;
};

type PublishWrit = Pick<
  Writ,
  | 'publicRecords'
  | 'publicSite'
  | 'pressure'
  | 'reports'
  | 'rules'
  | 'dataReports'
  | 'exports'
  | 'transparencyLog'
  | 'config'
  | 'now'
>;

/** A file to write: its path under the site's root and its content, made when it is written. */
type PlannedFile = { path: string; content: () => Promise<string | Buffer> | string | Buffer };

const pageSize = 1000;

async function allRows(writ: Pick<Writ, 'publicRecords'>): Promise<RecordRow[]> {
  const rows: RecordRow[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await writ.publicRecords.page(after, pageSize);
    rows.push(...page);
    if (page.length < pageSize) return rows;
    after = page[page.length - 1]!.publicId;
  }
}

/** The downloads of every table of the reports: CSV and JSON each. */
function tableFiles(tables: readonly SiteTable[]): { name: string; content: string }[] {
  return tables.flatMap((t) => [
    { name: `${t.name}.csv`, content: stringify(t.rows, { header: true, columns: t.columns }) },
    { name: `${t.name}.json`, content: `${JSON.stringify({ name: t.name, columns: t.columns, rows: t.rows }, null, 2)}\n` },
  ]);
}

const countryTableName = /^country-([A-Z]{2})-(\d{4}-H[12])-/;

/** Every page of one language. */
function pagesOf(lang: SiteLanguage, model: SiteModel): PlannedFile[] {
  const m = messagesFor(lang);
  const ctx = (page: string): PageContext => ({ m, page, generatedAt: model.generatedAt });
  const file = (page: string, render: (c: PageContext) => string): PlannedFile => ({
    path: languagePrefix(lang) + page,
    content: () => render(ctx(page)),
  });
  const files: PlannedFile[] = [
    file(siteLayout.home, (c) => overviewPage(c, model)),
    file(siteLayout.methodology, (c) => methodologyPage(c, methodologyOf())),
    file(siteLayout.download('index.html'), (c) => downloadsPage(c, model)),
  ];
  const pages = Math.max(1, Math.ceil(model.rows.length / recordsPerPage));
  for (let n = 1; n <= pages; n++) {
    const rows = model.rows.slice((n - 1) * recordsPerPage, n * recordsPerPage);
    files.push(file(siteLayout.recordsPage(n), (c) => recordsPage(c, rows, n, pages, model.rows.length)));
  }
  for (const row of model.rows) {
    files.push(
      file(siteLayout.recordPage(row.publicId), (c) =>
        row.tombstone || !row.record
          ? tombstonePage(c, row.tombstone ?? { id: row.publicId, version: row.version, withdrawnAt: '', reason: '' })
          : recordPage(c, row.record, model.citation(row.record)),
      ),
    );
  }
  const byPair = new Map<string, PublicRecord[]>();
  for (const r of publishedRecords(model))
    byPair.set(`${r.country} ${r.period}`, [...(byPair.get(`${r.country} ${r.period}`) ?? []), r]);
  for (const [country, periods] of countryPeriods(model)) {
    for (const period of periods) {
      const records = byPair.get(`${country} ${period}`) ?? [];
      const tables = model.tables.filter((t) => t.name.startsWith(`country-${country}-${period}-`));
      const others = periods.filter((p) => p !== period);
      files.push(
        file(siteLayout.countryPeriod(country, period), (c) => countryPeriodPage(c, country, period, records, others, tables)),
      );
    }
  }
  return files;
}

/** Every country and its half-years that have a page: published records or figures in the reports. */
function countryPeriods(model: SiteModel): Map<string, string[]> {
  const pairs = new Map<string, Set<string>>();
  const add = (country: string, period: string) => pairs.set(country, (pairs.get(country) ?? new Set()).add(period));
  for (const r of publishedRecords(model)) add(r.country, r.period);
  for (const t of model.tables) {
    const match = countryTableName.exec(t.name);
    if (match) add(match[1]!, match[2]!);
  }
  return new Map([...pairs.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([c, p]) => [c, [...p].sort()]));
}

/**
 * Every export format (src/app/exports.ts) over all half-years at the top of downloads/, and for
 * each half-year that has begun and has published records or orders, under downloads/{period}/.
 */
async function exportDownloads(
  writ: Pick<Writ, 'exports' | 'dataReports' | 'config' | 'now'>,
  rows: readonly RecordRow[],
): Promise<{ name: string; content: string }[]> {
  const periods = [...new Set(rows.flatMap((r) => (r.record ? [r.record.period] : [])))]
    .sort()
    .map((p) => parsePeriod(p))
    .filter((p) => periodHasBegun(p, writ.now()));
  const files: { name: string; content: string }[] = [];
  for (const format of exportFormats) {
    for (const f of await exportFiles(writ, format, null)) files.push({ name: f.name, content: f.content });
    for (const period of periods)
      for (const f of await exportFiles(writ, format, period))
        files.push({ name: `${formatPeriod(period)}/${f.name}`, content: f.content });
  }
  return files;
}

const assetsDir = new URL('../static/assets/', import.meta.url);

/**
 * Writes the whole public site under `outDir` (replacing what is there once everything is written)
 * and returns what was written. Progress is reported once per file, with the total counted first.
 */
export async function publishSite(writ: PublishWrit, options: PublishOptions): Promise<PublishSummary> {
  const started = Date.now();
  const outDir = path.resolve(options.outDir);
  const siteUrl = options.siteUrl.replace(/\/+$/, '');

  // The records first, then the log: counting its files signs a checkpoint over every leaf so far,
  // so each record shown has its JSON and proof (one published meanwhile is in the log's files only).
  const rows = await allRows(writ);
  const logFileCount = await countLogFiles(writ);
  const tables = await siteTables(writ);
  const downloads = [...tableFiles(tables), ...(await exportDownloads(writ, rows))];
  const feedCountries = [...new Set(publishedRecords({ rows } as SiteModel).map((r) => r.country))].sort();
  const model: SiteModel = {
    rows,
    siteUrl,
    generatedAt: writ.now(),
    downloads: downloads.map((d) => ({ name: d.name, bytes: Buffer.byteLength(d.content) })),
    feedCountries,
    tables,
    citation: (record) => citationOf(record, siteUrl),
  };

  const planned: PlannedFile[] = [
    ...['site.css', 'enhance.js'].map((file) => ({
      path: siteLayout.asset(file),
      content: () => readFile(new URL(file, assetsDir)),
    })),
    ...downloads.map((d) => ({ path: siteLayout.download(d.name), content: () => d.content })),
    { path: siteLayout.feed, content: () => feedXml(writ, { country: null, siteUrl }) },
    ...feedCountries.map((country) => ({
      path: siteLayout.countryFeed(country),
      content: () => feedXml(writ, { country, siteUrl }),
    })),
    ...siteLanguages.flatMap((lang) => pagesOf(lang, model)),
  ];
  const total = planned.length + logFileCount;

  const parent = path.dirname(outDir);
  await mkdir(parent, { recursive: true });
  const temporary = path.join(parent, `.${path.basename(outDir)}.publishing-${randomBytes(6).toString('hex')}`);
  let bytes = 0;
  let done = 0;
  try {
    const write = async (file: string, content: string | Buffer) => {
      const target = path.join(temporary, ...file.split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content);
      bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
      done++;
      options.onProgress?.({ done, total: Math.max(total, done), path: file });
    };
    for (const file of planned) await write(file.path, await file.content());
    for await (const file of logFiles(writ)) await write(file.path, file.content);
    await replaceDirectory(temporary, outDir);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  const withdrawn = rows.filter((r) => r.tombstone).length;
  return {
    outDir,
    files: done,
    records: rows.length - withdrawn,
    withdrawn,
    bytes,
    seconds: (Date.now() - started) / 1000,
  };
}

/** Puts the finished `from` where `to` is: the old site is moved aside first and removed after. */
async function replaceDirectory(from: string, to: string): Promise<void> {
  const existing = await stat(to).catch(() => null);
  if (!existing) {
    await rename(from, to);
    return;
  }
  const aside = `${from}.old`;
  await rename(to, aside);
  try {
    await rename(from, to);
  } catch (error) {
    await rename(aside, to);
    throw error;
  }
  await rm(aside, { recursive: true, force: true });
}
