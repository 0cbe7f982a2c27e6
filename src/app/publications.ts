/**
 * The publication workflow (issue 13): a reviewer prepares a decided order's public record (the
 * proposed redactions are chosen, others added, names marked, a child flagged), approves it, and the
 * sweep publishes it once the configured delay has passed and no non-disclosure order runs; a
 * published record is corrected (a new version with a note) or withdrawn (a tombstone with a public
 * reason). Rendering is the domain's (src/domain/public-record-render.ts); the repository stores
 * each step in one transaction under the order's lock, with its history event and log leaf.
 */
import type {
  OrderForPublication,
  PublicationChoices,
  PublicationListEntry,
  Render,
  StoredPublication,
} from '../db/publications-repository.js';
import { WritError } from '../domain/errors.js';
import { authorize, type StaffRole } from '../domain/permissions.js';
import type { PublicAccounts, PublicRecord } from '../domain/public-record.js';
import {
  concernsChildByDefault,
  type PublishableOrder,
  proposeRedactions,
  redactableTexts,
  renderPublicRecord,
  type StoredRedaction,
} from '../domain/public-record-render.js';
import type { PublicationStatus } from '../domain/publishing-vocabulary.js';
import type { RuleBook } from '../domain/regimes/rule-book.js';
import type { Writ } from './context.js';

export type { PublicationListEntry, StoredPublication };

type Ports = Pick<Writ, 'publications' | 'now' | 'config' | 'rules'>;
type Staff = { id: string; role: StaffRole };

/** How many publications one sweep's transaction publishes. */
export const PUBLISH_BATCH = 50;
export const MARKED_NAMES_MAX = 50;

/** One redactable field of the record: its original text, what Writ proposes and what the reviewer chose. */
export type PublicationField = { field: string; text: string; proposed: StoredRedaction[]; chosen: StoredRedaction[] };

export type PublicationDraft = {
  requestId: string;
  publicId: string;
  status: PublicationStatus;
  /** Whether the order is decided (every item or account): only then may it be approved. */
  ready: boolean;
  fields: PublicationField[];
  markedNames: string[];
  concernsChild: boolean;
  /** The order's category implies a child: the record withholds its texts whatever the switch says. */
  concernsChildByDefault: boolean;
  approvedAt: Date | null;
  publishAfter: Date | null;
  publishedAt: Date | null;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  correctionNote: string | null;
  /** The public record's current version (0: not published). */
  version: number;
  /** A running non-disclosure order holds publication until then. */
  nonDisclosureUntil: Date | null;
  /** The record as the current choices render it (the next version, once published). */
  preview: PublicRecord;
};

const decidedStatuses = new Set(['decided', 'closed']);

/** Accounts as counts: all produced, some, none; undecided accounts are only requested. */
function accountCounts(accounts: OrderForPublication['accounts']): PublicAccounts | null {
  if (!accounts) return null;
  return {
    requested: accounts.length,
    disclosed: accounts.filter((a) => a.extent === 'all').length,
    partly: accounts.filter((a) => a.extent === 'some').length,
    refused: accounts.filter((a) => a.extent === 'none').length,
  };
}

/** The order as the domain renders it; the regime's name is the rule pack's (English). */
export function publishableOrder(order: OrderForPublication, rules: RuleBook, fallbackDecidedAt: Date): PublishableOrder {
  const pack = order.regimeId ? rules.find(order.regimeId) : undefined;
  return {
    reference: order.reference,
    kind: order.kind,
    authority: order.authority,
    regime: order.regimeId ? { id: order.regimeId, name: pack?.name.en ?? order.regimeId } : null,
    legalBasis: order.legalBasis,
    receivedAt: order.receivedAt,
    decidedAt: order.decidedAt ?? fallbackDecidedAt,
    language: order.language,
    category: order.category,
    claimedCategories: order.claimedCategories,
    items: order.items.map((item) => ({
      position: item.position,
      targetKind: item.targetKind,
      target: item.target,
      product: item.product,
      decision: item.decision
        ? {
            outcome: item.decision.outcome,
            reason: item.decision.reason,
            scopeCountries: item.decision.scope,
            publicSummary: item.decision.publicSummary,
            publicInterest: item.decision.publicInterest,
            caseStudy: item.decision.caseStudy,
          }
        : null,
    })),
    accounts: accountCounts(order.accounts),
    courtChallenge: order.courtChallenge,
    nonDisclosureUntil: order.nonDisclosureUntil,
  };
}

function renderer(rules: RuleBook): Render {
  return (order, publication, meta) =>
    renderPublicRecord(publishableOrder(order, rules, meta.publishedAt), choicesOf(publication), meta);
}

