/** The frame of the signed-in pages (review queue, compliance): checks the session, names the reviewer, offers sign-out. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { NavLink, Outlet, useNavigate } from 'react-router-dom';
import { pages } from '../../../src/contracts/pages.js';
import { type Action, can } from '../../../src/domain/permissions.js';
import { api, type User } from '../api.js';
import { Loading, ProblemMessage } from '../components/Feedback.js';
import { Frame } from '../components/Layout.js';
import { useTranslation } from '../i18n/index.js';
import { queries } from '../queries.js';

/** What the signed-in pages get from their frame (useOutletContext). */
export type ReviewContext = { user: User };

export function ReviewLayout() {
  // A 401 here goes to sign-in (query-client.ts), which brings the reviewer back.
  const { t } = useTranslation('common');
  const session = useQuery(queries.session());
  const user = session.data?.user;
  const client = useQueryClient();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: api.signOut,
    // The cookie may already be gone; sign-in is the right place either way, with nothing of this session kept.
    onSettled: () => {
      client.clear();
      navigate('/signin', { replace: true });
    },
  });

  // The table decides what the menu offers; the server refuses the rest all the same.
  const may = (action: Action) => (user ? can(user.role, action) : false);
  const nav = (
    <>
      <NavLink to="/review" end>
        {t('nav.queue')}
      </NavLink>
      {may('notices.manage') || may('appeals.decide') ? <NavLink to={pages.reviewTasks}>{t('nav.tasks')}</NavLink> : null}
      {may('publications.prepare') ? <NavLink to={pages.reviewPublications}>{t('nav.publications')}</NavLink> : null}
      {may('orders.record') ? <NavLink to="/review/new">{t('nav.newOrder')}</NavLink> : null}
      <NavLink to="/compliance">{t('nav.compliance')}</NavLink>
      <NavLink to="/reports">{t('nav.publicReports')}</NavLink>
      {may('agencies.manage') ? <NavLink to={pages.adminAgencies}>{t('nav.agencies')}</NavLink> : null}
      {may('outbox.manage') ? <NavLink to={pages.adminOutbox}>{t('nav.outbox')}</NavLink> : null}
      {may('users.manage') ? <NavLink to={pages.adminUsers}>{t('nav.users')}</NavLink> : null}
      {may('settings.manage') ? <NavLink to={pages.adminReviewPolicies}>{t('nav.reviewPolicies')}</NavLink> : null}
      {may('enforcement.manage') ? <NavLink to={pages.adminEnforcement}>{t('nav.enforcement')}</NavLink> : null}
      {may('audit.read') ? <NavLink to={pages.adminAudit}>{t('nav.audit')}</NavLink> : null}
      {user ? (
        <span className="nav-user">
          <span className="nav-user-name" title={user.email}>
            {user.name}
          </span>
          <button type="button" className="button button-small" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
            {t('nav.signOut')}
          </button>
        </span>
      ) : null}
    </>
  );

  const context: ReviewContext | null = user ? { user } : null;
  return (
    <Frame nav={nav}>
      {context ? (
        <Outlet context={context} />
      ) : session.error ? (
        <ProblemMessage error={session.error} />
      ) : (
        <Loading what="session" />
      )}
    </Frame>
  );
}
