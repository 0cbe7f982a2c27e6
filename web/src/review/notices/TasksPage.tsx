/** Reviewers' tasks besides the queue: notices due to be sent, appeals to decide. (issue 12) */

// Placeholder of the foundation commit: the helper that owns this page fills it in.
export function TasksPage() {
  return null;
}
