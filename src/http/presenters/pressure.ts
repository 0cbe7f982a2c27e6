/** The pressure record to its wire shapes (contracts/pressure.ts): instants in UTC; the public sees how many orders, not which. */
import type { PressureHistoryEntry } from '../../db/pressure-repository.js';
import type { PressureEvent } from '../../domain/pressure.js';
import { iso } from './instants.js';

export function presentPressureEvent(e: PressureEvent) {
  return {
    ...e,
    orders: e.orders.map((o) => ({ id: o.id, reference: o.reference, status: o.status })),
    createdAt: iso(e.createdAt),
    updatedAt: iso(e.updatedAt),
  };
}

export function presentPressureHistory(h: PressureHistoryEntry) {
  return { ...h, at: iso(h.at) };
}

export function presentPublicPressureEvent(e: PressureEvent) {
  const { orders, version: _version, createdAt: _created, updatedAt: _updated, ...facts } = e;
  return { ...facts, ordersConcerned: orders.length };
}
