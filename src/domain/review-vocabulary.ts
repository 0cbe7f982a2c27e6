/**
 * The words of the review workflow (issue 12): stages and their findings, sensitive topics,
 * pushback, user notices and appeals, enforcement, the outgoing sinks. Closed lists: the database
 * enums, the API schemas and the web's labels derive from these arrays. Browser-safe.
 */
import type { Reason } from './vocabulary.js';

/**
 * The stages of review, in order (Meta's process): policy (does it break the platform's own rules?
 * then removal everywhere is possible), legal (is it unlawful where requested? then restriction in
 * that country only), human rights (required before any action on a sensitive category).
 */
export const reviewStages = ['policy', 'legal', 'human_rights'] as const;
export type ReviewStage = (typeof reviewStages)[number];

/** What each stage may conclude. */
export const stageFindings = {
  policy: ['violates_policy', 'no_violation'],
  legal: ['unlawful_locally', 'lawful', 'insufficient_information'],
  human_rights: ['proceed', 'object'],
} as const satisfies Record<ReviewStage, readonly string[]>;
export const reviewFindings = [...stageFindings.policy, ...stageFindings.legal, ...stageFindings.human_rights] as const;
export type ReviewFinding = (typeof reviewFindings)[number];

/** Speech the law should not reach: an item with any of these topics is sensitive. */
export const sensitiveTopics = [
  'government_criticism',
  'political_speech',
  'journalism',
  'religious_content',
  'lgbt_content',
  'protest',
] as const;
export type SensitiveTopic = (typeof sensitiveTopics)[number];

/** Reason categories that are sensitive out of the box, and the topic each implies. */
export const defaultSensitiveReasons: Partial<Record<Reason, SensitiveTopic>> = {
  'Government Criticism': 'government_criticism',
  'Electoral Law': 'political_speech',
  'Religious Offense': 'religious_content',
};

/**
 * How items of one reason category are reviewed: the stages required before a restrictive decision
 * takes effect, whether the category is sensitive (human-rights review and two sign-offs), set by an
 * admin (`review_policies`); a category without a row uses `defaultReviewPolicy`.
 */
export type ReviewPolicy = { reason: Reason; stages: ReviewStage[]; sensitive: boolean };

export function defaultReviewPolicy(reason: Reason): ReviewPolicy {
  return defaultSensitiveReasons[reason]
    ? { reason, stages: ['policy', 'legal', 'human_rights'], sensitive: true }
    : { reason, stages: [], sensitive: false };
}

/** Pushback: contesting an order with the authority, or challenging it in court. */
export const pushbackKinds = ['contest', 'court_challenge'] as const;
export type PushbackKind = (typeof pushbackKinds)[number];
export const pushbackOutcomes = ['pending', 'withdrawn_by_authority', 'narrowed', 'upheld', 'annulled', 'abandoned'] as const;
export type PushbackOutcome = (typeof pushbackOutcomes)[number];

/** A notice to an affected user: held while a non-disclosure order runs, due, sent, or cancelled. */
export const noticeStatuses = ['held', 'due', 'sent', 'cancelled'] as const;
export type NoticeStatus = (typeof noticeStatuses)[number];

/** A user's appeal against a decision: open, or decided (the action stands, or is reversed). */
export const appealStatuses = ['open', 'upheld', 'reversed'] as const;
export type AppealStatus = (typeof appealStatuses)[number];

/** What the platform's content system is asked to do, and how far the call got. */
export const enforcementActions = ['remove_globally', 'restrict_in_country', 'restore'] as const;
export type EnforcementAction = (typeof enforcementActions)[number];
export const enforcementStatuses = ['queued', 'sending', 'delivered', 'confirmed', 'failed'] as const;
export type EnforcementStatus = (typeof enforcementStatuses)[number];

/** The platform's own systems Writ calls (configured by environment): a signed webhook each. */
export const sinkKinds = ['notice', 'enforcement', 'alert'] as const;
export type SinkKind = (typeof sinkKinds)[number];
export const sinkDeliveryStatuses = ['queued', 'sending', 'delivered', 'failed'] as const;
export type SinkDeliveryStatus = (typeof sinkDeliveryStatuses)[number];
