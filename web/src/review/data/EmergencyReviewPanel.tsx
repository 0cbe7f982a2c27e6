/** An emergency disclosure's post-hoc review and the follow-up legal process the authority owes. */
import { useId } from 'react';
import { FormProvider } from 'react-hook-form';
import { Link } from 'react-router-dom';
import { emergencyReviewInputSchema, followUpProcessInputSchema } from '../../../../src/contracts/data-requests.js';
import { ProblemMessage } from '../../components/Feedback.js';
import { Field } from '../../components/Field.js';
import { messageAt, placeProblem, useSchemaForm } from '../../components/form.js';
import { TimeLeftText } from '../../components/TimeLeftText.js';
import { useFormat, useTranslation } from '../../i18n/index.js';
import { useRequestChange } from '../../mutations.js';
import { useNow } from '../../time.js';
import type { DataRequestDetail } from './DataRequestSection.js';
import { decisionsApi, type EmergencyReviewInput, type FollowUpProcessInput } from './decisions-api.js';
import { emergencyConclusions } from './decisions-form.js';

type Review = NonNullable<DataRequestDetail['dataRequest']['emergencyReview']>;

function ReviewForm({ request }: { request: DataRequestDetail }) {
  const { t } = useTranslation('data-decisions');
  const prefix = `${useId()}-`;
  const form = useSchemaForm(emergencyReviewInputSchema, { conclusion: undefined, note: '' });
  const record = useRequestChange((review: EmergencyReviewInput) => decisionsApi.recordEmergencyReview(request.id, review));
  const submit = form.handleSubmit((review) => record.mutateAsync(review).catch((e: unknown) => placeProblem(e, form.setError)));
  const conclusionError = messageAt(form.formState.errors, 'conclusion');
  return (
    <FormProvider {...form}>
      <form className="decision-form" onSubmit={submit} noValidate data-testid="emergency-review-form">
        {record.error ? <ProblemMessage error={record.error} /> : null}
        <fieldset className="field" aria-invalid={conclusionError ? true : undefined}>
          <legend>{t('emergency.conclusion')}</legend>
          {emergencyConclusions.map((value) => (
            <label key={value} className="choice">
              <input type="radio" value={value} {...form.register('conclusion')} data-testid={`emergency-conclusion-${value}`} />{' '}
              {value === 'justified' ? t('emergency.justified') : t('emergency.notJustified')}
            </label>
          ))}
          {conclusionError ? <p className="field-error">{conclusionError}</p> : null}
        </fieldset>
        <Field name="note" label={t('emergency.note')} idPrefix={prefix} hint={t('emergency.noteHint')}>
          {(control) => (
            <textarea {...control} {...form.register('note')} data-testid="emergency-note" required rows={3} maxLength={5000} />
          )}
        </Field>
        <div className="actions">
          <button
            type="submit"
            className="button button-primary"
            data-testid="emergency-review-submit"
            disabled={record.isPending}
          >
            {record.isPending ? t('saving') : t('emergency.recordReview')}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}

function FollowUpForm({ request }: { request: DataRequestDetail }) {
  const { t } = useTranslation('data-decisions');
  const prefix = `${useId()}-`;
  const form = useSchemaForm(followUpProcessInputSchema, { reference: '' });
  const link = useRequestChange((followUp: FollowUpProcessInput) => decisionsApi.linkFollowUp(request.id, followUp));
  const submit = form.handleSubmit((followUp) =>
    link.mutateAsync(followUp).catch((e: unknown) => placeProblem(e, form.setError)),
  );
  return (
    <FormProvider {...form}>
      <form className="decision-form" onSubmit={submit} noValidate data-testid="emergency-follow-up-form">
        {link.error ? <ProblemMessage error={link.error} /> : null}
        <Field name="reference" label={t('emergency.reference')} idPrefix={prefix} hint={t('emergency.referenceHint')}>
          {(control) => (
            <input
              {...control}
              {...form.register('reference')}
              data-testid="emergency-follow-up-reference"
              type="text"
              required
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button" data-testid="emergency-follow-up-submit" disabled={link.isPending}>
            {link.isPending ? t('saving') : t('emergency.linkFollowUp')}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}

function Due({ request, dueAt, done }: { request: DataRequestDetail; dueAt: string; done: boolean }) {
  const format = useFormat();
  const now = useNow();
  return (
    <>
      {format.utc(dueAt)}
      {done ? null : (
        <>
          {' · '}
          <TimeLeftText receivedAt={request.receivedAt} dueAt={dueAt} now={now} />
        </>
      )}
    </>
  );
}

function ReviewState({ request, review }: { request: DataRequestDetail; review: Review }) {
  const { t } = useTranslation('data-decisions');
  const format = useFormat();
  return (
    <dl className="facts">
      <dt>{t('emergency.reviewDue')}</dt>
      <dd data-testid="emergency-review-due">
        <Due request={request} dueAt={review.reviewDueAt} done={review.reviewedAt !== null} />
      </dd>
      {review.reviewedAt && review.conclusion ? (
        <>
          <dt>{t('emergency.review')}</dt>
          <dd data-testid="emergency-review-result">
            <strong>{review.conclusion === 'justified' ? t('emergency.justified') : t('emergency.notJustified')}</strong>{' '}
            {t('emergency.reviewedBy', { name: review.reviewedBy?.name ?? '', at: format.utc(review.reviewedAt) })}
            {review.reviewNote ? <p className="rationale">{review.reviewNote}</p> : null}
          </dd>
        </>
      ) : null}
      <dt>{t('emergency.followUpDue')}</dt>
      <dd data-testid="emergency-follow-up-due">
        <Due request={request} dueAt={review.followUpDueAt} done={review.followUp !== null} />
      </dd>
      {review.followUp ? (
        <>
          <dt>{t('emergency.followUp')}</dt>
          <dd data-testid="emergency-follow-up">
            <Link to={`/review/requests/${review.followUp.requestId}`}>
              <code>{review.followUp.reference}</code>
            </Link>{' '}
            {t('emergency.receivedAt', { at: format.utc(review.followUp.at) })}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

export function EmergencyReviewPanel({ request }: { request: DataRequestDetail }) {
  const { t } = useTranslation('data-decisions');
  const review = request.dataRequest.emergencyReview;
  return (
    <section className="section" aria-labelledby="emergency-review-heading" data-testid="emergency-review">
      <h2 id="emergency-review-heading">{t('emergency.title')}</h2>
      {review ? (
        <div className="card">
          <ReviewState request={request} review={review} />
          {review.reviewedAt ? null : <ReviewForm request={request} />}
          {review.followUp ? null : <FollowUpForm request={request} />}
        </div>
      ) : (
        <p className="muted">{t('emergency.notStarted')}</p>
      )}
    </section>
  );
}
