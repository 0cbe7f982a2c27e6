/**
 * Pushback against an order: contests, court challenges, the authority's answers (issue 12). Each
 * write is one transaction under the request's row lock: the pushback row (or answer), its history
 * event (`pushback_filed`, `pushback_outcome_recorded`, `pushback_answer_recorded`,
 * `pushback_answered`), and for an order that came through the channel the agency's mail and its
 * `order.pushback` webhook event, as for a decision. What may be written is the use case's plan (the
 * domain's rules, src/domain/pushback.ts), run on the locked state; this file only stores it.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Clock } from '../app/context.js';
import { notFound } from '../domain/errors.js';
import type { NewPushback, OutcomeChange } from '../domain/pushback.js';
import type { PushbackKind, PushbackOutcome } from '../domain/review-vocabulary.js';
import type { RequestStatus } from '../domain/vocabulary.js';
import { enqueueAgencyEvent } from './agency-events.js';
import type { Db } from './connection.js';
import { enqueueMail } from './outbox-repository.js';
import type { Tx } from './request-rows.js';
import { agencies, channelOrders, events, officers, pushbackAnswers, pushbacks, requests, users } from './schema/index.js';

/** An order as pushback reads it: its status, and the agency behind it when it came through the channel. */
export type PushbackOrder = {
  id: string;
  reference: string;
  authorityReference: string | null;
  status: RequestStatus;
  /** The agency that sent it through the channel, and where its mail goes; null for an order recorded by staff. */
  agency: { id: string; mailTo: string | null } | null;
};

export type StoredPushbackAnswer = {
  id: string;
  body: string;
  /** When the authority answered (for a letter: when it was received). */
  at: Date;
  /** portal: an officer wrote it; api: the agency's system with an API key; letter: staff recorded it. */
  channel: 'portal' | 'api' | 'letter';
  officer: { id: string; name: string } | null;
  recordedBy: { id: string; name: string } | null;
};

export type StoredPushback = {
  id: string;
  kind: PushbackKind;
  argument: string;
  court: string | null;
  caseNumber: string | null;
  filedAt: Date;
  outcome: PushbackOutcome;
  outcomeNote: string | null;
  outcomeAt: Date | null;
  createdBy: { id: string; name: string };
  createdAt: Date;
  answers: StoredPushbackAnswer[];
};

export type OrderPushbacks = { order: PushbackOrder; pushbacks: StoredPushback[] };

/** Who writes an answer: staff from a letter, or the agency (an officer, or its system with an API key). */
export type AnswerAuthor =
  | { kind: 'user'; id: string; receivedAt: Date }
  | { kind: 'agency'; agencyId: string; officerId: string | null };

async function readOrder(runner: Db | Tx, requestId: string, agencyId: string | null, lock: boolean): Promise<PushbackOrder> {
  const query = runner
    .select({
      id: requests.id,
      reference: requests.reference,
      authorityReference: requests.authorityReference,
      status: requests.status,
      agencyId: channelOrders.agencyId,
      officerEmail: officers.email,
      contactEmail: agencies.contactEmail,
    })
    .from(requests)
    .leftJoin(channelOrders, eq(channelOrders.requestId, requests.id))
    .leftJoin(agencies, eq(agencies.id, channelOrders.agencyId))
    .leftJoin(officers, eq(officers.id, channelOrders.submittedByOfficerId))
    .where(eq(requests.id, requestId));
  const [row] = lock ? await query.for('update', { of: requests }) : await query;
  // Another agency's order is answered exactly as one that does not exist.
  if (!row || (agencyId !== null && row.agencyId !== agencyId)) throw notFound('order', requestId);
  return {
    id: row.id,
    reference: row.reference,
    authorityReference: row.authorityReference,
    status: row.status,
    agency: row.agencyId ? { id: row.agencyId, mailTo: row.officerEmail ?? row.contactEmail ?? null } : null,
  };
}

const creator = alias(users, 'pushback_creator');
const recorder = alias(users, 'pushback_recorder');

