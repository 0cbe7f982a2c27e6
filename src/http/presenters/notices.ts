/** Notices and appeals to their wire shapes (contracts/notices.ts): instants become ISO-8601 in UTC; the token's hash never leaves. */
import type { AppealView, NoticeView } from '../../db/notices-repository.js';
import { iso } from './instants.js';

const maybe = (d: Date | null) => (d ? iso(d) : null);

export const presentAppeal = (a: AppealView) => ({
  id: a.id,
  noticeId: a.noticeId,
  requestId: a.requestId,
  requestReference: a.requestReference,
  itemId: a.itemId,
  statement: a.statement,
  status: a.status,
  receivedAt: iso(a.receivedAt),
  decidedBy: a.decidedBy ? { id: a.decidedBy, name: a.decidedByName ?? '' } : null,
  decidedAt: maybe(a.decidedAt),
  decisionNote: a.decisionNote,
});

export const presentNotice = (n: NoticeView) => ({
  id: n.id,
  requestId: n.requestId,
  requestReference: n.requestReference,
  itemId: n.itemId,
  accountId: n.accountId,
  recipient: n.recipient,
  recipientEmail: n.recipientEmail,
  status: n.status,
  heldUntil: maybe(n.heldUntil),
  content: n.content,
  createdBy: n.createdBy ? { id: n.createdBy, name: n.createdByName ?? '' } : null,
  createdAt: iso(n.createdAt),
  sentAt: maybe(n.sentAt),
  appeals: n.appeals.map(presentAppeal),
});

/** What the user sees of their appeals: no names of staff, no other notice. */
export const presentPublicAppeal = (a: {
  id: string;
  status: AppealView['status'];
  receivedAt: Date;
  decidedAt: Date | null;
  decisionNote: string | null;
}) => ({
  id: a.id,
  status: a.status,
  receivedAt: iso(a.receivedAt),
  decidedAt: maybe(a.decidedAt),
  decisionNote: a.decisionNote,
});
