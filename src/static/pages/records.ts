/** The request database: every record in a table, 500 to a page; scripts add filtering as one types. */
import type { PublicRecord } from '../../domain/public-record.js';
import { siteLayout } from '../../domain/static-site-layout.js';
import { type Html, html } from '../html.js';
import type { RecordRow } from '../model.js';
import { document, type PageContext, pageLink } from './layout.js';

export const recordsPerPage = 500;

/** A record's distinct outcomes, in words. */
export function outcomesOf(ctx: PageContext, record: PublicRecord): string {
  const outcomes = [...new Set(record.items.flatMap((i) => (i.outcome ? [i.outcome] : [])))];
  return outcomes.map((o) => ctx.m.t(`outcome.${o}`)).join('; ');
}

function row(ctx: PageContext, r: RecordRow): Html {
  const { m } = ctx;
  const link = html`<a href="${pageLink(ctx, siteLayout.recordPage(r.publicId))}">${r.publicId}</a>`;
  if (!r.record || r.tombstone)
    return html`<tr class="withdrawn"><th scope="row">${link}</th><td></td><td></td><td>${
      r.tombstone ? html`<time datetime="${r.tombstone.withdrawnAt}">${m.date(r.tombstone.withdrawnAt)}</time>` : ''
    }</td><td></td><td>${m.t('records.withdrawn')}</td></tr>`;
  const rec = r.record;
  return html`<tr><th scope="row">${link}</th><td>${m.country(rec.country)}</td><td>${rec.authority.name}</td><td><time datetime="${rec.decidedOn}">${m.date(rec.decidedOn)}</time></td><td>${outcomesOf(ctx, rec)}</td><td>${m.t('records.published')}</td></tr>`;
}

/** Page `page` (from 1) of `pages`, holding `rows`. */
export function recordsPage(ctx: PageContext, rows: readonly RecordRow[], page: number, pages: number, total: number): string {
  const { m } = ctx;
  const title = m.t('records.title');
  const from = total === 0 ? 0 : (page - 1) * recordsPerPage + 1;
  const to = from + rows.length - (total === 0 ? 0 : 1);
  const pageLinks =
    pages > 1
      ? html`<nav aria-label="${m.t('records.pages')}" class="pages"><ul>${Array.from({ length: pages }, (_, i) => i + 1).map(
          (n) =>
            n === page
              ? html`<li><span aria-current="page">${m.t('records.page', { n })}</span></li>`
              : html`<li><a href="${pageLink(ctx, siteLayout.recordsPage(n))}">${m.t('records.page', { n })}</a></li>`,
        )}</ul></nav>`
      : '';
  return document(
    ctx,
    page > 1 ? `${title} (${m.t('records.page', { n: page })})` : title,
    html`<h1>${title}</h1>
<p>${m.t('records.intro')}</p>
<div class="filter" data-filter-for="records-table" hidden>
<label for="records-filter">${m.t('records.search')}</label>
<input type="search" id="records-filter" autocomplete="off">
<p class="note">${m.t('records.searchHint')}</p>
</div>
${pageLinks}
<div class="table-wrap"><table class="records" id="records-table">
<caption>${m.t('records.caption', { from, to, total })}</caption>
<thead><tr><th scope="col">${m.t('records.id')}</th><th scope="col">${m.t('records.country')}</th><th scope="col">${m.t('records.authority')}</th><th scope="col">${m.t('records.decided')}</th><th scope="col">${m.t('records.outcomes')}</th><th scope="col">${m.t('records.status')}</th></tr></thead>
<tbody>${rows.map((r) => row(ctx, r))}</tbody>
</table></div>
${pageLinks}`,
  );
}