async function readPushbacks(db: Db, requestId: string): Promise<StoredPushback[]> {
  const rows = await db
    .select({ p: pushbacks, creatorName: creator.name })
    .from(pushbacks)
    .innerJoin(creator, eq(creator.id, pushbacks.createdBy))
    .where(eq(pushbacks.requestId, requestId))
    .orderBy(asc(pushbacks.filedAt), asc(pushbacks.createdAt));
  if (rows.length === 0) return [];
  const answers = await db
    .select({ a: pushbackAnswers, officerName: officers.name, recorderName: recorder.name })
    .from(pushbackAnswers)
    .leftJoin(officers, eq(officers.id, pushbackAnswers.officerId))
    .leftJoin(recorder, eq(recorder.id, pushbackAnswers.recordedBy))
    .where(
      inArray(
        pushbackAnswers.pushbackId,
        rows.map((r) => r.p.id),
      ),
    )
    .orderBy(asc(pushbackAnswers.at), asc(pushbackAnswers.id));
  return rows.map(({ p, creatorName }) => ({
    id: p.id,
    kind: p.kind,
    argument: p.argument,
    court: p.court,
    caseNumber: p.caseNumber,
    filedAt: p.filedAt,
    outcome: p.outcome,
    outcomeNote: p.outcomeNote,
    outcomeAt: p.outcomeAt,
    createdBy: { id: p.createdBy, name: creatorName },
    createdAt: p.createdAt,
    answers: answers
      .filter(({ a }) => a.pushbackId === p.id)
      .map(({ a, officerName, recorderName }) => ({
        id: a.id,
        body: a.body,
        at: a.at,
        channel: a.recordedBy ? 'letter' : a.officerId ? 'portal' : 'api',
        officer: a.officerId ? { id: a.officerId, name: officerName ?? '' } : null,
        recordedBy: a.recordedBy ? { id: a.recordedBy, name: recorderName ?? '' } : null,
      })),
  }));
}

const kindWords: Record<PushbackKind, string> = {
  contest: 'The platform contests your order.',
  court_challenge: 'The platform has challenged your order in court.',
};

/** The agency of a channel order hears of a pushback or its outcome like a decision: a mail and `order.pushback`. */
async function noticeAgency(
  tx: Tx,
  order: PushbackOrder,
  pushback: Pick<StoredPushback, 'id' | 'kind' | 'argument' | 'court' | 'caseNumber' | 'filedAt' | 'outcome' | 'outcomeNote'>,
  change: 'filed' | 'outcome_recorded' | 'outcome_corrected',
): Promise<void> {
  if (!order.agency) return;
  const refs = [
    `Writ reference: ${order.reference}`,
    ...(order.authorityReference ? [`Your reference: ${order.authorityReference}`] : []),
  ];
  const court = pushback.court ? [`Court: ${pushback.court}`, `Case number: ${pushback.caseNumber ?? ''}`] : [];
  const body =
    change === 'filed'
      ? [
          kindWords[pushback.kind],
          '',
          ...refs,
          ...court,
          '',
          'The legal argument:',
          '',
          pushback.argument,
          '',
          'You can answer in the authority portal.',
        ]
      : [
          change === 'outcome_corrected'
            ? 'The recorded outcome of the platform’s pushback on your order has been corrected.'
            : 'The outcome of the platform’s pushback on your order has been recorded.',
          '',
          ...refs,
          ...court,
          `Outcome: ${pushback.outcome}`,
          ...(pushback.outcomeNote ? [`Note: ${pushback.outcomeNote}`] : []),
        ];
  if (order.agency.mailTo) {
    await enqueueMail(tx, {
      kind: 'pushback',
      to: order.agency.mailTo,
      subject:
        change === 'filed'
          ? `${pushback.kind === 'court_challenge' ? 'Court challenge of' : 'Contest of'} ${order.reference}`
          : `Pushback on ${order.reference}: outcome ${pushback.outcome}`,
      body: body.join('\n'),
      agencyId: order.agency.id,
      requestId: order.id,
    });
  }
  await enqueueAgencyEvent(tx, {
    agencyId: order.agency.id,
    requestId: order.id,
    eventType: 'order.pushback',
    payload: {
      orderId: order.id,
      reference: order.reference,
      change,
      pushbackId: pushback.id,
      kind: pushback.kind,
      court: pushback.court,
      caseNumber: pushback.caseNumber,
      filedAt: pushback.filedAt.toISOString(),
      outcome: pushback.outcome,
    },
  });
}

async function lockPushback(tx: Tx, requestId: string, pushbackId: string) {
  const [row] = await tx
    .select()
    .from(pushbacks)
    .where(and(eq(pushbacks.id, pushbackId), eq(pushbacks.requestId, requestId)))
    .for('update');
  if (!row) throw notFound('pushback', pushbackId);
  return row;
}