function choicesOf(p: StoredPublication): PublicationChoices {
  return { redactions: p.redactions, markedNames: p.markedNames, concernsChild: p.concernsChild };
}

/** Whether every item (or account) of a decided order is decided. */
export function isReady(order: OrderForPublication): boolean {
  if (!decidedStatuses.has(order.status) || order.decidedAt === null) return false;
  if (order.accounts) return order.accounts.length > 0 && order.accounts.every((a) => a.extent !== null);
  return order.items.length > 0 && order.items.every((i) => i.decision !== null);
}

function draftOf(writ: Pick<Writ, 'now' | 'rules'>, order: OrderForPublication, p: StoredPublication): PublicationDraft {
  const now = writ.now();
  const publishable = publishableOrder(order, writ.rules, now);
  const proposed = proposeRedactions(publishable, p.markedNames);
  return {
    requestId: order.id,
    publicId: p.publicId,
    status: p.status,
    ready: isReady(order),
    fields: redactableTexts(publishable).map(({ field, text }) => ({
      field,
      text,
      proposed: proposed.filter((r) => r.field === field),
      chosen: p.redactions.filter((r) => r.field === field),
    })),
    markedNames: p.markedNames,
    concernsChild: p.concernsChild,
    concernsChildByDefault: concernsChildByDefault(publishable),
    approvedAt: p.approvedAt,
    publishAfter: p.publishAfter,
    publishedAt: p.publishedAt,
    withdrawnAt: p.withdrawnAt,
    withdrawalReason: p.withdrawalReason,
    correctionNote: p.correctionNote,
    version: p.version,
    nonDisclosureUntil: order.nonDisclosureUntil && order.nonDisclosureUntil > now ? order.nonDisclosureUntil : null,
    preview: renderPublicRecord(publishable, choicesOf(p), {
      version: p.status === 'published' ? p.version + 1 : Math.max(p.version, 1),
      publishedAt: p.publishedAt ?? p.publishAfter ?? now,
      correctionNote: p.correctionNote,
    }),
  };
}

/** A new draft's choices: every proposed redaction, no marked name, the child flag as the order suggests. */
function initialChoices(writ: Ports) {
  return (order: OrderForPublication): PublicationChoices => {
    const publishable = publishableOrder(order, writ.rules, writ.now());
    return {
      redactions: proposeRedactions(publishable, []),
      markedNames: [],
      concernsChild: concernsChildByDefault(publishable),
    };
  };
}

async function ensure(writ: Ports, actor: Staff, requestId: string) {
  return writ.publications.findOrCreate(requestId, actor.id, initialChoices(writ));
}

/** The order's publication (a draft is made on first read, with every proposed redaction chosen). */
export async function preparePublication(writ: Ports, actor: Staff, requestId: string): Promise<PublicationDraft> {
  authorize(actor, 'publications.prepare');
  const { order, publication } = await ensure(writ, actor, requestId);
  return draftOf(writ, order, publication);
}

/**
 * Checks chosen spans against the texts they cut: a known field, 0 ≤ start < end ≤ its length, no
 * two spans of a field overlapping. Marked names are trimmed, non-empty, distinct.
 */
export function checkChoices(texts: { field: string; text: string }[], choices: PublicationChoices): PublicationChoices {
  const byField = new Map(texts.map((t) => [t.field, t.text]));
  choices.redactions.forEach((r, i) => {
    const text = byField.get(r.field);
    if (text === undefined)
      throw new WritError(
        'validation_failed',
        `no redactable field ${JSON.stringify(r.field)} in this order (fields: ${[...byField.keys()].join(', ')})`,
        `redactions/${i}/field`,
      );
    if (r.start < 0 || r.start >= text.length)
      throw new WritError(
        'validation_failed',
        `start must be within the text (0 to ${text.length - 1})`,
        `redactions/${i}/start`,
      );
    if (r.end <= r.start || r.end > text.length)
      throw new WritError(
        'validation_failed',
        `end must be after start and at most the text's length, ${text.length}`,
        `redactions/${i}/end`,
      );
  });
  const sorted = choices.redactions
    .map((r, i) => ({ r, i }))
    .sort((a, b) => a.r.field.localeCompare(b.r.field) || a.r.start - b.r.start);
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1]!;
    const cur = sorted[k]!;
    if (prev.r.field === cur.r.field && cur.r.start < prev.r.end)
      throw new WritError('validation_failed', `overlaps redaction ${prev.i} of the same field`, `redactions/${cur.i}/start`);
  }
  const markedNames: string[] = [];
  choices.markedNames.forEach((name, i) => {
    const trimmed = name.trim();
    if (trimmed.length < 2)
      throw new WritError('validation_failed', 'a marked name must have at least 2 characters', `markedNames/${i}`);
    if (!markedNames.includes(trimmed)) markedNames.push(trimmed);
  });
  if (markedNames.length > MARKED_NAMES_MAX)
    throw new WritError('validation_failed', `at most ${MARKED_NAMES_MAX} marked names`, 'markedNames');
  const redactions = [...sorted.map(({ r }) => ({ field: r.field, start: r.start, end: r.end, kind: r.kind }))];
  return { redactions, markedNames, concernsChild: choices.concernsChild };
}

