/** The signed-in reviewer, shared by the review pages, and the way back to sign-in on a 401. */
import { useCallback, useRef } from 'react';
import { useLocation, useNavigate, useOutletContext } from 'react-router-dom';
import type { User } from '../api.js';
import { type ApiError, asApiError } from '../problem.js';
import { sessionEndRedirect } from '../sign-in.js';

export type ReviewContext = { user: User };

export function useReviewer(): User {
  return useOutletContext<ReviewContext>().user;
}

/**
 * Turns a failure into an ApiError to show; when the session has ended (401) it goes to the
 * sign-in page instead, which brings the reviewer back here afterwards.
 */
export function useFailureHandler(): (error: unknown) => ApiError {
  const navigate = useNavigate();
  const location = useLocation();
  // Read through a ref so that the handler stays the same function as the reviewer moves around.
  const here = useRef(location);
  here.current = location;
  return useCallback(
    (error: unknown) => {
      const failure = asApiError(error);
      const to = sessionEndRedirect(failure.status, here.current);
      if (to) navigate(to, { replace: true });
      return failure;
    },
    [navigate],
  );
}
