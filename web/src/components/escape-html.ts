/**
 * Text from data made safe to put in HTML. ECharts inserts a tooltip formatter's string as HTML
 * (innerHTML), so every formatter that builds one escapes each piece of data with this.
 */
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => entities[c] ?? c);
}
