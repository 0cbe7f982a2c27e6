/**
 * Preservation holds (issue 11): placed, extended, reminded, released, kept for legal process.
 * Every change is one guarded UPDATE … RETURNING (released_at IS NULL, reminded_at IS NULL, …) and
 * its event in the same transaction, so a release or a reminder happens once even when several
 * Writ processes work on one database (docs/decisions/0045-preservation-holds.md).
 */
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { DataCategory, DataRequestKind, ProductionExtent } from '../domain/data-request.js';
import { notFound, WritError } from '../domain/errors.js';
import type { Db } from './connection.js';
import { noticeHoldReminder } from './preservation-notices.js';
import { lockRequest, type Tx } from './request-rows.js';
import { authorities, channelOrders, dataRequests, events, preservationHolds, requests } from './schema/index.js';

/** What an account's decision tells the hold on it (see holdAfterDecision). */
export type DecisionForHold = {
  requestId: string;
  accountId: string;
  kind: DataRequestKind;
  extent: ProductionExtent;
  producedCategories: DataCategory[];
  decidedAt: Date;
  actorId: string;
  /** WRIT_PRESERVATION_DAYS: how long a new hold lasts. */
  preservationDays: number;
};

const DAY_MS = 86_400_000;
const addDays = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);

type HoldRow = typeof preservationHolds.$inferSelect;
const holdFacts = (h: Pick<HoldRow, 'accountId' | 'categories' | 'expiresAt'>) => ({
  accountId: h.accountId,
  categories: h.categories,
  expiresAt: h.expiresAt.toISOString(),
});

/**
 * Called by the decision on an account, in its transaction and under the request's lock: on a
 * preservation order, data preserved (all or some) places the account's hold or updates what it
 * holds; none releases it. Other kinds: nothing.
 */
export async function holdAfterDecision(tx: Tx, d: DecisionForHold): Promise<void> {
  if (d.kind !== 'preservation') return;
  const [hold] = await tx
    .select()
    .from(preservationHolds)
    .where(and(eq(preservationHolds.accountId, d.accountId), eq(preservationHolds.requestId, d.requestId)))
    .for('update');
  const event = { requestId: d.requestId, actorId: d.actorId, at: d.decidedAt };
  if (d.extent === 'none') {
    if (!hold || hold.releasedAt) return;
    await tx
      .update(preservationHolds)
      .set({ releasedAt: d.decidedAt, releaseReason: 'released_by_reviewer' })
      .where(eq(preservationHolds.id, hold.id));
    await tx.insert(events).values({
      ...event,
      type: 'hold_released',
      before: holdFacts(hold),
      after: { accountId: d.accountId, releaseReason: 'released_by_reviewer' },
      note: 'no data preserved',
    });
    return;
  }
  let categories = d.producedCategories;
  if (d.extent === 'all') {
    const [part] = await tx
      .select({ categories: dataRequests.categories })
      .from(dataRequests)
      .where(eq(dataRequests.requestId, d.requestId));
    // A preservation that named no categories says with the decision which were preserved.
    if (part && part.categories.length > 0) categories = part.categories;
  }
  if (hold && !hold.releasedAt) {
    if ([...hold.categories].sort().join() === [...categories].sort().join()) return;
    await tx.update(preservationHolds).set({ categories }).where(eq(preservationHolds.id, hold.id));
    await tx.insert(events).values({
      ...event,
      type: 'hold_placed',
      before: holdFacts(hold),
      after: holdFacts({ ...hold, categories }),
      note: 'what is preserved changed with the decision',
    });
    return;
  }
  const placed = {
    categories,
    preservedAt: d.decidedAt,
    expiresAt: addDays(d.decidedAt, d.preservationDays),
    extensions: 0,
    remindedAt: null,
    legalProcessRequestId: null,
    legalProcessAt: null,
    releasedAt: null,
    releaseReason: null,
    createdBy: d.actorId,
  };
  if (hold) await tx.update(preservationHolds).set(placed).where(eq(preservationHolds.id, hold.id));
  else await tx.insert(preservationHolds).values({ ...placed, accountId: d.accountId, requestId: d.requestId });
  await tx.insert(events).values({
    ...event,
    type: 'hold_placed',
    before: hold ? holdFacts(hold) : null,
    after: holdFacts({ accountId: d.accountId, categories, expiresAt: placed.expiresAt }),
  });
}

