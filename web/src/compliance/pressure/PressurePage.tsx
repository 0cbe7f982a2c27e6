/**
 * The pressure record (issue 15): fines, court judgments, blocking, throttling, bans, shutdowns and
 * pressure on staff, each tied to its law and the orders behind it. The events of a country (or of
 * every one), and the form to record one.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { countryCodes } from '../../../../src/domain/countries.js';
import type { PressureEvent } from '../../api.js';
import { DemoBadge, Loading, ProblemMessage } from '../../components/Feedback.js';
import { useDocumentTitle } from '../../components/Layout.js';
import { useFormat, useTranslation } from '../../i18n/index.js';
import { countryNameIn } from '../../labels.js';
import { moneyIn, pressureKindLabel, pressureStatusLabel, startDay } from '../../pressure-vocabulary.js';
import { queries } from '../../queries.js';
import { PressureForm } from './PressureForm.js';
import { pressureEventPath } from './paths.js';
import './pressure.css';

function EventRow({ event }: { event: PressureEvent }) {
  const { t } = useTranslation('pressure');
  const format = useFormat();
  const start = startDay(event);
  return (
    <tr
      data-testid="pressure-row"
      data-id={event.id}
      data-kind={event.kind}
      data-country={event.country}
      data-status={event.status}
      data-orders={event.orders.length}
    >
      <td className="nowrap">
        <time dateTime={start}>{format.day(start)}</time>
      </td>
      <td>{countryNameIn(event.country, format.locale)}</td>
      <td>{pressureKindLabel(t, event.kind)}</td>
      <th scope="row">
        <Link to={pressureEventPath(event.id)} data-testid="pressure-row-link">
          {event.title}
        </Link>
        {event.demo ? (
          <>
            {' '}
            <DemoBadge title={t('demoTitle')} />
          </>
        ) : null}
        <span className="sub">{event.authority}</span>
      </th>
      <td className="num nowrap" data-testid="pressure-row-amount">
        {event.amount && event.currency ? moneyIn(format, event.amount, event.currency) : '–'}
      </td>
      <td>
        <span className={`badge pressure-status pressure-status-${event.status}`}>{pressureStatusLabel(t, event.status)}</span>
      </td>
      <td className="num">{format.number(event.orders.length)}</td>
      <td>
        {event.regimeId ? (
          <>
            <code>{event.regimeId}</code>
            {event.dutyId ? <span className="sub">{t('list.duty', { duty: event.dutyId })}</span> : null}
            {event.deadlineRuleId ? <span className="sub">{t('list.deadline', { rule: event.deadlineRuleId })}</span> : null}
          </>
        ) : (
          <span className="muted">–</span>
        )}
      </td>
    </tr>
  );
}

export function PressurePage() {
  const { t } = useTranslation('pressure');
  const format = useFormat();
  useDocumentTitle(t('page.title'));
  const filterId = useId();
  const [params, setParams] = useSearchParams();
  const country = params.get('country') ?? '';
  const events = useQuery(queries.pressureEvents(country ? { country } : {}));
  const countries = useMemo(
    () =>
      countryCodes()
        .map((code) => ({ code, name: countryNameIn(code, format.locale) }))
        .sort((a, b) => a.name.localeCompare(b.name, format.locale)),
    [format.locale],
  );
  // Newest first: the list is read for what happened lately.
  const rows = useMemo(
    () =>
      [...(events.data ?? [])].sort((a, b) => startDay(b).localeCompare(startDay(a)) || b.createdAt.localeCompare(a.createdAt)),
    [events.data],
  );

  return (
    <section className="page pressure-page">
      <div className="page-heading">
        <p className="breadcrumb">
          <Link to="/compliance">{t('page.back')}</Link>
        </p>
        <h1>{t('page.title')}</h1>
        <p className="lede">{t('page.lede')}</p>
      </div>
      <section className="card pressure-list" aria-labelledby={`${filterId}-heading`}>
        <h2 id={`${filterId}-heading`}>{t('list.title')}</h2>
        <form className="pressure-filter" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor={filterId}>{t('list.country')}</label>
            <select
              id={filterId}
              value={country}
              data-testid="pressure-filter-country"
              onChange={(e) => setParams(e.target.value ? { country: e.target.value } : {}, { replace: true })}
            >
              <option value="">{t('list.everyCountry')}</option>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name} ({c.code})
                </option>
              ))}
            </select>
          </div>
        </form>
        {events.error ? <ProblemMessage error={events.error} /> : null}
        {events.isPending ? <Loading what={t('list.loading')} /> : null}
        {events.data && rows.length === 0 ? (
          <p className="empty" data-testid="pressure-empty">
            {country ? t('list.noneIn', { country: countryNameIn(country, format.locale) }) : t('list.none')}
          </p>
        ) : null}
        {rows.length > 0 ? (
          <div className="table-wrap">
            <table className="table table-compact pressure-table" data-testid="pressure-table">
              <caption className="visually-hidden">{t('list.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('list.began')}</th>
                  <th scope="col">{t('field.country')}</th>
                  <th scope="col">{t('field.kind')}</th>
                  <th scope="col">{t('list.what')}</th>
                  <th scope="col" className="num">
                    {t('field.amount')}
                  </th>
                  <th scope="col">{t('field.status')}</th>
                  <th scope="col" className="num">
                    {t('list.orders')}
                  </th>
                  <th scope="col">{t('list.law')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((e) => (
                  <EventRow key={e.id} event={e} />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <PressureForm country={country} />
    </section>
  );
}
