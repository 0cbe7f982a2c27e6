/** Ties a form control to the field the server's problem named: aria-invalid plus the message. */
import type { ReactNode } from 'react';
import type { ApiError } from '../problem.js';

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

/** What `Field` hands its control: spread it onto the input, select or textarea. */
export type ControlProps = {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
};

type FieldProps = {
  /** The field's name in the API body (`rationale`, `items/0/target`): the server's problem names it. */
  name: string;
  label: ReactNode;
  error: ApiError | null;
  /** The form's prefix from useId, so that ids are unique when a form appears more than once. */
  idPrefix?: string;
  /** The control's id without the prefix, when it differs from `name` (default: `name`). */
  controlId?: string;
  hint?: ReactNode;
  /** A message found before asking the server (e.g. "Enter a whole number"). */
  problem?: string | null;
  className?: string;
  /** Renders the control; spread the props onto it. */
  children: (control: ControlProps) => ReactNode;
};

/**
 * One labelled form field: the label, the control, its hint, and its error, whether found in the
 * browser (`problem`) or named by the server's problem+json. The control is rendered by the caller,
 * so it keeps its own type, test id and attributes.
 */
export function Field({ name, label, error, idPrefix = '', controlId, hint, problem, className, children }: FieldProps) {
  const id = `${idPrefix}${controlId ?? name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const problemId = `${id}-problem`;
  const server = fieldProps(error, name, idPrefix, hintId);
  const describedBy = [problem ? problemId : undefined, server['aria-describedby']].filter(Boolean).join(' ');
  const control: ControlProps = {
    id,
    'aria-invalid': problem ? true : server['aria-invalid'],
    'aria-describedby': describedBy || undefined,
  };
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children(control)}
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {problem ? (
        <p className="field-error" id={problemId}>
          {problem}
        </p>
      ) : null}
      <FieldError error={error} field={name} idPrefix={idPrefix} />
    </div>
  );
}
