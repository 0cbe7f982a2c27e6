/** Requests to their wire shapes (contracts/requests.ts): instants become ISO-8601 strings in UTC. */
import type { ReviewedRequest } from '../../app/requests.js';
import type { Config } from '../../config.js';
import type { RequestSummaryView } from '../../db/requests-repository.js';
import type { MissingElement } from '../../domain/order-elements.js';
import { slaOf } from '../../domain/regimes/sla.js';
import { formatInZone } from '../../domain/regimes/time.js';
import type { Decision } from '../../domain/request.js';
import { presentAttachment, reviewerAttachmentUrl } from './authority-orders.js';
import { presentDataRequest } from './data-requests.js';
import { iso } from './instants.js';
import { presentItemReview } from './staged-review.js';

/**
 * What a presentation depends on besides the request: the clock, the due_soon share, and how often a
 * preservation hold may be extended (whether it still can be).
 */
export type PresentContext = { now: Date; dueSoonShare: number; preservationExtensions?: number };

/** The context of a reviewer's answer, from the settings and the clock. */
export const presentContext = (writ: {
  now: () => Date;
  config: Pick<Config, 'dueSoonShare' | 'dataRequests'>;
}): PresentContext => ({
  now: writ.now(),
  dueSoonShare: writ.config.dueSoonShare,
  preservationExtensions: writ.config.dataRequests.preservationExtensions,
});

/** Who has claimed the order, and since when (issue 12, read with the summary's columns). */
type Assigned = { assignee?: { id: string; name: string } | null; assignedAt?: Date | null };

export function presentSummary(r: RequestSummaryView & Assigned, ctx: PresentContext) {
  const sla = slaOf(r, ctx.now, ctx.dueSoonShare);
  return {
    id: r.id,
    reference: r.reference,
    kind: r.kind,
    status: r.status,
    authority: r.authority,
    receivedAt: iso(r.receivedAt),
    authorityTimeZone: r.authorityTimeZone,
    dueAt: iso(r.dueAt),
    dueBasis: r.dueBasis,
    dueAtAuthorityTime: formatInZone(r.dueAt, r.authorityTimeZone),
    regime: r.regimeId,
    category: r.category,
    periodSetInOrderHours: r.periodSetInOrderHours,
    deadline: {
      basis: r.deadlineBasis,
      ruleId: r.deadlineRuleId,
      ruleVersion: r.deadlineRuleVersion,
      rule: r.deadlineRule,
    },
    sla: { state: sla.state, dueSoonAt: iso(sla.dueSoonAt) },
    decidedAt: r.decidedAt ? iso(r.decidedAt) : null,
    itemCount: r.itemCount,
    decidedItemCount: r.decidedItemCount,
    isDemo: r.isDemo,
    assignee: r.assignee ?? null,
    assignedAt: r.assignedAt ? iso(r.assignedAt) : null,
  };
}

const presentDecision = (d: Decision) => ({
  ...d,
  decidedAt: iso(d.decidedAt),
  signedOffAt: d.signedOffAt ? iso(d.signedOffAt) : null,
});

export function presentDetail({ request: r, deadlineReview }: ReviewedRequest, ctx: PresentContext) {
  return {
    ...presentSummary(r, ctx),
    deadlineReview,
    legalBasis: r.legalBasis,
    claimedCategories: r.claimedCategories,
    channel: r.channel,
    authorityReference: r.authorityReference,
    signer: r.signer ?? null,
    statementOfReasons: r.statementOfReasons ?? null,
    language: r.language ?? null,
    requestedScope: r.requestedScope ?? null,
    redress: r.redress ?? null,
    missingElements: (r.missingElements ?? []) as MissingElement[],
    clockPausedAt: r.clockPausedAt ? iso(r.clockPausedAt) : null,
    attachments: (r.attachments ?? []).map((a) => presentAttachment(a, reviewerAttachmentUrl)),
    agency: r.agency ?? null,
    items: r.items.map((item) => ({
      ...item,
      decision: item.decision ? presentDecision(item.decision) : null,
      review: presentItemReview(item.review),
    })),
    dataRequest: r.dataRequest ? presentDataRequest(r.dataRequest, ctx.preservationExtensions) : null,
    events: r.events.map((e) => ({ ...e, at: iso(e.at) })),
  };
}
