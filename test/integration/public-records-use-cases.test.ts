/**
 * The public request database's use cases themselves (src/app/public-records.ts), over a few records
 * written as the publication workflow writes them: a search answers from the published records; a
 * record is found with its citation (on the configured site, or the one given), a withdrawn one as
 * its tombstone, an unknown one not at all; the Atom feed of one country (its code in either case)
 * or of all, newest first, without withdrawn records, each entry's title and summary composed from
 * the record line by line (its regime, an undecided item, a reason, a correction only when there is
 * one; nothing empty), every text XML-escaped with what XML 1.0 cannot carry dropped; an empty feed
 * is dated 1970; a country that does not exist has no feed.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedXml, recordById, searchRecords, xmlText } from '../../src/app/public-records.js';
import { writePublicRecord, writeTombstone } from '../../src/db/public-record-writes.js';
import { recordSearchQuery } from '../../src/db/public-records-search.js';
import { publications } from '../../src/db/schema/index.js';
import type { User } from '../../src/db/users-repository.js';
import type { PublicRecord, PublicTombstone } from '../../src/domain/public-record.js';
import { publishRecord, samplePublicRecord } from '../support/publishing.js';
import { createTestWrit, refusal, staffMember, type TestWrit, testAuthority } from '../support/writ.js';

let t: TestWrit;
let recorder: User;
let authorityId: string;

/** KZ, corrected once: a regime, a decided item with its reason and an undecided one, escaped text. */
let corrected: PublicRecord;
/** KZ, a data order: no regime, no items, no summary, no correction. */
let dataOrder: PublicRecord;
/** RU, the newest of all. */
let russian: PublicRecord;
let tombstone: PublicTombstone;

/** Records an order and publishes `record` for it under the order's reference, as the workflow does. */
async function publish(record: PublicRecord): Promise<PublicRecord> {
  return (await publishRecord(t, authorityId, recorder, record)).record;
}

/** A later version of a published record (same publication row). */
async function correct(record: PublicRecord): Promise<PublicRecord> {
  await t.database.db.transaction(async (tx) => {
    const [publication] = await tx.select({ id: publications.id }).from(publications).where(eq(publications.publicId, record.id));
    await writePublicRecord(tx, { publicationId: publication!.id, record, at: new Date(record.publishedAt) });
  });
  return record;
}

beforeAll(async () => {
  t = await createTestWrit({
    now: () => new Date('2026-06-01T00:00:00Z'),
    env: { WRIT_PUBLIC_URL: 'https://writ.platform.example' },
  });
  recorder = await staffMember(t.writ, 'reviewer');
  authorityId = (await testAuthority(t)).id;
  const first = await publish(
    samplePublicRecord({
      authority: { name: 'Ministry of Information & Communications', kind: 'communications_regulator' },
      summary: 'The post called the akim a "thief" <in capitals>;\u0007 the platform\'s review found no breach.',
      publishedAt: '2026-03-20T10:00:00.000Z',
      items: [
        {
          position: 1,
          targetKind: 'url',
          target: 'https://video.example/watch/[redacted]',
          product: 'Video',
          outcome: 'removed_legal',
          reason: 'Defamation',
          scope: ['KZ'],
        },
        { position: 2, targetKind: 'account', target: '[redacted]', product: 'Posts', outcome: null, reason: null, scope: null },
      ],
    }),
  );
  corrected = await correct({
    ...first,
    version: 2,
    decidedOn: '2026-03-12',
    publishedAt: '2026-05-02T10:00:00.000Z',
    correctionNote: 'The decision date was wrong.',
  });
  dataOrder = await publish(
    samplePublicRecord({
      kind: 'user_data',
      authority: { name: 'Personal Data Agency', kind: 'data_protection_authority' },
      regime: null,
      legalBasis: 'Law on Personal Data, Art. 7',
      publishedAt: '2026-04-01T09:30:00.000Z',
      items: [],
      accounts: { requested: 2, disclosed: 1, partly: 0, refused: 1 },
      summary: null,
    }),
  );
  russian = await publish(
    samplePublicRecord({
      country: 'RU',
      authority: { name: 'Roskomnadzor', kind: 'communications_regulator' },
      regime: null,
      legalBasis: 'Federal Law 149-FZ, Art. 15.3',
      publishedAt: '2026-05-10T08:00:00.000Z',
    }),
  );
  const withdrawn = await publish(samplePublicRecord({ publishedAt: '2026-05-20T10:00:00.000Z' }));
  tombstone = { id: withdrawn.id, version: 2, withdrawnAt: '2026-05-21T00:00:00.000Z', reason: 'Published in error.' };
  await t.database.db.transaction((tx) => writeTombstone(tx, { tombstone, at: new Date(tombstone.withdrawnAt) }));
});
afterAll(async () => t?.close());

