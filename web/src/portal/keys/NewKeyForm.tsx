/**
 * Creating an API key: a name and how long it lives (at most a year). The key is shown once, here,
 * with a button that copies it; the page says plainly that it cannot be shown again.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { z } from 'zod';
import { newApiKeySchema } from '../../../../src/contracts/api-keys.js';
import { Field } from '../../components/Field.js';
import { adapted, placeProblem, useSchemaForm } from '../../components/form.js';
import { Problem } from '../orders/common.js';
import { useKeysT } from './i18n.js';
import { apiKeysQueryKey, type CreatedApiKey, keysApi } from './keys-api.js';

/** Lifetimes offered, in days; the server takes at most 365 from its own clock. */
const lifetimes = ['30', '90', '180', '360', 'none'] as const;
const DAY = 24 * 3_600_000;

const formSchema = adapted(
  z.object({ name: z.string(), lifetime: z.enum(lifetimes) }),
  ({ name, lifetime }) => ({
    name,
    ...(lifetime === 'none' ? {} : { expiresAt: new Date(Date.now() + Number(lifetime) * DAY).toISOString() }),
  }),
  newApiKeySchema,
);

export function NewKeyForm() {
  const { t } = useKeysT();
  const client = useQueryClient();
  const prefix = `${useId()}-`;
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const form = useSchemaForm(formSchema, { name: '', lifetime: '90' });
  const create = useMutation({ mutationFn: keysApi.create });
  const submit = form.handleSubmit(async (body) => {
    const key = await create
      .mutateAsync(body)
      .catch((e: unknown) => void placeProblem(e, form.setError, { expiresAt: 'lifetime' }));
    if (!key) return;
    setCreated(key);
    form.reset();
    await client.invalidateQueries({ queryKey: apiKeysQueryKey });
  });

  return (
    <section className="card" aria-labelledby={`${prefix}title`}>
      <h2 id={`${prefix}title`}>{t('create.title')}</h2>
      {created ? <OneTimeKey created={created} onDone={() => setCreated(null)} /> : null}
      <FormProvider {...form}>
        <form className="form" onSubmit={submit} noValidate data-testid="key-form">
          {create.error ? <Problem error={create.error} /> : null}
          <Field name="name" label={t('create.name')} idPrefix={prefix} hint={t('create.nameHint')}>
            {(c) => <input {...c} {...form.register('name')} data-testid="key-name" autoComplete="off" />}
          </Field>
          <Field name="lifetime" label={t('create.lifetime')} idPrefix={prefix} hint={t('create.lifetimeHint')}>
            {(c) => (
              <select {...c} {...form.register('lifetime')} data-testid="key-lifetime">
                {lifetimes.map((l) => (
                  <option key={l} value={l}>
                    {l === 'none' ? t('create.noExpiry') : t('create.days', { count: Number(l) })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="actions">
            <button type="submit" className="button button-primary" data-testid="key-create" disabled={create.isPending}>
              {t('create.submit')}
            </button>
          </div>
        </form>
      </FormProvider>
    </section>
  );
}

/** The new key, once: select it or copy it; Writ keeps only its hash. */
function OneTimeKey({ created, onDone }: { created: CreatedApiKey; onDone: () => void }) {
  const { t } = useKeysT();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(created.key).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  return (
    <div className="alert alert-warning" role="status" data-testid="key-once">
      <p className="alert-title">{t('once.title', { name: created.name })}</p>
      <p>{t('once.warning')}</p>
      <p>
        <code className="api-key" data-testid="key-value">
          {created.key}
        </code>
      </p>
      <div className="actions">
        <button type="button" className="button" onClick={() => void copy()} data-testid="key-copy">
          {t('once.copy')}
        </button>
        <button type="button" className="button" onClick={onDone} data-testid="key-done">
          {t('once.done')}
        </button>
        {copied ? <span role="status">{copied === 'yes' ? t('once.copied') : t('once.copyFailed')}</span> : null}
      </div>
    </div>
  );
}
