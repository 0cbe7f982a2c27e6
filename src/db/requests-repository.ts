/**
 * Requests, their items, decisions and history. Every change runs in one transaction that locks
 * the request row, applies the domain's rules and appends an event, so that concurrent reviewers
 * cannot interleave and nothing changes without a record.
 */
import { and, asc, eq, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { notFound, WritError } from '../domain/errors.js';
import type {
  Actor,
  Decision,
  DecisionInput,
  Item,
  NewRequest,
  RequestDetail,
  RequestEvent,
  RequestFilter,
  RequestSummary,
} from '../domain/request.js';
import { checkDecision } from '../domain/request.js';
import { acceptsDecisions, assertTransition, statusAfterDecision } from '../domain/request-lifecycle.js';
import type { RequestStatus } from '../domain/vocabulary.js';
import type { Db } from './connection.js';
import { authorities, decisions, events, items, requests, users } from './schema/index.js';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

const itemCount = sql<number>`(SELECT count(*)::int FROM ${items} WHERE ${items.requestId} = ${requests.id})`;
const decidedItemCount = sql<number>`(SELECT count(*)::int FROM ${items} JOIN ${decisions} ON ${decisions.itemId} = ${items.id} WHERE ${items.requestId} = ${requests.id})`;

const summaryColumns = {
  id: requests.id,
  reference: requests.reference,
  kind: requests.kind,
  status: requests.status,
  receivedAt: requests.receivedAt,
  authorityTimeZone: requests.authorityTimeZone,
  dueAt: requests.dueAt,
  dueBasis: requests.dueBasis,
  decidedAt: requests.decidedAt,
  isDemo: requests.isDemo,
  itemCount,
  decidedItemCount,
  authority: {
    id: authorities.id,
    country: authorities.country,
    name: authorities.name,
    kind: authorities.kind,
    isDemo: authorities.isDemo,
  },
};

async function lockRequest(tx: Tx, id: string) {
  const [row] = await tx
    .select({ id: requests.id, status: requests.status, country: authorities.country })
    .from(requests)
    .innerJoin(authorities, eq(authorities.id, requests.authorityId))
    .where(eq(requests.id, id))
    .for('update', { of: requests });
  if (!row) throw notFound('request', id);
  return row;
}

async function undecidedItems(tx: Tx, requestId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(items)
    .leftJoin(decisions, eq(decisions.itemId, items.id))
    .where(and(eq(items.requestId, requestId), sql`${decisions.itemId} IS NULL`));
  return row?.n ?? 0;
}

async function setStatus(tx: Tx, requestId: string, from: RequestStatus, to: RequestStatus, actor: Actor, note: string | null) {
  const now = new Date();
  await tx
    .update(requests)
    .set({
      status: to,
      updatedAt: now,
      ...(to === 'decided' ? { decidedAt: now } : to === 'in_review' ? { decidedAt: null } : {}),
    })
    .where(eq(requests.id, requestId));
  await tx.insert(events).values({
    requestId,
    type: 'status_changed',
    actorId: actor.id,
    before: { status: from },
    after: { status: to },
    note,
  });
}

export function requestsRepository(db: Db) {
  async function get(id: string): Promise<RequestDetail> {
    const [summary] = await db
      .select({
        ...summaryColumns,
        legalBasis: requests.legalBasis,
        claimedCategories: requests.claimedCategories,
        channel: requests.channel,
        authorityReference: requests.authorityReference,
      })
      .from(requests)
      .innerJoin(authorities, eq(authorities.id, requests.authorityId))
      .where(eq(requests.id, id));
    if (!summary) throw notFound('request', id);

    const itemRows = await db
      .select({
        id: items.id,
        position: items.position,
        targetKind: items.targetKind,
        target: items.target,
        product: items.product,
        outcome: decisions.outcome,
        reason: decisions.reason,
        scopeCountries: decisions.scopeCountries,
        rationale: decisions.rationale,
        decidedAt: decisions.decidedAt,
        deciderId: users.id,
        deciderName: users.name,
      })
      .from(items)
      .leftJoin(decisions, eq(decisions.itemId, items.id))
      .leftJoin(users, eq(users.id, decisions.decidedBy))
      .where(eq(items.requestId, id))
      .orderBy(asc(items.position));

    const eventRows = await db
      .select({
        id: events.id,
        type: events.type,
        itemId: events.itemId,
        at: events.at,
        before: events.before,
        after: events.after,
        note: events.note,
        actorId: users.id,
        actorName: users.name,
      })
      .from(events)
      .leftJoin(users, eq(users.id, events.actorId))
      .where(eq(events.requestId, id))
      .orderBy(asc(events.id));

    return {
      ...summary,
      items: itemRows.map(
        (r): Item => ({
          id: r.id,
          position: r.position,
          targetKind: r.targetKind,
          target: r.target,
          product: r.product,
          decision:
            r.outcome && r.reason && r.decidedAt && r.deciderId
              ? {
                  outcome: r.outcome,
                  reason: r.reason,
                  scopeCountries: r.scopeCountries,
                  rationale: r.rationale ?? '',
                  decidedAt: r.decidedAt,
                  decidedBy: { id: r.deciderId, name: r.deciderName ?? '' },
                }
              : null,
        }),
      ),
      events: eventRows.map(
        (e): RequestEvent => ({
          id: e.id,
          type: e.type,
          itemId: e.itemId,
          at: e.at,
          before: e.before,
          after: e.after,
          note: e.note,
          actor: e.actorId ? { id: e.actorId, name: e.actorName ?? '' } : null,
        }),
      ),
    };
  }

  return {
    get,

    async list(filter: RequestFilter): Promise<{ requests: RequestSummary[]; total: number }> {
      const conditions: SQL[] = [];
      if (filter.status?.length) conditions.push(inArray(requests.status, filter.status));
      if (filter.country) conditions.push(eq(authorities.country, filter.country));
      if (filter.kind) conditions.push(eq(requests.kind, filter.kind));
      if (filter.dueBefore) conditions.push(lte(requests.dueAt, filter.dueBefore));
      const where = conditions.length ? and(...conditions) : undefined;
      const rows = await db
        .select(summaryColumns)
        .from(requests)
        .innerJoin(authorities, eq(authorities.id, requests.authorityId))
        .where(where)
        .orderBy(asc(requests.dueAt), asc(requests.reference))
        .limit(filter.limit)
        .offset(filter.offset);
      const [count] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(requests)
        .innerJoin(authorities, eq(authorities.id, requests.authorityId))
        .where(where);
      return { requests: rows, total: count?.n ?? 0 };
    },

    async create(input: NewRequest & { dueAt: Date; dueBasis: string }, actor: Actor | null): Promise<RequestDetail> {
      const id = await db.transaction(async (tx) => {
        const [authority] = await tx
          .select({ id: authorities.id })
          .from(authorities)
          .where(eq(authorities.id, input.authorityId));
        if (!authority) {
          throw new WritError('validation_failed', `authority ${input.authorityId} does not exist`, 'authorityId');
        }
        const { items: newItems, ...fields } = input;
        const [row] = await tx
          .insert(requests)
          .values({ ...fields, isDemo: input.isDemo ?? false, createdBy: actor?.id ?? null })
          .returning({ id: requests.id, reference: requests.reference });
        const requestId = row!.id;
        await tx.insert(items).values(newItems.map((item, position) => ({ ...item, requestId, position })));
        await tx.insert(events).values({
          requestId,
          type: 'request_received',
          actorId: actor?.id ?? null,
          after: {
            reference: row!.reference,
            kind: input.kind,
            channel: input.channel,
            items: newItems.length,
            dueAt: input.dueAt,
            dueBasis: input.dueBasis,
          },
        });
        return requestId;
      });
      return get(id);
    },

    async decideItem(requestId: string, itemId: string, input: DecisionInput, actor: Actor): Promise<RequestDetail> {
      await db.transaction(async (tx) => {
        const request = await lockRequest(tx, requestId);
        if (!acceptsDecisions(request.status)) {
          throw new WritError('invalid_transition', `items of a ${request.status} request cannot be decided`, 'status');
        }
        const decision = checkDecision(input, request.country);
        const [item] = await tx
          .select({ id: items.id })
          .from(items)
          .where(and(eq(items.id, itemId), eq(items.requestId, requestId)));
        if (!item) throw notFound('item', itemId);
        const [previous] = await tx.select().from(decisions).where(eq(decisions.itemId, itemId));
        const decidedAt = new Date();
        const values = { ...decision, decidedBy: actor.id, decidedAt };
        await tx
          .insert(decisions)
          .values({ itemId, ...values })
          .onConflictDoUpdate({ target: decisions.itemId, set: values });
        const present = (d: Omit<Decision, 'decidedBy'> & { decidedBy: string }) => ({
          outcome: d.outcome,
          reason: d.reason,
          scopeCountries: d.scopeCountries,
          rationale: d.rationale,
          decidedBy: d.decidedBy,
          decidedAt: d.decidedAt,
        });
        await tx.insert(events).values({
          requestId,
          itemId,
          type: previous ? 'decision_changed' : 'item_decided',
          actorId: actor.id,
          before: previous ? present(previous) : null,
          after: present(values),
        });
        const next = statusAfterDecision(request.status, await undecidedItems(tx, requestId));
        if (next !== request.status) await setStatus(tx, requestId, request.status, next, actor, null);
        else await tx.update(requests).set({ updatedAt: decidedAt }).where(eq(requests.id, requestId));
      });
      return get(requestId);
    },

    async changeStatus(requestId: string, to: RequestStatus, note: string | null, actor: Actor): Promise<RequestDetail> {
      await db.transaction(async (tx) => {
        const request = await lockRequest(tx, requestId);
        assertTransition(request.status, to, await undecidedItems(tx, requestId));
        await setStatus(tx, requestId, request.status, to, actor, note);
      });
      return get(requestId);
    },
  };
}
export type RequestsRepository = ReturnType<typeof requestsRepository>;
