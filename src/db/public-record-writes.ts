/**
 * Writing the public request database (issue 13): a record version or a tombstone goes into
 * `public_records` (what every public surface reads), `public_record_versions` (append-only) and the
 * transparency log, all in the caller's transaction — a record is public exactly when its leaf is logged.
 */
import { sql } from 'drizzle-orm';
import { facetsOf, type PublicRecord, type PublicTombstone, searchTextOf } from '../domain/public-record.js';
import { encodeLogEntry } from '../domain/transparency-log.js';
import type { DbOrTx } from './outbox-repository.js';
import { publicRecords, publicRecordVersions } from './schema/index.js';
import { appendLogEntry } from './transparency-log-repository.js';

/** Publishes `record` (version 1: `publish`; a later version: `correct`) and logs it. */
export async function writePublicRecord(
  tx: DbOrTx,
  input: { publicationId: string; record: PublicRecord; at: Date },
): Promise<{ leafIndex: number }> {
  const { record, at } = input;
  const kind = record.version === 1 ? 'publish' : 'correct';
  const leafIndex = await appendLogEntry(tx, {
    kind,
    publicId: record.id,
    version: record.version,
    leaf: encodeLogEntry({ kind, id: record.id, version: record.version, at: at.toISOString(), body: record }),
    at,
  });
  await tx
    .insert(publicRecordVersions)
    .values({ publicId: record.id, version: record.version, kind, body: record, leafIndex, at });
  const { reasons, outcomes } = facetsOf(record);
  const row = {
    publicationId: input.publicationId,
    version: record.version,
    record,
    tombstone: null,
    country: record.country,
    authorityKind: record.authority.kind,
    regimeId: record.regime?.id ?? null,
    reasons,
    outcomes,
    period: record.period,
    decidedOn: record.decidedOn,
    publishedAt: new Date(record.publishedAt),
    withdrawnAt: null,
    searchText: searchTextOf(record),
    leafIndex,
  };
  await tx
    .insert(publicRecords)
    .values({ publicId: record.id, ...row })
    .onConflictDoUpdate({ target: publicRecords.publicId, set: row });
  return { leafIndex };
}

/**
 * Withdraws a published record: its tombstone is logged and stays at its URL. The record's text is
 * emptied from the searchable row (only the log's earlier leaves keep what was once published).
 */
export async function writeTombstone(
  tx: DbOrTx,
  input: { tombstone: PublicTombstone; at: Date },
): Promise<{ leafIndex: number }> {
  const { tombstone, at } = input;
  const leafIndex = await appendLogEntry(tx, {
    kind: 'withdraw',
    publicId: tombstone.id,
    version: tombstone.version,
    leaf: encodeLogEntry({
      kind: 'withdraw',
      id: tombstone.id,
      version: tombstone.version,
      at: at.toISOString(),
      body: tombstone,
    }),
    at,
  });
  await tx
    .insert(publicRecordVersions)
    .values({ publicId: tombstone.id, version: tombstone.version, kind: 'withdraw', body: tombstone, leafIndex, at });
  await tx
    .update(publicRecords)
    .set({ version: tombstone.version, tombstone, withdrawnAt: at, searchText: '', leafIndex })
    .where(sql`${publicRecords.publicId} = ${tombstone.id}`);
  return { leafIndex };
}
