/**
 * Issue 13 — a decided order's publication: the order read as what a public record is rendered from,
 * the publications row (redactions chosen, approval, publishing, correction, withdrawal), and the
 * sweep that publishes due records. Each change is one transaction under the order's row lock, with
 * its history event; publishing, correcting and withdrawing write the public record (or tombstone)
 * and its log leaf in that same transaction (src/db/public-record-writes.ts). What may change is the
 * use case's plan (src/app/publications.ts), run on the locked rows; this file only stores it.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Clock } from '../app/context.js';
import type { ProductionExtent } from '../domain/data-request.js';
import { notFound } from '../domain/errors.js';
import type { PublicRecord, PublicTombstone } from '../domain/public-record.js';
import type { PublicationStatus } from '../domain/publishing-vocabulary.js';
import type { AuthorityKind, Outcome, Reason, RequestKind, RequestStatus, TargetKind } from '../domain/vocabulary.js';
import type { Db } from './connection.js';
import { writePublicRecord, writeTombstone } from './public-record-writes.js';
import type { Tx } from './request-rows.js';
import {
  accountDecisions,
  authorities,
  dataAccounts,
  dataRequests,
  decisions,
  events,
  items,
  publications,
  publicRecords,
  pushbacks,
  requests,
  type StoredRedaction,
} from './schema/index.js';

export type { StoredRedaction };

/** A decided (or not yet decided) order, everything of it that a public record may be rendered from. */
export type OrderForPublication = {
  id: string;
  reference: string;
  kind: RequestKind;
  status: RequestStatus;
  authority: { name: string; kind: AuthorityKind; country: string };
  regimeId: string | null;
  category: string | null;
  claimedCategories: string[];
  legalBasis: string;
  receivedAt: Date;
  decidedAt: Date | null;
  language: string | null;
  items: {
    position: number;
    targetKind: TargetKind;
    target: string;
    product: string;
    decision: {
      outcome: Outcome;
      reason: Reason;
      scope: string[] | null;
      publicSummary: string | null;
      publicInterest: boolean;
      caseStudy: string | null;
    } | null;
  }[];
  /** A data order's accounts, each with the extent decided (null: undecided); null for other kinds. */
  accounts: { position: number; extent: ProductionExtent | null }[] | null;
  /** The end of the data order's non-disclosure order; null: none. */
  nonDisclosureUntil: Date | null;
  /** Any pushback of kind court_challenge. */
  courtChallenge: boolean;
};

export type StoredPublication = {
  id: string;
  requestId: string;
  publicId: string;
  status: PublicationStatus;
  redactions: StoredRedaction[];
  markedNames: string[];
  concernsChild: boolean;
  correctionNote: string | null;
  approvedBy: string | null;
  approvedAt: Date | null;
  publishAfter: Date | null;
  publishedAt: Date | null;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** The public record's current version (0: nothing published), and whether its URL shows a tombstone. */
  version: number;
};

export type PublicationChoices = { redactions: StoredRedaction[]; markedNames: string[]; concernsChild: boolean };

export type PublicationListEntry = {
  requestId: string;
  reference: string;
  publicId: string;
  status: PublicationStatus;
  country: string;
  authorityName: string;
  kind: RequestKind;
  approvedAt: Date | null;
  publishAfter: Date | null;
  publishedAt: Date | null;
  withdrawnAt: Date | null;
  updatedAt: Date;
  version: number;
};

/** Renders the public record of a version from the order and its publication's choices. */
export type Render = (
  order: OrderForPublication,
  publication: StoredPublication,
  meta: { version: number; publishedAt: Date; correctionNote: string | null },
) => PublicRecord;

