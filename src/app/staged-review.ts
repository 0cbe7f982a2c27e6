/**
 * Staged review (issue 12, decision 49): a stage's finding by someone whose role may perform that
 * stage, the second person's sign-off of a sensitive decision, and the review policies per reason
 * category. The rules are in src/domain/staged-review.ts; the repository applies them under the lock.
 */

import type { FindingInput } from '../db/review-repository.js';
import type { StaffRole } from '../domain/permissions.js';
import { authorize } from '../domain/permissions.js';
import type { Actor } from '../domain/request.js';
import type { ReviewPolicy } from '../domain/review-vocabulary.js';
import { defaultReviewPolicy, reviewStages } from '../domain/review-vocabulary.js';
import { checkFinding, stageAction } from '../domain/staged-review.js';
import { reasons } from '../domain/vocabulary.js';
import type { Writ } from './context.js';
import { type ReviewedRequest, reviewed } from './requests.js';

type ReviewPorts = Pick<Writ, 'requests' | 'review' | 'rules' | 'config'>;
type StaffActor = Actor & { role: StaffRole };

/** Records a stage's finding on an item; the stage's permission is checked before anything is read. */
export async function recordFinding(
  writ: ReviewPorts,
  item: { requestId: string; itemId: string },
  input: FindingInput,
  actor: StaffActor,
): Promise<ReviewedRequest> {
  authorize(actor, stageAction[input.stage]);
  checkFinding(input.stage, input.finding);
  await writ.review.recordFinding(item.requestId, item.itemId, input, actor);
  return reviewed(writ, await writ.requests.get(item.requestId));
}

/** The second person's approval or rejection of a sensitive decision. */
export async function signOff(
  writ: ReviewPorts,
  item: { requestId: string; itemId: string },
  input: { approve: boolean; note: string },
  actor: StaffActor,
): Promise<ReviewedRequest> {
  authorize(actor, 'decisions.sign_off');
  await writ.review.signOff(item.requestId, item.itemId, input, actor);
  return reviewed(writ, await writ.requests.get(item.requestId));
}

/** Every reason category's policy: the admin's row, else the default. */
export async function reviewPolicies(writ: Pick<Writ, 'review'>): Promise<(ReviewPolicy & { custom: boolean })[]> {
  const rows = await writ.review.policies();
  return reasons.map((reason) => {
    const row = rows.find((r) => r.reason === reason);
    return row ? { ...row, custom: true } : { ...defaultReviewPolicy(reason), custom: false };
  });
}

/** Sets a reason category's stages (kept in order) and sensitivity; new findings and decisions follow it. */
export async function setReviewPolicy(
  writ: Pick<Writ, 'review'>,
  policy: ReviewPolicy,
  actor: StaffActor,
): Promise<(ReviewPolicy & { custom: boolean })[]> {
  authorize(actor, 'settings.manage');
  await writ.review.setPolicy({ ...policy, stages: reviewStages.filter((s) => policy.stages.includes(s)) }, actor);
  return reviewPolicies(writ);
}
