/**
 * The data part of an order being recorded (issue 11): what a user_data, preservation or
 * emergency_disclosure order names instead of items, as the intake form holds it, and its part of
 * the body of POST /api/v1/requests. The draft's fields are named as the body's `dataRequest`, so
 * that a problem the schema or the server finds (`dataRequest.accounts[0].identifier`) reaches its
 * control. Times are wall-clock times in the authority's zone, as the receipt is.
 */
import {
  type AccountIdentifierKind,
  type DataCategory,
  type DataRequestKind,
  type EmergencyThreat,
  isDataRequestKind,
  type LegalProcess,
  processesFor,
} from '../../../../src/contracts/data-vocabulary.js';
import type { RequestKind } from '../../../../src/domain/vocabulary.js';
import type { NewRequest } from '../../api.js';
import { localToInstant } from './zones.js';

export type AccountDraft = {
  identifierKind: AccountIdentifierKind;
  identifier: string;
  /** Wall-clock times in the authority's zone (`2026-03-10T23:30`); blank for none. */
  from: string;
  to: string;
};

export type DataDraft = {
  /** Blank until chosen, where the kind allows more than one. */
  legalProcess: LegalProcess | '';
  accounts: AccountDraft[];
  categories: DataCategory[];
  dateFrom: string;
  dateTo: string;
  nonDisclosureUntil: string;
  emergency: { threat: EmergencyThreat | ''; justification: string };
};

export function newAccount(identifierKind: AccountIdentifierKind = 'username', identifier = ''): AccountDraft {
  return { identifierKind, identifier, from: '', to: '' };
}

/** The process a kind starts with: its only one (emergency, preservation), else none chosen yet. */
export function firstProcess(kind: RequestKind): LegalProcess | '' {
  if (!isDataRequestKind(kind)) return '';
  const allowed = processesFor(kind);
  return allowed.length === 1 && allowed[0] ? allowed[0] : '';
}

export function emptyDataDraft(kind: RequestKind = 'user_data'): DataDraft {
  return {
    legalProcess: firstProcess(kind),
    accounts: [newAccount()],
    categories: [],
    dateFrom: '',
    dateTo: '',
    nonDisclosureUntil: '',
    emergency: { threat: '', justification: '' },
  };
}

/**
 * A wall-clock time in `zone` as the API's instant; blank is left out, and a text that is no such
 * time is passed on as typed, for the API's schema to name at its field.
 */
function instantOf(local: string, zone: string): string | undefined {
  const text = local.trim();
  if (!text) return undefined;
  return localToInstant(text, zone)?.iso ?? text;
}

/**
 * Identifiers pasted one a line, without blank lines and the ones already listed (of the same
 * kind); each becomes an account of `kind`.
 */
export function pastedAccounts(text: string, kind: AccountIdentifierKind, existing: readonly AccountDraft[]) {
  const seen = new Set(existing.filter((a) => a.identifierKind === kind).map((a) => a.identifier.trim().toLowerCase()));
  const fresh: AccountDraft[] = [];
  let repeated = 0;
  for (const line of text.split(/\r?\n/)) {
    const identifier = line.trim();
    if (!identifier) continue;
    if (seen.has(identifier.toLowerCase())) repeated++;
    else {
      seen.add(identifier.toLowerCase());
      fresh.push(newAccount(kind, identifier));
    }
  }
  return { fresh, repeated };
}

/**
 * The body's data part for an order of `kind` in `zone`: the legal process as chosen (blank for the
 * schema to name), the accounts with their windows, the data asked for, the periods, and the
 * emergency only for an emergency disclosure.
 */
export function dataRequestBody(kind: DataRequestKind, draft: DataDraft, zone: string): NewRequest['dataRequest'] {
  const at = (local: string) => instantOf(local, zone);
  return {
    legalProcess: draft.legalProcess as LegalProcess,
    accounts: draft.accounts.map((a) => ({
      identifierKind: a.identifierKind,
      identifier: a.identifier,
      ...(at(a.from) ? { from: at(a.from) } : {}),
      ...(at(a.to) ? { to: at(a.to) } : {}),
    })),
    categories: draft.categories,
    ...(at(draft.dateFrom) ? { dateFrom: at(draft.dateFrom) } : {}),
    ...(at(draft.dateTo) ? { dateTo: at(draft.dateTo) } : {}),
    ...(at(draft.nonDisclosureUntil) ? { nonDisclosureUntil: at(draft.nonDisclosureUntil) } : {}),
    ...(kind === 'emergency_disclosure'
      ? { emergency: { threat: draft.emergency.threat as EmergencyThreat, justification: draft.emergency.justification } }
      : {}),
  };
}
