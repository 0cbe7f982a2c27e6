/**
 * The publication workflow as use cases (src/app/publications.ts), without the HTTP app: the checks
 * on a reviewer's choices (spans within their text, none overlapping another of its field, marked
 * names trimmed, of two characters at least, distinct, at most 50), when an order is ready to be
 * approved, what the record is rendered from (the regime's name, the accounts as counts), and the
 * steps: each field of a draft proposes and chooses only its own text's redactions, a running
 * non-disclosure order shows on the draft, approval sets the publication time after the configured
 * delay, saved choices send an approved record back to draft (a published one stays published), only
 * a published record is corrected and only an approved or published one withdrawn, and a withdrawn
 * one is final. The sweep publishes every due record, however many of its batches they take.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideItem } from '../../src/app/decisions.js';
import { orderFromBody, receiveBatch } from '../../src/app/intake.js';
import {
  approvePublication,
  checkChoices,
  correctPublication,
  isReady,
  listPublications,
  MARKED_NAMES_MAX,
  preparePublication,
  publishableOrder,
  publishDue,
  savePublicationChoices,
  withdrawPublication,
} from '../../src/app/publications.js';
import { receiveOrder } from '../../src/app/requests.js';
import { newRequestSchema } from '../../src/contracts/requests.js';
import type { OrderForPublication } from '../../src/db/publications-repository.js';
import { publications } from '../../src/db/schema/index.js';
import type { User } from '../../src/db/users-repository.js';
import { dataRequestBody } from '../support/app.js';
import { createTestWrit, minimalOrderBody, staffMember, type TestWrit, testAuthority } from '../support/writ.js';

const HOUR = 3_600_000;
let clock = new Date('2026-03-12T06:00:00Z');
let t: TestWrit;
let authorityId: string;
let reviewer: User;
let legal: User;
let auditor: User;

beforeAll(async () => {
  t = await createTestWrit({ now: () => clock, env: { WRIT_PUBLISH_DELAY_HOURS: '5' } });
  authorityId = (await testAuthority(t)).id;
  [reviewer, legal, auditor] = await Promise.all([
    staffMember(t.writ, 'reviewer'),
    staffMember(t.writ, 'legal'),
    staffMember(t.writ, 'auditor'),
  ]);
});
afterAll(async () => t?.close());

/** What `f` throws, as code and field; or 'ok'. */
function refusal(f: () => unknown): string {
  try {
    f();
    return 'ok';
  } catch (error) {
    const e = error as { code: string; field?: string };
    return `${e.code} ${e.field ?? ''}`.trim();
  }
}

