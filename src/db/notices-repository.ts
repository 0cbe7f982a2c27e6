/**
 * Notices to affected users, held while a non-disclosure order runs, and their appeals (issue 12).
 * Every change is one guarded UPDATE (or INSERT) with its event, its sink call and its mail in one
 * transaction: a notice is sent once, made due once, an appeal decided once, whichever process acts.
 */
import { and, asc, desc, eq, inArray, lte, type SQL } from 'drizzle-orm';
import type { Clock } from '../app/context.js';
import { notFound, WritError } from '../domain/errors.js';
import type { AppealStatus, NoticeStatus } from '../domain/review-vocabulary.js';
import type { NoticeContent, NoticeFacts } from '../domain/user-notice.js';
import type { Db } from './connection.js';
import { enqueueMail } from './outbox-repository.js';
import type { Tx } from './request-rows.js';
import {
  accountDecisions,
  appeals,
  authorities,
  dataAccounts,
  dataRequests,
  decisions,
  events,
  items,
  requests,
  userNotices,
  users,
} from './schema/index.js';
import { enqueueSinkDelivery } from './sink-deliveries-repository.js';

type NoticeRow = typeof userNotices.$inferSelect;
type AppealRow = typeof appeals.$inferSelect;

export type NoticeView = Omit<NoticeRow, 'appealTokenHash' | 'content'> & {
  content: NoticeContent;
  requestReference: string;
  createdByName: string | null;
  appeals: AppealView[];
};
export type AppealView = AppealRow & { requestReference: string; decidedByName: string | null };

/** What is delivered when a notice is sent: the sink's payload and, with an address, the mail. */
export type NoticeDelivery = {
  tokenHash: string;
  payload: Record<string, unknown>;
  mail: { subject: string; body: string } | null;
};

const conflict = (message: string, field?: string) => new WritError('conflict', message, field);
const invalid = (message: string) => new WritError('invalid_transition', message, 'status');

async function deliver(tx: Tx, notice: Pick<NoticeRow, 'id' | 'requestId' | 'recipientEmail'>, d: NoticeDelivery) {
  await enqueueSinkDelivery(tx, { sink: 'notice', eventType: 'notice.issued', payload: d.payload, requestId: notice.requestId });
  if (notice.recipientEmail && d.mail)
    await enqueueMail(tx, { kind: 'user_notice', to: notice.recipientEmail, ...d.mail, requestId: notice.requestId });
}

const noticeFacts = (n: Pick<NoticeRow, 'id' | 'itemId' | 'accountId' | 'recipient' | 'status' | 'heldUntil'>) => ({
  noticeId: n.id,
  itemId: n.itemId,
  accountId: n.accountId,
  recipient: n.recipient,
  status: n.status,
  heldUntil: n.heldUntil?.toISOString() ?? null,
});

