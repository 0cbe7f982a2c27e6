/**
 * Platform admins verify, reject, suspend and reinstate agencies (issue 10). Staff admins only: a
 * reviewer gets 403, an officer (whose token is no staff session) 401.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { agencyWithHistory, decideAgency } from '../../app/agencies.js';
import type { Writ } from '../../app/context.js';
import { agencyDetailSchema, agencyListQuery, agencyListSchema, agencyReasonSchema } from '../../contracts/agencies.js';
import { idParam, problemSchema } from '../../contracts/common.js';
import type { AgencyDecision } from '../../domain/agency.js';
import { requireRole, signedInUser } from '../authentication.js';
import { presentAgency, presentAgencyDetail } from '../presenters/agencies.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

const decisions: { decision: AgencyDecision; operationId: string; summary: string; description: string; reason: boolean }[] = [
  {
    decision: 'verify',
    operationId: 'verifyAgency',
    summary: 'Verify an agency',
    description:
      'A pending agency becomes verified: it is linked to the authority of the same country and name (created if ' +
      'there is none; its orders are recorded and counted there), and its contact is invited by mail as its first ' +
      'admin officer, all at once (admin only).',
    reason: false,
  },
  {
    decision: 'reject',
    operationId: 'rejectAgency',
    summary: 'Reject an agency',
    description: 'A pending agency is rejected, with the reason it is shown (admin only).',
    reason: true,
  },
  {
    decision: 'suspend',
    operationId: 'suspendAgency',
    summary: 'Suspend an agency',
    description:
      'A verified agency is suspended, with a reason: its officers and API keys can do nothing until it is reinstated (admin only).',
    reason: true,
  },
  {
    decision: 'reinstate',
    operationId: 'reinstateAgency',
    summary: 'Reinstate an agency',
    description: 'A suspended agency is verified again (admin only).',
    reason: false,
  },
];

export const agencyAdminRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.addHook('onRequest', requireRole('admin'));

  app.get('/api/v1/admin/agencies', {
    config: { permission: 'agencies.manage' },
    schema: {
      tags: ['admin'],
      operationId: 'listAgencies',
      summary: 'List agencies',
      description: 'Every agency, newest application first, or those of one status (admin only).',
      querystring: agencyListQuery,
      response: { 200: agencyListSchema, ...errors },
    },
    handler: async (request) => ({ agencies: (await writ.agencies.list(request.query.status)).map(presentAgency) }),
  });

  app.get('/api/v1/admin/agencies/:id', {
    config: { permission: 'agencies.manage' },
    schema: {
      tags: ['admin'],
      operationId: 'getAgency',
      summary: 'An agency and its history',
      description: 'The agency with every event of its history, oldest first (admin only).',
      params: idParam,
      response: { 200: agencyDetailSchema, ...errors },
    },
    handler: async (request) => presentAgencyDetail(await agencyWithHistory(writ, request.params.id)),
  });

  for (const d of decisions) {
    app.post(`/api/v1/admin/agencies/:id/${d.decision}`, {
      config: { permission: 'agencies.manage' },
      schema: {
        tags: ['admin'],
        operationId: d.operationId,
        summary: d.summary,
        description: d.description,
        params: idParam,
        ...(d.reason ? { body: agencyReasonSchema } : {}),
        response: { 200: agencyDetailSchema, ...errors },
      },
      handler: async (request) => {
        const body = request.body as { reason?: string } | undefined;
        const detail = await decideAgency(writ, {
          agencyId: request.params.id,
          decision: d.decision,
          actorUserId: signedInUser(request).id,
          reason: body?.reason ?? null,
        });
        return presentAgencyDetail(detail);
      },
    });
  }
};
