/**
 * Deciding an order's items and moving the order along. The rules (territorial scope, which status
 * may follow which) are the domain's; the repository applies them under the request's row lock.
 * Each answers with the request as a reviewer sees it next.
 */
import type { Actor, DecisionInput } from '../domain/request.js';
import type { RequestStatus } from '../domain/vocabulary.js';
import type { Writ } from './context.js';
import { type ReviewedRequest, reviewed } from './requests.js';

type DecisionPorts = Pick<Writ, 'requests' | 'rules' | 'config'>;

/** Decides an item, or changes its decision; the request's status follows. */
export async function decideItem(
  writ: DecisionPorts,
  item: { requestId: string; itemId: string },
  decision: DecisionInput,
  actor: Actor,
): Promise<ReviewedRequest> {
  return reviewed(writ, await writ.requests.decideItem(item.requestId, item.itemId, decision, actor));
}

export async function changeStatus(
  writ: DecisionPorts,
  requestId: string,
  change: { status: RequestStatus; note: string | null },
  actor: Actor,
): Promise<ReviewedRequest> {
  return reviewed(writ, await writ.requests.changeStatus(requestId, change.status, change.note, actor));
}
