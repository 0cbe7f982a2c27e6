/**
 * The order an officer is writing, as the form holds it, and what follows from it: the regimes of
 * the agency's country, the elements the chosen regime requires (and why), and the body of
 * POST /api/v1/authority/orders. The draft's fields are named as the body's, so that a problem the
 * schema or the server names reaches its control.
 */
import { z } from 'zod';
import {
  type AccountIdentifierKind,
  type DataCategory,
  type EmergencyThreat,
  isDataRequestKind,
  type LegalProcess,
  processesFor,
  submitOrderSchema,
} from '../../../../src/contracts/authority-orders.js';
import { versionAt } from '../../../../src/domain/regimes/rule-book.js';
import type { RequestKind, TargetKind } from '../../../../src/domain/vocabulary.js';
import type { RegimePack, RegimeSummary } from '../../api.js';
import { adapted } from '../../components/form.js';
import type { NewAuthorityOrder } from './types.js';

export type ItemDraft = { targetKind: TargetKind; target: string; product: string };

/** An account a data order names; `from`/`to` as a datetime-local control holds them (the browser's zone). */
export type AccountDraft = { identifierKind: AccountIdentifierKind; identifier: string; from: string; to: string };

/** A data order's part as the form holds it: dates as typed (day or datetime-local), the emergency flat. */
export type DataDraft = {
  legalProcess: LegalProcess;
  accounts: AccountDraft[];
  categories: DataCategory[];
  dateFrom: string;
  dateTo: string;
  nonDisclosureUntil: string;
  threat: EmergencyThreat | '';
  justification: string;
};

export const newAccount = (from?: Pick<AccountDraft, 'identifierKind'>): AccountDraft => ({
  identifierKind: from?.identifierKind ?? 'username',
  identifier: '',
  from: '',
  to: '',
});

export const emptyDataDraft = (): DataDraft => ({
  legalProcess: 'court_order',
  accounts: [newAccount()],
  categories: [],
  dateFrom: '',
  dateTo: '',
  nonDisclosureUntil: '',
  threat: '',
  justification: '',
});

/** The process to start a kind with: the one it allows, or the one already chosen if it fits. */
export function processFor(kind: RequestKind, current: LegalProcess): LegalProcess {
  if (!isDataRequestKind(kind)) return current;
  const allowed = processesFor(kind);
  return allowed.includes(current) ? current : (allowed[0] ?? current);
}

export type OrderDraft = {
  kind: RequestKind;
  regime: string;
  category: string;
  authorityReference: string;
  legalBasis: string;
  signer: string;
  statementOfReasons: string;
  /** Comma-separated, as typed. */
  claimedCategories: string;
  requestedScope: string[];
  redress: string;
  language: string;
  items: ItemDraft[];
  /** Used for a data kind (user_data, preservation, emergency_disclosure) instead of the items. */
  dataRequest: DataDraft;
};

export const newItem = (from?: Pick<ItemDraft, 'targetKind' | 'product'>): ItemDraft => ({
  targetKind: from?.targetKind ?? 'url',
  target: '',
  product: from?.product ?? '',
});

export function emptyDraft(language: string, country: string | undefined): OrderDraft {
  return {
    kind: 'content_removal',
    regime: '',
    category: '',
    authorityReference: '',
    legalBasis: '',
    signer: '',
    statementOfReasons: '',
    claimedCategories: '',
    requestedScope: country ? [country] : [],
    redress: '',
    language,
    items: [newItem()],
    dataRequest: emptyDataDraft(),
  };
}

/**
 * The regimes an agency's orders may name, as the API takes them: its own country's first, then union
 * law; the same rule for every country.
 */
export function regimesOf(country: string | undefined, regimes: readonly RegimeSummary[]): RegimeSummary[] {
  const own = regimes.filter((r) => r.jurisdictionKind === 'country' && r.jurisdiction === country);
  return [...own, ...regimes.filter((r) => r.jurisdictionKind === 'union')];
}

/**
 * A regime's named categories for a kind (the deadline rules' categories), and whether it has a rule
 * for any other category (`general`): without one, the order must name one of these.
 */
export function categoriesOf(regime: RegimeSummary | undefined, kind: RequestKind): { named: string[]; general: boolean } {
  const forKind = regime?.categories.filter((c) => c.kind === kind) ?? [];
  const named = [...new Set(forKind.flatMap((c) => (c.category ? [c.category] : [])))];
  return { named, general: forKind.length === 0 || forKind.some((c) => c.category === null) };
}

/** The category to start with: the only one a regime names for the kind when it has no rule for others, else none. */
export function firstCategory(regime: RegimeSummary | undefined, kind: RequestKind): string {
  const { named, general } = categoriesOf(regime, kind);
  return named.length === 1 && !general ? (named[0] ?? '') : '';
}

type PackVersion = RegimePack['versions'][number];
/** The closed list of what an order may be required to contain (src/domain/order-elements.ts), as the packs name it. */
export type OrderElement = NonNullable<PackVersion['orderRequirements']>['elements'][number]['element'];

/** The platform's own list where a regime says nothing (src/domain/order-requirements.ts, platformDefaultElements). */
export const platformElements: readonly OrderElement[] = ['legal_basis', 'statement_of_reasons', 'items', 'signer'];

