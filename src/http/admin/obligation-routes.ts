/**
 * The obligations register over HTTP: user figures per jurisdiction, the register (regimes that
 * apply, duties with due dates and status, approaching-threshold warnings), status updates and
 * evidence. Evidence files travel as base64 in a JSON body (at most 5 MB decoded) and are kept in
 * PostgreSQL; GET .../evidence/:id returns the file itself.
 */
import contentDisposition from 'content-disposition';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
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
import { WritError } from '../../domain/errors.js';
import { type CountryObligations, type EvidenceSummary, hasDuty, obligationsRegister } from '../../domain/regimes/obligations.js';
import { requireUser, signedInUser } from '../authentication.js';
import type { Services } from '../services.js';

const errors = { 400: problemSchema, 401: problemSchema, 404: problemSchema, 409: problemSchema };

export function presentEvidence(e: EvidenceSummary) {
  return {
    ...e,
    addedAt: e.addedAt.toISOString(),
    downloadUrl: e.fileName ? `/api/v1/obligations/evidence/${e.id}` : null,
  };
}

export function presentCountry(c: CountryObligations) {
  return {
    ...c,
    regimes: c.regimes.map((r) => ({
      ...r,
      duties: r.duties.map((d) => ({
        ...d,
        updatedAt: d.updatedAt ? d.updatedAt.toISOString() : null,
        evidence: d.evidence.map(presentEvidence),
      })),
    })),
  };
}

/** The register as of now, for one jurisdiction or all. */
export async function buildRegister(services: Services, country?: string) {
  const [figures, records] = await Promise.all([services.compliance.figures(country), services.compliance.records({ country })]);
  return obligationsRegister({
    packs: services.rules.packs,
    figures,
    records,
    now: services.now(),
    approachingShare: services.config.approachingThresholdShare,
    country,
  });
}

export const obligationRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.addHook('onRequest', requireUser);

  function checkDuty(p: { country: string; regimeId: string; dutyId: string }) {
    const pack = services.rules.get(p.regimeId);
    if (!hasDuty(pack, p.dutyId))
      throw new WritError(
        'not_found',
        `${p.regimeId} has no duty ${p.dutyId} (its duties: ${[...new Set(pack.versions.flatMap((v) => v.duties.map((d) => d.id)))].join(', ') || 'none'})`,
      );
    if (pack.jurisdiction !== p.country)
      throw new WritError('validation_failed', `${p.regimeId} is a regime of ${pack.jurisdiction}, not ${p.country}`, 'country');
  }

  app.get('/api/v1/obligations', {
    schema: {
      tags: ['obligations'],
      summary: 'The obligations register: per jurisdiction, the regimes that apply, their duties, due dates, status and warnings',
      querystring: registerQuery,
      response: { 200: registerSchema, ...errors },
    },
    handler: async (request) => ({
      asOf: services.now().toISOString(),
      countries: (await buildRegister(services, request.query.country)).map(presentCountry),
    }),
  });

  app.get('/api/v1/obligations/figures', {
    schema: {
      tags: ['obligations'],
      summary: "The platform's recorded user figures, oldest first",
      querystring: registerQuery,
      response: { 200: userFigureListSchema, ...errors },
    },
    handler: async (request) => ({ figures: await services.compliance.figures(request.query.country) }),
  });

  app.post('/api/v1/obligations/figures', {
    schema: {
      tags: ['obligations'],
      summary: 'Record a user figure for a jurisdiction, in the metric a law uses, with the date it was measured',
      body: newUserFigureSchema,
      response: { 201: recordedFigureSchema, ...errors },
    },
    handler: async (request, reply) => {
      const b = request.body;
      if (b.measuredOn > services.now().toISOString().slice(0, 10))
        throw new WritError('validation_failed', 'measuredOn is in the future', 'measuredOn');
      const figure = await services.compliance.recordFigure({ ...b, note: b.note ?? null }, signedInUser(request));
      const [country] = await buildRegister(services, b.country);
      return reply.status(201).send({ figure, country: presentCountry(country!) });
    },
  });

  app.put('/api/v1/obligations/:country/:regimeId/:dutyId', {
    schema: {
      tags: ['obligations'],
      summary: 'Set the status, owner and note of a duty (not_applicable needs a reason); returns the country',
      params: dutyParams,
      body: dutyUpdateSchema,
      response: { 200: countryObligationsSchema, ...errors },
    },
    handler: async (request) => {
      checkDuty(request.params);
      await services.compliance.updateDuty(request.params, request.body, signedInUser(request));
      const [country] = await buildRegister(services, request.params.country);
      return presentCountry(country!);
    },
  });

  app.post('/api/v1/obligations/:country/:regimeId/:dutyId/evidence', {
    bodyLimit: Math.ceil((MAX_EVIDENCE_BYTES * 4) / 3) + 64 * 1024,
    schema: {
      tags: ['obligations'],
      summary: 'Add evidence to a duty: a note and optionally a file (base64, at most 5 MB decoded)',
      params: dutyParams,
      body: newEvidenceSchema,
      response: { 201: evidenceResponseSchema, ...errors },
    },
    handler: async (request, reply) => {
      checkDuty(request.params);
      const b = request.body;
      if (b.contentBase64 !== undefined && !b.fileName)
        throw new WritError('validation_failed', 'a file needs a fileName', 'fileName');
      const file =
        b.contentBase64 !== undefined
          ? {
              name: b.fileName!,
              contentType: b.contentType ?? 'application/octet-stream',
              content: Buffer.from(b.contentBase64, 'base64'),
            }
          : null;
      const evidence = await services.compliance.addEvidence(request.params, { note: b.note, file }, signedInUser(request));
      return reply.status(201).send(presentEvidence(evidence));
    },
  });

  app.get('/api/v1/obligations/evidence/:id', {
    schema: {
      tags: ['obligations'],
      summary: 'Download an evidence file (the bytes, with its media type and an X-Content-SHA256 header)',
      params: idParam,
      response: { 200: z.any().meta({ description: 'The file' }), ...errors },
    },
    handler: async (request, reply) => {
      const file = await services.compliance.evidenceFile(request.params.id);
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
