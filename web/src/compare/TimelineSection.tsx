/** A country's requests across sources on one chart, with series toggles, a log scale, surges marked, and the table. */
import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from '../i18n/index.js';
import type { Timeline } from './api.js';
import { CompareChart } from './CompareChart.js';
import { timelineOption } from './charts.js';
import { seriesColors, seriesKey, surgeColor } from './format.js';
import { seriesName, TimelineTable } from './TimelineTable.js';

type Props = { timeline: Timeline; selected: string | null; onSelect: (period: string) => void };

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
  const option = useMemo(() => timelineOption(timeline.periods, visible, log), [timeline, visible, log]);
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
      <div className="card timeline-card">
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
            label={t('timeline.chartLabel', {
              country: timeline.countryName,
              series: visible.map((s) => seriesName(t, s)).join(', '),
              surges: surges.length ? t('timeline.surgesIn', { surges: surges.join(', ') }) : t('timeline.noSurge'),
            })}
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
          <li className="muted">{t('timeline.click')}</li>
        </ul>
      </div>
      <TimelineTable timeline={timeline} series={timeline.series} selected={selected} onSelect={onSelect} />
    </section>
  );
}
