/**
 * The one error type of Writ's domain. Its code is stable (clients and tests match on it); the
 * HTTP layer maps each code to a status in one table (src/http/problem.ts).
 */
export const errorCodes = [
  'validation_failed',
  'not_found',
  'unauthenticated',
  'forbidden',
  'invalid_credentials',
  'invalid_transition',
  'conflict',
  'batch_key_reused',
  'idempotency_key_reused',
  'agency_not_verified',
  'second_factor_required',
  'account_locked',
  'payload_too_large',
  'unsupported_media_type',
  'production_expired',
  'production_revoked',
  'review_stage_required',
  'second_person_required',
  'publication_not_ready',
  'not_configured',
  'rate_limited',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export class WritError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The offending field, as a JSON pointer-ish path (`items/0/target`), when there is one. */
    readonly field?: string,
    /** Every problem found, when there are several (a batch of orders), each with its field. */
    readonly errors?: readonly { field: string; message: string }[],
  ) {
    super(message);
    this.name = 'WritError';
  }
}

export const notFound = (what: string, id: string) => new WritError('not_found', `${what} ${id} does not exist`);
