/**
 * The public record of a decided order (issue 13): what the public request database, the feeds, the
 * exports, the static site and the transparency log show of one order. It is rendered from the
 * redacted text only (src/domain/redaction.ts); nothing else of the order ever reaches a public
 * surface. Browser-safe.
 */
import type { AuthorityKind, Outcome, Reason, RequestKind, TargetKind } from './vocabulary.js';

/** One item as published: its target redacted, its product, what was done and where. */
export type PublicItem = {
  position: number;
  targetKind: TargetKind;
  /** The target after redaction; `null` when it is withheld (it concerns a child). */
  target: string | null;
  product: string;
  /** Null while the item is undecided (never published so), kept nullable for data orders' shape. */
  outcome: Outcome | null;
  reason: Reason | null;
  /** Null: worldwide; otherwise the ISO countries the action applies in. */
  scope: string[] | null;
};

/** A data order's accounts, as counts only: no account identifier is ever published. */
export type PublicAccounts = { requested: number; disclosed: number; partly: number; refused: number };

export type PublicRecord = {
  /** Stable public identifier, the order's reference (`WR-000123`); the record's URL is `/records/{id}`. */
  id: string;
  /** 1 for the first publication; each correction adds one. */
  version: number;
  kind: RequestKind;
  authority: { name: string; kind: AuthorityKind };
  /** ISO 3166-1 alpha-2 of the requesting authority. */
  country: string;
  /** The rule pack regime the order fell under, if any. */
  regime: { id: string; name: string } | null;
  /** The legal basis the order cited, redacted. */
  legalBasis: string;
  /** ISO dates (YYYY-MM-DD, UTC). */
  receivedOn: string;
  decidedOn: string;
  /** The half-year of the decision, `2025-H1`, as in the reports. */
  period: string;
  /** ISO instant the version was published. */
  publishedAt: string;
  /** The order's language (BCP 47), which picks the search dictionary. */
  language: string | null;
  items: PublicItem[];
  /** Data orders only; null for removal orders. */
  accounts: PublicAccounts | null;
  /** The reviewers' public summary, redacted; null when none was written or it is withheld. */
  summary: string | null;
  /** Marked of public interest: its case study (redacted) appears on the country page. */
  publicInterest: boolean;
  caseStudy: string | null;
  /** Whether the platform challenged the order in court. */
  courtChallenge: boolean;
  /** The order concerns a child: every target, summary and case study is withheld. */
  concernsChild: boolean;
  /** Why this version replaced the previous one (corrections only). */
  correctionNote: string | null;
};

/** What stays at a withdrawn record's URL: never a silent 404. */
export type PublicTombstone = {
  id: string;
  /** The version that withdrew it (one after the last published version). */
  version: number;
  withdrawnAt: string;
  /** The public reason for the withdrawal. */
  reason: string;
};

/** The redacted text the public request database searches: every word a reader could look for. */
export function searchTextOf(record: PublicRecord): string {
  return [
    record.id,
    record.authority.name,
    record.regime?.name,
    record.legalBasis,
    record.summary,
    record.caseStudy,
    ...record.items.flatMap((item) => [item.target, item.product, item.reason]),
  ]
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .join('\n');
}

/** The facets a record is counted under (distinct, sorted). */
export function facetsOf(record: PublicRecord): { reasons: string[]; outcomes: string[] } {
  const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))].sort();
  return {
    reasons: distinct(record.items.map((item) => item.reason)),
    outcomes: distinct(record.items.map((item) => item.outcome)),
  };
}
