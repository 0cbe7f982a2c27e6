/**
 * The platform's pushback on an order as the authority sees it (issue 12): each contest or court
 * challenge with its legal argument, court and case number, outcome and every answer, and a form for
 * the officer to answer. Nothing is shown when the platform has not pushed back. Texts shown as text.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { FormProvider } from 'react-hook-form';
import { authorityAnswerSchema } from '../../../../src/contracts/pushbacks.js';
import { Field } from '../../components/Field.js';
import { placeProblem, useSchemaForm } from '../../components/form.js';
import { useTranslation } from '../../i18n/index.js';
import { Instant, Problem } from './common.js';
import { type AuthorityPushback, pushbacksApi, pushbacksKey, pushbacksQuery } from './pushbacks-api.js';

function AnswerForm({ orderId, pushbackId }: { orderId: string; pushbackId: string }) {
  const { t } = useTranslation('portal-pushback');
  const prefix = `${useId()}-`;
  const client = useQueryClient();
  const form = useSchemaForm(authorityAnswerSchema, { body: '' });
  const send = useMutation({ mutationFn: (body: string) => pushbacksApi.answer(orderId, pushbackId, body) });
  const submit = form.handleSubmit(async ({ body }) => {
    const sent = await send.mutateAsync(body).catch((e: unknown) => void placeProblem(e, form.setError));
    if (!sent) return;
    client.setQueryData(pushbacksKey(orderId), sent);
    form.reset({ body: '' });
  });
  return (
    <FormProvider {...form}>
      <form className="form" onSubmit={submit} noValidate data-testid="pushback-answer-form">
        {send.error ? <Problem error={send.error} /> : null}
        <Field name="body" label={t('answer.label')} idPrefix={prefix} hint={t('answer.hint')}>
          {(c) => <textarea {...c} {...form.register('body')} data-testid="pushback-answer-body" rows={4} maxLength={10_000} />}
        </Field>
        <div className="actions">
          <button type="submit" className="button button-primary" data-testid="pushback-answer-send" disabled={send.isPending}>
            {t('answer.send')}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}

function Pushback({ orderId, pushback }: { orderId: string; pushback: AuthorityPushback }) {
  const { t } = useTranslation('portal-pushback');
  return (
    <li className="thread-message from-platform" data-testid="portal-pushback" data-kind={pushback.kind}>
      <p className="sub">
        {t(`kind.${pushback.kind}`)} · <Instant iso={pushback.filedAt} />
        {pushback.court ? ` · ${t('court', { court: pushback.court, caseNumber: pushback.caseNumber ?? '' })}` : ''}
      </p>
      <p className="thread-body" data-testid="portal-pushback-argument">
        {pushback.argument}
      </p>
      <p data-testid="portal-pushback-outcome">
        {t('outcomeLabel')} {t(`outcome.${pushback.outcome}`)}
        {pushback.outcomeNote ? ` · ${pushback.outcomeNote}` : ''}
      </p>
      {pushback.answers.length > 0 ? (
        <ol className="thread-messages">
          {pushback.answers.map((a) => (
            <li key={a.id} className="thread-message from-authority" data-testid="portal-pushback-answer">
              <p className="sub">
                {a.officer ? a.officer.name : t(`channel.${a.channel}`)} · <Instant iso={a.at} />
              </p>
              <p className="thread-body">{a.body}</p>
            </li>
          ))}
        </ol>
      ) : null}
      <AnswerForm orderId={orderId} pushbackId={pushback.id} />
    </li>
  );
}

export function PortalPushbacks({ orderId }: { orderId: string }) {
  const { t } = useTranslation('portal-pushback');
  const prefix = useId();
  const list = useQuery(pushbacksQuery(orderId));
  if (list.error) return <Problem error={list.error} />;
  if (!list.data || list.data.pushbacks.length === 0) return null;
  return (
    <section className="card thread" aria-labelledby={`${prefix}pushbacks`} data-testid="portal-pushbacks">
      <h2 id={`${prefix}pushbacks`}>{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <ol className="thread-messages">
        {list.data.pushbacks.map((p) => (
          <Pushback key={p.id} orderId={orderId} pushback={p} />
        ))}
      </ol>
    </section>
  );
}
