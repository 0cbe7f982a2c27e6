/** Issue 13 — the public request database: search with facets. (Placeholder: built by its owner.) */
export function RecordSearchPage() {
  return <section className="page" />;
}
