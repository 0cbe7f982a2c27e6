/**
 * The pressure record's use cases (issue 15), the same from `/api/v1/pressure`, the Compliance page
 * and `writ pressure add|list|show`: record and change an event (checked against the rule packs and
 * the orders it names), read one with its history, list them, and the public's view.
 */

import type { PressureFilter, PressureHistoryEntry } from '../db/pressure-repository.js';
import { WritError } from '../domain/errors.js';
import {
  type LinkedOrder,
  orderLinkProblems,
  type PressureEvent,
  type PressureFacts,
  type Problem,
  pressureProblems,
  regimeLinkProblems,
  touchesPeriod,
} from '../domain/pressure.js';
import type { Actor } from '../domain/request.js';
import type { Writ } from './context.js';

type Ports = Pick<Writ, 'pressure' | 'rules'>;

/** An event as a user hands it over: its facts and the references (WR-…) of the orders it concerns. */
export type PressureInput = PressureFacts & { orders: string[] };

function refuse(problems: Problem[]): never {
  const [first] = problems;
  throw new WritError('validation_failed', first!.message, first!.field, problems);
}

/** The facts checked on their own, against the regime's pack and against the orders; the orders found. */
async function checked(writ: Ports, input: PressureInput): Promise<{ facts: PressureFacts; orders: LinkedOrder[] }> {
  const { orders: references, ...facts } = input;
  const own = [
    ...pressureProblems(facts),
    ...regimeLinkProblems(facts, facts.regimeId ? writ.rules.find(facts.regimeId) : undefined),
  ];
  const orders = await writ.pressure.ordersByReference(references);
  const problems = [...own, ...orderLinkProblems(facts.country, references, orders)];
  if (problems.length) refuse(problems);
  return { facts, orders: references.map((r) => orders.find((o) => o.reference === r)!) };
}

export async function recordPressure(writ: Ports, input: PressureInput, actor: Actor | null): Promise<PressureEvent> {
  const { facts, orders } = await checked(writ, input);
  return writ.pressure.record(facts, orders, actor);
}

/** Replaces an event's facts and orders; refused as a conflict when it changed since `version`. */
export async function changePressure(
  writ: Ports,
  id: string,
  version: number,
  input: PressureInput,
  actor: Actor | null,
): Promise<PressureEvent> {
  await writ.pressure.get(id);
  const { facts, orders } = await checked(writ, input);
  return writ.pressure.change(id, version, facts, orders, actor);
}

export async function pressureEvent(
  writ: Pick<Writ, 'pressure'>,
  id: string,
): Promise<{ event: PressureEvent; history: PressureHistoryEntry[] }> {
  const [event, history] = await Promise.all([writ.pressure.get(id), writ.pressure.history(id)]);
  return { event, history };
}

export function listPressure(writ: Pick<Writ, 'pressure'>, filter: PressureFilter): Promise<PressureEvent[]> {
  return writ.pressure.list(filter);
}

/** The events of a country (or all), those touching a half-year when one is named. */
export async function publicPressure(
  writ: Pick<Writ, 'pressure' | 'now'>,
  query: { country?: string; period?: string },
): Promise<PressureEvent[]> {
  const events = await writ.pressure.list({ country: query.country });
  const today = writ.now().toISOString().slice(0, 10);
  return query.period ? events.filter((e) => touchesPeriod(e, query.period!, today)) : events;
}
