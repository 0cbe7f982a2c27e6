/**
 * Requests, their items, decisions and history. Every change runs in one transaction that locks
 * the request row, applies the domain's rules and appends an event, so that concurrent reviewers
 * cannot interleave and nothing changes without a record.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { RequestDeadline, StoredDeadline } from '../domain/deadline.js';
import { notFound, WritError } from '../domain/errors.js';
import { type StoredOrder, unknownAuthority } from '../domain/intake.js';
import type { Actor, CheckedDecision, DecisionInput, Item, RequestEvent } from '../domain/request.js';
import { checkDecision } from '../domain/request.js';
import { acceptsDecisions, assertTransition, statusAfterDecision } from '../domain/request-lifecycle.js';
import { gateDecision } from '../domain/staged-review.js';
import type { RequestStatus } from '../domain/vocabulary.js';
import { noticeItemDecided, noticeStatusChanged, resumeStoppedClock } from './channel-notices.js';
import { orderChannelInfo } from './channel-orders-repository.js';
import type { Db } from './connection.js';
import { readDataRequest, undecidedAccounts } from './data-requests-repository.js';
import { enforcementAfterDecision } from './enforcement-repository.js';
import { type InsertedOrder, insertOrders, particularsOf } from './intake-repository.js';

export type { RequestDetailView, RequestSummaryView } from './request-rows.js';

import { lockRequest, type RequestDetailView, recomputeRequestDeadline, summaryColumns, type Tx } from './request-rows.js';
import { applyRollups, withRollups } from './rollups.js';
import { agencies, authorities, decisions, events, items, officers, requests, users } from './schema/index.js';
import { deleteProposal, readItemReviewState, readOrderReviews, writeProposal } from './staged-review-rows.js';

/** The second person of a signed-off decision. */
const signers = alias(users, 'signers');

/** Items (of a removal order) and accounts (of a data order) with no decision yet. */
export async function undecidedItems(tx: Tx, requestId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(items)
    .leftJoin(decisions, eq(decisions.itemId, items.id))
    .where(and(eq(items.requestId, requestId), sql`${decisions.itemId} IS NULL`));
  return (row?.n ?? 0) + (await undecidedAccounts(tx, requestId));
}

/** Moves a request to another status under its lock (the caller holds it), with its event and the agency's notice. */
export async function setStatus(
  tx: Tx,
  requestId: string,
  change: { from: RequestStatus; to: RequestStatus; at: Date },
  actor: Actor,
  note: string | null,
) {
  const { from, to, at: now } = change;
  // A clock stopped while the order waited for clarification runs again, its deadline moved by the pause.
  await resumeStoppedClock(tx, requestId, change, actor.id);
  await tx
    .update(requests)
    .set({
      status: to,
      updatedAt: now,
      ...(to === 'decided' ? { decidedAt: now } : to === 'in_review' ? { decidedAt: null } : {}),
    })
    .where(eq(requests.id, requestId));
  await tx.insert(events).values({
    requestId,
    type: 'status_changed',
    actorId: actor.id,
    at: now,
    before: { status: from },
    after: { status: to },
    note,
  });
  await noticeStatusChanged(tx, requestId, from, to);
}

/** A decision as written to `decisions`. */
export type StoredDecision = CheckedDecision & {
  decidedBy: string;
  decidedAt: Date;
  signedOffBy?: string | null;
  signedOffAt?: Date | null;
};

/**
 * Writes a decision under the request's lock (the caller holds it and runs the rollups): the row,
 * its event (`item_decided`, `decision_changed`, or `decision_signed_off` for a sign-off), the
 * agency's notice, the enforcement action, and the request's status. Every path that writes a
 * decision goes through here: a direct decision and a second person's sign-off.
 */
export async function writeDecision(
  tx: Tx,
  request: { id: string; status: RequestStatus },
  itemId: string,
  values: StoredDecision,
  actor: Actor,
  signOff: { note: string } | null,
): Promise<void> {
  const requestId = request.id;
  const [previous] = await tx.select().from(decisions).where(eq(decisions.itemId, itemId));
  const row = { signedOffBy: null, signedOffAt: null, ...values };
  await tx
    .insert(decisions)
    .values({ itemId, ...row })
    .onConflictDoUpdate({ target: decisions.itemId, set: row });
  // A decision written directly replaces any proposal still waiting on the item.
  await deleteProposal(tx, itemId);
  const present = (d: StoredDecision) => ({
    outcome: d.outcome,
    reason: d.reason,
    scopeCountries: d.scopeCountries,
    rationale: d.rationale,
    decidedBy: d.decidedBy,
    decidedAt: d.decidedAt,
    publicSummary: d.publicSummary,
    publicInterest: d.publicInterest,
    caseStudy: d.caseStudy,
    ...(d.signedOffBy ? { signedOffBy: d.signedOffBy, signedOffAt: d.signedOffAt } : {}),
  });
  await tx.insert(events).values({
    requestId,
    itemId,
    type: signOff ? 'decision_signed_off' : previous ? 'decision_changed' : 'item_decided',
    at: values.decidedAt,
    actorId: actor.id,
    before: previous ? present(previous) : null,
    after: present(row),
    note: signOff?.note ?? null,
  });
  // An order sent through the channel: the agency hears of the decision (mail and webhook).
  await noticeItemDecided(tx, requestId, itemId, values, previous !== undefined);
  await enforcementAfterDecision(tx, {
    requestId,
    itemId,
    outcome: values.outcome,
    scopeCountries: values.scopeCountries,
    decidedAt: values.decidedAt,
    previousOutcome: previous?.outcome ?? null,
  });
  const next = statusAfterDecision(request.status, await undecidedItems(tx, requestId));
  if (next !== request.status)
    await setStatus(tx, requestId, { from: request.status, to: next, at: values.decidedAt }, actor, null);
  else await tx.update(requests).set({ updatedAt: values.decidedAt }).where(eq(requests.id, requestId));
}

