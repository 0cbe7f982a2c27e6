/** Loading, error and notice boxes shared by every page. */
import type { ReactNode } from 'react';
import type { ApiError } from '../problem.js';

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

/** A problem from the API: its detail in words, its title and code for those who report bugs. */
export function ProblemMessage({ error, children }: { error: ApiError; children?: ReactNode }) {
  const { title, detail, code } = error.problem;
  return (
    <div className="alert alert-error" role="alert">
      {title ? <p className="alert-title">{title}</p> : null}
      <p>{detail}</p>
      {children}
      <p className="alert-code">Error code: {code}</p>
    </div>
  );
}

export function DemoBanner({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert-demo" role="note">
      <p>
        <span className="badge badge-demo">Demo data</span> {children}
      </p>
    </div>
  );
}

export function DemoBadge() {
  return (
    <span className="badge badge-demo" title="Sample data, not a real order">
      Demo data
    </span>
  );
}
