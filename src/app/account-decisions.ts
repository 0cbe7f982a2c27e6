/**
 * Deciding the accounts of data orders, and the post-hoc review of an emergency disclosure
 * (issue 11). The rules are the domain's (src/domain/data-request.ts, emergency-review.ts); the
 * repository applies them under the request's row lock. Each answers with the order as a reviewer
 * sees it next.
 */
import type { AccountDecisionInput } from '../domain/data-request.js';
import type { EmergencyConclusion } from '../domain/emergency-review.js';
import type { Actor } from '../domain/request.js';
import type { Writ } from './context.js';
import { type ReviewedRequest, reviewed } from './requests.js';

type Ports = Pick<Writ, 'requests' | 'accountDecisions' | 'rules' | 'config'>;

/** Decides an account of a data order, or changes its decision; holds, the emergency review and the status follow. */
export async function decideAccount(
  writ: Ports,
  account: { requestId: string; accountId: string },
  decision: AccountDecisionInput,
  actor: Actor,
): Promise<ReviewedRequest> {
  const { preservationDays, emergencyReviewHours, emergencyFollowUpDays } = writ.config.dataRequests;
  await writ.accountDecisions.decideAccount(account.requestId, account.accountId, decision, actor, {
    preservationDays,
    emergencyReviewHours,
    emergencyFollowUpDays,
  });
  return reviewed(writ, await writ.requests.get(account.requestId));
}

/** Records the post-hoc review of an emergency disclosure (by someone who decided none of its accounts). */
export async function recordEmergencyReview(
  writ: Ports,
  requestId: string,
  review: { conclusion: EmergencyConclusion; note: string },
  actor: Actor,
): Promise<ReviewedRequest> {
  await writ.accountDecisions.recordEmergencyReview(requestId, review, actor);
  return reviewed(writ, await writ.requests.get(requestId));
}

/** Links the legal process the authority sent after an emergency disclosure (an order named by its reference). */
export async function linkFollowUpProcess(
  writ: Ports,
  requestId: string,
  reference: string,
  actor: Actor,
): Promise<ReviewedRequest> {
  await writ.accountDecisions.linkFollowUp(requestId, reference, actor);
  return reviewed(writ, await writ.requests.get(requestId));
}
