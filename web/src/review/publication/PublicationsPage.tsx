/** Issue 13 — the reviewers' publications: drafts, approved, published, withdrawn. (Placeholder: built by its owner.) */
export function PublicationsPage() {
  return <section className="page" />;
}
