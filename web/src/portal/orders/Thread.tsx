/**
 * The conversation on the order: every message with who wrote it and when, and the officer's
 * answer, which is a clarification's answer while the platform waits for one, a contest once the
 * order is decided, and otherwise a message.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { FormProvider } from 'react-hook-form';
import { postMessageSchema } from '../../../../src/contracts/order-thread.js';
import type { RequestStatus } from '../../../../src/domain/vocabulary.js';
import { Field } from '../../components/Field.js';
import { placeProblem, useSchemaForm } from '../../components/form.js';
import { orderChanged, ordersApi, portalQueries } from '../orders-queries.js';
import { Instant, Loading, Problem } from './common.js';
import { usePortalT } from './i18n.js';
import type { AnswerKind } from './types.js';

function answerKind(status: RequestStatus): AnswerKind {
  if (status === 'needs_clarification') return 'clarification_answer';
  if (status === 'decided' || status === 'closed') return 'contest';
  return 'message';
}

export function Thread({ orderId, status }: { orderId: string; status: RequestStatus }) {
  const { t, language } = usePortalT();
  const thread = useQuery(portalQueries.thread(orderId));
  const client = useQueryClient();
  const prefix = `${useId()}-`;
  const kind = answerKind(status);
  const form = useSchemaForm(postMessageSchema, { body: '' });
  const send = useMutation({ mutationFn: (body: string) => ordersApi.write(orderId, kind, body) });
  const submit = form.handleSubmit(async ({ body }) => {
    const sent = await send.mutateAsync(body).catch((e: unknown) => void placeProblem(e, form.setError));
    if (!sent) return;
    client.setQueryData(portalQueries.thread(orderId).queryKey, sent);
    form.reset({ body: '' });
    await orderChanged(client, orderId);
  });
  const closed = status === 'withdrawn';

  return (
    <section className="card thread" aria-labelledby={`${prefix}thread`} data-testid="order-thread">
      <h2 id={`${prefix}thread`}>{t('thread.title')}</h2>
      {thread.error ? <Problem error={thread.error} /> : null}
      {!thread.data ? (
        thread.error ? null : (
          <Loading />
        )
      ) : thread.data.messages.length === 0 ? (
        <p className="muted">{t('thread.empty')}</p>
      ) : (
        <ol className="thread-messages">
          {thread.data.messages.map((m) => (
            <li key={m.id} className={`thread-message from-${m.author.side}`} data-testid="thread-message" data-kind={m.kind}>
              <p className="sub">
                {t(`thread.kind.${m.kind}`)} · {m.author.side === 'platform' ? t('thread.fromPlatform') : m.author.officer.name} ·{' '}
                <Instant iso={m.at} />
              </p>
              <p className="thread-body">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      {closed ? null : (
        <FormProvider {...form}>
          <form className="form" onSubmit={submit} noValidate data-testid="thread-form" data-kind={kind}>
            {send.error ? <Problem error={send.error} /> : null}
            <Field name="body" label={t(`thread.write.${kind}`)} idPrefix={prefix} hint={t(`thread.hint.${kind}`)}>
              {(c) => (
                <textarea
                  {...c}
                  {...form.register('body')}
                  data-testid="thread-body"
                  rows={4}
                  lang={language}
                  maxLength={10_000}
                />
              )}
            </Field>
            <div className="actions">
              <button type="submit" className="button button-primary" data-testid="thread-send" disabled={send.isPending}>
                {t(`thread.send.${kind}`)}
              </button>
            </div>
          </form>
        </FormProvider>
      )}
    </section>
  );
}
