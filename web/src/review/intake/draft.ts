/**
 * The order being recorded, as the form holds it, and what follows from it: the regimes that fit
 * the authority, the categories and deadline rule of the chosen regime, and the body of
 * POST /api/v1/requests, which the API's own schema checks (`intakeSchema`). The draft's fields
 * are named as the body's, so that a problem the schema or the server finds reaches its control.
 */
import { z } from 'zod';
import { isDataRequestKind } from '../../../../src/contracts/data-vocabulary.js';
import { newRequestSchema } from '../../../../src/contracts/requests.js';
import { isWebUrl } from '../../../../src/domain/item-target.js';
import { versionAt } from '../../../../src/domain/regimes/rule-book.js';
import type { DeadlineClock } from '../../../../src/domain/regimes/vocabulary.js';
import type { Channel, RequestKind, TargetKind } from '../../../../src/domain/vocabulary.js';
import type { NewRequest, RegimePack, RegimeSummary } from '../../api.js';
import { adapted } from '../../components/form.js';
import { type DataDraft, dataRequestBody, emptyDataDraft } from './data-draft.js';
import { localToInstant } from './zones.js';

export type ItemDraft = { targetKind: TargetKind; target: string; product: string };

export type Draft = {
  authorityId: string;
  kind: RequestKind;
  channel: Channel;
  /** The wall-clock time of receipt in `authorityTimeZone` (`2026-03-10T23:30`); empty means now. */
  receivedAt: string;
  authorityTimeZone: string;
  authorityReference: string;
  legalBasis: string;
  /** Comma-separated, as typed. */
  claimedCategories: string;
  regime: string;
  category: string;
  /** Hours, as typed; blank when the order sets none. */
  periodSetInOrderHours: string;
  items: ItemDraft[];
  /** What a data order names instead of items (data-draft.ts); sent only for a data kind. */
  dataRequest: DataDraft;
};

export function newItem(from?: Pick<ItemDraft, 'targetKind' | 'product'>, target = ''): ItemDraft {
  return { targetKind: from?.targetKind ?? 'url', target, product: from?.product ?? '' };
}

export function emptyDraft(): Draft {
  return {
    authorityId: '',
    kind: 'content_removal',
    channel: 'email',
    receivedAt: '',
    authorityTimeZone: 'UTC',
    authorityReference: '',
    legalBasis: '',
    claimedCategories: '',
    regime: '',
    category: '',
    periodSetInOrderHours: '',
    items: [newItem()],
    dataRequest: emptyDataDraft(),
  };
}

/** The regimes an authority's order may fall under: its country's own, and union law (the EU's). */
export function regimesFor(country: string | undefined, regimes: readonly RegimeSummary[]) {
  const own = regimes.filter((r) => r.jurisdictionKind === 'country' && r.jurisdiction === country);
  const union = regimes.filter((r) => r.jurisdictionKind === 'union');
  return { own, union };
}

export type CategoryChoice = { category: string; clock: DeadlineClock };

/** A regime's deadline categories for a kind; `general` is the rule for any other category, if any. */
export function categoriesFor(regime: RegimeSummary | undefined, kind: RequestKind) {
  const forKind = regime?.categories.filter((c) => c.kind === kind) ?? [];
  const named: CategoryChoice[] = [];
  for (const c of forKind) if (c.category && !named.some((n) => n.category === c.category)) named.push(c as CategoryChoice);
  const general = forKind.find((c) => c.category === null);
  return { named, general: general ? { clock: general.clock } : null, coversKind: forKind.length > 0 };
}

/** The deadline rule the chosen category falls under, as far as the form needs it. */
export type RuleShape = { clock: DeadlineClock; hours: number | null; orderMayExtend: boolean };

/**
 * The rule for (kind, category): from the full pack at the receipt instant when it is loaded (the
 * summary lacks `hours` and `orderMayExtend`), else from the summary's categories.
 */
export function ruleFor(
  regime: RegimeSummary | undefined,
  pack: RegimePack | null,
  kind: RequestKind,
  category: string,
  at: Date,
): RuleShape | null {
  if (!regime) return null;
  if (pack && pack.id === regime.id) {
    const version = versionAt(pack, at) ?? pack.versions.at(-1);
    const forKind = version?.deadlines.filter((r) => r.kinds.includes(kind)) ?? [];
    const rule = forKind.find((r) => r.categories?.includes(category)) ?? forKind.find((r) => r.categories === undefined);
    if (rule) return { clock: rule.clock, hours: rule.hours ?? null, orderMayExtend: rule.orderMayExtend ?? false };
    if (version) return null;
  }
  const { named, general } = categoriesFor(regime, kind);
  const clock = named.find((c) => c.category === category)?.clock ?? general?.clock;
  return clock ? { clock, hours: null, orderMayExtend: false } : null;
}

