/** How the published figures are made, and how the log lets anyone check them. */
import { html } from '../html.js';
import { document, type PageContext } from './layout.js';

export function methodologyPage(ctx: PageContext): string {
  const { m } = ctx;
  const title = m.t('methodology.title');
  const sections = (['what', 'redaction', 'counting', 'log'] as const).map(
    (key) => html`<section><h2>${m.t(`methodology.${key}`)}</h2><p>${m.t(`methodology.${key}Text`)}</p></section>`,
  );
  return document(ctx, title, html`<h1>${title}</h1>${sections}`);
}
