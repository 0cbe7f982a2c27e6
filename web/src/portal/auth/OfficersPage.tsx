/** The agency's officers, for its admin officers: who they are, and an invitation to a colleague. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormProvider } from 'react-hook-form';
import { officerInvitationSchema } from '../../../../src/contracts/agencies.js';
import { Loading, ProblemMessage } from '../../components/Feedback.js';
import { Field } from '../../components/Field.js';
import { placeProblem, useSchemaForm } from '../../components/form.js';
import { useDocumentTitle } from '../../components/Layout.js';
import { portalApi, portalAuthKeys, portalAuthQueries } from '../queries.js';
import { usePortalAuthT } from './i18n.js';

export function OfficersPage() {
  const { t } = usePortalAuthT();
  useDocumentTitle(t('officers.title'));
  const officers = useQuery(portalAuthQueries.officers());
  return (
    <section className="page">
      <h1>{t('officers.title')}</h1>
      {officers.error ? <ProblemMessage error={officers.error} /> : null}
      {officers.data ? (
        <table className="table" data-testid="officers">
          <thead>
            <tr>
              <th>{t('officers.name')}</th>
              <th>{t('officers.email')}</th>
              <th>{t('officers.role')}</th>
              <th>{t('officers.status')}</th>
            </tr>
          </thead>
          <tbody>
            {officers.data.officers.map((o) => (
              <tr key={o.id} data-testid="officer-row">
                <td>{o.name}</td>
                <td>{o.email}</td>
                <td>{o.isAgencyAdmin ? t('officers.admin') : t('officers.officer')}</td>
                <td>{t(`officerStatus.${o.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : officers.isPending ? (
        <Loading what={t('officers.title')} />
      ) : null}
      <InviteForm />
    </section>
  );
}

function InviteForm() {
  const { t } = usePortalAuthT();
  const client = useQueryClient();
  const form = useSchemaForm(officerInvitationSchema, { email: '', name: '', isAgencyAdmin: false });
  const invite = useMutation({
    mutationFn: portalApi.inviteOfficer,
    onSuccess: () => {
      form.reset();
      return client.invalidateQueries({ queryKey: portalAuthKeys.officers });
    },
  });
  const submit = form.handleSubmit((invitation) =>
    invite.mutateAsync(invitation).catch((e: unknown) => placeProblem(e, form.setError)),
  );
  return (
    <FormProvider {...form}>
      <form className="form card" onSubmit={submit} noValidate data-testid="invite-form">
        <h2>{t('officers.invite')}</h2>
        {invite.isSuccess ? (
          <p className="alert alert-success" role="status">
            {t('officers.invited', { email: invite.data.email })}
          </p>
        ) : null}
        <Field name="name" controlId="invite-name" label={t('officers.name')}>
          {(control) => <input {...control} {...form.register('name')} data-testid="invite-name" />}
        </Field>
        <Field name="email" controlId="invite-email" label={t('officers.email')} hint={t('officers.emailHint')}>
          {(control) => <input {...control} {...form.register('email')} data-testid="invite-email" type="email" />}
        </Field>
        <label className="checkbox">
          <input type="checkbox" {...form.register('isAgencyAdmin')} data-testid="invite-admin" /> {t('officers.makeAdmin')}
        </label>
        <button type="submit" className="button button-primary" data-testid="invite-submit" disabled={invite.isPending}>
          {t('officers.send')}
        </button>
      </form>
    </FormProvider>
  );
}
