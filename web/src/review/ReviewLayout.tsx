/** The frame of the signed-in pages (review queue, compliance): checks the session, names the reviewer, offers sign-out. */
import { useEffect, useState } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router-dom';
import { type ApiError, api, type User } from '../api.js';
import { Loading, ProblemMessage } from '../components/Feedback.js';
import { Frame } from '../components/Layout.js';
import { type ReviewContext, useFailureHandler } from './session.js';

export function ReviewLayout() {
  const [user, setUser] = useState<User | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [signingOut, setSigningOut] = useState(false);
  const fail = useFailureHandler();
  const navigate = useNavigate();

  useEffect(() => {
    let live = true;
    api.currentUser().then(
      (session) => {
        if (live) setUser(session.user);
      },
      (e: unknown) => {
        if (live) setError(fail(e));
      },
    );
    return () => {
      live = false;
    };
  }, [fail]);

  async function signOut() {
    setSigningOut(true);
    try {
      await api.signOut();
    } catch {
      // the cookie may already be gone; sign-in is the right place either way
    }
    navigate('/signin', { replace: true });
  }

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
          <button type="button" className="button button-small" onClick={signOut} disabled={signingOut}>
            Sign out
          </button>
        </span>
      ) : null}
    </>
  );

  const context: ReviewContext | null = user ? { user } : null;
  return (
    <Frame nav={nav}>
      {context ? <Outlet context={context} /> : error ? <ProblemMessage error={error} /> : <Loading what="your session" />}
    </Frame>
  );
}
