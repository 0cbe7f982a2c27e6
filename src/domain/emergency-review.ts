/**
 * The post-hoc review of an emergency disclosure (issue 11): the order is decided fast, then someone
 * other than whoever decided it reviews whether the emergency justified the disclosure, and the
 * authority sends the legal process that should have followed. Both are tracked with due dates.
 */
import { WritError } from './errors.js';
import type { RequestKind } from './vocabulary.js';

export const emergencyConclusions = ['justified', 'not_justified'] as const;
export type EmergencyConclusion = (typeof emergencyConclusions)[number];

const HOUR = 3_600_000;

/** When the review and the follow-up legal process are due, counted from the first decision on an account. */
export function emergencyDueDates(
  decidedAt: Date,
  settings: { emergencyReviewHours: number; emergencyFollowUpDays: number },
): { reviewDueAt: Date; followUpDueAt: Date } {
  return {
    reviewDueAt: new Date(decidedAt.getTime() + settings.emergencyReviewHours * HOUR),
    followUpDueAt: new Date(decidedAt.getTime() + settings.emergencyFollowUpDays * 24 * HOUR),
  };
}

/** A post-hoc review is someone else's look at the decision: whoever decided an account may not review it. */
export function checkEmergencyReviewer(reviewerId: string, deciderIds: readonly string[]): void {
  if (deciderIds.includes(reviewerId)) {
    throw new WritError(
      'forbidden',
      'you decided accounts of this emergency disclosure: the post-hoc review is for another reviewer',
    );
  }
}

export type OrderFacts = { id: string; kind: RequestKind; country: string; receivedAt: Date };

/**
 * The follow-up legal process is a user-data order of an authority of the emergency's country,
 * received after the emergency order, and not the emergency order itself.
 */
export function checkFollowUpProcess(emergency: OrderFacts, followUp: OrderFacts): void {
  const fail = (message: string) => new WritError('validation_failed', message, 'reference');
  if (followUp.id === emergency.id) throw fail('the follow-up legal process is another order than the emergency itself');
  if (followUp.kind !== 'user_data') {
    throw fail(`the follow-up legal process is a user_data order, not a ${followUp.kind} order`);
  }
  if (followUp.country !== emergency.country) {
    throw fail(`the follow-up legal process comes from an authority of ${emergency.country}, not ${followUp.country}`);
  }
  if (followUp.receivedAt.getTime() <= emergency.receivedAt.getTime()) {
    throw fail('the follow-up legal process was received after the emergency disclosure order');
  }
}
