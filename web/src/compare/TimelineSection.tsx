/**
 * A country's requests across sources on one chart, with series toggles, a log scale, surges marked,
 * the pressure on the platform on the same axis (issue 15: a line where each event began, a band while
 * a lasting one was in force), the events listed for those who cannot see the chart, and the table.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { PublicPressureEvent } from '../api.js';
import { type TFunction, useFormat, useTranslation } from '../i18n/index.js';
import { moneyIn, pressureKindLabel, pressureStatusLabel, startDay, timelineMarks } from '../pressure-vocabulary.js';
import { PressureList } from '../public/PressureList.js';
import { queries } from '../queries.js';
import type { Timeline } from './api.js';
import { CompareChart } from './CompareChart.js';
import { type PressureLayer, pressureBandColor, pressureColor, timelineOption } from './charts.js';
import { seriesColors, seriesKey, surgeColor } from './format.js';
import { seriesName, TimelineTable } from './TimelineTable.js';

type Props = { timeline: Timeline; selected: string | null; onSelect: (period: string) => void };

/** The country's pressure events placed on the timeline's half-years (a measure still in force runs to today). */
function usePressureLayer(timeline: Timeline, events: readonly PublicPressureEvent[]): PressureLayer {
  const { t } = useTranslation('compare');
  const format = useFormat();
  return useMemo(() => {
    const today = new Date().toISOString().slice(0, 10);
    const byId = new Map(events.map((e) => [e.id, e]));
    const marks = timelineMarks(events, timeline.periods, today).flatMap((m) => {
      const e = byId.get(m.id);
      if (!e) return [];
      const detail = [
        format.day(startDay(e)),
        e.authority,
        e.amount && e.currency ? moneyIn(format, e.amount, e.currency) : null,
        pressureStatusLabel(t, e.status),
      ].filter(Boolean);
      return [
        {
          at: m.at,
          band: m.band,
          period: timeline.periods[m.at] ?? '',
          kindLabel: pressureKindLabel(t, e.kind),
          eventTitle: e.title,
          eventDetail: detail.join(' · '),
        },
      ];
    });
    return { name: t('pressure:timeline.series'), marks };
  }, [timeline, events, t, format]);
}

/** `Fine in 2023-H1 (title); Blocking 2022-H1 to 2023-H2 (title)`, for the chart's description. */
function pressureText(t: TFunction, layer: PressureLayer, periods: readonly string[]): string {
  return layer.marks
    .map((m) =>
      m.band && m.band.to !== m.band.from
        ? t('pressure:timeline.markBand', {
            kind: m.kindLabel,
            from: periods[m.band.from] ?? '',
            to: periods[m.band.to] ?? '',
            title: m.eventTitle,
          })
        : t('pressure:timeline.markPoint', { kind: m.kindLabel, period: m.period, title: m.eventTitle }),
    )
    .join('; ');
}

/** The JSON repackaging repeats Google's official figures: off by default, one click away. */
const hiddenAtFirst = new Set(['google-removals-json']);

