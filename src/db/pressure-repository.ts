/**
 * The pressure record's storage (issue 15): events, the orders each concerns, and their history.
 * Each change is one transaction with its history entry (`pressure_recorded`, `pressure_changed`),
 * which keeps the event as it was before and after. What may be written is the use case's to check
 * (src/app/pressure.ts with src/domain/pressure.ts); this file only stores it.
 */
import { and, asc, desc, eq, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { notFound, WritError } from '../domain/errors.js';
import {
  convertAmount,
  type LinkedOrder,
  lastingKinds,
  type PressureEvent,
  type PressureFacts,
  trimDecimal,
} from '../domain/pressure.js';
import type { Actor } from '../domain/request.js';
import type { Db } from './connection.js';
import type { Tx } from './request-rows.js';
import { authorities, pressureEventHistory, pressureEventOrders, pressureEvents, requests, users } from './schema/index.js';

export type PressureFilter = {
  country?: string;
  regimeId?: string;
  /** Events still going on or after this day (a lasting measure until it ended) … */
  from?: string;
  /** … and began on or before this one. */
  to?: string;
};

export type PressureHistoryEntry = {
  id: number;
  type: string;
  at: Date;
  actor: { id: string; name: string } | null;
  before: unknown;
  after: unknown;
};

type Row = typeof pressureEvents.$inferSelect;

function factsOf(row: Row): PressureFacts {
  return {
    kind: row.kind,
    country: row.country,
    authority: row.authority,
    title: row.title,
    description: row.description,
    scope: row.scope,
    region: row.region,
    announcedOn: row.announcedOn,
    inForceOn: row.inForceOn,
    endedOn: row.endedOn,
    amount: row.amount === null ? null : trimDecimal(row.amount),
    currency: row.currency,
    reference:
      row.referenceCurrency && row.referenceRate && row.referenceRateOn
        ? { currency: row.referenceCurrency, rate: trimDecimal(row.referenceRate), rateOn: row.referenceRateOn }
        : null,
    regimeId: row.regimeId,
    dutyId: row.dutyId,
    deadlineRuleId: row.deadlineRuleId,
    status: row.status,
    demo: row.demo,
    sources: row.sources,
  };
}

function columnsOf(f: PressureFacts) {
  const { reference, ...rest } = f;
  return {
    ...rest,
    referenceCurrency: reference?.currency ?? null,
    referenceRate: reference?.rate ?? null,
    referenceRateOn: reference?.rateOn ?? null,
  };
}

/** What the history keeps of an event: its facts and the references of its orders. */
function snapshot(f: PressureFacts, orders: readonly LinkedOrder[]) {
  return { ...f, orders: orders.map((o) => o.reference) };
}

export function pressureRepository(db: Db) {
  async function ordersOf(runner: Db | Tx, eventIds: string[]): Promise<Map<string, LinkedOrder[]>> {
    const byEvent = new Map<string, LinkedOrder[]>();
    if (eventIds.length === 0) return byEvent;
    const rows = await runner
      .select({
        eventId: pressureEventOrders.eventId,
        id: requests.id,
        reference: requests.reference,
        country: authorities.country,
        status: requests.status,
      })
      .from(pressureEventOrders)
      .innerJoin(requests, eq(requests.id, pressureEventOrders.requestId))
      .innerJoin(authorities, eq(authorities.id, requests.authorityId))
      .where(inArray(pressureEventOrders.eventId, eventIds))
      .orderBy(asc(requests.reference));
    for (const { eventId, ...order } of rows) byEvent.set(eventId, [...(byEvent.get(eventId) ?? []), order]);
    return byEvent;
  }

  function eventOf(row: Row, orders: LinkedOrder[]): PressureEvent {
    const facts = factsOf(row);
    return {
      ...facts,
      id: row.id,
      orders,
      referenceAmount: facts.amount !== null && facts.reference ? convertAmount(facts.amount, facts.reference.rate) : null,
      version: row.version,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }

  async function readOne(runner: Db | Tx, id: string): Promise<PressureEvent> {
    const [row] = await runner.select().from(pressureEvents).where(eq(pressureEvents.id, id));
    if (!row) throw notFound('pressure event', id);
    return eventOf(row, (await ordersOf(runner, [id])).get(id) ?? []);
  }

  return {
    async list(filter: PressureFilter = {}): Promise<PressureEvent[]> {
      const start = sql`coalesce(${pressureEvents.inForceOn}, ${pressureEvents.announcedOn})`;
      // A lasting measure not yet ended runs on; any other event ends the day it began.
      const endOf = sql`coalesce(${pressureEvents.endedOn}, CASE WHEN ${inArray(pressureEvents.kind, [...lastingKinds])} THEN 'infinity'::date ELSE ${start} END)`;
      const conditions: (SQL | undefined)[] = [
        filter.country ? eq(pressureEvents.country, filter.country) : undefined,
        filter.regimeId ? eq(pressureEvents.regimeId, filter.regimeId) : undefined,
        filter.to ? lte(start, filter.to) : undefined,
        filter.from ? sql`${endOf} >= ${filter.from}` : undefined,
      ];
      const rows = await db
        .select()
        .from(pressureEvents)
        .where(and(...conditions))
        .orderBy(asc(start), asc(pressureEvents.createdAt));
      const orders = await ordersOf(
        db,
        rows.map((r) => r.id),
      );
      return rows.map((r) => eventOf(r, orders.get(r.id) ?? []));
    },

    get: (id: string) => readOne(db, id),

    async history(id: string): Promise<PressureHistoryEntry[]> {
      const rows = await db
        .select({
          id: pressureEventHistory.id,
          type: pressureEventHistory.type,
          at: pressureEventHistory.at,
          actorId: users.id,
          actorName: users.name,
          before: pressureEventHistory.before,
          after: pressureEventHistory.after,
        })
        .from(pressureEventHistory)
        .leftJoin(users, eq(users.id, pressureEventHistory.actorId))
        .where(eq(pressureEventHistory.eventId, id))
        .orderBy(desc(pressureEventHistory.id));
      return rows.map(({ actorId, actorName, ...r }) => ({
        ...r,
        actor: actorId ? { id: actorId, name: actorName ?? '' } : null,
      }));
    },

    /** The orders with these references (those that exist), with the country of their authority. */
    async ordersByReference(references: readonly string[]): Promise<LinkedOrder[]> {
      if (references.length === 0) return [];
      return db
        .select({ id: requests.id, reference: requests.reference, country: authorities.country, status: requests.status })
        .from(requests)
        .innerJoin(authorities, eq(authorities.id, requests.authorityId))
        .where(inArray(requests.reference, [...references]));
    },

    async record(facts: PressureFacts, orders: readonly LinkedOrder[], actor: Actor | null): Promise<PressureEvent> {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(pressureEvents)
          .values({ ...columnsOf(facts), createdBy: actor?.id ?? null })
          .returning({ id: pressureEvents.id });
        const id = row!.id;
        if (orders.length) await tx.insert(pressureEventOrders).values(orders.map((o) => ({ eventId: id, requestId: o.id })));
        await tx.insert(pressureEventHistory).values({
          eventId: id,
          type: 'pressure_recorded',
          actorId: actor?.id ?? null,
          after: snapshot(facts, orders),
        });
        return readOne(tx, id);
      });
    },

    /** Replaces an event's facts and orders, if it is still at `version` (else a conflict: someone changed it since). */
    async change(
      id: string,
      version: number,
      facts: PressureFacts,
      orders: readonly LinkedOrder[],
      actor: Actor | null,
    ): Promise<PressureEvent> {
      return db.transaction(async (tx) => {
        const [row] = await tx.select().from(pressureEvents).where(eq(pressureEvents.id, id)).for('update');
        if (!row) throw notFound('pressure event', id);
        if (row.version !== version)
          throw new WritError(
            'conflict',
            `the event changed since version ${version} (it is at ${row.version}): reload it`,
            'version',
          );
        const before = snapshot(factsOf(row), (await ordersOf(tx, [id])).get(id) ?? []);
        await tx
          .update(pressureEvents)
          .set({ ...columnsOf(facts), version: row.version + 1, updatedAt: sql`now()` })
          .where(eq(pressureEvents.id, id));
        await tx.delete(pressureEventOrders).where(eq(pressureEventOrders.eventId, id));
        if (orders.length) await tx.insert(pressureEventOrders).values(orders.map((o) => ({ eventId: id, requestId: o.id })));
        await tx.insert(pressureEventHistory).values({
          eventId: id,
          type: 'pressure_changed',
          actorId: actor?.id ?? null,
          before,
          after: snapshot(facts, orders),
        });
        return readOne(tx, id);
      });
    },

    /** Demo events, for the demo seed: whether any is there already. */
    async hasDemo(): Promise<boolean> {
      const [row] = await db.select({ id: pressureEvents.id }).from(pressureEvents).where(eq(pressureEvents.demo, true)).limit(1);
      return Boolean(row);
    },
  };
}

export type PressureRepository = ReturnType<typeof pressureRepository>;
