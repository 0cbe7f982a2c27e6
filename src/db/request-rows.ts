/**
 * The request row as the repositories read it (summary columns with the deadline fields), the row
 * lock every change takes, and the audited recomputation of a deadline.
 */
import { eq, sql } from 'drizzle-orm';
import type { DataRequestView } from '../domain/data-request.js';
import type { RequestDeadline, StoredDeadline } from '../domain/deadline.js';
import { notFound } from '../domain/errors.js';
import type { Actor, RequestDetail, RequestSummary } from '../domain/request.js';
import type { Db } from './connection.js';
import { applyRollups, rollupSnapshot } from './rollups.js';
import { accountDecisions, authorities, dataAccounts, decisions, events, items, requests } from './schema/index.js';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** What the deadline rests on, beside due date and basis already in RequestSummary. */
export type DeadlineFields = Omit<RequestDeadline, 'dueAt' | 'dueBasis'>;
export type RequestSummaryView = RequestSummary & DeadlineFields;
export type RequestDetailView = RequestDetail &
  DeadlineFields &
  Partial<OrderParticularsView> & {
    /** A data order's part (accounts, legal process, holds, productions); null or absent for removals. */
    dataRequest?: DataRequestView | null;
  };

/** An order's particulars (issue 10): what the authority stated, what is missing, its files and agency. */
export type OrderParticularsView = {
  signer: string | null;
  statementOfReasons: string | null;
  language: string | null;
  requestedScope: string[] | null;
  redress: string | null;
  missingElements: { element: string; reason: string }[];
  clockPausedAt: Date | null;
  attachments: {
    id: string;
    requestId: string;
    fileName: string;
    mediaType: string;
    size: number;
    sha256: string;
    createdAt: Date;
  }[];
  /** The agency that sent the order through the channel; null for other orders. */
  agency: { id: string; name: string } | null;
};

// A data order's accounts count as its items: what the queue's progress and the lifecycle count.
const itemCount = sql<number>`((SELECT count(*)::int FROM ${items} WHERE ${items.requestId} = ${requests.id})
  + (SELECT count(*)::int FROM ${dataAccounts} WHERE ${dataAccounts.requestId} = ${requests.id}))`;
const decidedItemCount = sql<number>`((SELECT count(*)::int FROM ${items} JOIN ${decisions} ON ${decisions.itemId} = ${items.id} WHERE ${items.requestId} = ${requests.id})
  + (SELECT count(*)::int FROM ${dataAccounts} JOIN ${accountDecisions} ON ${accountDecisions.accountId} = ${dataAccounts.id} WHERE ${dataAccounts.requestId} = ${requests.id}))`;

export const summaryColumns = {
  id: requests.id,
  reference: requests.reference,
  kind: requests.kind,
  status: requests.status,
  receivedAt: requests.receivedAt,
  authorityTimeZone: requests.authorityTimeZone,
  dueAt: requests.dueAt,
  dueBasis: requests.dueBasis,
  regimeId: requests.regimeId,
  category: requests.category,
  periodSetInOrderHours: requests.periodSetInOrderHours,
  deadlineBasis: requests.deadlineBasis,
  deadlineRuleId: requests.deadlineRuleId,
  deadlineRuleVersion: requests.deadlineRuleVersion,
  deadlineRule: requests.deadlineRule,
  decidedAt: requests.decidedAt,
  isDemo: requests.isDemo,
  // Who has claimed the order (issue 12, queue work).
  assignee: sql<{
    id: string;
    name: string;
  } | null>`(SELECT json_build_object('id', u.id, 'name', u.name) FROM users u WHERE u.id = ${requests.assigneeId})`,
  assignedAt: requests.assignedAt,
  itemCount,
  decidedItemCount,
  authority: {
    id: authorities.id,
    country: authorities.country,
    name: authorities.name,
    kind: authorities.kind,
    timeZone: authorities.timeZone,
    isDemo: authorities.isDemo,
  },
};

export async function lockRequest(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: requests.id, status: requests.status, country: authorities.country })
    .from(requests)
    .innerJoin(authorities, eq(authorities.id, requests.authorityId))
    .where(eq(requests.id, id))
    .for('update', { of: requests });
  if (!row) throw notFound('request', id);
  return row;
}

/**
 * Replaces a request's deadline with what `next` makes of the stored one (the rules are the
 * domain's: recomputedDeadline), under the row lock, with a `deadline_recomputed` event holding the
 * old and the new deadline and the reason given.
 */
export async function recomputeRequestDeadline(
  db: Db,
  requestId: string,
  next: (current: StoredDeadline) => RequestDeadline,
  note: string,
  actor: Actor,
  at: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockRequest(tx, requestId);
    const before = await rollupSnapshot(tx, [requestId]);
    const [current] = await tx
      .select({ ...summaryColumns, kind: requests.kind, receivedAt: requests.receivedAt, status: requests.status })
      .from(requests)
      .innerJoin(authorities, eq(authorities.id, requests.authorityId))
      .where(eq(requests.id, requestId));
    if (!current) throw notFound('request', requestId);
    const updated = next(current);
    const pick = (d: RequestDeadline) => ({
      dueAt: d.dueAt,
      dueBasis: d.dueBasis,
      regimeId: d.regimeId,
      category: d.category,
      periodSetInOrderHours: d.periodSetInOrderHours,
      deadlineBasis: d.deadlineBasis,
      deadlineRuleId: d.deadlineRuleId,
      deadlineRuleVersion: d.deadlineRuleVersion,
      deadlineRule: d.deadlineRule,
    });
    await tx
      .update(requests)
      .set({ ...pick(updated), updatedAt: at })
      .where(eq(requests.id, requestId));
    await tx.insert(events).values({
      requestId,
      type: 'deadline_recomputed',
      actorId: actor.id,
      at,
      before: pick(current),
      after: pick(updated),
      note,
    });
    await applyRollups(tx, [requestId], before);
  });
}