export function pushbacksRepository(db: Db, now: Clock) {
  async function list(requestId: string, agencyId: string | null): Promise<OrderPushbacks> {
    const order = await readOrder(db, requestId, agencyId, false);
    return { order, pushbacks: await readPushbacks(db, requestId) };
  }

  return {
    /** The order's pushbacks, oldest first, each with its answers; `agencyId` limits it to that agency's orders (404 otherwise). */
    list,

    /** Files a contest or court challenge, as `plan` (run on the locked order) says. */
    async file(
      requestId: string,
      userId: string,
      plan: (order: PushbackOrder, at: Date) => NewPushback,
    ): Promise<{ id: string }> {
      return db.transaction(async (tx) => {
        const order = await readOrder(tx, requestId, null, true);
        const at = now();
        const p = plan(order, at);
        const [row] = await tx
          .insert(pushbacks)
          .values({ requestId, ...p, createdBy: userId, createdAt: at })
          .returning();
        await tx.update(requests).set({ updatedAt: at }).where(eq(requests.id, requestId));
        await tx.insert(events).values({
          requestId,
          type: 'pushback_filed',
          actorId: userId,
          at,
          before: null,
          after: {
            pushbackId: row!.id,
            kind: p.kind,
            argument: p.argument,
            court: p.court,
            caseNumber: p.caseNumber,
            filedAt: p.filedAt.toISOString(),
          },
        });
        await noticeAgency(tx, order, { ...row!, outcome: 'pending' }, 'filed');
        return { id: row!.id };
      });
    },

    /** Records (or corrects) the outcome of a pushback, as `plan` (run on the locked rows) says. */
    async recordOutcome(
      requestId: string,
      pushbackId: string,
      userId: string,
      plan: (current: { outcome: PushbackOutcome; outcomeNote: string | null }) => OutcomeChange,
    ): Promise<void> {
      await db.transaction(async (tx) => {
        const order = await readOrder(tx, requestId, null, true);
        const current = await lockPushback(tx, requestId, pushbackId);
        const change = plan(current);
        const at = now();
        await tx
          .update(pushbacks)
          .set({ outcome: change.outcome, outcomeNote: change.note, outcomeAt: at })
          .where(eq(pushbacks.id, pushbackId));
        await tx.update(requests).set({ updatedAt: at }).where(eq(requests.id, requestId));
        await tx.insert(events).values({
          requestId,
          type: 'pushback_outcome_recorded',
          actorId: userId,
          at,
          before: { pushbackId, outcome: current.outcome, note: current.outcomeNote },
          after: { pushbackId, kind: current.kind, outcome: change.outcome, note: change.note, correction: change.correction },
          note: change.note,
        });
        await noticeAgency(
          tx,
          order,
          { ...current, outcome: change.outcome, outcomeNote: change.note },
          change.correction ? 'outcome_corrected' : 'outcome_recorded',
        );
      });
    },

    /**
     * The authority's answer to a pushback: from staff who received it by letter
     * (`pushback_answer_recorded`), or from the agency itself (`pushback_answered`, with the officer).
     */
    async answer(requestId: string, pushbackId: string, author: AnswerAuthor, body: string): Promise<{ id: string }> {
      return db.transaction(async (tx) => {
        await readOrder(tx, requestId, author.kind === 'agency' ? author.agencyId : null, true);
        await lockPushback(tx, requestId, pushbackId);
        const at = now();
        const answeredAt = author.kind === 'user' ? author.receivedAt : at;
        const [row] = await tx
          .insert(pushbackAnswers)
          .values({
            pushbackId,
            requestId,
            body,
            officerId: author.kind === 'agency' ? author.officerId : null,
            recordedBy: author.kind === 'user' ? author.id : null,
            at: answeredAt,
          })
          .returning({ id: pushbackAnswers.id });
        await tx.update(requests).set({ updatedAt: at }).where(eq(requests.id, requestId));
        await tx.insert(events).values({
          requestId,
          type: author.kind === 'user' ? 'pushback_answer_recorded' : 'pushback_answered',
          actorId: author.kind === 'user' ? author.id : null,
          actorOfficerId: author.kind === 'agency' ? author.officerId : null,
          at,
          before: null,
          after: {
            pushbackId,
            answerId: row!.id,
            body,
            ...(author.kind === 'user' ? { receivedAt: answeredAt.toISOString() } : {}),
          },
        });
        return { id: row!.id };
      });
    },
  };
}
export type PushbacksRepository = ReturnType<typeof pushbacksRepository>;
