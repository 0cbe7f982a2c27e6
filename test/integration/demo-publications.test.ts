/**
 * The demo's public records (issue 13): seeding the demo publishes its Russian-language orders of
 * Kazakhstan and Russia through the publication workflow, so that a fresh installation's public
 * request database lists them, a corrected one is at version 2, a withdrawn one answers with its
 * tombstone, the child's order withholds every text, no personal datum of the demo's texts is in any
 * public record or version, and the log holds one leaf per publication, correction and withdrawal
 *  under a checkpoint, signed by the log's key, that covers them all.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWrit } from '../../src/app/context.js';
import { latestCheckpoint, verifierKey } from '../../src/app/transparency-log.js';
import { loadConfig } from '../../src/config.js';
import { demoPersonalData, demoPublications } from '../../src/demo/demo-publications.js';
import { seedDemoData } from '../../src/demo/seed.js';
import { parseVerifierKey } from '../../src/domain/checkpoint.js';
import { verifyCheckpoint } from '../../src/domain/checkpoint-signing.js';
import type { PublicRecord } from '../../src/domain/public-record.js';
import { createTestApp, type TestApp } from '../support/app.js';

const now = new Date('2026-11-20T09:00:00Z');
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ now: () => now });
  await seedDemoData(t.database.db, now);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const get = async (url: string) => t.app.inject({ method: 'GET', url });

/** The public id of the demo publication whose authority reference is `reference`. */
async function publicIdOf(reference: string): Promise<string> {
  const result = await t.database.db.execute<{ reference: string }>(
    sql`SELECT reference FROM requests WHERE authority_reference = ${reference}`,
  );
  expect(result.rows, reference).toHaveLength(1);
  return result.rows[0]!.reference;
}

describe('the demo publications', () => {
  it('the public request database lists every record that was not withdrawn', async () => {
    const response = await get('/api/v1/public/records?pageSize=100');
    expect(response.statusCode, response.body).toBe(200);
    const { total, records } = response.json() as { total: number; records: PublicRecord[] };
    const shown = demoPublications.filter((p) => !p.withdrawal);
    expect(total).toBe(shown.length);
    const ids = records.map((r) => r.id).sort();
    expect(ids).toEqual((await Promise.all(shown.map((p) => publicIdOf(p.reference)))).sort());
    expect(new Set(records.map((r) => r.country))).toEqual(new Set(['KZ', 'RU']));
    for (const record of records) expect(record.publishedAt < now.toISOString(), record.id).toBe(true);
  });

  it('finds a record by a Russian word in another form than the stored one', async () => {
    // Stored: «журналистское расследование»; searched: «расследования».
    const response = await get(`/api/v1/public/records?q=${encodeURIComponent('расследования')}`);
    expect(response.statusCode, response.body).toBe(200);
    const { records } = response.json() as { records: PublicRecord[] };
    const caseStudy = demoPublications.find((p) => p.items.some((i) => i.decision.publicInterest))!;
    expect(records.map((r) => r.id)).toContain(await publicIdOf(caseStudy.reference));
  });

  it('redacts the personal data the proposals find and the marked name', async () => {
    const p = demoPublications.find((d) => d.markedNames?.length)!;
    const response = await get(`/api/v1/public/records/${await publicIdOf(p.reference)}`);
    expect(response.statusCode, response.body).toBe(200);
    const { record } = response.json() as { record: PublicRecord };
    expect(record.legalBasis).toContain('[redacted]');
    expect(record.summary).toContain('[redacted]');
    expect(record.legalBasis).toContain('Уголовный кодекс РК, ст. 131');
  });

  it('the public-interest record carries its case study', async () => {
    const p = demoPublications.find((d) => d.items.some((i) => i.decision.caseStudy))!;
    const { record } = (await get(`/api/v1/public/records/${await publicIdOf(p.reference)}`)).json() as {
      record: PublicRecord;
    };
    expect(record.publicInterest).toBe(true);
    expect(record.caseStudy).toContain('Туркестанской области');
  });

  it('the corrected record is at version 2 with its note and the new outcome', async () => {
    const p = demoPublications.find((d) => d.correction)!;
    const { record } = (await get(`/api/v1/public/records/${await publicIdOf(p.reference)}`)).json() as {
      record: PublicRecord;
    };
    expect(record.version).toBe(2);
    expect(record.correctionNote).toBe(p.correction!.note);
    expect(record.items[0]!.outcome).toBe('no_action');
  });

  it('the withdrawn record answers 410 with its tombstone and reason', async () => {
    const p = demoPublications.find((d) => d.withdrawal)!;
    const response = await get(`/api/v1/public/records/${await publicIdOf(p.reference)}`);
    expect(response.statusCode, response.body).toBe(410);
    expect(response.json()).toMatchObject({ status: 'withdrawn', tombstone: { version: 2, reason: p.withdrawal!.reason } });
  });

  it('the child-related record is published with nothing about the child', async () => {
    const p = demoPublications.find((d) => d.category === 'child_cyberbullying')!;
    const { record } = (await get(`/api/v1/public/records/${await publicIdOf(p.reference)}`)).json() as {
      record: PublicRecord;
    };
    expect(record.concernsChild).toBe(true);
    expect(record.summary).toBeNull();
    expect(record.items.every((i) => i.target === null)).toBe(true);
    expect(record.legalBasis).toBe('[withheld]');
    expect(JSON.stringify(record)).not.toContain('alina');
  });

  it('no record, version or log leaf holds any personal datum of the demo texts', async () => {
    const rows = await t.database.db.execute<{ text: string; source: string }>(sql`
      SELECT 'public_records' AS source, record::text || coalesce(tombstone::text, '') AS text FROM public_records
      UNION ALL SELECT 'public_record_versions', to_jsonb(v)::text FROM public_record_versions v
      UNION ALL SELECT 'transparency_log', convert_from(leaf, 'UTF8') FROM transparency_log`);
    expect(rows.rows.length).toBeGreaterThan(0);
    const values = Object.values(demoPersonalData);
    for (const { text, source } of rows.rows) {
      for (const value of values) {
        expect(text.toLowerCase().includes(value.toLowerCase()), `${source} shows ${value}`).toBe(false);
        const digits = value.replace(/\D/g, '');
        if (digits.length >= 7) expect(text.replace(/\D/g, '').includes(digits), `${source} shows ${digits}`).toBe(false);
      }
    }
  });

  it('the log has a leaf for each publication, correction and withdrawal, and a checkpoint over all of them', async () => {
    const expected =
      demoPublications.length +
      demoPublications.filter((p) => p.correction).length +
      demoPublications.filter((p) => p.withdrawal).length;
    const leaves = await t.database.db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM transparency_log`);
    expect(Number(leaves.rows[0]!.n)).toBe(expected);
    const writ = createWrit(t.database.db, loadConfig({ LOG_LEVEL: 'silent' }));
    const note = await latestCheckpoint(writ);
    expect(note, 'no checkpoint was signed').not.toBeNull();
    const checkpoint = verifyCheckpoint(note!, parseVerifierKey(await verifierKey(writ)));
    expect(checkpoint.treeSize).toBe(expected);
  });
});
