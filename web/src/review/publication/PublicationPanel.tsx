/**
 * An order's public record (issue 13), on the order page for those who may prepare it: each
 * redactable field's original text with the proposed spans (kept or dropped) and manual ones added
 * from a selection, the marked names, the "concerns a child" switch, a preview of the record as the
 * choices render it, and Approve / Correct / Withdraw with their forms. Every text is shown as text.
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId } from 'react';
import { FormProvider } from 'react-hook-form';
import { z } from 'zod';
import {
  correctionSchema,
  type PublicationChoicesBody,
  publicationChoicesSchema,
  withdrawalSchema,
} from '../../../../src/contracts/publications.js';
import { can } from '../../../../src/domain/permissions.js';
import type { RequestDetail } from '../../api.js';
import { ProblemMessage } from '../../components/Feedback.js';
import { Field } from '../../components/Field.js';
import { adapted, placeProblem, useSchemaForm } from '../../components/form.js';
import { useFormat, useTranslation } from '../../i18n/index.js';
import { queries } from '../../queries.js';
import { type Publication, publicationApi, publicationQuery, usePublicationChange } from './publication-queries.js';
import { chosenSpans, editorSpans, RedactionEditor } from './RedactionEditor.js';

type Span = Publication['fields'][number]['chosen'][number];

/** Chosen spans of one field that overlap or touch become one (the API refuses overlapping spans). */
function merged(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.field.localeCompare(b.field) || a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && last.field === s.field && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

const choicesForm = adapted(
  z.object({
    redactions: z.array(
      z.object({
        field: z.string(),
        start: z.number(),
        end: z.number(),
        kind: publicationChoicesSchema.shape.redactions.element.shape.kind,
      }),
    ),
    markedNames: z.string(),
    concernsChild: z.boolean(),
  }),
  (v) => ({
    redactions: merged(v.redactions),
    markedNames: v.markedNames
      .split('\n')
      .map((n) => n.trim())
      .filter((n) => n.length > 0),
    concernsChild: v.concernsChild,
  }),
  publicationChoicesSchema,
);

function valuesOf(p: Publication) {
  return {
    redactions: p.fields.flatMap((f) => f.chosen),
    markedNames: p.markedNames.join('\n'),
    concernsChild: p.concernsChild,
  };
}

function ChoicesForm({ publication, editable }: { publication: Publication; editable: boolean }) {
  const { t } = useTranslation('publications');
  const prefix = `${useId()}-publication-`;
  const form = useSchemaForm(choicesForm, valuesOf(publication));
  const save = usePublicationChange(
    (body: PublicationChoicesBody) => publicationApi.save(publication.requestId, body),
    publication.requestId,
  );
  const { reset } = form;
  useEffect(() => {
    reset(valuesOf(publication));
  }, [publication, reset]);
  const chosen = form.watch('redactions');
  const labelOf = (field: string) =>
    field.startsWith('target:') ? t('field.target', { position: Number(field.slice('target:'.length)) }) : t(`field.${field}`);
  const submit = form.handleSubmit(async (body) => {
    try {
      await save.mutateAsync(body);
    } catch (e) {
      placeProblem(e, form.setError);
    }
  });
  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate data-testid="publication-choices-form">
        {save.error ? <ProblemMessage error={save.error} /> : null}
        <ol className="items">
          {publication.fields.map((f) => (
            <li key={f.field} data-testid="publication-field" data-field={f.field}>
              <RedactionEditor
                field={f.field}
                label={labelOf(f.field)}
                text={f.text}
                spans={editorSpans(f.field, f.proposed, chosen)}
                disabled={!editable}
                onChange={(next) =>
                  form.setValue('redactions', [...chosen.filter((c) => c.field !== f.field), ...chosenSpans(f.field, next)], {
                    shouldDirty: true,
                  })
                }
              />
            </li>
          ))}
        </ol>
        <Field name="markedNames" label={t('markedNames')} hint={t('markedNamesHint')} idPrefix={prefix}>
          {(control) => (
            <textarea {...control} {...form.register('markedNames')} rows={3} data-testid="publication-marked-names" />
          )}
        </Field>
        <div className="field">
          <label>
            <input type="checkbox" {...form.register('concernsChild')} data-testid="publication-concerns-child" />{' '}
            {t('concernsChild')}
          </label>
          {publication.concernsChildByDefault ? <p className="hint">{t('concernsChildByDefault')}</p> : null}
        </div>
        {editable ? (
          <button type="submit" className="button" disabled={save.isPending} data-testid="publication-save">
            {t('save')}
          </button>
        ) : null}
      </form>
    </FormProvider>
  );
}

