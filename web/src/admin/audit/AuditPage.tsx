/** The audit log: its verification and its signed head. (issue 12) */

// Placeholder of the foundation commit: the helper that owns this page fills it in.
export function AuditPage() {
  return null;
}
