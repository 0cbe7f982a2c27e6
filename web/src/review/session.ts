/** The signed-in reviewer, shared by the review pages, and the way back to sign-in on a 401. */
import { useCallback, useRef } from 'react';
import { useLocation, useNavigate, useOutletContext } from 'react-router-dom';
import { type ApiError, asApiError, type User } from '../api.js';

export type ReviewContext = { user: User };

export function useReviewer(): User {
  return useOutletContext<ReviewContext>().user;
}

/** Where sign-in should send the reviewer afterwards. */
export type SignInState = { from?: string; reason?: string } | null;

/**
 * Turns a failure into an ApiError to show; when the session has ended (401) it goes to the
 * sign-in page instead, which brings the reviewer back here afterwards.
 */
export function useFailureHandler(): (error: unknown) => ApiError {
  const navigate = useNavigate();
  const location = useLocation();
  // Read through a ref so that the handler stays the same function as the reviewer moves around.
  const here = useRef('');
  here.current = location.pathname + location.search;
  return useCallback(
    (error: unknown) => {
      const failure = asApiError(error);
      if (failure.status === 401) {
        const state: SignInState = { from: here.current, reason: 'Please sign in to continue.' };
        navigate('/signin', { replace: true, state });
      }
      return failure;
    },
    [navigate],
  );
}
