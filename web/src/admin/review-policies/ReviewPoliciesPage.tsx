/** The review stages each reason category needs, and which are sensitive. (issue 12) */

// Placeholder of the foundation commit: the helper that owns this page fills it in.
export function ReviewPoliciesPage() {
  return null;
}
