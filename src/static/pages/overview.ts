/** The overview: published orders per country and half-year, with a bar chart drawn in the page. */
import { siteLayout } from '../../domain/static-site-layout.js';
import { html } from '../html.js';
import { countryPeriodCounts, publishedRecords, type SiteModel } from '../model.js';
import { barChart } from './charts.js';
import { document, type PageContext, pageLink } from './layout.js';
import { siteTableHtml } from './tables.js';
import { worldMap } from './world-map.js';

export function overviewPage(ctx: PageContext, model: SiteModel): string {
  const { m } = ctx;
  const { countries, periods, counts } = countryPeriodCounts(publishedRecords(model));
  const title = m.t('overview.title');
  const reports = model.tables.find((t) => t.name === 'overview');
  const reportsSection =
    reports && reports.rows.length > 0
      ? html`<h2>${m.t('reports.title')}</h2><p>${m.t('reports.intro')}</p>${siteTableHtml(ctx, reports, m.t('reports.overviewCaption'))}`
      : '';
  if (countries.length === 0)
    return document(
      ctx,
      title,
      html`<h1>${title}</h1><p>${m.t('overview.intro')}</p><p>${m.t('overview.empty')}</p>${reportsSection}`,
    );
  const rows = countries.map((country) => {
    const byPeriod = counts.get(country)!;
    const total = [...byPeriod.values()].reduce((a, b) => a + b, 0);
    return html`<tr><th scope="row">${m.country(country)} <span class="code">${country}</span></th>${periods.map((period) => {
      const n = byPeriod.get(period);
      return n
        ? html`<td><a href="${pageLink(ctx, siteLayout.countryPeriod(country, period))}">${m.number(n)}</a></td>`
        : html`<td>0</td>`;
    })}<td>${m.number(total)}</td></tr>`;
  });
  const perPeriod = periods.map((period) => {
    const count = countries.reduce((sum, c) => sum + (counts.get(c)?.get(period) ?? 0), 0);
    return { label: period, value: count, text: m.t('overview.chartBar', { period, count }) };
  });
  return document(
    ctx,
    title,
    html`<h1>${title}</h1>
<p>${m.t('overview.intro')}</p>
<div class="table-wrap"><table class="figures" id="overview-table" data-chart="bar">
<caption>${m.t('published.caption')}</caption>
<thead><tr><th scope="col">${m.t('overview.country')}</th>${periods.map((p) => html`<th scope="col">${p}</th>`)}<th scope="col">${m.t('overview.total')}</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>
<h2>${m.t('overview.mapTitle')}</h2>
${worldMap(
  'world-map',
  m.t('overview.mapTitle'),
  new Map(countries.map((c) => [c, [...counts.get(c)!.values()].reduce((a, b) => a + b, 0)])),
  (code, count) => m.t('overview.mapCountry', { country: m.country(code), count }),
)}
<h2>${m.t('overview.chartTitle')}</h2>
${barChart('chart-periods', m.t('overview.chartTitle'), perPeriod)}
${reportsSection}`,
  );
}
