/**
 * ECharts options for the report page: horizontal bars for counts and shares, a donut for kinds.
 * Labels are free text from the database (products, reasons): tooltip formatters return HTML, so they
 * escape every piece of data; axis, bar and legend labels are drawn on the canvas as plain text.
 */
import type { ChartOption } from '../components/Chart.js';
import { escapeHtml } from '../components/escape-html.js';

export type Entry = { key: string; label: string; value: number; color?: string };

export const palette = ['#1f4e8c', '#2a7f62', '#b4572a', '#6b4fa1', '#8a6d1f', '#2f7f94', '#9b3b5a', '#5a6772'];

const axisText = { color: '#38414d', fontSize: 12 };

/** `0.1234` → `12.3%` */
export function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** Horizontal bars, first entry on top. `asPercent` when the values are shares (0–1). */
export function barOption(entries: readonly Entry[], asPercent = false): ChartOption {
  const format = (v: number) => (asPercent ? percent(v) : String(v));
  return {
    animation: false,
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const item = Array.isArray(p) ? p[0] : p;
        return item ? `${escapeHtml(item.name)}: ${format(Number(item.value))}` : '';
      },
    },
    xAxis: {
      type: 'value',
      max: asPercent ? 1 : undefined,
      minInterval: asPercent ? undefined : 1,
      // Shares carry their own labels on the bars; a percent axis would only crowd narrow screens.
      axisLabel: { ...axisText, show: !asPercent, hideOverlap: true },
      splitLine: { lineStyle: { color: '#e3e7ec' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: entries.map((e) => e.label),
      axisLabel: { ...axisText, width: 140, overflow: 'break', lineHeight: 14 },
      axisTick: { show: false },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 26,
        data: entries.map((e, i) => ({ value: e.value, itemStyle: { color: e.color ?? palette[i % palette.length] } })),
        label: { show: true, position: 'right', color: '#1b232c', formatter: (p) => format(Number(p.value)) },
      },
    ],
  };
}

/** A donut with a legend below, for a handful of shares of one whole. */
export function donutOption(entries: readonly Entry[]): ChartOption {
  return {
    animation: false,
    tooltip: {
      trigger: 'item',
      // A function rather than the template '{b}: {c} ({d}%)': ECharts 6 encodes template values too,
      // but here the escape is ours, and test/unit/chart-escaping.test.ts checks it.
      formatter: (p) => {
        const item = Array.isArray(p) ? p[0] : p;
        return item ? `${escapeHtml(item.name)}: ${escapeHtml(item.value)} (${escapeHtml(item.percent)}%)` : '';
      },
    },
    legend: { bottom: 0, textStyle: axisText },
    series: [
      {
        type: 'pie',
        radius: ['42%', '70%'],
        center: ['50%', '44%'],
        label: { show: true, formatter: '{c}', color: '#1b232c' },
        data: entries.map((e, i) => ({
          name: e.label,
          value: e.value,
          itemStyle: { color: e.color ?? palette[i % palette.length] },
        })),
      },
    ],
  };
}

/** A height that gives every bar its room. */
export function barHeight(count: number): number {
  return Math.max(120, 24 + count * 34);
}
