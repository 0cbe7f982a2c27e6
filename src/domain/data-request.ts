/**
 * Requests for user data (issue 11): what an authority asks for about which accounts, under which
 * legal process, and what the platform produces. Every list is closed: the database, the API, the
 * UI and the report derive from these arrays. The legal processes map onto the columns of Meta's
 * published government-requests files (layout C, 2019-H1 on) so that Writ's figures stand beside
 * Meta's with the same definitions (src/domain/data-report.ts).
 */
import { WritError } from './errors.js';
import type { RequestKind } from './vocabulary.js';

/** The request kinds that ask for data, not removal: their orders name accounts, not items. */
export const dataRequestKinds = ['user_data', 'preservation', 'emergency_disclosure'] as const satisfies readonly RequestKind[];
export type DataRequestKind = (typeof dataRequestKinds)[number];
export const isDataRequestKind = (kind: RequestKind): kind is DataRequestKind =>
  (dataRequestKinds as readonly string[]).includes(kind);

/** How an account is named in the order. An IP address is named with the time window it was used in. */
export const accountIdentifierKinds = ['username', 'email', 'phone', 'account_id', 'ip_address'] as const;
export type AccountIdentifierKind = (typeof accountIdentifierKinds)[number];

/** What data is asked for (and what is produced or preserved). */
export const dataCategories = [
  'subscriber_information',
  'ip_and_sign_in_logs',
  'metadata',
  'stored_content',
  'location',
  'payment_information',
  'device_information',
  'other',
] as const;
export type DataCategory = (typeof dataCategories)[number];

/**
 * The legal process an order rests on. `emergency_request` is the process of an emergency
 * disclosure order and `preservation_request` that of a preservation order; the others are legal
 * process in Meta's sense.
 */
export const legalProcesses = [
  'search_warrant',
  'subpoena',
  'court_order',
  'mlat_request',
  'emergency_request',
  'preservation_request',
  'other',
] as const;
export type LegalProcess = (typeof legalProcesses)[number];

/** The legal processes a `user_data` order may rest on (legal process in Meta's sense). */
export const legalProcessTypes = [
  'search_warrant',
  'subpoena',
  'court_order',
  'mlat_request',
  'other',
] as const satisfies readonly LegalProcess[];

/** The process each data kind requires; a `user_data` order names one of legalProcessTypes. */
export function processesFor(kind: DataRequestKind): readonly LegalProcess[] {
  if (kind === 'emergency_disclosure') return ['emergency_request'];
  if (kind === 'preservation') return ['preservation_request'];
  return legalProcessTypes;
}

/**
 * Where each process is counted in Meta's files (layout C) and in Google's user-data report. Meta
 * fills the per-process columns for the United States only; the totals are filled for every country.
 */
export const legalProcessColumns: Record<LegalProcess, { meta: string; google: string }> = {
  search_warrant: { meta: 'Search Warrant', google: 'Search warrant' },
  subpoena: { meta: 'Subpoena', google: 'Subpoena' },
  court_order: { meta: 'Court Order (Other)', google: 'Other court order' },
  mlat_request: { meta: 'MLAT Search Warrant + MLAT Order', google: 'Other (MLAT)' },
  emergency_request: { meta: 'Emergency Request Total', google: 'Emergency disclosure request' },
  preservation_request: { meta: 'Preservation Requests', google: 'Preservation request' },
  other: { meta: 'Legal Process Request Total (not itemised)', google: 'Other' },
};

/** The threat an emergency disclosure order invokes. */
export const emergencyThreats = [
  'risk_of_death_or_serious_injury',
  'child_safety',
  'terrorism',
  'kidnapping',
  'suicide_or_self_harm',
  'other',
] as const;
export type EmergencyThreat = (typeof emergencyThreats)[number];

/** How much of what was asked for an account was produced (for a preservation: preserved). */
export const productionExtents = ['all', 'some', 'none'] as const;
export type ProductionExtent = (typeof productionExtents)[number];

