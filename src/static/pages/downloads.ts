/** The downloads index: every file under downloads/, the feeds and the transparency log's files. */
import { siteLayout } from '../../domain/static-site-layout.js';
import { html } from '../html.js';
import type { SiteModel } from '../model.js';
import { document, type PageContext, rootLink } from './layout.js';

export function downloadsPage(ctx: PageContext, model: SiteModel): string {
  const { m } = ctx;
  const title = m.t('downloads.title');
  const files = model.downloads.map(
    (f) =>
      html`<tr><th scope="row"><a href="${rootLink(ctx, siteLayout.download(f.name))}" download>${f.name}</a></th><td>${m.t('downloads.bytes', { n: f.bytes })}</td></tr>`,
  );
  const feeds = [
    html`<tr><th scope="row"><a href="${rootLink(ctx, siteLayout.feed)}" type="application/atom+xml">${m.t('downloads.feedAll')}</a></th></tr>`,
    ...model.feedCountries.map(
      (c) =>
        html`<tr><th scope="row"><a href="${rootLink(ctx, siteLayout.countryFeed(c))}" type="application/atom+xml">${m.country(c)} (${c})</a></th></tr>`,
    ),
  ];
  return document(
    ctx,
    title,
    html`<h1>${title}</h1>
<p>${m.t('downloads.intro')}</p>
<h2>${m.t('downloads.files')}</h2>
<div class="table-wrap"><table class="files">
<caption>${m.t('downloads.filesCaption')}</caption>
<thead><tr><th scope="col">${m.t('downloads.file')}</th><th scope="col">${m.t('downloads.size')}</th></tr></thead>
<tbody>${files}</tbody>
</table></div>
<h2>${m.t('downloads.feeds')}</h2>
<div class="table-wrap"><table class="files">
<caption>${m.t('downloads.feedsCaption')}</caption>
<thead><tr><th scope="col">${m.t('downloads.feed')}</th></tr></thead>
<tbody>${feeds}</tbody>
</table></div>
<h2>${m.t('downloads.log')}</h2>
<ul>
<li><a href="${rootLink(ctx, siteLayout.checkpoint)}">${m.t('downloads.checkpoint')}</a></li>
<li><a href="${rootLink(ctx, siteLayout.publicKey)}">${m.t('downloads.publicKey')}</a></li>
<li><a href="${rootLink(ctx, siteLayout.checkpoints)}">${m.t('downloads.checkpoints')}</a></li>
<li><a href="${rootLink(ctx, siteLayout.recordsIndex)}">${m.t('downloads.recordsIndex')}</a></li>
</ul>`,
  );
}
