/**
 * An item's staged review on its card (issue 12): its reason category and sensitive topics, the
 * findings so far (stage, finding, who, when, note), who must act next, and the form the signed-in
 * person may use now: the stage's finding form, or the sign-off of a proposal waiting for a second
 * person. Every text is shown as text.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { FormProvider } from 'react-hook-form';
import { z } from 'zod';
import { findingInputSchema, signOffInputSchema } from '../../../../src/contracts/staged-review.js';
import { type Action, can } from '../../../../src/domain/permissions.js';
import { type ReviewStage, sensitiveTopics, stageFindings } from '../../../../src/domain/review-vocabulary.js';
import { reasons } from '../../../../src/domain/vocabulary.js';
import type { Item, RequestDetail } from '../../api.js';
import { ProblemMessage } from '../../components/Feedback.js';
import { Field } from '../../components/Field.js';
import { adapted, placeProblem, useSchemaForm } from '../../components/form.js';
import { useFormat, useTranslation } from '../../i18n/index.js';
import { label } from '../../labels.js';
import { useRequestChange } from '../../mutations.js';
import { queries } from '../../queries.js';
import { stagesApi } from './stages-api.js';

const stageAction: Record<ReviewStage, Action> = {
  policy: 'review.policy',
  legal: 'review.legal',
  human_rights: 'review.human_rights',
};

const findingBody = findingInputSchema.omit({ stage: true });

/** The controls hold text; a reason left on its placeholder and topics unchecked are left out. */
const findingFormSchema = adapted(
  z.object({
    finding: z.string(),
    note: z.string(),
    reason: z.string().optional(),
    topics: z.union([z.array(z.string()), z.literal(false), z.string()]).optional(),
  }),
  ({ finding, note, reason, topics }) => ({
    finding: finding === '' ? undefined : finding,
    note,
    ...(reason ? { reason } : {}),
    ...(topics === undefined ? {} : { topics: Array.isArray(topics) ? topics : typeof topics === 'string' ? [topics] : [] }),
  }),
  findingBody,
);