/** Why data asked for was not produced (in full or in part). */
export const refusalReasons = [
  'no_valid_legal_process',
  'overbroad',
  'account_not_found',
  'wrong_jurisdiction_mlat_required',
  'rejected_after_user_notice',
  'other',
] as const;
export type RefusalReason = (typeof refusalReasons)[number];

/** An account an order names. `from`/`to` bound an IP address's use; optional for other kinds. */
export type NamedAccount = {
  identifierKind: AccountIdentifierKind;
  identifier: string;
  from: Date | null;
  to: Date | null;
};

export type EmergencyParticulars = { threat: EmergencyThreat; justification: string };

/** What a data order names besides the order's common particulars. */
export type DataRequestParticulars = {
  legalProcess: LegalProcess;
  accounts: NamedAccount[];
  categories: DataCategory[];
  /** The period of data asked for; either end may be open. */
  dateFrom: Date | null;
  dateTo: Date | null;
  /** The end of a non-disclosure order: the user may not be told before it. Null: no such order. */
  nonDisclosureUntil: Date | null;
  /** Set for emergency disclosure orders only. */
  emergency: EmergencyParticulars | null;
};

/** The decision on one account of a data order. */
export type AccountDecisionInput = {
  extent: ProductionExtent;
  /** For `some`: the categories produced (a strict, non-empty part of those asked for). */
  producedCategories: DataCategory[];
  /** For `some` and `none`: why the rest was not produced. */
  refusalReason: RefusalReason | null;
  /** The legal basis relied on to produce or to refuse. */
  legalBasis: string;
  rationale: string;
};

const field = (path: string) => `dataRequest.${path}`;

/**
 * Checks what a data order names, given its kind: the process fits the kind, there is at least one
 * account and no account twice, an IP address has its time window, the periods are in order, and an
 * emergency states its threat (and only an emergency does).
 */
export function checkDataRequest(kind: DataRequestKind, d: DataRequestParticulars): DataRequestParticulars {
  const allowed = processesFor(kind);
  if (!allowed.includes(d.legalProcess)) {
    throw new WritError(
      'validation_failed',
      `a ${kind} order rests on ${allowed.join(', ')}, not ${d.legalProcess}`,
      field('legalProcess'),
    );
  }
  if (d.accounts.length === 0)
    throw new WritError('validation_failed', 'a data order names at least one account', field('accounts'));
  const seen = new Set<string>();
  d.accounts.forEach((a, n) => {
    const key = `${a.identifierKind}:${a.identifier.trim().toLowerCase()}`;
    if (seen.has(key)) {
      throw new WritError('validation_failed', `account ${a.identifier} is named twice`, field(`accounts[${n}].identifier`));
    }
    seen.add(key);
    if (a.identifierKind === 'ip_address' && (a.from === null || a.to === null)) {
      throw new WritError(
        'validation_failed',
        'an IP address names the account only with the time window it was used in (from and to)',
        field(`accounts[${n}].${a.from === null ? 'from' : 'to'}`),
      );
    }
    if (a.from && a.to && a.from.getTime() > a.to.getTime()) {
      throw new WritError('validation_failed', 'the time window ends before it starts', field(`accounts[${n}].to`));
    }
  });
  if (d.categories.length === 0 && kind !== 'preservation') {
    throw new WritError('validation_failed', 'a data order asks for at least one category of data', field('categories'));
  }
  if (d.dateFrom && d.dateTo && d.dateFrom.getTime() > d.dateTo.getTime()) {
    throw new WritError('validation_failed', 'the period of data asked for ends before it starts', field('dateTo'));
  }
  if (kind === 'emergency_disclosure' && !d.emergency) {
    throw new WritError(
      'validation_failed',
      'an emergency disclosure order states the threat and the authority’s justification',
      field('emergency'),
    );
  }
  if (kind !== 'emergency_disclosure' && d.emergency) {
    throw new WritError('validation_failed', 'only an emergency disclosure order states an emergency', field('emergency'));
  }
  return { ...d, categories: [...new Set(d.categories)] };
}

