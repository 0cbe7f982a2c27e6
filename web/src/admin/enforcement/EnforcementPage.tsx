/** Calls to the platform's systems that failed (the dead-letter list), to retry. (issue 12) */

// Placeholder of the foundation commit: the helper that owns this page fills it in.
export function EnforcementPage() {
  return null;
}
