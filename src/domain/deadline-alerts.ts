/**
 * Deadline alerts (issue 12, escalation): an open order alerts at configured shares of the time it
 * was allowed (receipt to deadline) and at its deadline. Which alert is due at an instant is decided
 * here; that each fires once is the repository's (one `deadline_alerts` row per order, threshold and
 * deadline). docs/decisions/0051-deadline-alerts.md.
 */
import { formatInZone } from './regimes/time.js';
import { openStatuses, type RequestStatus } from './vocabulary.js';

/** The alert at the deadline itself. */
export const EXPIRED = 'expired';

/** A point at which an order alerts: a share of the time allowed (`0.5`) or `expired` (share 1). */
export type AlertThreshold = { threshold: string; share: number };

/**
 * The thresholds for the configured shares, ascending, then `expired`. A share is a number in
 * (0, 1); a share of 1 or more would be the deadline itself, which `expired` already is.
 */
export function alertThresholds(shares: readonly number[]): AlertThreshold[] {
  const kept = [...new Set(shares.filter((s) => Number.isFinite(s) && s > 0 && s < 1))].sort((a, b) => a - b);
  return [...kept.map((share) => ({ threshold: String(share), share })), { threshold: EXPIRED, share: 1 }];
}

/** What of an order decides its alerts. */
export type AlertingOrder = {
  status: RequestStatus;
  isDemo: boolean;
  receivedAt: Date;
  dueAt: Date;
  /** Since when the deadline's clock stands still; null while it runs. */
  clockPausedAt: Date | null;
};

/** Whether the order alerts at all: open, not demo data, its clock running. */
export function alerts(order: AlertingOrder): boolean {
  return openStatuses.includes(order.status) && !order.isDemo && order.clockPausedAt === null;
}

/** The instant of a threshold: receipt plus its share of the time allowed (the deadline for `expired`). */
export function alertInstant(order: Pick<AlertingOrder, 'receivedAt' | 'dueAt'>, t: AlertThreshold): Date {
  if (t.threshold === EXPIRED) return order.dueAt;
  const allowed = order.dueAt.getTime() - order.receivedAt.getTime();
  return new Date(order.receivedAt.getTime() + Math.round(t.share * allowed));
}

/** Each threshold with its instant, for an order that alerts; none for one that does not. */
export function alertSchedule(order: AlertingOrder, shares: readonly number[]): (AlertThreshold & { at: Date })[] {
  if (!alerts(order)) return [];
  return alertThresholds(shares).map((t) => ({ ...t, at: alertInstant(order, t) }));
}

/**
 * The one alert due at `now`: the latest threshold passed, unless it already fired for this
 * deadline. Earlier thresholds passed at once with it are skipped, never sent late: a server down
 * for a day sends the one alert that says where the order stands now, not 0.5, 0.75 and 0.9 at once.
 * Once a later threshold fired, an earlier one never becomes due again (the latest passed only
 * moves forward while the deadline stays).
 */
export function dueAlert(
  order: AlertingOrder,
  shares: readonly number[],
  now: Date,
  fired: ReadonlySet<string> = new Set(),
): AlertThreshold | null {
  const passed = alertSchedule(order, shares).filter((t) => t.at.getTime() <= now.getTime());
  const latest = passed.at(-1);
  if (!latest) return null;
  const firedLater = passed.some((t) => t.share >= latest.share && fired.has(t.threshold));
  return firedLater ? null : { threshold: latest.threshold, share: latest.share };
}

/** A duration as days, hours and minutes (`2 d 3 h 5 min`), for the alert's text. */
export function durationText(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const parts = [...(d > 0 ? [`${d} d`] : []), ...(d > 0 || h > 0 ? [`${h} h`] : []), `${m} min`];
  return parts.join(' ');
}

/** What the alert's mail names. */
export type AlertedOrder = {
  id: string;
  reference: string;
  authorityName: string;
  country: string;
  authorityTimeZone: string;
  receivedAt: Date;
  dueAt: Date;
};

/** The plain-text mail of an alert (staff mail, in English like Writ's other staff mails). */
export function alertMail(
  order: AlertedOrder,
  threshold: string,
  now: Date,
  publicUrl: string,
): { subject: string; body: string } {
  const left = order.dueAt.getTime() - now.getTime();
  const what =
    threshold === EXPIRED ? 'its deadline has passed' : `${Math.round(Number(threshold) * 100)}% of the time allowed has passed`;
  const subject =
    threshold === EXPIRED
      ? `Deadline passed: order ${order.reference}`
      : `Deadline alert (${Math.round(Number(threshold) * 100)}%): order ${order.reference}`;
  const body = [
    `Order ${order.reference} is still open and ${what}.`,
    '',
    `Authority: ${order.authorityName} (${order.country})`,
    `Received at: ${order.receivedAt.toISOString()} (UTC)`,
    `Due by: ${order.dueAt.toISOString()} (UTC)`,
    `Due by, authority's time: ${formatInZone(order.dueAt, order.authorityTimeZone)} (${order.authorityTimeZone})`,
    left > 0 ? `Time left: ${durationText(left)}` : `Overdue by: ${durationText(left)}`,
    '',
    `Open the order: ${publicUrl.replace(/\/+$/, '')}/review/requests/${order.id}`,
  ];
  return { subject, body: body.join('\n') };
}
