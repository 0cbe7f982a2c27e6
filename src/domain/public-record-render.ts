/**
 * From a decided order to its public record (issue 13). The publication workflow reads a
 * `PublishableOrder` (src/db/publications-repository.ts), proposes redactions with `proposeRedactions`,
 * the reviewer accepts, drops and adds spans and marks names, and `renderPublicRecord` builds the
 * record from the redacted text only. Browser-safe, plain TS.
 *
 * The redactable fields, each a text with its own offsets (UTF-16 code units):
 * - `legalBasis`: the legal basis the order cited;
 * - `summary`: the decisions' distinct public summaries, in item order, joined by a blank line (`summaryTextOf`);
 * - `caseStudy`: likewise the decisions' distinct case studies (`caseStudyTextOf`);
 * - `target:<position>`: an item's target, for `url` and `content_id` items.
 *
 * Rules:
 * - Account targets are never shown: `[account]` (a data order's accounts are published as counts only).
 * - URL targets keep their scheme and host (`https://video.example`): proposals are made only in the path,
 *   query and fragment; credentials before the host (`user:pass@`) are always dropped. The host is shown as
 *   it is unless a chosen span or a marked name touches it; then the whole host becomes `[redacted]`.
 * - Marked names are redacted in every field, whether or not the reviewer kept each proposal.
 * - An order that concerns a child (the reviewer says so, or its regime category or a claimed category
 *   mentions a child or minor: `concernsChildByDefault`) publishes no target, no summary and no case study,
 *   and its legal basis as `[withheld]`: an order may cite the child by name there (the regime still shows
 *   which law it was).
 * - Never in the record: the rationale, the statement of reasons, the signer, redress, the authority's
 *   own reference, attachments, or anything else PublicRecord has no field for.
 */
import { countryName } from './countries.js';
import { formatPeriod, periodOf } from './period.js';
import type { PublicAccounts, PublicItem, PublicRecord } from './public-record.js';
import type { PersonalDataKind } from './publishing-vocabulary.js';
import { applyRedactions, detectMarkedNames, detectPersonalData, mergeRedactions, redactedMark } from './redaction.js';
import type { AuthorityKind, Outcome, Reason, RequestKind, TargetKind } from './vocabulary.js';

/** One chosen span in one field (the same shape as the `publications.redactions` column). */
export type StoredRedaction = { field: string; start: number; end: number; kind: PersonalDataKind };

export type PublishableDecision = {
  outcome: Outcome;
  reason: Reason | null;
  /** Null: worldwide. */
  scopeCountries: string[] | null;
  publicSummary: string | null;
  publicInterest: boolean;
  caseStudy: string | null;
};

export type PublishableItem = {
  position: number;
  targetKind: TargetKind;
  target: string;
  product: string;
  decision: PublishableDecision | null;
};

/** What the publication workflow reads of a decided order: everything a public record may be made of, and no more. */
export type PublishableOrder = {
  /** The order's reference, `WR-000123`: the record's public id. */
  reference: string;
  kind: RequestKind;
  authority: { name: string; kind: AuthorityKind; country: string };
  regime: { id: string; name: string } | null;
  legalBasis: string;
  receivedAt: Date;
  decidedAt: Date;
  language: string | null;
  /** The regime category of the order, e.g. `child_cyberbullying`. */
  category: string | null;
  /** Categories the authority claimed. */
  claimedCategories: string[];
  items: PublishableItem[];
  /** Data orders' accounts as counts; null for removal orders. */
  accounts: PublicAccounts | null;
  courtChallenge: boolean;
  /** A gag: the record is not published before this instant. */
  nonDisclosureUntil: Date | null;
};

export type RedactionChoices = { redactions: StoredRedaction[]; markedNames: string[]; concernsChild: boolean };
export type RenderMeta = { version: number; publishedAt: Date; correctionNote: string | null };

/** What an account target is shown as. */
export const accountMark = '[account]';