/** Who acts on a hold: a reviewer, or an officer (or API key) of the agency that sent the order. */
export type HoldActor = { userId: string } | { agencyId: string; officerId: string | null };

const invalid = (message: string) => new WritError('invalid_transition', message);

export function preservationRepository(db: Db, now: () => Date = () => new Date()) {
  /** The account's hold on the order, locked with the order; not found when the agency does not own the order. */
  async function lockedHold(tx: Tx, requestId: string, accountId: string, actor: HoldActor): Promise<HoldRow> {
    if ('agencyId' in actor) {
      const [owned] = await tx
        .select({ id: channelOrders.requestId })
        .from(channelOrders)
        .where(and(eq(channelOrders.requestId, requestId), eq(channelOrders.agencyId, actor.agencyId)));
      if (!owned) throw notFound('order', requestId);
    }
    await lockRequest(tx, requestId);
    const [hold] = await tx
      .select()
      .from(preservationHolds)
      .where(and(eq(preservationHolds.requestId, requestId), eq(preservationHolds.accountId, accountId)))
      .for('update');
    if (!hold) throw notFound('preservation hold on account', accountId);
    return hold;
  }

  const actorColumns = (actor: HoldActor) =>
    'userId' in actor ? { actorId: actor.userId, actorOfficerId: null } : { actorId: null, actorOfficerId: actor.officerId };

  return {
    /** Adds `days` to the expiry, at most `allowed` times; a reminder is due again before the new expiry. */
    async extend(requestId: string, accountId: string, input: { note: string; days: number; allowed: number; actor: HoldActor }) {
      await db.transaction(async (tx) => {
        const hold = await lockedHold(tx, requestId, accountId, input.actor);
        if (hold.releasedAt) throw invalid('the hold was released: it can no longer be extended');
        if (hold.extensions >= input.allowed)
          throw invalid(`the hold was extended ${hold.extensions} times already; the rules allow ${input.allowed}`);
        const expiresAt = addDays(hold.expiresAt, input.days);
        await tx
          .update(preservationHolds)
          .set({ expiresAt, extensions: hold.extensions + 1, remindedAt: null })
          .where(eq(preservationHolds.id, hold.id));
        await tx.insert(events).values({
          requestId,
          type: 'hold_extended',
          ...actorColumns(input.actor),
          at: now(),
          before: { ...holdFacts(hold), extensions: hold.extensions },
          after: { ...holdFacts({ ...hold, expiresAt }), extensions: hold.extensions + 1 },
          note: input.note,
        });
      });
    },

    /** A reviewer releases the hold before its expiry. */
    async release(requestId: string, accountId: string, input: { note: string; userId: string }) {
      await db.transaction(async (tx) => {
        const hold = await lockedHold(tx, requestId, accountId, { userId: input.userId });
        if (hold.releasedAt) throw invalid('the hold was released already');
        const at = now();
        await tx
          .update(preservationHolds)
          .set({ releasedAt: at, releaseReason: 'released_by_reviewer' })
          .where(eq(preservationHolds.id, hold.id));
        await tx.insert(events).values({
          requestId,
          type: 'hold_released',
          actorId: input.userId,
          at,
          before: holdFacts(hold),
          after: { accountId, releaseReason: 'released_by_reviewer' },
          note: input.note,
        });
      });
    },

    /**
     * The legal process that arrived for the account: a user-data or emergency-disclosure order of
     * an authority of the same country, by its Writ reference. The hold then outlives its expiry.
     */
    async linkLegalProcess(requestId: string, accountId: string, input: { reference: string; userId: string }) {
      await db.transaction(async (tx) => {
        const hold = await lockedHold(tx, requestId, accountId, { userId: input.userId });
        if (hold.releasedAt) throw invalid('the hold was released: legal process can no longer keep it');
        if (hold.legalProcessRequestId) throw invalid('legal process is linked to this hold already');
        const country = (id: SQL) =>
          tx
            .select({ id: requests.id, kind: requests.kind, country: authorities.country })
            .from(requests)
            .innerJoin(authorities, eq(authorities.id, requests.authorityId))
            .where(id);
        const [own] = await country(eq(requests.id, requestId));
        const [order] = await country(sql`upper(${requests.reference}) = upper(${input.reference})`);
        if (!order) throw new WritError('validation_failed', `no order has the reference ${input.reference}`, 'reference');
        if (order.kind !== 'user_data' && order.kind !== 'emergency_disclosure')
          throw new WritError(
            'validation_failed',
            `${input.reference} is a ${order.kind} order: legal process is a user_data or emergency_disclosure order`,
            'reference',
          );
        if (order.country !== own?.country)
          throw new WritError(
            'validation_failed',
            `${input.reference} comes from an authority of ${order.country}, the preservation from one of ${own?.country}`,
            'reference',
          );
        const at = now();
        await tx
          .update(preservationHolds)
          .set({ legalProcessRequestId: order.id, legalProcessAt: at })
          .where(eq(preservationHolds.id, hold.id));
        await tx.insert(events).values({
          requestId,
          type: 'hold_kept_for_legal_process',
          actorId: input.userId,
          at,
          after: { accountId, legalProcessRequestId: order.id, reference: input.reference },
        });
      });
    },

    /**
     * Claims up to `limit` holds that have work due (a withdrawn order, an expiry, a reminder) with
     * FOR UPDATE SKIP LOCKED and hands their ids to `handOver` in the same transaction (the durable
     * job is queued with the claim). Returns how many were handed over.
     */
    async handOverDue(limit: number, reminderDays: number, handOver: (ids: string[], tx: Tx) => Promise<void>) {
      return db.transaction(async (tx) => {
        const at = now();
        const due = await tx
          .select({ id: preservationHolds.id })
          .from(preservationHolds)
          .innerJoin(requests, eq(requests.id, preservationHolds.requestId))
          .where(
            and(
              isNull(preservationHolds.releasedAt),
              sql`(${requests.status} = 'withdrawn' OR (${preservationHolds.legalProcessRequestId} IS NULL AND (
                ${preservationHolds.expiresAt} <= ${at}
                OR (${preservationHolds.remindedAt} IS NULL AND ${preservationHolds.expiresAt} - make_interval(days => ${reminderDays}) <= ${at}))))`,
            ),
          )
          .orderBy(preservationHolds.expiresAt)
          .limit(limit)
          .for('update', { of: preservationHolds, skipLocked: true });
        if (due.length > 0)
          await handOver(
            due.map((r) => r.id),
            tx,
          );
        return due.length;
      });
    },

    /**
     * Does what is due on one hold, each step at most once however often it is called and by how many
     * processes: released when its order was withdrawn, released when it expired without legal
     * process, or reminded once before its expiry. Returns what it did.
     */
    async settle(holdId: string, reminderDays: number): Promise<'withdrawn' | 'expired' | 'reminded' | null> {
      return db.transaction(async (tx) => {
        const at = now();
        const release = async (reason: 'order_withdrawn' | 'expired', due: SQL) => {
          const [released] = await tx
            .update(preservationHolds)
            .set({ releasedAt: at, releaseReason: reason })
            .where(and(eq(preservationHolds.id, holdId), isNull(preservationHolds.releasedAt), due))
            .returning();
          if (!released) return false;
          await tx.insert(events).values({
            requestId: released.requestId,
            type: 'hold_released',
            at,
            before: holdFacts(released),
            after: { accountId: released.accountId, releaseReason: reason },
            note: reason === 'expired' ? 'expired' : 'order withdrawn',
          });
          return true;
        };
        const withdrawn = sql`EXISTS (SELECT 1 FROM ${requests} WHERE ${requests.id} = ${preservationHolds.requestId} AND ${requests.status} = 'withdrawn')`;
        if (await release('order_withdrawn', withdrawn)) return 'withdrawn';
        const expired = sql`${preservationHolds.legalProcessRequestId} IS NULL AND ${preservationHolds.expiresAt} <= ${at}`;
        if (await release('expired', expired)) return 'expired';
        const [reminded] = await tx
          .update(preservationHolds)
          .set({ remindedAt: at })
          .where(
            and(
              eq(preservationHolds.id, holdId),
              isNull(preservationHolds.releasedAt),
              isNull(preservationHolds.remindedAt),
              isNull(preservationHolds.legalProcessRequestId),
              sql`${preservationHolds.expiresAt} - make_interval(days => ${reminderDays}) <= ${at}`,
            ),
          )
          .returning();
        if (!reminded) return null;
        await tx.insert(events).values({
          requestId: reminded.requestId,
          type: 'hold_reminder_sent',
          at,
          after: holdFacts(reminded),
        });
        await noticeHoldReminder(tx, reminded);
        return 'reminded';
      });
    },
  };
}
export type PreservationRepository = ReturnType<typeof preservationRepository>;