/** Whether the form asks for the period the order sets, and whether it must be given. */
export type PeriodNeed = 'required' | 'optional' | null;

export function periodNeed(rule: RuleShape | null): PeriodNeed {
  if (rule?.clock === 'set_in_order') return 'required';
  if (rule?.orderMayExtend) return 'optional';
  return null;
}

/** `child abuse, extremism ,` → `['child abuse', 'extremism']` */
export function splitCategories(text: string): string[] {
  return text
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
}

/**
 * One URL per non-empty line of pasted text, without the ones already listed; lines that are not
 * absolute http(s) URLs are returned apart (numbered from 1), as the API would refuse them.
 */
export function pastedTargets(
  text: string,
  existing: readonly string[],
): { fresh: string[]; repeated: number; notUrls: { line: number; text: string }[] } {
  const seen = new Set(existing.map((t) => t.trim()).filter(Boolean));
  const fresh: string[] = [];
  const notUrls: { line: number; text: string }[] = [];
  let repeated = 0;
  text.split(/\r?\n/).forEach((line, index) => {
    const target = line.trim();
    if (!target) return;
    if (!isWebUrl(target)) notUrls.push({ line: index + 1, text: target });
    else if (seen.has(target)) repeated++;
    else {
      seen.add(target);
      fresh.push(target);
    }
  });
  return { fresh, repeated, notUrls };
}

/** `Line 2 is not an absolute http(s) URL: “not a url”`, for the paste box; null when every line is one. */
export function notUrlsMessage(notUrls: readonly { line: number; text: string }[]): string | null {
  const [first, ...rest] = notUrls;
  if (!first) return null;
  const more = rest.length ? ` (and ${rest.length} more line${rest.length === 1 ? '' : 's'})` : '';
  return `Line ${first.line} is not an absolute http(s) URL: “${first.text}”${more}. Nothing was added; correct or remove it.`;
}

/** The moment of receipt the draft states: its wall-clock time in its zone; null for none (now). */
export const receivedOf = (draft: Pick<Draft, 'receivedAt' | 'authorityTimeZone'>) =>
  draft.receivedAt ? localToInstant(draft.receivedAt, draft.authorityTimeZone) : null;

/**
 * The body of POST /api/v1/requests. Empty texts are kept for the API's schema to name; a
 * category goes only with a regime, a period only when one is typed (the form clears it when the
 * rule asks for none). A data order sends its data part and no items; a removal its items.
 */
export function requestBody(draft: Draft): NewRequest {
  const received = receivedOf(draft);
  const period = draft.periodSetInOrderHours.trim();
  return {
    kind: draft.kind,
    authorityId: draft.authorityId,
    ...(received ? { receivedAt: received.iso } : {}),
    authorityTimeZone: draft.authorityTimeZone,
    legalBasis: draft.legalBasis,
    claimedCategories: splitCategories(draft.claimedCategories),
    channel: draft.channel,
    ...(draft.authorityReference.trim() ? { authorityReference: draft.authorityReference } : {}),
    ...(draft.regime ? { regime: draft.regime } : {}),
    ...(draft.regime && draft.category ? { category: draft.category } : {}),
    ...(period ? { periodSetInOrderHours: Number(period) } : {}),
    ...(isDataRequestKind(draft.kind)
      ? { items: [], dataRequest: dataRequestBody(draft.kind, draft.dataRequest, draft.authorityTimeZone) }
      : { items: draft.items.map(({ targetKind, target, product }) => ({ targetKind, target, product })) }),
  };
}

/** The intake form's schema: the draft, turned into the body, checked by the API's schema. */
export const intakeSchema = adapted(z.custom<Draft>(), requestBody, newRequestSchema);

/** The paste box's schema: every non-empty line an absolute http(s) URL, as the API takes for a url item. */
export const pasteSchema = z.object({
  paste: z.string().superRefine((text, ctx) => {
    const problem = notUrlsMessage(pastedTargets(text, []).notUrls);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
});
