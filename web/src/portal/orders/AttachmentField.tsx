/**
 * The signed order as a file. It is sent after the order is created; what the server refuses
 * (too large, a type it does not take) is said here, in the server's words.
 */
import type { ApiError } from '../../problem.js';
import { RequiredMark } from './common.js';
import { usePortalT } from './i18n.js';

type Props = {
  required: string | null | undefined;
  file: File | null;
  onChange: (file: File | null) => void;
  error: ApiError | null;
  idPrefix: string;
};

export function AttachmentField({ required, file, onChange, error, idPrefix }: Props) {
  const { t, locale } = usePortalT();
  const id = `${idPrefix}attachment`;
  const size = file
    ? new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 }).format(file.size / 1024)
    : null;
  return (
    <div className="field">
      <label htmlFor={id}>
        {t('file.label')}
        <RequiredMark reason={required === undefined ? undefined : (required ?? t('form.platformReason'))} />
      </label>
      <input
        id={id}
        type="file"
        data-testid="order-attachment"
        accept="application/pdf,image/png,image/jpeg"
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        onChange={(e) => onChange(e.target.files?.[0] ?? null)}
      />
      <p className="hint" id={`${id}-hint`}>
        {file ? t('file.chosen', { name: file.name, size: size ?? '' }) : t('file.hint')}
      </p>
      {error ? (
        <p className="field-error" id={`${id}-error`} data-testid="order-attachment-error">
          {t('file.refused', { code: error.problem.code })} {error.problem.detail}
        </p>
      ) : null}
    </div>
  );
}
