/** Human words for Writ's enum values. The Record types make tsc flag any value left unlabelled. */
import {
  type AuthorityKind,
  type Channel,
  type Outcome,
  outcomeLabels,
  type RequestKind,
  type RequestStatus,
  type TargetKind,
} from '../../src/domain/vocabulary.js';

export type OutcomeBucket = Outcome | 'pending';

export const authorityKindLabels: Record<AuthorityKind, string> = {
  communications_regulator: 'Communications regulator',
  police: 'Police',
  prosecutor: 'Prosecutor',
  court: 'Court',
  data_protection_authority: 'Data protection authority',
  other_executive: 'Other executive body',
  legislature: 'Legislature',
  other: 'Other',
};

export const requestKindLabels: Record<RequestKind, string> = {
  content_removal: 'Content removal',
  user_data: 'User data',
  preservation: 'Preservation',
  emergency_disclosure: 'Emergency disclosure',
};

export const channelLabels: Record<Channel, string> = {
  portal: 'Portal',
  api: 'API',
  email: 'Email',
  post: 'Post',
};

export const statusLabels: Record<RequestStatus, string> = {
  received: 'Received',
  in_review: 'In review',
  needs_clarification: 'Needs clarification',
  decided: 'Decided',
  closed: 'Closed',
  withdrawn: 'Withdrawn',
};

/** What a button that moves a request into a status says. */
export const transitionLabels: Record<RequestStatus, string> = {
  received: 'Mark received',
  in_review: 'Start review',
  needs_clarification: 'Ask for clarification',
  decided: 'Mark decided',
  closed: 'Close',
  withdrawn: 'Record withdrawal',
};

export const targetKindLabels: Record<TargetKind, string> = {
  url: 'URL',
  account: 'Account',
  content_id: 'Content ID',
};

export const bucketLabels: Record<OutcomeBucket, string> = { ...outcomeLabels, pending: 'Pending review' };

export const eventLabels: Record<string, string> = {
  request_received: 'Request received',
  status_changed: 'Status changed',
  item_decided: 'Item decided',
  decision_changed: 'Decision changed',
};

/** `communications_regulator` → `Communications regulator`, for values outside the tables. */
export function humanize(value: string): string {
  const words = value.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A label from a table, or the humanized value when the table does not know it. */
export function labelOf(table: Record<string, string>, value: string): string {
  return table[value] ?? humanize(value);
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/** `KZ` → `Kazakhstan`; unknown codes come back as they are. */
export function countryName(code: string): string {
  try {
    return regionNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
