/**
 * Authority-channel orders to their wire shapes (contracts/authority-orders.ts). Instants are written
 * in the agency's zone with its offset, as the receipt promises. Of a decision only the outcome in
 * the authority's words, its scope, a declined item's reason category and when: never the
 * reviewers' rationale or names.
 */
import type { ChannelOrderView } from '../../app/authority-orders.js';
import type { AttachmentRow, ChannelOrderDetail } from '../../db/channel-orders-repository.js';
import { type AuthorityDataRequest, authorityOutcome, canExtendHold } from '../../domain/authority-outcomes.js';
import type { MissingElement } from '../../domain/order-elements.js';
import { formatInZone } from '../../domain/regimes/time.js';

/** Where an attachment is downloaded: the agency's path, or the reviewers'. */
export const agencyAttachmentUrl = (a: Pick<AttachmentRow, 'id' | 'requestId'>) =>
  `/api/v1/authority/orders/${a.requestId}/attachments/${a.id}`;
export const reviewerAttachmentUrl = (a: Pick<AttachmentRow, 'id' | 'requestId'>) =>
  `/api/v1/requests/${a.requestId}/attachments/${a.id}`;

export function presentAttachment(
  a: Omit<AttachmentRow, 'storageKey'>,
  url: (a: Pick<AttachmentRow, 'id' | 'requestId'>) => string = agencyAttachmentUrl,
) {
  return {
    id: a.id,
    fileName: a.fileName,
    mediaType: a.mediaType,
    size: a.size,
    sha256: a.sha256,
    uploadedAt: a.createdAt.toISOString(),
    downloadUrl: url(a),
  };
}

/** The confirmation of receipt (and the head of every view of the order). */
export function presentReceipt({ order, timeZone, requirementsBasis, clock }: ChannelOrderView) {
  const at = (d: Date) => formatInZone(d, timeZone);
  return {
    id: order.id,
    reference: order.reference,
    authorityReference: order.authorityReference,
    kind: order.kind,
    status: order.status,
    channel: order.channel,
    receivedAt: at(order.receivedAt),
    timeZone,
    dueAt: at(order.dueAt),
    dueBasis: order.dueBasis,
    regime: order.regimeId,
    category: order.category,
    requirementsBasis,
    missingElements: order.missingElements as MissingElement[],
    clock: {
      stopsDuringClarification: clock.stops,
      basis: clock.basis,
      sources: clock.sources.map((s) => ({ url: s.url, quote: s.quote })),
      pausedAt: order.clockPausedAt ? at(order.clockPausedAt) : null,
    },
  };
}

/** Where the agency downloads a produced package (the route is authority/production-routes.ts). */
export const agencyProductionUrl = (requestId: string, productionId: string) =>
  `/api/v1/authority/orders/${requestId}/productions/${productionId}/download`;

/** A data order's part as its agency sees it: outcomes per account, holds, the follow-up owed, productions. */
export function presentAgencyDataRequest(requestId: string, d: AuthorityDataRequest, timeZone: string, holdExtensions: number) {
  const at = (v: Date) => formatInZone(v, timeZone);
  const maybe = (v: Date | null) => (v ? at(v) : null);
  return {
    legalProcess: d.legalProcess,
    categories: d.categories,
    dateFrom: maybe(d.dateFrom),
    dateTo: maybe(d.dateTo),
    nonDisclosureUntil: maybe(d.nonDisclosureUntil),
    emergency: d.emergency,
    accounts: d.accounts.map((a) => ({
      id: a.id,
      position: a.position,
      identifierKind: a.identifierKind,
      identifier: a.identifier,
      from: maybe(a.from),
      to: maybe(a.to),
      outcome: {
        extent: a.outcome.extent,
        producedCategories: a.outcome.producedCategories,
        refusalReason: a.outcome.refusalReason,
        legalBasis: a.outcome.legalBasis,
        decidedAt: maybe(a.outcome.decidedAt),
      },
      hold: a.hold
        ? {
            categories: a.hold.categories,
            preservedSince: at(a.hold.preservedAt),
            preservedUntil: at(a.hold.expiresAt),
            extensions: a.hold.extensions,
            canExtend: canExtendHold(a.hold, holdExtensions),
            releasedAt: maybe(a.hold.releasedAt),
            releaseReason: a.hold.releaseReason,
            legalProcess: a.hold.legalProcess
              ? { reference: a.hold.legalProcess.reference, at: at(a.hold.legalProcess.at) }
              : null,
          }
        : null,
    })),
    followUp: d.followUp
      ? {
          dueAt: at(d.followUp.dueAt),
          received: d.followUp.received ? { reference: d.followUp.received.reference, at: at(d.followUp.received.at) } : null,
        }
      : null,
    productions: d.productions.map((p) => ({
      id: p.id,
      fileName: p.fileName,
      size: p.size,
      sha256: p.sha256,
      files: p.files,
      availableUntil: at(p.availableUntil),
      revoked: p.revokedAt !== null,
      downloadUrl: agencyProductionUrl(requestId, p.id),
    })),
  };
}

export function presentAgencyOrderSummary(view: ChannelOrderView) {
  const { order, timeZone } = view;
  return {
    ...presentReceipt(view),
    itemCount: order.itemCount,
    decidedItemCount: order.decidedItemCount,
    decidedAt: order.decidedAt ? formatInZone(order.decidedAt, timeZone) : null,
    dataRequest: order.dataRequest ? presentAgencyDataRequest(order.id, order.dataRequest, timeZone, view.holdExtensions) : null,
  };
}

export function presentAgencyOrder(view: ChannelOrderView<ChannelOrderDetail>) {
  const { order, timeZone } = view;
  return {
    ...presentAgencyOrderSummary(view),
    legalBasis: order.legalBasis === '' ? null : order.legalBasis,
    signer: order.signer,
    statementOfReasons: order.statementOfReasons,
    language: order.language,
    requestedScope: order.requestedScope ?? [],
    redress: order.redress,
    claimedCategories: order.claimedCategories,
    items: order.items.map((item) => {
      const seen = authorityOutcome(item.decision);
      return {
        id: item.id,
        position: item.position,
        targetKind: item.targetKind,
        target: item.target,
        product: item.product,
        outcome: seen.outcome,
        scope: seen.scope,
        reason: seen.reason,
        decidedAt: seen.decidedAt ? formatInZone(seen.decidedAt, timeZone) : null,
      };
    }),
    attachments: order.attachments.map((a) => presentAttachment(a)),
  };
}
