/** A user's appeal against a decision, with the token from their notice. (issue 12) */

// Placeholder of the foundation commit: the helper that owns this page fills it in.
export function AppealPage() {
  return null;
}
