/** A request's history: every receipt, status change and decision, newest first. */
import type { Item, RequestEvent } from '../api.js';
import { bucketLabels, channelLabels, eventLabels, labelOf, statusLabels } from '../labels.js';
import { formatUtc } from '../time.js';

const prop = (value: unknown, key: string): unknown =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

function describeDecision(value: unknown): string {
  const outcome = text(prop(value, 'outcome'));
  const reason = text(prop(value, 'reason'));
  const scope = prop(value, 'scopeCountries');
  const parts = [outcome ? labelOf(bucketLabels, outcome) : 'no decision'];
  if (reason) parts.push(reason);
  if (Array.isArray(scope) && scope.length) parts.push(`in ${scope.join(', ')}`);
  return parts.join(' · ');
}

/** `due 10 Mar 2026, 18:30 UTC (kz-2022-child-cyberbullying/child-cyberbullying-removal v1)` */
function describeDeadline(value: unknown): string {
  const dueAt = text(prop(value, 'dueAt'));
  const ruleId = text(prop(value, 'deadlineRuleId'));
  const version = text(prop(value, 'deadlineRuleVersion'));
  const due = dueAt && !Number.isNaN(Date.parse(dueAt)) ? `due ${formatUtc(dueAt)}` : 'no deadline';
  return ruleId ? `${due} (${ruleId} v${version ?? '?'})` : `${due} (platform policy)`;
}

/** `due … (rule v1) → due … (rule v2)`, for a deadline_recomputed event; the rule once when it stayed the same. */
export function describeRecompute(event: Pick<RequestEvent, 'before' | 'after'>): string {
  const rule = (v: unknown) => `${text(prop(v, 'deadlineRuleId')) ?? ''} v${text(prop(v, 'deadlineRuleVersion')) ?? ''}`;
  const due = (v: unknown) => describeDeadline({ dueAt: prop(v, 'dueAt') }).replace(/ \(platform policy\)$/, '');
  if (text(prop(event.before, 'deadlineRuleId')) && rule(event.before) === rule(event.after)) {
    return `${due(event.before)} → ${due(event.after)} (${rule(event.after)}, recomputed with the current pack)`;
  }
  return `${describeDeadline(event.before)} → ${describeDeadline(event.after)}`;
}

/** One line saying what changed: `Received → In review`, `Item 2: No action taken → …`. */
export function summarize(event: RequestEvent, positions: Map<string, number>): string {
  const item = event.itemId ? `Item ${positions.get(event.itemId) ?? '?'}: ` : '';
  switch (event.type) {
    case 'status_changed': {
      const from = text(prop(event.before, 'status'));
      const to = text(prop(event.after, 'status'));
      return `${from ? labelOf(statusLabels, from) : '?'} → ${to ? labelOf(statusLabels, to) : '?'}`;
    }
    case 'item_decided':
      return item + describeDecision(event.after);
    case 'decision_changed':
      return `${item}${describeDecision(event.before)} → ${describeDecision(event.after)}`;
    case 'deadline_recomputed':
      return describeRecompute(event);
    case 'request_received': {
      const count = text(prop(event.after, 'items'));
      const channel = text(prop(event.after, 'channel'));
      const parts = [
        count ? `${count} item${count === '1' ? '' : 's'}` : undefined,
        channel ? `via ${labelOf(channelLabels, channel)}` : undefined,
      ];
      return parts.filter(Boolean).join(' ') || 'Recorded';
    }
    default: {
      const after = event.after === undefined || event.after === null ? '' : JSON.stringify(event.after);
      return item + after;
    }
  }
}

export function History({ events, items }: { events: readonly RequestEvent[]; items: readonly Item[] }) {
  const positions = new Map(items.map((i) => [i.id, i.position + 1]));
  const newestFirst = [...events].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  return (
    <section className="section" aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      {newestFirst.length === 0 ? (
        <p className="empty">No events recorded yet.</p>
      ) : (
        <ol className="history" reversed>
          {newestFirst.map((event) => (
            <li key={event.id} className="history-event" data-testid="history-event" data-type={event.type}>
              <div className="history-head">
                <span className="history-type">{labelOf(eventLabels, event.type)}</span>
                <span className="muted">
                  {event.actor ? event.actor.name : 'System'} · <time dateTime={event.at}>{formatUtc(event.at)}</time>
                </span>
              </div>
              <p className="history-summary">{summarize(event, positions)}</p>
              {event.note ? <p className="history-note">Note: {event.note}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
