/** A publication and the list of them to their wire shapes (contracts/publications.ts). */
import type { PublicationDraft, PublicationListEntry } from '../../app/publications.js';
import type { Publication, PublicationList } from '../../contracts/publications.js';
import { iso } from './instants.js';

const isoOrNull = (d: Date | null) => (d ? iso(d) : null);

export function presentPublication(d: PublicationDraft): Publication {
  return {
    requestId: d.requestId,
    publicId: d.publicId,
    status: d.status,
    ready: d.ready,
    fields: d.fields,
    markedNames: d.markedNames,
    concernsChild: d.concernsChild,
    concernsChildByDefault: d.concernsChildByDefault,
    approvedAt: isoOrNull(d.approvedAt),
    publishAfter: isoOrNull(d.publishAfter),
    publishedAt: isoOrNull(d.publishedAt),
    withdrawnAt: isoOrNull(d.withdrawnAt),
    withdrawalReason: d.withdrawalReason,
    correctionNote: d.correctionNote,
    version: d.version,
    nonDisclosureUntil: isoOrNull(d.nonDisclosureUntil),
    preview: d.preview,
  };
}

export function presentPublicationList(entries: PublicationListEntry[]): PublicationList {
  return {
    publications: entries.map((e) => ({
      requestId: e.requestId,
      reference: e.reference,
      publicId: e.publicId,
      status: e.status,
      country: e.country,
      authorityName: e.authorityName,
      kind: e.kind,
      approvedAt: isoOrNull(e.approvedAt),
      publishAfter: isoOrNull(e.publishAfter),
      publishedAt: isoOrNull(e.publishedAt),
      withdrawnAt: isoOrNull(e.withdrawnAt),
      updatedAt: iso(e.updatedAt),
      version: e.version,
    })),
  };
}
