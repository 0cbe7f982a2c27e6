/** Officers and API clients submit and follow orders, with attachments and receipts (issue 10). */
import contentDisposition from 'content-disposition';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAgencyOrders, readAgencyOrder, submitOrder } from '../../app/authority-orders.js';
import type { Writ } from '../../app/context.js';
import { attachFile, readAttachment } from '../../app/order-attachments.js';
import {
  attachmentFileNameHeader,
  attachmentParams,
  attachmentSchema,
  attachmentUploadTypes,
  authorityOrderListQuery,
  authorityOrderListSchema,
  authorityOrderSchema,
  orderReceiptSchema,
  submitOrderSchema,
} from '../../contracts/authority-orders.js';
import { idParam, problemSchema } from '../../contracts/common.js';
import type { AttachmentRow } from '../../db/channel-orders-repository.js';
import { WritError } from '../../domain/errors.js';
import { agencyPrincipal, requireAgency } from '../authentication.js';
import {
  presentAgencyOrder,
  presentAgencyOrderSummary,
  presentAttachment,
  presentReceipt,
} from '../presenters/authority-orders.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

/**
 * An uploaded file's bytes, held where the request guards' walk over a body does not go (a private
 * field): they look for text PostgreSQL cannot store, and a file is no text.
 */
export class UploadedFile {
  readonly #bytes: Buffer;
  constructor(bytes: Buffer) {
    this.#bytes = bytes;
  }
  get bytes(): Buffer {
    return this.#bytes;
  }
}

/** The file name header, percent-encoded UTF-8; a name that does not decode is taken as sent. */
function fileNameOf(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A stored file, sent to be saved and never shown in place. */
export function sendAttachment(reply: FastifyReply, attachment: AttachmentRow, bytes: Buffer) {
  return (
    reply
      .header('content-type', attachment.mediaType)
      .header('content-disposition', contentDisposition(attachment.fileName, { type: 'attachment' }))
      .header('x-content-type-options', 'nosniff')
      // A hostile file opened from here runs nothing: no script, no plugin, no same-origin access.
      .header('content-security-policy', "sandbox; default-src 'none'")
      .header('cache-control', 'private, no-store')
      .header('x-content-sha256', attachment.sha256)
      .send(bytes)
  );
}

export const authorityOrderRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.addHook('onRequest', requireAgency);

  const maxBytes = writ.config.attachmentMaxBytes;
  const tooLarge = () => new WritError('payload_too_large', `a file may be at most ${maxBytes} bytes`, 'body');
  // Files come as the raw body; the declared type is not trusted (the bytes are checked), only needed to get here.
  app.addContentTypeParser([...attachmentUploadTypes], (request, payload, done) => {
    if (Number(request.headers['content-length'] ?? 0) > maxBytes) {
      payload.resume();
      done(tooLarge(), undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let finished = false;
    const finish = (error: Error | null, file?: UploadedFile) => {
      if (finished) return;
      finished = true;
      done(error, file);
    };
    payload.on('data', (chunk: Buffer) => {
      if (finished) return;
      size += chunk.length;
      if (size > maxBytes) finish(tooLarge());
      else chunks.push(chunk);
    });
    payload.on('end', () => finish(null, new UploadedFile(Buffer.concat(chunks))));
    payload.on('error', (error) => finish(error));
  });

  app.post('/api/v1/authority/orders', {
    schema: {
      tags: ['authority-orders'],
      operationId: 'submitAuthorityOrder',
      summary: 'Submit an order',
      description:
        "Receives an order from the agency's officer (portal) or API key (api), under the agency's authority and zone, at the server's instant of receipt. " +
        'An order that lacks what its regime requires (or, where the regime says nothing, the platform default: legal basis, statement of reasons, exact items, signer) ' +
        'is received all the same with status needs_clarification and each missing element named with the reason; where the regime stops the clock while the platform waits, it stands still from receipt. ' +
        "The answer is the confirmation of receipt (DSA Art. 10(1)): Writ's reference, the receipt instant, the deadline and its basis; a receipt mail goes to the officer (or the agency's contact for an API key).",
      body: submitOrderSchema,
      response: { 201: orderReceiptSchema, ...errors },
    },
    handler: async (request, reply) => {
      const view = await submitOrder(writ, agencyPrincipal(request), request.body);
      return reply.status(201).send(presentReceipt(view));
    },
  });

  app.get('/api/v1/authority/orders', {
    schema: {
      tags: ['authority-orders'],
      operationId: 'listAuthorityOrders',
      summary: "List the agency's orders",
      description: "The agency's own orders only, newest first, a page at a time; optionally only those in some statuses.",
      querystring: authorityOrderListQuery,
      response: { 200: authorityOrderListSchema, ...errors },
    },
    handler: async (request) => {
      const { orders, total } = await listAgencyOrders(writ, agencyPrincipal(request), request.query);
      return { orders: orders.map(presentAgencyOrderSummary), total };
    },
  });

  app.get('/api/v1/authority/orders/:id', {
    schema: {
      tags: ['authority-orders'],
      operationId: 'getAuthorityOrder',
      summary: 'Read one of the agency’s orders',
      description:
        'The order, its missing elements and clock, its attachments, and per item the outcome in the authority’s words ' +
        '(pending, effect_given with its scope, declined with the reason category, not_found, already_removed, not_enough_information) and when. ' +
        "Another agency's order answers 404, as an id that does not exist.",
      params: idParam,
      response: { 200: authorityOrderSchema, ...errors },
    },
    handler: async (request) => presentAgencyOrder(await readAgencyOrder(writ, agencyPrincipal(request), request.params.id)),
  });

  app.post('/api/v1/authority/orders/:id/attachments', {
    bodyLimit: maxBytes,
    schema: {
      tags: ['authority-orders'],
      operationId: 'attachToAuthorityOrder',
      summary: 'Attach a file to an order',
      description:
        `The file's bytes as the body (Content-Type application/octet-stream or the file's own), its name percent-encoded in the ${attachmentFileNameHeader} header. ` +
        `At most ${maxBytes} bytes (413); a PDF, PNG, JPEG or TIFF as judged by its content (415 otherwise, whatever its name or label). ` +
        'Stored under a new id with its SHA-256; nothing is stored of a refused file.',
      params: idParam,
      response: { 201: attachmentSchema, ...errors, 413: problemSchema, 415: problemSchema },
    },
    handler: async (request, reply) => {
      if (!(request.body instanceof UploadedFile))
        throw new WritError('unsupported_media_type', `send the file's bytes as application/octet-stream`, 'body');
      const principal = agencyPrincipal(request);
      const attachment = await attachFile(
        writ,
        { agencyId: principal.agency.id, officerId: principal.officer?.id ?? null },
        request.params.id,
        { fileName: fileNameOf(request.headers[attachmentFileNameHeader]), bytes: request.body.bytes },
      );
      return reply.status(201).send(presentAttachment(attachment));
    },
  });

  app.get('/api/v1/authority/orders/:id/attachments/:attachmentId', {
    schema: {
      tags: ['authority-orders'],
      operationId: 'downloadAuthorityOrderAttachment',
      summary: 'Download a file of an order',
      description:
        'The file itself, as an attachment (never shown in place), with its detected media type and an X-Content-SHA256 header.',
      params: attachmentParams,
      response: { 200: z.any().meta({ description: 'The file' }), ...errors },
    },
    handler: async (request, reply) => {
      const { attachment, bytes } = await readAttachment(
        writ,
        agencyPrincipal(request).agency.id,
        request.params.id,
        request.params.attachmentId,
      );
      return sendAttachment(reply, attachment, bytes);
    },
  });
};
