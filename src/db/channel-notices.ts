/**
 * What the reviewers' writes tell an agency about an order it sent through the channel (issue 10),
 * inside the write's own transaction: a decision mail and an `item.decided` event when an item is
 * decided, an `order.status_changed` event when the status moves; and a stopped clock that runs
 * again when the order leaves needs_clarification, the deadline moved by the time it stood still
 * (resumedDeadline); a decision mail and an `account.decided` event when an account of a data order
 * is decided. Orders that did not come through the channel are left as they were.
 */
import { eq } from 'drizzle-orm';
import { authorityOutcome } from '../domain/authority-outcomes.js';
import type { AccountDecisionInput } from '../domain/data-request.js';
import { resumedDeadline } from '../domain/order-requirements.js';
import { formatInZone } from '../domain/regimes/time.js';
import type { Decision } from '../domain/request.js';
import type { RequestStatus } from '../domain/vocabulary.js';
import { enqueueAgencyEvent } from './agency-events.js';
import { enqueueMail } from './outbox-repository.js';
import type { Tx } from './request-rows.js';
import { agencies, channelOrders, dataAccounts, events, items, officers, requests } from './schema/index.js';

/** The agency behind a channel order, whom to write to (the submitting officer, else the agency's contact); null otherwise. */
async function senderOf(tx: Tx, requestId: string) {
  const [row] = await tx
    .select({
      agencyId: channelOrders.agencyId,
      officerEmail: officers.email,
      contactEmail: agencies.contactEmail,
      reference: requests.reference,
      authorityReference: requests.authorityReference,
      timeZone: requests.authorityTimeZone,
    })
    .from(channelOrders)
    .innerJoin(agencies, eq(agencies.id, channelOrders.agencyId))
    .innerJoin(requests, eq(requests.id, channelOrders.requestId))
    .leftJoin(officers, eq(officers.id, channelOrders.submittedByOfficerId))
    .where(eq(channelOrders.requestId, requestId));
  if (!row) return null;
  return { ...row, to: row.officerEmail ?? row.contactEmail };
}

/** A decision on an item of a channel order: the agency's decision mail and `item.decided` event. */
export async function noticeItemDecided(
  tx: Tx,
  requestId: string,
  itemId: string,
  decision: Pick<Decision, 'outcome' | 'reason' | 'scopeCountries' | 'decidedAt'>,
  changed: boolean,
): Promise<void> {
  const sender = await senderOf(tx, requestId);
  if (!sender) return;
  const [item] = await tx.select({ target: items.target, position: items.position }).from(items).where(eq(items.id, itemId));
  const seen = authorityOutcome(decision);
  const decidedAt = formatInZone(decision.decidedAt, sender.timeZone);
  const scope = seen.scope ? (seen.scope.worldwide ? 'worldwide' : (seen.scope.countries ?? []).join(', ')) : null;
  const body = [
    changed ? 'The decision on an item of your order has changed.' : 'An item of your order has been decided.',
    '',
    `Writ reference: ${sender.reference}`,
    ...(sender.authorityReference ? [`Your reference: ${sender.authorityReference}`] : []),
    `Item ${(item?.position ?? 0) + 1}: ${item?.target ?? itemId}`,
    `Outcome: ${seen.outcome}`,
    ...(scope ? [`Scope: ${scope}`] : []),
    ...(seen.reason ? [`Reason: ${seen.reason}`] : []),
    `Decided at: ${decidedAt} (${sender.timeZone})`,
  ].join('\n');
  await enqueueMail(tx, {
    kind: 'decision',
    to: sender.to,
    subject: `Decision on ${sender.reference}`,
    body,
    agencyId: sender.agencyId,
    requestId,
  });
  await enqueueAgencyEvent(tx, {
    agencyId: sender.agencyId,
    requestId,
    eventType: 'item.decided',
    payload: {
      orderId: requestId,
      reference: sender.reference,
      itemId,
      outcome: seen.outcome,
      scope: seen.scope,
      reason: seen.reason,
      decidedAt: decision.decidedAt.toISOString(),
      changed,
    },
  });
}

