/** The platform's pushback on the order: contests, court challenges, the authority's answers. (issue 12) */
import type { RequestDetail } from '../../api.js';

// Placeholder of the foundation commit: the helper that owns this folder fills it in.
export function PushbackPanel(_props: { request: RequestDetail }) {
  return null;
}
