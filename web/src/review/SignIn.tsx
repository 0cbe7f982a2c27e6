/** Reviewer sign-in: email and password; the server sets the session cookie. */
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../api.js';
import { ProblemMessage } from '../components/Feedback.js';
import { FieldError, fieldProps } from '../components/Field.js';
import { useDocumentTitle } from '../components/Layout.js';
import { type ApiError, asApiError } from '../problem.js';
import { keys } from '../queries.js';
import { returnPath } from '../sign-in.js';

export function SignInPage() {
  useDocumentTitle('Reviewer sign-in');
  const navigate = useNavigate();
  const client = useQueryClient();
  // Set when a signed-in page sent the reviewer here (query-client.ts): where to go back to.
  const next = useSearchParams()[0].get('next');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await api.signIn({ email: email.trim(), password });
      // Nothing of an earlier session is kept; the new one is known without asking again.
      client.clear();
      client.setQueryData(keys.session, { user: session.user });
      navigate(returnPath(next), { replace: true });
    } catch (e) {
      setError(asApiError(e));
      setBusy(false);
    }
  }

  return (
    <section className="page page-narrow">
      <h1>Reviewer sign-in</h1>
      {next && !error ? (
        <p className="alert alert-info" role="status" data-testid="signin-reason">
          Please sign in to continue.
        </p>
      ) : null}
      {error ? <ProblemMessage error={error} /> : null}
      <form className="form card" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="signin-email">Email</label>
          <input
            id="signin-email"
            data-testid="signin-email"
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            {...fieldProps(error, 'email')}
          />
          <FieldError error={error} field="email" />
        </div>
        <div className="field">
          <label htmlFor="signin-password">Password</label>
          <input
            id="signin-password"
            data-testid="signin-password"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            {...fieldProps(error, 'password')}
          />
          <FieldError error={error} field="password" />
        </div>
        <button type="submit" className="button button-primary" data-testid="signin-submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </section>
  );
}
