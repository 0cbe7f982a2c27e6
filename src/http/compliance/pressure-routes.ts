/**
 * The pressure record over HTTP (issue 15), for compliance leads: list, record, read with its
 * history, and change the fines, blocks, shutdowns … a state imposes, each tied to its law and orders.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Writ } from '../../app/context.js';
import { changePressure, listPressure, pressureEvent, recordPressure } from '../../app/pressure.js';
import { idParam, problemSchema } from '../../contracts/common.js';
import {
  newPressureEventSchema,
  pressureChangeSchema,
  pressureDetailSchema,
  pressureEventSchema,
  pressureListSchema,
  pressureQuery,
} from '../../contracts/pressure.js';
import { requireUser, signedInUser } from '../authentication.js';
import { presentPressureEvent, presentPressureHistory } from '../presenters/pressure.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export const pressureRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.addHook('onRequest', requireUser);

  app.get('/api/v1/pressure', {
    config: { permission: 'compliance.read' },
    schema: {
      tags: ['pressure'],
      operationId: 'listPressureEvents',
      summary: 'List pressure events',
      description: 'Fines, blocks, shutdowns and other state actions against the platform, oldest first.',
      querystring: pressureQuery,
      response: { 200: pressureListSchema, ...errors },
    },
    handler: async (request) => ({ events: (await listPressure(writ, request.query)).map(presentPressureEvent) }),
  });

  app.post('/api/v1/pressure', {
    config: { permission: 'compliance.manage' },
    schema: {
      tags: ['pressure'],
      operationId: 'recordPressureEvent',
      summary: 'Record a pressure event',
      description:
        'A state action against the platform: its kind, authority, dates, amount, the regime and duty or deadline rule it enforces, the orders it concerns (by reference) and its sources.',
      body: newPressureEventSchema,
      response: { 201: pressureEventSchema, ...errors },
    },
    handler: async (request, reply) => {
      const event = await recordPressure(writ, request.body, signedInUser(request));
      return reply.status(201).send(presentPressureEvent(event));
    },
  });

  app.get('/api/v1/pressure/:id', {
    config: { permission: 'compliance.read' },
    schema: {
      tags: ['pressure'],
      operationId: 'getPressureEvent',
      summary: 'Read a pressure event',
      description: 'The event with its orders and its history, newest change first.',
      params: idParam,
      response: { 200: pressureDetailSchema, ...errors },
    },
    handler: async (request) => {
      const { event, history } = await pressureEvent(writ, request.params.id);
      return { event: presentPressureEvent(event), history: history.map(presentPressureHistory) };
    },
  });

  app.put('/api/v1/pressure/:id', {
    config: { permission: 'compliance.manage' },
    schema: {
      tags: ['pressure'],
      operationId: 'changePressureEvent',
      summary: 'Change a pressure event',
      description:
        'Replaces the facts and orders of an event (a status change: appealed, paid, overturned, lifted). Refused with 409 when it changed since `version`.',
      params: idParam,
      body: pressureChangeSchema,
      response: { 200: pressureEventSchema, ...errors },
    },
    handler: async (request) => {
      const { version, ...input } = request.body;
      return presentPressureEvent(await changePressure(writ, request.params.id, version, input, signedInUser(request)));
    },
  });
};