export function noticesRepository(db: Db, now: Clock) {
  async function views(where: SQL | undefined, order: 'soonest' | 'created' = 'created'): Promise<NoticeView[]> {
    const rows = await db
      .select({ n: userNotices, reference: requests.reference, createdByName: users.name })
      .from(userNotices)
      .innerJoin(requests, eq(requests.id, userNotices.requestId))
      .leftJoin(users, eq(users.id, userNotices.createdBy))
      .where(where)
      .orderBy(order === 'soonest' ? asc(userNotices.heldUntil) : asc(userNotices.createdAt), asc(userNotices.id))
      .limit(500);
    const ids = rows.map((r) => r.n.id);
    const appealRows = ids.length ? await appealViews(inArray(appeals.noticeId, ids)) : [];
    return rows.map(({ n, reference, createdByName }) => {
      const { appealTokenHash: _hidden, ...rest } = n;
      return {
        ...rest,
        content: n.content as NoticeContent,
        requestReference: reference,
        createdByName,
        appeals: appealRows.filter((a) => a.noticeId === n.id),
      };
    });
  }

  async function appealViews(where: SQL | undefined): Promise<AppealView[]> {
    const rows = await db
      .select({ a: appeals, reference: requests.reference, decidedByName: users.name })
      .from(appeals)
      .innerJoin(requests, eq(requests.id, appeals.requestId))
      .leftJoin(users, eq(users.id, appeals.decidedBy))
      .where(where)
      .orderBy(asc(appeals.receivedAt), asc(appeals.id))
      .limit(500);
    return rows.map(({ a, reference, decidedByName }) => ({ ...a, requestReference: reference, decidedByName }));
  }

  async function lockedNotice(tx: Tx, requestId: string, noticeId: string): Promise<NoticeRow> {
    const [row] = await tx
      .select()
      .from(userNotices)
      .where(and(eq(userNotices.id, noticeId), eq(userNotices.requestId, requestId)))
      .for('update');
    if (!row) throw notFound('notice', noticeId);
    return row;
  }

  return {
    /** The facts a notice about the item or account is composed from; null when either does not exist on the order. */
    async facts(requestId: string, target: { itemId: string } | { accountId: string }): Promise<NoticeFacts | null> {
      const [order] = await db
        .select({
          reference: requests.reference,
          legalBasis: requests.legalBasis,
          name: authorities.name,
          country: authorities.country,
          kind: authorities.kind,
        })
        .from(requests)
        .innerJoin(authorities, eq(authorities.id, requests.authorityId))
        .where(eq(requests.id, requestId));
      if (!order) return null;
      const base = {
        request: { reference: order.reference, legalBasis: order.legalBasis },
        authority: { name: order.name, country: order.country, kind: order.kind },
      };
      if ('itemId' in target) {
        const [row] = await db
          .select({ item: items, decision: decisions })
          .from(items)
          .leftJoin(decisions, eq(decisions.itemId, items.id))
          .where(and(eq(items.id, target.itemId), eq(items.requestId, requestId)));
        if (!row) return null;
        const d = row.decision;
        return {
          subject: 'item',
          ...base,
          item: { targetKind: row.item.targetKind, target: row.item.target, product: row.item.product },
          decision: d ? { outcome: d.outcome, reason: d.reason, scopeCountries: d.scopeCountries, decidedAt: d.decidedAt } : null,
        };
      }
      const [row] = await db
        .select({ account: dataAccounts, decision: accountDecisions, nonDisclosureUntil: dataRequests.nonDisclosureUntil })
        .from(dataAccounts)
        .leftJoin(accountDecisions, eq(accountDecisions.accountId, dataAccounts.id))
        .leftJoin(dataRequests, eq(dataRequests.requestId, dataAccounts.requestId))
        .where(and(eq(dataAccounts.id, target.accountId), eq(dataAccounts.requestId, requestId)));
      if (!row) return null;
      const d = row.decision;
      return {
        subject: 'account',
        ...base,
        account: { identifierKind: row.account.identifierKind, identifier: row.account.identifier },
        decision: d
          ? { extent: d.extent, producedCategories: d.producedCategories, legalBasis: d.legalBasis, decidedAt: d.decidedAt }
          : null,
        nonDisclosureUntil: row.nonDisclosureUntil,
      };
    },

    /**
     * Stores a notice: `held` until `heldUntil` (event `notice_held`), or `sent` at once with its sink
     * call and mail queued in this transaction (event `notice_sent`).
     */
    async issue(input: {
      id: string;
      requestId: string;
      itemId: string | null;
      accountId: string | null;
      recipient: string;
      recipientEmail: string | null;
      heldUntil: Date | null;
      content: NoticeContent;
      /** Null while held: a held notice carries a hash of a token never given out. */
      delivery: NoticeDelivery | null;
      placeholderHash: string;
      actorId: string;
    }): Promise<NoticeView> {
      const at = now();
      await db.transaction(async (tx) => {
        const sent = input.delivery !== null;
        const [row] = await tx
          .insert(userNotices)
          .values({
            id: input.id,
            requestId: input.requestId,
            itemId: input.itemId,
            accountId: input.accountId,
            recipient: input.recipient,
            recipientEmail: input.recipientEmail,
            status: sent ? 'sent' : 'held',
            heldUntil: input.heldUntil,
            content: input.content,
            appealTokenHash: input.delivery?.tokenHash ?? input.placeholderHash,
            createdBy: input.actorId,
            createdAt: at,
            sentAt: sent ? at : null,
          })
          .returning();
        await tx.insert(events).values({
          requestId: input.requestId,
          itemId: input.itemId,
          type: sent ? 'notice_sent' : 'notice_held',
          actorId: input.actorId,
          at,
          after: noticeFacts(row!),
        });
        if (input.delivery) await deliver(tx, row!, input.delivery);
      });
      return (await views(eq(userNotices.id, input.id)))[0]!;
    },

    /**
     * Sends a due notice (or a held one whose hold has ended): status `sent`, a fresh appeal token's
     * hash, the sink call and mail, event `notice_sent`, once.
     */
    async send(requestId: string, noticeId: string, build: (n: NoticeRow) => NoticeDelivery, actorId: string) {
      const at = now();
      await db.transaction(async (tx) => {
        const n = await lockedNotice(tx, requestId, noticeId);
        if (n.status === 'sent' || n.status === 'cancelled') throw invalid(`the notice is ${n.status}`);
        if (n.status === 'held' && n.heldUntil && n.heldUntil > at)
          throw invalid(`the notice is held until ${n.heldUntil.toISOString()}: the non-disclosure order still runs`);
        const delivery = build(n);
        await tx
          .update(userNotices)
          .set({ status: 'sent', sentAt: at, appealTokenHash: delivery.tokenHash })
          .where(eq(userNotices.id, n.id));
        await tx.insert(events).values({
          requestId,
          itemId: n.itemId,
          type: 'notice_sent',
          actorId,
          at,
          before: { status: n.status },
          after: noticeFacts({ ...n, status: 'sent' }),
        });
        await deliver(tx, n, delivery);
      });
      return (await views(eq(userNotices.id, noticeId)))[0]!;
    },

    /** Cancels a held or due notice with a note (event `notice_cancelled`). */
    async cancel(requestId: string, noticeId: string, note: string, actorId: string) {
      const at = now();
      await db.transaction(async (tx) => {
        const n = await lockedNotice(tx, requestId, noticeId);
        if (n.status === 'sent' || n.status === 'cancelled')
          throw invalid(`the notice is ${n.status}: it can no longer be cancelled`);
        await tx.update(userNotices).set({ status: 'cancelled' }).where(eq(userNotices.id, n.id));
        await tx.insert(events).values({
          requestId,
          itemId: n.itemId,
          type: 'notice_cancelled',
          actorId,
          at,
          before: { status: n.status },
          after: noticeFacts({ ...n, status: 'cancelled' }),
          note,
        });
      });
      return (await views(eq(userNotices.id, noticeId)))[0]!;
    },

    forRequest: (requestId: string) => views(eq(userNotices.requestId, requestId)),
    list: (status?: NoticeStatus) =>
      views(status ? eq(userNotices.status, status) : undefined, status === 'due' || status === 'held' ? 'soonest' : 'created'),

    /**
     * Claims held notices whose hold has ended (FOR UPDATE SKIP LOCKED, so two sweeps never take the
     * same) and hands their ids over in the claim's transaction (the job queues one job each).
     */
    async handOverDue(limit: number, handOver: (ids: string[], tx: Tx) => Promise<void>) {
      return db.transaction(async (tx) => {
        const due = await tx
          .select({ id: userNotices.id })
          .from(userNotices)
          .where(and(eq(userNotices.status, 'held'), lte(userNotices.heldUntil, now())))
          .orderBy(asc(userNotices.heldUntil))
          .limit(limit)
          .for('update', { skipLocked: true });
        if (due.length > 0)
          await handOver(
            due.map((r) => r.id),
            tx,
          );
        return due.length;
      });
    },

    /** Makes one held notice due once its hold has ended (event `notice_due`): true when this call did it. */
    async markDue(noticeId: string): Promise<boolean> {
      const at = now();
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(userNotices)
          .set({ status: 'due' })
          .where(and(eq(userNotices.id, noticeId), eq(userNotices.status, 'held'), lte(userNotices.heldUntil, at)))
          .returning();
        if (!row) return false;
        await tx.insert(events).values({
          requestId: row.requestId,
          itemId: row.itemId,
          type: 'notice_due',
          at,
          before: { status: 'held' },
          after: noticeFacts(row),
          note: 'the non-disclosure order ended: the notice may be sent',
        });
        return true;
      });
    },

    /** The notice a token belongs to, with its appeals (the user's view); null for an unknown token. */
    async byToken(tokenHash: string) {
      const [n] = await db
        .select({ id: userNotices.id, status: userNotices.status, content: userNotices.content })
        .from(userNotices)
        .where(eq(userNotices.appealTokenHash, tokenHash));
      if (n?.status !== 'sent') return null;
      const list = await db
        .select()
        .from(appeals)
        .where(eq(appeals.noticeId, n.id))
        .orderBy(desc(appeals.receivedAt), desc(appeals.id));
      return { notice: { ...n, content: n.content as NoticeContent }, appeals: list };
    },

    /** Files the user's appeal on a sent notice: null for an unknown token; 409 while another is open. */
    async fileAppeal(tokenHash: string, statement: string): Promise<AppealRow | null> {
      const at = now();
      return db.transaction(async (tx) => {
        const [n] = await tx.select().from(userNotices).where(eq(userNotices.appealTokenHash, tokenHash)).for('update');
        if (n?.status !== 'sent') return null;
        const [open] = await tx
          .select({ id: appeals.id })
          .from(appeals)
          .where(and(eq(appeals.noticeId, n.id), eq(appeals.status, 'open')));
        if (open) throw conflict('an appeal against this notice is already open', 'token');
        const [row] = await tx
          .insert(appeals)
          .values({ noticeId: n.id, requestId: n.requestId, itemId: n.itemId, statement, status: 'open', receivedAt: at })
          .returning();
        await tx.insert(events).values({
          requestId: n.requestId,
          itemId: n.itemId,
          type: 'appeal_received',
          at,
          after: { appealId: row!.id, noticeId: n.id, accountId: n.accountId },
        });
        return row!;
      });
    },

    listAppeals: (status?: AppealStatus) => appealViews(status ? eq(appeals.status, status) : undefined),

    /** An appeal on the order with who decided and signed off what it appeals against. */
    async appealForDecision(requestId: string, appealId: string) {
      const [row] = await db
        .select({ appeal: appeals, notice: userNotices })
        .from(appeals)
        .innerJoin(userNotices, eq(userNotices.id, appeals.noticeId))
        .where(and(eq(appeals.id, appealId), eq(appeals.requestId, requestId)));
      if (!row) return null;
      let deciders: { decidedBy: string | null; signedOffBy: string | null; reason: string | null } = {
        decidedBy: null,
        signedOffBy: null,
        reason: null,
      };
      if (row.notice.itemId) {
        const [d] = await db
          .select({ decidedBy: decisions.decidedBy, signedOffBy: decisions.signedOffBy, reason: decisions.reason })
          .from(decisions)
          .where(eq(decisions.itemId, row.notice.itemId));
        if (d) deciders = d;
      } else if (row.notice.accountId) {
        const [d] = await db
          .select({ decidedBy: accountDecisions.decidedBy })
          .from(accountDecisions)
          .where(eq(accountDecisions.accountId, row.notice.accountId));
        if (d) deciders = { decidedBy: d.decidedBy, signedOffBy: null, reason: null };
      }
      return { appeal: row.appeal, notice: row.notice, ...deciders };
    },

    /**
     * Records the appeal's outcome once (guarded on `open`), its event `appeal_decided`, and tells the
     * user (sink call `appeal.decided`, and a mail with an address).
     */
    async decideAppeal(
      requestId: string,
      appealId: string,
      input: { outcome: 'upheld' | 'reversed'; note: string; mail: { subject: string; body: string } },
      actorId: string,
    ): Promise<AppealView> {
      const at = now();
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(appeals)
          .set({ status: input.outcome, decidedBy: actorId, decidedAt: at, decisionNote: input.note })
          .where(and(eq(appeals.id, appealId), eq(appeals.requestId, requestId), eq(appeals.status, 'open')))
          .returning();
        if (!row) throw invalid('the appeal was decided already');
        const [n] = await tx.select().from(userNotices).where(eq(userNotices.id, row.noticeId));
        await tx.insert(events).values({
          requestId,
          itemId: row.itemId,
          type: 'appeal_decided',
          actorId,
          at,
          before: { status: 'open' },
          after: { appealId, noticeId: row.noticeId, outcome: input.outcome },
          note: input.note,
        });
        await enqueueSinkDelivery(tx, {
          sink: 'notice',
          eventType: 'appeal.decided',
          payload: {
            type: 'appeal.decided',
            appealId,
            noticeId: row.noticeId,
            recipient: n!.recipient,
            outcome: input.outcome,
            note: input.note,
            decidedAt: at.toISOString(),
          },
          requestId,
        });
        if (n!.recipientEmail) await enqueueMail(tx, { kind: 'appeal_decided', to: n!.recipientEmail, ...input.mail, requestId });
      });
      return (await appealViews(eq(appeals.id, appealId)))[0]!;
    },
  };
}
export type NoticesRepository = ReturnType<typeof noticesRepository>;
