/**
 * The legal staff's forms on an order's pushback: file a contest or a court challenge, record what
 * became of one (a correction of a recorded outcome needs a note), and record an answer of the
 * authority that came by letter. Checked by the contract's own schemas; the server's refusal (a court
 * challenge without its court, a date in the future) is shown at the field it names.
 */
import { useId } from 'react';
import { FormProvider } from 'react-hook-form';
import { z } from 'zod';
import {
  decidedPushbackOutcomes,
  newPushbackSchema,
  pushbackOutcomeSchema,
  recordedAnswerSchema,
} from '../../../../src/contracts/pushbacks.js';
import { pushbackKinds } from '../../../../src/domain/review-vocabulary.js';
import { ProblemMessage } from '../../components/Feedback.js';
import { Field } from '../../components/Field.js';
import { adapted, placeProblem, useSchemaForm } from '../../components/form.js';
import { useTranslation } from '../../i18n/index.js';
import { pushbackApi, type ReviewPushback, usePushbackChange, utcInstant } from './pushback-queries.js';

const fileForm = adapted(
  z.object({
    kind: z.enum(pushbackKinds),
    argument: z.string(),
    court: z.string(),
    caseNumber: z.string(),
    filedAt: z.string(),
  }),
  (v) => ({
    kind: v.kind,
    argument: v.argument,
    court: v.kind === 'court_challenge' ? v.court : null,
    caseNumber: v.kind === 'court_challenge' ? v.caseNumber : null,
    filedAt: utcInstant(v.filedAt),
  }),
  newPushbackSchema,
);

export function FilePushbackForm({ requestId }: { requestId: string }) {
  const { t } = useTranslation('pushback');
  const prefix = `${useId()}-pushback-`;
  const empty = { kind: 'contest' as const, argument: '', court: '', caseNumber: '', filedAt: '' };
  const form = useSchemaForm(fileForm, empty);
  const file = usePushbackChange((body: z.output<typeof newPushbackSchema>) => pushbackApi.file(requestId, body), requestId);
  const kind = form.watch('kind');
  const submit = form.handleSubmit(async (body) => {
    try {
      await file.mutateAsync(body);
      form.reset(empty);
    } catch (e) {
      placeProblem(e, form.setError);
    }
  });
  return (
    <FormProvider {...form}>
      <form className="thread-form" onSubmit={submit} noValidate data-testid="pushback-file-form">
        <h3>{t('file.title')}</h3>
        {file.error ? <ProblemMessage error={file.error} /> : null}
        <Field name="kind" label={t('file.kind')} idPrefix={prefix}>
          {(control) => (
            <select {...control} {...form.register('kind')} data-testid="pushback-kind">
              {pushbackKinds.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="argument" label={t('file.argument')} hint={t('file.argumentHint')} idPrefix={prefix}>
          {(control) => <textarea {...control} {...form.register('argument')} rows={5} data-testid="pushback-argument" />}
        </Field>
        {kind === 'court_challenge' ? (
          <>
            <Field name="court" label={t('file.court')} idPrefix={prefix}>
              {(control) => <input {...control} {...form.register('court')} data-testid="pushback-court" />}
            </Field>
            <Field name="caseNumber" label={t('file.caseNumber')} idPrefix={prefix}>
              {(control) => <input {...control} {...form.register('caseNumber')} data-testid="pushback-case-number" />}
            </Field>
          </>
        ) : null}
        <Field name="filedAt" label={t('file.filedAt')} hint={t('file.filedAtHint')} idPrefix={prefix}>
          {(control) => <input type="datetime-local" {...control} {...form.register('filedAt')} />}
        </Field>
        <button type="submit" className="button" disabled={file.isPending} data-testid="pushback-file">
          {t(`file.submit.${kind}`)}
        </button>
      </form>
    </FormProvider>
  );
}

const outcomeForm = adapted(
  z.object({ outcome: z.enum(decidedPushbackOutcomes), note: z.string() }),
  (v) => ({ outcome: v.outcome, note: v.note }),
  pushbackOutcomeSchema,
);

export function OutcomeForm({ requestId, pushback }: { requestId: string; pushback: ReviewPushback }) {
  const { t } = useTranslation('pushback');
  const prefix = `${useId()}-outcome-`;
  const correcting = pushback.outcome !== 'pending';
  const empty = { outcome: 'upheld' as const, note: '' };
  const form = useSchemaForm(outcomeForm, empty);
  const record = usePushbackChange(
    (body: z.output<typeof pushbackOutcomeSchema>) => pushbackApi.outcome(requestId, pushback.id, body),
    requestId,
  );
  const submit = form.handleSubmit(async (body) => {
    try {
      await record.mutateAsync(body);
      form.reset(empty);
    } catch (e) {
      placeProblem(e, form.setError);
    }
  });
  return (
    <FormProvider {...form}>
      <form className="thread-form" onSubmit={submit} noValidate data-testid="pushback-outcome-form">
        <h4>{correcting ? t('outcomeForm.correctTitle') : t('outcomeForm.title')}</h4>
        {record.error ? <ProblemMessage error={record.error} /> : null}
        <Field name="outcome" label={t('outcomeForm.outcome')} idPrefix={prefix}>
          {(control) => (
            <select {...control} {...form.register('outcome')} data-testid="pushback-outcome">
              {decidedPushbackOutcomes.map((o) => (
                <option key={o} value={o}>
                  {t(`outcome.${o}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="note"
          label={t('outcomeForm.note')}
          hint={correcting ? t('outcomeForm.correctHint') : t('outcomeForm.noteHint')}
          idPrefix={prefix}
        >
          {(control) => <textarea {...control} {...form.register('note')} rows={2} data-testid="pushback-outcome-note" />}
        </Field>
        <button type="submit" className="button" disabled={record.isPending} data-testid="pushback-record-outcome">
          {correcting ? t('outcomeForm.correct') : t('outcomeForm.record')}
        </button>
      </form>
    </FormProvider>
  );
}

const answerForm = adapted(
  z.object({ body: z.string(), receivedAt: z.string() }),
  (v) => ({ body: v.body, receivedAt: utcInstant(v.receivedAt) ?? '' }),
  recordedAnswerSchema,
);

export function RecordedAnswerForm({ requestId, pushbackId }: { requestId: string; pushbackId: string }) {
  const { t } = useTranslation('pushback');
  const prefix = `${useId()}-letter-`;
  const empty = { body: '', receivedAt: '' };
  const form = useSchemaForm(answerForm, empty);
  const record = usePushbackChange(
    (body: z.output<typeof recordedAnswerSchema>) => pushbackApi.answer(requestId, pushbackId, body),
    requestId,
  );
  const submit = form.handleSubmit(async (body) => {
    try {
      await record.mutateAsync(body);
      form.reset(empty);
    } catch (e) {
      placeProblem(e, form.setError);
    }
  });
  return (
    <FormProvider {...form}>
      <form className="thread-form" onSubmit={submit} noValidate data-testid="pushback-letter-form">
        <h4>{t('letter.title')}</h4>
        {record.error ? <ProblemMessage error={record.error} /> : null}
        <Field name="body" label={t('letter.body')} idPrefix={prefix}>
          {(control) => <textarea {...control} {...form.register('body')} rows={3} />}
        </Field>
        <Field name="receivedAt" label={t('letter.receivedAt')} hint={t('letter.receivedAtHint')} idPrefix={prefix}>
          {(control) => <input type="datetime-local" {...control} {...form.register('receivedAt')} />}
        </Field>
        <button type="submit" className="button" disabled={record.isPending}>
          {t('letter.submit')}
        </button>
      </form>
    </FormProvider>
  );
}
