/**
 * The obligations register over HTTP: user figures per jurisdiction, the register (regimes that
 * apply, duties with due dates and status, approaching-threshold warnings), status updates and
 * evidence. Evidence files travel as base64 in a JSON body (at most 5 MB decoded) and are kept in
 * PostgreSQL; GET .../evidence/:id returns the file itself.
 */
import contentDisposition from 'content-disposition';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Writ } from '../../app/context.js';
import { addEvidence, currentRegister, recordUserFigure, updateDuty } from '../../app/obligations.js';
import { idParam, problemSchema } from '../../contracts/common.js';
import {
  countryObligationsSchema,
  dutyParams,
  dutyUpdateSchema,
  evidenceResponseSchema,
  newEvidenceSchema,
  newUserFigureSchema,
  recordedFigureSchema,
  registerQuery,
  registerSchema,
  userFigureListSchema,
} from '../../contracts/obligations.js';
import { MAX_EVIDENCE_BYTES } from '../../db/schema/index.js';
import { requireUser, signedInUser } from '../authentication.js';
import { presentCountry, presentEvidence, presentRegister } from '../presenters/obligations.js';

const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema, 409: problemSchema };

export const obligationRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.addHook('onRequest', requireUser);

  app.get('/api/v1/obligations', {
    config: { permission: 'compliance.read' },
    schema: {
      tags: ['obligations'],
      operationId: 'getObligationsRegister',
      summary: 'The obligations register',
      description: 'Per jurisdiction, the regimes that apply, their duties, due dates, status and warnings.',
      querystring: registerQuery,
      response: { 200: registerSchema, ...errors },
    },
    handler: async (request) => presentRegister(await currentRegister(writ, request.query.country), writ.now()),
  });

  app.get('/api/v1/obligations/figures', {
    config: { permission: 'compliance.read' },
    schema: {
      tags: ['obligations'],
      operationId: 'listUserFigures',
      summary: 'List user figures',
      description: "The platform's recorded user figures, oldest first.",
      querystring: registerQuery,
      response: { 200: userFigureListSchema, ...errors },
    },
    handler: async (request) => ({ figures: await writ.compliance.figures(request.query.country) }),
  });

  app.post('/api/v1/obligations/figures', {
    config: { permission: 'compliance.manage' },
    schema: {
      tags: ['obligations'],
      operationId: 'recordUserFigure',
      summary: 'Record a user figure',
      description:
        "A user figure for a jurisdiction, in the metric a law uses, with the date it was measured; returns it with the jurisdiction's register.",
      body: newUserFigureSchema,
      response: { 201: recordedFigureSchema, ...errors },
    },
    handler: async (request, reply) => {
      const { figure, country } = await recordUserFigure(
        writ,
        { ...request.body, note: request.body.note ?? null },
        signedInUser(request),
      );
      return reply.status(201).send({ figure, country: presentCountry(country) });
    },
  });

  app.put('/api/v1/obligations/:country/:regimeId/:dutyId', {
    config: { permission: 'compliance.manage' },
    schema: {
      tags: ['obligations'],
      operationId: 'updateDuty',
      summary: 'Update a duty',
      description:
        "Sets the status, owner and note of a duty (not_applicable needs a reason); returns the jurisdiction's register.",
      params: dutyParams,
      body: dutyUpdateSchema,
      response: { 200: countryObligationsSchema, ...errors },
    },
    handler: async (request) => presentCountry(await updateDuty(writ, request.params, request.body, signedInUser(request))),
  });

  app.post('/api/v1/obligations/:country/:regimeId/:dutyId/evidence', {
    config: { permission: 'compliance.manage' },
    bodyLimit: Math.ceil((MAX_EVIDENCE_BYTES * 4) / 3) + 64 * 1024,
    schema: {
      tags: ['obligations'],
      operationId: 'addEvidence',
      summary: 'Add evidence to a duty',
      description: 'A note and optionally a file (base64, at most 5 MB decoded).',
      params: dutyParams,
      body: newEvidenceSchema,
      response: { 201: evidenceResponseSchema, ...errors },
    },
    handler: async (request, reply) => {
      const b = request.body;
      const file =
        b.contentBase64 === undefined
          ? null
          : { name: b.fileName, contentType: b.contentType, content: Buffer.from(b.contentBase64, 'base64') };
      const evidence = await addEvidence(writ, request.params, { note: b.note, file }, signedInUser(request));
      return reply.status(201).send(presentEvidence(evidence));
    },
  });

  app.get('/api/v1/obligations/evidence/:id', {
    config: { permission: 'compliance.read' },
    schema: {
      tags: ['obligations'],
      operationId: 'downloadEvidence',
      summary: 'Download an evidence file',
      description: 'The file itself, with its media type and an X-Content-SHA256 header.',
      params: idParam,
      response: { 200: z.any().meta({ description: 'The file' }), ...errors },
    },
    handler: async (request, reply) => {
      const file = await writ.compliance.evidenceFile(request.params.id);
      return (
        reply
          .header('content-type', file.contentType)
          // RFC 6266/5987: an ASCII fallback and the UTF-8 name, so `Приказ.pdf` survives the trip.
          .header('content-disposition', contentDisposition(file.fileName, { type: 'attachment' }))
          // A hostile file opened from here runs nothing: no script, no plugin, no same-origin access.
          .header('content-security-policy', "sandbox; default-src 'none'")
          .header('x-content-sha256', file.sha256)
          .send(file.content)
      );
    },
  });
};
