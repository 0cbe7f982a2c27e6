/**
 * The report's deadline figures: per regime, the share of decided orders met on time and the median
 * hours from receipt to decision. Public, like the rest of the report.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { DeadlinePerformance } from '../api.js';
import { Chart } from '../components/Chart.js';
import { Loading, ProblemMessage } from '../components/Feedback.js';
import { useFormat, useTranslation } from '../i18n/index.js';
import { countryNameIn } from '../labels.js';
import { queries } from '../queries.js';
import { barHeight, barOption, type Entry } from './charts.js';
import { periodNameIn } from './periods.js';

type Row = DeadlinePerformance['rows'][number];

/** A regime id on lines of at most `max` characters, broken after hyphens (the chart's axis is narrow). */
export function wrapId(id: string, max = 18): string {
  const lines: string[] = [];
  let line = '';
  for (const part of id.split(/(?<=-)/)) {
    if (line && (line + part).length > max) {
      lines.push(line);
      line = part;
    } else line += part;
  }
  return [...lines, line].join('\n');
}

function hours(value: number | null, number: (n: number, options?: Intl.NumberFormatOptions) => string): string {
  if (value === null) return '–';
  return value < 10 ? number(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) : number(Math.round(value));
}

function DeadlineTable({ rows }: { rows: readonly Row[] }) {
  const { t } = useTranslation('public');
  const format = useFormat();
  const decided = rows.reduce((sum, r) => sum + r.decided, 0);
  const met = rows.reduce((sum, r) => sum + r.met, 0);
  return (
    <div className="table-wrap">
      <table className="table deadline-table" data-testid="deadlines-table">
        <caption>{t('deadlines.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('deadlines.regime')}</th>
            <th scope="col" className="num">
              {t('deadlines.decided')}
            </th>
            <th scope="col" className="num wrap">
              {t('deadlines.met')}
            </th>
            <th scope="col" className="num wrap">
              {t('deadlines.shareMet')}
            </th>
            <th scope="col" className="num wrap">
              {t('deadlines.median')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.regimeId ?? '-'} data-testid="deadline-row" data-regime={r.regimeId ?? ''}>
              <th scope="row" className="regime-cell">
                {r.regimeId ? (
                  <>
                    {r.regimeName ?? r.regimeId} <code>{r.regimeId}</code>
                  </>
                ) : (
                  <span>{t('deadlines.noRegime')}</span>
                )}
              </th>
              <td className="num">{format.number(r.decided)}</td>
              <td className="num">{format.number(r.met)}</td>
              <td className="num" data-testid="deadline-share" data-value={r.shareMet}>
                {format.percent(r.shareMet)}
              </td>
              <td className="num" data-testid="deadline-median" data-value={r.medianHoursToDecision ?? ''}>
                {hours(r.medianHoursToDecision, format.number)}
              </td>
            </tr>
          ))}
        </tbody>
        {rows.length > 1 ? (
          <tfoot>
            <tr>
              <th scope="row">{t('deadlines.allRegimes')}</th>
              <td className="num">{format.number(decided)}</td>
              <td className="num">{format.number(met)}</td>
              <td className="num">{decided ? format.percent(met / decided) : '–'}</td>
              <td className="num">–</td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

export function DeadlinesSection({ country, period }: { country: string; period: string }) {
  const { data, error } = useQuery(queries.deadlinePerformance(country, period));
  const { t } = useTranslation('public');
  const format = useFormat();

  const option = useMemo(() => {
    const entries: Entry[] = (data?.rows ?? []).map((r) => ({
      key: r.regimeId ?? '-',
      label: r.regimeId ? wrapId(r.regimeId) : t('deadlines.noRegimeShort'),
      value: r.shareMet,
    }));
    return barOption(entries, true);
  }, [data, t]);

  return (
    <section className="section deadlines-section" data-testid="deadlines-section" aria-labelledby="deadlines-heading">
      <h2 id="deadlines-heading">{t('deadlines.title')}</h2>
      <p className="muted">
        {t('deadlines.lede', { country: countryNameIn(country, format.locale), period: periodNameIn(t, period) })}
      </p>
      {error ? <ProblemMessage error={error} /> : null}
      {!data && !error ? <Loading what={t('deadlines.loading')} /> : null}
      {data && data.rows.length === 0 ? <p className="empty">{t('deadlines.empty')}</p> : null}
      {data && data.rows.length > 0 ? (
        <div className="outcome-grid">
          <DeadlineTable rows={data.rows} />
          <figure className="figure card">
            <figcaption>
              <h3>{t('deadlines.chart')}</h3>
            </figcaption>
            <Chart
              option={option}
              height={barHeight(data.rows.length)}
              label={t('deadlines.chartLabel')}
              testId="chart-deadlines"
            />
          </figure>
        </div>
      ) : null}
      <p className="muted method">{t('deadlines.method')}</p>
    </section>
  );
}
