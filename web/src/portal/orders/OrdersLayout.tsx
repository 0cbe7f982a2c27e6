/**
 * The frame of the portal's order pages until the portal's own layout takes them in: the officer's
 * session is checked here (an officer's, never a reviewer's), and the navigation names the agency.
 */
import { useQuery } from '@tanstack/react-query';
import { Navigate, NavLink, Outlet } from 'react-router-dom';
import { Frame } from '../../components/Layout.js';
import { portalQueries } from '../orders-queries.js';
import { Loading, Problem } from './common.js';
import { usePortalT } from './i18n.js';

export function OrdersLayout() {
  const { t } = usePortalT();
  const session = useQuery(portalQueries.session());
  const nav = (
    <>
      <NavLink to="/portal/orders" end>
        {t('list.title')}
      </NavLink>
      <NavLink to="/portal/orders/new">{t('list.new')}</NavLink>
      {session.data ? (
        <span className="nav-user" data-testid="portal-officer">
          {t('nav.officer', { name: session.data.officer.name, agency: session.data.agency.name })}
        </span>
      ) : null}
    </>
  );
  // No officer's session (or an ended one): the portal's sign-in.
  if (session.error?.status === 401) return <Navigate to="/portal/signin" replace />;
  return <Frame nav={nav}>{session.data ? <Outlet /> : session.error ? <Problem error={session.error} /> : <Loading />}</Frame>;
}
