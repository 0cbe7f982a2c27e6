/**
 * Decisions on the accounts of data orders and the post-hoc review of emergency disclosures
 * (issue 11). Each write runs in one transaction under the request's row lock, applies the domain's
 * rules, appends an event to the order's history and keeps the report rollups in step.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  type AccountDecisionInput,
  checkAccountDecision,
  type DataRequestKind,
  isDataRequestKind,
} from '../domain/data-request.js';
import {
  checkEmergencyReviewer,
  checkFollowUpProcess,
  type EmergencyConclusion,
  emergencyDueDates,
} from '../domain/emergency-review.js';
import { notFound, WritError } from '../domain/errors.js';
import type { Actor } from '../domain/request.js';
import { acceptsDecisions, statusAfterDecision } from '../domain/request-lifecycle.js';
import { noticeAccountDecided } from './channel-notices.js';
import type { Db } from './connection.js';
import { holdAfterDecision } from './preservation-repository.js';
import { lockRequest, type Tx } from './request-rows.js';
import { setStatus, undecidedItems } from './requests-repository.js';
import { withRollups } from './rollups.js';
import { accountDecisions, authorities, dataAccounts, dataRequests, emergencyReviews, events, requests } from './schema/index.js';

/** The settings a decision on an account needs (config.dataRequests). */
export type AccountDecisionSettings = {
  preservationDays: number;
  emergencyReviewHours: number;
  emergencyFollowUpDays: number;
};

type StoredDecision = AccountDecisionInput & { decidedBy: string; decidedAt: Date };

const presentDecision = (accountId: string, d: StoredDecision) => ({
  accountId,
  extent: d.extent,
  producedCategories: d.producedCategories,
  refusalReason: d.refusalReason,
  legalBasis: d.legalBasis,
  rationale: d.rationale,
  decidedBy: d.decidedBy,
  decidedAt: d.decidedAt,
});

/** The kind and receipt of a locked order, and its country (the authority's). */
async function orderFacts(tx: Tx, requestId: string) {
  const [row] = await tx
    .select({ id: requests.id, kind: requests.kind, receivedAt: requests.receivedAt, country: authorities.country })
    .from(requests)
    .innerJoin(authorities, eq(authorities.id, requests.authorityId))
    .where(eq(requests.id, requestId));
  if (!row) throw notFound('request', requestId);
  return row;
}

/** The emergency disclosure's review row, under the order's lock; refused when there is none yet. */
async function emergencyReviewOf(tx: Tx, requestId: string) {
  const facts = await orderFacts(tx, requestId);
  if (facts.kind !== 'emergency_disclosure') {
    throw new WritError('invalid_transition', `a ${facts.kind} order has no post-hoc review: only an emergency disclosure has`);
  }
  const [review] = await tx.select().from(emergencyReviews).where(eq(emergencyReviews.requestId, requestId));
  if (!review) {
    throw new WritError(
      'invalid_transition',
      'the emergency disclosure has no decision on an account yet: it is reviewed after it is decided',
    );
  }
  return { facts, review };
}

