/**
 * Orders that came through the authority channel (issue 10): stored through the single intake
 * statement (insertOrders) with the agency's `channel_orders` row, the rollups, the receipt mail and
 * the agency's `order.received` event, in one transaction; read back only by the agency that sent
 * them (another agency's order is "not found", exactly as an id that does not exist); and the files
 * attached to them, whose bytes live in the attachment store and whose record lives here.
 */
import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type AuthorityDataRequest, authorityDataRequest } from '../domain/authority-outcomes.js';
import { notFound } from '../domain/errors.js';
import type { StoredOrder } from '../domain/intake.js';
import type { Outcome, Reason, RequestKind, RequestStatus, TargetKind } from '../domain/vocabulary.js';
import { type AgencyEvent, enqueueAgencyEvent } from './agency-events.js';
import type { Db } from './connection.js';
import { readDataRequest } from './data-requests-repository.js';
import { insertOrders, type OrderParticularColumns } from './intake-repository.js';
import { enqueueMail, type NewMail } from './outbox-repository.js';
import { applyRollups } from './rollups.js';
import {
  accountDecisions,
  agencies,
  attachments,
  authorities,
  channelOrders,
  dataAccounts,
  decisions,
  events,
  items,
  requests,
} from './schema/index.js';

/** What the channel needs to know of the sending agency to receive its order. */
export type AgencyFrame = {
  id: string;
  country: string;
  authorityId: string | null;
  /** The agency's zone, else its authority's; null when neither is known. */
  timeZone: string | null;
  contactEmail: string;
};

export type ChannelSubmission = {
  order: StoredOrder & OrderParticularColumns;
  agencyId: string;
  officerId: string | null;
  apiKeyId: string | null;
  /** The receipt mail and the agency's event, made from what was written (the reference is the database's). */
  notices: (written: { id: string; reference: string }) => { mail: NewMail; event: Omit<AgencyEvent, 'agencyId' | 'requestId'> };
};

export type ChannelOrderRow = {
  id: string;
  reference: string;
  authorityReference: string | null;
  kind: RequestKind;
  status: RequestStatus;
  channel: 'portal' | 'api' | 'email' | 'post';
  receivedAt: Date;
  authorityTimeZone: string;
  dueAt: Date;
  dueBasis: string;
  regimeId: string | null;
  category: string | null;
  missingElements: { element: string; reason: string }[];
  clockPausedAt: Date | null;
  decidedAt: Date | null;
  itemCount: number;
  decidedItemCount: number;
  /** A data order's part, with only what its agency may see; null for a removal order. */
  dataRequest: AuthorityDataRequest | null;
};

export type ChannelItemRow = {
  id: string;
  position: number;
  targetKind: TargetKind;
  target: string;
  product: string;
  decision: { outcome: Outcome; reason: Reason; scopeCountries: string[] | null; decidedAt: Date } | null;
};

export type AttachmentRow = {
  id: string;
  requestId: string;
  storageKey: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  createdAt: Date;
};

export type ChannelOrderDetail = ChannelOrderRow & {
  legalBasis: string;
  signer: string | null;
  statementOfReasons: string | null;
  language: string | null;
  requestedScope: string[] | null;
  redress: string | null;
  claimedCategories: string[];
  items: ChannelItemRow[];
  attachments: AttachmentRow[];
};

// A data order's accounts count as its items (issue 11), as in the reviewers' lists.
const itemCount = sql<number>`((SELECT count(*)::int FROM ${items} WHERE ${items.requestId} = ${requests.id}) + (SELECT count(*)::int FROM ${dataAccounts} WHERE ${dataAccounts.requestId} = ${requests.id}))`;
const decidedItemCount = sql<number>`((SELECT count(*)::int FROM ${items} JOIN ${decisions} ON ${decisions.itemId} = ${items.id} WHERE ${items.requestId} = ${requests.id}) + (SELECT count(*)::int FROM ${dataAccounts} JOIN ${accountDecisions} ON ${accountDecisions.accountId} = ${dataAccounts.id} WHERE ${dataAccounts.requestId} = ${requests.id}))`;

const rowColumns = {
  id: requests.id,
  reference: requests.reference,
  authorityReference: requests.authorityReference,
  kind: requests.kind,
  status: requests.status,
  channel: requests.channel,
  receivedAt: requests.receivedAt,
  authorityTimeZone: requests.authorityTimeZone,
  dueAt: requests.dueAt,
  dueBasis: requests.dueBasis,
  regimeId: requests.regimeId,
  category: requests.category,
  missingElements: requests.missingElements,
  clockPausedAt: requests.clockPausedAt,
  decidedAt: requests.decidedAt,
  itemCount,
  decidedItemCount,
};

