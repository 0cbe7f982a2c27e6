/**
 * Enrolling a second factor, required before anything else: a passkey (the browser's
 * authenticator) or an authenticator app (TOTP: the secret and its otpauth:// URI shown as text,
 * then a first code). A first factor brings the recovery codes, shown once.
 */
import { startRegistration } from '@simplewebauthn/browser';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { Navigate, useNavigate } from 'react-router-dom';
import { totpCodeSchema } from '../../../../src/contracts/agencies.js';
import { Loading, ProblemMessage } from '../../components/Feedback.js';
import { Field } from '../../components/Field.js';
import { placeProblem, useSchemaForm } from '../../components/form.js';
import { useDocumentTitle } from '../../components/Layout.js';
import { type Enrolled, pathForStage, portalApi, portalAuthKeys, portalAuthQueries } from '../queries.js';
import { usePortalAuthT } from './i18n.js';
import { RecoveryCodes } from './RecoveryCodes.js';

export function EnrolPage() {
  const { t } = usePortalAuthT();
  useDocumentTitle(t('enrol.title'));
  const session = useQuery(portalAuthQueries.session());
  const client = useQueryClient();
  const navigate = useNavigate();
  const [codes, setCodes] = useState<string[] | null>(null);
  const enrolled = ({ session: view, recoveryCodes }: Enrolled) => {
    client.setQueryData(portalAuthKeys.session, view);
    if (recoveryCodes) setCodes(recoveryCodes);
    else navigate('/portal', { replace: true });
  };
  const passkey = useMutation({
    mutationFn: async () => {
      const options = await portalApi.passkeyRegistrationOptions();
      const answer = await startRegistration({ optionsJSON: options as never });
      return portalApi.registerPasskey(answer);
    },
    onSuccess: enrolled,
  });
  const totp = useMutation({ mutationFn: portalApi.startTotp });

  if (codes) return <RecoveryCodes codes={codes} onSaved={() => navigate('/portal', { replace: true })} />;
  if (session.error?.status === 401) return <Navigate to="/portal/signin" replace />;
  if (!session.data) return session.error ? <ProblemMessage error={session.error} /> : <Loading what={t('loading')} />;
  if (session.data.stage === 'second_factor') return <Navigate to={pathForStage(session.data.stage)} replace />;
  return (
    <section className="page page-narrow" data-testid="enrol">
      <h1>{t('enrol.title')}</h1>
      <p>{t('enrol.intro')}</p>
      <div className="card">
        <h2>{t('enrol.passkeyTitle')}</h2>
        <p>{t('enrol.passkeyIntro')}</p>
        {passkey.error ? (
          <p className="alert alert-error" role="alert">
            {t('enrol.passkeyFailed')}
          </p>
        ) : null}
        <button
          type="button"
          className="button button-primary"
          data-testid="enrol-passkey"
          onClick={() => passkey.mutate()}
          disabled={passkey.isPending}
        >
          {t('enrol.passkey')}
        </button>
      </div>
      <div className="card">
        <h2>{t('enrol.totpTitle')}</h2>
        {totp.data ? (
          <TotpConfirm secret={totp.data.secret} uri={totp.data.uri} onDone={enrolled} />
        ) : (
          <>
            {totp.error ? <ProblemMessage error={totp.error} /> : null}
            <button
              type="button"
              className="button"
              data-testid="enrol-totp"
              onClick={() => totp.mutate()}
              disabled={totp.isPending}
            >
              {t('enrol.totp')}
            </button>
          </>
        )}
      </div>
    </section>
  );
}

function TotpConfirm({ secret, uri, onDone }: { secret: string; uri: string; onDone: (e: Enrolled) => void }) {
  const { t } = usePortalAuthT();
  const form = useSchemaForm(totpCodeSchema, { code: '' });
  const confirm = useMutation({ mutationFn: portalApi.confirmTotp, onSuccess: onDone });
  const submit = form.handleSubmit(({ code }) => confirm.mutateAsync(code).catch((e: unknown) => placeProblem(e, form.setError)));
  return (
    <FormProvider {...form}>
      <p>{t('enrol.totpIntro')}</p>
      <dl>
        <dt>{t('enrol.secret')}</dt>
        <dd>
          <code data-testid="enrol-totp-secret">{secret}</code>
        </dd>
        <dt>{t('enrol.uri')}</dt>
        <dd>
          <code data-testid="enrol-totp-uri" className="wrap">
            {uri}
          </code>
        </dd>
      </dl>
      <form className="form" onSubmit={submit} noValidate>
        <Field name="code" controlId="enrol-totp-code" label={t('enrol.code')}>
          {(control) => (
            <input
              {...control}
              {...form.register('code')}
              data-testid="enrol-totp-code"
              autoComplete="one-time-code"
              inputMode="numeric"
            />
          )}
        </Field>
        <button type="submit" className="button button-primary" data-testid="enrol-totp-submit" disabled={confirm.isPending}>
          {t('enrol.confirm')}
        </button>
      </form>
    </FormProvider>
  );
}
