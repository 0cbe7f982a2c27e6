/**
 * Seeds the demo orders for user data (src/demo/demo-data-requests.ts) through the same repositories
 * the API uses: the order is received by the intake's checks, and each account is decided by the
 * account-decisions repository, so holds, the emergency review, events and rollups follow the real rules.
 */
import { type AccountDecisionSettings, accountDecisionsRepository } from '../db/account-decisions-repository.js';
import type { Db } from '../db/connection.js';
import type { RequestsRepository } from '../db/requests-repository.js';
import type { AccountDecisionInput } from '../domain/data-request.js';
import { type IntakeRules, receiveRequest } from '../domain/intake.js';
import { periodBounds, periodOf } from '../domain/period.js';
import type { Actor } from '../domain/request.js';
import type { DemoAuthority } from './demo-data.js';
import { type DemoAccountDecision, type DemoDataOrder, demoDataOrders } from './demo-data-requests.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * When a demo order arrived: `hoursAgo` before `now`, unless that falls outside the half-year the
 * order belongs to; then it is moved into that half-year (spread by `slot`, 0 ≤ slot < 1), so that
 * both half-years have their orders whatever the day of seeding.
 */
export function demoReceivedAt(order: Pick<DemoDataOrder, 'hoursAgo' | 'half'>, now: Date, slot: number): Date {
  const at = new Date(now.getTime() - order.hoursAgo * HOUR);
  if (!order.half) return at;
  const current = periodBounds(periodOf(now));
  const previousStart = periodBounds(periodOf(new Date(current.start.getTime() - 1))).start;
  const [start, end] = order.half === 'current' ? [current.start, now] : [previousStart, current.start];
  if (at.getTime() >= start.getTime() && at.getTime() < end.getTime()) return at;
  return new Date(start.getTime() + Math.floor((end.getTime() - start.getTime()) * slot));
}

/** The checked decision the repository is given for a demo account's decision. */
export const decisionInput = (d: DemoAccountDecision): AccountDecisionInput => ({
  extent: d.extent,
  producedCategories: d.producedCategories ?? [],
  refusalReason: d.refusalReason ?? null,
  legalBasis: d.legalBasis,
  rationale: d.rationale,
});

export type DataOrderSeeding = {
  db: Db;
  now: Date;
  intake: Omit<IntakeRules, 'now'>;
  settings: AccountDecisionSettings;
  reviewer: Actor;
  authorities: readonly DemoAuthority[];
  authorityIds: ReadonlyMap<string, string>;
  /** The requests repository of the seeding, whose clock `setClock` moves. */
  requests: RequestsRepository;
  setClock: (at: Date) => void;
};

/** Records and decides the demo data orders; answers how many were recorded. */
export async function seedDataOrders(s: DataOrderSeeding, orders: readonly DemoDataOrder[] = demoDataOrders): Promise<number> {
  let clock = s.now;
  const decisions = accountDecisionsRepository(s.db, () => clock);
  const move = (at: Date) => {
    clock = at;
    s.setClock(at);
  };
  for (const [index, o] of orders.entries()) {
    const authority = s.authorities.find((a) => a.key === o.authority)!;
    const decidedAfterHours = o.decidedAfterHours ?? 6;
    const receivedAt =
      o.holdExpiresInDays === undefined
        ? demoReceivedAt(o, s.now, (index % 16) / 16 + 1 / 32)
        : // A hold lasts preservationDays from its decision: arrive so that it expires when the demo says.
          new Date(s.now.getTime() + (o.holdExpiresInDays - s.settings.preservationDays) * DAY - decidedAfterHours * HOUR);
    move(receivedAt);
    const created = await receiveRequest(
      {
        kind: o.kind,
        authorityId: s.authorityIds.get(o.authority)!,
        receivedAt,
        authorityTimeZone: authority.timeZone,
        legalBasis: o.legalBasis,
        claimedCategories: o.claimedCategories,
        channel: o.channel,
        authorityReference: o.reference,
        items: [],
        dataRequest: {
          legalProcess: o.legalProcess,
          accounts: o.accounts.map((a) => ({
            identifierKind: a.identifierKind,
            identifier: a.identifier,
            from: a.windowHoursBefore ? new Date(receivedAt.getTime() - a.windowHoursBefore[0] * HOUR) : null,
            to: a.windowHoursBefore ? new Date(receivedAt.getTime() - a.windowHoursBefore[1] * HOUR) : null,
          })),
          categories: o.categories,
          dateFrom: o.periodDaysBefore ? new Date(receivedAt.getTime() - o.periodDaysBefore[0] * DAY) : null,
          dateTo: o.periodDaysBefore ? new Date(receivedAt.getTime() - o.periodDaysBefore[1] * DAY) : null,
          nonDisclosureUntil: o.nonDisclosureDays ? new Date(receivedAt.getTime() + o.nonDisclosureDays * DAY) : null,
          emergency: o.emergency ?? null,
        },
        isDemo: true,
        regimeId: o.regime ?? null,
        category: o.category ?? null,
      },
      null,
      {
        ...s.intake,
        now: () => s.now,
        store: s.requests.create,
        authorityCountry: async () => authority.country,
      },
    );
    move(new Date(Math.min(s.now.getTime(), receivedAt.getTime() + decidedAfterHours * HOUR)));
    const accounts = created.dataRequest?.accounts ?? [];
    for (const [n, account] of o.accounts.entries()) {
      if (!account.decision) continue;
      await decisions.decideAccount(created.id, accounts[n]!.id, decisionInput(account.decision), s.reviewer, s.settings);
    }
    if (o.finalStatus) await s.requests.changeStatus(created.id, o.finalStatus, 'demo data', s.reviewer);
    move(s.now);
  }
  return orders.length;
}
