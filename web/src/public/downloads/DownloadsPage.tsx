/** Issue 13 — downloads: the exports and every table and chart, as CSV and JSON. (Placeholder: built by its owner.) */
export function DownloadsPage() {
  return <section className="page" />;
}
