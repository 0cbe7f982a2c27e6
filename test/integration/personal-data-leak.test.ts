/**
 * Issue 13's acceptance line: "A seeded order full of emails, phone numbers and IINs shows none of
 * them on any public surface, static files included."
 *
 * An order is recorded through the API with personal data in its legal basis, its targets, its
 * decisions' public summaries and its case study: two emails, phones in four formats, two valid IINs,
 * two Luhn-valid card numbers, two street addresses and a name. It is decided, and its publication
 * prepared, with the name marked and every proposal accepted, approved and published through the staff
 * routes and the sweep (src/app/publications.ts), and the log is signed. Then every public surface is
 * collected: every GET route the OpenAPI document declares public (`security: []`, path parameters
 * filled with the record's id, country, period, tree size, each export format and each download's
 * name; JSON answers followed to the public URLs they give), the Atom feeds, every export format
 * through `exportFiles` for all half-years and the record's, and every file `publishSite` writes.
 * A log leaf travels base64-encoded in proofs: it is decoded before it is searched. No surface may show
 * any value, in its written form, as its bare digits, or with other separators between them.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWrit, type Writ } from '../../src/app/context.js';
import { exportFiles } from '../../src/app/exports.js';
import { publishDue } from '../../src/app/publications.js';
import { publishSite } from '../../src/app/static-site.js';
import { signCheckpointIfGrown } from '../../src/app/transparency-log.js';
import { loadConfig } from '../../src/config.js';
import { datasetSources } from '../../src/domain/datasets/sources.js';
import { parsePeriod } from '../../src/domain/period.js';
import type { PublicRecord } from '../../src/domain/public-record.js';
import { exportFormats } from '../../src/domain/publishing-vocabulary.js';
import { createAuthority, createTestApp, newRequestBody, type TestApp } from '../support/app.js';

/** Every personal datum in the order; none may reach the public. */
const personal = {
  name: 'Жаксылыков',
  email: 'zhaksylykov.b@mail.example',
  email2: 'b.zh+orders@inbox.example.kz',
  phoneIntl: '+7 701 234 56 78',
  phoneCompact: '+77019876543',
  phoneNational: '8 (727) 255-12-34',
  phoneUk: '+44 20 7946 0958',
  iin: '920711400569',
  iin2: '881125500314',
  card: '4111111111111111',
  card2: '5500-0000-0000-0004',
  address: 'ул. Толе би, д. 59, кв. 12',
  address2: 'проспект Достык 5, кв. 7',
} as const;

const legalBasis = `Уголовный кодекс РК, ст. 131; заявитель Бауыржан ${personal.name} (ИИН ${personal.iin}), тел. ${personal.phoneIntl}, эл. почта ${personal.email}, адрес: ${personal.address}`;
const summary = `${personal.name}у звонили по номеру ${personal.phoneNational} и писали на ${personal.email2}; видео ограничено в Казахстане.`;
const caseStudy = `Карта ${personal.card2} и ИИН ${personal.iin2} владельца; лондонский номер ${personal.phoneUk}; проживает: ${personal.address2}. Суд признал видео клеветой.`;

let clock = new Date('2026-05-04T08:00:00Z');
let t: TestApp;
let writ: Writ;
let record: PublicRecord;
let siteDir = '';

/** One public surface: where it is, and its text. */
type Surface = { where: string; text: string };
const surfaces: Surface[] = [];

/** Adds a surface, with any base64 log leaf in its JSON decoded next to it. */
function collect(where: string, text: string): void {
  surfaces.push({ where, text });
  for (const match of text.matchAll(/"leaf"\s*:\s*"([A-Za-z0-9+/=]+)"/g))
    surfaces.push({ where: `${where} (its log leaf, decoded)`, text: Buffer.from(match[1]!, 'base64').toString('utf8') });
}

const get = (url: string) => t.app.inject({ method: 'GET', url });

