/** Each item's review stage and who must act next. (issue 12) */
import type { RequestDetail } from '../../api.js';

// Placeholder of the foundation commit: the helper that owns this folder fills it in.
export function StagesSummary(_props: { request: RequestDetail }) {
  return null;
}
