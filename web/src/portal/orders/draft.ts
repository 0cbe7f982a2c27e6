/**
 * The order an officer is writing, as the form holds it, and what follows from it: the regimes of
 * the agency's country, the elements the chosen regime requires (and why), and the body of
 * POST /api/v1/authority/orders. The draft's fields are named as the body's, so that a problem the
 * schema or the server names reaches its control.
 */
import { z } from 'zod';
import { submitOrderSchema } from '../../../../src/contracts/authority-orders.js';
import { versionAt } from '../../../../src/domain/regimes/rule-book.js';
import type { RequestKind, TargetKind } from '../../../../src/domain/vocabulary.js';
import type { RegimePack, RegimeSummary } from '../../api.js';
import { adapted } from '../../components/form.js';
import type { NewAuthorityOrder } from './types.js';

export type ItemDraft = { targetKind: TargetKind; target: string; product: string };

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

/** The body of POST /api/v1/authority/orders; blank texts are left out (the receipt then names them as missing). */
export function orderBody(draft: OrderDraft): NewAuthorityOrder {
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
    items: draft.items.map(({ targetKind, target, product }) => ({
      targetKind,
      target: target.trim(),
      ...(product.trim() ? { product: product.trim() } : {}),
    })),
  };
}

/** The form's schema: the draft, turned into the body, checked by the API's schema. */
export const orderSchema = adapted(z.custom<OrderDraft>(), orderBody, submitOrderSchema);
