/** Charts drawn in the page itself (inline SVG), readable without scripts; every label is escaped. */
import { type Html, html } from '../html.js';

export type Bar = { label: string; value: number /** The bar's accessible text. */; text: string };

/** A horizontal bar chart; `title` names it for assistive technology. */
export function barChart(id: string, title: string, bars: readonly Bar[]): Html {
  const rowHeight = 24;
  // Room for the longest label at about 7 px a character (12 px text).
  const labelWidth = Math.min(220, 12 + 7 * Math.max(4, ...bars.map((b) => b.label.length)));
  const width = 480 + labelWidth;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = Math.max(rowHeight, bars.length * rowHeight);
  const rows = bars.map((bar, i) => {
    const y = i * rowHeight;
    const w = Math.round(((width - labelWidth - 50) * bar.value) / max);
    return html`<g><title>${bar.text}</title><text x="0" y="${y + 16}" class="chart-label">${bar.label}</text><rect x="${labelWidth}" y="${y + 4}" width="${w}" height="${rowHeight - 8}" class="chart-bar"></rect><text x="${labelWidth + w + 6}" y="${y + 16}" class="chart-value">${bar.value}</text></g>`;
  });
  return html`<figure class="chart"><svg role="img" aria-labelledby="${id}" viewBox="0 0 ${width} ${height}" width="100%" preserveAspectRatio="xMinYMin meet"><title id="${id}">${title}</title>${rows}</svg><figcaption>${title}</figcaption></figure>`;
}
