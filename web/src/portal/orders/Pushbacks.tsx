/** The platform's pushback on an order as the authority sees it, with a form to answer (issue 12). */

// Placeholder of the foundation commit: the helper that owns this file fills it in.
export function PortalPushbacks(_props: { orderId: string }) {
  return null;
}
