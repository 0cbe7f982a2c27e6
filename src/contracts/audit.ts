/** The tamper-evident audit log on the wire (issue 12, decision 48): its verification and checkpoints. */
import { z } from 'zod';

/** The kinds of src/domain/audit-chain.ts (which uses node:crypto, so the web cannot import it). */
export const auditProblemKinds = [
  'edited',
  'link_broken',
  'seq_gap',
  'head_mismatch',
  'head_missing',
  'chain_missing',
  'checkpoint',
] as const;

export const auditProblemSchema = z
  .object({
    chain: z.string().meta({
      description: 'The chain: order:<id>, staff:<id>, officer:<id>, agency:<id> or obligation:<country>/<regime>/<duty>',
    }),
    seq: z.number().int().nullable().meta({ description: 'The row named (null when none can be)' }),
    kind: z.enum(auditProblemKinds).meta({
      description:
        'edited: an entry does not hash to its recorded hash; link_broken: prev_hash is not the hash before it; seq_gap: an entry missing or inserted; head_mismatch: the newest entry deleted or appended without the trigger; head_missing / chain_missing: a chain without its head or a head without its chain; checkpoint: the log does not extend the checkpoint',
    }),
    detail: z.string(),
  })
  .meta({ id: 'AuditProblem' });

export const auditVerificationSchema = z
  .object({
    ok: z.boolean(),
    chains: z.number().int().meta({ description: 'Chains read (up to the problem, if any)' }),
    entries: z.number().int().meta({ description: 'Entries read (up to the problem, if any)' }),
    rootHash: z
      .string()
      .nullable()
      .meta({ description: 'SHA-256 (hex) of the heads listing; null when the log does not verify' }),
    problem: auditProblemSchema.nullable().meta({ description: 'The first thing wrong' }),
    checkedAt: z.string(),
  })
  .meta({ id: 'AuditVerification' });
export type AuditVerificationView = z.infer<typeof auditVerificationSchema>;

export const auditCheckpointSchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    chains: z.number().int(),
    entries: z.number().int(),
    rootHash: z.string().meta({ description: 'SHA-256 (hex) of the heads listing' }),
    signed: z.boolean(),
    keyId: z.string().nullable(),
  })
  .meta({ id: 'AuditCheckpoint' });
export type AuditCheckpointView = z.infer<typeof auditCheckpointSchema>;

export const auditCheckpointCreatedSchema = auditCheckpointSchema
  .extend({
    text: z.string().meta({
      description:
        'The checkpoint to publish: a signed note (origin, entries, root, chains, time, signature) and the heads listing',
    }),
    publicKeyFingerprint: z.string().nullable(),
  })
  .meta({ id: 'AuditCheckpointCreated' });
export type AuditCheckpointCreatedView = z.infer<typeof auditCheckpointCreatedSchema>;

export const auditCheckpointListSchema = z
  .object({ checkpoints: z.array(auditCheckpointSchema) })
  .meta({ id: 'AuditCheckpointList' });
export type AuditCheckpointListView = z.infer<typeof auditCheckpointListSchema>;
