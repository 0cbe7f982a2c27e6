/** Exports in the formats the world reads (issue 13): google-removals, meta-data-requests, eu-orders, dsa-sor, lumen. No sign-in. */
import contentDisposition from 'content-disposition';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Writ } from '../../app/context.js';
import { exportFiles } from '../../app/exports.js';
import { problemSchema } from '../../contracts/common.js';
import { exportFileListSchema, exportParams, exportQuery } from '../../contracts/exports.js';
import { WritError } from '../../domain/errors.js';
import { exportFormats, isMultiFile, parseExportFormat } from '../../domain/exports/formats.js';
import { formatPeriod, parseBegunPeriod } from '../../domain/period.js';

export const exportRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.get('/api/v1/public/exports/:format', {
    schema: {
      tags: ['exports'],
      security: [],
      operationId: 'getExport',
      summary: 'Export in a published format',
      description:
        `Writ's figures in formats other tools already read: ${exportFormats.join(', ')}. ` +
        'google-removals: Google’s two government-removals CSVs; meta-data-requests: Meta’s government-requests CSV (layout C), one per half-year; ' +
        'eu-orders: Part 3 of the EU transparency report (orders from Member States), default the last half-year that has ended; ' +
        'dsa-sor: DSA statements of reasons in batches of 100; lumen: Lumen-style notices, one per published record. ' +
        'A single-file format answers the file as an attachment; a multi-file format answers the list of its files, and `?file=` one of them.',
      params: exportParams,
      querystring: exportQuery,
      response: {
        200: z.union([exportFileListSchema, z.string()]).meta({ description: 'The file list (JSON) or the file itself' }),
        400: problemSchema,
        404: problemSchema,
      },
    },
    handler: async (request, reply) => {
      const format = parseExportFormat(request.params.format);
      const period = request.query.period ? parseBegunPeriod(request.query.period, writ.now()) : null;
      const files = await exportFiles(writ, format, period);
      const wanted = request.query.file;
      const file = wanted !== undefined ? files.find((f) => f.name === wanted) : isMultiFile(format) ? undefined : files[0];
      if (wanted !== undefined && !file)
        throw new WritError('not_found', `this export has no file ${JSON.stringify(wanted)}`, 'file');
      if (!file) {
        const query = (name: string) =>
          new URLSearchParams({ ...(period ? { period: formatPeriod(period) } : {}), file: name }).toString();
        return {
          format,
          period: period ? formatPeriod(period) : null,
          files: files.map((f) => ({
            name: f.name,
            contentType: f.contentType,
            bytes: Buffer.byteLength(f.content),
            url: `/api/v1/public/exports/${format}?${query(f.name)}`,
          })),
        };
      }
      return reply
        .header('content-disposition', contentDisposition(file.name, { type: 'attachment' }))
        .type(file.contentType)
        .send(file.content);
    },
  });
};
