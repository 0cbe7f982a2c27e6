/** A table of the reports' figures (src/app/public-site.ts siteTables) as an HTML table. */
import type { SiteTable } from '../../app/public-site.js';
import { type Html, html } from '../html.js';
import type { PageContext } from './layout.js';

export function siteTableHtml(ctx: PageContext, table: SiteTable, caption: string, chart = false): Html {
  const { m } = ctx;
  const head = (column: string) => (m.has(`reports.column.${column}`) ? m.t(`reports.column.${column}`) : column);
  const cell = (value: string | number | null) =>
    value === null ? m.t('site.none') : typeof value === 'number' ? m.number(value) : value;
  const [first, ...rest] = table.columns;
  // A wide table scrolls inside its wrapper: a named region reachable by keyboard (WCAG 2.1.1).
  return html`<div class="table-wrap" role="region" tabindex="0" aria-label="${caption}"><table class="figures" id="${`table-${table.name}`}"${chart ? html` data-chart="bar"` : ''}>
<caption>${caption}</caption>
<thead><tr>${table.columns.map((c) => html`<th scope="col">${head(c)}</th>`)}</tr></thead>
<tbody>${table.rows.map(
    (row) =>
      html`<tr><th scope="row">${cell(row[first ?? ''] ?? null)}</th>${rest.map((c) => html`<td>${cell(row[c] ?? null)}</td>`)}</tr>`,
  )}</tbody>
</table></div>`;
}
