/**
 * The words Writ uses for orders and what happens to them. Each list is closed: the database,
 * the API schemas and the UI all derive from these arrays.
 */

export const authorityKinds = [
  'communications_regulator',
  'police',
  'prosecutor',
  'court',
  'data_protection_authority',
  'other_executive',
  'legislature',
  'other',
] as const;
export type AuthorityKind = (typeof authorityKinds)[number];

export const requestKinds = ['content_removal', 'user_data', 'preservation', 'emergency_disclosure'] as const;
export type RequestKind = (typeof requestKinds)[number];

export const channels = ['portal', 'api', 'email', 'post'] as const;
export type Channel = (typeof channels)[number];

export const requestStatuses = ['received', 'in_review', 'needs_clarification', 'decided', 'closed', 'withdrawn'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** Statuses in which a request still waits for the platform (it is in the reviewer queue). */
export const openStatuses: readonly RequestStatus[] = ['received', 'in_review', 'needs_clarification'];

export const targetKinds = ['url', 'account', 'content_id'] as const;
export type TargetKind = (typeof targetKinds)[number];

/**
 * Item outcomes: the six buckets of Google's government-removals report, so that Writ's figures
 * can be set beside Google's.
 */
export const outcomes = [
  'removed_legal',
  'removed_policy',
  'content_not_found',
  'not_enough_information',
  'no_action',
  'content_already_removed',
] as const;
export type Outcome = (typeof outcomes)[number];

export const outcomeLabels: Record<Outcome, string> = {
  removed_legal: 'Removed – legal (restricted locally)',
  removed_policy: 'Removed – policy (everywhere)',
  content_not_found: 'Content not found',
  not_enough_information: 'Not enough information',
  no_action: 'No action taken',
  content_already_removed: 'Content already removed',
};

/** Google's reason taxonomy (22 values, identical in every published vintage). */
export const reasons = [
  'Adult Content',
  'Bullying/Harassment',
  'Business Complaints',
  'Copyright',
  'Defamation',
  'Drug Abuse',
  'Electoral Law',
  'Fraud',
  'Geographical Dispute',
  'Government Criticism',
  'Hate Speech',
  'Impersonation',
  'National Security',
  'Obscenity/Nudity',
  'Other',
  'Privacy and Security',
  'Reason Unspecified',
  'Regulated Goods and Services',
  'Religious Offense',
  'Suicide Promotion',
  'Trademark',
  'Violence',
] as const;
export type Reason = (typeof reasons)[number];
