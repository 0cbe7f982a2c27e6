/** Batch intake: up to 1,000 orders in one call, for platform systems and back-fills (issue 9). */
import type { FastifyError } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';
import { fieldPath, orderFromBody, receiveBatch } from '../../app/intake.js';
import { batchAnswerSchema, batchLimits, newBatchSchema } from '../../contracts/batches.js';
import { problemSchema } from '../../contracts/common.js';
import { WritError } from '../../domain/errors.js';
import { requireUser, signedInUser } from '../authentication.js';
import { presentBatch } from '../presenters/batches.js';

/**
 * Room for 1,000 orders and items at their longest (legal bases and targets of 2,000 characters,
 * most of them two bytes in UTF-8), where the rest of the API takes 5 MB; a typical full batch is
 * well under 1 MB.
 */
const BATCH_BODY_LIMIT = 16 * 1024 * 1024;

/** How many of a body's schema problems the answer lists. */
const LISTED_PROBLEMS = 100;

/** A body the contract refuses, its fields named as the batch's domain problems name them (`orders[3].items[0].target`). */
function schemaRefusal(error: FastifyError): WritError {
  if (!hasZodFastifySchemaValidationErrors(error)) return new WritError('validation_failed', error.message, 'body');
  const errors = error.validation
    .slice(0, LISTED_PROBLEMS)
    .map((v) => ({ field: fieldPath([v.instancePath]) || 'body', message: v.message ?? 'is not valid' }));
  const first = errors[0]!;
  const more = error.validation.length - 1;
  return new WritError(
    'validation_failed',
    `${first.field}: ${first.message}${more > 0 ? ` (and ${more} more ${more === 1 ? 'problem' : 'problems'})` : ''}`,
    first.field,
    errors,
  );
}

export const batchRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.addHook('onRequest', requireUser);

  app.post('/api/v1/requests/batch', {
    config: { permission: 'orders.record' },
    bodyLimit: BATCH_BODY_LIMIT,
    // The handler names the fields of a refused body itself, in the batch's own notation.
    attachValidation: true,
    schema: {
      tags: ['requests'],
      operationId: 'recordRequestBatch',
      summary: 'Record orders in a batch',
      description:
        `Up to ${batchLimits.orders} orders and ${batchLimits.items} items in all, each the body of POST /api/v1/requests and checked as it is. ` +
        'All or nothing: one invalid order refuses the batch (400, naming the field, e.g. orders[3].items[0].target) and nothing is stored. ' +
        'Idempotent by batchKey: the same key and orders again answer 200 with the first answer (replayed) and create nothing; ' +
        'the same key with other orders is refused (409 batch_key_reused).',
      body: newBatchSchema,
      response: { 200: batchAnswerSchema, 201: batchAnswerSchema, 400: problemSchema, 401: problemSchema, 409: problemSchema },
    },
    handler: async (request, reply) => {
      if (request.validationError) throw schemaRefusal(request.validationError as FastifyError);
      const answer = await receiveBatch(
        writ,
        { batchKey: request.body.batchKey, orders: request.body.orders.map(orderFromBody) },
        signedInUser(request),
      );
      return reply.status(answer.replayed ? 200 : 201).send(presentBatch(answer));
    },
  });
};
