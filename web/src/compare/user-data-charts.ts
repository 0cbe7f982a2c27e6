/**
 * The user-data comparison's charts: this platform's series beside Meta's published one on the same
 * half-year axis and the same value axis, with the same definitions (src/domain/data-report.ts).
 * Series names come from the catalogues and periods from the API: the tooltip escapes both.
 */
import { escapeHtml } from '../components/escape-html.js';
import type { CompareChartOption } from './CompareChart.js';

export type ComparedSeries = { name: string; values: readonly (number | null)[]; color: string; kind: 'bar' | 'line' };

const axisText = { color: '#38414d', fontSize: 12 };

/** Series over `periods`; `asShare` when the values are shares (0–1). A null is a gap, not a zero. */
export function comparedOption(
  periods: readonly string[],
  series: readonly ComparedSeries[],
  formatValue: (v: number) => string,
  asShare = false,
): CompareChartOption {
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    legend: { bottom: 0, textStyle: axisText },
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const list = Array.isArray(params) ? params : [params];
        const period = list[0]?.name ?? '';
        const lines = list.map((p) => {
          const v = p.value;
          return `${escapeHtml(p.seriesName)}: ${typeof v === 'number' ? escapeHtml(formatValue(v)) : '–'}`;
        });
        return [`<b>${escapeHtml(period)}</b>`, ...lines].join('<br>');
      },
    },
    xAxis: { type: 'category', data: [...periods], axisLabel: { ...axisText, hideOverlap: true } },
    yAxis: {
      type: 'value',
      ...(asShare ? { min: 0, max: 1 } : { minInterval: 1 }),
      axisLabel: { ...axisText, formatter: (v: number) => formatValue(v) },
      splitLine: { lineStyle: { color: '#e3e7ec' } },
    },
    series: series.map((s) =>
      s.kind === 'bar'
        ? { type: 'bar' as const, name: s.name, data: [...s.values], barMaxWidth: 14, itemStyle: { color: s.color } }
        : {
            type: 'line' as const,
            name: s.name,
            data: [...s.values],
            connectNulls: false,
            showSymbol: true,
            symbolSize: 5,
            lineStyle: { color: s.color, width: 2 },
            itemStyle: { color: s.color },
          },
    ),
  };
}
