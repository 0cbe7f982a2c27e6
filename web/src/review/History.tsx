/** A request's history: every receipt, status change and decision, newest first. */
import type { Item, RequestEvent } from '../api.js';
import { type TFunction, useFormat, useTranslation } from '../i18n/index.js';
import { label } from '../labels.js';
import { dataEventLine, dataEventTypes } from './data/history-lines.js';
import { historyAreaOf } from './history-areas.js';
import { threadEventLine, threadEventTypes } from './thread/history-lines.js';

/** What the summaries need: the words, and instants in UTC with the zone named. */
export type Describe = { t: TFunction; utc: (iso: string) => string };

const prop = (value: unknown, key: string): unknown =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

function describeDecision({ t }: Describe, value: unknown): string {
  const outcome = text(prop(value, 'outcome'));
  const reason = text(prop(value, 'reason'));
  const scope = prop(value, 'scopeCountries');
  const parts = [outcome ? label(t, 'outcome', outcome) : t('review:history.noDecision')];
  if (reason) parts.push(reason);
  if (Array.isArray(scope) && scope.length) parts.push(t('review:history.inCountries', { countries: scope.join(', ') }));
  return parts.join(' · ');
}

/** `due 10 Mar 2026, 18:30 UTC (kz-2022-child-cyberbullying/child-cyberbullying-removal v1)` */
function describeDeadline(describe: Describe, value: unknown, withPolicy = true): string {
  const { t, utc } = describe;
  const dueAt = text(prop(value, 'dueAt'));
  const ruleId = text(prop(value, 'deadlineRuleId'));
  const version = text(prop(value, 'deadlineRuleVersion'));
  const due =
    dueAt && !Number.isNaN(Date.parse(dueAt)) ? t('review:history.due', { time: utc(dueAt) }) : t('review:history.noDeadline');
  if (ruleId) return `${due} (${ruleId} v${version ?? '?'})`;
  return withPolicy ? `${due} (${t('review:history.platformPolicy')})` : due;
}

/** `due … (rule v1) → due … (rule v2)`, for a deadline_recomputed event; the rule once when it stayed the same. */
export function describeRecompute(describe: Describe, event: Pick<RequestEvent, 'before' | 'after'>): string {
  const rule = (v: unknown) => `${text(prop(v, 'deadlineRuleId')) ?? ''} v${text(prop(v, 'deadlineRuleVersion')) ?? ''}`;
  const due = (v: unknown) => describeDeadline(describe, { dueAt: prop(v, 'dueAt') }, false);
  if (text(prop(event.before, 'deadlineRuleId')) && rule(event.before) === rule(event.after)) {
    return `${due(event.before)} → ${due(event.after)} (${describe.t('review:history.recomputedWithPack', { rule: rule(event.after) })})`;
  }
  return `${describeDeadline(describe, event.before)} → ${describeDeadline(describe, event.after)}`;
}

/** One line saying what changed: `Received → In review`, `Item 2: No action taken → …`. */
export function summarize(
  describe: Describe,
  event: RequestEvent,
  positions: Map<string, number>,
  accounts: ReadonlyMap<string, number> = new Map(),
): string {
  const { t } = describe;
  if (dataEventTypes.has(event.type)) return dataEventLine(t, describe.utc, event, accounts);
  const item = event.itemId ? t('review:history.itemPrefix', { position: positions.get(event.itemId) ?? '?' }) : '';
  if (threadEventTypes.has(event.type)) return threadEventLine(t, describe.utc, event);
  const area = historyAreaOf(event.type);
  if (area) return item + area.line(t, describe.utc, event);
  switch (event.type) {
    case 'status_changed': {
      const from = text(prop(event.before, 'status'));
      const to = text(prop(event.after, 'status'));
      return `${from ? label(t, 'status', from) : '?'} → ${to ? label(t, 'status', to) : '?'}`;
    }
    case 'item_decided':
      return item + describeDecision(describe, event.after);
    case 'decision_changed':
      return `${item}${describeDecision(describe, event.before)} → ${describeDecision(describe, event.after)}`;
    case 'deadline_recomputed':
      return describeRecompute(describe, event);
    case 'request_received': {
      // A data order names accounts; its receipt says how many, like a removal order's items.
      const count = text(prop(event.after, 'accounts')) ?? text(prop(event.after, 'items'));
      const channel = text(prop(event.after, 'channel'));
      const parts = [
        count ? t('review:history.items', { count: Number(count) }) : undefined,
        channel ? t('review:history.via', { channel: label(t, 'channel', channel) }) : undefined,
      ];
      return parts.filter(Boolean).join(' ') || t('review:history.recorded');
    }
    default: {
      const after = event.after === undefined || event.after === null ? '' : JSON.stringify(event.after);
      return item + after;
    }
  }
}

/** The summaries' words and instants in the UI's language. */
export function useDescribe(): Describe {
  const { t } = useTranslation('review');
  const { utc } = useFormat();
  return { t, utc };
}

export function History({
  events,
  items,
  accounts = [],
}: {
  events: readonly RequestEvent[];
  items: readonly Item[];
  /** A data order's accounts, numbered in the history as on the page. */
  accounts?: readonly { id: string; position: number }[];
}) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const describe = useDescribe();
  const positions = new Map(items.map((i) => [i.id, i.position + 1]));
  const accountPositions = new Map(accounts.map((a) => [a.id, a.position + 1]));
  const newestFirst = [...events].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  return (
    <section className="section" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('history.title')}</h2>
      {newestFirst.length === 0 ? (
        <p className="empty">{t('history.empty')}</p>
      ) : (
        <ol className="history" reversed>
          {newestFirst.map((event) => (
            <li key={event.id} className="history-event" data-testid="history-event" data-type={event.type}>
              <div className="history-head">
                <span className="history-type">
                  {historyAreaOf(event.type)?.label(t, event.type) ?? label(t, 'event', event.type)}
                </span>
                <span className="muted">
                  {event.actor ? event.actor.name : t('history.system')} · <time dateTime={event.at}>{format.utc(event.at)}</time>
                </span>
              </div>
              <p className="history-summary">{summarize(describe, event, positions, accountPositions)}</p>
              {event.note ? <p className="history-note">{t('history.note', { note: event.note })}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
