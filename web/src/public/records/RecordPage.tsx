/** Issue 13 — one public record (or tombstone), its citation and its inclusion proof, checked in the browser. (Placeholder: built by its owner.) */
export function RecordPage() {
  return <section className="page" />;
}