describe('searchRecords', () => {
  it('answers from the published records, newest first, without a withdrawn one', async () => {
    const result = await searchRecords(t.writ, recordSearchQuery({ country: ['KZ'] }));
    expect(result.total).toBe(2);
    expect(result.records).toEqual([corrected, dataOrder]);
    expect(result.order).toBe('newest');
  });
});

describe('recordById', () => {
  it("finds a published record's current version, cited on the configured public site", async () => {
    expect(await recordById(t.writ, corrected.id)).toEqual({
      status: 'published',
      record: corrected,
      citation: `Writ public record ${corrected.id} (version 2), Ministry of Information & Communications (Kazakhstan), received 2026-03-10, decided 2026-03-12. https://writ.platform.example/records/${corrected.id}`,
    });
  });

  it('cites the record on the site given instead', async () => {
    const found = await recordById(t.writ, dataOrder.id, 'https://mirror.example/');
    expect(found).toEqual({
      status: 'published',
      record: dataOrder,
      citation: `Writ public record ${dataOrder.id} (version 1), Personal Data Agency (Kazakhstan), received 2026-03-10, decided 2026-03-11. https://mirror.example/records/${dataOrder.id}`,
    });
  });

  it('answers a withdrawn record with its tombstone', async () => {
    expect(await recordById(t.writ, tombstone.id)).toEqual({ status: 'withdrawn', tombstone });
  });

  it('refuses an id that was never published as not found', async () => {
    expect(await refusal(recordById(t.writ, 'WR-999999'))).toEqual({
      code: 'not_found',
      field: undefined,
      message: 'record WR-999999 does not exist',
    });
  });
});

describe('xmlText', () => {
  it('escapes the five characters XML reserves and drops the characters XML 1.0 cannot carry, keeping tab and line breaks', () => {
    expect(xmlText('a\u0000b\u0008c\u000Bd\u000Ce\u000Ef\u001Fg\uFFFEh\uFFFFi\t\n\r&<>"\'j')).toBe(
      'abcdefghi\t\n\r&amp;&lt;&gt;&quot;&apos;j',
    );
    expect(xmlText('no change: ü € 𝄞')).toBe('no change: ü € 𝄞');
  });
});

