/** The pressure record in public (issue 15): what states did to the platform, per country and half-year. No sign-in. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';
import { publicPressure } from '../../app/pressure.js';
import { problemSchema } from '../../contracts/common.js';
import { publicPressureListSchema, publicPressureQuery } from '../../contracts/pressure.js';
import { parseBegunPeriod } from '../../domain/period.js';
import { presentPublicPressureEvent } from '../presenters/pressure.js';

export const publicPressureRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.get('/api/v1/public/pressure', {
    schema: {
      tags: ['site'],
      security: [],
      operationId: 'listPublicPressureEvents',
      summary: 'Pressure on the platform',
      description:
        'Fines, court judgments, blocks, throttling, bans and shutdowns recorded against the platform, with the law they enforce, how many orders they concern and their sources; for a country and a half-year when named. The CSV is the download `country-{CC}-{YYYY-Hn}-pressure`.',
      querystring: publicPressureQuery,
      response: { 200: publicPressureListSchema, 400: problemSchema },
    },
    handler: async (request) => {
      if (request.query.period) parseBegunPeriod(request.query.period, writ.now());
      return { events: (await publicPressure(writ, request.query)).map(presentPublicPressureEvent) };
    },
  });
};
