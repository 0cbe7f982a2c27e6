/** Domain objects to their wire shapes: instants become ISO-8601 strings in UTC. */
import type { Decision, RequestDetail, RequestSummary } from '../domain/request.js';

const iso = (d: Date) => d.toISOString();

export function presentSummary(r: RequestSummary) {
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
    decidedAt: r.decidedAt ? iso(r.decidedAt) : null,
    itemCount: r.itemCount,
    decidedItemCount: r.decidedItemCount,
    isDemo: r.isDemo,
  };
}

const presentDecision = (d: Decision) => ({ ...d, decidedAt: iso(d.decidedAt) });

export function presentDetail(r: RequestDetail) {
  return {
    ...presentSummary(r),
    legalBasis: r.legalBasis,
    claimedCategories: r.claimedCategories,
    channel: r.channel,
    authorityReference: r.authorityReference,
    items: r.items.map((item) => ({ ...item, decision: item.decision ? presentDecision(item.decision) : null })),
    events: r.events.map((e) => ({ ...e, at: iso(e.at) })),
  };
}
