/**
 * The conversation on an order (order_messages) and what its actions change on the order. Each
 * action is one transaction under the request's row lock: the message, the order's new status,
 * deadline, clock and missing elements, the history events (with the officer who acted), the mail
 * and the agency's webhook events, and the rollups' difference. What an action changes is the use
 * case's plan (the domain's rules); this file only stores it.
 */
import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { notFound } from '../domain/errors.js';
import type { ThreadMessageKind } from '../domain/order-thread.js';
import type { RequestKind, RequestStatus } from '../domain/vocabulary.js';
import { enqueueAgencyEvent } from './agency-events.js';
import type { Db } from './connection.js';
import { enqueueMail } from './outbox-repository.js';
import type { Tx } from './request-rows.js';
import { withRollups } from './rollups.js';
import { agencies, channelOrders, events, officers, orderMessages, requests, users } from './schema/index.js';

/** Who acts on a thread: a reviewer (staff account) or an officer of the agency that sent the order. */
export type ThreadActor = { kind: 'user'; id: string } | { kind: 'officer'; id: string; agencyId: string };

/** An order as its thread's actions read it. */
export type ThreadState = {
  id: string;
  reference: string;
  status: RequestStatus;
  dueAt: Date;
  clockPausedAt: Date | null;
  /** As stored: what the order lacks and why. */
  missingElements: { element: string; reason: string }[];
  kind: RequestKind;
  receivedAt: Date;
  /** The regime it was received under (its rule on the clock during a clarification applies). */
  regimeId: string | null;
  /** The agency that sent it through the channel; null for an order recorded by a reviewer. */
  agency: { id: string; name: string } | null;
  /** Where mail about it goes: the officer who submitted it, else the agency's contact. */
  mailTo: string | null;
};

export type StoredMessage = {
  id: string;
  kind: ThreadMessageKind;
  body: string;
  at: Date;
  author:
    | { side: 'platform'; user: { id: string; name: string } }
    | { side: 'authority'; officer: { id: string; name: string }; agency: { id: string; name: string } };
};

export type Thread = { order: ThreadState; messages: StoredMessage[] };

/** What an action does to the order, planned by the use case from the locked state. */
export type ThreadChange = {
  status?: RequestStatus;
  dueAt?: Date;
  clockPausedAt?: Date | null;
  missingElements?: { element: string; reason: string }[];
  /** The history event of the action (besides `status_changed` when the status moves). */
  event: { type: string; before: Record<string, unknown> | null; after: Record<string, unknown>; note?: string | null };
  mail?: { kind: string; to: string; subject: string; body: string };
  agencyEvents?: { eventType: string; payload: Record<string, unknown> }[];
};

export type ThreadAction = {
  kind: ThreadMessageKind;
  body: string;
  /** `at` is the instant of the action (the repository's clock). */
  plan: (order: ThreadState, messageId: string, at: Date) => ThreadChange;
};

const orderColumns = {
  id: requests.id,
  reference: requests.reference,
  status: requests.status,
  dueAt: requests.dueAt,
  clockPausedAt: requests.clockPausedAt,
  missingElements: requests.missingElements,
  kind: requests.kind,
  receivedAt: requests.receivedAt,
  regimeId: requests.regimeId,
  agencyId: agencies.id,
  agencyName: agencies.name,
  officerEmail: officers.email,
  contactEmail: agencies.contactEmail,
};

async function readOrder(runner: Db | Tx, requestId: string, agencyId: string | null, lock: boolean): Promise<ThreadState> {
  const query = runner
    .select(orderColumns)
    .from(requests)
    .leftJoin(channelOrders, eq(channelOrders.requestId, requests.id))
    .leftJoin(agencies, eq(agencies.id, channelOrders.agencyId))
    .leftJoin(officers, eq(officers.id, channelOrders.submittedByOfficerId))
    .where(eq(requests.id, requestId));
  const [row] = lock ? await query.for('update', { of: requests }) : await query;
  // An officer asking about another agency's order learns no more than about one that does not exist.
  if (!row || (agencyId !== null && row.agencyId !== agencyId)) throw notFound('order', requestId);
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    dueAt: row.dueAt,
    clockPausedAt: row.clockPausedAt,
    missingElements: row.missingElements,
    kind: row.kind,
    receivedAt: row.receivedAt,
    regimeId: row.regimeId,
    agency: row.agencyId ? { id: row.agencyId, name: row.agencyName ?? '' } : null,
    mailTo: row.officerEmail ?? row.contactEmail ?? null,
  };
}

