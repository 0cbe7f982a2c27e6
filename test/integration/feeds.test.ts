/**
 * Atom feeds of newly published records (issue 13) over the real app: well-formed XML (checked by a
 * strict little parser here: balanced tags, quoted attributes, only the five entities and character
 * references, no raw `<` or `&` in text), every text escaped (an authority named with `<&"`), the
 * entries newest first with their record's URL, a country's feed only that country, withdrawn
 * records left out, an unknown country 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTombstone } from '../../src/db/public-record-writes.js';
import type { PublicRecord } from '../../src/domain/public-record.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { samplePublicRecord, seedPublishedRecord } from '../support/publishing.js';

let t: TestApp;
const records: Record<string, PublicRecord> = {};

type XmlElement = { name: string; attributes: Record<string, string>; children: XmlElement[]; text: string };

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decode(raw: string, where: string): string {
  if (/<|&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(raw)) throw new Error(`unescaped markup in ${where}: ${raw}`);
  return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(Number.parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : entities[e]!,
  );
}

/** Parses XML strictly enough to refuse what a feed reader would (no DTD, no CDATA needed here). */
function parseXml(xml: string): XmlElement {
  let i = 0;
  const declaration = /^<\?xml [^?]*\?>\s*/.exec(xml);
  if (!declaration) throw new Error('no XML declaration');
  i = declaration[0].length;
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt === -1 ? xml.length : lt;
    const text = xml.slice(i, textEnd);
    if (text.trim() !== '') {
      if (stack.length === 1) throw new Error(`text outside the root: ${text}`);
      stack.at(-1)!.text += decode(text, 'text');
    }
    if (lt === -1) break;
    const gt = xml.indexOf('>', lt);
    if (gt === -1) throw new Error('unterminated tag');
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const open = stack.pop()!;
      if (open.name !== tag.slice(1)) throw new Error(`</${tag.slice(1)}> closes <${open.name}>`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const nameMatch = /^([A-Za-z_][\w.-]*)/.exec(body);
    if (!nameMatch) throw new Error(`bad tag <${tag}>`);
    const element: XmlElement = { name: nameMatch[1]!, attributes: {}, children: [], text: '' };
    let rest = body.slice(nameMatch[0].length);
    const attribute = /^\s+([A-Za-z_][\w:.-]*)="([^"]*)"/;
    for (let m = attribute.exec(rest); m; m = attribute.exec(rest)) {
      if (m[1]! in element.attributes) throw new Error(`attribute ${m[1]} twice`);
      element.attributes[m[1]!] = decode(m[2]!, `attribute ${m[1]}`);
      rest = rest.slice(m[0].length);
    }
    if (rest.trim() !== '') throw new Error(`bad attributes in <${tag}>`);
    if (stack.length === 1 && root.children.length > 0) throw new Error('two root elements');
    stack.at(-1)!.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length !== 1) throw new Error(`<${stack.at(-1)!.name}> is not closed`);
  return root.children[0]!;
}

const child = (e: XmlElement, name: string) => e.children.find((c) => c.name === name);
const childrenNamed = (e: XmlElement, name: string) => e.children.filter((c) => c.name === name);

async function feed(url: string) {
  const response = await t.app.inject({ method: 'GET', url });
  return response;
}

beforeAll(async () => {
  t = await createTestApp({ now: () => new Date('2026-11-30T12:00:00Z') });
  const seed = async (key: string, record: PublicRecord) => {
    records[key] = (await seedPublishedRecord(t, record)).record;
  };
  await seed(
    'hostile',
    samplePublicRecord({
      authority: { name: 'Office <of> "Truth" & Co', kind: 'other_executive' },
      summary: 'A summary with <script>alert(1)</script> & "quotes" and a bell \u0007.',
      publishedAt: '2026-03-01T10:00:00.000Z',
    }),
  );
  await seed('kzNewer', samplePublicRecord({ summary: 'Newer KZ order', publishedAt: '2026-04-01T10:00:00.000Z' }));
  await seed(
    'tr',
    samplePublicRecord({ country: 'TR', regime: null, summary: 'Turkish order', publishedAt: '2026-05-01T10:00:00.000Z' }),
  );
  await seed('gone', samplePublicRecord({ summary: 'Withdrawn one', publishedAt: '2026-06-01T10:00:00.000Z' }));
  await t.database.db.transaction((tx) =>
    writeTombstone(tx, {
      tombstone: { id: records.gone!.id, version: 2, withdrawnAt: '2026-06-02T00:00:00.000Z', reason: 'Error.' },
      at: new Date('2026-06-02T00:00:00.000Z'),
    }),
  );
}, 60_000);
afterAll(async () => t?.close());

describe('Atom feeds', () => {
  it('the feed of every country is well-formed Atom, newest first, withdrawn records left out', async () => {
    const response = await feed('/feeds/records.atom');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/atom\+xml/);
    const root = parseXml(response.body);
    expect(root.name).toBe('feed');
    expect(root.attributes.xmlns).toBe('http://www.w3.org/2005/Atom');
    for (const required of ['id', 'title', 'updated']) expect(child(root, required), required).toBeDefined();
    const entries = childrenNamed(root, 'entry');
    const urls = entries.map((e) => child(e, 'link')!.attributes.href);
    expect(urls.map((u) => u!.replace(/^.*\/records\//, ''))).toEqual([records.tr!.id, records.kzNewer!.id, records.hostile!.id]);
    for (const entry of entries) {
      expect(child(entry, 'id')!.text).toBe(child(entry, 'link')!.attributes.href);
      expect(child(entry, 'link')!.attributes.rel).toBe('alternate');
      expect(child(entry, 'updated')!.text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    }
    expect(child(root, 'updated')!.text).toBe('2026-05-01T10:00:00.000Z');
    expect(response.body).not.toContain('Withdrawn one');
  });

  it('escapes every text: an authority named with <&" comes back as written, never as markup', async () => {
    const response = await feed('/feeds/KZ.atom');
    const root = parseXml(response.body);
    const hostile = childrenNamed(root, 'entry').find((e) => child(e, 'link')!.attributes.href!.endsWith(records.hostile!.id))!;
    expect(child(child(hostile, 'author')!, 'name')!.text).toBe('Office <of> "Truth" & Co');
    expect(child(hostile, 'title')!.text).toContain('Office <of> "Truth" & Co');
    expect(child(hostile, 'summary')!.text).toContain('<script>alert(1)</script> & "quotes"');
    expect(response.body).not.toContain('<script>');
    expect(response.body).not.toContain('\u0007');
  });

  it('a country’s feed has that country’s records only', async () => {
    const kz = parseXml((await feed('/feeds/KZ.atom')).body);
    expect(childrenNamed(kz, 'entry').map((e) => child(e, 'link')!.attributes.href!.replace(/^.*\/records\//, ''))).toEqual([
      records.kzNewer!.id,
      records.hostile!.id,
    ]);
    expect(child(kz, 'id')!.text).toMatch(/\/feeds\/KZ\.atom$/);
    const tr = parseXml((await feed('/feeds/tr.atom')).body);
    expect(childrenNamed(tr, 'entry').map((e) => child(e, 'category')!.attributes.term)).toEqual(['TR']);
    const de = parseXml((await feed('/feeds/DE.atom')).body);
    expect(childrenNamed(de, 'entry')).toEqual([]);
  });

  it('an unknown country is 404', async () => {
    const unknown = await feed('/feeds/XX.atom');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('not_found');
    expect((await feed('/feeds/KAZ.atom')).statusCode).toBeGreaterThanOrEqual(400);
  });
});
