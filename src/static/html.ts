/**
 * HTML for the static publication (issue 13): a tagged template that escapes every interpolated
 * value, so data can never become markup. Only fragments built by this template (or wrapped in
 * `raw()` on purpose, for text that is already HTML) pass through unescaped.
 */

/** A fragment of HTML that is already safe to insert as is. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Marks `text` as already-built HTML. Never call it on data. */
export function raw(text: string): Html {
  return new Html(text);
}

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes text for both element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => entities[c] ?? c);
}

/** A value the template accepts: fragments and lists of them pass, everything else is escaped text. */
export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** `html\`<p>${text}</p>\``: every `${…}` is escaped unless it is an `Html` fragment. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return new Html(out);
}

/**
 * A link target from data: only relative paths and http(s)/mailto URLs are kept; anything else
 * (`javascript:`, `data:`, `vbscript:` …) becomes `#`, so a hostile value cannot run when clicked.
 */
export function safeUrl(url: string): string {
  const trimmed = url.trim();
  // Browsers ignore control characters and spaces inside a scheme (`java\tscript:`).
  const compact = [...trimmed].filter((c) => c.charCodeAt(0) > 0x20).join('');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(compact);
  if (!scheme) return trimmed;
  return ['http', 'https', 'mailto'].includes(scheme[1]!.toLowerCase()) ? trimmed : '#';
}
