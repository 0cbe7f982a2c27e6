/** An agency applies to send orders through the portal (public); a platform admin then decides. */
import { useMutation } from '@tanstack/react-query';
import { FormProvider } from 'react-hook-form';
import type { z } from 'zod';
import { agencyApplicationSchema } from '../../../../src/contracts/agencies.js';
import { text } from '../../../../src/contracts/common.js';
import { authorityKinds } from '../../../../src/domain/vocabulary.js';
import { ProblemMessage } from '../../components/Feedback.js';
import { Field } from '../../components/Field.js';
import { optionalText, placeProblem, useSchemaForm } from '../../components/form.js';
import { useDocumentTitle } from '../../components/Layout.js';
import { authorityKindLabels } from '../../labels.js';
import { portalApi } from '../queries.js';
import { usePortalAuthT } from './i18n.js';

const formSchema = agencyApplicationSchema.extend({ timeZone: optionalText(text(64).optional()) });
type Values = z.input<typeof formSchema>;
const textFields = ['name', 'domain', 'legalMandate', 'contactName', 'contactEmail', 'timeZone'] as const;

export function ApplyPage() {
  const { t } = usePortalAuthT();
  useDocumentTitle(t('apply.title'));
  const form = useSchemaForm(formSchema, {
    country: '',
    name: '',
    kind: '' as Values['kind'],
    domain: '',
    legalMandate: '',
    contactName: '',
    contactEmail: '',
    timeZone: '',
  });
  const apply = useMutation({ mutationFn: portalApi.apply });
  const submit = form.handleSubmit((application) =>
    apply.mutateAsync(application).catch((e: unknown) => placeProblem(e, form.setError)),
  );
  if (apply.isSuccess)
    return (
      <section className="page page-narrow">
        <h1>{t('apply.title')}</h1>
        <p className="alert alert-success" role="status" data-testid="apply-received">
          {t('apply.received')}
        </p>
      </section>
    );
  return (
    <section className="page page-narrow">
      <h1>{t('apply.title')}</h1>
      <p>{t('apply.intro')}</p>
      {apply.error ? <ProblemMessage error={apply.error} /> : null}
      <FormProvider {...form}>
        <form className="form card" onSubmit={submit} noValidate data-testid="apply-form">
          <Field name="country" controlId="apply-country" label={t('apply.country')} hint={t('apply.countryHint')}>
            {(control) => <input {...control} {...form.register('country')} data-testid="apply-country" maxLength={2} />}
          </Field>
          <Field name="kind" controlId="apply-kind" label={t('apply.kind')}>
            {(control) => (
              <select {...control} {...form.register('kind')} data-testid="apply-kind">
                <option value="">{t('apply.choose')}</option>
                {authorityKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {authorityKindLabels[kind]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {textFields.map((name) => (
            <Field key={name} name={name} controlId={`apply-${name}`} label={t(`apply.${name}`)}>
              {(control) =>
                name === 'legalMandate' ? (
                  <textarea {...control} {...form.register(name)} data-testid={`apply-${name}`} rows={3} />
                ) : (
                  <input
                    {...control}
                    {...form.register(name)}
                    data-testid={`apply-${name}`}
                    type={name === 'contactEmail' ? 'email' : 'text'}
                  />
                )
              }
            </Field>
          ))}
          <button type="submit" className="button button-primary" data-testid="apply-submit" disabled={apply.isPending}>
            {t('apply.submit')}
          </button>
        </form>
      </FormProvider>
    </section>
  );
}
