/** Reviewers download the files an authority attached to its order (issue 10). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Writ } from '../../app/context.js';
import { viewAttachment } from '../../app/order-attachments.js';
import { attachmentParams } from '../../contracts/authority-orders.js';
import { problemSchema } from '../../contracts/common.js';
import { requireUser } from '../authentication.js';
import { sendAttachment } from '../authority/order-routes.js';

export const requestAttachmentRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.addHook('onRequest', requireUser);

  app.get('/api/v1/requests/:id/attachments/:attachmentId', {
    config: { permission: 'orders.read' },
    schema: {
      tags: ['requests'],
      operationId: 'downloadRequestAttachment',
      summary: 'Download a file attached to an order',
      description:
        "The file the authority attached (the signed order), as an attachment, never shown in place, with the media type detected from its content and an X-Content-SHA256 header. Each download is recorded in the order's history and audit log (`attachment_viewed`).",
      params: attachmentParams,
      response: { 200: z.any().meta({ description: 'The file' }), 401: problemSchema, 404: problemSchema },
    },
    handler: async (request, reply) => {
      // Each staff view of a private attachment is recorded (and chained in the audit log).
      const { attachment, bytes } = await viewAttachment(writ, request.user!.id, request.params.id, request.params.attachmentId);
      return sendAttachment(reply, attachment, bytes);
    },
  });
};
