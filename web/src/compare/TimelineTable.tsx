/** The timeline's figures as a table: one row per half-year (newest first), one column per source. */
import type { Timeline, TimelinePoint, TimelineSeries } from './api.js';
import { sourceShortLabels } from './api.js';
import { count, seriesColors, seriesKey } from './format.js';
import { SurgeFlag } from './Marks.js';

/** The column heading of a series: this platform has one column per kind of request. */
export function seriesName(s: TimelineSeries): string {
  if (s.source !== 'platform') return sourceShortLabels[s.source];
  return s.requestKind === 'content_removal' ? 'This platform: removals' : 'This platform: user data';
}

function Cell({ series, point, period }: { series: TimelineSeries; point: TimelinePoint | undefined; period: string }) {
  const source = seriesKey(series.source, series.requestKind);
  if (!point)
    return (
      <td
        className="num muted"
        title="not covered by this source"
        data-testid="timeline-cell"
        data-source={source}
        data-period={period}
      >
        ·
      </td>
    );
  const extra =
    series.source === 'meta-data-requests' && point.accounts !== null
      ? `${count(point.accounts)} account${point.accounts === 1 ? '' : 's'}`
      : null;
  const items =
    point.items !== null && series.source !== 'meta-data-requests'
      ? `${count(point.items)} item${point.items === 1 ? '' : 's'}`
      : null;
  const detail = extra ?? items;
  return (
    <td
      className={`num${point.surge ? ' is-surge' : ''}`}
      data-testid="timeline-cell"
      data-source={source}
      data-period={period}
      data-value={point.requests ?? ''}
    >
      <span className="timeline-value" title={point.requests === null ? 'number not published (e.g. “<10”)' : undefined}>
        {count(point.requests)}
        {point.listed ? null : (
          <sup className="not-listed" title="not listed in a covered half-year: counted as 0">
            *
          </sup>
        )}
      </span>
      {detail ? <span className="sub">{detail}</span> : null}
      {point.surge ? (
        <SurgeFlag period={period} score={point.score} source={source} baselineMedian={point.baselineMedian} />
      ) : null}
    </td>
  );
}

type Props = {
  timeline: Timeline;
  series: readonly TimelineSeries[];
  selected: string | null;
  onSelect: (period: string) => void;
};

export function TimelineTable({ timeline, series, selected, onSelect }: Props) {
  const periods = [...timeline.periods].reverse();
  const lookup = series.map((s) => new Map(s.points.map((p) => [p.period, p])));
  return (
    <div className="table-wrap timeline-table-wrap">
      <table className="table table-compact timeline-table" data-testid="timeline-table">
        <caption>
          Requests per half-year, newest first. <span className="muted">Items or accounts below each figure.</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Half-year</th>
            {series.map((s) => (
              <th scope="col" className="num wrap" key={seriesKey(s.source, s.requestKind)}>
                <span
                  className="swatch"
                  style={{ background: seriesColors[seriesKey(s.source, s.requestKind)] }}
                  aria-hidden="true"
                />
                {seriesName(s)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {periods.map((period) => (
            <tr key={period} data-period={period} aria-current={period === selected ? 'true' : undefined}>
              <th scope="row">
                <button
                  type="button"
                  className="cmp-link-button"
                  onClick={() => onSelect(period)}
                  aria-label={`Show ${period} in detail`}
                >
                  {period}
                </button>
              </th>
              {series.map((s, i) => (
                <Cell key={seriesKey(s.source, s.requestKind)} series={s} point={lookup[i]?.get(period)} period={period} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="table-note muted">
        <sup>*</sup> not listed in a half-year the source covers: counted as 0. – not published (“&lt;10”, “?”, a range). · not
        covered by the source.
      </p>
    </div>
  );
}