/** A status change of a channel order: the agency's `order.status_changed` event. */
export async function noticeStatusChanged(tx: Tx, requestId: string, from: RequestStatus, to: RequestStatus): Promise<void> {
  const sender = await senderOf(tx, requestId);
  if (!sender) return;
  await enqueueAgencyEvent(tx, {
    agencyId: sender.agencyId,
    requestId,
    eventType: 'order.status_changed',
    payload: { orderId: requestId, reference: sender.reference, previousStatus: from, status: to },
  });
}

/**
 * Leaving needs_clarification with the clock stopped: the deadline moves later by the time it stood
 * still and the clock runs again, with a `clock_resumed` event holding before and after. Call it
 * between the rollups' snapshot and their application (the deadline counts in the figures).
 */
export async function resumeStoppedClock(
  tx: Tx,
  requestId: string,
  change: { from: RequestStatus; to: RequestStatus; at: Date },
  actorId: string | null,
): Promise<void> {
  if (change.from !== 'needs_clarification' || change.to === 'needs_clarification') return;
  const [row] = await tx
    .select({ dueAt: requests.dueAt, clockPausedAt: requests.clockPausedAt })
    .from(requests)
    .where(eq(requests.id, requestId));
  if (!row?.clockPausedAt) return;
  const dueAt = resumedDeadline(row.dueAt, row.clockPausedAt, change.at);
  await tx.update(requests).set({ dueAt, clockPausedAt: null }).where(eq(requests.id, requestId));
  await tx.insert(events).values({
    requestId,
    type: 'clock_resumed',
    actorId,
    at: change.at,
    before: { dueAt: row.dueAt.toISOString(), clockPausedAt: row.clockPausedAt.toISOString() },
    after: { dueAt: dueAt.toISOString(), clockPausedAt: null },
  });
}

/**
 * A decision on an account of a channel data order: the agency's decision mail and `account.decided`
 * event. The agency hears what was produced and why the rest was refused, never the internal rationale.
 */
export async function noticeAccountDecided(
  tx: Tx,
  requestId: string,
  accountId: string,
  decision: Pick<AccountDecisionInput, 'extent' | 'producedCategories' | 'refusalReason'>,
  decidedAt: Date,
  changed: boolean,
): Promise<void> {
  const sender = await senderOf(tx, requestId);
  if (!sender) return;
  const [account] = await tx
    .select({ identifier: dataAccounts.identifier, identifierKind: dataAccounts.identifierKind, position: dataAccounts.position })
    .from(dataAccounts)
    .where(eq(dataAccounts.id, accountId));
  const at = formatInZone(decidedAt, sender.timeZone);
  const produced = decision.extent === 'some' ? decision.producedCategories : [];
  const body = [
    changed ? 'The decision on an account named in your order has changed.' : 'An account named in your order has been decided.',
    '',
    `Writ reference: ${sender.reference}`,
    ...(sender.authorityReference ? [`Your reference: ${sender.authorityReference}`] : []),
    `Account ${(account?.position ?? 0) + 1}: ${account ? `${account.identifier} (${account.identifierKind})` : accountId}`,
    `Data produced: ${decision.extent}`,
    ...(produced.length > 0 ? [`Categories produced: ${produced.join(', ')}`] : []),
    ...(decision.refusalReason ? [`Reason for what was not produced: ${decision.refusalReason}`] : []),
    `Decided at: ${at} (${sender.timeZone})`,
  ].join('\n');
  await enqueueMail(tx, {
    kind: 'decision',
    to: sender.to,
    subject: `Decision on ${sender.reference}`,
    body,
    agencyId: sender.agencyId,
    requestId,
  });
  await enqueueAgencyEvent(tx, {
    agencyId: sender.agencyId,
    requestId,
    eventType: 'account.decided',
    payload: {
      orderId: requestId,
      reference: sender.reference,
      accountId,
      extent: decision.extent,
      producedCategories: produced,
      refusalReason: decision.refusalReason,
      decidedAt: decidedAt.toISOString(),
      changed,
    },
  });
}
