/**
 * The second step of an officer's sign-in: a passkey (the browser asks the authenticator), the
 * authenticator app's code, or a one-time recovery code. A wrong answer counts toward the lock-out.
 */
import { startAuthentication } from '@simplewebauthn/browser';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { Navigate, useNavigate } from 'react-router-dom';
import { recoveryCodeSchema, totpCodeSchema } from '../../../../src/contracts/agencies.js';
import { Loading, ProblemMessage } from '../../components/Feedback.js';
import { Field } from '../../components/Field.js';
import { placeProblem, useSchemaForm } from '../../components/form.js';
import { useDocumentTitle } from '../../components/Layout.js';
import { type OfficerSessionView, pathForStage, portalApi, portalAuthKeys, portalAuthQueries } from '../queries.js';
import { usePortalAuthT } from './i18n.js';

export function SecondFactorPage() {
  const { t } = usePortalAuthT();
  useDocumentTitle(t('secondFactor.title'));
  const session = useQuery(portalAuthQueries.session());
  const client = useQueryClient();
  const navigate = useNavigate();
  const [recovery, setRecovery] = useState(false);
  const done = (view: OfficerSessionView) => {
    client.setQueryData(portalAuthKeys.session, view);
    navigate(pathForStage(view.stage), { replace: true });
  };
  const passkey = useMutation({
    mutationFn: async () => {
      const options = await portalApi.passkeyAuthenticationOptions();
      const answer = await startAuthentication({ optionsJSON: options as never });
      return portalApi.authenticateWithPasskey(answer);
    },
    onSuccess: done,
  });
  if (session.error?.status === 401) return <Navigate to="/portal/signin" replace />;
  if (!session.data) return session.error ? <ProblemMessage error={session.error} /> : <Loading what={t('loading')} />;
  if (session.data.stage !== 'second_factor') return <Navigate to={pathForStage(session.data.stage)} replace />;
  const { factors } = session.data;
  return (
    <section className="page page-narrow" data-testid="second-factor">
      <h1>{t('secondFactor.title')}</h1>
      {factors.passkeys > 0 ? (
        <div className="card">
          <p>{t('secondFactor.passkeyIntro')}</p>
          {passkey.error ? (
            <p className="alert alert-error" role="alert">
              {t('secondFactor.passkeyFailed')}
            </p>
          ) : null}
          <button
            type="button"
            className="button button-primary"
            data-testid="second-factor-passkey"
            onClick={() => passkey.mutate()}
            disabled={passkey.isPending}
          >
            {t('secondFactor.passkey')}
          </button>
        </div>
      ) : null}
      {factors.totp ? <CodeForm kind="totp" onDone={done} /> : null}
      {recovery ? (
        <CodeForm kind="recovery" onDone={done} />
      ) : (
        <button
          type="button"
          className="button button-link"
          data-testid="second-factor-use-recovery"
          onClick={() => setRecovery(true)}
        >
          {t('secondFactor.useRecovery')}
        </button>
      )}
    </section>
  );
}

function CodeForm({ kind, onDone }: { kind: 'totp' | 'recovery'; onDone: (view: OfficerSessionView) => void }) {
  const { t } = usePortalAuthT();
  const form = useSchemaForm(kind === 'totp' ? totpCodeSchema : recoveryCodeSchema, { code: '' });
  const check = useMutation({ mutationFn: kind === 'totp' ? portalApi.totp : portalApi.recovery, onSuccess: onDone });
  const submit = form.handleSubmit(({ code }) => check.mutateAsync(code).catch((e: unknown) => placeProblem(e, form.setError)));
  return (
    <FormProvider {...form}>
      <form className="form card" onSubmit={submit} noValidate data-testid={`second-factor-${kind}`}>
        {check.error && !check.error.problem.field ? <ProblemMessage error={check.error} /> : null}
        <Field name="code" controlId={`second-factor-${kind}-code`} label={t(`secondFactor.${kind}Label`)}>
          {(control) => (
            <input
              {...control}
              {...form.register('code')}
              data-testid={`second-factor-${kind}-code`}
              autoComplete="one-time-code"
              inputMode={kind === 'totp' ? 'numeric' : 'text'}
            />
          )}
        </Field>
        <button
          type="submit"
          className="button button-primary"
          data-testid={`second-factor-${kind}-submit`}
          disabled={check.isPending}
        >
          {t('secondFactor.confirm')}
        </button>
      </form>
    </FormProvider>
  );
}
