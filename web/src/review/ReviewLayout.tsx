/** The frame of the signed-in pages (review queue, compliance): checks the session, names the reviewer, offers sign-out. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { NavLink, Outlet, useNavigate } from 'react-router-dom';
import { api, type User } from '../api.js';
import { Loading, ProblemMessage } from '../components/Feedback.js';
import { Frame } from '../components/Layout.js';
import { queries } from '../queries.js';

/** What the signed-in pages get from their frame (useOutletContext). */
export type ReviewContext = { user: User };

export function ReviewLayout() {
  // A 401 here goes to sign-in (query-client.ts), which brings the reviewer back.
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

  const nav = (
    <>
      <NavLink to="/review" end>
        Queue
      </NavLink>
      <NavLink to="/review/new">Record an order</NavLink>
      <NavLink to="/compliance">Compliance</NavLink>
      <NavLink to="/reports">Public reports</NavLink>
      {user ? (
        <span className="nav-user">
          <span className="nav-user-name" title={user.email}>
            {user.name}
          </span>
          <button type="button" className="button button-small" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
            Sign out
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
        <Loading what="your session" />
      )}
    </Frame>
  );
}
