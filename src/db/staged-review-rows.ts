/**
 * Reading an order's staged review (item reviews, findings, proposals, the policies) with one query
 * per table for the whole order, and the proposal a sensitive decision becomes (issue 12).
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { CheckedDecision } from '../domain/request.js';
import type { ReviewPolicy, SensitiveTopic } from '../domain/review-vocabulary.js';
import {
  currentFindings,
  type EffectivePolicy,
  effectivePolicy,
  type ItemReviewView,
  nextStep,
  type Proposal,
  type StageStep,
} from '../domain/staged-review.js';
import type { Reason } from '../domain/vocabulary.js';
import type { Db } from './connection.js';
import type { Tx } from './request-rows.js';
import { decisionProposals, decisions, itemReviews, items, reviewPolicies, reviewSteps, users } from './schema/index.js';

type DbOrTx = Db | Tx;

/** The admin's rows (reason categories without a row use the default). */
export async function readPolicyRows(db: DbOrTx): Promise<ReviewPolicy[]> {
  const rows = await db.select().from(reviewPolicies);
  return rows.map((r) => ({ reason: r.reason, stages: r.stages, sensitive: r.sensitive }));
}

type RawReview = {
  review: { reason: Reason; topics: SensitiveTopic[] } | null;
  steps: StageStep[];
  proposal: Proposal | null;
  decision: { reason: Reason } | null;
};

/** The raw review state of the given items (of one order), one query per table. */
async function readRaw(db: DbOrTx, requestId: string, itemIds: string[] | null): Promise<Map<string, RawReview>> {
  const itemFilter = itemIds ? inArray(items.id, itemIds) : eq(items.requestId, requestId);
  const itemRows = await db
    .select({ id: items.id, decisionReason: decisions.reason })
    .from(items)
    .leftJoin(decisions, eq(decisions.itemId, items.id))
    .where(itemFilter);
  const byItem = new Map<string, RawReview>(
    itemRows.map((r) => [
      r.id,
      { review: null, steps: [], proposal: null, decision: r.decisionReason ? { reason: r.decisionReason } : null },
    ]),
  );
  const reviewRows = await db.select().from(itemReviews).where(eq(itemReviews.requestId, requestId));
  for (const r of reviewRows) {
    const entry = byItem.get(r.itemId);
    if (entry) entry.review = { reason: r.reason, topics: r.topics as SensitiveTopic[] };
  }
  const stepRows = await db
    .select({
      itemId: reviewSteps.itemId,
      stage: reviewSteps.stage,
      finding: reviewSteps.finding,
      note: reviewSteps.note,
      at: reviewSteps.at,
      actorId: reviewSteps.actorId,
      actorName: users.name,
    })
    .from(reviewSteps)
    .innerJoin(users, eq(users.id, reviewSteps.actorId))
    .where(eq(reviewSteps.requestId, requestId))
    .orderBy(asc(reviewSteps.id));
  for (const s of stepRows)
    byItem.get(s.itemId)?.steps.push({
      stage: s.stage,
      finding: s.finding,
      note: s.note,
      at: s.at,
      actor: { id: s.actorId, name: s.actorName },
    });
  const proposalRows = await db
    .select({ proposal: decisionProposals, proposerName: users.name })
    .from(decisionProposals)
    .innerJoin(users, eq(users.id, decisionProposals.proposedBy))
    .where(eq(decisionProposals.requestId, requestId));
  for (const { proposal: p, proposerName } of proposalRows) {
    const entry = byItem.get(p.itemId);
    if (entry)
      entry.proposal = {
        outcome: p.outcome,
        reason: p.reason,
        scopeCountries: p.scopeCountries,
        rationale: p.rationale,
        publicSummary: p.publicSummary,
        publicInterest: p.publicInterest,
        caseStudy: p.caseStudy,
        proposedBy: { id: p.proposedBy, name: proposerName },
        proposedAt: p.proposedAt,
      };
  }
  return byItem;
}

/**
 * The reasons whose policies apply to an item: its review's, its proposal's, and the one being
 * decided (a decision already taken does not bind the next: a changed decision is judged on its own).
 */
function reasonsOf(raw: RawReview, extra: Reason | null): Reason[] {
  const reasons = [raw.review?.reason, raw.proposal?.reason, extra];
  return [...new Set(reasons.filter((r): r is Reason => r !== null && r !== undefined))];
}

export type ItemReviewState = RawReview & {
  policy: EffectivePolicy;
  findings: ReturnType<typeof currentFindings>;
};

/** One item's state for a change (under the request's lock), with `reason` being decided or reviewed. */
export async function readItemReviewState(
  tx: Tx,
  requestId: string,
  itemId: string,
  reason: Reason | null,
): Promise<ItemReviewState> {
  const raw = (await readRaw(tx, requestId, [itemId])).get(itemId) ?? {
    review: null,
    steps: [],
    proposal: null,
    decision: null,
  };
  const policy = effectivePolicy(await readPolicyRows(tx), reasonsOf(raw, reason), raw.review?.topics ?? []);
  return { ...raw, policy, findings: currentFindings(raw.steps) };
}

/** Every item's review of one order, for the order's page. */
export async function readOrderReviews(db: DbOrTx, requestId: string): Promise<Map<string, ItemReviewView>> {
  const [raw, rows] = await Promise.all([readRaw(db, requestId, null), readPolicyRows(db)]);
  const views = new Map<string, ItemReviewView>();
  for (const [itemId, r] of raw) {
    const policy = effectivePolicy(rows, reasonsOf(r, null), r.review?.topics ?? []);
    const findings = currentFindings(r.steps);
    views.set(itemId, {
      reason: r.review?.reason ?? null,
      topics: r.review?.topics ?? [],
      sensitive: policy.sensitive,
      stages: r.steps,
      proposal: r.proposal,
      next: nextStep(policy, findings, r.proposal, r.decision !== null),
    });
  }
  return views;
}

/** A sensitive decision waiting for its sign-off (replaces an earlier proposal on the item). */
export async function writeProposal(
  tx: Tx,
  requestId: string,
  itemId: string,
  decision: CheckedDecision,
  proposer: { id: string },
  at: Date,
): Promise<void> {
  const values = { ...decision, proposedBy: proposer.id, proposedAt: at };
  await tx
    .insert(decisionProposals)
    .values({ itemId, requestId, ...values })
    .onConflictDoUpdate({ target: decisionProposals.itemId, set: values });
}

export async function deleteProposal(tx: Tx, itemId: string): Promise<void> {
  await tx.delete(decisionProposals).where(eq(decisionProposals.itemId, itemId));
}
