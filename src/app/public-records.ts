/**
 * The public request database's use cases (issue 13): search with facets, one record (with its
 * citation) or its tombstone, and the Atom feeds of newly published records. Reads only
 * `public_records` (src/db/public-records-repository.ts).
 */
import type { RecordSearchQuery, RecordSearchResult } from '../db/public-records-repository.js';
import { isCountryCode } from '../domain/countries.js';
import { notFound, WritError } from '../domain/errors.js';
import type { PublicRecord, PublicTombstone } from '../domain/public-record.js';
import { citationOf } from '../domain/public-record-render.js';
import type { Writ } from './context.js';

export type RecordLookup =
  | { status: 'published'; record: PublicRecord; citation: string }
  | { status: 'withdrawn'; tombstone: PublicTombstone };

/** How many records a feed carries. */
export const FEED_SIZE = 50;

export async function searchRecords(writ: Pick<Writ, 'publicRecords'>, query: RecordSearchQuery): Promise<RecordSearchResult> {
  return writ.publicRecords.search(query);
}

/** A published record with its citation, or its tombstone; unknown → not_found. */
export async function recordById(
  writ: Pick<Writ, 'publicRecords' | 'config'>,
  publicId: string,
  siteUrl: string = writ.config.publicUrl,
): Promise<RecordLookup> {
  const row = await writ.publicRecords.get(publicId);
  if (!row) throw notFound('record', publicId);
  if (row.tombstone) return { status: 'withdrawn', tombstone: row.tombstone };
  if (!row.record) throw notFound('record', publicId);
  return { status: 'published', record: row.record, citation: citationOf(row.record, siteUrl) };
}

const xmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** Text for XML: the five special characters escaped, and characters XML 1.0 forbids dropped. */
export function xmlText(value: string): string {
  return (
    value
      // biome-ignore lint/suspicious/noControlCharactersInRegex: dropping what XML 1.0 cannot carry
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[&<>"']/g, (c) => xmlEscapes[c]!)
  );
}

function entryTitle(record: PublicRecord): string {
  return `${record.id}: ${record.authority.name} (${record.country}), ${record.kind.replace(/_/g, ' ')}`;
}

function entryContent(record: PublicRecord): string {
  const items = record.items
    .map((item) => `${item.position}. ${item.product}: ${item.outcome ?? 'undecided'}${item.reason ? ` (${item.reason})` : ''}`)
    .join('\n');
  return [
    `Authority: ${record.authority.name} (${record.authority.kind.replace(/_/g, ' ')}, ${record.country})`,
    record.regime ? `Regime: ${record.regime.name}` : null,
    `Legal basis: ${record.legalBasis}`,
    `Received ${record.receivedOn}, decided ${record.decidedOn}`,
    items,
    record.summary,
    record.correctionNote ? `Correction: ${record.correctionNote}` : null,
  ]
    .filter((part): part is string => part !== null && part !== '')
    .join('\n');
}

/**
 * An Atom 1.0 feed (RFC 4287) of the newest published records, of one country or all. Every text is
 * XML-escaped; entry ids are the records' URLs (stable; the version is in `updated`).
 */
export async function feedXml(
  writ: Pick<Writ, 'publicRecords' | 'now'>,
  options: { country: string | null; siteUrl: string },
): Promise<string> {
  const country = options.country?.toUpperCase() ?? null;
  if (country !== null && !isCountryCode(country))
    throw new WritError('not_found', `there is no feed for ${options.country}`, 'country');
  const site = options.siteUrl.replace(/\/+$/, '');
  const records = await writ.publicRecords.latest({ country, limit: FEED_SIZE });
  const self = country ? `${site}/feeds/${country}.atom` : `${site}/feeds/records.atom`;
  const updated = records[0]?.publishedAt ?? new Date(0).toISOString();
  const title = country ? `Government orders published: ${country}` : 'Government orders published';
  const entries = records.map((record) => {
    const url = `${site}/records/${encodeURIComponent(record.id)}`;
    return [
      '  <entry>',
      `    <id>${xmlText(url)}</id>`,
      `    <title>${xmlText(entryTitle(record))}</title>`,
      `    <updated>${xmlText(record.publishedAt)}</updated>`,
      `    <published>${xmlText(record.publishedAt)}</published>`,
      `    <author><name>${xmlText(record.authority.name)}</name></author>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(url)}"/>`,
      `    <category term="${xmlText(record.country)}"/>`,
      `    <summary type="text">${xmlText(entryContent(record))}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlText(self)}</id>`,
    `  <title>${xmlText(title)}</title>`,
    `  <updated>${xmlText(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(`${site}/records${country ? `?country=${country}` : ''}`)}"/>`,
    '  <author><name>Writ</name></author>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
