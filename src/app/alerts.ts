/**
 * Deadline alerts (issue 12, escalation): the sweep every Writ process runs with its jobs. It finds
 * the orders with an alert due at the Writ clock and fires each in a transaction of its own, to the
 * order's assignee and the configured addresses (the mail outbox) and to the alert hook (the
 * `alert` sink). Each (order, threshold, deadline) fires once whatever the number of processes and
 * restarts: see src/db/alerts-repository.ts and docs/decisions/0051-deadline-alerts.md.
 */
import { alertMail, alertThresholds, dueAlert } from '../domain/deadline-alerts.js';
import type { Writ } from './context.js';

/** At most this many alerts a sweep; the rest are due still and go at the next sweep. */
export const ALERTS_PER_SWEEP = 200;

export type FiredAlert = { requestId: string; threshold: string };

/** Fires the alerts due now; answers those this process fired. */
export async function sweepDeadlineAlerts(
  writ: Pick<Writ, 'alerts' | 'config' | 'now'>,
  limit = ALERTS_PER_SWEEP,
): Promise<FiredAlert[]> {
  const { shares, mailTo } = writ.config.alerts;
  const thresholds = alertThresholds(shares);
  const at = writ.now();
  const fired: FiredAlert[] = [];
  for (const candidate of await writ.alerts.due(thresholds, at, limit)) {
    const threshold = await writ.alerts.fire(candidate.requestId, (order, done) => {
      // Decided again over what the transaction reads: the order may have been decided, paused or
      // given a new deadline since the sweep's query, or the alert fired by another process.
      const due = dueAlert(order, shares, at, done);
      if (!due) return null;
      const { subject, body } = alertMail(order, due.threshold, at, writ.config.publicUrl);
      const to = [...new Set([...(order.assigneeEmail ? [order.assigneeEmail] : []), ...mailTo].map((a) => a.trim()))];
      const recipients = to.filter((a, i) => a !== '' && to.findIndex((b) => b.toLowerCase() === a.toLowerCase()) === i);
      return {
        threshold: due.threshold,
        mails: recipients.map((address) => ({ kind: 'deadline_alert', to: address, subject, body })),
        sinkPayload: writ.config.sinks.alert
          ? {
              type: 'deadline.alert',
              requestId: order.id,
              reference: order.reference,
              threshold: due.threshold,
              share: due.share,
              receivedAt: order.receivedAt.toISOString(),
              dueAt: order.dueAt.toISOString(),
              authorityTimeZone: order.authorityTimeZone,
              authority: { name: order.authorityName, country: order.country },
              firedAt: at.toISOString(),
              url: `${writ.config.publicUrl.replace(/\/+$/, '')}/review/requests/${order.id}`,
            }
          : null,
      };
    });
    if (threshold) fired.push({ requestId: candidate.requestId, threshold });
  }
  return fired;
}