/**
 * Saves the reviewer's choices. An approved publication goes back to draft (what is approved is what
 * is published); a published one keeps its record until it is corrected; a withdrawn one is final.
 */
export async function savePublicationChoices(
  writ: Ports,
  actor: Staff,
  requestId: string,
  choices: PublicationChoices,
): Promise<PublicationDraft> {
  authorize(actor, 'publications.prepare');
  await writ.publications.saveChoices(requestId, { userId: actor.id, initial: initialChoices(writ) }, (order, publication) => {
    if (publication.status === 'withdrawn')
      throw new WritError('invalid_transition', 'this publication was withdrawn; its choices no longer change');
    const texts = redactableTexts(publishableOrder(order, writ.rules, writ.now()));
    return {
      choices: checkChoices(texts, choices),
      status: publication.status === 'approved' ? 'draft' : publication.status,
    };
  });
  const { order, publication } = await ensure(writ, actor, requestId);
  return draftOf(writ, order, publication);
}

/** Approves a decided order's draft: it is published at the first sweep after approval + the configured delay. */
export async function approvePublication(writ: Ports, actor: Staff, requestId: string): Promise<PublicationDraft> {
  authorize(actor, 'publications.approve');
  await ensure(writ, actor, requestId);
  await writ.publications.approve(requestId, actor.id, (order, publication, at) => {
    if (publication.status === 'withdrawn')
      throw new WritError('invalid_transition', 'this publication was withdrawn; it cannot be approved again');
    if (publication.status !== 'draft')
      throw new WritError('invalid_transition', `this publication is already ${publication.status}`);
    if (!isReady(order))
      throw new WritError(
        'publication_not_ready',
        'only a decided order, every item (or account) of it decided, can be approved for publication',
      );
    return { publishAfter: new Date(at.getTime() + writ.config.publishing.delayHours * 3_600_000) };
  });
  const { order, publication } = await ensure(writ, actor, requestId);
  return draftOf(writ, order, publication);
}

/**
 * Publishes every approved record that is due and not gagged, `batch` records per transaction;
 * returns how many. The batch is the sweep's (PUBLISH_BATCH) but for tests of the batching itself.
 */
export async function publishDue(writ: Pick<Writ, 'publications' | 'rules'>, batch = PUBLISH_BATCH): Promise<number> {
  const render = renderer(writ.rules);
  let total = 0;
  for (;;) {
    const n = await writ.publications.publishDue(batch, render);
    total += n;
    if (n < batch) return total;
  }
}

/** Publishes the next version of a published record from its current choices, with a public note. */
export async function correctPublication(
  writ: Ports,
  actor: Staff,
  requestId: string,
  input: { note: string },
): Promise<PublicationDraft> {
  authorize(actor, 'publications.approve');
  await writ.publications.correct(
    requestId,
    actor.id,
    input.note,
    (_order, publication) => {
      if (publication.status !== 'published')
        throw new WritError('invalid_transition', `only a published record can be corrected (this one is ${publication.status})`);
    },
    renderer(writ.rules),
  );
  const { order, publication } = await ensure(writ, actor, requestId);
  return draftOf(writ, order, publication);
}

/** Withdraws a published (or approved, not yet published) record with a public reason; its URL keeps a tombstone. */
export async function withdrawPublication(
  writ: Ports,
  actor: Staff,
  requestId: string,
  input: { reason: string },
): Promise<PublicationDraft> {
  authorize(actor, 'publications.withdraw');
  await writ.publications.withdraw(requestId, actor.id, input.reason, (_order, publication) => {
    if (publication.status !== 'published' && publication.status !== 'approved')
      throw new WritError(
        'invalid_transition',
        `only an approved or published record can be withdrawn (this one is ${publication.status})`,
      );
  });
  const { order, publication } = await ensure(writ, actor, requestId);
  return draftOf(writ, order, publication);
}

/** The publications, most recently changed first, optionally of one status. */
export async function listPublications(
  writ: Pick<Writ, 'publications'>,
  actor: Staff,
  filter: { status: PublicationStatus | null },
): Promise<PublicationListEntry[]> {
  authorize(actor, 'publications.prepare');
  return writ.publications.list({ status: filter.status, limit: 500 });
}
