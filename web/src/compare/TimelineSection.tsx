/** A country's requests across sources on one chart, with series toggles, a log scale, surges marked, and the table. */
import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import type { Timeline } from './api.js';
import { CompareChart } from './CompareChart.js';
import { timelineOption } from './charts.js';
import { seriesColors, seriesKey, surgeColor } from './format.js';
import { seriesName, TimelineTable } from './TimelineTable.js';

type Props = { timeline: Timeline; selected: string | null; onSelect: (period: string) => void };

/** The JSON repackaging repeats Google's official figures: off by default, one click away. */
const hiddenAtFirst = new Set(['google-removals-json']);

export function TimelineSection({ timeline, selected, onSelect }: Props) {
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
  const surges = visible.flatMap((s) => s.points.filter((p) => p.surge).map((p) => `${p.period} (${seriesName(s)})`));

  return (
    <section aria-labelledby="timeline-heading" className="compare-section">
      <h2 id="timeline-heading">Requests per half-year, across sources</h2>
      <div className="card timeline-card">
        <fieldset className="series-toggles">
          <legend>Series shown</legend>
          {timeline.series.map((s) => {
            const key = seriesKey(s.source, s.requestKind);
            return (
              <label key={key} className="series-toggle">
                <input type="checkbox" checked={!hidden.has(key)} onChange={() => toggle(key)} />
                <span className="swatch" style={{ background: seriesColors[key] }} aria-hidden="true" />
                <span>
                  {seriesName(s)}
                  {s.vintage ? <span className="muted nowrap"> · vintage {s.vintage}</span> : null}
                  {s.containsDemoData ? <span className="badge badge-demo">Demo data</span> : null}
                </span>
              </label>
            );
          })}
        </fieldset>
        <div className="timeline-options">
          <label htmlFor={logId} className="series-toggle">
            <input id={logId} type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} />
            Logarithmic scale
          </label>
          <span className="muted hint-inline">
            Sources differ by orders of magnitude; on a log scale, half-years with 0 requests are gaps.
          </span>
        </div>
        {visible.length === 0 ? (
          <p className="empty">Choose at least one series to draw.</p>
        ) : (
          <CompareChart
            option={option}
            height={360}
            testId="timeline-chart"
            onSelect={onSelect}
            label={`Chart: requests from ${timeline.countryName} per half-year, ${visible.map(seriesName).join(', ')}${
              surges.length ? `; surges in ${surges.join(', ')}` : '; no surge'
            }. The figures are in the table below.`}
          />
        )}
        <ul className="chart-legend" aria-label="How surges are marked">
          <li>
            <span className="legend-band" style={{ background: 'rgba(192, 57, 43, 0.18)' }} aria-hidden="true" /> shaded
            half-year: a surge in at least one series shown
          </li>
          <li>
            <span className="legend-pin" style={{ borderColor: surgeColor }} aria-hidden="true">
              !
            </span>{' '}
            pin on a point: that series surges there — at least {timeline.surgeSettings.minRequests} requests, more than{' '}
            {timeline.surgeSettings.threshold} robust spreads above the median of its previous {timeline.surgeSettings.window}{' '}
            half-years (<Link to="/methodology#surges">the surge method</Link>)
          </li>
          <li className="muted">Click a point or a half-year in the table to see it in detail below.</li>
        </ul>
      </div>
      <TimelineTable timeline={timeline} series={timeline.series} selected={selected} onSelect={onSelect} />
    </section>
  );
}