/** A request just received, as get() would read it, from what was sent and what the insert returned. */
function newRequestDetail(input: StoredOrder, written: InsertedOrder, actor: Actor | null, at: Date): RequestDetailView {
  return {
    id: written.id,
    reference: written.reference,
    kind: input.kind,
    status: 'received',
    authority: written.authority,
    receivedAt: input.receivedAt,
    authorityTimeZone: input.authorityTimeZone,
    dueAt: input.dueAt,
    dueBasis: input.dueBasis,
    regimeId: input.regimeId,
    category: input.category,
    periodSetInOrderHours: input.periodSetInOrderHours,
    deadlineBasis: input.deadlineBasis,
    deadlineRuleId: input.deadlineRuleId,
    deadlineRuleVersion: input.deadlineRuleVersion,
    deadlineRule: input.deadlineRule,
    decidedAt: null,
    isDemo: input.isDemo ?? false,
    itemCount: input.items.length + (input.dataRequest?.accounts.length ?? 0),
    decidedItemCount: 0,
    legalBasis: input.legalBasis,
    claimedCategories: input.claimedCategories,
    channel: input.channel,
    authorityReference: input.authorityReference,
    ...particularsOf(input),
    items: input.items.map((item, position) => ({
      id: written.itemIds[position]!,
      position,
      targetKind: item.targetKind,
      target: item.target,
      product: item.product,
      decision: null,
    })),
    events: [
      {
        id: written.event.id,
        type: 'request_received',
        itemId: null,
        actor: actor ? { id: actor.id, name: actor.name } : null,
        at,
        before: null,
        after: written.event.after,
        note: null,
      },
    ],
  };
}