export function accountDecisionsRepository(db: Db, now: () => Date = () => new Date()) {
  return {
    /**
     * Decides an account of a data order or changes its decision (recorded with before and after);
     * the hold of a preservation follows, the agency of a channel order hears of it, an emergency
     * disclosure's review starts with its first decision, and the order's status follows.
     */
    async decideAccount(
      requestId: string,
      accountId: string,
      input: AccountDecisionInput,
      actor: Actor,
      settings: AccountDecisionSettings,
    ): Promise<void> {
      await db.transaction(async (tx) => {
        const request = await lockRequest(tx, requestId);
        await withRollups(tx, requestId, async () => {
          if (!acceptsDecisions(request.status)) {
            throw new WritError('invalid_transition', `accounts of a ${request.status} request cannot be decided`, 'status');
          }
          const [account] = await tx
            .select({ id: dataAccounts.id, kind: requests.kind, asked: dataRequests.categories })
            .from(dataAccounts)
            .innerJoin(requests, eq(requests.id, dataAccounts.requestId))
            .innerJoin(dataRequests, eq(dataRequests.requestId, dataAccounts.requestId))
            .where(and(eq(dataAccounts.id, accountId), eq(dataAccounts.requestId, requestId)));
          if (!account || !isDataRequestKind(account.kind)) throw notFound('account', accountId);
          const kind: DataRequestKind = account.kind;
          const decision = checkAccountDecision(input, account.asked);
          const [previous] = await tx.select().from(accountDecisions).where(eq(accountDecisions.accountId, accountId));
          const decidedAt = now();
          const values: StoredDecision = { ...decision, decidedBy: actor.id, decidedAt };
          await tx
            .insert(accountDecisions)
            .values({ accountId, ...values })
            .onConflictDoUpdate({ target: accountDecisions.accountId, set: values });
          await tx.insert(events).values({
            requestId,
            type: previous ? 'account_decision_changed' : 'account_decided',
            at: decidedAt,
            actorId: actor.id,
            before: previous ? presentDecision(accountId, previous) : null,
            after: presentDecision(accountId, values),
          });
          await holdAfterDecision(tx, {
            requestId,
            accountId,
            kind,
            extent: decision.extent,
            producedCategories: decision.producedCategories,
            decidedAt,
            actorId: actor.id,
            preservationDays: settings.preservationDays,
          });
          if (kind === 'emergency_disclosure') {
            // The first decision starts the clocks of the post-hoc review and of the follow-up process.
            await tx
              .insert(emergencyReviews)
              .values({ requestId, ...emergencyDueDates(decidedAt, settings) })
              .onConflictDoNothing({ target: emergencyReviews.requestId });
          }
          // An order sent through the channel: the agency hears of the decision (mail and webhook).
          await noticeAccountDecided(tx, requestId, accountId, decision, decidedAt, previous !== undefined);
          const next = statusAfterDecision(request.status, await undecidedItems(tx, requestId));
          if (next !== request.status)
            await setStatus(tx, requestId, { from: request.status, to: next, at: decidedAt }, actor, null);
          else await tx.update(requests).set({ updatedAt: decidedAt }).where(eq(requests.id, requestId));
        });
      });
    },

    /** Records the post-hoc review of an emergency disclosure, by someone who decided none of its accounts. */
    async recordEmergencyReview(
      requestId: string,
      review: { conclusion: EmergencyConclusion; note: string },
      actor: Actor,
    ): Promise<void> {
      await db.transaction(async (tx) => {
        await lockRequest(tx, requestId);
        await withRollups(tx, requestId, async () => {
          const { review: current } = await emergencyReviewOf(tx, requestId);
          if (current.reviewedAt) throw new WritError('conflict', 'the post-hoc review of this emergency was recorded already');
          const deciders = await tx
            .selectDistinct({ id: events.actorId })
            .from(events)
            .where(and(eq(events.requestId, requestId), inArray(events.type, ['account_decided', 'account_decision_changed'])));
          checkEmergencyReviewer(
            actor.id,
            deciders.flatMap((d) => (d.id ? [d.id] : [])),
          );
          const at = now();
          await tx
            .update(emergencyReviews)
            .set({ reviewedAt: at, reviewedBy: actor.id, conclusion: review.conclusion, reviewNote: review.note })
            .where(eq(emergencyReviews.requestId, requestId));
          await tx.insert(events).values({
            requestId,
            type: 'emergency_review_recorded',
            at,
            actorId: actor.id,
            before: null,
            after: { conclusion: review.conclusion, note: review.note },
          });
          await tx.update(requests).set({ updatedAt: at }).where(eq(requests.id, requestId));
        });
      });
    },

    /** Links the follow-up legal process (a user-data order named by its WR reference) to an emergency disclosure. */
    async linkFollowUp(requestId: string, reference: string, actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        await lockRequest(tx, requestId);
        await withRollups(tx, requestId, async () => {
          const { facts, review } = await emergencyReviewOf(tx, requestId);
          if (review.followUpRequestId) {
            throw new WritError('conflict', 'the follow-up legal process of this emergency is linked already', 'reference');
          }
          const [followUp] = await tx
            .select({
              id: requests.id,
              reference: requests.reference,
              kind: requests.kind,
              receivedAt: requests.receivedAt,
              country: authorities.country,
            })
            .from(requests)
            .innerJoin(authorities, eq(authorities.id, requests.authorityId))
            .where(sql`upper(${requests.reference}) = upper(${reference.trim()})`);
          if (!followUp) throw new WritError('validation_failed', `no order has the reference ${reference}`, 'reference');
          checkFollowUpProcess(facts, followUp);
          const at = now();
          await tx
            .update(emergencyReviews)
            .set({ followUpRequestId: followUp.id, followUpReceivedAt: followUp.receivedAt })
            .where(eq(emergencyReviews.requestId, requestId));
          await tx.insert(events).values({
            requestId,
            type: 'follow_up_process_received',
            at,
            actorId: actor.id,
            before: null,
            after: { requestId: followUp.id, reference: followUp.reference, receivedAt: followUp.receivedAt },
          });
          await tx.update(requests).set({ updatedAt: at }).where(eq(requests.id, requestId));
        });
      });
    },
  };
}
export type AccountDecisionsRepository = ReturnType<typeof accountDecisionsRepository>;
