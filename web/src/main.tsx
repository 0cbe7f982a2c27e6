import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { pages } from '../../src/contracts/pages.js';
import { CompliancePage } from './compliance/CompliancePage.js';
import { RegimeDetailPage } from './compliance/RegimeDetail.js';
import { RegimeListPage } from './compliance/RegimeList.js';
import { Loading } from './components/Feedback.js';
import { PublicLayout } from './components/Layout.js';
import { NotFoundPage } from './components/NotFound.js';
import { ReportIndexPage } from './public/ReportIndex.js';
import { createQueryClient } from './query-client.js';
import { IntakePage } from './review/intake/IntakePage.js';
import { QueuePage } from './review/Queue.js';
import { RequestPage } from './review/RequestPage.js';
import { ReviewLayout } from './review/ReviewLayout.js';
import { SignInPage } from './review/SignIn.js';
import './styles.css';
import './compliance/compliance.css';

const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: [
      { path: pages.home, element: <ReportIndexPage /> },
      { path: pages.reports, element: <ReportIndexPage /> },
      {
        path: pages.report,
        // ECharts is large: only the report page loads it.
        lazy: async () => ({ Component: (await import('./public/CountryReport.js')).CountryReportPage }),
        hydrateFallbackElement: <Loading what="the report" />,
      },
      {
        path: pages.compare,
        lazy: async () => ({ Component: (await import('./compare/CompareIndex.js')).CompareIndexPage }),
        hydrateFallbackElement: <Loading what="the comparison" />,
      },
      {
        path: pages.compareCountry,
        lazy: async () => ({ Component: (await import('./compare/CountryCompare.js')).CountryComparePage }),
        hydrateFallbackElement: <Loading what="the comparison" />,
      },
      {
        path: pages.methodology,
        lazy: async () => ({ Component: (await import('./compare/Methodology.js')).MethodologyPage }),
        hydrateFallbackElement: <Loading what="the methodology" />,
      },
      { path: pages.signIn, element: <SignInPage /> },
      // Any other path: the server answers it with 404 and this page (src/http/web-app.ts).
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    path: pages.review,
    element: <ReviewLayout />,
    children: [
      { index: true, element: <QueuePage /> },
      { path: pages.newRequest, element: <IntakePage /> },
      { path: pages.request, element: <RequestPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    // Signed-in, like the review pages: the obligations register and the regimes browser.
    path: pages.compliance,
    element: <ReviewLayout />,
    children: [
      { index: true, element: <CompliancePage /> },
      { path: pages.regimes, element: <RegimeListPage /> },
      { path: pages.regime, element: <RegimeDetailPage /> },
      { path: '*', element: <NotFoundPage /> },
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
