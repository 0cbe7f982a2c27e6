/** How the published figures are made, the definitions the code itself uses, and the log's parameters. */
import type { Methodology } from '../../app/public-site.js';
import { html } from '../html.js';
import { document, type PageContext } from './layout.js';

export function methodologyPage(ctx: PageContext, methodology: Methodology): string {
  const { m } = ctx;
  const title = m.t('methodology.title');
  const sections = (['what', 'redaction', 'counting', 'log'] as const).map(
    (key) => html`<section><h2>${m.t(`methodology.${key}`)}</h2><p>${m.t(`methodology.${key}Text`)}</p></section>`,
  );
  const list = (items: readonly string[]) => html`<ul>${items.map((item) => html`<li>${item}</li>`)}</ul>`;
  const log = methodology.log;
  return document(
    ctx,
    title,
    html`<h1>${title}</h1>${sections}
<section><h2>${m.t('methodology.definitions')}</h2>
<h3>${m.t('methodology.kinds')}</h3>
${list(methodology.requestKinds.map((k) => m.t(`requestKind.${k}`)))}
<h3>${m.t('methodology.outcomes')}</h3>
${list(methodology.outcomes.map((o) => m.t(`outcome.${o.key}`)))}
<h3>${m.t('methodology.reasons')}</h3>
${list(methodology.reasons)}
<h3>${m.t('methodology.logParams')}</h3>
<dl class="fields">
<dt>${m.t('methodology.hash')}</dt><dd>${log.hash}</dd>
<dt>${m.t('methodology.standard')}</dt><dd>${log.standard}</dd>
<dt>${m.t('methodology.prefixes')}</dt><dd>${log.leafPrefix}, ${log.nodePrefix}</dd>
<dt>${m.t('methodology.checkpointFormat')}</dt><dd>${log.checkpoint}</dd>
<dt>${m.t('methodology.entryKinds')}</dt><dd>${log.entryKinds.join(', ')}</dd>
</dl>
</section>`,
  );
}
