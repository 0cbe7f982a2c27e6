/** A data order's part to its wire shape (contracts/data-requests.ts): instants become ISO-8601 in UTC. */
import type { AccountDecision, DataRequestView, PreservationHold, Production } from '../../domain/data-request.js';
import { iso } from './instants.js';

const maybe = (d: Date | null) => (d ? iso(d) : null);

export const presentAccountDecision = (d: AccountDecision) => ({ ...d, decidedAt: iso(d.decidedAt) });

/** `extensionsAllowed`: how often a hold may be extended (WRIT_PRESERVATION_EXTENSIONS); by default once. */
export function presentHold(h: PreservationHold, extensionsAllowed = 1) {
  return {
    id: h.id,
    categories: h.categories,
    preservedAt: iso(h.preservedAt),
    expiresAt: iso(h.expiresAt),
    extensions: h.extensions,
    canExtend: h.releasedAt === null && h.extensions < extensionsAllowed,
    remindedAt: maybe(h.remindedAt),
    legalProcess: h.legalProcess ? { ...h.legalProcess, at: iso(h.legalProcess.at) } : null,
    releasedAt: maybe(h.releasedAt),
    releaseReason: h.releaseReason,
  };
}

export const presentProduction = (p: Production) => ({
  ...p,
  availableUntil: iso(p.availableUntil),
  revokedAt: maybe(p.revokedAt),
  createdAt: iso(p.createdAt),
});

export function presentDataRequest(d: DataRequestView, extensionsAllowed = 1) {
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
      decision: a.decision ? presentAccountDecision(a.decision) : null,
      hold: a.hold ? presentHold(a.hold, extensionsAllowed) : null,
    })),
    emergencyReview: d.emergencyReview
      ? {
          ...d.emergencyReview,
          reviewDueAt: iso(d.emergencyReview.reviewDueAt),
          followUpDueAt: iso(d.emergencyReview.followUpDueAt),
          reviewedAt: maybe(d.emergencyReview.reviewedAt),
          followUp: d.emergencyReview.followUp ? { ...d.emergencyReview.followUp, at: iso(d.emergencyReview.followUp.at) } : null,
        }
      : null,
    productions: d.productions.map(presentProduction),
  };
}