export function TimelineSection({ timeline, selected, onSelect }: Props) {
  const { t } = useTranslation('compare');
  const logId = useId();
  const [log, setLog] = useState(false);
  const keys = timeline.series.map((s) => seriesKey(s.source, s.requestKind));
  const onlyJson = keys.every((k) => hiddenAtFirst.has(k));
  const [hidden, setHidden] = useState<ReadonlySet<string>>(onlyJson ? new Set() : hiddenAtFirst);
  const visible = useMemo(
    () => timeline.series.filter((s) => !hidden.has(seriesKey(s.source, s.requestKind))),
    [timeline, hidden],
  );
  const pressure = useQuery(queries.publicPressure({ country: timeline.country }));
  const events = pressure.data ?? [];
  const layer = usePressureLayer(timeline, events);
  const option = useMemo(() => timelineOption(timeline.periods, visible, log, layer), [timeline, visible, log, layer]);
  const toggle = (key: string) => {
    const next = new Set(hidden);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setHidden(next);
  };
  const surges = visible.flatMap((s) => s.points.filter((p) => p.surge).map((p) => `${p.period} (${seriesName(t, s)})`));

  return (
    <section aria-labelledby="timeline-heading" className="compare-section">
      <h2 id="timeline-heading">{t('timeline.title')}</h2>
      <div
        className="card timeline-card"
        data-testid="timeline-card"
        data-pressure-marks={layer.marks.map((m) => `${m.period}:${m.band ? 'band' : 'point'}`).join(' ')}
      >
        <fieldset className="series-toggles">
          <legend>{t('timeline.series')}</legend>
          {timeline.series.map((s) => {
            const key = seriesKey(s.source, s.requestKind);
            return (
              <label key={key} className="series-toggle">
                <input type="checkbox" checked={!hidden.has(key)} onChange={() => toggle(key)} />
                <span className="swatch" style={{ background: seriesColors[key] }} aria-hidden="true" />
                <span>
                  {seriesName(t, s)}
                  {s.vintage ? <span className="muted nowrap"> · {t('timeline.vintage', { vintage: s.vintage })}</span> : null}
                  {s.containsDemoData ? <span className="badge badge-demo">{t('common:demo.badge')}</span> : null}
                </span>
              </label>
            );
          })}
        </fieldset>
        <div className="timeline-options">
          <label htmlFor={logId} className="series-toggle">
            <input id={logId} type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} />
            {t('timeline.log')}
          </label>
          <span className="muted hint-inline">{t('timeline.logHint')}</span>
        </div>
        {visible.length === 0 ? (
          <p className="empty">{t('timeline.chooseSeries')}</p>
        ) : (
          <CompareChart
            option={option}
            height={360}
            testId="timeline-chart"
            onSelect={onSelect}
            label={[
              t('timeline.chartLabel', {
                country: timeline.countryName,
                series: visible.map((s) => seriesName(t, s)).join(', '),
                surges: surges.length ? t('timeline.surgesIn', { surges: surges.join(', ') }) : t('timeline.noSurge'),
              }),
              layer.marks.length ? t('pressure:timeline.chartMarks', { marks: pressureText(t, layer, timeline.periods) }) : null,
            ]
              .filter(Boolean)
              .join(' ')}
          />
        )}
        <ul className="chart-legend" aria-label={t('timeline.legendLabel')}>
          <li>
            <span className="legend-band" style={{ background: 'rgba(192, 57, 43, 0.18)' }} aria-hidden="true" />{' '}
            {t('timeline.shaded')}
          </li>
          <li>
            <span className="legend-pin" style={{ borderColor: surgeColor }} aria-hidden="true">
              !
            </span>{' '}
            {t('timeline.pin', {
              min: timeline.surgeSettings.minRequests,
              threshold: timeline.surgeSettings.threshold,
              window: timeline.surgeSettings.window,
            })}{' '}
            (<Link to="/methodology#surges">{t('timeline.surgeMethod')}</Link>)
          </li>
          {layer.marks.length > 0 ? (
            <>
              <li data-testid="legend-pressure">
                <span className="legend-line" style={{ borderColor: pressureColor }} aria-hidden="true" />{' '}
                {t('pressure:timeline.legendLine')}
              </li>
              <li>
                <span className="legend-band" style={{ background: pressureBandColor }} aria-hidden="true" />{' '}
                {t('pressure:timeline.legendBand')}
              </li>
            </>
          ) : null}
          <li className="muted">{t('timeline.click')}</li>
        </ul>
        <section className="timeline-pressure" aria-labelledby="timeline-pressure-h" data-testid="timeline-pressure">
          <h3 id="timeline-pressure-h">{t('pressure:public.title')}</h3>
          {events.length > 0 ? (
            <PressureList events={events} testId="timeline-pressure-list" />
          ) : pressure.isSuccess ? (
            <p className="muted">{t('pressure:timeline.none', { country: timeline.countryName })}</p>
          ) : null}
        </section>
      </div>
      <TimelineTable timeline={timeline} series={timeline.series} selected={selected} onSelect={onSelect} />
    </section>
  );
}
