/** What the app shows at an address that is none of its pages (the server answers such paths with 404). */
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { pages } from '../../../src/contracts/pages.js';
import { Trans, useTranslation } from '../i18n/index.js';
import { useDocumentTitle } from './Layout.js';

function PageLink({ to, children }: { to: string; children?: ReactNode }) {
  return <Link to={to}>{children}</Link>;
}

export function NotFoundPage() {
  const { pathname } = useLocation();
  const { t } = useTranslation('common');
  useDocumentTitle(t('notFound.title'));
  return (
    <section className="page">
      <h1>{t('notFound.title')}</h1>
      <p>
        <Trans t={t} i18nKey="notFound.nothingAt" components={{ path: <code>{pathname}</code> }} />
      </p>
      <ul>
        <li>
          <Trans t={t} i18nKey="notFound.home" components={{ page: <PageLink to={pages.home} /> }} />
        </li>
        <li>
          <Trans t={t} i18nKey="notFound.compare" components={{ page: <PageLink to={pages.compare} /> }} />
        </li>
        <li>
          <Trans t={t} i18nKey="notFound.queue" components={{ page: <PageLink to={pages.review} /> }} />
        </li>
      </ul>
    </section>
  );
}