/** The form's control for each element (the body's field); `attachment` is the file input. */
export const elementFields: Record<OrderElement, string> = {
  legal_basis: 'legalBasis',
  signer: 'signer',
  statement_of_reasons: 'statementOfReasons',
  items: 'items',
  product: 'items',
  category: 'claimedCategories',
  territorial_scope: 'requestedScope',
  redress: 'redress',
  language: 'language',
  attachment: 'attachment',
};

/** An element the order must contain and why: the pack's sources quoted, or null for the platform's list. */
export type Requirement = { element: OrderElement; reason: string | null };

/**
 * What the chosen regime's pack (its version in force at `at`) requires of an order of `kind`
 * (`orderRequirements`, each element with its sources quoted); the platform's list where there is
 * no regime or the pack says nothing.
 */
export function requirementsOf(pack: RegimePack | null, kind: RequestKind, at: Date): Requirement[] {
  const version = pack ? (versionAt(pack, at) ?? pack.versions.at(-1)) : undefined;
  const stated = version?.orderRequirements;
  if (!pack || !stated) return platformElements.map((element) => ({ element, reason: null }));
  const quotes = new Map(pack.sources.map((s) => [s.id, s.quote]));
  return stated.elements
    .filter((e) => !e.kinds || e.kinds.includes(kind))
    .map((e) => ({ element: e.element, reason: e.sources.map((id) => quotes.get(id) ?? id).join(' · ') || null }));
}

/** Requirements by the form's control: the reasons of every element a control stands for. */
export function requiredFields(requirements: readonly Requirement[]): Map<string, string | null> {
  const fields = new Map<string, string | null>();
  for (const { element, reason } of requirements) {
    const field = elementFields[element];
    const before = fields.get(field);
    fields.set(field, before && reason && before !== reason ? `${before} · ${reason}` : (before ?? reason));
  }
  return fields;
}

/** `child abuse, extremism ,` → `['child abuse', 'extremism']` */
export const splitCategories = (text: string): string[] =>
  text
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);

const optional = (text: string) => (text.trim() ? text.trim() : undefined);

/** A day (`2026-05-01`) or a datetime-local value, read in the browser's zone, as an instant with offset; blank: none. */
export function instantOf(value: string): string | undefined {
  const v = value.trim();
  if (!v) return undefined;
  const local = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00` : v);
  // Not a date: sent as typed, so that the API's check names the field.
  return Number.isNaN(local.getTime()) ? v : local.toISOString();
}

/** The data part of the body: blank dates left out, the emergency only for an emergency disclosure. */
export function dataRequestBody(kind: RequestKind, d: DataDraft): NonNullable<NewAuthorityOrder['dataRequest']> {
  const at = (key: 'dateFrom' | 'dateTo' | 'nonDisclosureUntil') => {
    const v = instantOf(d[key]);
    return v ? { [key]: v } : {};
  };
  return {
    legalProcess: processFor(kind, d.legalProcess),
    accounts: d.accounts.map((a) => {
      const from = instantOf(a.from);
      const to = instantOf(a.to);
      return {
        identifierKind: a.identifierKind,
        identifier: a.identifier.trim(),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
      };
    }),
    categories: d.categories,
    ...at('dateFrom'),
    ...at('dateTo'),
    ...at('nonDisclosureUntil'),
    ...(kind === 'emergency_disclosure' && d.threat
      ? { emergency: { threat: d.threat, justification: d.justification.trim() } }
      : {}),
  };
}

/** The body of POST /api/v1/authority/orders; blank texts are left out (the receipt then names them as missing). */
export function orderBody(draft: OrderDraft): NewAuthorityOrder {
  const data = isDataRequestKind(draft.kind);
  return {
    kind: draft.kind,
    ...(draft.regime ? { regime: draft.regime } : {}),
    ...(draft.regime && draft.category ? { category: draft.category } : {}),
    ...(optional(draft.authorityReference) ? { authorityReference: draft.authorityReference.trim() } : {}),
    ...(optional(draft.legalBasis) ? { legalBasis: draft.legalBasis.trim() } : {}),
    ...(optional(draft.signer) ? { signer: draft.signer.trim() } : {}),
    ...(optional(draft.statementOfReasons) ? { statementOfReasons: draft.statementOfReasons.trim() } : {}),
    claimedCategories: splitCategories(draft.claimedCategories),
    ...(draft.requestedScope.length ? { requestedScope: draft.requestedScope } : {}),
    ...(optional(draft.redress) ? { redress: draft.redress.trim() } : {}),
    language: draft.language,
    // A data order names accounts in its data part and no items; a removal order the other way round.
    ...(data
      ? { dataRequest: dataRequestBody(draft.kind, draft.dataRequest) }
      : {
          items: draft.items.map(({ targetKind, target, product }) => ({
            targetKind,
            target: target.trim(),
            ...(product.trim() ? { product: product.trim() } : {}),
          })),
        }),
  };
}

/** The form's schema: the draft, turned into the body, checked by the API's schema. */
export const orderSchema = adapted(z.custom<OrderDraft>(), orderBody, submitOrderSchema);
