/**
 * Staff sign-in: email and password, or the OpenID Connect provider when one is configured (its
 * button leads to /api/v1/session/oidc/start; a refused provider sign-in comes back with ?error=).
 * The server sets the session cookie.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormProvider } from 'react-hook-form';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { type OidcErrorCode, oidcErrorCodes } from '../../../src/contracts/accounts.js';
import { credentialsSchema } from '../../../src/contracts/session.js';
import { api, request } from '../api.js';
import { ProblemMessage } from '../components/Feedback.js';
import { Field } from '../components/Field.js';
import { placeProblem, useSchemaForm } from '../components/form.js';
import { useDocumentTitle } from '../components/Layout.js';
import { useTranslation } from '../i18n/index.js';
import { queries } from '../queries.js';
import { returnPath } from '../sign-in.js';

export function SignInPage() {
  const { t } = useTranslation('review');
  useDocumentTitle(t('signIn.title'));
  const navigate = useNavigate();
  const client = useQueryClient();
  // Set when a signed-in page sent the reviewer here (query-client.ts): where to go back to.
  const [search] = useSearchParams();
  const next = search.get('next');
  const oidc = useQuery({
    queryKey: ['session-oidc'],
    queryFn: ({ signal }) => request<{ enabled: boolean; label: string | null }>('GET', '/api/v1/session/oidc', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const oidcError = search.get('error');
  const oidcRefusal = oidcErrorCodes.find((code): code is OidcErrorCode => code === oidcError);
  const form = useSchemaForm(credentialsSchema, { email: '', password: '' });
  const signIn = useMutation({
    mutationFn: api.signIn,
    onSuccess: (session) => {
      // Nothing of an earlier session is kept; the new one is known without asking again.
      client.clear();
      client.setQueryData(queries.session().queryKey, { user: session.user });
      navigate(returnPath(next), { replace: true });
    },
  });
  const submit = form.handleSubmit((credentials) =>
    signIn.mutateAsync(credentials).catch((e: unknown) => placeProblem(e, form.setError)),
  );
  const busy = signIn.isPending || signIn.isSuccess;

  return (
    <section className="page page-narrow">
      <h1>{t('signIn.title')}</h1>
      {next && !signIn.error ? (
        <p className="alert alert-info" role="status" data-testid="signin-reason">
          {t('signIn.reason')}
        </p>
      ) : null}
      {signIn.error ? <ProblemMessage error={signIn.error} /> : null}
      {oidcRefusal && !signIn.error ? (
        <p className="alert alert-danger" role="alert" data-testid="signin-oidc-error">
          {t(`accounts:signIn.error.${oidcRefusal}`)}
        </p>
      ) : null}
      {oidc.data?.enabled ? (
        <p>
          <a
            className="button button-primary"
            data-testid="signin-oidc"
            href={`/api/v1/session/oidc/start?${new URLSearchParams({ next: returnPath(next) })}`}
          >
            {t('accounts:signIn.with', { label: oidc.data.label ?? '' })}
          </a>{' '}
          {t('accounts:signIn.or')}
        </p>
      ) : null}
      <FormProvider {...form}>
        <form className="form card" onSubmit={submit} noValidate>
          <Field name="email" controlId="signin-email" label={t('signIn.email')}>
            {(control) => (
              <input
                {...control}
                {...form.register('email')}
                data-testid="signin-email"
                type="email"
                autoComplete="username"
                required
              />
            )}
          </Field>
          <Field name="password" controlId="signin-password" label={t('signIn.password')}>
            {(control) => (
              <input
                {...control}
                {...form.register('password')}
                data-testid="signin-password"
                type="password"
                autoComplete="current-password"
                required
              />
            )}
          </Field>
          <button type="submit" className="button button-primary" data-testid="signin-submit" disabled={busy}>
            {busy ? t('signIn.busy') : t('signIn.submit')}
          </button>
        </form>
      </FormProvider>
    </section>
  );
}
