/**
 * Issue 13 — the transparency log, public (no sign-in): the latest signed checkpoint, every checkpoint
 * by tree size, consistency proofs between two of them, the verifier key, and a record's inclusion proof.
 * Anyone can check them with `writ verify` or any RFC 9162 / C2SP checkpoint tool.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';
import {
  checkpointAt,
  checkpointSizes,
  consistencyBetween,
  currentCheckpoint,
  recordProof,
  verifierKey,
} from '../../app/transparency-log.js';
import { problemSchema } from '../../contracts/common.js';
import { recordIdParams } from '../../contracts/public-records.js';
import {
  checkpointSizesSchema,
  checkpointText,
  consistencyProofSchema,
  consistencyQuery,
  recordProofSchema,
  treeSizeParams,
  verifierKeyText,
} from '../../contracts/transparency-log.js';
import { WritError } from '../../domain/errors.js';
import { presentCheckpointSizes, presentConsistencyProof, presentRecordProof } from '../presenters/transparency-log.js';

const textType = 'text/plain; charset=utf-8';
const tags = ['transparency-log'];

export const transparencyLogRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.get('/api/v1/public/log/checkpoint', {
    schema: {
      tags,
      security: [],
      operationId: 'getLatestCheckpoint',
      summary: 'The latest signed checkpoint of the transparency log',
      description:
        'A C2SP checkpoint (text/plain) signed with the log’s Ed25519 key, covering every record, correction and ' +
        'withdrawal published so far (one is signed first when the log has grown). 404 while nothing is published.',
      response: { 200: checkpointText, 404: problemSchema },
    },
    handler: async (_request, reply) => {
      const note = await currentCheckpoint(writ);
      if (note === null) throw new WritError('not_found', 'nothing has been published to the transparency log yet');
      return reply.type(textType).send(note);
    },
  });

  app.get('/api/v1/public/log/checkpoints', {
    schema: {
      tags,
      security: [],
      operationId: 'listCheckpoints',
      summary: 'The tree sizes that have a signed checkpoint',
      description:
        'Every tree size the log has signed a checkpoint for, ascending; each is at /api/v1/public/log/checkpoints/{treeSize} ' +
        'and consecutive ones are linked by consistency proofs.',
      response: { 200: checkpointSizesSchema },
    },
    handler: async () => presentCheckpointSizes(await checkpointSizes(writ)),
  });

  app.get('/api/v1/public/log/checkpoints/:treeSize', {
    schema: {
      tags,
      security: [],
      operationId: 'getCheckpoint',
      summary: 'The signed checkpoint of one tree size',
      description:
        'The C2SP checkpoint (text/plain) exactly as signed when the log had that many entries; 404 when that size was never signed.',
      params: treeSizeParams,
      response: { 200: checkpointText, 400: problemSchema, 404: problemSchema },
    },
    handler: async (request, reply) => reply.type(textType).send(await checkpointAt(writ, request.params.treeSize)),
  });

  app.get('/api/v1/public/log/consistency', {
    schema: {
      tags,
      security: [],
      operationId: 'getConsistencyProof',
      summary: 'A consistency proof between two signed tree sizes',
      description:
        'RFC 9162 §2.1.4: proves that the tree of `to` leaves extends the tree of `from` leaves. Both sizes must have a ' +
        'checkpoint (404 names the one that has none); `from` greater than `to` is refused (400).',
      querystring: consistencyQuery,
      response: { 200: consistencyProofSchema, 400: problemSchema, 404: problemSchema },
    },
    handler: async (request) => presentConsistencyProof(await consistencyBetween(writ, request.query.from, request.query.to)),
  });

  app.get('/api/v1/public/log/public-key', {
    schema: {
      tags,
      security: [],
      operationId: 'getLogPublicKey',
      summary: 'The transparency log’s verifier key',
      description: 'The signed-note verifier key (text/plain) that checks every checkpoint’s signature.',
      response: { 200: verifierKeyText },
    },
    handler: async (_request, reply) => reply.type(textType).send(`${await verifierKey(writ)}\n`),
  });

  app.get('/api/v1/public/records/:id/proof', {
    schema: {
      tags,
      security: [],
      operationId: 'getRecordProof',
      summary: 'A record’s log entry and inclusion proof',
      description:
        'The record’s current version (or, when withdrawn, its tombstone), its leaf in the transparency log and the ' +
        'RFC 9162 inclusion proof against the latest checkpoint (signed first if it does not cover the leaf yet). ' +
        '404 for an id never published.',
      params: recordIdParams,
      response: { 200: recordProofSchema, 400: problemSchema, 404: problemSchema },
    },
    handler: async (request) => presentRecordProof(await recordProof(writ, request.params.id)),
  });
};
