/**
 * Public records for tests that need some before the publication workflow has made them (issue 13):
 * a real order recorded through the API, a publications row for it, and its record written with the
 * same function the workflow publishes with (src/db/public-record-writes.ts), so it is in the log.
 * Tests of the workflow itself go through its routes instead.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/connection.js';
import { writePublicRecord } from '../../src/db/public-record-writes.js';
import { publications } from '../../src/db/schema/index.js';
import type { PublicRecord } from '../../src/domain/public-record.js';
import type { Actor } from '../../src/domain/request.js';
import { createAuthority, newRequestBody, type TestApp } from './app.js';
import { receiveMinimalOrder, type TestWrit } from './writ.js';

/** A complete, plausible public record; `overrides` replace top-level fields. */
export function samplePublicRecord(overrides: Partial<PublicRecord> = {}): PublicRecord {
  return {
    id: 'WR-000001',
    version: 1,
    kind: 'content_removal',
    authority: { name: 'Ministry of Information', kind: 'communications_regulator' },
    country: 'KZ',
    regime: { id: 'kz-2022-child-cyberbullying', name: 'Kazakhstan: online platforms law (2022)' },
    legalBasis: 'Law on Online Platforms and Online Advertising, Art. 19',
    receivedOn: '2026-03-10',
    decidedOn: '2026-03-11',
    period: '2026-H1',
    publishedAt: '2026-03-20T10:00:00.000Z',
    language: 'ru',
    items: [
      {
        position: 1,
        targetKind: 'url',
        target: 'https://video.example/watch/[redacted]',
        product: 'Video',
        outcome: 'no_action',
        reason: 'Government Criticism',
        scope: null,
      },
    ],
    accounts: null,
    summary: 'Видео с критикой акима области; платформа не приняла мер.',
    publicInterest: false,
    caseStudy: null,
    courtChallenge: false,
    concernsChild: false,
    correctionNote: null,
    ...overrides,
  };
}

/**
 * Records an order through the API and publishes `record` for it (its `id` becomes the order's
 * reference unless `keepId`). Returns the record as stored and its leaf index.
 */
export async function seedPublishedRecord(
  t: TestApp,
  record: PublicRecord = samplePublicRecord(),
  options: { country?: string; keepId?: boolean } = {},
): Promise<{ record: PublicRecord; requestId: string; leafIndex: number }> {
  const authorityName = `${record.authority.name} ${Math.random().toString(36).slice(2, 7)}`;
  const authority = await createAuthority(t, options.country ?? record.country, authorityName, record.authority.kind);
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: t.auth,
    payload: newRequestBody(authority.id),
  });
  if (created.statusCode !== 201) throw new Error(`recording the order failed: ${created.body}`);
  const order = created.json() as { id: string; reference: string };
  return publishFor(t.database.db, order, record, options);
}

/**
 * The same over Writ's context, without the HTTP app (test/support/writ.ts): the order is recorded
 * as a minimal portal order from `authorityId` by `actor`. What use-case tests seed records with:
 * they run again for every mutant their tests reach (decision 63).
 */
export async function publishRecord(
  t: TestWrit,
  authorityId: string,
  actor: Actor,
  record: PublicRecord = samplePublicRecord(),
  options: { keepId?: boolean } = {},
): Promise<{ record: PublicRecord; requestId: string; leafIndex: number }> {
  const order = await receiveMinimalOrder(t, authorityId, actor);
  return publishFor(t.database.db, order, record, options);
}

/** A publications row for `order` and its record written as the workflow writes it. */
export async function publishFor(
  db: Db,
  order: { id: string; reference: string },
  record: PublicRecord,
  options: { keepId?: boolean },
): Promise<{ record: PublicRecord; requestId: string; leafIndex: number }> {
  const stored: PublicRecord = options.keepId ? record : { ...record, id: order.reference };
  const leafIndex = await db.transaction(async (tx) => {
    const [publication] = await tx
      .insert(publications)
      .values({ requestId: order.id, publicId: stored.id, status: 'published', publishedAt: new Date(stored.publishedAt) })
      .returning({ id: publications.id });
    const written = await writePublicRecord(tx, {
      publicationId: publication!.id,
      record: stored,
      at: new Date(stored.publishedAt),
    });
    return written.leafIndex;
  });
  return { record: stored, requestId: order.id, leafIndex };
}

/** How many leaves the transparency log holds. */
export async function logSize(t: TestApp): Promise<number> {
  const result = await t.database.db.execute<{ n: string }>(sql`SELECT count(*)::bigint AS n FROM transparency_log`);
  return Number(result.rows[0]!.n);
}
