/**
 * Pressure on the platform (issue 15), as a list anyone can read: each fine, judgment, block, ban or
 * shutdown with its date, kind, title, authority, amount, status, the law it enforces, how many orders
 * it concerns and its sources as links. The comparison page lists it beside its timeline (so that a
 * screen reader gets what the chart draws), the country page under its half-year.
 */

import type { PublicPressureEvent } from '../api.js';
import { DemoBadge } from '../components/Feedback.js';
import { useFormat, useTranslation } from '../i18n/index.js';
import {
  isLastingKind,
  moneyIn,
  pressureKindLabel,
  pressureStatusLabel,
  shutdownScopeLabel,
  startDay,
} from '../pressure-vocabulary.js';
import './pressure.css';

/** Only an http(s) address becomes a link (the server takes no other; the page keeps it so). */
export const isWebAddress = (url: string) => /^https?:\/\//i.test(url);

/** An event's sources: their titles (else addresses) as links, with the words quoted. */
export function PressureSources({ sources }: { sources: PublicPressureEvent['sources'] }) {
  const { t } = useTranslation('pressure');
  if (sources.length === 0) return <p className="muted">{t('detail.noSources')}</p>;
  return (
    <ul className="pressure-source-list" data-testid="pressure-source-list">
      {sources.map((s) => (
        <li key={s.url}>
          {isWebAddress(s.url) ? (
            <a href={s.url} rel="noopener noreferrer nofollow" target="_blank" data-testid="pressure-source-link">
              {s.title ?? s.url}
            </a>
          ) : (
            <span>{s.title ?? s.url}</span>
          )}
          {s.quote ? <blockquote className="pressure-quote">{s.quote}</blockquote> : null}
        </li>
      ))}
    </ul>
  );
}

function When({ event }: { event: PublicPressureEvent }) {
  const { t } = useTranslation('pressure');
  const format = useFormat();
  const start = startDay(event);
  const day = (d: string) => <time dateTime={d}>{format.day(d)}</time>;
  if (!isLastingKind(event.kind)) return day(start);
  if (event.endedOn)
    return (
      <>
        {day(start)} – {day(event.endedOn)}
      </>
    );
  return (
    <>
      {day(start)} – <span>{t('list.stillInForce')}</span>
    </>
  );
}

export function PressureItem({ event }: { event: PublicPressureEvent }) {
  const { t } = useTranslation('pressure');
  const format = useFormat();
  return (
    <li
      className="pressure-item"
      data-testid="pressure-event"
      data-id={event.id}
      data-kind={event.kind}
      data-status={event.status}
      data-start={startDay(event)}
      data-demo={event.demo ? 'true' : 'false'}
    >
      <p className="pressure-item-head">
        <span className="pressure-when">
          <When event={event} />
        </span>{' '}
        · <strong data-testid="pressure-event-kind">{pressureKindLabel(t, event.kind)}</strong>{' '}
        <span className={`badge pressure-status pressure-status-${event.status}`} data-testid="pressure-event-status">
          {pressureStatusLabel(t, event.status)}
        </span>
        {event.demo ? (
          <>
            {' '}
            <DemoBadge title={t('demoTitle')} testId="pressure-event-demo" />
          </>
        ) : null}
      </p>
      <p className="pressure-item-title" data-testid="pressure-event-title">
        {event.title}
      </p>
      <p className="pressure-item-facts">
        <span data-testid="pressure-event-authority">{event.authority}</span>
        {event.amount && event.currency ? (
          <>
            {' · '}
            <span data-testid="pressure-event-amount" data-amount={event.amount} data-currency={event.currency}>
              {moneyIn(format, event.amount, event.currency)}
            </span>
            {event.reference && event.referenceAmount ? (
              <span className="muted">
                {' '}
                {t('form.converted', {
                  amount: moneyIn(format, event.referenceAmount, event.reference.currency),
                  rate: event.reference.rate,
                  day: format.day(event.reference.rateOn),
                })}
              </span>
            ) : null}
          </>
        ) : null}
        {event.scope ? ` · ${shutdownScopeLabel(t, event.scope)}${event.region ? `: ${event.region}` : ''}` : ''}
        {' · '}
        <span data-testid="pressure-event-orders" data-count={event.ordersConcerned}>
          {t('list.ordersConcerned', { count: event.ordersConcerned })}
        </span>
      </p>
      {event.regimeId ? (
        <p className="sub">
          {t('list.underLaw', { regime: event.regimeId })}
          {event.dutyId ? ` · ${t('list.duty', { duty: event.dutyId })}` : ''}
          {event.deadlineRuleId ? ` · ${t('list.deadline', { rule: event.deadlineRuleId })}` : ''}
        </p>
      ) : null}
      {event.description ? <p className="pressure-item-description">{event.description}</p> : null}
      <PressureSources sources={event.sources} />
    </li>
  );
}

/** The events, oldest first (as the timeline runs); `testId` names the list for tests. */
export function PressureList({ events, testId = 'pressure-list' }: { events: readonly PublicPressureEvent[]; testId?: string }) {
  const sorted = [...events].sort((a, b) => startDay(a).localeCompare(startDay(b)) || a.title.localeCompare(b.title));
  return (
    <ol className="pressure-items" data-testid={testId}>
      {sorted.map((e) => (
        <PressureItem key={e.id} event={e} />
      ))}
    </ol>
  );
}