/**
 * A child or a minor in English, Russian or Kazakh category names (`child_cyberbullying`, `minors`,
 * `несовершеннолетние`, `дети`, `балалар`); not `minority` (ethnic or religious minorities), `детектив` or `баланс`.
 */
const childPattern =
  /child|minor(?!it)|juvenile|teen|ребен|ребён|дет(?:и|ей|ям|ях|ьми|ск)|несовершеннолет|подрост|бала(?!нс)|жасөспірім|кәмелет/iu;

/** Whether the order's regime category or any claimed category mentions a child or a minor. */
/** What a child order's legal basis shows instead of its text. */
export const withheldMark = '[withheld]';

export function concernsChildByDefault(order: Pick<PublishableOrder, 'category' | 'claimedCategories'>): boolean {
  return [order.category, ...order.claimedCategories].some((c) => typeof c === 'string' && childPattern.test(c));
}

function distinctJoined(texts: (string | null | undefined)[]): string | null {
  const seen: string[] = [];
  for (const text of texts) {
    if (typeof text !== 'string' || text.trim() === '') continue;
    if (!seen.includes(text)) seen.push(text);
  }
  return seen.length === 0 ? null : seen.join('\n\n');
}

function itemsInOrder(order: Pick<PublishableOrder, 'items'>): PublishableItem[] {
  return [...order.items].sort((a, b) => a.position - b.position);
}

/** The decisions' distinct public summaries, in item order, joined by a blank line; null when none. */
export function summaryTextOf(order: Pick<PublishableOrder, 'items'>): string | null {
  return distinctJoined(itemsInOrder(order).map((item) => item.decision?.publicSummary));
}

/** The decisions' distinct case studies, in item order, joined by a blank line; null when none. */
export function caseStudyTextOf(order: Pick<PublishableOrder, 'items'>): string | null {
  return distinctJoined(itemsInOrder(order).map((item) => item.decision?.caseStudy));
}

export function targetField(position: number): string {
  return `target:${position}`;
}

/** Every text a reviewer may redact, with its field name (accounts are never shown, so never listed). */
export function redactableTexts(order: PublishableOrder): { field: string; text: string }[] {
  const out: { field: string; text: string }[] = [{ field: 'legalBasis', text: order.legalBasis }];
  const summary = summaryTextOf(order);
  if (summary !== null) out.push({ field: 'summary', text: summary });
  const caseStudy = caseStudyTextOf(order);
  if (caseStudy !== null) out.push({ field: 'caseStudy', text: caseStudy });
  for (const item of itemsInOrder(order)) {
    if (item.targetKind !== 'account') out.push({ field: targetField(item.position), text: item.target });
  }
  return out;
}

/** A URL's parts: `scheme://`, credentials (dropped), host[:port], and the rest (path, query, fragment). */
function urlParts(text: string): { scheme: string; hostStart: number; restStart: number } | null {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)/i.exec(text);
  if (!m) return null;
  const scheme = m[1]!;
  const authority = m[2]!;
  const at = authority.lastIndexOf('@');
  const hostStart = scheme.length + (at >= 0 ? at + 1 : 0);
  return { scheme, hostStart, restStart: scheme.length + authority.length };
}

/**
 * The automatic proposals for every redactable field: detected personal data and every occurrence of
 * the marked names. In URL targets, only the path, query and fragment are searched (names everywhere).
 */
export function proposeRedactions(order: PublishableOrder, markedNames: readonly string[]): StoredRedaction[] {
  const out: StoredRedaction[] = [];
  for (const { field, text } of redactableTexts(order)) {
    const item = field.startsWith('target:') ? order.items.find((i) => targetField(i.position) === field) : undefined;
    const parts = item?.targetKind === 'url' ? urlParts(text) : null;
    let spans = detectPersonalData(text, markedNames);
    if (parts) spans = spans.filter((s) => s.kind === 'name' || s.end > parts.restStart);
    for (const span of spans) out.push({ field, start: span.start, end: span.end, kind: span.kind });
  }
  return out;
}

