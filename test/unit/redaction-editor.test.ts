/**
 * The redaction editor (web/src/review/publication/RedactionEditor.tsx, issue 13): its preview is what
 * the public record will say (the domain's applyRedactions, for any spans), the stored redactions go
 * in and out unchanged, and its markup holds the text as text, highlighted with mark elements only.
 */
import fc from 'fast-check';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { applyRedactions } from '../../src/domain/redaction.js';
import {
  chosenSpans,
  type EditorSpan,
  editorSpans,
  previewOf,
  RedactionEditor,
} from '../../web/src/review/publication/RedactionEditor.js';

const span = fc
  .record({
    start: fc.integer({ min: -3, max: 40 }),
    length: fc.integer({ min: 0, max: 12 }),
    chosen: fc.boolean(),
    manual: fc.boolean(),
  })
  .map(
    ({ start, length, chosen, manual }): EditorSpan => ({
      start,
      end: start + length,
      kind: manual ? 'manual' : 'email',
      source: manual ? 'manual' : 'proposed',
      chosen,
    }),
  );

describe('the redaction editor', () => {
  it('previews exactly what the public record will say, for any spans', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 })),
        fc.array(span, { maxLength: 6 }),
        (text, spans) => {
          const chosen = spans.filter((s) => s.source === 'manual' || s.chosen !== false);
          expect(previewOf(text, spans)).toBe(applyRedactions(text, chosen));
        },
      ),
    );
    expect(previewOf('call 123 or 456', [{ start: 5, end: 8, kind: 'phone', source: 'proposed', chosen: false }])).toBe(
      'call 123 or 456',
    );
  });

  it('shows every proposal, kept when chosen, and chosen spans not proposed as manual; and gives the chosen ones back', () => {
    const proposed = [
      { field: 'summary', start: 0, end: 4, kind: 'email' as const },
      { field: 'summary', start: 10, end: 14, kind: 'phone' as const },
      { field: 'legalBasis', start: 0, end: 2, kind: 'name' as const },
    ];
    const chosen = [
      { field: 'summary', start: 10, end: 14, kind: 'phone' as const },
      { field: 'summary', start: 20, end: 25, kind: 'manual' as const },
      { field: 'caseStudy', start: 0, end: 1, kind: 'manual' as const },
    ];
    const spans = editorSpans('summary', proposed, chosen);
    expect(spans).toEqual([
      { start: 0, end: 4, kind: 'email', source: 'proposed', chosen: false },
      { start: 10, end: 14, kind: 'phone', source: 'proposed', chosen: true },
      { start: 20, end: 25, kind: 'manual', source: 'manual', chosen: true },
    ]);
    expect(chosenSpans('summary', spans)).toEqual(chosen.filter((c) => c.field === 'summary'));
  });

  it('renders the text as text with mark elements, buttons named by kind and text, and the preview', () => {
    const text = 'Mail <script>alert(1)</script> at ivan@mail.kz, call +7 701 123 45 67.';
    const at = (s: string) => text.indexOf(s);
    const html = renderToStaticMarkup(
      createElement(RedactionEditor, {
        field: 'summary',
        label: 'Summary',
        text,
        spans: [
          { start: at('ivan'), end: at(', call'), kind: 'email', source: 'proposed', chosen: true },
          { start: at('+7'), end: text.lastIndexOf('.'), kind: 'phone', source: 'proposed', chosen: false },
          { start: at('<script>'), end: at(' at'), kind: 'manual', source: 'manual' },
        ],
        onChange: () => {},
      }),
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<mark class="redaction-chosen" data-state="chosen">ivan@mail.kz</mark>');
    expect(html).toContain('<mark class="redaction-dropped" data-state="dropped">+7 701 123 45 67</mark>');
    expect(html).toMatch(/aria-pressed="true"[^>]*>Email address: “ivan@mail.kz”<\/button>/);
    expect(html).toMatch(/aria-pressed="false"[^>]*>Phone number: “\+7 701 123 45 67”<\/button>/);
    expect(html).toContain('Remove the redaction of “&lt;script&gt;alert(1)&lt;/script&gt;”');
    expect(html).toContain('data-testid="redaction-preview">Mail [redacted] at [redacted], call +7 701 123 45 67.</p>');
  });
});
