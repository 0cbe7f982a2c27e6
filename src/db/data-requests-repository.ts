/**
 * The data part of data orders (issue 11): stored with the order in its transaction, and read back
 * with it. Decisions on accounts, holds, emergency reviews and productions are written by their own
 * repositories (account-decisions, preservation, productions); this one reads them all for the order.
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { DataCategory, DataRequestParticulars, DataRequestView, HoldRelease } from '../domain/data-request.js';
import type { Db } from './connection.js';
import type { Tx } from './request-rows.js';
import {
  accountDecisions,
  dataAccounts,
  dataRequests,
  emergencyReviews,
  events,
  preservationHolds,
  productions,
  requests,
  users,
} from './schema/index.js';

type Runner = Pick<Tx, 'insert'>;

/** Stores the data parts of newly inserted orders (`requestIds[n]` is the id of `parts[n]`'s order). */
export async function insertDataParticulars(
  tx: Runner,
  orders: readonly { requestId: string; dataRequest: DataRequestParticulars }[],
): Promise<void> {
  if (orders.length === 0) return;
  await tx.insert(dataRequests).values(
    orders.map(({ requestId, dataRequest: d }) => ({
      requestId,
      legalProcess: d.legalProcess,
      categories: d.categories,
      dateFrom: d.dateFrom,
      dateTo: d.dateTo,
      nonDisclosureUntil: d.nonDisclosureUntil,
      emergencyThreat: d.emergency?.threat ?? null,
      emergencyJustification: d.emergency?.justification ?? null,
    })),
  );
  await tx.insert(dataAccounts).values(
    orders.flatMap(({ requestId, dataRequest: d }) =>
      d.accounts.map((a, position) => ({
        requestId,
        position,
        identifierKind: a.identifierKind,
        identifier: a.identifier,
        windowFrom: a.from,
        windowTo: a.to,
      })),
    ),
  );
}

type Reader = Pick<Db, 'select'>;

/** The order's data part with its accounts, their decisions and holds, the emergency review and the productions; null for removals. */
export async function readDataRequest(db: Reader, requestId: string): Promise<DataRequestView | null> {
  const [part] = await db.select().from(dataRequests).where(eq(dataRequests.requestId, requestId));
  if (!part) return null;
  const accountRows = await db
    .select({ account: dataAccounts, decision: accountDecisions, decider: { id: users.id, name: users.name } })
    .from(dataAccounts)
    .leftJoin(accountDecisions, eq(accountDecisions.accountId, dataAccounts.id))
    .leftJoin(users, eq(users.id, accountDecisions.decidedBy))
    .where(eq(dataAccounts.requestId, requestId))
    .orderBy(asc(dataAccounts.position));
  const holdRows = await db
    .select({ hold: preservationHolds, legalReference: requests.reference })
    .from(preservationHolds)
    .leftJoin(requests, eq(requests.id, preservationHolds.legalProcessRequestId))
    .where(eq(preservationHolds.requestId, requestId));
  const holds = new Map(holdRows.map((r) => [r.hold.accountId, r]));
  const [review] = await db
    .select({ review: emergencyReviews, reviewer: { id: users.id, name: users.name }, followUpReference: requests.reference })
    .from(emergencyReviews)
    .leftJoin(users, eq(users.id, emergencyReviews.reviewedBy))
    .leftJoin(requests, eq(requests.id, emergencyReviews.followUpRequestId))
    .where(eq(emergencyReviews.requestId, requestId));
  const productionRows = await db
    .select({ production: productions, creator: { id: users.id, name: users.name } })
    .from(productions)
    .leftJoin(users, eq(users.id, productions.createdBy))
    .where(eq(productions.requestId, requestId))
    .orderBy(asc(productions.createdAt));
  const downloads = productionRows.length
    ? await db
        .select({ id: sql<string>`${events.after}->>'productionId'`, n: sql<number>`count(*)::int` })
        .from(events)
        .where(sql`${events.requestId} = ${requestId} AND ${events.type} = 'production_downloaded'`)
        .groupBy(sql`1`)
    : [];
  const downloadCount = new Map(downloads.map((d) => [d.id, d.n]));

  return {
    legalProcess: part.legalProcess,
    categories: part.categories,
    dateFrom: part.dateFrom,
    dateTo: part.dateTo,
    nonDisclosureUntil: part.nonDisclosureUntil,
    emergency:
      part.emergencyThreat && part.emergencyJustification !== null
        ? { threat: part.emergencyThreat, justification: part.emergencyJustification }
        : null,
    accounts: accountRows.map(({ account: a, decision: d, decider }) => {
      const h = holds.get(a.id);
      return {
        id: a.id,
        position: a.position,
        identifierKind: a.identifierKind,
        identifier: a.identifier,
        from: a.windowFrom,
        to: a.windowTo,
        decision: d
          ? {
              extent: d.extent,
              producedCategories: d.producedCategories,
              refusalReason: d.refusalReason,
              legalBasis: d.legalBasis,
              rationale: d.rationale,
              decidedAt: d.decidedAt,
              decidedBy: { id: d.decidedBy, name: decider?.name ?? '' },
            }
          : null,
        hold: h
          ? {
              id: h.hold.id,
              categories: h.hold.categories as DataCategory[],
              preservedAt: h.hold.preservedAt,
              expiresAt: h.hold.expiresAt,
              extensions: h.hold.extensions,
              remindedAt: h.hold.remindedAt,
              legalProcess:
                h.hold.legalProcessRequestId && h.hold.legalProcessAt
                  ? { requestId: h.hold.legalProcessRequestId, reference: h.legalReference ?? '', at: h.hold.legalProcessAt }
                  : null,
              releasedAt: h.hold.releasedAt,
              releaseReason: h.hold.releaseReason as HoldRelease | null,
            }
          : null,
      };
    }),
    emergencyReview: review
      ? {
          reviewDueAt: review.review.reviewDueAt,
          followUpDueAt: review.review.followUpDueAt,
          reviewedAt: review.review.reviewedAt,
          reviewedBy: review.reviewer?.id ? { id: review.reviewer.id, name: review.reviewer.name } : null,
          conclusion: review.review.conclusion,
          reviewNote: review.review.reviewNote,
          followUp:
            review.review.followUpRequestId && review.review.followUpReceivedAt
              ? {
                  requestId: review.review.followUpRequestId,
                  reference: review.followUpReference ?? '',
                  at: review.review.followUpReceivedAt,
                }
              : null,
        }
      : null,
    productions: productionRows.map(({ production: p, creator }) => ({
      id: p.id,
      fileName: p.fileName,
      size: p.size,
      sha256: p.sha256,
      files: ((p.manifest as { files?: { name: string; size: number; sha256: string }[] }).files ?? []).map((f) => ({
        name: f.name,
        size: f.size,
        sha256: f.sha256,
      })),
      availableUntil: p.availableUntil,
      revokedAt: p.revokedAt,
      createdAt: p.createdAt,
      createdBy: creator?.id ? { id: creator.id, name: creator.name } : null,
      downloads: downloadCount.get(p.id) ?? 0,
    })),
  };
}

/** Accounts of the request that have no decision yet. */
export async function undecidedAccounts(tx: Reader, requestId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(dataAccounts)
    .leftJoin(accountDecisions, eq(accountDecisions.accountId, dataAccounts.id))
    .where(sql`${dataAccounts.requestId} = ${requestId} AND ${accountDecisions.accountId} IS NULL`);
  return row?.n ?? 0;
}
