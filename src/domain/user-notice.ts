/**
 * What a notice to an affected user says (issue 12, Santa Clara Principles' notice): what was
 * restricted or disclosed, that a state authority asked for it and which one, the legal basis, the
 * date, and how to appeal. Stored language-neutral (codes and facts, not sentences) so the
 * platform's messaging system words it in the user's language; the mail's plain text is English.
 * Browser-safe: no Node, no SQL.
 */
import { WritError } from './errors.js';

/** Outcomes that restrict an item: only these are noticed to the user. */
export const restrictiveOutcomes = ['removed_legal', 'removed_policy'] as const;
/** Extents of a data disclosure that produced something. */
export const producingExtents = ['all', 'some'] as const;

export type NoticeAuthority = { name: string; country: string; kind: string };

/** The facts of a decided item that a notice is composed from. */
export type ItemNoticeFacts = {
  subject: 'item';
  request: { reference: string; legalBasis: string };
  authority: NoticeAuthority;
  item: { targetKind: string; target: string; product: string };
  decision: { outcome: string; reason: string; scopeCountries: string[] | null; decidedAt: Date } | null;
};

/** The facts of a decided account of a data order. */
export type AccountNoticeFacts = {
  subject: 'account';
  request: { reference: string; legalBasis: string };
  authority: NoticeAuthority;
  account: { identifierKind: string; identifier: string };
  decision: { extent: string; producedCategories: string[]; legalBasis: string; decidedAt: Date } | null;
  /** The end of the order's non-disclosure order, if it has one. */
  nonDisclosureUntil: Date | null;
};

export type NoticeFacts = ItemNoticeFacts | AccountNoticeFacts;

/** The stored content of a notice: facts and codes, worded by whoever delivers it. */
export type NoticeContent = {
  kind: 'content_restricted' | 'data_disclosed';
  /** Always true: a notice is only ever about a state authority's order. */
  requestedByStateAuthority: true;
  authority: NoticeAuthority;
  request: { reference: string };
  restricted: {
    targetKind: string;
    target: string;
    product: string;
    outcome: string;
    /** Null: everywhere; otherwise the ISO countries the restriction applies in. */
    scopeCountries: string[] | null;
  } | null;
  disclosed: { identifierKind: string; identifier: string; extent: string; categories: string[] } | null;
  /** The order's stated legal basis and the decision's own (its reason category or legal basis). */
  legalBasis: { order: string; decision: string };
  decidedAt: string;
  /** The day the notice was composed (UTC, YYYY-MM-DD). */
  date: string;
  /** How to appeal: a link carrying a token is sent with the notice (never stored with it). */
  appeal: { method: 'link' };
};

const refuse = (message: string, field: string) => new WritError('invalid_transition', message, field);

/**
 * Composes the notice for a decided item whose outcome restricts it, or a decided account whose
 * data was produced; anything else is refused (409 `invalid_transition`).
 */
export function composeNotice(facts: NoticeFacts, at: Date): NoticeContent {
  const common = {
    requestedByStateAuthority: true as const,
    authority: facts.authority,
    request: { reference: facts.request.reference },
    date: at.toISOString().slice(0, 10),
    appeal: { method: 'link' as const },
  };
  if (facts.subject === 'item') {
    const d = facts.decision;
    if (!d) throw refuse('the item is not decided yet: a notice follows a decision', 'itemId');
    if (!(restrictiveOutcomes as readonly string[]).includes(d.outcome))
      throw refuse(
        `a notice is sent only for an item that was restricted (removed_legal, removed_policy), not ${d.outcome}`,
        'itemId',
      );
    return {
      ...common,
      kind: 'content_restricted',
      restricted: { ...facts.item, outcome: d.outcome, scopeCountries: d.scopeCountries },
      disclosed: null,
      legalBasis: { order: facts.request.legalBasis, decision: d.reason },
      decidedAt: d.decidedAt.toISOString(),
    };
  }
  const d = facts.decision;
  if (!d) throw refuse('the account is not decided yet: a notice follows a decision', 'accountId');
  if (!(producingExtents as readonly string[]).includes(d.extent))
    throw refuse('a notice is sent only for an account whose data was produced (all or some)', 'accountId');
  return {
    ...common,
    kind: 'data_disclosed',
    restricted: null,
    disclosed: { ...facts.account, extent: d.extent, categories: d.producedCategories },
    legalBasis: { order: facts.request.legalBasis, decision: d.legalBasis },
    decidedAt: d.decidedAt.toISOString(),
  };
}

/**
 * Until when a notice is held: for a data order, its non-disclosure order's end by default, and never
 * earlier; a requested instant otherwise. Null: sent at once.
 */
export function noticeHeldUntil(requested: Date | null, nonDisclosureUntil: Date | null): Date | null {
  if (requested && nonDisclosureUntil && requested < nonDisclosureUntil)
    throw new WritError(
      'validation_failed',
      `the non-disclosure order runs until ${nonDisclosureUntil.toISOString()}: the notice cannot be sent before`,
      'heldUntil',
    );
  return requested ?? nonDisclosureUntil;
}

/** Whether a notice held until `heldUntil` must wait at `now`. */
export const isHeld = (heldUntil: Date | null, now: Date) => heldUntil !== null && heldUntil > now;

const outcomeWords: Record<string, string> = {
  removed_legal: 'restricted in the countries named below under local law',
  removed_policy: 'removed everywhere under our terms',
};

/** The mail's subject and plain text (English, as every server message). */
export function noticeMail(content: NoticeContent, appealUrl: string): { subject: string; body: string } {
  const a = content.authority;
  const lines: string[] = [];
  if (content.restricted) {
    const r = content.restricted;
    lines.push(
      `Your content was ${outcomeWords[r.outcome] ?? r.outcome}.`,
      '',
      `Content: ${r.target} (${r.product})`,
      `Where: ${r.scopeCountries ? r.scopeCountries.join(', ') : 'everywhere'}`,
    );
  } else if (content.disclosed) {
    const d = content.disclosed;
    lines.push(
      'Data about your account was disclosed.',
      '',
      `Account: ${d.identifier}`,
      `Data disclosed: ${d.categories.join(', ').replaceAll('_', ' ')}`,
    );
  }
  lines.push(
    `Asked for by a state authority: ${a.name} (${a.country}, ${a.kind.replaceAll('_', ' ')}), order ${content.request.reference}`,
    `Legal basis: ${content.legalBasis.order}; decided as ${content.legalBasis.decision}`,
    `Date of the decision: ${content.decidedAt.slice(0, 10)}`,
    '',
    'You may appeal this decision; someone other than the person who decided will review your appeal:',
    appealUrl,
  );
  return {
    subject: content.restricted
      ? 'Your content was restricted at a state authority’s request'
      : 'Data about your account was disclosed',
    body: `${lines.join('\n')}\n`,
  };
}

/** The mail that tells the user the outcome of their appeal. */
export function appealOutcomeMail(outcome: 'upheld' | 'reversed', note: string): { subject: string; body: string } {
  const said =
    outcome === 'reversed'
      ? 'Your appeal was accepted: the decision was reversed and the action lifted.'
      : 'Your appeal was reviewed: the decision stands.';
  return { subject: `Your appeal: ${outcome}`, body: `${said}\n\n${note}\n` };
}
