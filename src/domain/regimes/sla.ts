/**
 * Where a request stands against its deadline. An open request is `on_track`, `due_soon` once the
 * configured share of its time is used, or `overdue`; a decided (or closed) one `met` its deadline
 * if it was decided by the due instant, else `missed`. A withdrawn request has no SLA state.
 */
import { openStatuses, type RequestStatus } from '../vocabulary.js';

export const slaStates = ['on_track', 'due_soon', 'overdue', 'met', 'missed', 'not_applicable'] as const;
export type SlaState = (typeof slaStates)[number];

export type Sla = {
  state: SlaState;
  /** When the request turns (or turned) due_soon. */
  dueSoonAt: Date;
};

export type SlaInput = { status: RequestStatus; receivedAt: Date; dueAt: Date; decidedAt: Date | null };

export function slaOf(r: SlaInput, now: Date, dueSoonShare: number): Sla {
  const span = r.dueAt.getTime() - r.receivedAt.getTime();
  const dueSoonAt = new Date(r.receivedAt.getTime() + Math.max(0, span) * dueSoonShare);
  if (r.status === 'withdrawn') return { state: 'not_applicable', dueSoonAt };
  if (openStatuses.includes(r.status)) {
    if (now.getTime() >= r.dueAt.getTime()) return { state: 'overdue', dueSoonAt };
    if (now.getTime() >= dueSoonAt.getTime()) return { state: 'due_soon', dueSoonAt };
    return { state: 'on_track', dueSoonAt };
  }
  // decided or closed: closed comes only after decided, so decidedAt is set.
  const decidedAt = r.decidedAt ?? now;
  return { state: decidedAt.getTime() <= r.dueAt.getTime() ? 'met' : 'missed', dueSoonAt };
}

/** Figures of the report: how many decided requests met their deadline, and how fast they were decided. */
export type DeadlinePerformance = {
  country: string;
  regimeId: string | null;
  decided: number;
  met: number;
  shareMet: number;
  medianHoursToDecision: number | null;
};
