/**
 * ECharts options of the comparison pages: the ranking, a country's timeline, and reason shares.
 * Country names, reasons and series labels come from imported files: tooltip formatters return HTML,
 * so they escape every piece of data; axis, bar and mark labels are drawn on the canvas as plain text.
 */
import { escapeHtml } from '../components/escape-html.js';
import { headlineOf, type RankingRow, type ReasonShares, type TimelineSeries } from './api.js';
import type { CompareChartOption } from './CompareChart.js';
import { count, highlightOf, reasonColors, seriesColors, seriesKey, share, surgeColor } from './format.js';

const axisText = { color: '#38414d', fontSize: 12 };
const splitLine = { lineStyle: { color: '#e3e7ec' } };

/** A height that gives every bar of a horizontal bar chart its room. */
export const barHeight = (bars: number) => Math.max(140, 32 + bars * 28);

/** Countries by requests, most first; surge countries in the surge colour. */
export function rankingOption(
  rows: readonly RankingRow[],
  measure: 'requests' | 'accounts' | 'items restricted',
): CompareChartOption {
  return {
    animation: false,
    grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const item = Array.isArray(p) ? p[0] : p;
        return item ? `${escapeHtml(item.name)}: ${count(Number(item.value))} ${measure}` : '';
      },
    },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { ...axisText, hideOverlap: true }, splitLine },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.countryName),
      axisLabel: { ...axisText, width: 120, overflow: 'truncate' },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 20,
        data: rows.map((r) => ({
          value: (measure === 'items restricted' ? r.items : r.requests) ?? 0,
          itemStyle: { color: r.surge ? surgeColor : seriesColors['google-removals'] },
        })),
        label: {
          show: true,
          position: 'right',
          color: '#1b232c',
          formatter: (p) => `${count(Number(p.value))}${rows[p.dataIndex]?.surge ? ' ▲' : ''}`,
        },
      },
    ],
  };
}

/** Each reason's share of the requests; Government Criticism and National Security in their own colours. */
export function reasonOption(reasons: ReasonShares['reasons']): CompareChartOption {
  return {
    animation: false,
    grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const item = Array.isArray(p) ? p[0] : p;
        const reason = reasons[item?.dataIndex ?? -1];
        return reason ? `${escapeHtml(reason.reason)}: ${share(reason.share)} (${count(reason.requests)} requests)` : '';
      },
    },
    xAxis: { type: 'value', max: 1, axisLabel: { show: false }, splitLine },
    yAxis: {
      type: 'category',
      inverse: true,
      data: reasons.map((r) => r.reason),
      axisLabel: { ...axisText, width: 150, overflow: 'break', lineHeight: 14 },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        data: reasons.map((r) => ({ value: r.share, itemStyle: { color: reasonColors[highlightOf(r.reason) ?? 'other'] } })),
        label: { show: true, position: 'right', color: '#1b232c', formatter: (p) => share(Number(p.value)) },
      },
    ],
  };
}

/** The indexes of the half-years that get a label: all of a few, else every first half of every year or two. */
function labelled(periods: readonly string[]): number[] {
  const step = periods.length <= 12 ? 1 : periods.length <= 24 ? 2 : 4;
  const start =
    step === 1
      ? 0
      : Math.max(
          0,
          periods.findIndex((p) => p.endsWith('-H1')),
        );
  return periods.map((_, i) => i).filter((i) => i >= start && (i - start) % step === 0);
}

/**
 * The coloured dot before a tooltip line, from our own colour table (seriesColors), so that no HTML
 * of the tooltip comes from its params but escaped text.
 */
const dot = (color: string | undefined) =>
  color
    ? `<span style="display:inline-block;margin-right:4px;border-radius:5px;width:10px;height:10px;background-color:${color}"></span>`
    : '';

type PointDatum = { value: [number, number | null]; name: string; surge: boolean; listed: boolean };

/**
 * A country's sources on one half-year axis. The x axis is the index of the half-year, so that a
 * surge's shaded band covers exactly its half-year; on a log scale, zeros cannot be drawn and are gaps.
 */
export function timelineOption(periods: readonly string[], series: readonly TimelineSeries[], log: boolean): CompareChartOption {
  const index = new Map(periods.map((p, i) => [p, i]));
  const surgePeriods = new Set(series.flatMap((s) => s.points.filter((p) => p.surge).map((p) => p.period)));
  const drawn = (v: number | null) => (v === null || (log && v <= 0) ? null : v);

  return {
    animation: false,
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params];
        const first = list[0]?.data as PointDatum | undefined;
        const lines = list.map((p) => {
          const d = p.data as PointDatum;
          const notes = [d.surge ? '<b>surge</b>' : '', d.listed ? '' : 'not listed, counted as 0'].filter(Boolean);
          const s = series[p.seriesIndex ?? -1];
          const point = s?.points.find((x) => x.period === d.name);
          const raw = s && point ? headlineOf(s.source, point) : null;
          const color = s ? seriesColors[seriesKey(s.source, s.requestKind)] : undefined;
          return `${dot(color)}${escapeHtml(p.seriesName)}: ${raw === null ? 'not published' : count(raw)}${notes.length ? ` (${notes.join(', ')})` : ''}`;
        });
        return [`<b>${escapeHtml(first?.name)}</b>`, ...lines].join('<br>');
      },
    },
    xAxis: {
      type: 'value',
      min: -0.5,
      max: periods.length - 0.5,
      axisTick: { customValues: periods.map((_, i) => i) },
      axisLabel: {
        ...axisText,
        hideOverlap: true,
        customValues: labelled(periods),
        formatter: (v: number) => periods[v] ?? '',
      },
      splitLine: { show: false },
    },
    yAxis: log
      ? { type: 'log', logBase: 10, min: 1, axisLabel: { ...axisText, formatter: (v: number) => count(v) }, splitLine }
      : { type: 'value', minInterval: 1, axisLabel: { ...axisText, formatter: (v: number) => count(v) }, splitLine },
    series: series.map((s, n) => {
      const color = seriesColors[seriesKey(s.source, s.requestKind)];
      const data: PointDatum[] = s.points.map((p) => ({
        value: [index.get(p.period) ?? 0, drawn(headlineOf(s.source, p))],
        name: p.period,
        surge: p.surge,
        listed: p.listed,
      }));
      const marks = {
        markPoint: {
          symbol: 'pin',
          symbolSize: 30,
          itemStyle: { color, borderColor: surgeColor, borderWidth: 2 },
          label: { color: '#fff', fontWeight: 700 as const, formatter: '!' },
          data: data.flatMap((d) => {
            const [x, y] = d.value;
            return d.surge && y !== null ? [{ coord: [x, y], name: d.name }] : [];
          }),
        },
        // The shaded bands once, on the first series: a half-year where any source surges.
        markArea:
          n === 0
            ? {
                silent: true,
                itemStyle: { color: 'rgba(192, 57, 43, 0.10)' },
                data: [...surgePeriods].map((p) => {
                  const i = index.get(p) ?? 0;
                  return [{ xAxis: i - 0.5 }, { xAxis: i + 0.5 }] as [{ xAxis: number }, { xAxis: number }];
                }),
              }
            : undefined,
      };
      if (s.source === 'platform')
        return { type: 'bar' as const, name: s.label, data, barMaxWidth: 14, itemStyle: { color }, ...marks };
      return {
        type: 'line' as const,
        name: s.label,
        data,
        connectNulls: false,
        showSymbol: true,
        symbolSize: 5,
        lineStyle: { color, width: 2 },
        itemStyle: { color },
        ...marks,
      };
    }),
  };
}
