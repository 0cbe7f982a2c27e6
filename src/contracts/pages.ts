/**
 * The web app's pages, declared once: React Router builds its routes from these paths
 * (web/src/main.tsx), and the server answers them with the app (200) and any other path outside
 * the API with the app's Not found page (404). `:name` stands for one path segment.
 */
export const pages = {
  home: '/',
  reports: '/reports',
  report: '/reports/:country/:period',
  compare: '/compare',
  compareCountry: '/compare/:country',
  methodology: '/methodology',
  signIn: '/signin',
  review: '/review',
  newRequest: '/review/new',
  request: '/review/requests/:id',
  compliance: '/compliance',
  regimes: '/compliance/regimes',
  regime: '/compliance/regimes/:id',
  // The pressure record (issue 15).
  pressure: '/compliance/pressure',
  pressureEvent: '/compliance/pressure/:id',
  portalOrders: '/portal/orders',
  portalNewOrder: '/portal/orders/new',
  portalOrder: '/portal/orders/:id',
  portalKeys: '/portal/keys',
  adminOutbox: '/admin/outbox',
  portalWebhooks: '/portal/webhooks',
  portal: '/portal',
  portalApply: '/portal/apply',
  portalInvitation: '/portal/invitation',
  portalSignIn: '/portal/signin',
  portalSecondFactor: '/portal/signin/second-factor',
  portalEnrol: '/portal/enrol',
  portalOfficers: '/portal/officers',
  adminAgencies: '/admin/agencies',
  // The review workflow (issue 12).
  reviewTasks: '/review/tasks',
  adminUsers: '/admin/users',
  adminReviewPolicies: '/admin/review-policies',
  adminEnforcement: '/admin/enforcement',
  adminAudit: '/admin/audit',
  appeal: '/appeal',
  // Transparency publishing (issue 13).
  records: '/records',
  record: '/records/:id',
  downloads: '/downloads',
  reviewPublications: '/review/publications',
} as const;

const patterns = Object.values(pages).map((page) => new RegExp(`^${page.replace(/:\w+/g, '[^/]+')}$`));

/** Whether a path (without query) is one of the app's pages. */
export function isPage(pathname: string): boolean {
  return patterns.some((pattern) => pattern.test(pathname));
}
