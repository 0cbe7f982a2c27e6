/**
 * A duty's evidence: what has been added (with download links for files), and a form to add a
 * note with an optional file. Files travel base64-encoded in the JSON body, as the API expects.
 */
import { type FormEvent, useId, useRef, useState } from 'react';
import { api, type DutyView, type Evidence } from '../api.js';
import { ProblemMessage } from '../components/Feedback.js';
import { FieldError, fieldProps } from '../components/Field.js';
import type { ApiError } from '../problem.js';
import { useFailureHandler } from '../review/session.js';
import { formatUtc } from '../time.js';

/** The API's limit on a file, decoded (MAX_EVIDENCE_BYTES on the server). */
const MAX_BYTES = 5 * 1024 * 1024;

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

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
            ({evidence.size !== null ? formatBytes(evidence.size) : 'size unknown'}
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
        {evidence.addedBy ? evidence.addedBy.name : 'System'},{' '}
        <time dateTime={evidence.addedAt}>{formatUtc(evidence.addedAt)}</time>
      </p>
    </li>
  );
}

type Props = { country: string; regimeId: string; duty: DutyView; onAdded: () => void };

export function EvidenceList({ country, regimeId, duty, onAdded }: Props) {
  const fail = useFailureHandler();
  const prefix = `${useId()}-`;
  const id = (name: string) => `${prefix}${name}`;
  const fileInput = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const tooLarge = file !== null && file.size > MAX_BYTES;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!note.trim() || tooLarge) return;
    setBusy(true);
    setError(null);
    try {
      await api.addEvidence(
        { country, regimeId, dutyId: duty.dutyId },
        {
          note: note.trim(),
          ...(file
            ? {
                fileName: file.name,
                contentType: file.type || 'application/octet-stream',
                contentBase64: await readAsBase64(file),
              }
            : {}),
        },
      );
      setNote('');
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      onAdded();
    } catch (e) {
      setError(fail(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="evidence">
      <h5 className="evidence-heading">
        Evidence
        {duty.evidence.length > 0 ? (
          <span className="count"> ({duty.evidence.length})</span>
        ) : (
          <span className="count">: none yet</span>
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
        <summary>Add evidence</summary>
        <form className="evidence-form" onSubmit={submit} aria-label="Add evidence">
          {error ? <ProblemMessage error={error} /> : null}
          <div className="field">
            <label htmlFor={id('note')}>What the evidence shows</label>
            <textarea
              id={id('note')}
              data-testid="evidence-note"
              required
              rows={2}
              maxLength={5000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              {...fieldProps(error, 'note', prefix)}
            />
            <FieldError error={error} field="note" idPrefix={prefix} />
          </div>
          <div className="field">
            <label htmlFor={id('file')}>
              File <span className="muted">(optional, at most 5 MB)</span>
            </label>
            <input
              id={id('file')}
              ref={fileInput}
              data-testid="evidence-file"
              type="file"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              {...fieldProps(error, 'contentBase64', prefix)}
              {...(tooLarge ? { 'aria-invalid': true, 'aria-describedby': id('file-large') } : {})}
            />
            {tooLarge ? (
              <p className="field-error" id={id('file-large')}>
                {file.name} has {formatBytes(file.size)}; evidence files are limited to 5 MB.
              </p>
            ) : null}
            <FieldError error={error} field="contentBase64" idPrefix={prefix} />
          </div>
          <div className="actions">
            <button type="submit" className="button button-small" data-testid="evidence-submit" disabled={busy || tooLarge}>
              {busy ? 'Uploading…' : 'Add evidence'}
            </button>
          </div>
        </form>
      </details>
    </div>
  );
}
