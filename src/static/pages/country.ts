/** A country's page for one half-year: figures, time to decision, case studies and its orders. */
import type { SiteTable } from '../../app/public-site.js';
import type { PublicRecord } from '../../domain/public-record.js';
import { siteLayout } from '../../domain/static-site-layout.js';
import { type Html, html } from '../html.js';
import { dayBuckets, daysToDecide, median, tally } from '../model.js';
import { barChart } from './charts.js';
import { document, type PageContext, pageLink } from './layout.js';
import { outcomesOf } from './records.js';
import { siteTableHtml } from './tables.js';

function countTable(ctx: PageContext, id: string, caption: string, head: string, rows: [string, number][], chart = true): Html {
  const { m } = ctx;
  return html`<div class="table-wrap"><table class="figures" id="${id}"${chart ? html` data-chart="bar"` : ''}>
<caption>${caption}</caption>
<thead><tr><th scope="col">${head}</th><th scope="col">${m.t('country.count')}</th></tr></thead>
<tbody>${rows.map(([label, n]) => html`<tr><th scope="row">${label}</th><td>${m.number(n)}</td></tr>`)}</tbody>
</table></div>`;
}

export function countryPeriodPage(
  ctx: PageContext,
  country: string,
  period: string,
  records: readonly PublicRecord[],
  otherPeriods: readonly string[],
  tables: readonly SiteTable[],
): string {
  const { m } = ctx;
  const countryName = m.country(country);
  const title = m.t('country.title', { country: countryName, period });
  const items = records.flatMap((r) => r.items);
  const days = records.map(daysToDecide);
  const byKind = tally(records.map((r) => r.kind)).map(([k, n]): [string, number] => [m.t(`requestKind.${k}`), n]);
  const byOutcome = tally(items.flatMap((i) => (i.outcome ? [i.outcome] : []))).map(([k, n]): [string, number] => [
    m.t(`outcome.${k}`),
    n,
  ]);
  const byReason = tally(items.flatMap((i) => (i.reason ? [i.reason] : [])));
  const buckets = dayBuckets.map(([key, from, to]) => ({
    label: m.t(`country.${key}`),
    value: days.filter((d) => d >= from && d <= to).length,
  }));
  const caseStudies = records.filter((r) => r.publicInterest && r.caseStudy);
  const link = (r: PublicRecord) => html`<a href="${pageLink(ctx, siteLayout.recordPage(r.id))}">${r.id}</a>`;
  return document(
    ctx,
    title,
    html`<h1>${title}</h1>
<p>${m.t('country.intro', { country: countryName, period, count: records.length, items: items.length })}</p>
<h2>${m.t('country.figures')}</h2>
${countTable(ctx, 'by-kind', m.t('country.byKind'), m.t('country.kind'), byKind)}
${countTable(ctx, 'by-outcome', m.t('country.byOutcome'), m.t('country.outcome'), byOutcome)}
${countTable(ctx, 'by-reason', m.t('country.byReason'), m.t('country.reason'), byReason)}
<h2>${m.t('country.deadline')}</h2>
<p>${m.t('country.median', { days: median(days) })}</p>
${countTable(
  ctx,
  'time-to-decision',
  m.t('country.deadlineCaption'),
  m.t('country.days'),
  buckets.map((b): [string, number] => [b.label, b.value]),
  false,
)}
${barChart(
  'chart-days',
  m.t('country.deadlineCaption'),
  buckets.map((b) => ({ ...b, text: `${b.label}: ${b.value}` })),
)}
<h2>${m.t('country.caseStudies')}</h2>
${
  caseStudies.length === 0
    ? html`<p>${m.t('country.noCaseStudies')}</p>`
    : caseStudies.map(
        (r) => html`<article class="case-study"><h3>${link(r)}: ${r.authority.name}</h3><p>${r.caseStudy}</p></article>`,
      )
}
${
  tables.length > 0
    ? html`<h2>${m.t('reports.title')}</h2><p>${m.t('reports.intro')}</p>${tables.map((t) => {
        const kind = t.name.slice(`country-${country}-${period}-`.length);
        return siteTableHtml(ctx, t, m.has(`reports.table.${kind}`) ? m.t(`reports.table.${kind}`) : t.name);
      })}`
    : ''
}
<h2>${m.t('country.orders')}</h2>
<div class="table-wrap"><table class="records">
<caption>${m.t('country.orders')}</caption>
<thead><tr><th scope="col">${m.t('records.id')}</th><th scope="col">${m.t('records.authority')}</th><th scope="col">${m.t('records.decided')}</th><th scope="col">${m.t('records.outcomes')}</th></tr></thead>
<tbody>${records.map(
      (r) =>
        html`<tr><th scope="row">${link(r)}</th><td>${r.authority.name}</td><td><time datetime="${r.decidedOn}">${m.date(r.decidedOn)}</time></td><td>${outcomesOf(ctx, r)}</td></tr>`,
    )}</tbody>
</table></div>
${
  otherPeriods.length > 0
    ? html`<h2>${m.t('country.otherPeriods')}</h2><ul>${otherPeriods.map(
        (p) => html`<li><a href="${pageLink(ctx, siteLayout.countryPeriod(country, p))}">${p}</a></li>`,
      )}</ul>`
    : ''
}`,
  );
}