describe('checkChoices', () => {
  const texts = [
    { field: 'summary', text: 'abcdefghij' },
    { field: 'legalBasis', text: 'Art. 19, para 4' },
  ];
  const span = (field: string, start: number, end: number) => ({ field, start, end, kind: 'name' as const });
  const choose = (...redactions: ReturnType<typeof span>[]) => ({ redactions, markedNames: [], concernsChild: false });

  it('takes a span from the first to the last character of its text', () => {
    expect(refusal(() => checkChoices(texts, choose(span('summary', 0, 10))))).toBe('ok');
    expect(refusal(() => checkChoices(texts, choose(span('summary', 9, 10))))).toBe('ok');
  });

  it('refuses a span of an unknown field, starting outside its text, or ending before its start or past the text', () => {
    const ok = span('summary', 0, 2);
    expect(refusal(() => checkChoices(texts, choose(ok, span('caseStudy', 0, 1))))).toBe('validation_failed redactions/1/field');
    expect(refusal(() => checkChoices(texts, choose(ok, span('summary', -1, 3))))).toBe('validation_failed redactions/1/start');
    expect(refusal(() => checkChoices(texts, choose(span('summary', 10, 11))))).toBe('validation_failed redactions/0/start');
    expect(refusal(() => checkChoices(texts, choose(span('summary', 4, 4))))).toBe('validation_failed redactions/0/end');
    expect(refusal(() => checkChoices(texts, choose(span('summary', 4, 3))))).toBe('validation_failed redactions/0/end');
    expect(refusal(() => checkChoices(texts, choose(span('summary', 4, 11))))).toBe('validation_failed redactions/0/end');
  });

  it('refuses spans of one field that overlap, naming the later one, but not spans that touch or are of two fields', () => {
    expect(refusal(() => checkChoices(texts, choose(span('summary', 5, 8), span('summary', 0, 6))))).toBe(
      'validation_failed redactions/0/start',
    );
    expect(refusal(() => checkChoices(texts, choose(span('summary', 0, 6), span('summary', 2, 3))))).toBe(
      'validation_failed redactions/1/start',
    );
    expect(refusal(() => checkChoices(texts, choose(span('summary', 0, 5), span('summary', 5, 8))))).toBe('ok');
    expect(refusal(() => checkChoices(texts, choose(span('summary', 0, 5), span('legalBasis', 2, 5))))).toBe('ok');
  });

  it('returns the spans ordered by field and start, with only their field, bounds and kind', () => {
    const extra = { ...span('summary', 6, 8), note: 'dropped' };
    const checked = checkChoices(texts, {
      redactions: [extra, span('summary', 0, 3), { ...span('legalBasis', 2, 4), kind: 'email' as never }],
      markedNames: [],
      concernsChild: true,
    });
    expect(checked).toEqual({
      redactions: [
        { field: 'legalBasis', start: 2, end: 4, kind: 'email' },
        { field: 'summary', start: 0, end: 3, kind: 'name' },
        { field: 'summary', start: 6, end: 8, kind: 'name' },
      ],
      markedNames: [],
      concernsChild: true,
    });
  });

  it('trims marked names, keeps each once, and refuses one shorter than two characters', () => {
    const names = (markedNames: string[]) => checkChoices(texts, { redactions: [], markedNames, concernsChild: false });
    expect(names(['  Aigerim Nurlanova ', 'Aigerim Nurlanova', 'Bo']).markedNames).toEqual(['Aigerim Nurlanova', 'Bo']);
    expect(refusal(() => names(['Bo', ' A ']))).toBe('validation_failed markedNames/1');
    expect(refusal(() => names(['   ']))).toBe('validation_failed markedNames/0');
  });

  it(`takes at most ${MARKED_NAMES_MAX} distinct marked names, counted after duplicates are dropped`, () => {
    const distinct = (n: number) => Array.from({ length: n }, (_, i) => `Name ${i}`);
    const names = (markedNames: string[]) => () => checkChoices(texts, { redactions: [], markedNames, concernsChild: false });
    expect(refusal(names(distinct(50)))).toBe('ok');
    expect(refusal(names([...distinct(50), 'Name 0', ' Name 1']))).toBe('ok');
    expect(refusal(names(distinct(51)))).toBe('validation_failed markedNames');
  });
});

/** A decided removal order of one decided item, as the repository reads it. */
function order(change: Partial<OrderForPublication> = {}): OrderForPublication {
  return {
    id: 'b3d1c3e4-0000-4000-8000-000000000001',
    reference: 'WR-000042',
    kind: 'content_removal',
    status: 'decided',
    authority: { name: 'Ministry of Information', kind: 'communications_regulator', country: 'KZ' },
    regimeId: null,
    category: null,
    claimedCategories: [],
    legalBasis: 'Art. 19',
    receivedAt: new Date('2026-03-10T08:00:00Z'),
    decidedAt: new Date('2026-03-11T08:00:00Z'),
    language: 'ru',
    items: [
      {
        position: 1,
        targetKind: 'url',
        target: 'https://video.example/a',
        product: 'Video',
        decision: {
          outcome: 'removed_legal',
          reason: 'Government Criticism',
          scope: ['KZ'],
          publicSummary: 'Restricted in KZ.',
          publicInterest: true,
          caseStudy: 'A case.',
        },
      },
    ],
    accounts: null,
    nonDisclosureUntil: null,
    courtChallenge: false,
    ...change,
  };
}
const undecidedItem = { ...order().items[0]!, position: 2, decision: null };

describe('isReady', () => {
  it('is a decided or closed order with a decision time and every item decided', () => {
    expect(isReady(order())).toBe(true);
    expect(isReady(order({ status: 'closed' }))).toBe(true);
    expect(isReady(order({ status: 'in_review' }))).toBe(false);
    expect(isReady(order({ decidedAt: null }))).toBe(false);
    expect(isReady(order({ items: [] }))).toBe(false);
    expect(isReady(order({ items: [...order().items, undecidedItem] }))).toBe(false);
  });

  it("reads a data order's accounts, not its items: some, every one with its extent decided", () => {
    const data = (accounts: OrderForPublication['accounts']) => order({ kind: 'user_data', items: [undecidedItem], accounts });
    expect(isReady(data([{ position: 1, extent: 'none' }]))).toBe(true);
    expect(isReady(data([]))).toBe(false);
    expect(
      isReady(
        data([
          { position: 1, extent: 'all' },
          { position: 2, extent: null },
        ]),
      ),
    ).toBe(false);
    expect(isReady(order({ kind: 'user_data', accounts: [{ position: 1, extent: null }] }))).toBe(false);
  });
});

