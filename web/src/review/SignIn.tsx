/** Reviewer sign-in: email and password; the server sets the session cookie. */
import { type FormEvent, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { type ApiError, api, asApiError } from '../api.js';
import { ProblemMessage } from '../components/Feedback.js';
import { FieldError, fieldProps } from '../components/Field.js';
import { useDocumentTitle } from '../components/Layout.js';
import type { SignInState } from './session.js';

export function SignInPage() {
  useDocumentTitle('Reviewer sign-in');
  const navigate = useNavigate();
  const state = useLocation().state as SignInState;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.signIn(email.trim(), password);
      const from = state?.from;
      const target = from && (from.startsWith('/review') || from.startsWith('/compliance')) ? from : '/review';
      navigate(target, { replace: true });
    } catch (e) {
      setError(asApiError(e));
      setBusy(false);
    }
  }

  return (
    <section className="page page-narrow">
      <h1>Reviewer sign-in</h1>
      {state?.reason && !error ? (
        <p className="alert alert-info" role="status">
          {state.reason}
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
