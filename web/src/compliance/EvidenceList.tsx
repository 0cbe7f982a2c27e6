/**
 * A duty's evidence: what has been added (with download links for files), and a form to add a
 * note with an optional file. Files travel base64-encoded in the JSON body, as the API expects.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { FormProvider } from 'react-hook-form';
import type { z } from 'zod';
import { api, type DutyRef, type DutyView, type Evidence, type NewEvidence } from '../api.js';
import { ProblemMessage } from '../components/Feedback.js';
import { Field } from '../components/Field.js';
import { placeProblem, useSchemaForm } from '../components/form.js';
import { useFormat, useTranslation } from '../i18n/index.js';
import { obligationsChanged } from '../mutations.js';
import { asApiError } from '../problem.js';
import { evidenceForm, formatBytes } from './forms.js';

/** The file's bytes as base64 (without the `data:…;base64,` prefix). */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(`could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

function EvidenceItem({ evidence }: { evidence: Evidence }) {
  const { t } = useTranslation('compliance');
  const format = useFormat();
  return (
    <li className="evidence-item" data-testid="evidence">
      <p className="evidence-note">{evidence.note}</p>
      {evidence.fileName ? (
        <p>
          {evidence.downloadUrl ? (
            <a href={evidence.downloadUrl} download={evidence.fileName} data-testid="evidence-download">
              {evidence.fileName}
            </a>
          ) : (
            evidence.fileName
          )}{' '}
          <span className="muted">
            ({evidence.size !== null ? formatBytes(evidence.size) : t('evidence.sizeUnknown')}
            {evidence.sha256 ? (
              <>
                , SHA-256 <code title={evidence.sha256}>{evidence.sha256.slice(0, 12)}…</code>
              </>
            ) : null}
            )
          </span>
        </p>
      ) : null}
      <p className="sub">
        {evidence.addedBy ? evidence.addedBy.name : t('evidence.system')},{' '}
        <time dateTime={evidence.addedAt}>{format.utc(evidence.addedAt)}</time>
      </p>
    </li>
  );
}

/** The server names the body's file fields; the form has one control for the file. */
const fileFields = { fileName: 'file', contentType: 'file', contentBase64: 'file' } as const;

async function evidenceBody({ note, file }: z.output<typeof evidenceForm>): Promise<NewEvidence> {
  const chosen = file?.[0];
  if (!chosen) return { note };
  return {
    note,
    fileName: chosen.name,
    contentType: chosen.type || 'application/octet-stream',
    contentBase64: await readAsBase64(chosen),
  };
}

type Props = { duty: DutyView } & Omit<DutyRef, 'dutyId'>;

export function EvidenceList({ country, regimeId, duty }: Props) {
  const { t } = useTranslation('compliance');
  const prefix = `${useId()}-`;
  const client = useQueryClient();
  const form = useSchemaForm(evidenceForm, { note: '', file: undefined });
  const add = useMutation({
    mutationFn: async (values: z.output<typeof evidenceForm>) => {
      let body: NewEvidence;
      try {
        body = await evidenceBody(values);
      } catch (e) {
        throw asApiError(e);
      }
      return api.addEvidence({ country, regimeId, dutyId: duty.dutyId }, body);
    },
    onSuccess: () => obligationsChanged(client),
  });
  const submit = form.handleSubmit(async (values) => {
    try {
      await add.mutateAsync(values);
      form.reset();
    } catch (e) {
      placeProblem(e, form.setError, fileFields);
    }
  });
  const fileInput = form.register('file', {
    // Said as soon as a file is chosen, not when the control is left.
    onChange: () => void form.trigger('file'),
  });

  return (
    <div className="evidence">
      <h5 className="evidence-heading">
        {t('evidence.title')}
        {duty.evidence.length > 0 ? (
          <span className="count"> ({duty.evidence.length})</span>
        ) : (
          <span className="count">{t('evidence.noneYet')}</span>
        )}
      </h5>
      {duty.evidence.length > 0 ? (
        <ul className="evidence-list">
          {duty.evidence.map((e) => (
            <EvidenceItem key={e.id} evidence={e} />
          ))}
        </ul>
      ) : null}
      <details className="evidence-add">
        <summary>{t('evidence.add')}</summary>
        <FormProvider {...form}>
          <form className="evidence-form" onSubmit={submit} noValidate aria-label={t('evidence.add')}>
            {add.error ? <ProblemMessage error={add.error} /> : null}
            <Field name="note" label={t('evidence.note')} idPrefix={prefix}>
              {(control) => (
                <textarea
                  {...control}
                  {...form.register('note')}
                  data-testid="evidence-note"
                  required
                  rows={2}
                  maxLength={5000}
                />
              )}
            </Field>
            <Field
              name="file"
              label={
                <>
                  {t('evidence.file')} <span className="muted">{t('evidence.fileHint')}</span>
                </>
              }
              idPrefix={prefix}
            >
              {(control) => <input {...control} {...fileInput} data-testid="evidence-file" type="file" />}
            </Field>
            <div className="actions">
              <button type="submit" className="button button-small" data-testid="evidence-submit" disabled={add.isPending}>
                {add.isPending ? t('evidence.uploading') : t('evidence.add')}
              </button>
            </div>
          </form>
        </FormProvider>
      </details>
    </div>
  );
}
