/**
 * The closed lists of the rule packs: how a law counts users, how its clock runs, what kind of
 * local presence it demands, and how sure Writ is of what it recorded.
 */

/**
 * The metric a law's user threshold is expressed in. A platform records its figures in the same
 * metric, so that "100,000 average daily users over a month" is never compared with monthly users.
 */
export const coverageMetrics = [
  'avg_daily_users_over_month',
  'daily_users',
  'daily_accesses',
  'registered_users',
  'monthly_active_recipients',
  'monthly_active_users',
  'monthly_visits_avg_6m',
  'users',
] as const;
export type CoverageMetric = (typeof coverageMetrics)[number];

export const metricLabels: Record<CoverageMetric, string> = {
  avg_daily_users_over_month: 'average daily users over a month',
  daily_users: 'daily users',
  daily_accesses: 'daily accesses',
  registered_users: 'registered users',
  monthly_active_recipients: 'monthly active recipients',
  monthly_active_users: 'monthly active users',
  monthly_visits_avg_6m: 'monthly visits (6-month average)',
  users: 'users (metric not defined by the law)',
};

/** `more_than` for "more than 100,000", `at_least` for "100,000 or more". */
export const thresholdComparisons = ['more_than', 'at_least'] as const;
export type ThresholdComparison = (typeof thresholdComparisons)[number];

/**
 * How a deadline runs. Only `elapsed_hours_from_receipt` has legal hours; `immediate` and
 * `without_undue_delay` are mapped to the platform's policy targets; `set_in_order` takes the
 * period the order itself states.
 */
export const deadlineClocks = ['elapsed_hours_from_receipt', 'immediate', 'without_undue_delay', 'set_in_order'] as const;
export type DeadlineClock = (typeof deadlineClocks)[number];

/** Whose services a law covers: every provider, or only those established outside the jurisdiction. */
export const coveredProviders = ['all', 'foreign'] as const;
export type CoveredProviders = (typeof coveredProviders)[number];

/**
 * Where a duty's compliance window starts: for each platform at its threshold crossing (or the law
 * start, if later), or once, at the law's entry into force (a transition period for everyone).
 */
export const complianceWindowStarts = ['threshold_crossing', 'entry_into_force'] as const;
export type ComplianceWindowStart = (typeof complianceWindowStarts)[number];

export const dutyKinds = [
  'legal_representative',
  'local_office',
  'local_legal_entity',
  'registration',
  'contact_person',
  'compliance_officer',
  'service_agent',
  'point_of_contact',
  'data_localisation',
] as const;
export type DutyKind = (typeof dutyKinds)[number];

export const confidenceLevels = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof confidenceLevels)[number];

/** Where the platform stands on one duty in one country. */
export const dutyStatuses = ['not_started', 'in_progress', 'done', 'not_applicable'] as const;
export type DutyStatus = (typeof dutyStatuses)[number];

/** What a deadline rests on: hours written in the law, a platform policy target, or the order itself. */
export const deadlineBases = ['law', 'policy', 'order'] as const;
export type DeadlineBasis = (typeof deadlineBases)[number];
