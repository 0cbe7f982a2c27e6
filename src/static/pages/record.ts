/** One record's page (every field of the PublicRecord), or its tombstone once withdrawn. */
import type { PublicRecord, PublicTombstone } from '../../domain/public-record.js';
import { siteLayout } from '../../domain/static-site-layout.js';
import { type Html, html } from '../html.js';
import { document, type PageContext, pageLink, rootLink } from './layout.js';

function field(label: string, value: Html | string): Html {
  return html`<dt>${label}</dt><dd>${value}</dd>`;
}

function evidence(ctx: PageContext, id: string): Html {
  const { m } = ctx;
  return html`<h2>${m.t('record.evidence')}</h2>
<ul>
<li><a href="${rootLink(ctx, siteLayout.recordProof(id))}" type="application/json">${m.t('record.proof')}</a></li>
<li><a href="${rootLink(ctx, siteLayout.checkpoint)}">${m.t('record.log')}</a></li>
</ul>
<p class="note">${m.t('record.verify')}</p>`;
}

export function recordPage(ctx: PageContext, record: PublicRecord, citation: string): string {
  const { m } = ctx;
  const none = m.t('site.none');
  const yesNo = (v: boolean) => m.t(v ? 'site.yes' : 'site.no');
  const title = m.t('record.title', { id: record.id });
  const items = record.items.map(
    (item) =>
      html`<tr><th scope="row">${item.position}</th><td>${m.t(`targetKind.${item.targetKind}`)}</td><td class="target">${
        item.target ?? m.t('record.withheld')
      }</td><td>${item.product}</td><td>${item.outcome ? m.t(`outcome.${item.outcome}`) : m.t('record.undecided')}</td><td>${
        item.reason ?? none
      }</td><td>${item.scope ? item.scope.map((c) => m.country(c)).join(', ') : m.t('record.worldwide')}</td></tr>`,
  );
  const accounts = record.accounts
    ? html`<h2>${m.t('record.accounts')}</h2><div class="table-wrap"><table class="figures">
<caption>${m.t('record.accountsCaption')}</caption>
<thead><tr><th scope="col">${m.t('record.requested')}</th><th scope="col">${m.t('record.disclosed')}</th><th scope="col">${m.t('record.partly')}</th><th scope="col">${m.t('record.refused')}</th></tr></thead>
<tbody><tr><td>${record.accounts.requested}</td><td>${record.accounts.disclosed}</td><td>${record.accounts.partly}</td><td>${record.accounts.refused}</td></tr></tbody>
</table></div>`
    : '';
  return document(
    ctx,
    title,
    html`<article class="record" data-record-id="${record.id}">
<h1>${title}</h1>
${record.correctionNote ? html`<p class="correction"><strong>${m.t('record.correctionNote')}:</strong> ${record.correctionNote}</p>` : ''}
<h2>${m.t('record.details')}</h2>
<dl class="fields">
${field(m.t('record.version'), String(record.version))}
${field(m.t('record.kind'), m.t(`requestKind.${record.kind}`))}
${field(m.t('record.authority'), record.authority.name)}
${field(m.t('record.authorityKind'), m.t(`authorityKind.${record.authority.kind}`))}
${field(m.t('record.country'), html`<a href="${pageLink(ctx, siteLayout.countryPeriod(record.country, record.period))}">${m.country(record.country)}</a>`)}
${field(m.t('record.regime'), record.regime?.name ?? none)}
${field(m.t('record.legalBasis'), record.legalBasis)}
${field(m.t('record.receivedOn'), html`<time datetime="${record.receivedOn}">${m.date(record.receivedOn)}</time>`)}
${field(m.t('record.decidedOn'), html`<time datetime="${record.decidedOn}">${m.date(record.decidedOn)}</time>`)}
${field(m.t('record.period'), record.period)}
${field(m.t('record.publishedAt'), html`<time datetime="${record.publishedAt}">${m.date(record.publishedAt)}</time>`)}
${field(m.t('record.language'), record.language ?? none)}
${field(m.t('record.publicInterest'), yesNo(record.publicInterest))}
${field(m.t('record.courtChallenge'), yesNo(record.courtChallenge))}
${field(m.t('record.concernsChild'), yesNo(record.concernsChild))}
</dl>
<h2>${m.t('record.summary')}</h2>
<p class="summary">${record.summary ?? (record.concernsChild ? m.t('record.withheld') : none)}</p>
${record.caseStudy ? html`<h2>${m.t('record.caseStudy')}</h2><p class="case-study">${record.caseStudy}</p>` : ''}
<h2>${m.t('record.items')}</h2>
<div class="table-wrap"><table class="items">
<caption>${m.t('record.itemsCaption')}</caption>
<thead><tr><th scope="col">${m.t('record.position')}</th><th scope="col">${m.t('record.targetKind')}</th><th scope="col">${m.t('record.target')}</th><th scope="col">${m.t('record.product')}</th><th scope="col">${m.t('record.outcome')}</th><th scope="col">${m.t('record.reason')}</th><th scope="col">${m.t('record.scope')}</th></tr></thead>
<tbody>${items}</tbody>
</table></div>
${accounts}
<h2>${m.t('record.citation')}</h2>
<p class="citation"><cite>${citation}</cite></p>
${evidence(ctx, record.id)}
</article>`,
  );
}

export function tombstonePage(ctx: PageContext, tombstone: PublicTombstone): string {
  const { m } = ctx;
  const title = m.t('tombstone.title', { id: tombstone.id });
  return document(
    ctx,
    title,
    html`<article class="record tombstone" data-record-id="${tombstone.id}">
<h1>${title}</h1>
<p><strong>${m.t('tombstone.withdrawnOn', { date: m.date(tombstone.withdrawnAt), version: tombstone.version })}</strong></p>
<h2>${m.t('tombstone.reason')}</h2>
<p class="reason">${tombstone.reason}</p>
<p>${m.t('tombstone.explain')}</p>
${evidence(ctx, tombstone.id)}
</article>`,
  );
}