/**
 * Checks a decision on an account against the categories asked for: `all` refuses nothing, `some`
 * names what was produced (part of what was asked) and why the rest was not, `none` says why.
 */
export function checkAccountDecision(d: AccountDecisionInput, asked: readonly DataCategory[]): AccountDecisionInput {
  if (d.legalBasis.trim() === '') {
    throw new WritError('validation_failed', 'name the legal basis relied on', 'legalBasis');
  }
  if (d.extent === 'all') {
    if (d.refusalReason !== null)
      throw new WritError(
        'validation_failed',
        'all data was produced, so nothing was refused: leave refusalReason null',
        'refusalReason',
      );
    return { ...d, producedCategories: [...asked] };
  }
  if (d.refusalReason === null) {
    throw new WritError(
      'validation_failed',
      `say why ${d.extent === 'none' ? 'no' : 'not all'} data was produced`,
      'refusalReason',
    );
  }
  if (d.extent === 'none') {
    if (d.producedCategories.length > 0)
      throw new WritError('validation_failed', 'no data was produced, so producedCategories is empty', 'producedCategories');
    return d;
  }
  const produced = [...new Set(d.producedCategories)];
  if (produced.length === 0) {
    throw new WritError('validation_failed', 'name the categories produced (some data was produced)', 'producedCategories');
  }
  // A preservation order may ask for no categories (everything about the account): then `some` names
  // what was preserved, and any category may be named.
  const foreign = asked.length === 0 ? [] : produced.filter((c) => !asked.includes(c));
  if (foreign.length > 0) {
    throw new WritError('validation_failed', `${foreign.join(', ')} was not asked for`, 'producedCategories');
  }
  if (asked.length > 0 && produced.length === asked.length) {
    throw new WritError('validation_failed', 'every category asked for was produced: that is extent all', 'extent');
  }
  return { ...d, producedCategories: produced };
}

/** Whether a decision counts as "some data produced" in Meta's sense (in full or in part). */
export const producedData = (extent: ProductionExtent): boolean => extent !== 'none';

/** A decision on an account as stored. */
export type AccountDecision = AccountDecisionInput & { decidedBy: { id: string; name: string }; decidedAt: Date };

export type HoldRelease = 'expired' | 'released_by_reviewer' | 'order_withdrawn';

export type PreservationHold = {
  id: string;
  categories: DataCategory[];
  preservedAt: Date;
  expiresAt: Date;
  extensions: number;
  remindedAt: Date | null;
  legalProcess: { requestId: string; reference: string; at: Date } | null;
  releasedAt: Date | null;
  releaseReason: HoldRelease | null;
};

export type DataAccount = NamedAccount & {
  id: string;
  position: number;
  decision: AccountDecision | null;
  hold: PreservationHold | null;
};

export type EmergencyReview = {
  reviewDueAt: Date;
  followUpDueAt: Date;
  reviewedAt: Date | null;
  reviewedBy: { id: string; name: string } | null;
  conclusion: 'justified' | 'not_justified' | null;
  reviewNote: string | null;
  followUp: { requestId: string; reference: string; at: Date } | null;
};

export type Production = {
  id: string;
  fileName: string;
  size: number;
  sha256: string;
  files: { name: string; size: number; sha256: string }[];
  availableUntil: Date;
  revokedAt: Date | null;
  createdAt: Date;
  createdBy: { id: string; name: string } | null;
  downloads: number;
};

/** A data order's data part as read back. */
export type DataRequestView = Omit<DataRequestParticulars, 'accounts'> & {
  accounts: DataAccount[];
  emergencyReview: EmergencyReview | null;
  productions: Production[];
};
