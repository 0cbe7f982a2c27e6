/** Ties a form control to the field the server's problem named: aria-invalid plus the message. */
import type { ApiError } from '../api.js';

const errorId = (idPrefix: string, field: string) => `${idPrefix}error-${field}`;

/**
 * Spread onto a control: marks it invalid and points to its message when the problem names it.
 * `hintId` is the id of a hint that describes the control in any case.
 */
export function fieldProps(error: ApiError | null, field: string, idPrefix = '', hintId?: string) {
  const invalid = Boolean(error?.messageFor(field));
  const describedBy = [hintId, error?.inlineMessageFor(field) ? errorId(idPrefix, field) : undefined].filter(Boolean).join(' ');
  return {
    'aria-invalid': invalid ? (true as const) : undefined,
    'aria-describedby': describedBy || undefined,
  };
}

export function FieldError({ error, field, idPrefix = '' }: { error: ApiError | null; field: string; idPrefix?: string }) {
  const message = error?.inlineMessageFor(field);
  if (!message) return null;
  return (
    <p className="field-error" id={errorId(idPrefix, field)}>
      {message}
    </p>
  );
}
