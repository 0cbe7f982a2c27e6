/**
 * RFC 9457 problem details. Every error leaves Writ through here: a WritError's code maps to its
 * HTTP status in one table, Zod validation failures name the offending field, a database that is
 * down or stalled gives 503 with Retry-After, and internals of unexpected errors are logged, never sent.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnavailable, retryAfterSeconds } from '../db/availability.js';
import { type ErrorCode, WritError } from '../domain/errors.js';

export const statusByCode: Record<ErrorCode, number> = {
  validation_failed: 400,
  invalid_credentials: 401,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_transition: 409,
  conflict: 409,
  batch_key_reused: 409,
  idempotency_key_reused: 409,
  agency_not_verified: 403,
  second_factor_required: 401,
  account_locked: 423,
  payload_too_large: 413,
  unsupported_media_type: 415,
  production_expired: 410,
  production_revoked: 410,
  review_stage_required: 409,
  second_person_required: 409,
  publication_not_ready: 409,
  not_configured: 404,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

const titles: Record<ErrorCode, string> = {
  validation_failed: 'The request is not valid',
  invalid_credentials: 'Wrong email or password',
  unauthenticated: 'Sign-in required',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  invalid_transition: 'Not possible in the current state',
  conflict: 'Conflict',
  batch_key_reused: 'Batch key already used for other orders',
  idempotency_key_reused: 'Idempotency key already used for another request',
  agency_not_verified: 'The agency is not verified, or is suspended',
  second_factor_required: 'A second factor is required',
  account_locked: 'Account locked after repeated failures',
  payload_too_large: 'Too large',
  unsupported_media_type: 'File type not accepted',
  production_expired: 'The production is no longer available: its availability window has passed',
  production_revoked: 'The production was withdrawn by the platform',
  review_stage_required: 'A review stage must come first',
  second_person_required: 'Another person must do this',
  publication_not_ready: 'The order is not decided: it cannot be published yet',
  not_configured: 'Not configured on this server',
  rate_limited: 'Too many attempts',
  unavailable: 'Temporarily unavailable',
  internal: 'Internal error',
};

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  field?: string;
  errors?: { field: string; message: string }[];
  instance?: string;
};

export function problem(code: ErrorCode, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: `urn:writ:problem:${code}`, title: titles[code], status: statusByCode[code], detail, code, ...extra };
}

function send(reply: FastifyReply, request: FastifyRequest, body: Problem) {
  if (body.status === 503) reply.header('retry-after', String(retryAfterSeconds));
  return reply
    .status(body.status)
    .type('application/problem+json; charset=utf-8')
    .send({ ...body, instance: request.url });
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof WritError) {
    const extra = { ...(error.field ? { field: error.field } : {}), ...(error.errors ? { errors: [...error.errors] } : {}) };
    // An error that knows how long to wait (a locked officer account, AccountLockedError) says so.
    if ('retryAfterSeconds' in error && typeof error.retryAfterSeconds === 'number')
      reply.header('retry-after', String(error.retryAfterSeconds));
    return send(reply, request, problem(error.code, error.message, extra));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext ?? 'body';
    const errors = error.validation.map((v) => ({
      field: v.instancePath.replace(/^\//, '') || where,
      message: v.message ?? 'is not valid',
    }));
    const first = errors[0]!;
    return send(
      reply,
      request,
      problem('validation_failed', `${where === 'body' ? '' : `${where} `}${first.field}: ${first.message}`, {
        field: first.field,
        errors,
      }),
    );
  }
  if (isDatabaseUnavailable(error)) {
    // The innermost cause only: Drizzle's wrapper quotes the statement and its parameters.
    let cause: unknown = error;
    while (cause instanceof Error && cause.cause) cause = cause.cause;
    request.log.warn(`database unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
    return send(reply, request, problem('unavailable', 'The database is unavailable just now; try again shortly.'));
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    const limit = request.routeOptions.bodyLimit;
    return send(reply, request, problem('payload_too_large', `the body may be at most ${limit} bytes`, { field: 'body' }));
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    // Fastify's own client errors: malformed JSON, wrong content type, body too large, ...
    const code: ErrorCode = status === 404 ? 'not_found' : 'validation_failed';
    return send(reply, request, { ...problem(code, error.message, { field: 'body' }), status });
  }
  request.log.error({ err: withoutParameters(error) }, 'unhandled error');
  return send(reply, request, problem('internal', 'Something went wrong on our side; it has been logged.'));
}

/**
 * What the log may keep of an unexpected error: Drizzle's wrapper carries the statement's parameters
 * (session-token hashes, e-mail addresses, order text), which logs must not collect; its cause and
 * the statement itself are enough to find the bug.
 */
export function withoutParameters(error: Error): Error {
  if (!('params' in error)) return error;
  const cause = error.cause instanceof Error ? error.cause : undefined;
  const query = 'query' in error && typeof error.query === 'string' ? error.query : '';
  const safe = new Error(`${cause?.message ?? 'query failed'} (in: ${query.slice(0, 500)})`);
  safe.name = error.name;
  safe.stack = cause?.stack ?? error.stack;
  return safe;
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, request, problem('not_found', `No route ${request.method} ${request.url.split('?')[0]}`));
}