async function readOrder(runner: Db | Tx, requestId: string, lock: boolean): Promise<OrderForPublication> {
  const query = runner
    .select({
      id: requests.id,
      reference: requests.reference,
      kind: requests.kind,
      status: requests.status,
      authorityName: authorities.name,
      authorityKind: authorities.kind,
      country: authorities.country,
      regimeId: requests.regimeId,
      category: requests.category,
      claimedCategories: requests.claimedCategories,
      legalBasis: requests.legalBasis,
      receivedAt: requests.receivedAt,
      decidedAt: requests.decidedAt,
      language: requests.language,
      nonDisclosureUntil: dataRequests.nonDisclosureUntil,
      isDataOrder: dataRequests.requestId,
    })
    .from(requests)
    .innerJoin(authorities, eq(authorities.id, requests.authorityId))
    .leftJoin(dataRequests, eq(dataRequests.requestId, requests.id))
    .where(eq(requests.id, requestId));
  const [row] = lock ? await query.for('update', { of: requests }) : await query;
  if (!row) throw notFound('order', requestId);
  const itemRows = await runner
    .select({ i: items, d: decisions })
    .from(items)
    .leftJoin(decisions, eq(decisions.itemId, items.id))
    .where(eq(items.requestId, requestId))
    .orderBy(asc(items.position));
  const accountRows =
    row.isDataOrder === null
      ? null
      : await runner
          .select({ position: dataAccounts.position, extent: accountDecisions.extent })
          .from(dataAccounts)
          .leftJoin(accountDecisions, eq(accountDecisions.accountId, dataAccounts.id))
          .where(eq(dataAccounts.requestId, requestId))
          .orderBy(asc(dataAccounts.position));
  const [challenge] = await runner
    .select({ id: pushbacks.id })
    .from(pushbacks)
    .where(and(eq(pushbacks.requestId, requestId), eq(pushbacks.kind, 'court_challenge')))
    .limit(1);
  return {
    id: row.id,
    reference: row.reference,
    kind: row.kind,
    status: row.status,
    authority: { name: row.authorityName, kind: row.authorityKind, country: row.country },
    regimeId: row.regimeId,
    category: row.category,
    claimedCategories: row.claimedCategories,
    legalBasis: row.legalBasis,
    receivedAt: row.receivedAt,
    decidedAt: row.decidedAt,
    language: row.language,
    items: itemRows.map(({ i, d }) => ({
      position: i.position,
      targetKind: i.targetKind,
      target: i.target,
      product: i.product,
      decision: d
        ? {
            outcome: d.outcome,
            reason: d.reason,
            scope: d.scopeCountries,
            publicSummary: d.publicSummary,
            publicInterest: d.publicInterest,
            caseStudy: d.caseStudy,
          }
        : null,
    })),
    accounts: accountRows,
    nonDisclosureUntil: row.nonDisclosureUntil,
    courtChallenge: challenge !== undefined,
  };
}

const publicationColumns = {
  p: publications,
  version: sql<number>`coalesce(${publicRecords.version}, 0)`.mapWith(Number),
};

function toStored(row: { p: typeof publications.$inferSelect; version: number }): StoredPublication {
  const { p } = row;
  return {
    id: p.id,
    requestId: p.requestId,
    publicId: p.publicId,
    status: p.status,
    redactions: p.redactions,
    markedNames: p.markedNames,
    concernsChild: p.concernsChild,
    correctionNote: p.correctionNote,
    approvedBy: p.approvedBy,
    approvedAt: p.approvedAt,
    publishAfter: p.publishAfter,
    publishedAt: p.publishedAt,
    withdrawnAt: p.withdrawnAt,
    withdrawalReason: p.withdrawalReason,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    version: row.version,
  };
}

async function readPublication(runner: Db | Tx, requestId: string, lock: boolean): Promise<StoredPublication | null> {
  const query = runner
    .select(publicationColumns)
    .from(publications)
    .leftJoin(publicRecords, eq(publicRecords.publicationId, publications.id))
    .where(eq(publications.requestId, requestId));
  const [row] = lock ? await query.for('update', { of: publications }) : await query;
  return row ? toStored(row) : null;
}

async function lockBoth(tx: Tx, requestId: string): Promise<{ order: OrderForPublication; publication: StoredPublication }> {
  const order = await readOrder(tx, requestId, true);
  const publication = await readPublication(tx, requestId, true);
  if (!publication) throw notFound('publication of order', requestId);
  return { order, publication };
}

/** The order's publication, made a draft with `initial`'s choices when it has none (the order is locked by the caller). */
async function createIfMissing(
  tx: Tx,
  order: OrderForPublication,
  userId: string,
  initial: (order: OrderForPublication) => PublicationChoices,
  at: Date,
): Promise<StoredPublication> {
  const existing = await readPublication(tx, order.id, false);
  if (existing) return existing;
  await tx.insert(publications).values({
    requestId: order.id,
    publicId: order.reference,
    ...initial(order),
    createdBy: userId,
    createdAt: at,
    updatedAt: at,
  });
  return (await readPublication(tx, order.id, false))!;
}

async function touch(tx: Tx, requestId: string, at: Date): Promise<void> {
  await tx.update(requests).set({ updatedAt: at }).where(eq(requests.id, requestId));
}

