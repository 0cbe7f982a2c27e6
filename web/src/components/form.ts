/**
 * What every form shares. Forms are react-hook-form forms checked by the API's own Zod schema
 * (src/contracts/), so that the browser refuses what the server would, with the same words; a
 * form whose controls hold text where the API takes something else (a list, a number, null for
 * blank) derives its schema from the API's with the adapters here, never writes a second one.
 * A field's error shows once it is left (or the form is sent) and clears as soon as the field is
 * valid; a refusal from the server is placed at the fields its problem names.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import {
  type DefaultValues,
  type FieldErrors,
  type FieldValues,
  get,
  type Path,
  type UseFormSetError,
  useForm,
} from 'react-hook-form';
import { z } from 'zod';
import { type ApiError, asApiError, problemFields } from '../problem.js';

/** A choice left on its placeholder (`Choose…`) says so, not which values Zod would take. */
const unchosen: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_value' && (issue.input === '' || issue.input === undefined) ? 'choose one' : undefined;

/** The form for `schema`: its values are the schema's input, the submitted values its output. */
export function useSchemaForm<Input extends FieldValues, Output>(
  schema: z.ZodType<Output, Input>,
  defaultValues: DefaultValues<Input>,
) {
  return useForm<Input, unknown, Output>({
    resolver: zodResolver(schema, { error: unchosen }),
    defaultValues,
    // Said once a field is left, then kept up to date at every change: it clears as soon as the field is valid.
    mode: 'onTouched',
    reValidateMode: 'onChange',
  });
}

/**
 * A form schema derived from the API's `body` schema: the controls' values are checked by `form`,
 * turned into the body by `toBody`, and the body is checked by the API's schema, whose issues keep
 * the API's paths (and so reach the fields of the same names).
 */
export function adapted<FormIn, FormOut, Body>(
  form: z.ZodType<FormOut, FormIn>,
  toBody: (values: FormOut) => unknown,
  body: z.ZodType<Body, unknown>,
): z.ZodType<Body, FormIn> {
  return form.transform(toBody).pipe(body);
}

/** A text control for an optional API text: blank is left out. */
export const optionalText = <Out>(schema: z.ZodType<Out, unknown>) =>
  adapted(z.string(), (text) => (text.trim() ? text : undefined), schema);

/** A text control for an API text that is null when there is none: blank is null. */
export const nullableText = <Out>(schema: z.ZodType<Out, unknown>) =>
  adapted(z.string(), (text) => (text.trim() ? text : null), schema);

/** The first message at `name` or under it: a list's member (`scopeCountries.1`) is said at the list's control. */
export function messageAt(errors: FieldErrors, name: string): string | undefined {
  return firstMessage(get(errors, name));
}

function firstMessage(node: unknown): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const { message } = node as { message?: unknown };
  if (typeof message === 'string' && message) return message;
  for (const [key, value] of Object.entries(node)) {
    // `ref` is the control itself, `types` the same messages again.
    if (key !== 'ref' && key !== 'types') {
      const found = firstMessage(value);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Puts a refusal's messages at the fields it names (`at` maps a field of the API's body to the
 * form's control for it, where they differ); the first of them gets the focus.
 */
export function placeProblem<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  at: Partial<Record<string, Path<T>>> = {},
): ApiError {
  const failure = asApiError(error);
  problemFields(failure.problem).forEach(({ name, message }, i) => {
    setError(at[name] ?? (name as Path<T>), { type: 'server', message }, { shouldFocus: i === 0 });
  });
  return failure;
}