function Preview({ record }: { record: Publication['preview'] }) {
  const { t } = useTranslation('publications');
  return (
    <section className="card" aria-labelledby="publication-preview-heading" data-testid="publication-preview">
      <h3 id="publication-preview-heading">{t('preview.title', { id: record.id, version: record.version })}</h3>
      <dl className="facts">
        <dt>{t('field.legalBasis')}</dt>
        <dd data-testid="preview-legal-basis">{record.legalBasis}</dd>
        {record.items.map((item) => (
          <div key={item.position}>
            <dt>{t('field.target', { position: item.position })}</dt>
            <dd data-testid="preview-target">{item.target ?? t('preview.withheld')}</dd>
          </div>
        ))}
        <dt>{t('field.summary')}</dt>
        <dd data-testid="preview-summary">{record.summary ?? t('preview.none')}</dd>
        {record.caseStudy ? (
          <>
            <dt>{t('field.caseStudy')}</dt>
            <dd>{record.caseStudy}</dd>
          </>
        ) : null}
        {record.accounts ? (
          <>
            <dt>{t('preview.accounts')}</dt>
            <dd>{t('preview.accountCounts', record.accounts)}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

const noteForm = correctionSchema;
const reasonForm = withdrawalSchema;

function CorrectForm({ requestId }: { requestId: string }) {
  const { t } = useTranslation('publications');
  const prefix = `${useId()}-correct-`;
  const form = useSchemaForm(noteForm, { note: '' });
  const correct = usePublicationChange((body: z.output<typeof noteForm>) => publicationApi.correct(requestId, body), requestId);
  const submit = form.handleSubmit(async (body) => {
    try {
      await correct.mutateAsync(body);
      form.reset({ note: '' });
    } catch (e) {
      placeProblem(e, form.setError);
    }
  });
  return (
    <FormProvider {...form}>
      <form className="thread-form" onSubmit={submit} noValidate data-testid="publication-correct-form">
        <h3>{t('correct.title')}</h3>
        <p className="hint">{t('correct.hint')}</p>
        {correct.error ? <ProblemMessage error={correct.error} /> : null}
        <Field name="note" label={t('correct.note')} idPrefix={prefix}>
          {(control) => <textarea {...control} {...form.register('note')} rows={3} data-testid="publication-correct-note" />}
        </Field>
        <button type="submit" className="button" disabled={correct.isPending} data-testid="publication-correct">
          {t('correct.submit')}
        </button>
      </form>
    </FormProvider>
  );
}

function WithdrawForm({ requestId }: { requestId: string }) {
  const { t } = useTranslation('publications');
  const prefix = `${useId()}-withdraw-`;
  const form = useSchemaForm(reasonForm, { reason: '' });
  const withdraw = usePublicationChange(
    (body: z.output<typeof reasonForm>) => publicationApi.withdraw(requestId, body),
    requestId,
  );
  const submit = form.handleSubmit(async (body) => {
    try {
      await withdraw.mutateAsync(body);
    } catch (e) {
      placeProblem(e, form.setError);
    }
  });
  return (
    <FormProvider {...form}>
      <form className="thread-form" onSubmit={submit} noValidate data-testid="publication-withdraw-form">
        <h3>{t('withdraw.title')}</h3>
        <p className="hint">{t('withdraw.hint')}</p>
        {withdraw.error ? <ProblemMessage error={withdraw.error} /> : null}
        <Field name="reason" label={t('withdraw.reason')} idPrefix={prefix}>
          {(control) => <textarea {...control} {...form.register('reason')} rows={3} data-testid="publication-withdraw-reason" />}
        </Field>
        <button type="submit" className="button button-danger" disabled={withdraw.isPending} data-testid="publication-withdraw">
          {t('withdraw.submit')}
        </button>
      </form>
    </FormProvider>
  );
}

function Status({ publication }: { publication: Publication }) {
  const { t } = useTranslation('publications');
  const format = useFormat();
  return (
    <p data-testid="publication-status" data-status={publication.status}>
      <strong>{t(`status.${publication.status}`)}</strong> · {publication.publicId}
      {publication.status === 'approved' && publication.publishAfter
        ? ` · ${t('publishesAfter', { time: format.utc(publication.publishAfter) })}`
        : ''}
      {publication.status === 'published' && publication.publishedAt
        ? ` · ${t('publishedAt', { time: format.utc(publication.publishedAt), version: publication.version })}`
        : ''}
      {publication.status === 'withdrawn' && publication.withdrawalReason
        ? ` · ${t('withdrawnBecause', { reason: publication.withdrawalReason })}`
        : ''}
      {publication.nonDisclosureUntil ? (
        <span className="hint" data-testid="publication-gagged">
          {' '}
          · {t('gagged', { time: format.utc(publication.nonDisclosureUntil) })}
        </span>
      ) : null}
    </p>
  );
}

export function PublicationPanel({ request }: { request: RequestDetail }) {
  const { t } = useTranslation('publications');
  const session = useQuery(queries.session());
  const role = session.data?.user?.role;
  const prepare = role ? can(role, 'publications.prepare') : false;
  const { data, error } = useQuery({ ...publicationQuery(request.id), enabled: prepare });
  const approve = usePublicationChange(() => publicationApi.approve(request.id), request.id);
  if (!prepare) return null;
  const mayApprove = role ? can(role, 'publications.approve') : false;
  const mayWithdraw = role ? can(role, 'publications.withdraw') : false;
  return (
    <section className="section" aria-labelledby="publication-heading" data-testid="publication-panel">
      <h2 id="publication-heading">{t('title')}</h2>
      {error && !data ? <ProblemMessage error={error} /> : null}
      {data ? (
        <>
          <Status publication={data} />
          {!data.ready ? <p className="alert alert-info">{t('notReady')}</p> : null}
          <ChoicesForm publication={data} editable={data.status !== 'withdrawn'} />
          <Preview record={data.preview} />
          {approve.error ? <ProblemMessage error={approve.error} /> : null}
          {mayApprove && data.status === 'draft' ? (
            <button
              type="button"
              className="button button-primary"
              disabled={!data.ready || approve.isPending}
              onClick={() => approve.mutate(undefined)}
              data-testid="publication-approve"
            >
              {t('approve')}
            </button>
          ) : null}
          {mayApprove && data.status === 'published' ? <CorrectForm requestId={request.id} /> : null}
          {mayWithdraw && (data.status === 'published' || data.status === 'approved') ? (
            <WithdrawForm requestId={request.id} />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
