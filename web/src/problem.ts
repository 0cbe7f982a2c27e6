/**
 * Failures as the API states them: RFC 9457 problem+json with a stable `code` and, when one field
 * is at fault, its `field` (and every field in `errors`). The UI has one error type, ApiError, for
 * these and for a server it could not reach.
 */

export type Problem = {
  type?: string;
  title?: string;
  status: number;
  detail: string;
  code: string;
  field?: string;
  errors?: { field: string; message: string }[];
};

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }
}

/** Any failure as an ApiError, so that pages have one shape to show. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new ApiError({ status: 0, code: 'network', detail: `Could not reach Writ: ${detail}` });
}

/** The problem+json of a failed response, or a plain description when the body is not one. */
export async function problemFrom(response: Response): Promise<Problem> {
  const fallback: Problem = {
    status: response.status,
    code: 'http_error',
    detail: `The server answered ${response.status} ${response.statusText}`.trim(),
  };
  try {
    const body = (await response.json()) as Partial<Problem>;
    if (typeof body.detail === 'string') return { ...fallback, ...body, status: response.status };
  } catch {
    // not JSON: keep the fallback
  }
  return fallback;
}

/**
 * The fields a problem names, each once with its message, as form paths: the API writes a JSON
 * pointer without its slash (`items/0/target`), a form's values are addressed `items.0.target`.
 */
export function problemFields(problem: Problem): { name: string; message: string }[] {
  const named = problem.errors?.length
    ? problem.errors
    : problem.field
      ? [{ field: problem.field, message: problem.detail }]
      : [];
  const fields = new Map<string, string>();
  for (const { field, message } of named) {
    const name = field.split('/').filter(Boolean).join('.');
    if (name && !fields.has(name)) fields.set(name, message);
  }
  return [...fields].map(([name, message]) => ({ name, message }));
}
