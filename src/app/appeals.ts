/**
 * Users' appeals against decisions (issue 12): filed with the notice's token, decided by someone other
 * than the person who decided or signed off the action; a reversal records the item's new decision
 * (no action), which asks the content system to restore it.
 */
import { notFound, WritError } from '../domain/errors.js';
import { authorize } from '../domain/permissions.js';
import type { AppealStatus } from '../domain/review-vocabulary.js';
import { appealOutcomeMail } from '../domain/user-notice.js';
import type { Reason } from '../domain/vocabulary.js';
import type { Writ } from './context.js';
import { hashAppealToken, type NoticeActor } from './notices.js';

const unknownToken = () => new WritError('not_found', 'no notice has this token');

export async function fileAppeal(writ: Pick<Writ, 'notices'>, input: { token: string; statement: string }) {
  const appeal = await writ.notices.fileAppeal(hashAppealToken(input.token), input.statement);
  if (!appeal) throw unknownToken();
  return appeal;
}

export async function appealStatus(writ: Pick<Writ, 'notices'>, token: string) {
  const found = await writ.notices.byToken(hashAppealToken(token));
  if (!found) throw unknownToken();
  return found;
}

export const listAppeals = (writ: Pick<Writ, 'notices'>, status?: AppealStatus) => writ.notices.listAppeals(status);

export async function decideAppeal(
  writ: Pick<Writ, 'notices' | 'requests'>,
  requestId: string,
  appealId: string,
  input: { outcome: 'upheld' | 'reversed'; note: string },
  actor: NoticeActor,
) {
  authorize(actor, 'appeals.decide');
  const found = await writ.notices.appealForDecision(requestId, appealId);
  if (!found) throw notFound('appeal', appealId);
  if (found.appeal.status !== 'open') throw new WritError('invalid_transition', 'the appeal was decided already', 'status');
  if (found.decidedBy === actor.id || found.signedOffBy === actor.id)
    throw new WritError(
      'second_person_required',
      'an appeal is decided by someone other than the person who decided or signed off the action',
    );
  if (input.outcome === 'reversed' && found.appeal.itemId && found.reason) {
    // The item's new decision: no action, for the same reason; its enforcement hook restores the item.
    const reversal = {
      outcome: 'no_action' as const,
      reason: found.reason as Reason,
      scopeCountries: null,
      rationale: `Reversed on appeal: ${input.note}`,
      publicSummary: null,
      publicInterest: false,
      caseStudy: null,
    };
    await writ.requests.decideItem(requestId, found.appeal.itemId, reversal, actor);
  }
  return writ.notices.decideAppeal(
    requestId,
    appealId,
    { ...input, mail: appealOutcomeMail(input.outcome, input.note) },
    actor.id,
  );
}
