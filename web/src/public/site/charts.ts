/**
 * The overview's chart options. Tooltip formatters return HTML, so every piece of data in them is
 * escaped; country names come from the reader's Intl, numbers from the figures.
 */
import { escapeHtml } from '../../components/escape-html.js';
import type { SiteChartOption } from './SiteChart.js';
import type { SiteOverview } from './site-api.js';

type Names = { country: (code: string) => string; number: (n: number) => string; orders: string; removal: string; data: string };

/** Countries coloured by all their orders (removal and data), every half-year added up. */
export function mapOption(overview: SiteOverview, names: Names): SiteChartOption {
  const values = overview.countries.map((c) => ({
    name: c.country,
    value: c.removalOrders + c.dataOrders,
    removal: c.removalOrders,
    data: c.dataOrders,
  }));
  const max = Math.max(1, ...values.map((v) => v.value));
  return {
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const item = Array.isArray(p) ? p[0] : p;
        if (!item) return '';
        const row = values.find((v) => v.name === item.name);
        if (!row) return '';
        const name = escapeHtml(names.country(String(item.name)));
        return `${name}<br>${escapeHtml(names.removal)}: ${escapeHtml(names.number(row.removal))}<br>${escapeHtml(names.data)}: ${escapeHtml(names.number(row.data))}`;
      },
    },
    visualMap: {
      min: 0,
      max,
      left: 8,
      bottom: 8,
      calculable: false,
      text: [names.number(max), '0'],
      inRange: { color: ['#dbe7f5', '#1f4e8c'] },
    },
    series: [
      {
        type: 'map',
        map: 'world',
        roam: false,
        name: names.orders,
        emphasis: { label: { show: false } },
        itemStyle: { areaColor: '#f1f3f5', borderColor: '#9aa5b1', borderWidth: 0.5 },
        data: values.map((v) => ({ name: v.name, value: v.value })),
      },
    ],
  };
}

const palette = ['#1f4e8c', '#b4572a', '#2a7f62', '#6b4fa1', '#8a6d1f', '#2f7f94', '#a33b5c', '#4d5b6a'];

/** Orders (removal and data) per half-year, one line per country: the eight with most orders. */
export function timelineOption(overview: SiteOverview, names: Names): SiteChartOption {
  const top = overview.countries.slice(0, palette.length);
  return {
    animation: false,
    color: palette,
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'scroll', data: top.map((c) => names.country(c.country)) },
    tooltip: {
      trigger: 'axis',
      formatter: (p) => {
        const items = Array.isArray(p) ? p : [p];
        const head = escapeHtml(items[0]?.name ?? '');
        return [head, ...items.map((i) => `${escapeHtml(i.seriesName)}: ${escapeHtml(names.number(Number(i.value ?? 0)))}`)].join(
          '<br>',
        );
      },
    },
    xAxis: { type: 'category', data: overview.periods, boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1 },
    series: top.map((c) => ({
      type: 'line',
      name: names.country(c.country),
      data: overview.periods.map((period) => {
        const row = overview.rows.find((r) => r.country === c.country && r.period === period);
        return row ? row.removalOrders + row.dataOrders : 0;
      }),
    })),
  };
}