function StageForm({ request, item, stage }: { request: RequestDetail; item: Item; stage: ReviewStage }) {
  const { t } = useTranslation('stages');
  const prefix = `${useId()}-`;
  const policy = stage === 'policy';
  const form = useSchemaForm(findingFormSchema, {
    finding: '',
    note: '',
    ...(policy ? { reason: item.review.reason ?? '', topics: item.review.topics } : {}),
  });
  const record = useRequestChange((body: z.output<typeof findingBody>) => stagesApi.finding(request.id, item.id, stage, body));
  const submit = form.handleSubmit((body) =>
    record.mutateAsync(body).then(
      () => form.reset({ finding: '', note: '' }),
      (e: unknown) => placeProblem(e, form.setError),
    ),
  );
  return (
    <FormProvider {...form}>
      <form
        className="stage-form"
        data-testid="stage-form"
        data-stage={stage}
        onSubmit={submit}
        noValidate
        aria-label={t('form.label', { stage: t(`common:reviewStage.${stage}`) })}
      >
        <h4>{t(`common:reviewStage.${stage}`)}</h4>
        {record.error ? <ProblemMessage error={record.error} /> : null}
        {policy ? (
          <>
            <Field name="reason" label={t('form.reason')} idPrefix={prefix}>
              {(control) => (
                <select {...control} {...form.register('reason')} data-testid="stage-reason">
                  <option value="">{t('form.chooseReason')}</option>
                  {reasons.map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <fieldset className="checkboxes" data-testid="stage-topics">
              <legend>{t('form.topics')}</legend>
              {sensitiveTopics.map((topic) => (
                <label key={topic} className="checkbox">
                  <input type="checkbox" value={topic} {...form.register('topics')} data-testid={`stage-topic-${topic}`} />{' '}
                  {t(`common:sensitiveTopic.${topic}`)}
                </label>
              ))}
            </fieldset>
          </>
        ) : null}
        <Field name="finding" label={t('form.finding')} idPrefix={prefix}>
          {(control) => (
            <select {...control} {...form.register('finding')} data-testid="stage-finding" required>
              <option value="">{t('form.chooseFinding')}</option>
              {stageFindings[stage].map((f) => (
                <option key={f} value={f}>
                  {t(`finding.${f}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="note" label={t('form.note')} idPrefix={prefix}>
          {(control) => (
            <textarea {...control} {...form.register('note')} data-testid="stage-note" required rows={2} maxLength={5000} />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button button-primary" data-testid="stage-submit" disabled={record.isPending}>
            {t('form.submit')}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}

function SignOffForm({ request, item }: { request: RequestDetail; item: Item }) {
  const { t } = useTranslation('stages');
  const prefix = `${useId()}-`;
  const form = useSchemaForm(signOffInputSchema.omit({ approve: true }), { note: '' });
  const signOff = useRequestChange((body: { approve: boolean; note: string }) => stagesApi.signOff(request.id, item.id, body));
  const send = (approve: boolean) =>
    form.handleSubmit(({ note }) =>
      signOff.mutateAsync({ approve, note }).then(undefined, (e: unknown) => placeProblem(e, form.setError)),
    );
  return (
    <FormProvider {...form}>
      <form className="sign-off-form" data-testid="sign-off-form" onSubmit={send(true)} noValidate>
        {signOff.error ? <ProblemMessage error={signOff.error} /> : null}
        <Field name="note" label={t('signOff.note')} idPrefix={prefix}>
          {(control) => (
            <textarea {...control} {...form.register('note')} data-testid="sign-off-note" required rows={2} maxLength={2000} />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="button button-primary" data-testid="sign-off-approve" disabled={signOff.isPending}>
            {t('signOff.approve')}
          </button>
          <button
            type="button"
            className="button"
            data-testid="sign-off-reject"
            disabled={signOff.isPending}
            onClick={() => void send(false)()}
          >
            {t('signOff.reject')}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}

type Props = {
  request: RequestDetail;
  item: Item;
  /** Whether the request's status lets items be reviewed and decided. */
  decidable: boolean;
};

/** The item's review, and the stage or sign-off form for the signed-in person; `next.step` says whether a decision is due. */
export function ItemStages({ request, item, decidable }: Props) {
  const { t } = useTranslation('stages');
  const format = useFormat();
  const session = useQuery(queries.session());
  const user = session.data?.user;
  const review = item.review;
  const next = review.next;
  const stage = next.step === 'policy' || next.step === 'legal' || next.step === 'human_rights' ? next.step : null;
  const mayStage = decidable && stage !== null && user !== undefined && can(user.role, stageAction[stage]);
  const proposal = review.proposal;
  const maySignOff =
    decidable &&
    proposal !== null &&
    user !== undefined &&
    can(user.role, 'decisions.sign_off') &&
    user.id !== proposal.proposedBy.id &&
    user.id !== next.notUserId;
  // A fresh item waits for a decision; a policy reviewer may start its staged review (naming its
  // reason category and sensitive topics), which a sensitive category then requires.
  const mayStart =
    decidable &&
    next.step === 'decide' &&
    !review.stages.some((step) => step.stage === 'policy') &&
    user !== undefined &&
    can(user.role, 'review.policy');
  const [starting, setStarting] = useState(false);
  const reviewed = review.stages.length > 0 || review.reason !== null || proposal !== null || review.sensitive;
  if (!reviewed && !stage && next.step !== 'sign_off') {
    if (!mayStart) return null;
    return (
      <section className="item-stages" data-testid="item-stages" data-next={next.step} data-sensitive="false">
        {starting ? (
          <StageForm request={request} item={item} stage="policy" />
        ) : (
          <button type="button" className="button button-small" data-testid="stage-start" onClick={() => setStarting(true)}>
            {t('card.start')}
          </button>
        )}
      </section>
    );
  }

  return (
    <section
      className="item-stages"
      data-testid="item-stages"
      data-next={next.step}
      data-sensitive={review.sensitive ? 'true' : 'false'}
    >
      <dl className="facts facts-compact">
        {review.reason ? (
          <>
            <dt>{t('card.reason')}</dt>
            <dd data-testid="stage-review-reason">{review.reason}</dd>
          </>
        ) : null}
        {review.topics.length ? (
          <>
            <dt>{t('card.topics')}</dt>
            <dd data-testid="stage-review-topics">
              {review.topics.map((topic) => t(`common:sensitiveTopic.${topic}`)).join(', ')}
            </dd>
          </>
        ) : null}
        <dt>{t('card.next')}</dt>
        <dd data-testid="stage-next" data-step={next.step}>
          {t(`next.${next.step}`)}
          {next.roles.length && next.step !== 'done' ? (
            <>
              {' · '}
              <span data-testid="stage-waiting-for">
                {t('card.waitingFor', { roles: next.roles.map((r) => t(`common:role.${r}`)).join(', ') })}
              </span>
            </>
          ) : null}
        </dd>
      </dl>
      {review.stages.length ? (
        <ol className="stage-findings">
          {review.stages.map((step) => (
            <li
              key={`${step.stage}-${step.at}`}
              data-testid="stage-finding-row"
              data-stage={step.stage}
              data-finding={step.finding}
            >
              <strong>{t(`common:reviewStage.${step.stage}`)}</strong>: {t(`finding.${step.finding}`)} — {step.actor.name},{' '}
              <time dateTime={step.at}>{format.utc(step.at)}</time>
              {step.note ? <p className="muted thread-body">{step.note}</p> : null}
            </li>
          ))}
        </ol>
      ) : null}
      {proposal ? (
        <div className="proposal" data-testid="proposal" data-outcome={proposal.outcome}>
          <p>
            <strong>{label(t, 'outcome', proposal.outcome)}</strong>
            {proposal.scopeCountries?.length ? ` (${proposal.scopeCountries.join(', ')})` : ''} · {proposal.reason}
          </p>
          <p className="rationale">{proposal.rationale}</p>
          <p className="muted" data-testid="proposal-waiting">
            {t('proposal.waiting', { name: proposal.proposedBy.name })},{' '}
            <time dateTime={proposal.proposedAt}>{format.utc(proposal.proposedAt)}</time>
          </p>
          {maySignOff ? <SignOffForm request={request} item={item} /> : null}
        </div>
      ) : null}
      {mayStage && stage ? <StageForm key={stage} request={request} item={item} stage={stage} /> : null}
    </section>
  );
}