beforeAll(async () => {
  t = await createTestApp({ now: () => clock });
  writ = createWrit(t.database.db, loadConfig({ LOG_LEVEL: 'silent' }), { now: () => clock });
  const authority = await createAuthority(t, 'KZ', 'Алматинский районный суд', 'court');
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: t.auth,
    payload: newRequestBody(authority.id, {
      receivedAt: '2026-05-01T10:00:00+05:00',
      legalBasis,
      claimedCategories: ['клевета'],
      items: [
        { targetKind: 'url', target: `https://social.example/u/${personal.email}`, product: 'Posts' },
        { targetKind: 'account', target: personal.phoneCompact, product: 'Profiles' },
        { targetKind: 'url', target: `https://shop.example/pay?card=${personal.card}`, product: 'Shopping' },
      ],
    }),
  });
  expect(created.statusCode, created.body).toBe(201);
  const order = created.json() as { id: string; items: { id: string }[] };
  for (const [index, item] of order.items.entries()) {
    const decided = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/requests/${order.id}/items/${item.id}/decision`,
      headers: t.auth,
      payload: {
        outcome: 'removed_legal',
        reason: 'Defamation',
        scopeCountries: ['KZ'],
        rationale: 'Суд признал публикацию клеветой.',
        publicSummary: summary,
        publicInterest: index === 0,
        caseStudy: index === 0 ? caseStudy : null,
      },
    });
    expect(decided.statusCode, decided.body).toBe(200);
  }
  const publication = `/api/v1/requests/${order.id}/publication`;
  type Draft = { fields: { proposed: unknown[]; chosen: unknown[] }[] };
  const draft = await t.app.inject({ method: 'GET', url: publication, headers: t.auth });
  expect(draft.statusCode, draft.body).toBe(200);
  // Mark the name, then accept every proposal (the name's among them), as a reviewer in the editor does.
  const marked = await t.app.inject({
    method: 'PUT',
    url: publication,
    headers: t.auth,
    payload: {
      redactions: (draft.json() as Draft).fields.flatMap((f) => f.chosen),
      markedNames: [personal.name],
      concernsChild: false,
    },
  });
  expect(marked.statusCode, marked.body).toBe(200);
  const accepted = await t.app.inject({
    method: 'PUT',
    url: publication,
    headers: t.auth,
    payload: {
      redactions: (marked.json() as Draft).fields.flatMap((f) => f.proposed),
      markedNames: [personal.name],
      concernsChild: false,
    },
  });
  expect(accepted.statusCode, accepted.body).toBe(200);
  const approved = await t.app.inject({ method: 'POST', url: `${publication}/approve`, headers: t.auth });
  expect(approved.statusCode, approved.body).toBe(200);
  clock = new Date(clock.getTime() + (writ.config.publishing.delayHours + 1) * 3_600_000);
  expect(await publishDue(writ)).toBe(1);
  expect(await signCheckpointIfGrown(writ)).not.toBeNull();
  const search = (await get('/api/v1/public/records')).json() as { records: PublicRecord[] };
  expect(search.records).toHaveLength(1);
  record = search.records[0]!;

  await collectApi();
  await collectExports();
  siteDir = await mkdtemp(path.join(tmpdir(), 'writ-leak-site-'));
  await publishSite(writ, { outDir: siteDir, siteUrl: 'https://transparency.example' });
  for (const file of await filesUnder(siteDir))
    collect(`static file ${path.relative(siteDir, file)}`, await readFile(file, 'utf8'));
}, 180_000);

afterAll(async () => {
  if (siteDir) await rm(siteDir, { recursive: true, force: true });
  await t?.close();
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

type OpenApi = {
  paths: Record<
    string,
    Record<string, { security?: unknown[]; parameters?: { name: string; in: string; required?: boolean }[] }>
  >;
};

/** Every public GET route of the OpenAPI document, its parameters filled every way that names this record. */
async function collectApi(): Promise<void> {
  const doc = (await get('/openapi.json')).json() as OpenApi;
  const downloads = JSON.stringify((await get('/api/v1/public/downloads')).json());
  const downloadNames = [...new Set([...downloads.matchAll(/"name"\s*:\s*"([^"]+)"/g)].map((m) => m[1]!))];
  const size = String((await writ.transparencyLog.size()) as number);
  const values: Record<string, string[]> = {
    id: [record.id],
    country: [record.country],
    period: [record.period],
    treeSize: [size],
    format: [...exportFormats],
    name: downloadNames,
    source: [...datasetSources],
    from: [size],
    to: [size],
  };
  const seeds: string[] = ['/feeds/records.atom', `/feeds/${record.country}.atom`];
  const publicGets = Object.entries(doc.paths).filter(
    ([, ops]) => ops.get && Array.isArray(ops.get.security) && ops.get.security.length === 0,
  );
  expect(publicGets.length, 'public GET routes in /openapi.json').toBeGreaterThan(10);
  for (const [template, ops] of publicGets) {
    const parameters = ops.get!.parameters ?? [];
    let urls = [template];
    for (const p of parameters.filter((p) => p.in === 'path')) {
      const options = values[p.name];
      if (!options?.length) throw new Error(`no value to fill {${p.name}} of ${template} with: add one to the leak test`);
      urls = urls.flatMap((url) => options.map((v) => url.replace(`{${p.name}}`, encodeURIComponent(v))));
    }
    const query = parameters
      .filter((p) => p.in === 'query' && p.required && values[p.name])
      .map((p) => `${p.name}=${encodeURIComponent(values[p.name]![0]!)}`);
    for (const url of urls) {
      seeds.push(query.length ? `${url}?${query.join('&')}` : url);
      // Optional filters that select this record's half-year, country or words.
      const optional = parameters.filter((p) => p.in === 'query' && !p.required && ['period', 'country', 'q'].includes(p.name));
      for (const p of optional) {
        const value = p.name === 'q' ? 'клевета' : values[p.name]![0]!;
        seeds.push(`${url}?${[...query, `${p.name}=${encodeURIComponent(value)}`].join('&')}`);
      }
    }
  }
  // Follow the public URLs that JSON answers give (an export's file list, downloads' links).
  const seen = new Set<string>();
  const queue = [...seeds];
  while (queue.length > 0 && seen.size < 2000) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const response = await get(url);
    collect(`GET ${url} (${response.statusCode})`, response.body);
    if (!String(response.headers['content-type'] ?? '').includes('json')) continue;
    for (const m of response.body.matchAll(/"(\/(?:api\/v1\/public|feeds)\/[^"\s]+)"/g)) {
      const next = m[1]!.replace(/\\u0026/g, '&');
      if (!seen.has(next)) queue.push(next);
    }
  }
  expect(seen.size).toBeGreaterThan(20);
}

/** Every export format, over all half-years and over the record's. */
async function collectExports(): Promise<void> {
  for (const format of exportFormats) {
    for (const period of [null, parsePeriod(record.period)]) {
      for (const file of await exportFiles(writ, format, period))
        collect(`export ${format} ${period ? record.period : 'all'} ${file.name}`, file.content);
    }
  }
}

/** A value's written form, its bare digits, and its digits with any separators between them. */
function patternsOf(value: string): { label: string; test: (text: string) => boolean }[] {
  const patterns = [{ label: value, test: (text: string) => text.toLowerCase().includes(value.toLowerCase()) }];
  const digits = value.replace(/\D/g, '');
  if (digits.length >= 9) {
    // A phone's trunk prefix may be written otherwise (8 / +7): the number without its first digit counts too.
    for (const run of [digits, digits.slice(1)]) {
      const separated = new RegExp(`(?<!\\d)${[...run].join('[^0-9A-Za-z]{0,3}')}(?!\\d)`);
      patterns.push({ label: `${run} (digits, any separators)`, test: (text: string) => separated.test(text) });
    }
  }
  return patterns;
}

describe('an order full of personal data, published', () => {
  it('was published with its texts redacted (the test reaches a real record)', () => {
    expect(record.legalBasis).toContain('[redacted]');
    expect(record.legalBasis).toContain('Уголовный кодекс РК, ст. 131');
    expect(record.summary).toContain('[redacted]');
    expect(record.caseStudy).toContain('Суд признал видео клеветой');
    expect(record.items).toHaveLength(3);
  });

  it('every kind of surface was collected', () => {
    const kinds = ['GET /api/v1/public/records/', 'GET /feeds/', 'export ', 'static file ', '(its log leaf, decoded)'];
    for (const kind of kinds)
      expect(
        surfaces.some((s) => s.where.includes(kind)),
        kind,
      ).toBe(true);
    // The record itself is on the surfaces searched (so that a leak would be seen there).
    expect(surfaces.filter((s) => s.text.includes(record.id)).length).toBeGreaterThan(10);
    expect(surfaces.some((s) => s.where.startsWith('static file') && s.text.includes('Уголовный кодекс РК'))).toBe(true);
  });

  it('no surface shows any personal datum, in any form', () => {
    const leaks: string[] = [];
    for (const [kind, value] of Object.entries(personal)) {
      for (const pattern of patternsOf(value)) {
        for (const surface of surfaces) {
          if (pattern.test(surface.text)) leaks.push(`${surface.where} shows ${kind} ${JSON.stringify(pattern.label)}`);
        }
      }
    }
    expect(leaks, `personal data on public surfaces:\n${leaks.join('\n')}`).toEqual([]);
  });
});
