// Progressive enhancement of the static publication (issue 13). The pages are complete without this
// script: it only filters the records table as one types, and draws tables marked data-chart as bar
// charts. Plain browser JavaScript, no build step, no inline code (a strict CSP can forbid it), and
// it writes text only through textContent, never HTML.
(() => {
  /** Shows the filter box over a table and hides the rows that do not contain every typed word. */
  function enhanceFilter(box) {
    const table = document.getElementById(box.getAttribute('data-filter-for') || '');
    const input = box.querySelector('input');
    if (!table || !input) return;
    const rows = Array.from(table.tBodies[0] ? table.tBodies[0].rows : []);
    const texts = rows.map((row) => (row.textContent || '').toLocaleLowerCase());
    const status = document.createElement('p');
    status.className = 'note';
    status.setAttribute('role', 'status');
    box.appendChild(status);
    box.hidden = false;
    input.addEventListener('input', () => {
      const words = input.value.toLocaleLowerCase().split(/\s+/).filter(Boolean);
      let shown = 0;
      rows.forEach((row, i) => {
        const match = words.every((word) => texts[i].includes(word));
        row.hidden = !match;
        if (match) shown++;
      });
      status.textContent = words.length ? `${shown} / ${rows.length}` : '';
    });
  }

  /** A simple bar chart after a table: each body row's header and its last number. */
  function enhanceChart(table) {
    const body = table.tBodies[0];
    if (!body) return;
    const data = Array.from(body.rows).map((row) => {
      const label = row.cells[0] ? (row.cells[0].textContent || '').trim() : '';
      const last = row.cells[row.cells.length - 1];
      const value = Number((last ? last.textContent || '' : '').replace(/[^\d.-]/g, '')) || 0;
      return { label, value };
    });
    if (data.length === 0) return;
    const max = Math.max(1, ...data.map((d) => d.value));
    const chart = document.createElement('div');
    chart.className = 'enhanced-chart';
    chart.setAttribute('aria-hidden', 'true');
    for (const d of data) {
      const label = document.createElement('span');
      label.textContent = `${d.label} (${d.value})`;
      const bar = document.createElement('span');
      bar.className = 'bar';
      bar.style.width = `${(100 * d.value) / max}%`;
      chart.append(label, bar);
    }
    const wrap = table.closest('.table-wrap') || table;
    wrap.after(chart);
  }

  function start() {
    document.querySelectorAll('[data-filter-for]').forEach(enhanceFilter);
    document.querySelectorAll('table[data-chart]').forEach(enhanceChart);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
