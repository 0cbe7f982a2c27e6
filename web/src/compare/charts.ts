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

/** The colour of pressure on the platform (issue 15): a slate, apart from the sources' colours and the surges' red. */
export const pressureColor = '#34495e';
export const pressureBandColor = 'rgba(52, 73, 94, 0.16)';

/** A pressure event as the timeline draws it: where on the axis (see `timelineMarks`), and its words. */
export type PressureMarkDatum = {
  /** The index of the half-year it began in, and for a lasting measure the indexes it covered. */
  at: number;
  band: { from: number; to: number } | null;
  /** The half-year it began in: clicking its line selects it, as a surge's pin does. */
  period: string;
  /** The kind, drawn on the canvas at the top of its line. */
  kindLabel: string;
  eventTitle: string;
  /** Its day, authority, amount and status, for the tooltip. */
  eventDetail: string;
};
export type PressureLayer = { name: string; marks: readonly PressureMarkDatum[] };

const noPressure: PressureLayer = { name: 'Pressure on the platform', marks: [] };

/** The tooltip of a pressure event's line: its title, kind and detail, each escaped (they are what a user typed). */
function pressureTooltip(params: unknown): string {
  const p = (Array.isArray(params) ? params[0] : params) as { name?: unknown; data?: unknown } | undefined;
  if (!p) return '';
  const d = (p.data !== null && typeof p.data === 'object' ? p.data : {}) as Partial<Record<keyof PressureMarkDatum, unknown>>;
  const title = typeof d.eventTitle === 'string' ? d.eventTitle : p.name;
  const lines = [d.kindLabel, d.eventDetail].filter((x): x is string => typeof x === 'string' && x !== '');
  return [`<b>${escapeHtml(title)}</b>`, ...lines.map(escapeHtml)].join('<br>');
}

/** Lines of events that began in the same half-year, spread a little apart so that each can be seen. */
function spread(marks: readonly PressureMarkDatum[]): number[] {
  const byPeriod = new Map<number, number[]>();
  marks.forEach((m, i) => {
    byPeriod.set(m.at, [...(byPeriod.get(m.at) ?? []), i]);
  });
  const x = marks.map((m) => m.at);
  for (const members of byPeriod.values()) {
    const step = Math.min(0.15, 0.8 / members.length);
    members.forEach((i, k) => {
      x[i] = (x[i] ?? 0) + (k - (members.length - 1) / 2) * step;
    });
  }
  return x;
}

/** The pressure events as a series of their own (so that no source's visibility hides them): a line where each began, a band where a lasting one was in force. */
function pressureSeries(pressure: PressureLayer) {
  const x = spread(pressure.marks);
  const lines = pressure.marks.map((m, i) => ({
    xAxis: x[i] ?? m.at,
    name: m.period,
    kindLabel: m.kindLabel,
    eventTitle: m.eventTitle,
    eventDetail: m.eventDetail,
  }));
  const bands = pressure.marks.flatMap((m) =>
    m.band
      ? [
          [{ xAxis: m.band.from - 0.5, name: m.period }, { xAxis: m.band.to + 0.5 }] as [
            { xAxis: number; name: string },
            { xAxis: number },
          ],
        ]
      : [],
  );
  return {
    type: 'line' as const,
    name: pressure.name,
    data: [],
    markLine: {
      symbol: ['none', 'none'],
      silent: false,
      lineStyle: { color: pressureColor, type: 'dashed' as const, width: 2 },
      label: {
        show: true,
        position: 'end' as const,
        color: pressureColor,
        fontWeight: 600 as const,
        formatter: (p: { data?: unknown }) => {
          const d = p.data as { kindLabel?: unknown } | undefined;
          return typeof d?.kindLabel === 'string' ? d.kindLabel : '';
        },
      },
      tooltip: { trigger: 'item' as const, formatter: pressureTooltip },
      data: lines,
    },
    // The lines carry the words: the bands are only shaded.
    markArea: { silent: true, itemStyle: { color: pressureBandColor }, label: { show: false }, data: bands },
  };
}

/**
 * A country's sources on one half-year axis. The x axis is the index of the half-year, so that a
 * surge's shaded band covers exactly its half-year; on a log scale, zeros cannot be drawn and are gaps.
 * The pressure on the platform (issue 15) is drawn on the same axis, in a series of its own.
 */
export function timelineOption(
  periods: readonly string[],
  series: readonly TimelineSeries[],
  log: boolean,
  pressure: PressureLayer = noPressure,
): CompareChartOption {
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
    series: [
      ...series.map((s, n) => {
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
      // Last, so that the sources keep their indexes (the axis tooltip finds a series by its index).
      pressureSeries(pressure),
    ],
  };
}
