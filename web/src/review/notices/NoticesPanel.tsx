/** Notices to the affected users (held, due, sent) and their appeals. (issue 12) */
import type { RequestDetail } from '../../api.js';

// Placeholder of the foundation commit: the helper that owns this folder fills it in.
export function NoticesPanel(_props: { request: RequestDetail }) {
  return null;
}
