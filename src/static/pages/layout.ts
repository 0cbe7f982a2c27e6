/**
 * The frame of every static page: language, head, navigation, language switcher and footer, and
 * the relative links between pages (the site may be hosted under any path prefix, or opened from disk).
 */
import { siteLayout } from '../../domain/static-site-layout.js';
import { type Html, html } from '../html.js';
import { languageNames, type Messages, type SiteLanguage, siteLanguages } from '../i18n.js';

/** Where a language's pages live: English at the root, the others under their code. */
export function languagePrefix(lang: SiteLanguage): string {
  return lang === 'en' ? '' : `${lang}/`;
}

/** The relative link from the file `from` to the file `to` (both relative to the site's root). */
export function relativeLink(from: string, to: string): string {
  const fromDirs = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let common = 0;
  while (common < fromDirs.length && common < toParts.length - 1 && fromDirs[common] === toParts[common]) common++;
  const up = '../'.repeat(fromDirs.length - common);
  return up + toParts.slice(common).join('/');
}

/** One page being rendered: its messages and where it is written. */
export type PageContext = {
  m: Messages;
  /** The page's layout path without the language prefix (e.g. `records/index.html`). */
  page: string;
  /** When the site was generated. */
  generatedAt: Date;
};

/** The file this page is written to. */
export function pageFile(ctx: PageContext): string {
  return languagePrefix(ctx.m.lang) + ctx.page;
}

/** A link to another page in the same language. */
export function pageLink(ctx: PageContext, layoutPath: string): string {
  return relativeLink(pageFile(ctx), languagePrefix(ctx.m.lang) + layoutPath);
}

/** A link to a file that exists once, at the root (the log, records' JSON, feeds, downloads, assets). */
export function rootLink(ctx: PageContext, path: string): string {
  return relativeLink(pageFile(ctx), path);
}

const navItems = [
  ['nav.overview', siteLayout.home],
  ['nav.records', siteLayout.records],
  ['nav.methodology', siteLayout.methodology],
  ['nav.downloads', siteLayout.download('index.html')],
] as const;

/** A whole HTML document around `body`, whose first heading should be `title`. */
export function document(ctx: PageContext, title: string, body: Html): string {
  const { m } = ctx;
  const siteTitle = m.t('site.title');
  const nav = navItems.map(
    ([key, target]) =>
      html`<li><a href="${pageLink(ctx, target)}"${target === ctx.page ? html` aria-current="page"` : ''}>${m.t(key)}</a></li>`,
  );
  const languages = siteLanguages.map((lang) =>
    lang === m.lang
      ? html`<li><span aria-current="true" lang="${lang}">${languageNames[lang]}</span></li>`
      : html`<li><a href="${relativeLink(pageFile(ctx), languagePrefix(lang) + ctx.page)}" hreflang="${lang}" lang="${lang}">${languageNames[lang]}</a></li>`,
  );
  return html`<!doctype html>
<html lang="${m.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${siteTitle}</title>
<link rel="stylesheet" href="${rootLink(ctx, siteLayout.asset('site.css'))}">
<link rel="alternate" type="application/atom+xml" href="${rootLink(ctx, siteLayout.feed)}" title="${siteTitle}">
<script src="${rootLink(ctx, siteLayout.asset('enhance.js'))}" defer></script>
</head>
<body>
<a class="skip" href="#content">${m.t('site.skip')}</a>
<header class="site-header">
<p class="site-title"><a href="${pageLink(ctx, siteLayout.home)}">${siteTitle}</a></p>
<nav aria-label="${m.t('nav.label')}"><ul>${nav}</ul></nav>
<nav aria-label="${m.t('site.language')}" class="languages"><ul>${languages}</ul></nav>
</header>
<main id="content">
${body}
</main>
<footer class="site-footer"><p>${m.t('site.footer', { date: m.date(ctx.generatedAt) })}</p></footer>
</body>
</html>
`.value;
}
