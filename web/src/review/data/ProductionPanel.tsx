/** Productions of a data order: upload the package's files, see its manifest and downloads; never its contents. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { ProblemMessage } from '../../components/Feedback.js';
import { useFormat, useTranslation } from '../../i18n/index.js';
import { ApiError } from '../../problem.js';
import { keys } from '../../queries.js';
import { useNow } from '../../time.js';
import type { DataRequestDetail } from './DataRequestSection.js';
import { type ProductionView, productionApi } from './production-api.js';

type Props = { request: DataRequestDetail };

/** After a change, the order is read again: its productions and history changed. */
function useProductionChanged(requestId: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: keys.request(requestId) });
  };
}

function RevokeForm({ request, production, onDone }: Props & { production: ProductionView; onDone: () => void }) {
  const { t } = useTranslation('production');
  const noteId = useId();
  const [note, setNote] = useState('');
  const changed = useProductionChanged(request.id);
  const revoke = useMutation({
    mutationFn: () => productionApi.revoke(request.id, production.id, { note }),
    onSuccess: () => {
      changed();
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    revoke.mutate();
  };
  return (
    <form className="decision-form" onSubmit={submit} data-testid="production-revoke-form">
      {revoke.error instanceof ApiError ? <ProblemMessage error={revoke.error} /> : null}
      <label htmlFor={noteId}>{t('revokeNote')}</label>
      <textarea
        id={noteId}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        data-testid="production-revoke-note"
        required
        rows={2}
        maxLength={2000}
      />
      <div className="actions">
        <button
          type="submit"
          className="button button-primary"
          data-testid="production-revoke-confirm"
          disabled={revoke.isPending || note.trim() === ''}
        >
          {t('confirmRevoke')}
        </button>
        <button type="button" className="button" onClick={onDone} disabled={revoke.isPending}>
          {t('common:cancel')}
        </button>
      </div>
    </form>
  );
}

function ProductionItem({ request, production: p }: Props & { production: ProductionView }) {
  const { t } = useTranslation('production');
  const format = useFormat();
  const now = useNow();
  const [revoking, setRevoking] = useState(false);
  const expired = new Date(p.availableUntil).getTime() <= now.getTime();
  const state = p.revokedAt
    ? t('revokedAt', { at: format.utc(p.revokedAt) })
    : expired
      ? t('expiredAt', { at: format.utc(p.availableUntil) })
      : t('availableUntil', { at: format.utc(p.availableUntil) });
  return (
    <li className="card" data-testid="production-item">
      <p>
        <strong>{p.fileName}</strong> · {t('size', { count: p.size })}
      </p>
      <p>
        {t('sha256')} <code>{p.sha256}</code>
      </p>
      <p data-testid="production-state">{state}</p>
      <p data-testid="production-downloads">{t('downloads', { count: p.downloads })}</p>
      <p className="muted">{t('createdBy', { name: p.createdBy?.name ?? '—', at: format.utc(p.createdAt) })}</p>
      <details>
        <summary>{t('files', { count: p.files.length })}</summary>
        <ul>
          {p.files.map((f) => (
            <li key={f.name} data-testid="production-file">
              {f.name} · {t('size', { count: f.size })} · <code>{f.sha256}</code>
            </li>
          ))}
        </ul>
      </details>
      {p.revokedAt || expired ? null : revoking ? (
        <RevokeForm request={request} production={p} onDone={() => setRevoking(false)} />
      ) : (
        <button type="button" className="button" data-testid="production-revoke" onClick={() => setRevoking(true)}>
          {t('revoke')}
        </button>
      )}
    </li>
  );
}

function UploadForm({ request }: Props) {
  const { t } = useTranslation('production');
  const inputId = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState(0);
  const changed = useProductionChanged(request.id);
  const upload = useMutation({
    mutationFn: (chosen: File[]) => productionApi.upload(request.id, chosen, setProgress),
    onSuccess: () => {
      setFiles([]);
      changed();
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProgress(0);
    upload.mutate(files);
    event.currentTarget.reset();
  };
  return (
    <form className="decision-form" onSubmit={submit} data-testid="production-form">
      {upload.error instanceof ApiError ? <ProblemMessage error={upload.error} /> : null}
      <label htmlFor={inputId}>{t('chooseFiles')}</label>
      <input
        id={inputId}
        type="file"
        multiple
        data-testid="production-files"
        onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
      />
      <p className="muted">{t('uploadHint')}</p>
      {upload.isPending ? (
        <p>
          <progress value={progress} max={1} data-testid="production-progress" aria-label={t('uploading')} />{' '}
          {t('uploadedShare', { percent: Math.round(progress * 100) })}
        </p>
      ) : null}
      <div className="actions">
        <button
          type="submit"
          className="button button-primary"
          data-testid="production-upload"
          disabled={upload.isPending || files.length === 0}
        >
          {t('upload', { count: files.length })}
        </button>
      </div>
    </form>
  );
}

export function ProductionPanel({ request }: Props) {
  const { t } = useTranslation('production');
  // A preservation order freezes data and produces none.
  if (request.kind === 'preservation') return null;
  const { productions, accounts } = request.dataRequest;
  const produced = accounts.some((a) => a.decision && a.decision.extent !== 'none');
  return (
    <section className="card" data-testid="production-panel">
      <h3>{t('title')}</h3>
      <p className="muted">{t('intro')}</p>
      {productions.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <ul className="plain-list">
          {productions.map((p) => (
            <ProductionItem key={p.id} request={request} production={p} />
          ))}
        </ul>
      )}
      {produced ? <UploadForm request={request} /> : <p className="muted">{t('nothingProduced')}</p>}
    </section>
  );
}