/** `now` is the clock that stamps decisions and status changes (tests pass a fixed one). */
export function requestsRepository(db: Db, now: () => Date = () => new Date()) {
  async function get(id: string): Promise<RequestDetailView> {
    const [summary] = await db
      .select({
        ...summaryColumns,
        legalBasis: requests.legalBasis,
        claimedCategories: requests.claimedCategories,
        channel: requests.channel,
        authorityReference: requests.authorityReference,
        signer: requests.signer,
        statementOfReasons: requests.statementOfReasons,
        language: requests.language,
        requestedScope: requests.requestedScope,
        redress: requests.redress,
        missingElements: requests.missingElements,
        clockPausedAt: requests.clockPausedAt,
      })
      .from(requests)
      .innerJoin(authorities, eq(authorities.id, requests.authorityId))
      .where(eq(requests.id, id));
    if (!summary) throw notFound('request', id);

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
        rationale: decisions.rationale,
        decidedAt: decisions.decidedAt,
        publicSummary: decisions.publicSummary,
        publicInterest: decisions.publicInterest,
        caseStudy: decisions.caseStudy,
        signedOffAt: decisions.signedOffAt,
        deciderId: users.id,
        deciderName: users.name,
        signerId: signers.id,
        signerName: signers.name,
      })
      .from(items)
      .leftJoin(decisions, eq(decisions.itemId, items.id))
      .leftJoin(users, eq(users.id, decisions.decidedBy))
      .leftJoin(signers, eq(signers.id, decisions.signedOffBy))
      .where(eq(items.requestId, id))
      .orderBy(asc(items.position));

    const eventRows = await db
      .select({
        id: events.id,
        type: events.type,
        itemId: events.itemId,
        at: events.at,
        before: events.before,
        after: events.after,
        note: events.note,
        actorId: users.id,
        actorName: users.name,
        officerId: officers.id,
        officerName: officers.name,
        agencyName: agencies.name,
      })
      .from(events)
      .leftJoin(users, eq(users.id, events.actorId))
      .leftJoin(officers, eq(officers.id, events.actorOfficerId))
      .leftJoin(agencies, eq(agencies.id, officers.agencyId))
      .where(eq(events.requestId, id))
      .orderBy(asc(events.id));

    const reviews = await readOrderReviews(db, id);
    return {
      ...summary,
      ...(await orderChannelInfo(db, id)),
      dataRequest: await readDataRequest(db, id),
      items: itemRows.map(
        (r): Item => ({
          id: r.id,
          position: r.position,
          targetKind: r.targetKind,
          target: r.target,
          product: r.product,
          decision:
            r.outcome && r.reason && r.decidedAt && r.deciderId
              ? {
                  outcome: r.outcome,
                  reason: r.reason,
                  scopeCountries: r.scopeCountries,
                  rationale: r.rationale ?? '',
                  decidedAt: r.decidedAt,
                  decidedBy: { id: r.deciderId, name: r.deciderName ?? '' },
                  publicSummary: r.publicSummary,
                  publicInterest: r.publicInterest ?? false,
                  caseStudy: r.caseStudy,
                  signedOffBy: r.signerId ? { id: r.signerId, name: r.signerName ?? '' } : null,
                  signedOffAt: r.signedOffAt,
                }
              : null,
          review: reviews.get(r.id),
        }),
      ),
      events: eventRows.map(
        (e): RequestEvent => ({
          id: e.id,
          type: e.type,
          itemId: e.itemId,
          at: e.at,
          before: e.before,
          after: e.after,
          note: e.note,
          // An officer of the authority (channel) is named with the agency: "Name (Agency)".
          actor: e.actorId
            ? { id: e.actorId, name: e.actorName ?? '' }
            : e.officerId
              ? { id: e.officerId, name: `${e.officerName ?? ''} (${e.agencyName ?? ''})` }
              : null,
        }),
      ),
    };
  }

  return {
    get,

    /**
     * Stores an order with its items and `request_received` event, and answers from what it wrote
     * (RETURNING, with ids made here): BEGIN, one statement, the rollups, COMMIT.
     */
    async create(input: StoredOrder, actor: Actor | null): Promise<RequestDetailView> {
      const at = now();
      const written = await db.transaction(async (tx) => {
        const [row] = await insertOrders(tx, [input], actor, at);
        // Left out by the statement: the authority is not registered.
        if (!row) throw unknownAuthority(input.authorityId);
        await applyRollups(tx, [row.id], null);
        return row;
      });
      // A data order is read back whole (its accounts' ids were made by the database).
      if (input.dataRequest) return get(written.id);
      return newRequestDetail(input, written, actor, at);
    },

    /**
     * Decides an item, or changes its decision. A restrictive outcome on an item whose review policy
     * has stages needs them done (409 review_stage_required); on a sensitive item it becomes a
     * proposal waiting for a second person's sign-off (event `decision_proposed`) instead.
     */
    async decideItem(requestId: string, itemId: string, input: DecisionInput, actor: Actor): Promise<RequestDetailView> {
      await db.transaction(async (tx) => {
        const request = await lockRequest(tx, requestId);
        await withRollups(tx, requestId, async () => {
          if (!acceptsDecisions(request.status)) {
            throw new WritError('invalid_transition', `items of a ${request.status} request cannot be decided`, 'status');
          }
          const decision = checkDecision(input, request.country);
          const [item] = await tx
            .select({ id: items.id })
            .from(items)
            .where(and(eq(items.id, itemId), eq(items.requestId, requestId)));
          if (!item) throw notFound('item', itemId);
          const state = await readItemReviewState(tx, requestId, itemId, decision.reason);
          const at = now();
          if (gateDecision(state.policy, state.findings, decision, request.country) === 'propose') {
            await writeProposal(tx, requestId, itemId, decision, actor, at);
            await tx.insert(events).values({
              requestId,
              itemId,
              type: 'decision_proposed',
              at,
              actorId: actor.id,
              after: { ...decision, proposedBy: actor.id },
            });
            await tx.update(requests).set({ updatedAt: at }).where(eq(requests.id, requestId));
            return;
          }
          await writeDecision(tx, request, itemId, { ...decision, decidedBy: actor.id, decidedAt: at }, actor, null);
        });
      });
      return get(requestId);
    },

    async changeStatus(requestId: string, to: RequestStatus, note: string | null, actor: Actor): Promise<RequestDetailView> {
      await db.transaction(async (tx) => {
        const request = await lockRequest(tx, requestId);
        assertTransition(request.status, to, await undecidedItems(tx, requestId));
        await withRollups(tx, requestId, () => setStatus(tx, requestId, { from: request.status, to, at: now() }, actor, note));
      });
      return get(requestId);
    },

    /**
     * Replaces a request's deadline with what `next` (the domain's recomputedDeadline) makes of the
     * stored one, in one transaction with a `deadline_recomputed` event holding before, after and the reason.
     */
    async recomputeDeadline(
      requestId: string,
      next: (current: StoredDeadline) => RequestDeadline,
      note: string,
      actor: Actor,
    ): Promise<RequestDetailView> {
      await recomputeRequestDeadline(db, requestId, next, note, actor, now());
      return get(requestId);
    },
  };
}
export type RequestsRepository = ReturnType<typeof requestsRepository>;
