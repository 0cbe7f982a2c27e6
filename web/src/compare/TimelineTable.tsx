/** The timeline's figures as a table: one row per half-year (newest first), one column per source. */

import { type TFunction, useTranslation } from '../i18n/index.js';
import { headlineOf, type Timeline, type TimelinePoint, type TimelineSeries } from './api.js';
import { count, seriesColors, seriesKey } from './format.js';
import { SurgeFlag } from './Marks.js';

/** The column heading of a series: this platform has one column per kind of request. */
export function seriesName(t: TFunction, s: TimelineSeries): string {
  if (s.source !== 'platform') return t(`compare:source.${s.source}`);
  return s.requestKind === 'content_removal' ? t('compare:timeline.platformRemovals') : t('compare:timeline.platformUserData');
}

function Cell({ series, point, period }: { series: TimelineSeries; point: TimelinePoint | undefined; period: string }) {
  const { t } = useTranslation('compare');
  const source = seriesKey(series.source, series.requestKind);
  if (!point)
    return (
      <td
        className="num muted"
        title={t('timeline.notCovered')}
        data-testid="timeline-cell"
        data-source={source}
        data-period={period}
      >
        ·
      </td>
    );
  const extra =
    series.source === 'meta-data-requests' && point.accounts !== null
      ? t('timeline.accounts', { count: point.accounts, shown: count(point.accounts) })
      : null;
  const items =
    point.items !== null && series.source !== 'meta-data-requests' && series.source !== 'meta-content-restrictions'
      ? t('timeline.items', { count: point.items, shown: count(point.items) })
      : null;
  const detail = extra ?? items;
  const value = headlineOf(series.source, point);
  return (
    <td
      className={`num${point.surge ? ' is-surge' : ''}`}
      data-testid="timeline-cell"
      data-source={source}
      data-period={period}
      data-value={value ?? ''}
    >
      <span className="timeline-value" title={value === null ? t('timeline.notPublished') : undefined}>
        {count(value)}
        {point.listed ? null : (
          <sup className="not-listed" title={t('timeline.notListed')}>
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
  const { t } = useTranslation('compare');
  const periods = [...timeline.periods].reverse();
  const lookup = series.map((s) => new Map(s.points.map((p) => [p.period, p])));
  return (
    <div className="table-wrap timeline-table-wrap">
      <table className="table table-compact timeline-table" data-testid="timeline-table">
        <caption>
          {t('timeline.caption')} <span className="muted">{t('timeline.captionNote')}</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('index.halfYear')}</th>
            {series.map((s) => (
              <th scope="col" className="num wrap" key={seriesKey(s.source, s.requestKind)}>
                <span
                  className="swatch"
                  style={{ background: seriesColors[seriesKey(s.source, s.requestKind)] }}
                  aria-hidden="true"
                />
                {seriesName(t, s)}
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
                  aria-label={t('timeline.showDetail', { period })}
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
        <sup>*</sup> {t('timeline.note')}
      </p>
    </div>
  );
}