/** Publishes version 1 of a claimed publication (the order is locked by the caller's claim). */
async function publishOne(
  tx: Tx,
  order: OrderForPublication,
  publication: StoredPublication,
  render: Render,
  at: Date,
): Promise<void> {
  const record = render(order, publication, { version: 1, publishedAt: at, correctionNote: null });
  const { leafIndex } = await writePublicRecord(tx, { publicationId: publication.id, record, at });
  await tx
    .update(publications)
    .set({ status: 'published', publishedAt: at, updatedAt: at })
    .where(eq(publications.id, publication.id));
  await touch(tx, order.id, at);
  await tx.insert(events).values({
    requestId: order.id,
    type: 'publication.published',
    actorId: null,
    at,
    before: { status: 'approved' },
    after: { status: 'published', publicId: record.id, version: 1, leafIndex },
  });
}

export function publicationsRepository(db: Db, now: Clock) {
  return {
    /** The order as a public record is rendered from it (404 when it does not exist). */
    order: (requestId: string) => readOrder(db, requestId, false),

    /** The order's publication, or null when none was prepared yet. */
    find: (requestId: string) => readPublication(db, requestId, false),

    /**
     * The order's publication, created as a draft on first read: its public id is the order's
     * reference and its first choices are `initial(order)` (the proposed redactions).
     */
    async findOrCreate(
      requestId: string,
      userId: string,
      initial: (order: OrderForPublication) => PublicationChoices,
    ): Promise<{ order: OrderForPublication; publication: StoredPublication }> {
      const existing = await readPublication(db, requestId, false);
      if (existing) return { order: await readOrder(db, requestId, false), publication: existing };
      return db.transaction(async (tx) => {
        const order = await readOrder(tx, requestId, true);
        return { order, publication: await createIfMissing(tx, order, userId, initial, now()) };
      });
    },

    /** Saves the chosen redactions, marked names and the child flag, as `plan` (run on the locked rows) says. */
    async saveChoices(
      requestId: string,
      draft: { userId: string; initial: (order: OrderForPublication) => PublicationChoices },
      plan: (
        order: OrderForPublication,
        publication: StoredPublication,
      ) => { choices: PublicationChoices; status: PublicationStatus },
    ): Promise<void> {
      // The draft is made in the same transaction, so that choices refused by `plan` leave no draft behind.
      await db.transaction(async (tx) => {
        await createIfMissing(tx, await readOrder(tx, requestId, true), draft.userId, draft.initial, now());
        const { order, publication } = await lockBoth(tx, requestId);
        const { choices, status } = plan(order, publication);
        const at = now();
        const backToDraft = status === 'draft' && publication.status === 'approved';
        await tx
          .update(publications)
          .set({
            ...choices,
            status,
            ...(backToDraft ? { approvedAt: null, approvedBy: null, publishAfter: null } : {}),
            updatedAt: at,
          })
          .where(eq(publications.id, publication.id));
      });
    },

    /** Approves the publication: it is published at the first sweep after `publishAfter(at)`. */
    async approve(
      requestId: string,
      userId: string,
      plan: (order: OrderForPublication, publication: StoredPublication, at: Date) => { publishAfter: Date },
    ): Promise<void> {
      await db.transaction(async (tx) => {
        const { order, publication } = await lockBoth(tx, requestId);
        const at = now();
        const { publishAfter } = plan(order, publication, at);
        await tx
          .update(publications)
          .set({ status: 'approved', approvedBy: userId, approvedAt: at, publishAfter, updatedAt: at })
          .where(eq(publications.id, publication.id));
        await touch(tx, requestId, at);
        await tx.insert(events).values({
          requestId,
          type: 'publication.approved',
          actorId: userId,
          at,
          before: { status: publication.status },
          after: {
            status: 'approved',
            publicId: publication.publicId,
            publishAfter: publishAfter.toISOString(),
            redactions: publication.redactions.length,
            markedNames: publication.markedNames.length,
            concernsChild: publication.concernsChild,
          },
        });
      });
    },

    /**
     * Publishes up to `limit` approved publications whose time has come and whose order is under no
     * running non-disclosure order, each rendered by `render`, in one transaction. Rows locked by
     * another sweep or a reviewer's change are skipped (the next sweep takes them). Returns how many.
     */
    async publishDue(limit: number, render: Render): Promise<number> {
      return db.transaction(async (tx) => {
        const at = now();
        const due = await tx
          .select({ requestId: publications.requestId })
          .from(publications)
          .innerJoin(requests, eq(requests.id, publications.requestId))
          .leftJoin(dataRequests, eq(dataRequests.requestId, publications.requestId))
          .where(
            and(
              eq(publications.status, 'approved'),
              sql`${publications.publishAfter} <= ${at}`,
              sql`(${dataRequests.nonDisclosureUntil} IS NULL OR ${dataRequests.nonDisclosureUntil} <= ${at})`,
            ),
          )
          .orderBy(asc(publications.publishAfter), asc(publications.publicId))
          .limit(limit)
          .for('update', { of: [publications, requests], skipLocked: true });
        for (const { requestId } of due) {
          const order = await readOrder(tx, requestId, false);
          const publication = await readPublication(tx, requestId, false);
          await publishOne(tx, order, publication!, render, at);
        }
        return due.length;
      });
    },

    /** Publishes the next version of a published record from its current choices, with a correction note. */
    async correct(
      requestId: string,
      userId: string,
      note: string,
      plan: (order: OrderForPublication, publication: StoredPublication) => void,
      render: Render,
    ): Promise<{ version: number }> {
      return db.transaction(async (tx) => {
        const { order, publication } = await lockBoth(tx, requestId);
        plan(order, publication);
        const at = now();
        const version = publication.version + 1;
        const record = render(order, publication, { version, publishedAt: at, correctionNote: note });
        const { leafIndex } = await writePublicRecord(tx, { publicationId: publication.id, record, at });
        await tx.update(publications).set({ correctionNote: note, updatedAt: at }).where(eq(publications.id, publication.id));
        await touch(tx, requestId, at);
        await tx.insert(events).values({
          requestId,
          type: 'publication.corrected',
          actorId: userId,
          at,
          before: { version: publication.version },
          after: { publicId: publication.publicId, version, leafIndex },
          note,
        });
        return { version };
      });
    },

    /**
     * Withdraws the publication with a public reason: a published record's URL then shows its
     * tombstone (logged as the next version); an approved one that was never published just stops.
     */
    async withdraw(
      requestId: string,
      userId: string,
      reason: string,
      plan: (order: OrderForPublication, publication: StoredPublication) => void,
    ): Promise<void> {
      await db.transaction(async (tx) => {
        const { publication } = await lockBoth(tx, requestId);
        plan(await readOrder(tx, requestId, false), publication);
        const at = now();
        let logged: { version: number; leafIndex: number } | null = null;
        if (publication.status === 'published') {
          const tombstone: PublicTombstone = {
            id: publication.publicId,
            version: publication.version + 1,
            withdrawnAt: at.toISOString(),
            reason,
          };
          const { leafIndex } = await writeTombstone(tx, { tombstone, at });
          logged = { version: tombstone.version, leafIndex };
        }
        await tx
          .update(publications)
          .set({ status: 'withdrawn', withdrawnAt: at, withdrawnBy: userId, withdrawalReason: reason, updatedAt: at })
          .where(eq(publications.id, publication.id));
        await touch(tx, requestId, at);
        await tx.insert(events).values({
          requestId,
          type: 'publication.withdrawn',
          actorId: userId,
          at,
          before: { status: publication.status, version: publication.version },
          after: { status: 'withdrawn', publicId: publication.publicId, ...(logged ?? {}) },
          note: reason,
        });
      });
    },

    /** Publications, most recently changed first, optionally of one status. */
    async list(filter: { status: PublicationStatus | null; limit: number }): Promise<PublicationListEntry[]> {
      const rows = await db
        .select({
          ...publicationColumns,
          reference: requests.reference,
          kind: requests.kind,
          country: authorities.country,
          authorityName: authorities.name,
        })
        .from(publications)
        .innerJoin(requests, eq(requests.id, publications.requestId))
        .innerJoin(authorities, eq(authorities.id, requests.authorityId))
        .leftJoin(publicRecords, eq(publicRecords.publicationId, publications.id))
        .where(filter.status ? inArray(publications.status, [filter.status]) : undefined)
        .orderBy(desc(publications.updatedAt), asc(publications.publicId))
        .limit(filter.limit);
      return rows.map((row) => ({
        requestId: row.p.requestId,
        reference: row.reference,
        publicId: row.p.publicId,
        status: row.p.status,
        country: row.country,
        authorityName: row.authorityName,
        kind: row.kind,
        approvedAt: row.p.approvedAt,
        publishAfter: row.p.publishAfter,
        publishedAt: row.p.publishedAt,
        withdrawnAt: row.p.withdrawnAt,
        updatedAt: row.p.updatedAt,
        version: row.version,
      }));
    },
  };
}
export type PublicationsRepository = ReturnType<typeof publicationsRepository>;
