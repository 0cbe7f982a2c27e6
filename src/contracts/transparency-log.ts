/** The transparency log's public API (issue 13): checkpoints, consistency and inclusion proofs, the verifier key. */
import { z } from 'zod';
import type { ConsistencyProof, RecordProof } from '../domain/static-site-layout.js';
import { publicRecordSchema, publicTombstoneSchema } from './public-records.js';

const base64Hash = z.string().meta({ description: 'A SHA-256 hash, standard base64' });
const treeSize = z.coerce
  .number({ message: 'must be a tree size (a whole number)' })
  .int('must be a tree size (a whole number)')
  .min(1, 'must be at least 1')
  .max(Number.MAX_SAFE_INTEGER, 'is too large');

export const checkpointText = z.string().meta({
  description: 'A signed checkpoint (C2SP tlog-checkpoint, signed-note): origin, tree size, root hash, a blank line, signatures',
});

export const verifierKeyText = z.string().meta({
  description: 'The log’s verifier key in the signed-note format <name>+<hex key hint>+<base64(0x01 || Ed25519 key)>',
});

export const checkpointSizesSchema = z
  .object({ sizes: z.array(z.number().int()).meta({ description: 'Tree sizes with a checkpoint, ascending' }) })
  .meta({ id: 'CheckpointSizes' });

export const treeSizeParams = z.object({ treeSize: treeSize });

export const consistencyQuery = z.object({ from: treeSize, to: treeSize });

export const consistencyProofSchema = z
  .object({ from: z.number().int(), to: z.number().int(), hashes: z.array(base64Hash) })
  .meta({ id: 'ConsistencyProof', description: 'RFC 9162 §2.1.4 consistency proof between two signed tree sizes' });

export const recordProofSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    status: z.enum(['published', 'withdrawn']),
    record: publicRecordSchema.nullable(),
    tombstone: publicTombstoneSchema.nullable(),
    leafIndex: z.number().int(),
    leaf: z.string().meta({ description: 'The log leaf: canonical JSON of the entry, standard base64' }),
    inclusion: z.object({ treeSize: z.number().int(), hashes: z.array(base64Hash) }),
    checkpoint: checkpointText,
  })
  .meta({ id: 'RecordProof', description: 'A record (or its tombstone) with its log leaf and RFC 9162 inclusion proof' });

// The schemas and the domain types must stay the same shape.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _proofShape: Same<z.infer<typeof recordProofSchema>, RecordProof> = true;
const _consistencyShape: Same<z.infer<typeof consistencyProofSchema>, ConsistencyProof> = true;
void _proofShape;
void _consistencyShape;

export type RecordProofResponse = z.infer<typeof recordProofSchema>;
export type ConsistencyProofResponse = z.infer<typeof consistencyProofSchema>;
