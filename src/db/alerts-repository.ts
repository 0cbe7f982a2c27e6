/**
 * Deadline alerts: which orders have an alert due, and firing one — once (issue 12). The
 * `deadline_alerts` row is the proof an alert fired: it is inserted ON CONFLICT DO NOTHING in the
 * transaction that queues the alert's mails, its call to the alert hook and its history event, and
 * only the transaction that inserted it queues them. Two processes firing the same alert at once:
 * the second waits on the first's key, finds it, and does nothing; a crash before commit leaves
 * nothing behind, and the next sweep fires it (docs/decisions/0051-deadline-alerts.md).
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Clock } from '../app/context.js';
import type { AlertedOrder, AlertingOrder, AlertThreshold } from '../domain/deadline-alerts.js';
import type { RequestStatus } from '../domain/vocabulary.js';
import type { Db } from './connection.js';
import { enqueueMail, type NewMail } from './outbox-repository.js';
import { authorities, deadlineAlerts, events, requests, users } from './schema/index.js';
import { enqueueSinkDelivery } from './sink-deliveries-repository.js';

/** An order with an alert due by the sweep's query (the firing transaction decides again). */
export type AlertCandidate = { requestId: string; dueAt: Date; threshold: string };

/** An order as its alert needs it, read in the firing transaction. */
export type AlertOrder = AlertingOrder & AlertedOrder & { assigneeEmail: string | null };

/** What to fire, decided by the caller over the order and the thresholds already fired for its deadline. */
export type AlertPlan = {
  threshold: string;
  mails: Pick<NewMail, 'kind' | 'to' | 'subject' | 'body'>[];
  /** The alert hook's body; none when no hook is configured. */
  sinkPayload: Record<string, unknown> | null;
};

const values = (thresholds: readonly AlertThreshold[]): SQL =>
  sql.join(
    thresholds.map((t) => sql`(${t.threshold}::text, ${t.share}::float8)`),
    sql`, `,
  );

export function alertsRepository(db: Db, now: Clock) {
  return {
    /**
     * Open, running, non-demo orders whose latest threshold passed at `at` has not fired for their
     * current deadline (nor any later threshold), soonest deadline first, at most `limit`. The scan
     * runs over `requests_open_due_idx` (open orders by deadline).
     */
    async due(thresholds: readonly AlertThreshold[], at: Date, limit: number): Promise<AlertCandidate[]> {
      if (thresholds.length === 0) return [];
      const first = Math.min(...thresholds.map((t) => t.share));
      const list = values(thresholds);
      const result = await db.execute(sql`
        SELECT r.id AS request_id, r.due_at, th.threshold
          FROM ${requests} r
          CROSS JOIN LATERAL (
            SELECT v.threshold, v.share FROM (VALUES ${list}) AS v(threshold, share)
             WHERE r.received_at + v.share * (r.due_at - r.received_at) <= ${at.toISOString()}::timestamptz
             ORDER BY v.share DESC LIMIT 1
          ) th
         WHERE r.status IN ('received', 'in_review', 'needs_clarification')
           AND NOT r.is_demo
           AND r.clock_paused_at IS NULL
           AND r.received_at + ${first}::float8 * (r.due_at - r.received_at) <= ${at.toISOString()}::timestamptz
           AND NOT EXISTS (
             SELECT 1 FROM ${deadlineAlerts} a
              WHERE a.request_id = r.id AND a.due_at = r.due_at
                AND a.threshold IN (SELECT w.threshold FROM (VALUES ${list}) AS w(threshold, share) WHERE w.share >= th.share)
           )
         ORDER BY r.due_at, r.reference
         LIMIT ${limit}`);
      return (result.rows as { request_id: string; due_at: string | Date; threshold: string }[]).map((r) => ({
        requestId: r.request_id,
        dueAt: new Date(r.due_at),
        threshold: r.threshold,
      }));
    },

    /**
     * Fires the order's due alert, once: in one transaction, reads the order and the thresholds
     * fired for its deadline, asks `plan` what to fire (null: nothing), inserts the alert's row and,
     * only if this transaction inserted it, queues the mails, the hook's call and the history event.
     * Returns the threshold fired, or null.
     */
    async fire(
      requestId: string,
      plan: (order: AlertOrder, fired: ReadonlySet<string>) => AlertPlan | null,
    ): Promise<string | null> {
      return db.transaction(async (tx) => {
        const [order] = await tx
          .select({
            id: requests.id,
            reference: requests.reference,
            status: requests.status,
            isDemo: requests.isDemo,
            receivedAt: requests.receivedAt,
            dueAt: requests.dueAt,
            clockPausedAt: requests.clockPausedAt,
            authorityTimeZone: requests.authorityTimeZone,
            authorityName: authorities.name,
            country: authorities.country,
            assigneeEmail: users.email,
            assigneeDisabledAt: users.disabledAt,
          })
          .from(requests)
          .innerJoin(authorities, eq(authorities.id, requests.authorityId))
          .leftJoin(users, eq(users.id, requests.assigneeId))
          .where(eq(requests.id, requestId));
        if (!order) return null;
        const firedRows = await tx
          .select({ threshold: deadlineAlerts.threshold })
          .from(deadlineAlerts)
          .where(and(eq(deadlineAlerts.requestId, requestId), eq(deadlineAlerts.dueAt, order.dueAt)));
        const { assigneeDisabledAt, ...rest } = order;
        const decided = plan(
          { ...rest, status: rest.status as RequestStatus, assigneeEmail: assigneeDisabledAt ? null : rest.assigneeEmail },
          new Set(firedRows.map((r) => r.threshold)),
        );
        if (!decided) return null;
        const at = now();
        const inserted = await tx
          .insert(deadlineAlerts)
          .values({ requestId, threshold: decided.threshold, dueAt: order.dueAt, firedAt: at })
          .onConflictDoNothing()
          .returning({ threshold: deadlineAlerts.threshold });
        if (inserted.length === 0) return null;
        for (const mail of decided.mails) await enqueueMail(tx, { ...mail, requestId });
        if (decided.sinkPayload)
          await enqueueSinkDelivery(tx, { sink: 'alert', eventType: 'deadline.alert', payload: decided.sinkPayload, requestId });
        await tx.insert(events).values({
          requestId,
          type: 'deadline_alert',
          actorId: null,
          at,
          after: { threshold: decided.threshold, dueAt: order.dueAt.toISOString() },
        });
        return decided.threshold;
      });
    },

    /** The alerts fired for an order, oldest first. */
    async ofRequest(requestId: string) {
      return db
        .select()
        .from(deadlineAlerts)
        .where(eq(deadlineAlerts.requestId, requestId))
        .orderBy(deadlineAlerts.firedAt, deadlineAlerts.threshold);
    },
  };
}
export type AlertsRepository = ReturnType<typeof alertsRepository>;
