/** Staged review: review policies per reason category, stage findings, proposals and sign-offs (issue 12). */
import { and, eq } from 'drizzle-orm';
import type { Clock } from '../app/context.js';
import { notFound, WritError } from '../domain/errors.js';
import type { Actor } from '../domain/request.js';
import { acceptsDecisions } from '../domain/request-lifecycle.js';
import type { ReviewFinding, ReviewPolicy, ReviewStage, SensitiveTopic } from '../domain/review-vocabulary.js';
import { checkSignOff, checkStageOrder, gateDecision } from '../domain/staged-review.js';
import type { Reason } from '../domain/vocabulary.js';
import type { Db } from './connection.js';
import { lockRequest, type Tx } from './request-rows.js';
import { writeDecision } from './requests-repository.js';
import { withRollups } from './rollups.js';
import { events, itemReviews, items, requests, reviewPolicies, reviewSteps } from './schema/index.js';
import { deleteProposal, readItemReviewState, readPolicyRows } from './staged-review-rows.js';

export type FindingInput = {
  stage: ReviewStage;
  finding: ReviewFinding;
  note: string;
  reason?: Reason | undefined;
  topics?: SensitiveTopic[] | undefined;
};

/** The request locked, accepting decisions, and the item one of its own. */
async function lockForReview(tx: Tx, requestId: string, itemId: string) {
  const request = await lockRequest(tx, requestId);
  if (!acceptsDecisions(request.status))
    throw new WritError('invalid_transition', `items of a ${request.status} request cannot be reviewed`, 'status');
  const [item] = await tx
    .select({ id: items.id })
    .from(items)
    .where(and(eq(items.id, itemId), eq(items.requestId, requestId)));
  if (!item) throw notFound('item', itemId);
  return request;
}

export function reviewRepository(db: Db, now: Clock) {
  return {
    /** The admin's rows (a reason category without one uses the default). */
    policies: (): Promise<ReviewPolicy[]> => readPolicyRows(db),

    async setPolicy(policy: ReviewPolicy, actor: Actor): Promise<void> {
      const values = { stages: policy.stages, sensitive: policy.sensitive, updatedBy: actor.id, updatedAt: now() };
      await db
        .insert(reviewPolicies)
        .values({ reason: policy.reason, ...values })
        .onConflictDoUpdate({ target: reviewPolicies.reason, set: values });
    },

    /**
     * Records a stage's finding on an item (event `review_finding`), in order; at the policy stage
     * also the item's reason category and sensitive topics.
     */
    async recordFinding(requestId: string, itemId: string, input: FindingInput, actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        await lockForReview(tx, requestId, itemId);
        const at = now();
        const before = await readItemReviewState(tx, requestId, itemId, null);
        if (input.stage === 'policy') {
          const reason = input.reason ?? before.review?.reason;
          if (!reason)
            throw new WritError('validation_failed', 'the policy stage names the reason category of the item', 'reason');
          const topics = input.topics ?? before.review?.topics ?? [];
          await tx
            .insert(itemReviews)
            .values({ itemId, requestId, reason, topics, updatedAt: at })
            .onConflictDoUpdate({ target: itemReviews.itemId, set: { reason, topics, updatedAt: at } });
        } else if (input.reason !== undefined || input.topics !== undefined) {
          throw new WritError('validation_failed', 'reason and topics are set at the policy stage', 'reason');
        }
        const state = await readItemReviewState(tx, requestId, itemId, null);
        checkStageOrder(state.policy, state.findings, input.stage);
        await tx.insert(reviewSteps).values({
          requestId,
          itemId,
          stage: input.stage,
          finding: input.finding,
          note: input.note,
          actorId: actor.id,
          at,
        });
        await tx.insert(events).values({
          requestId,
          itemId,
          type: 'review_finding',
          at,
          actorId: actor.id,
          before: before.findings[input.stage]
            ? { finding: before.findings[input.stage]?.finding, note: before.findings[input.stage]?.note }
            : null,
          after: {
            stage: input.stage,
            finding: input.finding,
            ...(input.stage === 'policy' ? { reason: state.review?.reason, topics: state.review?.topics } : {}),
          },
          note: input.note,
        });
        await tx.update(requests).set({ updatedAt: at }).where(eq(requests.id, requestId));
      });
    },

    /**
     * The second person approves (the proposal becomes the decision, written as any decision is,
     * decided by the proposer and signed off by the signer) or rejects it (the proposal is dropped).
     */
    async signOff(requestId: string, itemId: string, input: { approve: boolean; note: string }, actor: Actor): Promise<void> {
      await db.transaction(async (tx) => {
        const request = await lockForReview(tx, requestId, itemId);
        const state = await readItemReviewState(tx, requestId, itemId, null);
        const proposal = state.proposal;
        if (!proposal) throw new WritError('conflict', 'no decision on this item is waiting for a sign-off', 'approve');
        checkSignOff(proposal, actor);
        const at = now();
        // A finding recorded since the proposal (an objection, say) is heeded.
        if (input.approve) gateDecision(state.policy, state.findings, proposal, request.country);
        if (!input.approve) {
          await deleteProposal(tx, itemId);
          await tx.insert(events).values({
            requestId,
            itemId,
            type: 'proposal_rejected',
            at,
            actorId: actor.id,
            before: { outcome: proposal.outcome, scopeCountries: proposal.scopeCountries, proposedBy: proposal.proposedBy.id },
            note: input.note,
          });
          await tx.update(requests).set({ updatedAt: at }).where(eq(requests.id, requestId));
          return;
        }
        await withRollups(tx, requestId, () =>
          writeDecision(
            tx,
            request,
            itemId,
            {
              outcome: proposal.outcome,
              reason: proposal.reason,
              scopeCountries: proposal.scopeCountries,
              rationale: proposal.rationale,
              publicSummary: proposal.publicSummary,
              publicInterest: proposal.publicInterest,
              caseStudy: proposal.caseStudy,
              decidedBy: proposal.proposedBy.id,
              decidedAt: at,
              signedOffBy: actor.id,
              signedOffAt: at,
            },
            actor,
            { note: input.note },
          ),
        );
      });
    },
  };
}
export type ReviewRepository = ReturnType<typeof reviewRepository>;
