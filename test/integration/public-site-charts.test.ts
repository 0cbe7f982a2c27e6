/**
 * The overview's chart tooltips are HTML (ECharts sets them as innerHTML): every name and figure in
 * them is escaped, so a hostile name is shown as text. Pure: no database, no browser.
 */
import { describe, expect, it } from 'vitest';
import { mapOption, timelineOption } from '../../web/src/public/site/charts.js';
import type { SiteOverview } from '../../web/src/public/site/site-api.js';

const hostile = '<img src=x onerror=alert(1)>';
const overview: SiteOverview = {
  rows: [{ country: 'KZ', period: '2026-H1', removalOrders: 3, removalItems: 5, dataOrders: 2, containsDemoData: false }],
  countries: [{ country: 'KZ', removalOrders: 3, removalItems: 5, dataOrders: 2 }],
  periods: ['2026-H1'],
  containsDemoData: false,
};
const names = { country: () => hostile, number: (n: number) => String(n), orders: 'Orders', removal: '<b>R</b>', data: 'Data' };

type Formatter = (p: unknown) => string;

describe('overview chart tooltips', () => {
  it('escape every name on the map', () => {
    const option = mapOption(overview, names) as { tooltip: { formatter: Formatter } };
    const html = option.tooltip.formatter({ name: 'KZ', value: 5 });
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;b&gt;R&lt;/b&gt;: 3');
    expect(html).not.toContain('<img');
    // A region without figures (no orders) has no tooltip at all.
    expect(option.tooltip.formatter({ name: 'FR', value: Number.NaN })).toBe('');
  });

  it('escape every series name over time', () => {
    const option = timelineOption(overview, names) as { tooltip: { formatter: Formatter } };
    const html = option.tooltip.formatter([{ name: '2026-H1', seriesName: hostile, value: 5 }]);
    expect(html).toBe('2026-H1<br>&lt;img src=x onerror=alert(1)&gt;: 5');
  });
});