describe('feedXml', () => {
  it("a country's feed: its live records newest first, each summarised line by line, every text escaped", async () => {
    const xml = await feedXml(t.writ, { country: 'kz', siteUrl: 'https://records.example//' });
    const c = corrected.id;
    const d = dataOrder.id;
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        '  <id>https://records.example/feeds/KZ.atom</id>',
        '  <title>Government orders published: KZ</title>',
        '  <updated>2026-05-02T10:00:00.000Z</updated>',
        '  <link rel="self" type="application/atom+xml" href="https://records.example/feeds/KZ.atom"/>',
        '  <link rel="alternate" type="text/html" href="https://records.example/records?country=KZ"/>',
        '  <author><name>Writ</name></author>',
        '  <entry>',
        `    <id>https://records.example/records/${c}</id>`,
        `    <title>${c}: Ministry of Information &amp; Communications (KZ), content removal</title>`,
        '    <updated>2026-05-02T10:00:00.000Z</updated>',
        '    <published>2026-05-02T10:00:00.000Z</published>',
        '    <author><name>Ministry of Information &amp; Communications</name></author>',
        `    <link rel="alternate" type="text/html" href="https://records.example/records/${c}"/>`,
        '    <category term="KZ"/>',
        `    <summary type="text">${[
          'Authority: Ministry of Information &amp; Communications (communications regulator, KZ)',
          'Regime: Kazakhstan: online platforms law (2022)',
          'Legal basis: Law on Online Platforms and Online Advertising, Art. 19',
          'Received 2026-03-10, decided 2026-03-12',
          '1. Video: removed_legal (Defamation)',
          '2. Posts: undecided',
          'The post called the akim a &quot;thief&quot; &lt;in capitals&gt;; the platform&apos;s review found no breach.',
          'Correction: The decision date was wrong.',
        ].join('\n')}</summary>`,
        '  </entry>',
        '  <entry>',
        `    <id>https://records.example/records/${d}</id>`,
        `    <title>${d}: Personal Data Agency (KZ), user data</title>`,
        '    <updated>2026-04-01T09:30:00.000Z</updated>',
        '    <published>2026-04-01T09:30:00.000Z</published>',
        '    <author><name>Personal Data Agency</name></author>',
        `    <link rel="alternate" type="text/html" href="https://records.example/records/${d}"/>`,
        '    <category term="KZ"/>',
        `    <summary type="text">${[
          'Authority: Personal Data Agency (data protection authority, KZ)',
          'Legal basis: Law on Personal Data, Art. 7',
          'Received 2026-03-10, decided 2026-03-11',
        ].join('\n')}</summary>`,
        '  </entry>',
        '</feed>',
        '',
      ].join('\n'),
    );
  });

  it('the feed of all countries: every live record newest first, under its own id, title and links', async () => {
    const xml = await feedXml(t.writ, { country: null, siteUrl: 'https://records.example' });
    expect(xml.split('\n').slice(0, 8)).toEqual([
      '<?xml version="1.0" encoding="utf-8"?>',
      '<feed xmlns="http://www.w3.org/2005/Atom">',
      '  <id>https://records.example/feeds/records.atom</id>',
      '  <title>Government orders published</title>',
      '  <updated>2026-05-10T08:00:00.000Z</updated>',
      '  <link rel="self" type="application/atom+xml" href="https://records.example/feeds/records.atom"/>',
      '  <link rel="alternate" type="text/html" href="https://records.example/records"/>',
      '  <author><name>Writ</name></author>',
    ]);
    expect([...xml.matchAll(/^ {4}<id>(.*)<\/id>$/gm)].map((m) => m[1])).toEqual(
      [russian.id, corrected.id, dataOrder.id].map((id) => `https://records.example/records/${id}`),
    );
    expect(xml).toContain(`    <title>${russian.id}: Roskomnadzor (RU), content removal</title>\n`);
  });

  it('a country without records: a feed with no entries, dated at the epoch', async () => {
    expect(await feedXml(t.writ, { country: 'DE', siteUrl: 'https://records.example' })).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        '  <id>https://records.example/feeds/DE.atom</id>',
        '  <title>Government orders published: DE</title>',
        '  <updated>1970-01-01T00:00:00.000Z</updated>',
        '  <link rel="self" type="application/atom+xml" href="https://records.example/feeds/DE.atom"/>',
        '  <link rel="alternate" type="text/html" href="https://records.example/records?country=DE"/>',
        '  <author><name>Writ</name></author>',
        '</feed>',
        '',
      ].join('\n'),
    );
  });

  it('refuses a code that is not a country as not found, naming it as given', async () => {
    expect(await refusal(feedXml(t.writ, { country: 'xx', siteUrl: 'https://records.example' }))).toEqual({
      code: 'not_found',
      field: 'country',
      message: 'there is no feed for xx',
    });
  });
});