const authorOfficer = alias(officers, 'author_officer');
const authorAgency = alias(agencies, 'author_agency');

async function readMessages(db: Db, requestId: string): Promise<StoredMessage[]> {
  const rows = await db
    .select({
      id: orderMessages.id,
      kind: orderMessages.kind,
      body: orderMessages.body,
      at: orderMessages.createdAt,
      userId: users.id,
      userName: users.name,
      officerId: authorOfficer.id,
      officerName: authorOfficer.name,
      agencyId: authorAgency.id,
      agencyName: authorAgency.name,
    })
    .from(orderMessages)
    .leftJoin(users, eq(users.id, orderMessages.authorUserId))
    .leftJoin(authorOfficer, eq(authorOfficer.id, orderMessages.authorOfficerId))
    .leftJoin(authorAgency, eq(authorAgency.id, authorOfficer.agencyId))
    .where(eq(orderMessages.requestId, requestId))
    .orderBy(asc(orderMessages.seq));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as ThreadMessageKind,
    body: r.body,
    at: r.at,
    author:
      r.officerId !== null
        ? {
            side: 'authority',
            officer: { id: r.officerId, name: r.officerName ?? '' },
            agency: { id: r.agencyId ?? '', name: r.agencyName ?? '' },
          }
        : { side: 'platform', user: { id: r.userId ?? '', name: r.userName ?? '' } },
  }));
}

const actorColumns = (actor: ThreadActor) =>
  actor.kind === 'user' ? { actorId: actor.id, actorOfficerId: null } : { actorId: null, actorOfficerId: actor.id };

/** `now` stamps messages and events (tests pass a movable clock). */
export function orderThreadRepository(db: Db, now: () => Date = () => new Date()) {
  async function read(requestId: string, agencyId: string | null): Promise<Thread> {
    const order = await readOrder(db, requestId, agencyId, false);
    return { order, messages: await readMessages(db, requestId) };
  }

  return {
    /** The order's thread, oldest message first; `agencyId` limits it to that agency's orders (404 otherwise). */
    read,

    /** Applies one action of the thread, as `action.plan` says, in one transaction; answers with the thread. */
    async act(requestId: string, actor: ThreadActor, action: ThreadAction): Promise<Thread> {
      const agencyId = actor.kind === 'officer' ? actor.agencyId : null;
      await db.transaction(async (tx) => {
        const order = await readOrder(tx, requestId, agencyId, true);
        const at = now();
        await withRollups(tx, requestId, async () => {
          const [message] = await tx
            .insert(orderMessages)
            .values({
              requestId,
              kind: action.kind,
              body: action.body,
              authorUserId: actor.kind === 'user' ? actor.id : null,
              authorOfficerId: actor.kind === 'officer' ? actor.id : null,
              createdAt: at,
            })
            .returning({ id: orderMessages.id });
          const change = action.plan(order, message!.id, at);
          const moves = change.status !== undefined && change.status !== order.status;
          await tx
            .update(requests)
            .set({
              updatedAt: at,
              ...(moves ? { status: change.status } : {}),
              ...(moves && change.status === 'in_review' ? { decidedAt: null } : {}),
              ...(change.dueAt !== undefined ? { dueAt: change.dueAt } : {}),
              ...(change.clockPausedAt !== undefined ? { clockPausedAt: change.clockPausedAt } : {}),
              ...(change.missingElements !== undefined ? { missingElements: change.missingElements } : {}),
            })
            .where(eq(requests.id, requestId));
          const who = actorColumns(actor);
          if (moves) {
            await tx.insert(events).values({
              requestId,
              type: 'status_changed',
              ...who,
              at,
              before: { status: order.status },
              after: { status: change.status },
              note: change.event.note ?? null,
            });
          }
          await tx.insert(events).values({
            requestId,
            type: change.event.type,
            ...who,
            at,
            before: change.event.before,
            after: change.event.after,
            note: null,
          });
          if (change.mail) await enqueueMail(tx, { ...change.mail, agencyId: order.agency?.id ?? null, requestId });
          if (order.agency) {
            for (const e of change.agencyEvents ?? []) {
              await enqueueAgencyEvent(tx, { agencyId: order.agency.id, requestId, ...e });
            }
          }
        });
      });
      return read(requestId, agencyId);
    },
  };
}
export type OrderThreadRepository = ReturnType<typeof orderThreadRepository>;
