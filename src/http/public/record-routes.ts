/**
 * Issue 13 — the public request database: search with facets, records, tombstones (410 Gone, never
 * a silent 404), Atom feeds of newly published records. No sign-in; reads only `public_records`.
 * (A record's inclusion proof, /api/v1/public/records/{id}/proof, is in log-routes.ts.)
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Writ } from '../../app/context.js';
import { feedXml, recordById, searchRecords } from '../../app/public-records.js';
import { problemSchema } from '../../contracts/common.js';
import {
  feedParams,
  publicRecordResponseSchema,
  publicTombstoneResponseSchema,
  recordIdParams,
  recordSearchQuerySchema,
  recordSearchResponseSchema,
} from '../../contracts/public-records.js';
import { presentRecordLookup, presentRecordSearch } from '../presenters/public-records.js';

const atomType = 'application/atom+xml; charset=utf-8';

export const publicRecordRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.get('/api/v1/public/records', {
    schema: {
      tags: ['records'],
      security: [],
      operationId: 'searchPublicRecords',
      summary: 'Search the public request database',
      description:
        'Published records (never withdrawn ones) matching the words — English and Russian stems, Kazakh words as written — ' +
        'and the chosen facet values (several values of one facet: any of them; several facets: all of them), ranked by ' +
        'relevance then newest; with facet counts over the records matching the words and every other facet’s filter. ' +
        'A facet value that does not exist is refused (400) with its field.',
      querystring: recordSearchQuerySchema,
      response: { 200: recordSearchResponseSchema, 400: problemSchema },
    },
    handler: async (request) => {
      const query = request.query;
      return presentRecordSearch(await searchRecords(writ, query), query);
    },
  });

  app.get('/api/v1/public/records/:id', {
    schema: {
      tags: ['records'],
      security: [],
      operationId: 'getPublicRecord',
      summary: 'A public record',
      description:
        'The record as published (redacted) with a citation line; a withdrawn record answers 410 Gone with its ' +
        'tombstone (when and why it was withdrawn) as the body; an id never published is 404.',
      params: recordIdParams,
      response: { 200: publicRecordResponseSchema, 410: publicTombstoneResponseSchema, 400: problemSchema, 404: problemSchema },
    },
    handler: async (request, reply) => {
      const found = await recordById(writ, request.params.id);
      return reply.status(found.status === 'published' ? 200 : 410).send(presentRecordLookup(found));
    },
  });

  const feedResponse = { 200: z.string().meta({ description: 'An Atom 1.0 feed (RFC 4287)' }) };

  app.get('/feeds/records.atom', {
    schema: {
      tags: ['records'],
      security: [],
      operationId: 'getRecordsFeed',
      summary: 'Atom feed of newly published records',
      description: 'The 50 newest published records of every country, newest first (application/atom+xml).',
      response: feedResponse,
    },
    handler: async (_request, reply) =>
      reply.type(atomType).send(await feedXml(writ, { country: null, siteUrl: writ.config.publicUrl })),
  });

  app.get('/feeds/:country.atom', {
    schema: {
      tags: ['records'],
      security: [],
      operationId: 'getCountryRecordsFeed',
      summary: 'Atom feed of a country’s newly published records',
      description:
        'The 50 newest published records of the authorities of one country (ISO 3166-1 alpha-2), newest first; an unknown country code is 404.',
      params: feedParams,
      response: { ...feedResponse, 400: problemSchema, 404: problemSchema },
    },
    handler: async (request, reply) =>
      reply.type(atomType).send(await feedXml(writ, { country: request.params.country, siteUrl: writ.config.publicUrl })),
  });
};