describe('publishableOrder', () => {
  it("names the regime by its pack's English name, or by its id when no pack has it", () => {
    const pack = t.writ.rules.find('kz-2022-child-cyberbullying')!;
    expect(publishableOrder(order({ regimeId: pack.id }), t.writ.rules, clock).regime).toEqual({
      id: pack.id,
      name: pack.name.en,
    });
    expect(publishableOrder(order({ regimeId: 'xx-gone' }), t.writ.rules, clock).regime).toEqual({
      id: 'xx-gone',
      name: 'xx-gone',
    });
    expect(publishableOrder(order(), t.writ.rules, clock).regime).toBeNull();
  });

  it('dates the decision by the order, else by the fallback; carries the decisions and the court challenge', () => {
    const rendered = publishableOrder(order({ courtChallenge: true, nonDisclosureUntil: clock }), t.writ.rules, clock);
    expect(rendered.decidedAt).toEqual(new Date('2026-03-11T08:00:00Z'));
    expect(publishableOrder(order({ decidedAt: null }), t.writ.rules, clock).decidedAt).toBe(clock);
    expect(rendered).toMatchObject({ courtChallenge: true, nonDisclosureUntil: clock, accounts: null, reference: 'WR-000042' });
    expect(rendered.items).toEqual([
      {
        position: 1,
        targetKind: 'url',
        target: 'https://video.example/a',
        product: 'Video',
        decision: {
          outcome: 'removed_legal',
          reason: 'Government Criticism',
          scopeCountries: ['KZ'],
          publicSummary: 'Restricted in KZ.',
          publicInterest: true,
          caseStudy: 'A case.',
        },
      },
    ]);
    expect(publishableOrder(order({ items: [undecidedItem] }), t.writ.rules, clock).items[0]!.decision).toBeNull();
  });

  it("counts a data order's accounts: requested, all produced, some, none (undecided only requested)", () => {
    const accounts = (['all', 'all', 'some', 'none', null] as const).map((extent, i) => ({ position: i + 1, extent }));
    expect(publishableOrder(order({ kind: 'user_data', accounts }), t.writ.rules, clock).accounts).toEqual({
      requested: 5,
      disclosed: 2,
      partly: 1,
      refused: 1,
    });
  });
});

/** A removal order received now; its one item decided unless `decide` is false; `texts` replace its legal basis or public summary. */
async function removalOrder(
  decide = true,
  claimedCategories: string[] = [],
  texts: { legalBasis?: string; publicSummary?: string } = {},
) {
  const body = newRequestSchema.parse({
    kind: 'content_removal',
    authorityId,
    authorityTimeZone: 'Asia/Almaty',
    legalBasis: texts.legalBasis ?? 'Law on Online Platforms, Art. 19; complaint of Aigerim Nurlanova',
    claimedCategories,
    channel: 'portal',
    items: [{ targetKind: 'url', target: 'https://video.example/watch/a', product: 'Video' }],
  });
  const { request } = await receiveOrder(t.writ, orderFromBody(body), reviewer);
  if (decide)
    await decideItem(
      t.writ,
      { requestId: request.id, itemId: request.items[0]!.id },
      {
        outcome: 'no_action',
        reason: 'Government Criticism',
        scopeCountries: null,
        rationale: 'Political speech',
        publicSummary: texts.publicSummary ?? 'Criticism of an official; no action taken.',
      },
      reviewer,
    );
  return request;
}

