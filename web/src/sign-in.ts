/**
 * Where the signed-in pages are, and the way to sign-in and back: a 401 on one of them sends the
 * reviewer to `/signin?next=<where they were>`, and sign-in returns there. Public pages never go
 * to sign-in on a 401, and `next` can only lead back into the signed-in pages of this site.
 */
import { pages } from '../../src/contracts/pages.js';

/** The path prefixes of the pages that need a session (the review queue and compliance). */
export const signedInAreas = [pages.review, pages.compliance] as const;

/** Where sign-in leads when it was not asked to go anywhere in particular (or asked to go elsewhere). */
export const afterSignIn = pages.review;

export function isSignedInPath(pathname: string): boolean {
  return signedInAreas.some((area) => pathname === area || pathname.startsWith(`${area}/`));
}

/** The sign-in page, asked to come back to `here` (a path with its query) afterwards. */
export function signInPath(here: string): string {
  return `/signin?next=${encodeURIComponent(here)}`;
}

// Any origin would do: it only tells a path on this site from one that leads elsewhere (`//evil.example`).
const thisSite = 'http://writ.invalid';

/** The path sign-in returns to: `next` when it is a signed-in page of this site, else the queue. */
export function returnPath(next: string | null): string {
  if (!next?.startsWith('/')) return afterSignIn;
  let url: URL;
  try {
    url = new URL(next, thisSite);
  } catch {
    return afterSignIn;
  }
  if (url.origin !== thisSite || !isSignedInPath(url.pathname)) return afterSignIn;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * Where to go after a failed call: the sign-in page when the session has ended (401) while the
 * reviewer is on a signed-in page; null otherwise (public pages show their own message).
 */
export function sessionEndRedirect(status: number | undefined, here: { pathname: string; search: string }): string | null {
  if (status !== 401 || !isSignedInPath(here.pathname)) return null;
  return signInPath(`${here.pathname}${here.search}`);
}
