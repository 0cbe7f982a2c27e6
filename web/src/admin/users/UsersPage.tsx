/**
 * Staff accounts and their roles (issue 12), for admins: a table of every account (email, name,
 * role, how it signs in, disabled, created) where the role is changed and an account disabled or
 * enabled, and a form to add one with a first password or for single sign-on only.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormProvider } from 'react-hook-form';
import { NavLink } from 'react-router-dom';
import { z } from 'zod';
import { newAccountSchema } from '../../../../src/contracts/accounts.js';
import { pages } from '../../../../src/contracts/pages.js';
import { type StaffRole, staffRoles } from '../../../../src/domain/permissions.js';
import { Loading, ProblemMessage } from '../../components/Feedback.js';
import { Field } from '../../components/Field.js';
import { optionalText, placeProblem, useSchemaForm } from '../../components/form.js';
import { Frame } from '../../components/Layout.js';
import { formatInstant, useLocale, useTranslation } from '../../i18n/index.js';
import type { ApiError } from '../../problem.js';
import { queries } from '../../queries.js';
import { type Account, usersApi, usersQuery, usersQueryKey } from './users-api.js';

export function UsersPage() {
  const { t } = useTranslation('accounts');
  const session = useQuery(queries.session());
  const nav = (
    <>
      <NavLink to={pages.review}>{t('nav.review')}</NavLink>
      <NavLink to={pages.adminUsers}>{t('nav.users')}</NavLink>
    </>
  );
  return (
    <Frame nav={nav}>
      <h1>{t('title')}</h1>
      {session.error ? (
        <ProblemMessage error={session.error as ApiError} />
      ) : !session.data ? (
        <Loading what={t('title')} />
      ) : session.data.user.role === 'admin' ? (
        <>
          <p>{t('intro')}</p>
          <NewAccountForm />
          <Accounts selfId={session.data.user.id} />
        </>
      ) : (
        <p className="alert alert-info" data-testid="users-admins-only">
          {t('adminsOnly')}
        </p>
      )}
    </Frame>
  );
}

const formSchema = z.object({
  email: newAccountSchema.shape.email,
  name: newAccountSchema.shape.name,
  role: z.enum(staffRoles),
  password: optionalText(newAccountSchema.shape.password),
});

function NewAccountForm() {
  const { t } = useTranslation('accounts');
  const client = useQueryClient();
  const form = useSchemaForm(formSchema, { email: '', name: '', role: 'reviewer', password: '' });
  const create = useMutation({
    mutationFn: usersApi.create,
    onSuccess: () => {
      form.reset();
      return client.invalidateQueries({ queryKey: usersQueryKey });
    },
  });
  const submit = form.handleSubmit((values) => create.mutateAsync(values).catch((e: unknown) => placeProblem(e, form.setError)));
  return (
    <FormProvider {...form}>
      <form className="form card" onSubmit={submit} noValidate data-testid="users-new">
        <h2>{t('new.title')}</h2>
        {create.error ? <ProblemMessage error={create.error as ApiError} /> : null}
        <Field name="email" controlId="users-new-email" label={t('field.email')}>
          {(control) => <input {...control} {...form.register('email')} type="email" data-testid="users-new-email" />}
        </Field>
        <Field name="name" controlId="users-new-name" label={t('field.name')}>
          {(control) => <input {...control} {...form.register('name')} data-testid="users-new-name" />}
        </Field>
        <Field name="role" controlId="users-new-role" label={t('field.role')}>
          {(control) => (
            <select {...control} {...form.register('role')} data-testid="users-new-role">
              {staffRoles.map((role) => (
                <option key={role} value={role}>
                  {t(`common:role.${role}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="password" controlId="users-new-password" label={t('field.password')} hint={t('field.passwordHint')}>
          {(control) => (
            <input
              {...control}
              {...form.register('password')}
              type="password"
              autoComplete="new-password"
              data-testid="users-new-password"
            />
          )}
        </Field>
        <button type="submit" className="button button-primary" data-testid="users-new-submit" disabled={create.isPending}>
          {t('new.submit')}
        </button>
      </form>
    </FormProvider>
  );
}

function Accounts({ selfId }: { selfId: string }) {
  const { t } = useTranslation('accounts');
  const accounts = useQuery(usersQuery());
  if (accounts.error) return <ProblemMessage error={accounts.error as ApiError} />;
  if (!accounts.data) return <Loading what={t('title')} />;
  return (
    <table className="table" data-testid="users-table">
      <thead>
        <tr>
          <th scope="col">{t('column.email')}</th>
          <th scope="col">{t('column.name')}</th>
          <th scope="col">{t('column.role')}</th>
          <th scope="col">{t('column.signIn')}</th>
          <th scope="col">{t('column.status')}</th>
          <th scope="col">{t('column.created')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('column.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {accounts.data.accounts.map((account) => (
          <AccountRow key={account.id} account={account} self={account.id === selfId} />
        ))}
      </tbody>
    </table>
  );
}

function AccountRow({ account, self }: { account: Account; self: boolean }) {
  const { t } = useTranslation('accounts');
  const locale = useLocale();
  const client = useQueryClient();
  const change = useMutation({
    mutationFn: (body: { role: StaffRole } | { disabled: boolean }) => usersApi.change(account.id, body),
    onSuccess: () => client.invalidateQueries({ queryKey: usersQueryKey }),
  });
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const signIn = [account.local ? t('signIn.password') : null, account.oidc ? t('signIn.oidc') : null].filter(Boolean).join(', ');
  return (
    <tr data-testid="users-row" data-email={account.email} data-role={account.role} data-disabled={String(account.disabled)}>
      <td>{account.email}</td>
      <td>{account.name}</td>
      <td>
        <label>
          <span className="visually-hidden">{t('column.role')}</span>
          <select
            data-testid="users-role"
            value={account.role}
            disabled={change.isPending}
            onChange={(e) => change.mutate({ role: e.target.value as StaffRole })}
          >
            {staffRoles.map((role) => (
              <option key={role} value={role}>
                {t(`common:role.${role}`)}
              </option>
            ))}
          </select>
        </label>
      </td>
      <td>{signIn || t('signIn.none')}</td>
      <td data-testid="users-status">{account.disabled ? t('status.disabled') : t('status.enabled')}</td>
      <td>
        <time dateTime={account.createdAt}>{formatInstant(account.createdAt, zone, locale) ?? account.createdAt}</time>
      </td>
      <td>
        {change.error ? <ProblemMessage error={change.error as ApiError} /> : null}
        {self ? null : (
          <button
            type="button"
            className="button"
            data-testid={account.disabled ? 'users-enable' : 'users-disable'}
            disabled={change.isPending}
            onClick={() => change.mutate({ disabled: !account.disabled })}
          >
            {account.disabled ? t('enable') : t('disable')}
          </button>
        )}
      </td>
    </tr>
  );
}
