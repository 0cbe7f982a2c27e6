/**
 * The reviewer's two forms on an order's thread: a message to the authority, and a clarification
 * request with the elements the order lacks (checkboxes from the closed list). Both are checked by
 * the contract's own schemas; the server's refusal is shown at the field it names.
 */
import { useId } from 'react';
import { FormProvider } from 'react-hook-form';
import { z } from 'zod';
import { clarificationRequestSchema, missingElementChoices, postMessageSchema } from '../../../../src/contracts/order-thread.js';
import type { RequestDetail } from '../../api.js';
import { ProblemMessage } from '../../components/Feedback.js';
import { Field } from '../../components/Field.js';
import { adapted, placeProblem, useSchemaForm } from '../../components/form.js';
import { useTranslation } from '../../i18n/index.js';
import { threadApi, useThreadChange } from './thread-queries.js';

export function MessageForm({ requestId }: { requestId: string }) {
  const { t } = useTranslation('review-thread');
  const prefix = `${useId()}-message-`;
  const form = useSchemaForm(postMessageSchema, { body: '' });
  const send = useThreadChange((body: string) => threadApi.write(requestId, body), requestId);
  const submit = form.handleSubmit(async ({ body }) => {
    try {
      await send.mutateAsync(body);
      form.reset({ body: '' });
    } catch (e) {
      placeProblem(e, form.setError);
    }
  });
  return (
    <FormProvider {...form}>
      <form className="thread-form" onSubmit={submit} noValidate data-testid="thread-message-form">
        {send.error ? <ProblemMessage error={send.error} /> : null}
        <Field name="body" label={t('message.label')} hint={t('message.hint')} idPrefix={prefix}>
          {(control) => <textarea {...control} {...form.register('body')} rows={3} />}
        </Field>
        <button type="submit" className="button" disabled={send.isPending}>
          {t('message.send')}
        </button>
      </form>
    </FormProvider>
  );
}

/** Checkboxes hold the elements' names; the API takes them as `{ element }` objects. */
const clarificationForm = adapted(
  z.object({ body: z.string(), elements: z.array(z.string()) }),
  ({ body, elements }) => ({ body, missingElements: elements.map((element) => ({ element })) }),
  clarificationRequestSchema,
);

export function ClarificationForm({ request }: { request: RequestDetail }) {
  const { t } = useTranslation('review-thread');
  const prefix = `${useId()}-clarify-`;
  const form = useSchemaForm(clarificationForm, { body: '', elements: [] });
  const ask = useThreadChange(
    (body: z.output<typeof clarificationRequestSchema>) => threadApi.requestClarification(request.id, body),
    request.id,
  );
  if (request.status !== 'received' && request.status !== 'in_review') {
    return <p className="hint">{t('clarify.notNow')}</p>;
  }
  const submit = form.handleSubmit(async (body) => {
    try {
      await ask.mutateAsync(body);
      form.reset({ body: '', elements: [] });
    } catch (e) {
      placeProblem(e, form.setError, { missingElements: 'elements' });
    }
  });
  return (
    <FormProvider {...form}>
      <form className="thread-form" onSubmit={submit} noValidate data-testid="clarification-form">
        <h3>{t('clarify.title')}</h3>
        {ask.error ? <ProblemMessage error={ask.error} /> : null}
        <Field name="body" label={t('clarify.label')} hint={t('clarify.hint')} idPrefix={prefix}>
          {(control) => <textarea {...control} {...form.register('body')} rows={3} />}
        </Field>
        <fieldset className="field thread-elements">
          <legend>{t('clarify.elements')}</legend>
          {missingElementChoices.map((element) => (
            <label key={element} className="checkbox">
              <input type="checkbox" value={element} {...form.register('elements')} data-testid={`missing-${element}`} />{' '}
              {t(`element.${element}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button" disabled={ask.isPending} data-testid="clarification-send">
          {t('clarify.send')}
        </button>
      </form>
    </FormProvider>
  );
}
