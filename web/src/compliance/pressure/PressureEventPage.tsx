/**
 * One pressure event (issue 15): its facts, the law it enforces, the orders it concerns, its sources,
 * its history (newest first), and its status changed (appealed, paid, overturned, lifted). A change is
 * made on the version read: if someone changed the event since, the server refuses it (409) and the
 * page says so, with the event to reload.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { FormProvider } from 'react-hook-form';
import { Link, useParams } from 'react-router-dom';
import { api, type PressureChange, type PressureEvent, type PressureHistoryEntry } from '../../api.js';
import { DemoBadge, Loading, ProblemMessage } from '../../components/Feedback.js';
import { Field } from '../../components/Field.js';
import { placeProblem, useSchemaForm } from '../../components/form.js';
import { useDocumentTitle } from '../../components/Layout.js';
import { type TFunction, useFormat, useTranslation } from '../../i18n/index.js';
import { countryNameIn, label } from '../../labels.js';
import { pressureChanged } from '../../mutations.js';
import {
  isShutdownKind,
  moneyIn,
  type PressureStatus,
  pressureKindLabel,
  pressureStatuses,
  pressureStatusLabel,
  shutdownScopeLabel,
} from '../../pressure-vocabulary.js';
import { asApiError } from '../../problem.js';
import { PressureSources } from '../../public/PressureList.js';
import { queries } from '../../queries.js';
import { statusForm } from './pressure-form.js';
import './pressure.css';

type FactKey = Exclude<keyof PressureChange, 'version'>;

/** A fact's name in the UI's language, as the form labels it. */
function factLabel(t: TFunction, key: string): string {
  const labels: Record<FactKey, string> = {
    kind: t('pressure:field.kind'),
    country: t('pressure:field.country'),
    authority: t('pressure:field.authority'),
    title: t('pressure:field.title'),
    description: t('pressure:field.description'),
    scope: t('pressure:field.scope'),
    region: t('pressure:field.region'),
    announcedOn: t('pressure:field.announcedOn'),
    inForceOn: t('pressure:field.inForceOn'),
    endedOn: t('pressure:field.endedOn'),
    amount: t('pressure:field.amount'),
    currency: t('pressure:field.currency'),
    reference: t('pressure:field.reference'),
    regimeId: t('pressure:field.regimeId'),
    dutyId: t('pressure:field.dutyId'),
    deadlineRuleId: t('pressure:field.deadlineRuleId'),
    orders: t('pressure:field.orders'),
    status: t('pressure:field.status'),
    demo: t('pressure:field.demo'),
    sources: t('pressure:field.sources'),
  };
  return labels[key as FactKey] ?? key;
}

const prop = (value: unknown, key: string): unknown =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;

const isStatus = (value: unknown): value is PressureStatus =>
  typeof value === 'string' && (pressureStatuses as readonly string[]).includes(value);

/** What a history entry changed: the status from → to, and the names of the other facts that changed. */
function changes(t: TFunction, entry: PressureHistoryEntry): string[] {
  if (entry.before === null || entry.before === undefined) return [];
  const lines: string[] = [];
  const [from, to] = [prop(entry.before, 'status'), prop(entry.after, 'status')];
  if (isStatus(from) && isStatus(to) && from !== to)
    lines.push(t('pressure:history.status', { from: pressureStatusLabel(t, from), to: pressureStatusLabel(t, to) }));
  const keys = new Set([
    ...Object.keys((entry.after as object | null) ?? {}),
    ...Object.keys((entry.before as object | null) ?? {}),
  ]);
  const others = [...keys].filter(
    (k) => k !== 'status' && JSON.stringify(prop(entry.before, k)) !== JSON.stringify(prop(entry.after, k)),
  );
  if (others.length) lines.push(t('pressure:history.facts', { facts: others.map((k) => factLabel(t, k)).join(', ') }));
  return lines;
}

