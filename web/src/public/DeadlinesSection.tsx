/**
 * The report's deadline figures: per regime, the share of decided orders met on time and the median
 * hours from receipt to decision. Public, like the rest of the report.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { DeadlinePerformance } from '../api.js';
import { Chart } from '../components/Chart.js';
import { Loading, ProblemMessage } from '../components/Feedback.js';
import { countryName } from '../labels.js';
import { queries } from '../queries.js';
import { barHeight, barOption, type Entry, percent } from './charts.js';
import { periodName } from './periods.js';

type Row = DeadlinePerformance['rows'][number];

const regimeLabel = (r: Row) => r.regimeId ?? 'No regime named (policy deadline)';

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

function hours(value: number | null): string {
  if (value === null) return '–';
  return value < 10 ? value.toFixed(1) : String(Math.round(value));
}

function DeadlineTable({ rows }: { rows: readonly Row[] }) {
  const decided = rows.reduce((sum, r) => sum + r.decided, 0);
  const met = rows.reduce((sum, r) => sum + r.met, 0);
  return (
    <div className="table-wrap">
      <table className="table deadline-table" data-testid="deadlines-table">
        <caption>Orders decided, and how many by their deadline</caption>
        <thead>
          <tr>
            <th scope="col">Regime</th>
            <th scope="col" className="num">
              Decided
            </th>
            <th scope="col" className="num wrap">
              Met on time
            </th>
            <th scope="col" className="num wrap">
              Share met
            </th>
            <th scope="col" className="num wrap">
              Median hours to decision
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
                  <span>{regimeLabel(r)}</span>
                )}
              </th>
              <td className="num">{r.decided}</td>
              <td className="num">{r.met}</td>
              <td className="num" data-testid="deadline-share" data-value={r.shareMet}>
                {percent(r.shareMet)}
              </td>
              <td className="num" data-testid="deadline-median" data-value={r.medianHoursToDecision ?? ''}>
                {hours(r.medianHoursToDecision)}
              </td>
            </tr>
          ))}
        </tbody>
        {rows.length > 1 ? (
          <tfoot>
            <tr>
              <th scope="row">All regimes</th>
              <td className="num">{decided}</td>
              <td className="num">{met}</td>
              <td className="num">{decided ? percent(met / decided) : '–'}</td>
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

  const option = useMemo(() => {
    const entries: Entry[] = (data?.rows ?? []).map((r) => ({
      key: r.regimeId ?? '-',
      label: r.regimeId ? wrapId(r.regimeId) : 'No regime (policy)',
      value: r.shareMet,
    }));
    return barOption(entries, true);
  }, [data]);

  return (
    <section className="section deadlines-section" data-testid="deadlines-section" aria-labelledby="deadlines-heading">
      <h2 id="deadlines-heading">Deadlines</h2>
      <p className="muted">
        How many of the orders from {countryName(country)} received in {periodName(period)} were decided by the deadline they
        carried, and how long deciding took, by the law (regime) the order fell under.
      </p>
      {error ? <ProblemMessage error={error} /> : null}
      {!data && !error ? <Loading what="the deadline figures" /> : null}
      {data && data.rows.length === 0 ? <p className="empty">No orders from this period have been decided yet.</p> : null}
      {data && data.rows.length > 0 ? (
        <div className="outcome-grid">
          <DeadlineTable rows={data.rows} />
          <figure className="figure card">
            <figcaption>
              <h3>Share of decided orders met on time</h3>
            </figcaption>
            <Chart
              option={option}
              height={barHeight(data.rows.length)}
              label="Chart: share of decided orders met on time, by regime. The figures are in the table beside it."
              testId="chart-deadlines"
            />
          </figure>
        </div>
      ) : null}
      <p className="muted method">
        Counts orders received in the half-year (UTC) that have been decided; an order met its deadline when it was decided by the
        due instant stored with it. Open and withdrawn orders are not counted. A deadline rests on hours written in the law or,
        where the law states none, on the platform’s policy target; both are counted here.
      </p>
    </section>
  );
}
