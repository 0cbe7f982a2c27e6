/**
 * The static site's HTML template (src/static/html.ts): data can never become markup. `<script>`,
 * quotes, `&` and `javascript:` URLs in data come out as inert text, in element content and in
 * attributes; only fragments the template built pass through.
 */
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw, safeUrl } from '../../src/static/html.js';

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
