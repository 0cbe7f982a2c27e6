/** Human words for Writ's enum values. The Record types make tsc flag any value left unlabelled. */

import { countryName as nameOfCountry } from '../../src/domain/countries.js';
import type { SlaState } from '../../src/domain/regimes/sla.js';
import {
  type Confidence,
  type CoverageMetric,
  type DeadlineBasis,
  type DeadlineClock,
  type DutyKind,
  type DutyStatus,
  metricLabels,
} from '../../src/domain/regimes/vocabulary.js';
import {
  type AuthorityKind,
  type Channel,
  type Outcome,
  outcomeLabels,
  type RequestKind,
  type RequestStatus,
  type TargetKind,
} from '../../src/domain/vocabulary.js';
import type { TFunction } from './i18n/index.js';

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
  deadline_recomputed: 'Deadline recomputed',
  attachment_added: 'File attached',
  clock_resumed: 'Deadline clock resumed',
  clarification_requested: 'Clarification requested',
  clarification_answered: 'Clarification answered',
  decision_contested: 'Decision contested',
  order_withdrawn: 'Order withdrawn',
  message_posted: 'Message',
};

export const slaLabels: Record<SlaState, string> = {
  on_track: 'On track',
  due_soon: 'Due soon',
  overdue: 'Overdue',
  met: 'Met',
  missed: 'Missed',
  not_applicable: 'No deadline',
};

/** What a deadline rests on, in words a reviewer can repeat to the authority. */
export const basisLabels: Record<DeadlineBasis, string> = {
  law: 'Set by law',
  policy: 'No legal hours: platform policy target',
  order: 'Period set in the order',
};

export const clockLabels: Record<DeadlineClock, string> = {
  elapsed_hours_from_receipt: 'Hours after receipt',
  immediate: '“Immediately” (no hours in the law)',
  without_undue_delay: '“Without undue delay” (no hours in the law)',
  set_in_order: 'Period stated in the order',
};

/** The law's own words for a deadline without hours, to be quoted once in a sentence (not the labels above, which quote them already). */
const clockWords: Partial<Record<DeadlineClock, string>> = {
  immediate: 'immediately',
  without_undue_delay: 'without undue delay',
};

/** `The law says “immediately” but states no hours`: how a sentence on a policy target begins. */
export function lawWithoutHours(clock: DeadlineClock): string {
  const words = clockWords[clock];
  return words ? `The law says “${words}” but states no hours` : 'The law states no hours';
}

export const dutyKindLabels: Record<DutyKind, string> = {
  legal_representative: 'Legal representative',
  local_office: 'Local office',
  local_legal_entity: 'Local legal entity',
  registration: 'Registration',
  contact_person: 'Contact person',
  compliance_officer: 'Compliance officer',
  service_agent: 'Service agent',
  point_of_contact: 'Point of contact',
  data_localisation: 'Data localisation',
};

export const dutyStatusLabels: Record<DutyStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  done: 'Done',
  not_applicable: 'Not applicable',
};

export const confidenceLabels: Record<Confidence, string> = {
  low: 'Low confidence',
  medium: 'Medium confidence',
  high: 'High confidence',
};

/** `avg_daily_users_over_month` → `Average daily users over a month` */
export function metricName(metric: CoverageMetric): string {
  const words = metricLabels[metric];
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const numberFormat = new Intl.NumberFormat('en-GB');

/** `120000` → `120,000` */
export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** A threshold in words: `more than 100,000 average daily users over a month`. */
export function thresholdText(t: { metric: CoverageMetric; threshold: number; comparison: 'more_than' | 'at_least' }): string {
  return `${t.comparison === 'more_than' ? 'more than' : 'at least'} ${formatNumber(t.threshold)} ${metricLabels[t.metric]}`;
}

/** `communications_regulator` → `Communications regulator`, for values outside the tables. */
export function humanize(value: string): string {
  const words = value.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A label from a table, or the humanized value when the table does not know it. */
export function labelOf(table: Record<string, string>, value: string): string {
  return table[value] ?? humanize(value);
}

/** `KZ` → `Kazakhstan`, `EU` → `European Union`; withdrawn and unknown codes (SU) come back as they are. */
export function countryName(code: string): string {
  return nameOfCountry(code.toUpperCase());
}

/** The tables of `common` whose keys are an enum's values (test/unit/i18n-catalogue.test.ts checks every value has one). */
export type LabelTable =
  | 'authorityKind'
  | 'requestKind'
  | 'channel'
  | 'status'
  | 'transition'
  | 'targetKind'
  | 'outcome'
  | 'event'
  | 'legalProcess'
  | 'dataCategory'
  | 'identifierKind'
  | 'emergencyThreat'
  | 'productionExtent'
  | 'refusalReason'
  | 'sla'
  | 'basis'
  | 'clock'
  | 'dutyKind'
  | 'dutyStatus'
  | 'confidence'
  | 'metric';

/** An enum value in the UI's language (`label(t, 'status', 'in_review')` → `In review`, `На рассмотрении`); humanized when unknown. */
export function label(t: TFunction, table: LabelTable, value: string): string {
  return t(`common:${table}.${value}`, { defaultValue: humanize(value) });
}

/** `The law says “immediately” but states no hours`, in the UI's language. */
export function lawWithoutHoursIn(t: TFunction, clock: DeadlineClock): string {
  return t('common:lawWithoutHours', { clock });
}

/** A metric's name as a heading, in the UI's language: `Average daily users over a month`. */
export function metricTitle(t: TFunction, metric: CoverageMetric): string {
  const words = label(t, 'metric', metric);
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A threshold in words, in the UI's language: `more than 100,000 average daily users over a month`. */
export function thresholdIn(
  t: TFunction,
  threshold: { metric: CoverageMetric; threshold: number; comparison: 'more_than' | 'at_least' },
): string {
  return t('common:threshold', { ...threshold, metric: label(t, 'metric', threshold.metric) });
}

/** A country's name in the reader's language (Intl); English names are the domain's own, as the server writes them. */
export function countryNameIn(code: string, locale: string): string {
  const upper = code.toUpperCase();
  if (locale.startsWith('en')) return nameOfCountry(upper);
  try {
    const name = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }).of(upper);
    return name ?? nameOfCountry(upper);
  } catch {
    return nameOfCountry(upper);
  }
}
