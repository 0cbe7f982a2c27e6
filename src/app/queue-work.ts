/**
 * Queue work (issue 12): claiming, releasing and assigning an order, and bulk decisions — one
 * decision applied to the items whose target matches a pattern, recorded item by item through the
 * same use case as a single decision (`decideItem`), so that each item gets its own decision, its
 * own `item_decided` event and the review gates a single decision meets.
 */
import { checkBulkSelection, selectBulkItems } from '../domain/bulk-decision.js';
import { WritError } from '../domain/errors.js';
import { authorize, can, type StaffRole } from '../domain/permissions.js';
import { type Actor, checkDecision, type DecisionInput } from '../domain/request.js';
import type { Writ } from './context.js';
import { decideItem } from './decisions.js';
import { type ReviewedRequest, readRequest } from './requests.js';

/** The person acting, with the role the permission table reads. */
export type Staff = Actor & { role: StaffRole };

/** What the use cases read, and whatever a single decision needs (decideItem's ports). */
type Ports = Pick<Writ, 'claims' | 'requests' | 'rules' | 'config'> & Parameters<typeof decideItem>[0];

export async function claimOrder(writ: Ports, requestId: string, actor: Staff): Promise<ReviewedRequest> {
  authorize(actor, 'orders.claim');
  await writ.claims.claim(requestId, actor);
  return readRequest(writ, requestId);
}

export async function releaseOrder(writ: Ports, requestId: string, actor: Staff): Promise<ReviewedRequest> {
  authorize(actor, 'orders.claim');
  await writ.claims.release(requestId, actor);
  return readRequest(writ, requestId);
}

/** Assigns the order to an account whose role may claim orders, or to nobody (`userId` null). */
export async function assignOrder(
  writ: Ports,
  requestId: string,
  change: { userId: string | null; note: string | null },
  actor: Staff,
): Promise<ReviewedRequest> {
  authorize(actor, 'orders.manage');
  await writ.claims.assign(
    requestId,
    change.userId,
    change.note,
    actor,
    (user) => user.disabledAt === null && can(user.role, 'orders.claim'),
  );
  return readRequest(writ, requestId);
}

export type BulkSelection = { targetPattern: string; onlyUndecided: boolean };

export type BulkMatch = { itemId: string; position: number; target: string; decided: boolean };

export type BulkResult = BulkMatch &
  ({ result: 'decided' } | { result: 'refused'; code: string; message: string; field: string | null });

async function matchingItems(writ: Ports, requestId: string, selection: BulkSelection) {
  const { request } = await readRequest(writ, requestId);
  const candidates = request.items.map((item) => ({
    itemId: item.id,
    id: item.id,
    position: item.position,
    target: item.target,
    decided: item.decision !== null,
  }));
  const matched = selectBulkItems(candidates, selection).map(({ id: _id, ...m }) => m);
  return { request, matched };
}

/** The items a bulk decision would act on, deciding nothing. */
export async function previewBulkDecision(writ: Ports, requestId: string, selection: BulkSelection): Promise<BulkMatch[]> {
  return (await matchingItems(writ, requestId, selection)).matched;
}

/**
 * Decides every matching item, one after another, each through `decideItem` in its own
 * transaction: an item refused (a sensitive one that needs its review stages first, say) is
 * reported with its problem and does not stop the others. A decision that no item could take
 * (removed_legal without a scope) is refused before any item is touched.
 */
export async function bulkDecide(
  writ: Ports,
  requestId: string,
  command: BulkSelection & { decision: DecisionInput },
  actor: Staff,
): Promise<BulkResult[]> {
  authorize(actor, 'items.decide');
  const { request, matched } = await matchingItems(writ, requestId, command);
  checkBulkSelection(matched.length);
  checkDecision(command.decision, request.authority.country);
  const results: BulkResult[] = [];
  for (const item of matched) {
    try {
      await decideItem(writ, { requestId, itemId: item.itemId }, command.decision, actor);
      results.push({ ...item, result: 'decided' });
    } catch (error) {
      if (!(error instanceof WritError)) throw error;
      results.push({ ...item, result: 'refused', code: error.code, message: error.message, field: error.field ?? null });
    }
  }
  return results;
}
