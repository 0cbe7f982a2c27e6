/** The frame of every page: a skip link, the site header with its navigation and language switcher, and the footer. */
import { type ReactNode, useEffect } from 'react';
import { Link, NavLink, Outlet } from 'react-router-dom';
import { Trans, useTranslation } from '../i18n/index.js';
import { LanguageSwitcher } from './LanguageSwitcher.js';

export function SiteHeader({ children }: { children?: ReactNode }) {
  const { t } = useTranslation('common');
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link to="/" className="brand">
          Writ
        </Link>
        <nav aria-label={t('nav.main')} className="site-nav">
          {children}
        </nav>
        <LanguageSwitcher />
      </div>
    </header>
  );
}

export function Frame({ nav, children }: { nav: ReactNode; children: ReactNode }) {
  const { t } = useTranslation('common');
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <SiteHeader>{nav}</SiteHeader>
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>
          <Trans t={t} i18nKey="footer.about" components={{ docs: <DocsLink /> }} />
        </p>
      </footer>
    </>
  );
}

/** The API documentation's link; its words come from the message around it. */
function DocsLink({ children }: { children?: ReactNode }) {
  return <a href="/docs">{children}</a>;
}

/** The public pages: transparency reports, no sign-in. */
export function PublicLayout() {
  const { t } = useTranslation('common');
  return (
    <Frame
      nav={
        <>
          <NavLink to="/reports">{t('nav.reports')}</NavLink>
          <NavLink to="/records">{t('nav.records')}</NavLink>
          <NavLink to="/compare">{t('nav.compare')}</NavLink>
          <NavLink to="/downloads">{t('nav.downloads')}</NavLink>
          <NavLink to="/signin">{t('nav.signIn')}</NavLink>
        </>
      }
    >
      <Outlet />
    </Frame>
  );
}

/** Sets the browser tab's title for the page being shown. */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · Writ` : 'Writ';
  }, [title]);
}
