/** Productions (issue 11): the reviewer uploads the files of a data order's production; Writ packages them. */
import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';
import { checkCanProduce, deliverProduction, revokeProduction } from '../../app/productions.js';
import { idParam, problemSchema } from '../../contracts/common.js';
import { productionParams, productionSchema, revokeProductionSchema } from '../../contracts/data-requests.js';
import { WritError } from '../../domain/errors.js';
import { type ProducedFile, productionLimits } from '../../domain/production-package.js';
import { requireUser, signedInUser } from '../authentication.js';
import { presentProduction } from '../presenters/data-requests.js';

const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema, 409: problemSchema };

/** The multipart body's files, read into memory within the production's limits (per file, count, total). */
async function producedFiles(request: FastifyRequest): Promise<ProducedFile[]> {
  if (!request.isMultipart())
    throw new WritError('unsupported_media_type', 'send the produced files as multipart/form-data (field "files")', 'body');
  const files: ProducedFile[] = [];
  let total = 0;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      const bytes = await part.toBuffer();
      total += bytes.length;
      if (total > productionLimits.maxTotalBytes)
        throw new WritError(
          'payload_too_large',
          `a production may be at most ${productionLimits.maxTotalBytes} bytes in all`,
          'files',
        );
      files.push({ name: part.filename, bytes });
    }
  } catch (error) {
    if (error instanceof WritError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new WritError('payload_too_large', `a produced file may be at most ${productionLimits.maxFileBytes} bytes`, 'files');
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT')
      throw new WritError('validation_failed', `a production has at most ${productionLimits.maxFiles} files`, 'files');
    // A malformed body (no boundary, a broken part header, cut short): the sender's fault, not ours.
    throw new WritError('validation_failed', `the multipart body could not be read: ${(error as Error).message}`, 'body');
  }
  return files;
}

export const productionRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.addHook('onRequest', requireUser);
  // The upload is a multipart stream read by the handler, which the idempotency guard cannot hash
  // (src/http/idempotency.ts hashes the body Fastify parses): refused rather than replayed wrongly.
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.url === '/api/v1/requests/:id/productions' && request.headers['idempotency-key'] !== undefined)
      throw new WritError(
        'validation_failed',
        'a production upload takes no Idempotency-Key (its files are streamed, not kept to compare a retry with); a production sent twice can be withdrawn',
        'Idempotency-Key',
      );
  });
  // Only this plugin takes multipart bodies, with limits of its own (docs/decisions/0044-production-packages.md).
  await app.register(fastifyMultipart, {
    limits: {
      fileSize: productionLimits.maxFileBytes,
      files: productionLimits.maxFiles,
      fields: 10,
      fieldSize: 1024,
      parts: productionLimits.maxFiles + 10,
    },
  });

  app.post('/api/v1/requests/:id/productions', {
    config: { permission: 'data.manage' },
    schema: {
      tags: ['requests'],
      operationId: 'deliverProduction',
      summary: 'Deliver the data produced for a data order',
      description:
        'Takes the produced files as multipart/form-data (each file a part named `files`; at most 50 files, 100 MiB in all) and packages them: a zip with the files under `files/` and a `manifest.json` naming the order, the accounts produced for, and each file’s size and SHA-256. ' +
        'Refused (409) for an order that is not a user-data or emergency-disclosure order, or where no account is decided as data produced (all or some). ' +
        'The package is available to the authority that sent the order for WRIT_PRODUCTION_AVAILABLE_DAYS days; Writ never shows its contents.',
      params: idParam,
      consumes: ['multipart/form-data'],
      response: { 201: productionSchema, 413: problemSchema, 415: problemSchema, ...errors },
    },
    handler: async (request, reply) => {
      const user = signedInUser(request);
      // Refused before a byte is read or stored.
      await checkCanProduce(writ, request.params.id);
      const files = await producedFiles(request);
      const production = await deliverProduction(writ, user.id, request.params.id, files);
      return reply.code(201).send(presentProduction(production));
    },
  });

  app.post('/api/v1/requests/:id/productions/:productionId/revoke', {
    config: { permission: 'data.manage' },
    schema: {
      tags: ['requests'],
      operationId: 'revokeProduction',
      summary: 'Withdraw a production',
      description:
        'The authority can no longer download the package (410 production_revoked), and its bytes are deleted; the revocation and its note are recorded in the order’s history.',
      params: productionParams,
      body: revokeProductionSchema,
      response: { 200: productionSchema, ...errors },
    },
    handler: async (request) =>
      presentProduction(
        await revokeProduction(writ, signedInUser(request).id, request.params.id, request.params.productionId, request.body.note),
      ),
  });
};
