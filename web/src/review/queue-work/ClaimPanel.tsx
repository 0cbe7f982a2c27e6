/** Who has claimed the order; claim, release, and bulk decisions on its items. (issue 12) */
import type { RequestDetail } from '../../api.js';

// Placeholder of the foundation commit: the helper that owns this folder fills it in.
export function ClaimPanel(_props: { request: RequestDetail }) {
  return null;
}