/** `text` with the field's chosen spans and every marked name redacted. */
function redactField(text: string, field: string, choices: RedactionChoices): string {
  return applyRedactions(text, spansFor(text, field, choices));
}

function spansFor(text: string, field: string, choices: RedactionChoices): { start: number; end: number }[] {
  return [...choices.redactions.filter((r) => r.field === field), ...detectMarkedNames(text, choices.markedNames)];
}

function renderTarget(item: PublishableItem, choices: RedactionChoices): string {
  if (item.targetKind === 'account') return accountMark;
  const field = targetField(item.position);
  const parts = item.targetKind === 'url' ? urlParts(item.target) : null;
  if (!parts) return redactField(item.target, field, choices);
  const spans = spansFor(item.target, field, choices);
  const hostEnd = parts.restStart;
  const touchesHost = spans.some((s) => s.start < hostEnd && s.end > parts.hostStart);
  const host = touchesHost ? redactedMark : item.target.slice(parts.hostStart, hostEnd);
  const rest = item.target.slice(hostEnd);
  const restSpans = spans
    .filter((s) => s.end > hostEnd)
    .map((s) => ({ start: Math.max(0, s.start - hostEnd), end: s.end - hostEnd }));
  return `${parts.scheme}${host}${applyRedactions(rest, mergeRedactions(restSpans.map((s) => ({ ...s, kind: 'manual' as const }))))}`;
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The public record of `order` as the reviewer chose to redact it. Every free text goes through the
 * chosen spans and the marked names; an order that concerns a child (chosen or implied) shows no
 * target, summary or case study.
 */
export function renderPublicRecord(order: PublishableOrder, choices: RedactionChoices, meta: RenderMeta): PublicRecord {
  const concernsChild = choices.concernsChild || concernsChildByDefault(order);
  const items = itemsInOrder(order);
  const summary = summaryTextOf(order);
  const caseStudy = caseStudyTextOf(order);
  const publicItems: PublicItem[] = items.map((item) => ({
    position: item.position,
    targetKind: item.targetKind,
    target: concernsChild ? null : renderTarget(item, choices),
    product: item.product,
    outcome: item.decision?.outcome ?? null,
    reason: item.decision?.reason ?? null,
    scope: item.decision?.scopeCountries ? [...item.decision.scopeCountries] : null,
  }));
  return {
    id: order.reference,
    version: meta.version,
    kind: order.kind,
    authority: { name: order.authority.name, kind: order.authority.kind },
    country: order.authority.country,
    regime: order.regime ? { id: order.regime.id, name: order.regime.name } : null,
    legalBasis: concernsChild ? withheldMark : redactField(order.legalBasis, 'legalBasis', choices),
    receivedOn: isoDate(order.receivedAt),
    decidedOn: isoDate(order.decidedAt),
    period: formatPeriod(periodOf(order.decidedAt)),
    publishedAt: meta.publishedAt.toISOString(),
    language: order.language,
    items: publicItems,
    accounts: order.accounts ? { ...order.accounts } : null,
    summary: concernsChild || summary === null ? null : redactField(summary, 'summary', choices),
    publicInterest: items.some((item) => item.decision?.publicInterest === true),
    caseStudy: concernsChild || caseStudy === null ? null : redactField(caseStudy, 'caseStudy', choices),
    courtChallenge: order.courtChallenge,
    concernsChild,
    correctionNote: meta.correctionNote,
  };
}

/**
 * How to cite a record: `Writ public record WR-000123 (version 2), Ministry of Information (Kazakhstan),
 * received 2026-03-10, decided 2026-03-11. https://site.example/records/WR-000123`.
 */
export function citationOf(record: PublicRecord, siteUrl: string): string {
  const base = siteUrl.replace(/\/+$/, '');
  return (
    `Writ public record ${record.id} (version ${record.version}), ${record.authority.name} (${countryName(record.country)}), ` +
    `received ${record.receivedOn}, decided ${record.decidedOn}. ${base}/records/${encodeURIComponent(record.id)}`
  );
}
