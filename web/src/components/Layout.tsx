/** The frame of every page: a skip link, the site header with its navigation, and the footer. */
import { type ReactNode, useEffect } from 'react';
import { Link, NavLink, Outlet } from 'react-router-dom';

export function SiteHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link to="/" className="brand">
          Writ
        </Link>
        <nav aria-label="Main" className="site-nav">
          {children}
        </nav>
      </div>
    </header>
  );
}

export function Frame({ nav, children }: { nav: ReactNode; children: ReactNode }) {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader>{nav}</SiteHeader>
      <main id="main" className="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>
          Writ records government orders to remove content or hand over user data, how they were decided, and reports them
          publicly. <a href="/docs">API documentation</a>
        </p>
      </footer>
    </>
  );
}

/** The public pages: transparency reports, no sign-in. */
export function PublicLayout() {
  return (
    <Frame
      nav={
        <>
          <NavLink to="/reports">Transparency reports</NavLink>
          <NavLink to="/compare">Compare</NavLink>
          <NavLink to="/signin">Reviewer sign-in</NavLink>
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