describe('the publication steps', () => {
  it('drafts a decided order: ready, version 0, previewed as version 1, the child flag as its categories suggest', async () => {
    const o = await removalOrder(true, ['cyberbullying of a child']);
    const draft = await preparePublication(t.writ, reviewer, o.id);
    expect(draft).toMatchObject({
      requestId: o.id,
      publicId: o.reference,
      status: 'draft',
      ready: true,
      version: 0,
      concernsChild: true,
      concernsChildByDefault: true,
      markedNames: [],
      approvedAt: null,
      publishAfter: null,
      nonDisclosureUntil: null,
    });
    expect(draft.preview).toMatchObject({ id: o.reference, version: 1, concernsChild: true });
    expect((await preparePublication(t.writ, reviewer, (await removalOrder(true)).id)).concernsChild).toBe(false);
    for (const field of draft.fields) expect(field.chosen).toEqual(field.proposed);
    await expect(preparePublication(t.writ, auditor, o.id)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it("proposes and chooses for each field only the redactions of that field's own text", async () => {
    const o = await removalOrder(true, [], {
      legalBasis: 'Complaint of a.nurlanova@mail.example under Art. 19',
      publicSummary: 'Reported by ivan.petrov@mail.example; no action taken.',
    });
    const draft = await preparePublication(t.writ, reviewer, o.id);
    const cut = (spans: { start: number; end: number }[], text: string) => spans.map((r) => text.slice(r.start, r.end));
    expect(
      Object.fromEntries(
        draft.fields.map((f) => [f.field, { proposed: cut(f.proposed, f.text), chosen: cut(f.chosen, f.text) }]),
      ),
    ).toEqual({
      legalBasis: { proposed: ['a.nurlanova@mail.example'], chosen: ['a.nurlanova@mail.example'] },
      summary: { proposed: ['ivan.petrov@mail.example'], chosen: ['ivan.petrov@mail.example'] },
      'target:0': { proposed: [], chosen: [] },
    });
    for (const f of draft.fields) expect([...f.proposed, ...f.chosen].every((r) => r.field === f.field)).toBe(true);
  });

  it('approves only a ready draft, to be published the configured delay after approval', async () => {
    const undecided = await removalOrder(false);
    expect((await preparePublication(t.writ, reviewer, undecided.id)).ready).toBe(false);
    await expect(approvePublication(t.writ, reviewer, undecided.id)).rejects.toMatchObject({ code: 'publication_not_ready' });
    const o = await removalOrder();
    const approved = await approvePublication(t.writ, legal, o.id);
    expect(approved).toMatchObject({ status: 'approved', approvedAt: clock, publishAfter: new Date(clock.getTime() + 5 * HOUR) });
    expect(approved.preview.publishedAt).toBe(new Date(clock.getTime() + 5 * HOUR).toISOString());
    await expect(approvePublication(t.writ, legal, o.id)).rejects.toMatchObject({ code: 'invalid_transition' });
  });

  it('sends an approved record back to draft when its choices are saved, with the choices checked and stored', async () => {
    const o = await removalOrder();
    await approvePublication(t.writ, legal, o.id);
    const saved = await savePublicationChoices(t.writ, reviewer, o.id, {
      redactions: [],
      markedNames: [' Aigerim Nurlanova '],
      concernsChild: false,
    });
    expect(saved).toMatchObject({ status: 'draft', markedNames: ['Aigerim Nurlanova'] });
    expect(JSON.stringify(saved.preview)).not.toContain('Nurlanova');
    await expect(
      savePublicationChoices(t.writ, reviewer, o.id, {
        redactions: [{ field: 'legalBasis', start: 0, end: 999, kind: 'name' }],
        markedNames: [],
        concernsChild: false,
      }),
    ).rejects.toMatchObject({ code: 'validation_failed', field: 'redactions/0/end' });
  });

  it('corrects only a published record, withdraws only an approved or published one, and a withdrawn one is final', async () => {
    const draft = await removalOrder();
    await preparePublication(t.writ, reviewer, draft.id);
    await expect(correctPublication(t.writ, legal, draft.id, { note: 'fix' })).rejects.toMatchObject({
      code: 'invalid_transition',
    });
    await expect(withdrawPublication(t.writ, legal, draft.id, { reason: 'no' })).rejects.toMatchObject({
      code: 'invalid_transition',
    });

    const approved = await removalOrder();
    await approvePublication(t.writ, legal, approved.id);
    await expect(correctPublication(t.writ, legal, approved.id, { note: 'fix' })).rejects.toMatchObject({
      code: 'invalid_transition',
    });
    await expect(withdrawPublication(t.writ, reviewer, approved.id, { reason: 'no' })).rejects.toMatchObject({
      code: 'forbidden',
    });
    expect(await withdrawPublication(t.writ, legal, approved.id, { reason: 'Court order' })).toMatchObject({
      status: 'withdrawn',
      withdrawalReason: 'Court order',
    });
    await expect(
      savePublicationChoices(t.writ, reviewer, approved.id, { redactions: [], markedNames: [], concernsChild: false }),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
    await expect(approvePublication(t.writ, legal, approved.id)).rejects.toMatchObject({
      code: 'invalid_transition',
      message: 'this publication was withdrawn; it cannot be approved again',
    });
  });

  it('publishes what is due, corrects it as the next version, and lists by status', async () => {
    const o = await removalOrder();
    await approvePublication(t.writ, legal, o.id);
    clock = new Date(clock.getTime() + 6 * HOUR);
    expect(await publishDue(t.writ)).toBeGreaterThanOrEqual(1);
    const published = await preparePublication(t.writ, reviewer, o.id);
    expect(published).toMatchObject({ status: 'published', version: 1 });
    expect(published.preview.version).toBe(2);
    const corrected = await correctPublication(t.writ, legal, o.id, { note: 'Summary corrected' });
    expect(corrected).toMatchObject({ status: 'published', version: 2, correctionNote: 'Summary corrected' });
    expect(corrected.preview.version).toBe(3);
    expect(await publishDue(t.writ)).toBe(0);
    const list = await listPublications(t.writ, reviewer, { status: 'published' });
    expect(list.map((p) => p.requestId)).toContain(o.id);
    expect(list.every((p) => p.status === 'published')).toBe(true);
    expect((await listPublications(t.writ, reviewer, { status: 'withdrawn' })).map((p) => p.requestId)).not.toContain(o.id);
  });

  it("shows a data order's non-disclosure order on its draft while it runs, and no longer once it has ended", async () => {
    const until = new Date(clock.getTime() + HOUR);
    const body = newRequestSchema.parse(
      dataRequestBody(authorityId, { dataRequest: { nonDisclosureUntil: until.toISOString() } }),
    );
    const { request } = await receiveOrder(t.writ, orderFromBody(body), reviewer);
    const heldUntil = async () => (await preparePublication(t.writ, reviewer, request.id)).nonDisclosureUntil;
    expect(await heldUntil()).toEqual(until);
    const started = clock;
    try {
      clock = until;
      expect(await heldUntil()).toBeNull();
      clock = new Date(until.getTime() + HOUR);
      expect(await heldUntil()).toBeNull();
    } finally {
      clock = started;
    }
  });

  it('keeps a published record published when its choices are saved; its withdrawal is its last version', async () => {
    const o = await removalOrder();
    await approvePublication(t.writ, legal, o.id);
    clock = new Date(clock.getTime() + 6 * HOUR);
    await publishDue(t.writ);
    const saved = await savePublicationChoices(t.writ, reviewer, o.id, { redactions: [], markedNames: [], concernsChild: false });
    expect(saved).toMatchObject({ status: 'published', version: 1 });
    expect(saved.preview.version).toBe(2);
    const withdrawn = await withdrawPublication(t.writ, legal, o.id, { reason: 'Published by mistake' });
    // The tombstone is version 2, and nothing comes after it: the preview is of that version, not a next one.
    expect(withdrawn).toMatchObject({ status: 'withdrawn', version: 2, withdrawalReason: 'Published by mistake' });
    expect(withdrawn.preview.version).toBe(2);
  });
});

describe('publishDue', () => {
  it('publishes every due record, in as many batches as it takes (two full ones and the rest)', async () => {
    // Five due records and batches of two: a sweep that stopped after its first batch, or after any
    // full one, would leave some approved. Received in one intake batch, then written approved and due
    // (the sweep reads only the status and the time).
    const order = orderFromBody(minimalOrderBody(authorityId));
    const { requests } = await receiveBatch(
      t.writ,
      { batchKey: 'publish-due-batches', orders: Array.from({ length: 5 }, () => order) },
      reviewer,
    );
    await t.database.db
      .insert(publications)
      .values(
        requests.map((r) => ({ requestId: r.id, publicId: r.reference, status: 'approved' as const, publishAfter: clock })),
      );
    expect(await publishDue(t.writ, 2)).toBeGreaterThanOrEqual(5);
    const ours = new Set(requests.map((r) => r.id));
    const published = await listPublications(t.writ, reviewer, { status: 'published' });
    expect(published.filter((p) => ours.has(p.requestId))).toHaveLength(5);
  });
});
