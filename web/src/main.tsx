import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { pages } from '../../src/contracts/pages.js';
import { Loading } from './components/Feedback.js';
import { PublicLayout } from './components/Layout.js';
import { NotFoundPage } from './components/NotFound.js';
import { ReportIndexPage } from './public/ReportIndex.js';
import { createQueryClient } from './query-client.js';
import { ReviewLayout } from './review/ReviewLayout.js';
import './styles.css';
import './compliance/compliance.css';

/**
 * A page loaded when first visited, so that the first page a reader opens carries only what it needs:
 * ECharts only on pages with charts, the forms' code (Zod, react-hook-form) only where there are forms.
 */
function later<T>(load: () => Promise<T>, pick: (module: T) => React.ComponentType, what: string) {
  return {
    lazy: async () => ({ Component: pick(await load()) }),
    hydrateFallbackElement: <Loading what={what} />,
  };
}

const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: [
      {
        path: pages.home,
        ...later(
          () => import('./public/site/OverviewPage.js'),
          (m) => m.OverviewPage,
          'the overview',
        ),
      },
      { path: pages.reports, element: <ReportIndexPage /> },
      // ECharts is large: only the pages with charts load it.
      {
        path: pages.report,
        ...later(
          () => import('./public/CountryReport.js'),
          (m) => m.CountryReportPage,
          'the report',
        ),
      },
      {
        path: pages.compare,
        ...later(
          () => import('./compare/CompareIndex.js'),
          (m) => m.CompareIndexPage,
          'the comparison',
        ),
      },
      {
        path: pages.compareCountry,
        ...later(
          () => import('./compare/CountryCompare.js'),
          (m) => m.CountryComparePage,
          'the comparison',
        ),
      },
      {
        path: pages.methodology,
        ...later(
          () => import('./compare/Methodology.js'),
          (m) => m.MethodologyPage,
          'the methodology',
        ),
      },
      {
        path: pages.signIn,
        ...later(
          () => import('./review/SignIn.js'),
          (m) => m.SignInPage,
          'sign-in',
        ),
      },
      // Transparency publishing (issue 13).
      {
        path: pages.records,
        ...later(
          () => import('./public/records/RecordSearchPage.js'),
          (m) => m.RecordSearchPage,
          'the request database',
        ),
      },
      {
        path: pages.record,
        ...later(
          () => import('./public/records/RecordPage.js'),
          (m) => m.RecordPage,
          'the record',
        ),
      },
      {
        path: pages.downloads,
        ...later(
          () => import('./public/downloads/DownloadsPage.js'),
          (m) => m.DownloadsPage,
          'the downloads',
        ),
      },
      // Any other path: the server answers it with 404 and this page (src/http/web-app.ts).
      {
        path: pages.appeal,
        ...later(
          () => import('./public/AppealPage.js'),
          (m) => m.AppealPage,
          'the appeal',
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    path: pages.review,
    element: <ReviewLayout />,
    children: [
      {
        index: true,
        ...later(
          () => import('./review/Queue.js'),
          (m) => m.QueuePage,
          'the queue',
        ),
      },
      {
        path: pages.newRequest,
        ...later(
          () => import('./review/intake/IntakePage.js'),
          (m) => m.IntakePage,
          'the form',
        ),
      },
      {
        path: pages.request,
        ...later(
          () => import('./review/RequestPage.js'),
          (m) => m.RequestPage,
          'the order',
        ),
      },
      {
        path: pages.reviewPublications,
        ...later(
          () => import('./review/publication/PublicationsPage.js'),
          (m) => m.PublicationsPage,
          'the publications',
        ),
      },
      {
        path: pages.reviewTasks,
        ...later(
          () => import('./review/notices/TasksPage.js'),
          (m) => m.TasksPage,
          'the tasks',
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    // Signed-in, like the review pages: the obligations register and the regimes browser.
    path: pages.compliance,
    element: <ReviewLayout />,
    children: [
      {
        index: true,
        ...later(
          () => import('./compliance/CompliancePage.js'),
          (m) => m.CompliancePage,
          'compliance',
        ),
      },
      {
        path: pages.regimes,
        ...later(
          () => import('./compliance/RegimeList.js'),
          (m) => m.RegimeListPage,
          'the regimes',
        ),
      },
      {
        path: pages.regime,
        ...later(
          () => import('./compliance/RegimeDetail.js'),
          (m) => m.RegimeDetailPage,
          'the regime',
        ),
      },
      // The pressure record (issue 15): fines, blocks, shutdowns … with the law and the orders behind them.
      {
        path: pages.pressure,
        ...later(
          () => import('./compliance/pressure/PressurePage.js'),
          (m) => m.PressurePage,
          'the pressure record',
        ),
      },
      {
        path: pages.pressureEvent,
        ...later(
          () => import('./compliance/pressure/PressureEventPage.js'),
          (m) => m.PressureEventPage,
          'the pressure event',
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    // The agency's API keys (issue 10): its admin officers create, list and revoke them.
    path: pages.portalKeys,
    ...later(
      () => import('./portal/keys/KeysPage.js'),
      (m) => m.KeysPage,
      'the API keys',
    ),
  },
  {
    // The mail outbox (issue 10): platform admins see what waits, was sent or failed, and retry a failure.
    path: pages.adminOutbox,
    ...later(
      () => import('./admin/outbox/OutboxPage.js'),
      (m) => m.OutboxPage,
      'the outbox',
    ),
  },
  {
    // The agency's webhooks (issue 10): endpoints (its admin officers register and disable them) and the delivery log.
    path: pages.portalWebhooks,
    ...later(
      () => import('./portal/webhooks/WebhooksPage.js'),
      (m) => m.WebhooksPage,
      'the webhooks',
    ),
  },
  {
    // The authority portal's sign-in (issue 10): apply, accept an invitation, sign in, a second factor, enrol.
    ...later(
      () => import('./portal/auth/PortalLayout.js'),
      (m) => m.PortalPublicLayout,
      'the portal',
    ),
    children: [
      {
        path: pages.portalApply,
        ...later(
          () => import('./portal/auth/ApplyPage.js'),
          (m) => m.ApplyPage,
          'the form',
        ),
      },
      {
        path: pages.portalInvitation,
        ...later(
          () => import('./portal/auth/InvitationPage.js'),
          (m) => m.InvitationPage,
          'the invitation',
        ),
      },
      {
        path: pages.portalSignIn,
        ...later(
          () => import('./portal/auth/SignInPage.js'),
          (m) => m.PortalSignInPage,
          'sign-in',
        ),
      },
      {
        path: pages.portalSecondFactor,
        ...later(
          () => import('./portal/auth/SecondFactorPage.js'),
          (m) => m.SecondFactorPage,
          'sign-in',
        ),
      },
      {
        path: pages.portalEnrol,
        ...later(
          () => import('./portal/auth/EnrolPage.js'),
          (m) => m.EnrolPage,
          'sign-in',
        ),
      },
    ],
  },
  {
    // The signed-in portal: the agency's page and, for its admin officers, its officers.
    path: pages.portal,
    ...later(
      () => import('./portal/auth/PortalLayout.js'),
      (m) => m.PortalLayout,
      'the portal',
    ),
    children: [
      {
        index: true,
        ...later(
          () => import('./portal/auth/PortalLayout.js'),
          (m) => m.PortalHomePage,
          'the portal',
        ),
      },
      {
        path: pages.portalOfficers,
        ...later(
          () => import('./portal/auth/OfficersPage.js'),
          (m) => m.OfficersPage,
          'the officers',
        ),
      },
      // The agency's orders (issue 10): submit one, get its receipt, follow it.
      {
        path: pages.portalOrders,
        ...later(
          () => import('./portal/orders/MyOrdersPage.js'),
          (m) => m.MyOrdersPage,
          'the orders',
        ),
      },
      {
        path: pages.portalNewOrder,
        ...later(
          () => import('./portal/orders/NewOrderPage.js'),
          (m) => m.NewOrderPage,
          'the form',
        ),
      },
      {
        path: pages.portalOrder,
        ...later(
          () => import('./portal/orders/OrderPage.js'),
          (m) => m.OrderPage,
          'the order',
        ),
      },
    ],
  },
  {
    // Agencies (issue 10): platform admins verify, reject, suspend and reinstate them.
    path: pages.adminAgencies,
    element: <ReviewLayout />,
    children: [
      {
        index: true,
        ...later(
          () => import('./admin/agencies/AgenciesPage.js'),
          (m) => m.AgenciesPage,
          'the agencies',
        ),
      },
    ],
  },
  {
    // Issue 12, the review workflow.
    path: pages.adminUsers,
    element: <ReviewLayout />,
    children: [
      {
        index: true,
        ...later(
          () => import('./admin/users/UsersPage.js'),
          (m) => m.UsersPage,
          'the accounts',
        ),
      },
    ],
  },
  {
    // Issue 12, the review workflow.
    path: pages.adminReviewPolicies,
    element: <ReviewLayout />,
    children: [
      {
        index: true,
        ...later(
          () => import('./admin/review-policies/ReviewPoliciesPage.js'),
          (m) => m.ReviewPoliciesPage,
          'the review stages',
        ),
      },
    ],
  },
  {
    // Issue 12, the review workflow.
    path: pages.adminEnforcement,
    element: <ReviewLayout />,
    children: [
      {
        index: true,
        ...later(
          () => import('./admin/enforcement/EnforcementPage.js'),
          (m) => m.EnforcementPage,
          'the failed calls',
        ),
      },
    ],
  },
  {
    // Issue 12, the review workflow.
    path: pages.adminAudit,
    element: <ReviewLayout />,
    children: [
      {
        index: true,
        ...later(
          () => import('./admin/audit/AuditPage.js'),
          (m) => m.AuditPage,
          'the audit log',
        ),
      },
    ],
  },
]);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// A 401 on a signed-in page goes to sign-in from here, whichever load or change met it.
const queryClient = createQueryClient((path) => void router.navigate(path, { replace: true }));
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
