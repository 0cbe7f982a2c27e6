import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { CompliancePage } from './compliance/CompliancePage.js';
import { RegimeDetailPage } from './compliance/RegimeDetail.js';
import { RegimeListPage } from './compliance/RegimeList.js';
import { Loading, NotFoundPage } from './components/Feedback.js';
import { PublicLayout } from './components/Layout.js';
import { ReportIndexPage } from './public/ReportIndex.js';
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
      { path: '/', element: <ReportIndexPage /> },
      { path: '/reports', element: <ReportIndexPage /> },
      {
        path: '/reports/:country/:period',
        // ECharts is large: only the report page loads it.
        lazy: async () => ({ Component: (await import('./public/CountryReport.js')).CountryReportPage }),
        hydrateFallbackElement: <Loading what="the report" />,
      },
      {
        path: '/compare',
        lazy: async () => ({ Component: (await import('./compare/CompareIndex.js')).CompareIndexPage }),
        hydrateFallbackElement: <Loading what="the comparison" />,
      },
      {
        path: '/compare/:country',
        lazy: async () => ({ Component: (await import('./compare/CountryCompare.js')).CountryComparePage }),
        hydrateFallbackElement: <Loading what="the comparison" />,
      },
      {
        path: '/methodology',
        lazy: async () => ({ Component: (await import('./compare/Methodology.js')).MethodologyPage }),
        hydrateFallbackElement: <Loading what="the methodology" />,
      },
      { path: '/signin', element: <SignInPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    path: '/review',
    element: <ReviewLayout />,
    children: [
      { index: true, element: <QueuePage /> },
      { path: 'new', element: <IntakePage /> },
      { path: 'requests/:id', element: <RequestPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    // Signed-in, like the review pages: the obligations register and the regimes browser.
    path: '/compliance',
    element: <ReviewLayout />,
    children: [
      { index: true, element: <CompliancePage /> },
      { path: 'regimes', element: <RegimeListPage /> },
      { path: 'regimes/:id', element: <RegimeDetailPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
