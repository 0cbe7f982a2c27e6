/**
 * The portal's frames: `PortalPublicLayout` for the steps before an officer is signed in (apply,
 * invitation, sign-in, second factor, enrolment), and `PortalLayout` for a signed-in officer, which
 * names the officer and the agency and signs out. A session that is not yet `full` is sent on to
 * its next step; none at all, to sign-in.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Navigate, NavLink, Outlet, useNavigate } from 'react-router-dom';
import { Loading, ProblemMessage } from '../../components/Feedback.js';
import { Frame } from '../../components/Layout.js';
import { pathForStage, portalApi, portalAuthQueries } from '../queries.js';
import { usePortalAuthT } from './i18n.js';
import { PasskeysSection } from './PasskeysSection.js';

export function PortalPublicLayout() {
  const { t } = usePortalAuthT();
  return (
    <Frame
      nav={
        <>
          <NavLink to="/portal/signin">{t('nav.signIn')}</NavLink>
          <NavLink to="/portal/apply">{t('nav.apply')}</NavLink>
        </>
      }
    >
      <Outlet />
    </Frame>
  );
}

export function PortalLayout() {
  const { t } = usePortalAuthT();
  const session = useQuery(portalAuthQueries.session());
  const client = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: portalApi.signOut,
    onSuccess: () => {
      client.clear();
      navigate('/portal/signin', { replace: true });
    },
  });
  const stage = session.data?.stage;
  useEffect(() => {
    if (stage && stage !== 'full') navigate(pathForStage(stage), { replace: true });
  }, [stage, navigate]);
  if (session.error?.status === 401) return <Navigate to="/portal/signin" replace />;
  const data = session.data?.stage === 'full' ? session.data : undefined;
  const nav = data ? (
    <>
      <NavLink to="/portal" end>
        {t('nav.home')}
      </NavLink>
      <NavLink to="/portal/orders">{t('nav.orders')}</NavLink>
      {data.officer.isAgencyAdmin ? <NavLink to="/portal/officers">{t('nav.officers')}</NavLink> : null}
      {data.officer.isAgencyAdmin ? <NavLink to="/portal/keys">{t('nav.keys')}</NavLink> : null}
      <NavLink to="/portal/webhooks">{t('nav.webhooks')}</NavLink>
      <span className="nav-user" data-testid="portal-agency">
        {t('nav.who', { name: data.officer.name, agency: data.agency.name })}
      </span>
      <button
        type="button"
        className="button button-link"
        data-testid="portal-sign-out"
        onClick={() => signOut.mutate()}
        disabled={signOut.isPending}
      >
        {t('nav.signOut')}
      </button>
    </>
  ) : null;
  return (
    <Frame nav={nav}>
      {data ? (
        <Outlet context={data} />
      ) : session.error ? (
        <ProblemMessage error={session.error} />
      ) : (
        <Loading what={t('loading')} />
      )}
    </Frame>
  );
}

/** The portal's first page: who is signed in, for which agency, and where to go. */
export function PortalHomePage() {
  const { t } = usePortalAuthT();
  const session = useQuery(portalAuthQueries.session());
  const data = session.data;
  if (!data) return null;
  return (
    <section className="page" data-testid="portal-home">
      <h1>{data.agency.name}</h1>
      <p>{t('home.welcome', { name: data.officer.name })}</p>
      {data.agency.status !== 'verified' ? (
        <p className="alert alert-warning" role="status">
          {t('home.notVerified', { status: t(`agencyStatus.${data.agency.status}`) })}
        </p>
      ) : null}
      <ul>
        <li>
          <NavLink to="/portal/orders/new">{t('home.newOrder')}</NavLink>
        </li>
        <li>
          <NavLink to="/portal/orders">{t('home.orders')}</NavLink>
        </li>
      </ul>
      <p className="muted">
        {t('home.factors', { passkeys: data.factors.passkeys, codes: data.factors.recoveryCodesLeft })}
        {data.factors.totp ? ` ${t('home.totpOn')}` : ''}
      </p>
      <PasskeysSection />
    </section>
  );
}
