/** An officer's sign-in, first step: email and password; then the second factor (or enrolment). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormProvider } from 'react-hook-form';
import { useNavigate } from 'react-router-dom';
import { officerCredentialsSchema } from '../../../../src/contracts/agencies.js';
import { ProblemMessage } from '../../components/Feedback.js';
import { Field } from '../../components/Field.js';
import { placeProblem, useSchemaForm } from '../../components/form.js';
import { useDocumentTitle } from '../../components/Layout.js';
import { pathForStage, portalApi, portalAuthKeys } from '../queries.js';
import { usePortalAuthT } from './i18n.js';

export function PortalSignInPage() {
  const { t } = usePortalAuthT();
  useDocumentTitle(t('signIn.title'));
  const navigate = useNavigate();
  const client = useQueryClient();
  const form = useSchemaForm(officerCredentialsSchema, { email: '', password: '' });
  const signIn = useMutation({
    mutationFn: portalApi.signIn,
    onSuccess: ({ token: _, expiresAt: __, ...session }) => {
      client.clear();
      client.setQueryData(portalAuthKeys.session, session);
      navigate(pathForStage(session.stage), { replace: true });
    },
  });
  const submit = form.handleSubmit((credentials) =>
    signIn.mutateAsync(credentials).catch((e: unknown) => placeProblem(e, form.setError)),
  );
  const busy = signIn.isPending || signIn.isSuccess;
  return (
    <section className="page page-narrow">
      <h1>{t('signIn.title')}</h1>
      {signIn.error ? <ProblemMessage error={signIn.error} /> : null}
      <FormProvider {...form}>
        <form className="form card" onSubmit={submit} noValidate>
          <Field name="email" controlId="portal-signin-email" label={t('signIn.email')}>
            {(control) => (
              <input
                {...control}
                {...form.register('email')}
                data-testid="portal-signin-email"
                type="email"
                autoComplete="username"
              />
            )}
          </Field>
          <Field name="password" controlId="portal-signin-password" label={t('signIn.password')}>
            {(control) => (
              <input
                {...control}
                {...form.register('password')}
                data-testid="portal-signin-password"
                type="password"
                autoComplete="current-password"
              />
            )}
          </Field>
          <button type="submit" className="button button-primary" data-testid="portal-signin-submit" disabled={busy}>
            {t('signIn.submit')}
          </button>
        </form>
      </FormProvider>
    </section>
  );
}
