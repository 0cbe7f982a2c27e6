/**
 * The static site's HTML template (src/static/html.ts): data can never become markup. `<script>`,
 * quotes, `&` and `javascript:` URLs in data come out as inert text, in element content and in
 * attributes; only fragments the template built pass through. And the links between pages are
 * relative, also on the request database's further pages.
 */
import { describe, expect, it } from 'vitest';
import { siteLayout } from '../../src/domain/static-site-layout.js';
import { escapeHtml, html, raw, safeUrl } from '../../src/static/html.js';
import { messagesFor } from '../../src/static/i18n.js';
import { relativeLink } from '../../src/static/pages/layout.js';
import { recordsPage, recordsPerPage } from '../../src/static/pages/records.js';

describe('html``', () => {
  it('escapes text content', () => {
    const out = html`<p>${'<script>alert("x")</script> & more'}</p>`.value;
    expect(out).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more</p>');
    expect(out).not.toContain('<script');
  });

  it('escapes attribute values, so a quote cannot close the attribute', () => {
    const out = html`<a title="${'" onmouseover="alert(1)'}" data-x='${"' onclick='alert(2)"}'>x</a>`.value;
    expect(out).toBe('<a title="&quot; onmouseover=&quot;alert(1)" data-x=\'&#39; onclick=&#39;alert(2)\'>x</a>');
    expect(out).not.toMatch(/"\s+onmouseover=/);
  });

  it('passes fragments it built and lists of them, and drops null, undefined and false', () => {
    const item = (s: string) => html`<li>${s}</li>`;
    expect(html`<ul>${['a<', 'b&'].map(item)}</ul>${null}${undefined}${false}${0}`.value).toBe(
      '<ul><li>a&lt;</li><li>b&amp;</li></ul>0',
    );
    expect(html`${raw('<em>kept</em>')}`.value).toBe('<em>kept</em>');
  });

  it('a javascript: URL from data is kept only as text, and safeUrl refuses it as a link', () => {
    const data = 'javascript:alert(document.cookie)';
    expect(html`<td>${data}</td>`.value).toBe('<td>javascript:alert(document.cookie)</td>');
    expect(safeUrl(data)).toBe('#');
    expect(safeUrl(' JaVa\tScRiPt:alert(1)')).toBe('#');
    expect(safeUrl('data:text/html,<script>alert(1)</script>')).toBe('#');
    expect(safeUrl('vbscript:msgbox')).toBe('#');
    expect(safeUrl('https://example.org/a?b=1')).toBe('https://example.org/a?b=1');
    expect(safeUrl('../records/WR-1/index.html')).toBe('../records/WR-1/index.html');
    expect(html`<a href="${safeUrl(data)}">x</a>`.value).toBe('<a href="#">x</a>');
  });

  it('escapeHtml covers every character that can break out of text or a quoted attribute', () => {
    expect(escapeHtml(`<>&"'\``)).toBe('&lt;&gt;&amp;&quot;&#39;&#96;');
  });
});

describe('relative links and the request database in pages of 500', () => {
  it('links between any two files of the site are relative', () => {
    expect(relativeLink('index.html', 'records/index.html')).toBe('records/index.html');
    expect(relativeLink('records/WR-1/index.html', 'records/WR-1.json')).toBe('../WR-1.json');
    expect(relativeLink('ru/records/WR-1/index.html', 'log/checkpoint')).toBe('../../../log/checkpoint');
    expect(relativeLink('ru/index.html', 'kk/index.html')).toBe('../kk/index.html');
    expect(relativeLink('countries/KZ/2026-H1/index.html', 'countries/KZ/2025-H2/index.html')).toBe('../2025-H2/index.html');
  });

  it('page 2 of 3 links to every other page and says which records it holds', () => {
    const rows = Array.from({ length: recordsPerPage }, (_, i) => ({
      publicId: `WR-${String(501 + i).padStart(6, '0')}`,
      version: 1,
      leafIndex: 500 + i,
      record: null,
      tombstone: { id: `WR-${String(501 + i).padStart(6, '0')}`, version: 2, withdrawnAt: '2026-04-01T00:00:00Z', reason: 'x' },
    }));
    const ctx = { m: messagesFor('ru'), page: siteLayout.recordsPage(2), generatedAt: new Date('2026-07-01T00:00:00Z') };
    const text = recordsPage(ctx, rows, 2, 3, 1200);
    expect(siteLayout.recordsPage(2)).toBe('records/pages/2/index.html');
    expect(text).toContain('<caption>Записи 501–1000 из 1200</caption>');
    expect(text).toContain('<a href="../../index.html">Страница 1</a>');
    expect(text).toContain('<span aria-current="page">Страница 2</span>');
    expect(text).toContain('<a href="../3/index.html">Страница 3</a>');
    expect(text).toContain('<a href="../../WR-000501/index.html">WR-000501</a>');
    expect(text).toContain('<a href="../../../../records/pages/2/index.html" hreflang="en" lang="en">English</a>');
  });
});
