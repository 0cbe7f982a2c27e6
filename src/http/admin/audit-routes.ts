/** The audit log: verification, the signed head (issue 12, decision 48). Admins and auditors. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createCheckpoint, verifyAuditLog } from '../../app/audit.js';
import type { Writ } from '../../app/context.js';
import { auditCheckpointCreatedSchema, auditCheckpointListSchema, auditVerificationSchema } from '../../contracts/audit.js';
import { problemSchema } from '../../contracts/common.js';
import { requireUser } from '../authentication.js';
import { presentCheckpoint, presentCreatedCheckpoint, presentVerification } from '../presenters/audit.js';

const errors = { 401: problemSchema, 403: problemSchema, 409: problemSchema };

export const auditRoutes: FastifyPluginAsyncZod<{ writ: Writ }> = async (app, { writ }) => {
  app.addHook('onRequest', requireUser);

  app.get('/api/v1/admin/audit/verification', {
    config: { permission: 'audit.read' },
    schema: {
      tags: ['audit'],
      operationId: 'verifyAuditLog',
      summary: 'Verify the audit log',
      description:
        "Recomputes every entry's hash and link of every chain and compares each chain's last entry with its head, as `writ audit verify` does: the first problem (chain, seq, what), or the counts and the root hash.",
      response: { 200: auditVerificationSchema, ...errors },
    },
    handler: async () => presentVerification(await verifyAuditLog(writ), writ.now()),
  });

  app.get('/api/v1/admin/audit/checkpoints', {
    config: { permission: 'audit.read' },
    schema: {
      tags: ['audit'],
      operationId: 'listAuditCheckpoints',
      summary: 'List the latest audit checkpoints',
      description:
        'The 20 latest checkpoints of the audit log, newest first: when, how many chains and entries, the root hash, whether signed.',
      response: { 200: auditCheckpointListSchema, ...errors },
    },
    handler: async () => ({ checkpoints: (await writ.audit.checkpoints(20)).map(presentCheckpoint) }),
  });

  app.post('/api/v1/admin/audit/checkpoints', {
    config: { permission: 'audit.read' },
    schema: {
      tags: ['audit'],
      operationId: 'createAuditCheckpoint',
      summary: 'Export and sign the head of the audit log',
      description:
        "Verifies the log, records a checkpoint of every chain's head and signs it with the configured Ed25519 key (WRIT_AUDIT_SIGNING_KEY), for anchoring outside Writ; 409 when the log does not verify. Adds a record and changes no order, so an auditor may make one.",
      response: { 201: auditCheckpointCreatedSchema, ...errors },
    },
    handler: async (_request, reply) => reply.code(201).send(presentCreatedCheckpoint(await createCheckpoint(writ))),
  });
};
