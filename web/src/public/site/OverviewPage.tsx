/** Issue 13 — the overview: requests per country over time, the world map. (Placeholder: built by its owner.) */
export function OverviewPage() {
  return <section className="page" />;
}