function History({ history }: { history: readonly PressureHistoryEntry[] }) {
  const { t } = useTranslation('pressure');
  const format = useFormat();
  const newestFirst = [...history].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  return (
    <section className="card pressure-history" aria-labelledby="pressure-history-h">
      <h2 id="pressure-history-h">{t('history.title')}</h2>
      <ol className="history" data-testid="pressure-history">
        {newestFirst.map((h) => (
          <li key={h.id} className="history-event" data-testid="pressure-history-entry" data-type={h.type}>
            <strong>
              {h.type === 'pressure_recorded'
                ? t('history.recorded')
                : h.type === 'pressure_changed'
                  ? t('history.changed')
                  : h.type}
            </strong>{' '}
            <time dateTime={h.at}>{format.utc(h.at)}</time>
            {h.actor ? <span className="muted"> · {h.actor.name}</span> : null}
            {changes(t, h).map((line) => (
              <span key={line} className="sub">
                {line}
              </span>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The status, changed on the version read; a conflict says someone changed the event since. */
function StatusChange({ event }: { event: PressureEvent }) {
  const { t } = useTranslation('pressure');
  const prefix = `${useId()}-`;
  const client = useQueryClient();
  const schema = useMemo(() => statusForm(event), [event]);
  const form = useSchemaForm(schema, { status: event.status });
  const change = useMutation({
    mutationFn: (body: PressureChange) => api.changePressure(event.id, body),
    onSuccess: () => pressureChanged(client),
  });
  const submit = form.handleSubmit(async (body) => {
    try {
      await change.mutateAsync(body);
    } catch (e) {
      // A conflict names `version`, which is no control here: it is said above the form instead.
      if (asApiError(e).status !== 409) placeProblem(e, form.setError);
    }
  });
  const conflict = change.error && change.error.status === 409 ? change.error : null;
  const reload = async () => {
    change.reset();
    await client.invalidateQueries({ queryKey: queries.pressureEvent(event.id).queryKey });
  };

  return (
    <FormProvider {...form}>
      <form className="card form pressure-status-form" data-testid="pressure-status-form" onSubmit={submit} noValidate>
        <h2>{t('detail.changeStatus')}</h2>
        {conflict ? (
          <div className="alert alert-warning" role="alert" data-testid="pressure-conflict">
            <p className="alert-title">{t('detail.conflictTitle')}</p>
            <p>{t('detail.conflict')}</p>
            <p className="muted">{conflict.problem.detail}</p>
            <button type="button" className="button button-small" data-testid="pressure-reload" onClick={reload}>
              {t('detail.reload')}
            </button>
          </div>
        ) : change.error ? (
          <ProblemMessage error={change.error} />
        ) : null}
        {change.isSuccess ? (
          <p className="alert alert-success" role="status" data-testid="pressure-status-saved">
            {t('detail.statusSaved', { status: pressureStatusLabel(t, change.data.status) })}
          </p>
        ) : null}
        <div className="form-row">
          <Field name="status" label={t('field.status')} idPrefix={prefix}>
            {(control) => (
              <select {...control} {...form.register('status')} data-testid="pressure-change-status">
                {pressureStatuses.map((s) => (
                  <option key={s} value={s}>
                    {pressureStatusLabel(t, s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="actions">
          <button
            type="submit"
            className="button button-primary"
            data-testid="pressure-change-submit"
            disabled={change.isPending}
          >
            {change.isPending ? t('detail.saving') : t('detail.save')}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}

function Facts({ event }: { event: PressureEvent }) {
  const { t } = useTranslation('pressure');
  const format = useFormat();
  const day = (d: string | null) => (d ? <time dateTime={d}>{format.day(d)}</time> : <span className="muted">–</span>);
  return (
    <dl className="card facts pressure-facts" data-testid="pressure-facts">
      <div>
        <dt>{t('field.country')}</dt>
        <dd>
          {countryNameIn(event.country, format.locale)} ({event.country})
        </dd>
      </div>
      <div>
        <dt>{t('field.authority')}</dt>
        <dd data-testid="pressure-authority-value">{event.authority}</dd>
      </div>
      {isShutdownKind(event.kind) && event.scope ? (
        <div>
          <dt>{t('field.scope')}</dt>
          <dd>
            {shutdownScopeLabel(t, event.scope)}
            {event.region ? ` · ${event.region}` : ''}
          </dd>
        </div>
      ) : null}
      <div>
        <dt>{t('field.announcedOn')}</dt>
        <dd>{day(event.announcedOn)}</dd>
      </div>
      <div>
        <dt>{t('field.inForceOn')}</dt>
        <dd>{day(event.inForceOn)}</dd>
      </div>
      <div>
        <dt>{t('field.endedOn')}</dt>
        <dd>{day(event.endedOn)}</dd>
      </div>
      {event.amount && event.currency ? (
        <div>
          <dt>{t('field.amount')}</dt>
          <dd data-testid="pressure-amount-value" data-amount={event.amount} data-currency={event.currency}>
            {moneyIn(format, event.amount, event.currency)}
            {event.reference && event.referenceAmount ? (
              <span className="sub" data-testid="pressure-converted" data-value={event.referenceAmount}>
                {t('form.converted', {
                  amount: moneyIn(format, event.referenceAmount, event.reference.currency),
                  rate: event.reference.rate,
                  day: format.day(event.reference.rateOn),
                })}
              </span>
            ) : null}
          </dd>
        </div>
      ) : null}
      <div>
        <dt>{t('list.law')}</dt>
        <dd data-testid="pressure-law">
          {event.regimeId ? (
            <>
              <Link to={`/compliance/regimes/${encodeURIComponent(event.regimeId)}`}>{event.regimeId}</Link>
              {event.dutyId ? <span className="sub">{t('list.duty', { duty: event.dutyId })}</span> : null}
              {event.deadlineRuleId ? <span className="sub">{t('list.deadline', { rule: event.deadlineRuleId })}</span> : null}
            </>
          ) : (
            <span className="muted">{t('detail.noLaw')}</span>
          )}
        </dd>
      </div>
      <div>
        <dt>{t('field.orders')}</dt>
        <dd>
          {event.orders.length === 0 ? (
            <span className="muted">{t('detail.noOrders')}</span>
          ) : (
            <ul className="inline-list" data-testid="pressure-orders-list">
              {event.orders.map((o) => (
                <li key={o.id} data-reference={o.reference}>
                  <Link to={`/review/requests/${encodeURIComponent(o.id)}`}>{o.reference}</Link>{' '}
                  <span className="muted">({label(t, 'status', o.status)})</span>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
    </dl>
  );
}

export function PressureEventPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('pressure');
  const format = useFormat();
  const detail = useQuery(queries.pressureEvent(id));
  const event = detail.data?.event;
  useDocumentTitle(event ? event.title : t('page.title'));
  return (
    <article className="page pressure-event-page" data-testid="pressure-event" data-id={id} data-status={event?.status}>
      <div className="page-heading">
        <p className="breadcrumb">
          <Link to="/compliance">{t('page.backToRegister')}</Link> · <Link to="/compliance/pressure">{t('page.title')}</Link>
        </p>
        {event ? (
          <>
            <h1>{event.title}</h1>
            <p className="pressure-badges">
              <span className="badge" data-testid="pressure-kind-value" data-kind={event.kind}>
                {pressureKindLabel(t, event.kind)}
              </span>{' '}
              <span
                className={`badge pressure-status pressure-status-${event.status}`}
                data-testid="pressure-status-value"
                data-status={event.status}
              >
                {pressureStatusLabel(t, event.status)}
              </span>{' '}
              {event.demo ? <DemoBadge title={t('demoTitle')} /> : null}
            </p>
            <p className="muted">
              {t('detail.recorded', { time: format.utc(event.createdAt), version: event.version })}
              {event.updatedAt !== event.createdAt ? ` · ${t('detail.updated', { time: format.utc(event.updatedAt) })}` : ''}
            </p>
          </>
        ) : null}
      </div>
      {detail.error ? <ProblemMessage error={detail.error} /> : null}
      {detail.isPending ? <Loading what={t('detail.loading')} /> : null}
      {event && detail.data ? (
        <div className="pressure-detail">
          <div className="pressure-detail-main">
            {event.description ? <p className="pressure-description">{event.description}</p> : null}
            <Facts event={event} />
            <section className="card" aria-labelledby="pressure-sources-h">
              <h2 id="pressure-sources-h">{t('field.sources')}</h2>
              <PressureSources sources={event.sources} />
            </section>
            <History history={detail.data.history} />
          </div>
          <aside className="pressure-detail-aside">
            <StatusChange event={event} />
          </aside>
        </div>
      ) : null}
    </article>
  );
}