const attachmentColumns = {
  id: attachments.id,
  requestId: attachments.requestId,
  storageKey: attachments.storageKey,
  fileName: attachments.fileName,
  mediaType: attachments.mediaType,
  size: attachments.size,
  sha256: attachments.sha256,
  createdAt: attachments.createdAt,
};

/** An order of this agency (null agency: any channel order or not, for staff). */
const ownedBy = (agencyId: string, requestId: string): SQL =>
  and(eq(channelOrders.requestId, requestId), eq(channelOrders.agencyId, agencyId))!;

export function channelOrdersRepository(db: Db, now: () => Date = () => new Date()) {
  async function owns(agencyId: string, requestId: string): Promise<boolean> {
    const [row] = await db.select({ id: channelOrders.requestId }).from(channelOrders).where(ownedBy(agencyId, requestId));
    return row !== undefined;
  }

  /** The data part as the agency sees it: the reviewers' rationale and names never leave here. */
  async function dataPartOf(requestId: string): Promise<AuthorityDataRequest | null> {
    const view = await readDataRequest(db, requestId);
    return view ? authorityDataRequest(view) : null;
  }

  async function attachmentsOf(requestIds: readonly string[]): Promise<AttachmentRow[]> {
    if (requestIds.length === 0) return [];
    return db
      .select(attachmentColumns)
      .from(attachments)
      .where(inArray(attachments.requestId, [...requestIds]))
      .orderBy(asc(attachments.createdAt), asc(attachments.id));
  }

  return {
    async agencyFrame(agencyId: string): Promise<AgencyFrame> {
      const [row] = await db
        .select({
          id: agencies.id,
          country: agencies.country,
          authorityId: agencies.authorityId,
          agencyZone: agencies.timeZone,
          authorityZone: authorities.timeZone,
          contactEmail: agencies.contactEmail,
        })
        .from(agencies)
        .leftJoin(authorities, eq(authorities.id, agencies.authorityId))
        .where(eq(agencies.id, agencyId));
      if (!row) throw notFound('agency', agencyId);
      const { agencyZone, authorityZone, ...frame } = row;
      return { ...frame, timeZone: agencyZone ?? authorityZone ?? null };
    },

    /** Stores the order, its channel row, its rollups, the receipt mail and the agency's event: all or nothing. */
    async submit(submission: ChannelSubmission): Promise<{ id: string; reference: string; itemIds: string[] }> {
      return db.transaction(async (tx) => {
        const [row] = await insertOrders(tx, [submission.order], null, now(), submission.officerId);
        // The agency's authority is registered (verification links it): nothing else leaves an order out.
        if (!row) throw notFound('authority', submission.order.authorityId);
        await tx.insert(channelOrders).values({
          requestId: row.id,
          agencyId: submission.agencyId,
          submittedByOfficerId: submission.officerId,
          submittedByApiKeyId: submission.apiKeyId,
        });
        await applyRollups(tx, [row.id], null);
        const { mail, event } = submission.notices(row);
        await enqueueMail(tx, { ...mail, agencyId: submission.agencyId, requestId: row.id });
        await enqueueAgencyEvent(tx, { ...event, agencyId: submission.agencyId, requestId: row.id });
        return { id: row.id, reference: row.reference, itemIds: row.itemIds };
      });
    },

    /** The agency's own orders, newest first. */
    async list(
      agencyId: string,
      filter: { status?: RequestStatus[]; limit: number; offset: number },
    ): Promise<{ orders: ChannelOrderRow[]; total: number }> {
      const where = and(
        eq(channelOrders.agencyId, agencyId),
        filter.status?.length ? inArray(requests.status, filter.status) : undefined,
      );
      const [rows, [total]] = await Promise.all([
        db
          .select(rowColumns)
          .from(channelOrders)
          .innerJoin(requests, eq(requests.id, channelOrders.requestId))
          .where(where)
          .orderBy(desc(requests.receivedAt), desc(requests.reference))
          .limit(filter.limit)
          .offset(filter.offset),
        db.select({ n: count() }).from(channelOrders).innerJoin(requests, eq(requests.id, channelOrders.requestId)).where(where),
      ]);
      const orders: ChannelOrderRow[] = [];
      for (const row of rows) orders.push({ ...row, dataRequest: await dataPartOf(row.id) });
      return { orders, total: total?.n ?? 0 };
    },

    /** One of the agency's orders with its items' decisions and its attachments; another agency's is not found. */
    async get(agencyId: string, requestId: string): Promise<ChannelOrderDetail> {
      const [order] = await db
        .select({
          ...rowColumns,
          legalBasis: requests.legalBasis,
          signer: requests.signer,
          statementOfReasons: requests.statementOfReasons,
          language: requests.language,
          requestedScope: requests.requestedScope,
          redress: requests.redress,
          claimedCategories: requests.claimedCategories,
        })
        .from(channelOrders)
        .innerJoin(requests, eq(requests.id, channelOrders.requestId))
        .where(ownedBy(agencyId, requestId));
      if (!order) throw notFound('order', requestId);
      const itemRows = await db
        .select({
          id: items.id,
          position: items.position,
          targetKind: items.targetKind,
          target: items.target,
          product: items.product,
          outcome: decisions.outcome,
          reason: decisions.reason,
          scopeCountries: decisions.scopeCountries,
          decidedAt: decisions.decidedAt,
        })
        .from(items)
        .leftJoin(decisions, eq(decisions.itemId, items.id))
        .where(eq(items.requestId, requestId))
        .orderBy(asc(items.position));
      return {
        ...order,
        dataRequest: await dataPartOf(requestId),
        items: itemRows.map(({ outcome, reason, scopeCountries, decidedAt, ...item }) => ({
          ...item,
          decision: outcome && reason && decidedAt ? { outcome, reason, scopeCountries, decidedAt } : null,
        })),
        attachments: await attachmentsOf([requestId]),
      };
    },

    owns,
    attachmentsOf,

    /**
     * Records a stored file on an order, with an `attachment_added` event, in one transaction. With an
     * agency, the order must be that agency's (otherwise: not found, stored nothing).
     */
    async addAttachment(
      file: Omit<AttachmentRow, 'createdAt'>,
      by: { agencyId: string; officerId: string | null } | { userId: string },
    ): Promise<AttachmentRow> {
      return db.transaction(async (tx) => {
        const [order] =
          'agencyId' in by
            ? await tx
                .select({ id: channelOrders.requestId })
                .from(channelOrders)
                .where(ownedBy(by.agencyId, file.requestId))
                .for('update')
            : await tx.select({ id: requests.id }).from(requests).where(eq(requests.id, file.requestId)).for('update');
        if (!order) throw notFound('order', file.requestId);
        const at = now();
        const [row] = await tx
          .insert(attachments)
          .values({
            ...file,
            uploadedByOfficerId: 'agencyId' in by ? by.officerId : null,
            uploadedByUserId: 'userId' in by ? by.userId : null,
            createdAt: at,
          })
          .returning(attachmentColumns);
        await tx.insert(events).values({
          requestId: file.requestId,
          type: 'attachment_added',
          actorId: 'userId' in by ? by.userId : null,
          actorOfficerId: 'agencyId' in by ? by.officerId : null,
          at,
          after: {
            attachmentId: file.id,
            fileName: file.fileName,
            mediaType: file.mediaType,
            size: file.size,
            sha256: file.sha256,
          },
        });
        await tx.update(requests).set({ updatedAt: at }).where(eq(requests.id, file.requestId));
        return row!;
      });
    },

    /** One attachment of an order; with an agency, only of that agency's order. Not found otherwise. */
    async attachment(requestId: string, attachmentId: string, agencyId: string | null): Promise<AttachmentRow> {
      if (agencyId !== null && !(await owns(agencyId, requestId))) throw notFound('attachment', attachmentId);
      const [row] = await db
        .select(attachmentColumns)
        .from(attachments)
        .where(and(eq(attachments.id, attachmentId), eq(attachments.requestId, requestId)));
      if (!row) throw notFound('attachment', attachmentId);
      return row;
    },

    /** The agency that sent a request through the channel, if it came that way (reviewers' view). */
    async senderOf(requestId: string): Promise<{ agencyId: string; name: string; contactEmail: string } | null> {
      const [row] = await db
        .select({ agencyId: agencies.id, name: agencies.name, contactEmail: agencies.contactEmail })
        .from(channelOrders)
        .innerJoin(agencies, eq(agencies.id, channelOrders.agencyId))
        .where(eq(channelOrders.requestId, requestId));
      return row ?? null;
    },
  };
}
export type ChannelOrdersRepository = ReturnType<typeof channelOrdersRepository>;

/** What the reviewers' detail shows of a request's channel side: the agency that sent it, and its attachments. */
export async function orderChannelInfo(
  db: Db,
  requestId: string,
): Promise<{ agency: { id: string; name: string } | null; attachments: AttachmentRow[] }> {
  const [agency] = await db
    .select({ id: agencies.id, name: agencies.name })
    .from(channelOrders)
    .innerJoin(agencies, eq(agencies.id, channelOrders.agencyId))
    .where(eq(channelOrders.requestId, requestId));
  const files = await db
    .select(attachmentColumns)
    .from(attachments)
    .where(eq(attachments.requestId, requestId))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
  return { agency: agency ?? null, attachments: files };
}
