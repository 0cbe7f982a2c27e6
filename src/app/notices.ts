/**
 * Notices to affected users (issue 12): issued for a decided item that was restricted or an account
 * whose data was produced, held while a non-disclosure order runs, sent through the notice sink and
 * the mail outbox with a link to appeal.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { NoticeDelivery } from '../db/notices-repository.js';
import { notFound, WritError } from '../domain/errors.js';
import { authorize, type StaffRole } from '../domain/permissions.js';
import type { NoticeStatus } from '../domain/review-vocabulary.js';
import { composeNotice, isHeld, type NoticeContent, noticeHeldUntil, noticeMail } from '../domain/user-notice.js';
import type { Writ } from './context.js';

export type NoticeActor = { id: string; name: string; role: StaffRole };

export const hashAppealToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** A fresh appeal token, its hash, and what is delivered with it (the link is only in the delivery). */
function delivery(
  writ: Pick<Writ, 'config'>,
  n: { id: string; requestId: string; itemId: string | null; accountId: string | null; recipient: string },
  content: NoticeContent,
): NoticeDelivery {
  const token = randomBytes(32).toString('base64url');
  const appealUrl = `${writ.config.publicUrl}/appeal?token=${token}`;
  return {
    tokenHash: hashAppealToken(token),
    payload: {
      type: 'notice.issued',
      noticeId: n.id,
      requestId: n.requestId,
      itemId: n.itemId,
      accountId: n.accountId,
      recipient: n.recipient,
      content,
      appealUrl,
    },
    mail: noticeMail(content, appealUrl),
  };
}

export async function issueNotice(
  writ: Pick<Writ, 'notices' | 'config' | 'now'>,
  requestId: string,
  input: { itemId?: string; accountId?: string; recipient: string; recipientEmail?: string; heldUntil?: Date },
  actor: NoticeActor,
) {
  authorize(actor, 'notices.manage');
  if ((input.itemId === undefined) === (input.accountId === undefined))
    throw new WritError('validation_failed', 'name either an item (itemId) or an account (accountId)', 'itemId');
  const target = input.itemId !== undefined ? { itemId: input.itemId } : { accountId: input.accountId! };
  const facts = await writ.notices.facts(requestId, target);
  if (!facts) throw notFound(input.itemId ? 'item' : 'account', input.itemId ?? input.accountId!);
  const at = writ.now();
  const content = composeNotice(facts, at);
  const heldUntil = noticeHeldUntil(input.heldUntil ?? null, facts.subject === 'account' ? facts.nonDisclosureUntil : null);
  const id = randomUUID();
  const row = {
    id,
    requestId,
    itemId: input.itemId ?? null,
    accountId: input.accountId ?? null,
    recipient: input.recipient,
  };
  const held = isHeld(heldUntil, at);
  return writ.notices.issue({
    ...row,
    recipientEmail: input.recipientEmail ?? null,
    heldUntil,
    content,
    delivery: held ? null : delivery(writ, row, content),
    // A held notice's token is made when it is sent; until then its hash is of one nobody holds.
    placeholderHash: hashAppealToken(randomBytes(32).toString('base64url')),
    actorId: actor.id,
  });
}

export async function sendNotice(
  writ: Pick<Writ, 'notices' | 'config'>,
  requestId: string,
  noticeId: string,
  actor: NoticeActor,
) {
  authorize(actor, 'notices.manage');
  return writ.notices.send(requestId, noticeId, (n) => delivery(writ, n, n.content as NoticeContent), actor.id);
}

export async function cancelNotice(
  writ: Pick<Writ, 'notices'>,
  requestId: string,
  noticeId: string,
  note: string,
  actor: NoticeActor,
) {
  authorize(actor, 'notices.manage');
  return writ.notices.cancel(requestId, noticeId, note, actor.id);
}

export const listNotices = (writ: Pick<Writ, 'notices'>, status?: NoticeStatus) => writ.notices.list(status);
