/** What the content system was asked to do, and when it took effect. (issue 12) */
import type { RequestDetail } from '../../api.js';

// Placeholder of the foundation commit: the helper that owns this folder fills it in.
export function EnforcementPanel(_props: { request: RequestDetail }) {
  return null;
}
