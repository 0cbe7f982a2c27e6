/**
 * One labelled form field: the label, the control, its hint, and its error, whether the browser
 * found it (the API's schema, via the form's resolver) or the server's problem named the field.
 * Every form uses it, inside its react-hook-form FormProvider.
 */
import type { ReactNode } from 'react';
import { useFormContext, useFormState } from 'react-hook-form';
import { messageAt } from './form.js';

/** What `Field` hands its control: spread it onto the input, select or textarea. */
export type ControlProps = {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
};

type FieldProps = {
  /** The field's path in the form's values, which is the API body's (`items.0.target` for the problem's `items/0/target`). */
  name: string;
  label: ReactNode;
  /** The form's prefix from useId, so that ids are unique when a form appears more than once. */
  idPrefix?: string;
  /** The control's id without the prefix, when it differs from `name` (default: `name`). */
  controlId?: string;
  hint?: ReactNode;
  /** Something the browser noticed that does not stop the form (a wall-clock time the clocks skip). */
  remark?: string | null;
  className?: string;
  /** Renders the control; spread the props onto it. */
  children: (control: ControlProps) => ReactNode;
};

/** The error of the surrounding form's field `name` (or of a member of it), if it has one. */
export function useFieldError(name: string): string | undefined {
  const { control } = useFormContext();
  const { errors } = useFormState({ control, name });
  return messageAt(errors, name);
}

export function Field({ name, label, idPrefix = '', controlId, hint, remark, className, children }: FieldProps) {
  const error = useFieldError(name);
  const id = `${idPrefix}${controlId ?? name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const remarkId = remark ? `${id}-remark` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, remarkId, errorId].filter(Boolean).join(' ');
  const control: ControlProps = {
    id,
    'aria-invalid': error || remark ? true : undefined,
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
      {remark ? (
        <p className="field-error" id={remarkId}>
          {remark}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
