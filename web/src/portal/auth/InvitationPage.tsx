/**
 * Accepting an invitation, from the mail's link (`/portal/invitation?token=…`): the officer chooses
 * a password, which also confirms the address; then enrols a second factor.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormProvider } from 'react-hook-form';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { invitationAcceptanceSchema } from '../../../../src/contracts/agencies.js';
import { ProblemMessage } from '../../components/Feedback.js';
import { Field } from '../../components/Field.js';
import { placeProblem, useSchemaForm } from '../../components/form.js';
import { useDocumentTitle } from '../../components/Layout.js';
import { pathForStage, portalApi, portalAuthKeys } from '../queries.js';
import { usePortalAuthT } from './i18n.js';

const passwordSchema = invitationAcceptanceSchema.pick({ password: true });

export function InvitationPage() {
  const { t } = usePortalAuthT();
  useDocumentTitle(t('invitation.title'));
  const token = useSearchParams()[0].get('token') ?? '';
  const navigate = useNavigate();
  const client = useQueryClient();
  const form = useSchemaForm(passwordSchema, { password: '' });
  const accept = useMutation({
    mutationFn: portalApi.acceptInvitation,
    onSuccess: ({ token: _, expiresAt: __, ...session }) => {
      client.clear();
      client.setQueryData(portalAuthKeys.session, session);
      navigate(pathForStage(session.stage), { replace: true });
    },
  });
  const submit = form.handleSubmit(({ password }) =>
    accept.mutateAsync({ token, password }).catch((e: unknown) => placeProblem(e, form.setError)),
  );
  return (
    <section className="page page-narrow">
      <h1>{t('invitation.title')}</h1>
      <p>{t('invitation.intro')}</p>
      {!token ? (
        <p className="alert alert-error" role="alert">
          {t('invitation.noToken')}
        </p>
      ) : null}
      {accept.error ? <ProblemMessage error={accept.error} /> : null}
      <FormProvider {...form}>
        <form className="form card" onSubmit={submit} noValidate>
          <Field
            name="password"
            controlId="invitation-password"
            label={t('invitation.password')}
            hint={t('invitation.passwordHint')}
          >
            {(control) => (
              <input
                {...control}
                {...form.register('password')}
                data-testid="invitation-password"
                type="password"
                autoComplete="new-password"
              />
            )}
          </Field>
          <button
            type="submit"
            className="button button-primary"
            data-testid="invitation-submit"
            disabled={!token || accept.isPending || accept.isSuccess}
          >
            {t('invitation.submit')}
          </button>
        </form>
      </FormProvider>
    </section>
  );
}
